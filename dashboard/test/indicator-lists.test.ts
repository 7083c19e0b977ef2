/**
 * A list behind every number (issue 20, item 1), rendered whole against the fake API: the signed-in
 * scorecard's numerators and denominators are links to their lists (never D3's, never on the public
 * pages); the list page shows records of every kind with the rule in words (Vietnamese, English),
 * states its number — the scorecard's — at the top, pages by 50, and exports the whole list (every
 * page) in the page's language: Vietnam time, numbers as numbers.
 */
import type { IndicatorList, ListRecord } from "@scorecard/shared/contracts/indicator-lists";
import { LIST_RULES } from "@scorecard/shared/facts/list-rules";
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { casesEn, casesVi } from "../src/lib/i18n/cases.js";
import { aFullUnit, aMeta, aScorecard, anIndicator, someCases } from "./support/builders.js";
import { parseCsv } from "./support/csv.js";
import { fullServer } from "./support/full-server.js";
import { measuredH1, publicView } from "./support/public-builders.js";
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
/** A dossier resolved in `days` working days (P2's numerator adds them up). */
const dossier = (id: string, days: number): ListRecord => ({
  kind: "dossier", ...common, id, rule: "RESOLVED_IN_PERIOD", value: days, caseId: id, field: "CIVIL_STATUS", procedureCode: "1.000894", procedureNameVi: "Đăng ký khai sinh", procedureNameEn: null,
  channel: "ONLINE_FULL", status: "EARLY", receivedAt: "2024-03-04T02:00:00.000Z", dueAt: "2024-03-08T10:00:00.000Z", endAt: "2024-03-06T03:00:00.000Z", resolvedAt: "2024-03-06T03:00:00.000Z",
  returnedAt: null, supplementRequests: 0, handlingDays: days, overrunDays: 0, consultedUnits: 0,
});

function server() {
  // D3 (entered by Home Affairs) has a value but no list.
  const stp = aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }, { rank: 2 });
  const withD3 = { ...stp, indicators: { ...stp.indicators, D3: anIndicator(1, 1, 2), P2: anIndicator(1830, 60, null) } };
  return fullServer({
    meta: aMeta({ periods: ["2024-H1"] }),
    scorecards: { "DEPT-STP/2024-H1": aScorecard(withD3, null) },
    cases: { "DEPT-STP/2024-H1": someCases("DEPT-STP") },
    lists: {
      "DEPT-STP/2024-H1/R7/denominator": list("R7", "denominator", "unit", "sum", [
        { kind: "unit", ...common, id: "DEPT-SXD", rule: "UNIT_OVERRUN", value: 100, unitId: "DEPT-SXD", days: 100 },
        { kind: "unit", ...common, id: "DEPT-STP", rule: "UNIT_OVERRUN", value: 12, unitId: "DEPT-STP", days: 12 },
        { kind: "unit", ...common, id: "VERT-THUE", rule: "UNIT_OVERRUN", value: 8, unitId: "VERT-THUE", days: 8 },
      ]),
      "DEPT-STP/2024-H1/R7/numerator": list("R7", "numerator", "charge", "sum", [
        { kind: "charge", ...common, id: "C-9", rule: "DELAY_LEAD_REMAINDER", value: 12, caseId: "C-9", chargedUnitId: "DEPT-STP", leadUnitId: "DEPT-STP", role: "LEAD", days: 12, receivedAt: "2024-02-01T02:00:00.000Z" },
      ]),
      "DEPT-STP/2024-H1/R5/numerator": list("R5", "numerator", "consultation", "count", [
        { kind: "consultation", ...common, id: "K-1@2024-03-04T03:00:00.000Z", rule: "CONSULTATION_ON_TIME", caseId: "K-1", requestedAt: "2024-03-04T03:00:00.000Z", dueAt: "2024-03-06T10:00:00.000Z", answeredAt: "2024-03-06T09:00:00.000Z", verdict: "ON_TIME", daysLate: 0 },
      ]),
      "DEPT-STP/2024-H1/S1/denominator": list("S1", "denominator", "complaint", "count", [
        { kind: "complaint", ...common, id: "Q-1", rule: "COMPLAINT_ON_TIME", inNumerator: true, complaintId: "Q-1", caseId: null, receivedAt: "2024-03-04T02:00:00.000Z", acceptedAt: "2024-03-05T02:00:00.000Z", refusedAt: null, handledAt: "2024-03-20T02:00:00.000Z", verdict: "ON_TIME", disliked: false, reComplained: false },
        { kind: "complaint", ...common, id: "Q-2", rule: "COMPLAINT_LATE", inNumerator: false, complaintId: "Q-2", caseId: "C-9", receivedAt: "2024-03-04T03:00:00.000Z", acceptedAt: null, refusedAt: "2024-03-07T02:00:00.000Z", handledAt: null, verdict: "LATE", disliked: false, reComplained: false },
      ]),
      "DEPT-STP/2024-H1/D3/numerator": { ...list("D3", "numerator", null, "count", []), computed: false, reason: "MANUAL", aggregate: null, total: null },
      "DEPT-STP/2024-H1/P2/numerator": list("P2", "numerator", "dossier", "sum", Array.from({ length: 60 }, (_, i) => dossier(`P-${String(i).padStart(3, "0")}`, 60 - i))),
    },
  });
}
const pageOf = (path: string) => new URLSearchParams(path.split("?")[1]).get("page");
const csv = async (i = 0) => parseCsv(await saved[i]!.text());
/** The table of a file: its header (the first row of more than two cells) and the rows below it. */
const tableOf = (rows: string[][]) => {
  const at = rows.findIndex((r) => r.length > 2);
  return { context: rows.slice(0, at), header: rows[at]!, body: rows.slice(at + 1).filter((r) => r.some((c) => c !== "")) };
};

