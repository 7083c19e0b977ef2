/**
 * A list behind every number (issue 20, item 1): the scorecard's numerators and denominators are
 * links to their lists; the list page shows the records of any kind with the rule in words
 * (Vietnamese, English), the list's total, pages of 50, a CSV in the page's language (Vietnam time,
 * numbers as numbers), and says when an indicator has no records (D3).
 */
import type { IndicatorList, ListRecord } from "@scorecard/shared/contracts/indicator-lists";
import { LIST_RULES } from "@scorecard/shared/facts/list-rules";
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { casesEn, casesVi } from "../src/lib/i18n/cases.js";
import { aFullUnit, aMeta, aScorecard, anIndicator, someCases } from "./support/builders.js";
import { parseCsv } from "./support/csv.js";
import { fullServer } from "./support/full-server.js";
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

const common = { rule: "", value: null, inNumerator: null } as const;
const list = (indicator: string, part: "numerator" | "denominator", kind: IndicatorList["kind"], aggregate: "count" | "sum", records: ListRecord[], total = aggregate === "sum" ? records.reduce((s, r) => s + (r.value ?? 0), 0) : records.length): IndicatorList => ({
  unitId: "DEPT-STP", period: "2024-H1", methodology: "dn-2026.1", computedAt: "2024-07-15T01:30:00.000Z", indicator, part, computed: true, reason: null, kind, aggregate, total,
  count: records.length, status: null, page: 1, limit: records.length, pages: 1, records,
});
const dossier = (id: string, days: number): ListRecord => ({
  kind: "dossier", ...common, id, rule: "RESOLVED_IN_PERIOD", value: days, caseId: id, field: "CIVIL_STATUS", procedureCode: "1.000894", procedureNameVi: "Đăng ký khai sinh", procedureNameEn: "Birth registration",
  channel: "DIRECT", status: "EARLY", receivedAt: "2024-03-04T02:00:00.000Z", dueAt: "2024-03-08T10:00:00.000Z", endAt: "2024-03-06T03:00:00.000Z", resolvedAt: "2024-03-06T03:00:00.000Z",
  returnedAt: null, supplementRequests: 0, handlingDays: days, overrunDays: 0, consultedUnits: 0,
});

function server() {
  // D3 (entered by Home Affairs) has a value but no list.
  const stp = aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }, { rank: 2 });
  const withD3 = { ...stp, indicators: { ...stp.indicators, D3: anIndicator(1, 1, 2), P2: anIndicator(150, 60, null) } };
  return fullServer({
    meta: aMeta({ periods: ["2024-H1"] }),
    scorecards: { "DEPT-STP/2024-H1": aScorecard(withD3, null) },
    cases: { "DEPT-STP/2024-H1": someCases("DEPT-STP") },
    lists: {
      "DEPT-STP/2024-H1/R7/denominator": list("R7", "denominator", "unit", "sum", [
        { kind: "unit", ...common, id: "DEPT-STP", rule: "UNIT_OVERRUN", value: 12, unitId: "DEPT-STP", days: 12 },
        { kind: "unit", ...common, id: "DEPT-SXD", rule: "UNIT_OVERRUN", value: 100, unitId: "DEPT-SXD", days: 100 },
        { kind: "unit", ...common, id: "VERT-THUE", rule: "UNIT_OVERRUN", value: 8, unitId: "VERT-THUE", days: 8 },
      ].sort((a, b) => (b.value ?? 0) - (a.value ?? 0)) as ListRecord[]),
      "DEPT-STP/2024-H1/R7/numerator": list("R7", "numerator", "charge", "sum", [
        { kind: "charge", ...common, id: "C-9", rule: "DELAY_LEAD_REMAINDER", value: 12, caseId: "C-9", chargedUnitId: "DEPT-STP", leadUnitId: "DEPT-STP", role: "LEAD", days: 12, receivedAt: "2024-02-01T02:00:00.000Z" },
      ]),
      "DEPT-STP/2024-H1/R5/numerator": list("R5", "numerator", "consultation", "count", [
        { kind: "consultation", ...common, id: "K-1@2024-03-04T03:00:00.000Z", rule: "CONSULTATION_ON_TIME", caseId: "K-1", requestedAt: "2024-03-04T03:00:00.000Z", dueAt: "2024-03-06T10:00:00.000Z", answeredAt: "2024-03-06T11:00:00.000Z", verdict: "ON_TIME", daysLate: 0 },
      ], 8),
      "DEPT-STP/2024-H1/S1/denominator": list("S1", "denominator", "complaint", "count", [
        { kind: "complaint", ...common, id: "Q-1", rule: "COMPLAINT_ON_TIME", inNumerator: true, complaintId: "Q-1", caseId: null, receivedAt: "2024-03-04T02:00:00.000Z", acceptedAt: "2024-03-05T02:00:00.000Z", refusedAt: null, handledAt: "2024-03-20T02:00:00.000Z", verdict: "ON_TIME", disliked: false, reComplained: false },
        { kind: "complaint", ...common, id: "Q-2", rule: "COMPLAINT_LATE", inNumerator: false, complaintId: "Q-2", caseId: "C-9", receivedAt: "2024-03-04T03:00:00.000Z", acceptedAt: null, refusedAt: "2024-03-07T02:00:00.000Z", handledAt: null, verdict: "LATE", disliked: false, reComplained: false },
      ]),
      "DEPT-STP/2024-H1/T4/denominator": list("T4", "denominator", "procedure", "count", []),
      "DEPT-STP/2024-H1/D3/numerator": { ...list("D3", "numerator", null, "count", []), computed: false, reason: "MANUAL", aggregate: null, total: null },
      "DEPT-STP/2024-H1/P2/numerator": list("P2", "numerator", "dossier", "sum", Array.from({ length: 60 }, (_, i) => dossier(`P-${String(i).padStart(3, "0")}`, 60 - i))),
    },
  });
}

