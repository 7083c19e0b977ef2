/**
 * Units of measure and language on the public pages and in their files (issue 19, items 3 and 7):
 * P2 in working days (never "1.350,6%"), its change coloured by direction (a fall is good), one
 * ratio convention in every file (numbers in the unit the header names), headers and statuses in
 * the page's language, the badge with the version and its date.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { aMeta, aSnapshot } from "./support/builders.js";
import { parseCsv } from "./support/csv.js";
import { fullServer } from "./support/full-server.js";
import { aMeasuredUnit, measuredH1, publicView } from "./support/public-builders.js";
import { renderAt, settled } from "./support/render-app.js";

let saved: Blob[] = [];
beforeEach(() => {
  saved = [];
  URL.createObjectURL = ((b: Blob) => {
    saved.push(b);
    return "blob:test";
  }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

/** H1 2024 published as version 2 (public view), and H2 2023 where Sở Tư pháp took 15.2 working days. */
function server() {
  const h2 = aSnapshot({ period: "2023-H2", units: [aMeasuredUnit("DEPT-STP", "Sở Tư pháp", { onTime: 90, days: 15.2 })].map((u) => ({ ...u, rank: 1 })) });
  return fullServer({ meta: aMeta({ periods: ["2024-H1", "2023-H2"] }), rankings: { "2024-H1/DEPARTMENT": publicView(measuredH1()), "2023-H2/DEPARTMENT": h2 } });
}
const VI_DIACRITICS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const csvOf = async (i: number) => parseCsv(await saved[i]!.text());
const table = (rows: string[][]) => {
  const at = rows.findIndex((r) => r.length > 3);
  return { header: rows[at]!, body: rows.slice(at + 1) };
};