describe("Scorecard: every computed number leads to its list", () => {
  it("links each computed indicator's numerator and denominator, never D3's (entered by hand)", async () => {
    renderAt(server(), "#/units/DEPT-STP?period=2024-H1", { user: "officer-stp" });
    await settled();
    const links = screen.getAllByTestId("list-link");
    const href = (code: string, part: string) => links.find((a) => a.dataset.code === code && a.dataset.part === part)?.getAttribute("href");
    expect(href("P1", "numerator")).toBe("#/units/DEPT-STP/cases?period=2024-H1&indicator=P1&part=numerator");
    expect(href("R7", "denominator")).toBe("#/units/DEPT-STP/cases?period=2024-H1&indicator=R7&part=denominator");
    // Every row with numbers has both links but D3, whose numbers stand as text.
    const rows = screen.getAllByTestId("indicator-row").filter((r) => r.querySelector("[data-testid=indicator-value]"));
    const linked = (r: HTMLElement) => [...r.querySelectorAll<HTMLElement>("[data-testid=list-link]")].map((a) => a.dataset.part);
    expect(rows.filter((r) => r.dataset.code !== "D3").every((r) => linked(r).join() === "numerator,denominator")).toBe(true);
    const d3 = rows.find((r) => r.dataset.code === "D3")!;
    expect(linked(d3)).toEqual([]);
    expect(d3.querySelectorAll("td")[0]?.textContent?.trim()).toBe("1");
  });

  it("shows no list link on a public page", async () => {
    renderAt(fullServer({ meta: aMeta({ periods: ["2024-H1"] }), rankings: { "2024-H1/DEPARTMENT": publicView(measuredH1()) } }), "#/public/units/DEPT-SXD?period=2024-H1");
    await settled();
    expect(screen.getAllByTestId("indicator-row").length).toBeGreaterThan(0);
    expect(screen.queryAllByTestId("list-link")).toEqual([]);
  });
});

