/**
 * The open-data page (issue 19, item 5): per period and tier, CSV and JSON built from the public
 * API that parse back, carry the published version and the data dictionary, and never write a
 * withheld value as a number; the dictionary and the licence on the page, in its language.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { aMeta } from "./support/builders.js";
import { parseCsv } from "./support/csv.js";
import { fullServer } from "./support/full-server.js";
import { measuredH1, publicView } from "./support/public-builders.js";
import { renderAt, settled } from "./support/render-app.js";

let saved: { name: string; blob: Blob }[] = [];
let lastName = "";
beforeEach(() => {
  saved = [];
  URL.createObjectURL = ((b: Blob) => {
    saved.push({ name: lastName, blob: b });
    return "blob:test";
  }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    lastName = this.download;
    const last = saved.at(-1);
    if (last) last.name = this.download;
  });
});
afterEach(() => vi.restoreAllMocks());

const server = () => fullServer({ meta: aMeta({ periods: ["2024-H1", "2024-Q1"] }), rankings: { "2024-H1/DEPARTMENT": publicView(measuredH1()) } });

interface OpenDataJson {
  licence: { id: string; text: string };
  period: string;
  tier: string;
  status: string;
  version: number | null;
  publishedAt: string | null;
  dataAsOf: string;
  dictionary: { id: string; header: string; unit: string; meaning: string }[];
  rows: Record<string, string | number | null>[];
}

describe("Page: Dữ liệu mở (open data)", () => {
  it("downloads a tier's CSV that parses, one row per unit, with the version on every row and withheld cells empty", async () => {
    renderAt(server(), "#/open-data");
    await settled();
    expect(screen.getByTestId("open-data-files").dataset.period).toBe("2024-H1");

    await fireEvent.click(screen.getByTestId("open-data-DEPARTMENT-csv"));
    await waitFor(() => expect(saved).toHaveLength(1));

    expect(saved[0]!.name).toBe("xep-hang-department-2024-h1-vi.csv");
    const [header, ...rows] = parseCsv(await saved[0]!.blob.text());
    expect(header!.slice(0, 4)).toEqual(["Kỳ đánh giá", "Nhóm đơn vị", "Phiên bản công bố", "Phương pháp"]);
    expect(header).toContain("Thời gian giải quyết TTHC trung bình (P2), ngày làm việc");
    expect(rows).toHaveLength(2);
    const stp = rows.find((r) => r.includes("DEPT-STP")) as string[];
    expect(stp.slice(0, 4)).toEqual(["2024-H1", "Sở, ban, ngành", "2", "dn-2026.1"]);
    // P2 in working days (13.51, not 1350.6 %); the withheld LATE count empty and named.
    expect(stp[header!.indexOf("Thời gian giải quyết TTHC trung bình (P2), ngày làm việc")]).toBe("13.51");
    expect(stp[header!.indexOf("Số hồ sơ: Trễ hạn")]).toBe("");
    expect(stp.at(-1)).toBe("Trễ hạn");
    expect(screen.getByTestId("open-data-status").textContent).toContain("xep-hang-department-2024-h1-vi.csv");
  });

  it("downloads the JSON: the licence, the version and its date, times in Vietnam time, the dictionary and the rows as objects", async () => {
    renderAt(server(), "#/open-data?lang=en");
    await settled();

    await fireEvent.click(screen.getByTestId("open-data-DEPARTMENT-json"));
    await waitFor(() => expect(saved).toHaveLength(1));

    const doc = JSON.parse(await saved[0]!.blob.text()) as OpenDataJson;
    expect(doc.licence.id).toBe("CC-BY-4.0");
    expect([doc.period, doc.tier, doc.status, doc.version]).toEqual(["2024-H1", "DEPARTMENT", "published", 2]);
    expect(doc.publishedAt).toBe("2026-01-05T01:30:00+07:00");
    expect(doc.dataAsOf).toBe("2024-07-01T00:00:00+07:00");
    const ids = doc.dictionary.map((c) => c.id);
    expect(ids.slice(0, 4)).toEqual(["period", "tier", "published_version", "methodology"]);
    expect(doc.dictionary.find((c) => c.id === "P2_value")).toMatchObject({ unit: "average working days", header: "Average handling time (P2), working days" });
    expect(doc.dictionary.find((c) => c.id === "R8_value")?.header).toBe("Complaints per 1,000 dossiers (R8), per 1,000 dossiers");
    for (const row of doc.rows) expect(Object.keys(row)).toEqual(ids);
    const stp = doc.rows.find((r) => r.unit_id === "DEPT-STP")!;
    expect(stp).toMatchObject({ P2_value: 13.51, R8_value: 3, P1_value: 97.94, count_LATE: null, withheld: "Late" });
    expect(typeof stp.total).toBe("number");
  });

  it("shows the data dictionary (name, unit, meaning) and the licence in the page's language, and offers it as CSV", async () => {
    renderAt(server(), "#/open-data");
    await settled();

    expect(screen.getByTestId("open-data-licence").textContent).toContain("Giấy phép: CC BY 4.0 — Ghi nguồn: UBND tỉnh Đồng Nai (Scorecard)");
    const p2 = within(screen.getByTestId("open-data-dictionary")).getAllByRole("row").find((r) => r.dataset.column === "P2_value") as HTMLElement;
    expect(p2.textContent).toContain("số ngày làm việc bình quân");
    expect(p2.textContent).toContain("Càng thấp càng tốt.");

    await fireEvent.click(screen.getByTestId("open-data-dictionary-csv"));
    const [header, ...rows] = parseCsv(await saved[0]!.blob.text());
    expect(header).toEqual(["Mã cột", "Tên cột", "Đơn vị đo", "Ý nghĩa"]);
    expect(rows.map((r) => r[0])).toContain("count_LATE");
    // The footer and the public navigation link here.
    expect(screen.getByTestId("footer-open-data").getAttribute("href")).toBe("#/open-data");
    expect(screen.getByTestId("nav-open-data").getAttribute("aria-current")).toBe("page");
  });

  it("says when a tier has no ranking for the period", async () => {
    renderAt(server(), "#/open-data?period=2024-H1");
    await settled();
    await fireEvent.click(screen.getByTestId("open-data-COMMUNE-csv"));
    await waitFor(() => expect(screen.getByTestId("open-data-status").textContent).toContain("Kỳ này chưa có kết quả xếp hạng Xã, phường."));
    expect(saved).toHaveLength(0);
  });
});