describe("Public pages: units of measure, direction and language", () => {
  it("the rankings show P2 in working days, with the publication's version and date in the badge", async () => {
    renderAt(server(), "?period=2024-H1&tier=DEPARTMENT");
    await settled();

    expect(screen.getByTestId("publication-status").textContent).toBe("Đã công bố — phiên bản 2, 05/01/2026");
    const p2 = screen.getByTestId("ranking-table").querySelector("th[data-indicator=P2]") as HTMLElement;
    expect(p2.textContent?.replace(/\s+/g, " ").trim()).toBe("Thời gian giải quyết ngày làm việc · P2");
    expect(p2.title).toContain("càng thấp càng tốt");
    const stp = screen.getAllByTestId("ranking-row").find((r) => r.dataset.unitId === "DEPT-STP") as HTMLElement;
    // The cell shows the number (the header names the unit); a screen reader hears it with its unit.
    const p2cell = stp.querySelectorAll("td")[[...stp.closest("table")!.querySelectorAll("thead th")].indexOf(p2) - 1] as HTMLElement;
    expect(p2cell.querySelector("span")?.textContent).toBe("13,5");
    expect(p2cell.querySelector(".sr-only")?.textContent).toBe("13,5 ngày làm việc");
    expect(stp.textContent).not.toContain("1.350");
    // The withheld count (the server's public view) shows as withheld, never as a number or 0.
    await fireEvent.click(screen.getByTestId("column-set-counts"));
    expect(within(screen.getAllByTestId("ranking-row").find((r) => r.dataset.unitId === "DEPT-STP")!).getAllByRole("cell").map((c) => c.dataset.state)).toContain("withheld");
    expect(screen.getByTestId("withheld-note")).toBeTruthy();
  });

  it("a unit's public page says why a value reads \"ẩn\" when the server withheld some of its row", async () => {
    const [first] = measuredH1().units;
    renderAt(server(), `#/public/units/${first!.unitId}?period=2024-H1`);
    await settled();
    await waitFor(() => expect(document.body.dataset.state).toBe("ready"));
    expect(screen.getByTestId("withheld-note").textContent).toBe("“ẩn”: giá trị được ẩn vì có thể làm lộ một số hồ sơ dưới 5.");
  });

  it("a unit's public page with nothing withheld has no such note", async () => {
    const second = measuredH1().units[1];
    renderAt(server(), `#/public/units/${second!.unitId}?period=2024-H1`);
    await settled();
    await waitFor(() => expect(document.body.dataset.state).toBe("ready"));
    expect(screen.getByTestId("public-groups-table")).toBeTruthy();
    expect(screen.queryByTestId("withheld-note")).toBeNull();
  });

  it("the rankings' file in English: English headers and statuses, P2 in working days, percentages as numbers, withheld cells empty", async () => {
    renderAt(server(), "?period=2024-H1&tier=DEPARTMENT&lang=en");
    await settled();
    await fireEvent.click(screen.getByTestId("ranking-export-csv"));
    await waitFor(() => expect(saved).toHaveLength(1));

    const rows = await csvOf(0);
    const { header, body } = table(rows);
    const context = rows.slice(0, rows.findIndex((r) => r.length === 1));
    // Nothing Vietnamese but the names of units and of the province's legal texts.
    expect([...header, ...context.map((r) => r[0]!)].filter((h) => VI_DIACRITICS.test(h))).toEqual([]);
    expect(context.find((r) => r[0] === "Publication")?.[1]).toBe("Published — version 2, 05/01/2026");
    expect(header).toContain("Average handling time (P2), working days");
    expect(header).toContain("Dossiers handled early or on time (P1), %");
    const stp = body.find((r) => r[1] === "DEPT-STP") as string[];
    expect(stp[header.indexOf("Average handling time (P2), working days")]).toBe("13.51");
    expect(stp[header.indexOf("Dossiers handled early or on time (P1), %")]).toBe("97.94");
    expect(stp[header.indexOf("Dossiers: Late")]).toBe("");
    expect(stp.at(-1)).toBe("Late");
    expect(stp[header.indexOf("Band")]).toBe("Excellent");
  });

  it("a unit's public page: band and change against the previous period, P2 in working days and its fall shown as an improvement", async () => {
    renderAt(server(), "#/public/units/DEPT-STP?period=2024-H1");
    await settled();
    await waitFor(() => expect(screen.getByTestId("public-unit-change").textContent).toContain("So với 6 tháng cuối năm 2023"));

    expect(screen.getByTestId("public-unit-band").textContent).toBe("Xuất sắc");
    expect(within(screen.getByTestId("public-unit-change")).getAllByTestId("delta")).toHaveLength(2);
    const p2 = screen.getAllByTestId("indicator-row").find((r) => r.dataset.code === "P2") as HTMLElement;
    expect(p2.dataset.unit).toBe("workingDays");
    expect(within(p2).getByTestId("indicator-value").textContent).toBe("13,5 ngày làm việc");
    expect(p2.textContent).toContain("càng thấp càng tốt");
    // 15.2 → 13.5 working days: down, and better (green), with the change in days.
    const delta = within(p2).getByTestId("delta");
    expect(delta.dataset.direction).toBe("down");
    expect(delta.classList.contains("better")).toBe(true);
    expect(delta.textContent).toContain("1,7 ngày làm việc");
    // P1's numerator was withheld: shown as such.
    const p1 = screen.getAllByTestId("indicator-row").find((r) => r.dataset.code === "P1") as HTMLElement;
    expect(p1.querySelector("td")?.textContent).toBe("ẩn");
  });

  it("a unit's public file: value in its unit with the unit beside it, headers in Vietnamese, withheld cells empty and named", async () => {
    renderAt(server(), "#/public/units/DEPT-STP?period=2024-H1");
    await settled();
    await fireEvent.click(screen.getByTestId("public-unit-export-csv"));
    await waitFor(() => expect(saved).toHaveLength(1));

    const rows = await csvOf(0);
    const { header, body } = table(rows);
    expect(header).toEqual(["Nhóm", "Mã", "Chỉ số", "Tử số", "Mẫu số", "Giá trị", "Đơn vị đo", "Điểm", "Tối đa", "Kỳ trước: giá trị", "Kỳ trước: điểm", "Ô để trống do ẩn số nhỏ"]);
    const p2 = body.find((r) => r[1] === "P2") as string[];
    expect([p2[5], p2[6], p2[9]]).toEqual(["13.51", "ngày làm việc", "15.2"]);
    const p1 = body.find((r) => r[1] === "P1") as string[];
    expect([p1[3], p1[5], p1[6], p1.at(-1)]).toEqual(["", "97.94", "%", "P1 (Tử số)"]);
    const r8 = body.find((r) => r[1] === "R8") as string[];
    expect([r8[5], r8[6]]).toEqual(["3", "trên 1.000 hồ sơ"]);
    expect(rows.find((r) => r[0] === "Tình trạng công bố")?.[1]).toBe("Đã công bố — phiên bản 2, 05/01/2026");
  });
});