describe("Page: the list behind a number", () => {
  it("R7's denominator: the province's units with their days, the number the scorecard shows, the rule in words; the reader's own unit leads to its charges", async () => {
    renderAt(server(), "#/units/DEPT-STP?period=2024-H1", { user: "officer-stp" });
    await settled();
    await fireEvent.click(screen.getAllByTestId("list-link").find((a) => a.dataset.code === "R7" && a.dataset.part === "denominator")!);
    await waitFor(() => expect(screen.queryByTestId("cases-table")).not.toBeNull());
    await settled();
    expect(window.location.hash).toBe("#/units/DEPT-STP/cases?period=2024-H1&indicator=R7&part=denominator");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Mẫu số: Phân định trách nhiệm chậm trễ (R7) — DEPT-STP");
    expect(screen.getByTestId("list-total").dataset.total).toBe("120");
    expect(screen.getByTestId("cases-count").textContent).toBe("120 ngày làm việc trễ, cộng trên 3 cơ quan, đơn vị — bằng mẫu số của chỉ số Phân định trách nhiệm chậm trễ (R7) trên phiếu điểm");
    const rows = screen.getAllByTestId("record-row");
    expect(rows.map((r) => [r.dataset.id, within(r).getByTestId("record-days").textContent])).toEqual([["DEPT-SXD", "100"], ["DEPT-STP", "12"], ["VERT-THUE", "8"]]);
    expect(within(rows[0]!).getByTestId("record-rule").textContent).toBe("Số ngày trễ tính cho đơn vị trong kỳ");
    // An officer of DEPT-STP opens its own unit's charges only.
    expect(rows.map((r) => within(r).queryByTestId("unit-list-link") !== null)).toEqual([false, true, false]);
    await fireEvent.click(screen.getByTestId("lang-en"));
    expect(within(screen.getAllByTestId("record-row")[0]!).getByTestId("record-rule").textContent).toBe("Days of lateness charged to the unit in the period");
    expect(screen.getByTestId("cases-count").textContent).toContain("120 working days late, summed over 3 agencies and units — equal to the denominator of");
    await fireEvent.click(within(screen.getAllByTestId("record-row")[1]!).getByTestId("unit-list-link"));
    await waitFor(() => expect(screen.getByTestId("cases-table").dataset.kind).toBe("charge"));
    expect(window.location.hash).toBe("#/units/DEPT-STP/cases?period=2024-H1&indicator=R7&part=numerator&lang=en");
    expect(screen.getByTestId("record-row").textContent).toContain("The rest of the dossier's lateness (receiving unit)");
    expect(within(screen.getByTestId("record-row")).getByTestId("case-link").getAttribute("href")).toBe("#/cases/C-9?period=2024-H1&unitId=DEPT-STP&indicator=R7&part=numerator&lang=en");
  });

  it("a consultation list: its file in Vietnamese, times in Vietnam time, days as numbers, the scorecard's number as context", async () => {
    renderAt(server(), "#/units/DEPT-STP/cases?period=2024-H1&indicator=R5&part=numerator", { user: "officer-stp" });
    await settled();
    expect(screen.getByTestId("list-definition").textContent).toBe("Tử số của R5: Số lượt đơn vị được cơ quan khác lấy ý kiến và đã trả lời đúng hoặc trước thời hạn");
    expect(screen.getByTestId("cases-count").textContent).toMatch(/^1 lượt lấy ý kiến — bằng tử số của chỉ số .+ \(R5\) trên phiếu điểm$/);
    await fireEvent.click(screen.getByTestId("cases-export-csv"));
    await waitFor(() => expect(saved).toHaveLength(1));
    const { context, header, body } = tableOf(await csv());
    expect(header).toEqual(["Mã hồ sơ (bí danh)", "Lấy ý kiến lúc (giờ Việt Nam)", "Hạn của bước (giờ Việt Nam)", "Trả lời lúc (giờ Việt Nam)", "Đánh giá", "Quy tắc phân loại", "Số ngày trễ"]);
    expect(body).toEqual([["K-1", "2024-03-04T10:00:00+07:00", "2024-03-06T17:00:00+07:00", "2024-03-06T16:00:00+07:00", "Đúng hạn", "Trả lời đúng hạn của bước", "0"]]);
    expect(context).toContainEqual(["Số trên phiếu điểm", "1 lượt lấy ý kiến"]);
    expect(context).toContainEqual(["Phần của chỉ số", "tử số"]);
  });

  it("a complaint denominator says which are in the numerator; a named dossier leads to its timeline; the other part is one link away", async () => {
    renderAt(server(), "#/units/DEPT-STP/cases?period=2024-H1&indicator=S1&part=denominator&lang=en", { user: "chairman" });
    await settled();
    const rows = screen.getAllByTestId("record-row");
    expect(rows.map((r) => [r.dataset.id, within(r).getByTestId("record-in-numerator").textContent])).toEqual([["Q-1", "yes"], ["Q-2", "no"]]);
    expect(within(rows[1]!).getByTestId("record-rule").textContent).toBe("Accepted, refused or handled late");
    expect(within(rows[1]!).getByTestId("case-link").getAttribute("href")).toContain("#/cases/C-9?");
    expect(screen.getByTestId("other-part").getAttribute("href")).toBe("#/units/DEPT-STP/cases?period=2024-H1&indicator=S1&part=numerator&lang=en");
    expect(screen.getByTestId("progress-list").getAttribute("href")).toBe("#/units/DEPT-STP/cases?period=2024-H1&lang=en");
    // An indicator's list is whole: no status filter.
    expect(screen.queryByTestId("status-filter")).toBeNull();
  });

  it("says that D3 has no records behind it, and that a period scored before the lists has none yet", async () => {
    renderAt(server(), "#/units/DEPT-STP/cases?period=2024-H1&indicator=D3&part=numerator", { user: "chairman" });
    await settled();
    expect(screen.getByTestId("not-computed").textContent).toBe("Chỉ số D3 do Sở Nội vụ nhập: không có hồ sơ nào đứng sau con số này.");
    window.location.hash = "#/units/DEPT-STP/cases?period=2024-H1&indicator=T4&part=denominator";
    await waitFor(() => expect(screen.queryByTestId("not-yet")).not.toBeNull());
    expect(screen.getByTestId("not-yet").textContent).toContain("sẽ có sau lần tính điểm tiếp theo");
  });

  it("an average's dossiers: 50 a page, largest value first, the sum stated; the file holds every page", async () => {
    const api = server();
    renderAt(api, "#/units/DEPT-STP/cases?period=2024-H1&indicator=P2&part=numerator", { user: "officer-stp" });
    await settled();
    expect(screen.getAllByTestId("case-row")).toHaveLength(50);
    expect(screen.getAllByTestId("case-row").slice(0, 3).map((r) => r.dataset.value)).toEqual(["60", "59", "58"]);
    expect(screen.getByTestId("list-total").dataset.total).toBe("1830");
    expect(screen.getByTestId("cases-count").textContent).toContain("1.830 ngày làm việc, cộng trên 60 hồ sơ — bằng tử số của chỉ số");
    expect(within(screen.getAllByTestId("case-row")[0]!).getByTestId("case-procedure").textContent).toBe("Đăng ký khai sinh");
    expect(screen.getByTestId("cases-shown").textContent).toBe("Đang hiện 50/60 mục");
    // Tables keep to their own scroll box (a phone never scrolls the page sideways).
    expect(screen.getByTestId("cases-table").closest(".table-scroll")).not.toBeNull();

    // The file: every record, not only the 50 on screen.
    await fireEvent.click(screen.getByTestId("cases-export-csv"));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(api.callsTo("/v1/units/DEPT-STP/cases").at(-1)?.path).toBe("/v1/units/DEPT-STP/cases?period=2024-H1&indicator=P2&part=numerator&page=1&limit=1000");
    const { header, body } = tableOf(await csv());
    expect(body).toHaveLength(60);
    expect(header.at(-1)).toBe("Ngày làm việc");
    expect(body.map((r) => Number(r.at(-1))).reduce((a, b) => a + b, 0)).toBe(1830);
    expect(body[0]!.slice(0, 8)).toEqual(["P-000", "1.000894", "Đăng ký khai sinh", "Hộ tịch", "Trực tuyến toàn trình", "Trước hạn", "Giải quyết xong trong kỳ", "2024-03-04T09:00:00+07:00"]);

    await fireEvent.click(screen.getByTestId("cases-more"));
    await waitFor(() => expect(screen.getAllByTestId("case-row")).toHaveLength(60));
    expect(screen.queryByTestId("cases-more")).toBeNull();
    expect(api.callsTo("/v1/units/DEPT-STP/cases").filter((c) => c.path.includes("limit=50")).map((c) => pageOf(c.path))).toEqual(["1", "2"]);
  });

  it("the period's dossiers (no indicator) export in English: headers, statuses and rules in English, Vietnam time, days late as numbers", async () => {
    renderAt(server(), "#/units/DEPT-STP/cases?period=2024-H1&lang=en", { user: "officer-stp" });
    await settled();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Dossiers of the period — DEPT-STP");
    expect(screen.getByTestId("status-filter")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("cases-export-csv"));
    await waitFor(() => expect(saved).toHaveLength(1));
    const { header, body } = tableOf(await csv());
    expect(header).toEqual([
      "Dossier id (pseudonym)", "Procedure code", "Procedure", "Field", "Channel", "Status", "Classifying rule",
      "Received (Vietnam time)", "Due (Vietnam time)", "Ended (Vietnam time)", "Days late", "Supplement requests",
    ]);
    expect(body).toHaveLength(6);
    const late = body.find((r) => r[0] === "C-0003")!;
    expect([late[5], late[6], late[7], late[10]]).toEqual(["Late", "Finished after the due date", "2024-01-02T10:56:00+07:00", "0"]);
  });
});

describe("Words of the rules", () => {
  it("words every rule a list can give, in Vietnamese and in English", () => {
    const codes = Object.values(LIST_RULES).flat();
    expect(codes.filter((c) => !casesVi.rules[c] || !casesEn.rules[c] || casesVi.rules[c] === casesEn.rules[c])).toEqual([]);
  });
});
