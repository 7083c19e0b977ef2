import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ExportTable, crc32, neutralise, toCsv, toXlsx, xlsxParts } from "../src/lib/export.js";
import { createFormatters } from "../src/lib/format.js";
import { MESSAGES } from "../src/lib/i18n.js";
import { DN_2026_1 } from "@scorecard/shared/methodology/dn-2026-1";
import { rankingExport } from "../src/lib/ranking-export.js";
import { departmentsH1 } from "./support/builders.js";
import { parseCsv } from "./support/csv.js";

const DANGEROUS = /^[=+\-@\t\r]/;
const cellText = fc.oneof(fc.string(), fc.constantFrom("=1+1", "+SUM(A1)", "-2", "@cmd", "\t=x", "\r=y", "=HYPERLINK(\"http://x\")", 'a,"b"\r\nc'));
const aTable = fc.record({
  title: fc.string({ maxLength: 40 }),
  context: fc.array(fc.tuple(cellText, cellText), { maxLength: 5 }),
  columns: fc.array(cellText, { minLength: 1, maxLength: 6 }),
  rows: fc.array(fc.array(fc.oneof(cellText, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)), { maxLength: 6 }), { maxLength: 8 }),
});

describe("Module: export (CSV, XLSX)", () => {
  it("neutralises every text cell a spreadsheet would run as a formula, and only those (property)", () => {
    fc.assert(
      fc.property(cellText, (text) => {
        const out = neutralise(text);
        expect(DANGEROUS.test(out)).toBe(false);
        expect(out === text || out === `'${text}`).toBe(true);
        if (!DANGEROUS.test(text)) expect(out).toBe(text);
      }),
    );
  });

  it("writes CSV that reads back to the same table, context first, with no cell starting a formula (property)", () => {
    fc.assert(
      fc.property(aTable, (table: ExportTable) => {
        const rows = parseCsv(toCsv(table));
        const expected = [
          ...table.context.map(([k, v]) => [neutralise(k), neutralise(v)]),
          ...(table.context.length > 0 ? [[""]] : []),
          table.columns.map(neutralise),
          ...table.rows.map((r) => r.map((c) => (c === null ? "" : typeof c === "number" ? String(c) : neutralise(c)))),
        ];
        // An empty trailing row of zero cells reads back as [""], as in any CSV reader.
        expect(rows.map((r) => (r.length === 1 && r[0] === "" ? [""] : r))).toEqual(expected.map((r) => (r.length === 0 ? [""] : r)));
        // A cell may only start with a formula character when it is a plain number (e.g. -2): numbers stay numbers.
        for (const r of rows) for (const c of r) if (DANGEROUS.test(c)) expect(Number.isFinite(Number(c)) && /^-\d/.test(c)).toBe(true);
      }),
    );
  });

  it("exports the ranking shown: context lines in the page's language and Vietnam time, numbers in their unit, suppressed counts empty and flagged, formula-safe names", () => {
    const snap = departmentsH1();
    const units = snap.units.map((u, i) => (i === 0 ? { ...u, nameVi: "=cmd|' /C calc'!A0" } : u));
    const t = MESSAGES.vi;
    const table = rankingExport({
      snapshot: { ...snap, units },
      methodology: DN_2026_1,
      t,
      fmt: createFormatters("vi"),
      lang: "vi",
      publicView: true,
      exportedAt: "2024-07-20T00:00:00.000Z",
    });
    const csv = parseCsv(toCsv(table));
    const ctx = Object.fromEntries(csv.slice(0, table.context.length).map((r) => [r[0], r[1]]));
    expect(ctx["Kỳ đánh giá"]).toBe("6 tháng đầu năm 2024 (2024-H1)");
    expect(ctx["Nhóm đơn vị"]).toBe("Sở, ban, ngành");
    expect(ctx["Số liệu tính đến"]).toBe("00:00 01/07/2024 (giờ Việt Nam) — 2024-07-01T00:00:00+07:00");
    expect(ctx["Thời điểm tải về"]).toBe("07:00 20/07/2024 (giờ Việt Nam) — 2024-07-20T07:00:00+07:00");
    expect(ctx["Phương pháp"]).toBe("Phương pháp 2026.1");
    expect(ctx["Tình trạng công bố"]).toBe("Đã công bố — phiên bản 1");
    expect(ctx["Bảo vệ danh tính"]).toContain("dưới 5");
    expect(ctx["Giấy phép"]).toContain("CC BY 4.0");
    const header = csv[table.context.length + 1] as string[];
    expect(header.slice(0, 6)).toEqual(["Hạng", "Mã đơn vị", "Cơ quan, đơn vị", "Tổng điểm (điểm, tối đa 100)", "Xếp loại", "Đủ chỉ số"]);
    expect(header).toContain("Hồ sơ xử lý trước hạn, đúng hạn (P1), %");
    expect(header.at(-1)).toBe("Ô để trống do ẩn số nhỏ");
    // No English inside the Vietnamese file.
    expect(header.join(" ")).not.toMatch(/\b(unitId|points|group|Export)\b/);
    const body = csv.slice(table.context.length + 2);
    const stp = body.find((r) => r[1] === "DEPT-STP") as string[];
    // P1 as a percentage (97, not 0.97), its points; counts from 1 to 4 empty, named in the last column.
    expect(stp[header.indexOf("Hồ sơ xử lý trước hạn, đúng hạn (P1), %")]).toBe("97");
    expect(stp[header.indexOf("Hồ sơ xử lý trước hạn, đúng hạn (P1), điểm (tối đa 20)")]).toBe("19.4");
    expect(stp.slice(-6)).toEqual(["60", "37", "", "", "0", "Trễ hạn; Quá hạn"]);
    expect(body.flat().some((c) => c.startsWith("'=cmd"))).toBe(true);
  });

  it("writes a valid XLSX zip: two sheets (data, context), CRCs that match, inline strings neutralised", () => {
    const table: ExportTable = { title: "Xếp hạng DEPARTMENT 2024-H1", context: [["Kỳ", "2024-H1"]], columns: ["Hạng", "Tên"], rows: [[1, "=evil()"], [2, "Sở <Tư> & pháp"]] };
    const bytes = toXlsx(table);
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint32(bytes.length - 22, true)).toBe(0x06054b50);
    const parts = xlsxParts(table);
    expect(Object.keys(parts)).toContain("xl/worksheets/sheet2.xml");
    expect(parts["xl/worksheets/sheet1.xml"]).toContain("<t xml:space=\"preserve\">'=evil()</t>");
    expect(parts["xl/worksheets/sheet1.xml"]).toContain("Sở &lt;Tư&gt; &amp; pháp");
    expect(parts["xl/worksheets/sheet1.xml"]).not.toContain("<f>");
    expect(parts["xl/workbook.xml"]).toContain('name="Thông tin"');
    // Every local header's CRC is the CRC of its data.
    const enc = new TextEncoder();
    let offset = 0;
    for (const text of Object.values(parts)) {
      const nameLen = view.getUint16(offset + 26, true);
      const size = view.getUint32(offset + 18, true);
      const data = bytes.subarray(offset + 30 + nameLen, offset + 30 + nameLen + size);
      expect(view.getUint32(offset + 14, true)).toBe(crc32(enc.encode(text)));
      expect(crc32(data)).toBe(crc32(enc.encode(text)));
      offset += 30 + nameLen + size;
    }
  });

  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });
});