describe("Page: the list behind a number", () => {
  it("links every computed indicator's numerator and denominator from the scorecard, never D3's", async () => {
    renderAt(server(), "#/units/DEPT-STP?period=2024-H1", { user: "officer-stp" });
    await settled();
    const links = screen.getAllByTestId("list-link");
    const href = (code: string, part: string) => links.find((a) => a.dataset.code === code && a.dataset.part === part)?.getAttribute("href");
    expect(href("P1", "numerator")).toBe("#/units/DEPT-STP/cases?period=2024-H1&indicator=P1&part=numerator");
    expect(href("R7", "denominator")).toBe("#/units/DEPT-STP/cases?period=2024-H1&indicator=R7&part=denominator");
    expect(links.some((a) => a.dataset.code === "D3")).toBe(false);
    const d3 = screen.getAllByTestId("indicator-row").find((r) => r.dataset.code === "D3");
    expect(d3?.textContent).toContain("1"); // the number is shown, as text
  });

  it("R7's denominator: the province's units with their days, the total, the rule in words; the reader's own unit leads to its charges", async () => {
    renderAt(server(), "#/units/DEPT-STP?period=2024-H1", { user: "officer-stp" });
    await settled();
    await fireEvent.click(screen.getAllByTestId("list-link").find((a) => a.dataset.code === "R7" && a.dataset.part === "denominator")!);
    await waitFor(() => expect(screen.queryByTestId("cases-table")).not.toBeNull());
    await settled();
    expect(window.location.hash).toBe("#/units/DEPT-STP/cases?period=2024-H1&indicator=R7&part=denominator");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("(R7) — mẫu số — DEPT-STP");
    expect(screen.getByTestId("list-total").dataset.total).toBe("120");
    expect(screen.getByTestId("cases-count").textContent).toContain("bằng mẫu số trên phiếu điểm");
    const rows = screen.getAllByTestId("record-row");
    expect(rows.map((r) => [r.dataset.id, r.dataset.value])).toEqual([["DEPT-SXD", "100"], ["DEPT-STP", "12"], ["VERT-THUE", "8"]]);
    expect(within(rows[0]!).getByTestId("record-rule").textContent).toBe("Số ngày trễ tính cho đơn vị trong kỳ");
    // An officer of DEPT-STP opens its own unit's charges only.
    expect(rows.map((r) => within(r).queryByTestId("unit-list-link") !== null)).toEqual([false, true, false]);
    await fireEvent.click(screen.getByTestId("lang-en"));
    expect(within(screen.getAllByTestId("record-row")[0]!).getByTestId("record-rule").textContent).toBe("Days of lateness charged to the unit in the period");
    await fireEvent.click(within(screen.getAllByTestId("record-row")[1]!).getByTestId("unit-list-link"));
    await waitFor(() => expect(screen.getByTestId("cases-table").dataset.kind).toBe("charge"));
    expect(window.location.hash).toBe("#/units/DEPT-STP/cases?period=2024-H1&indicator=R7&part=numerator&lang=en");
    expect(screen.getByTestId("record-row").textContent).toContain("The rest of the dossier's lateness (receiving unit)");
  });

  it("a consultation list exports every record in the page's language: Vietnam time, days as numbers", async () => {
    renderAt(server(), "#/units/DEPT-STP/cases?period=2024-H1&indicator=R5&part=numerator", { user: "officer-stp" });
    await settled();
    await waitFor(() => expect(screen.queryByTestId("cases-table")).not.toBeNull());
    expect(screen.getByTestId("list-definition").textContent).toContain("Cách đếm tử số");
    await fireEvent.click(screen.getByTestId("cases-export-csv"));
    await waitFor(() => expect(saved).toHaveLength(1));
    const rows = parseCsv(await saved[0]!.text());
    const header = rows.findIndex((r) => r[0] === "Hồ sơ");
    expect(rows[header]).toEqual(["Hồ sơ", "Lấy ý kiến lúc (UTC+7)", "Hạn của bước (UTC+7)", "Trả lời lúc (UTC+7)", "Đánh giá", "Quy tắc phân loại", "Số ngày trễ"]);
    expect(rows[header + 1]).toEqual(["K-1", "2024-03-04T10:00:00+07:00", "2024-03-06T17:00:00+07:00", "2024-03-06T18:00:00+07:00", "Đúng hạn", "Trả lời đúng hạn của bước", "0"]);
    expect(rows.some((r) => r[0] === "Tổng" && r[1] === "8")).toBe(true);
  });

  it("a complaint denominator marks those in the numerator; the other part is one link away", async () => {
    renderAt(server(), "#/units/DEPT-STP/cases?period=2024-H1&indicator=S1&part=denominator&lang=en", { user: "chairman" });
    await settled();
    await waitFor(() => expect(screen.queryByTestId("cases-table")).not.toBeNull());
    const rows = screen.getAllByTestId("record-row");
    expect(rows.map((r) => [r.dataset.id, within(r).getByTestId("record-in-numerator").textContent])).toEqual([["Q-1", "yes"], ["Q-2", "no"]]);
    expect(within(rows[1]!).getByTestId("record-rule").textContent).toBe("Accepted, refused or handled late");
    expect(within(rows[1]!).getByTestId("case-link").getAttribute("href")).toContain("#/cases/C-9");
    expect(screen.getByTestId("other-part").getAttribute("href")).toBe("#/units/DEPT-STP/cases?period=2024-H1&indicator=S1&part=numerator&lang=en");
  });

  it("says that D3 has no records behind it", async () => {
    renderAt(server(), "#/units/DEPT-STP/cases?period=2024-H1&indicator=D3&part=numerator", { user: "chairman" });
    await settled();
    await waitFor(() => expect(screen.queryByTestId("not-computed")).not.toBeNull());
    expect(screen.getByTestId("not-computed").textContent).toBe("Chỉ số D3 do Sở Nội vụ nhập: không có hồ sơ nào đứng sau con số này.");
  });

  it("an average's records come 50 at a time with their values, largest first; the rest on demand", async () => {
    const api = server();
    renderAt(api, "#/units/DEPT-STP/cases?period=2024-H1&indicator=P2&part=numerator", { user: "officer-stp" });
    await settled();
    await waitFor(() => expect(screen.getAllByTestId("case-row")).toHaveLength(50));
    const values = screen.getAllByTestId("case-row").map((r) => Number(r.dataset.value));
    expect(values.slice(0, 3)).toEqual([60, 59, 58]);
    expect(screen.getByTestId("list-total").dataset.total).toBe(String((60 * 61) / 2));
    expect(screen.getByTestId("cases-count").textContent).toContain("1.830 ngày làm việc (cộng trên 60 mục)");
    expect(within(screen.getAllByTestId("case-row")[0]!).getByTestId("case-procedure").textContent).toBe("Đăng ký khai sinh");
    // Tables keep to their own scroll box (a phone never scrolls the page sideways).
    expect(screen.getByTestId("cases-table").closest(".table-scroll")).not.toBeNull();
    await fireEvent.click(screen.getByTestId("cases-more"));
    await waitFor(() => expect(screen.getAllByTestId("case-row")).toHaveLength(60));
    expect(api.callsTo("/v1/units/DEPT-STP/cases").map((c) => new URLSearchParams(c.path.split("?")[1]).get("page"))).toEqual(["1", "2"]);
  });
});

describe("Words of the rules", () => {
  it("words every rule a list can give, in Vietnamese and in English", () => {
    const codes = Object.values(LIST_RULES).flat();
    expect(codes.filter((c) => !casesVi.rules[c] || !casesEn.rules[c] || casesVi.rules[c] === casesEn.rules[c])).toEqual([]);
  });
});
