/**
 * A unit's scorecard shows the rating of the unit's head(s) (methodology §6) and the unit's reform
 * index (§5) for the period on the page — to the chairman, Home Affairs and the unit's own officer.
 */
import axe from "axe-core";
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { aFullUnit, aHeadRating, aHeadRatings, aMeta, aRatingsPublication, aReformIndex, aReformUnit, aScorecard, parCriteria } from "./support/builders.js";
import { fullServer } from "./support/full-server.js";
import { holding } from "./support/hold.js";
import { renderAt, settled } from "./support/render-app.js";

/**
 * 2024-H1 (182 days), DEPT-STP had two heads:
 * - H-STP-1, 1–31 January (31 of 182 days: under half the period): listed, not rated.
 * - H-STP-2, 1 February – 30 June (151 days, 130 dossiers): service index 96, apology letters 90 %,
 *   consultation answers on time 80 %. Results = 70 × 96 / 100 − 5 × (1 − 0.9) − 5 × (0.9 − 0.8)
 *   = 67.2 − 0.5 − 0.5 = 66.2; general criteria 28; total 94.2 ≥ 90 (Excellent), rated Good by the
 *   tier's 20 % quota.
 * A head of another unit is in the document too: the unit route leaves it out.
 */
const H1 = aHeadRatings("2024-H1", [
  aHeadRating("H-STP-1", {
    name: "Trần Thị Lan (demo)",
    status: "NOT_RATED",
    pending: "SHORT_TENURE",
    tenure: { ...aHeadRating("x").tenure, from: "2024-01-01", to: "2024-01-31", days: 31, cases: 20, serviceIndex: null },
    results: null,
    deductions: {},
    general: null,
    total: null,
    band: null,
  }),
  aHeadRating("H-STP-2", {
    name: "Lê Văn Hùng (demo)",
    tenure: { ...aHeadRating("x").tenure, from: "2024-02-01", to: "2024-06-30", days: 151, cases: 130, serviceIndex: 96, ratios: { R2: 0.9, R5: 0.8 } },
    results: 66.2,
    deductions: { R2: 0.5, R5: 0.5, findings: 0 },
    general: 28,
    total: 94.2,
    band: "GOOD",
    cappedFromExcellent: true,
  }),
  aHeadRating("H-SXD-1", { unitId: "DEPT-SXD", unitNameVi: "Sở Xây dựng", name: "Phạm Văn Sơn (demo)" }),
]);

/** June 2024: H-STP-2 all month, service index 90 → results 70 × 90 / 100 = 63, no shortfall; general criteria not entered yet. */
const JUNE = aHeadRatings("2024-06", [
  aHeadRating("H-STP-2", {
    name: "Lê Văn Hùng (demo)",
    status: "PENDING",
    pending: "GENERAL_MISSING",
    tenure: { ...aHeadRating("x").tenure, from: "2024-06-01", to: "2024-06-30", days: 30, periodDays: 30, cases: 25, serviceIndex: 90, ratios: { R2: 1, R5: 0.95 } },
    results: 63,
    deductions: { R2: 0, R5: 0, findings: 0 },
    general: null,
    total: null,
    band: null,
  }),
]);

/** DEPT-STP: 8 + 6 + 11.45 + 7 + (10 − 3) + 5 + 11.2 + 15.53 = 71.18 (Fair: 65 to 80). */
const REFORM = aReformIndex("2024-H1", [
  aReformUnit("DEPT-SXD", "Sở Xây dựng", { criteria: parCriteria([9, 7, 20, 8, 12, 6, 14, 18]), total: 94, band: "EXCELLENT" }),
  aReformUnit("DEPT-STP", "Sở Tư pháp", { criteria: parCriteria([8, 6, 11.45, 7, 10, 5, 11.2, 15.53], [0, 0, 0, 0, 3]), total: 71.18, band: "FAIR" }),
]);

function server() {
  const stp = (period: string) => aScorecard(aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }, { rank: 2, nameEn: "Department of Justice" }), null, period);
  return fullServer({
    meta: aMeta({ periods: ["2024-H1", "2024-06", "2023-H2"] }),
    scorecards: { "DEPT-STP/2024-H1": stp("2024-H1"), "DEPT-STP/2024-06": stp("2024-06"), "DEPT-STP/2023-H2": stp("2023-H2") },
    // 2023-H2 has not been rated: 404 NO_RATINGS.
    headRatings: { "2024-H1": H1, "2024-06": JUNE },
    reformIndex: { "2024-H1": REFORM },
  });
}

async function seriousViolations() {
  const result = await axe.run(document.documentElement, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim() ?? "";
const headRow = (headId: string) => screen.getAllByTestId("head-rating").find((r) => r.dataset.headId === headId) as HTMLElement;
const headIds = () => screen.queryAllByTestId("head-rating").map((r) => r.dataset.headId);
const periodSelect = () => screen.getByTestId("period-select") as HTMLSelectElement;

describe("Page: Phiếu điểm đơn vị — người đứng đầu (methodology §6)", () => {
  it("shows the unit's own heads in the period: tenure, results /70 less deductions, general /30, total, band, the quota note — in Vietnamese and in English", async () => {
    // Prepare
    const api = server();

    // Act: the unit's own officer, who cannot open the province-wide ratings.
    renderAt(api, "#/units/DEPT-STP?period=2024-H1", { user: "officer-stp" });
    await settled();

    // Assess
    expect(api.callsTo("/v1/units/DEPT-STP/head-ratings")).toEqual([expect.objectContaining({ path: "/v1/units/DEPT-STP/head-ratings?period=2024-H1", authorized: true })]);
    expect(api.callsTo("/v1/head-ratings")).toEqual([]);
    const section = screen.getByTestId("heads");
    expect(within(section).getByRole("heading", { level: 2 }).textContent).toBe("Người đứng đầu đơn vị");
    const table = within(section).getByTestId("head-ratings");
    expect(text(table.querySelector("caption"))).toBe("Người đứng đầu — Sở Tư pháp, 6 tháng đầu năm 2024");
    // One unit: no unit column.
    expect(within(table).getAllByRole("columnheader").map(text)).toEqual(["Họ tên", "Giữ chức vụ trong kỳ", "Kết quả /70", "Tiêu chí chung /30", "Tổng điểm", "Xếp loại"]);
    expect(headIds()).toEqual(["H-STP-1", "H-STP-2"]);
    expect(screen.getByTestId("head-ratings-summary").textContent).toBe("1 đã xếp loại · 0 chưa đủ điều kiện · 1 không xếp loại");

    const [, tenure, results, general, total, band] = [...headRow("H-STP-2").querySelectorAll("th, td")].map(text);
    expect(tenure).toBe("01/02/2024 – 30/06/2024 151/182 ngày · 130 hồ sơ tiếp nhận");
    expect(results).toMatch(/^66,20 chỉ số phục vụ: 96,00/);
    expect(within(headRow("H-STP-2")).getAllByTestId("head-deduction").map(text)).toEqual(["−0,50 thư xin lỗi", "−0,50 trả lời lấy ý kiến"]);
    expect(general).toBe("28,00");
    expect(total).toBe("94,20");
    expect(band).toContain("Hoàn thành tốt nhiệm vụ");
    expect(headRow("H-STP-2").dataset.capped).toBe("true");
    expect(within(headRow("H-STP-2")).getByTestId("capped-note").textContent).toContain("tối đa 20% số người được xếp Tốt trở lên trong cùng cấp được xếp Xuất sắc");

    const first = headRow("H-STP-1");
    expect(text(first)).toContain("01/01/2024 – 31/01/2024 31/182 ngày · 20 hồ sơ tiếp nhận");
    expect(text(first)).toContain("Không xếp loại");
    expect(within(first).getByTestId("pending-reason").textContent).toBe("Giữ chức vụ dưới nửa kỳ: liệt kê, không xếp loại.");
    expect(screen.getByTestId("heads-as-of").querySelector("time")?.getAttribute("datetime")).toBe("2024-07-02T03:00:00.000Z");
    expect(await seriousViolations()).toEqual([]);

    await fireEvent.click(screen.getByTestId("lang-en"));
    expect(within(screen.getByTestId("heads")).getByRole("heading", { level: 2 }).textContent).toBe("Head of unit");
    expect(text(screen.getByTestId("head-ratings").querySelector("caption"))).toBe("Heads of unit — Department of Justice, H1 2024 (Jan–Jun)");
    const [, tenureEn, resultsEn, generalEn, totalEn, bandEn] = [...headRow("H-STP-2").querySelectorAll("th, td")].map(text);
    expect(tenureEn).toBe("01/02/2024 – 30/06/2024 151/182 days · 130 dossiers received");
    expect(resultsEn).toMatch(/^66\.20 service index: 96\.00/);
    expect(within(headRow("H-STP-2")).getAllByTestId("head-deduction").map(text)).toEqual(["−0.50 apology letters", "−0.50 consultation answers"]);
    expect([generalEn, totalEn]).toEqual(["28.00", "94.20"]);
    expect(bandEn).toContain("Good completion");
    expect(within(headRow("H-STP-2")).getByTestId("capped-note").textContent).toContain("at most 20 % of the heads rated Good or better in a tier may be Excellent");
    expect(within(headRow("H-STP-1")).getByTestId("pending-reason").textContent).toBe("In office for less than half of the period: listed, not rated.");
    expect(await seriousViolations()).toEqual([]);
  });

  it("a period not rated yet (404 NO_RATINGS) says so, with no zeros and no error", async () => {
    renderAt(server(), "#/units/DEPT-STP?period=2023-H2", { user: "chairman" });
    await settled();

    expect(screen.getByTestId("heads-not-computed").textContent).toBe("Chưa tính xếp loại người đứng đầu cho kỳ này (kỳ chưa được chấm điểm).");
    expect(screen.getByTestId("reform-not-computed").textContent).toBe("Chưa tính chỉ số CCHC cho kỳ này (kỳ chưa được chấm điểm).");
    expect(screen.queryByTestId("head-ratings")).toBeNull();
    expect(screen.queryByTestId("reform-index")).toBeNull();
    expect(screen.queryByTestId("error-state")).toBeNull();
    for (const id of ["heads", "reform"]) expect(screen.getByTestId(id).textContent).not.toMatch(/\d,\d\d/);
    // The scorecard itself is there.
    expect(screen.getByTestId("groups-table")).toBeTruthy();
  });

  it("a failed request shows an error with a retry, in its own section only", async () => {
    const api = server();
    let fail = true;
    const flaky: typeof fetch = (input, init) =>
      fail && String(input).includes("/head-ratings") ? Promise.resolve(new Response("{}", { status: 503 })) : api.fetch(input, init);
    renderAt({ fetch: flaky }, "#/units/DEPT-STP?period=2024-H1", { user: "chairman" });
    await settled();

    const section = screen.getByTestId("heads");
    expect(within(section).getByTestId("error-state")).toBeTruthy();
    expect(screen.getByTestId("groups-table")).toBeTruthy();
    expect(screen.getByTestId("reform-index")).toBeTruthy();

    fail = false;
    await fireEvent.click(within(section).getByRole("button"));
    await waitFor(() => expect(headIds()).toEqual(["H-STP-1", "H-STP-2"]));
    expect(within(screen.getByTestId("heads")).queryByTestId("error-state")).toBeNull();
  });
});

describe("Page: Phiếu điểm đơn vị — chỉ số CCHC (methodology §5)", () => {
  it("a half-year shows the unit's row of the reform index: eight fields, deductions, total and band", async () => {
    const api = server();
    renderAt(api, "#/units/DEPT-STP?period=2024-H1", { user: "officer-stp" });
    await settled();

    expect(api.callsTo("/v1/units/DEPT-STP/reform-index")).toEqual([expect.objectContaining({ path: "/v1/units/DEPT-STP/reform-index?period=2024-H1", authorized: true })]);
    const table = screen.getByTestId("reform-index");
    expect(text(table.querySelector("caption"))).toBe("Chỉ số CCHC — Sở Tư pháp, 6 tháng đầu năm 2024");
    const rows = screen.getAllByTestId("reform-row");
    expect(rows.map((r) => r.dataset.unitId)).toEqual(["DEPT-STP"]);
    const row = rows[0] as HTMLElement;
    expect([...row.querySelectorAll("td[data-criterion]")].map(text)).toEqual(["8,00", "6,00", "11,45", "7,00", "7,00 trừ 3,00", "5,00", "11,20", "15,53"]);
    expect(text(row)).toContain("71,18");
    expect(text(row)).toContain("Khá");
    expect(screen.getByTestId("reform-provisional")).toBeTruthy();
  });

  it("a month says the index is per half-year and links to the half-year's scorecard, without asking for it", async () => {
    const api = server();
    renderAt(api, "#/units/DEPT-STP?period=2024-06", { user: "officer-stp" });
    await settled();

    expect(screen.getByTestId("reform-half-years-only").textContent).toContain("Chỉ số CCHC được tính theo 6 tháng và theo năm.");
    const link = screen.getByTestId("reform-open");
    expect(link.textContent).toBe("Xem phiếu điểm và chỉ số CCHC 6 tháng đầu năm 2024");
    expect(link.getAttribute("href")).toBe("#/units/DEPT-STP?period=2024-H1");
    expect(api.callsTo("/v1/units/DEPT-STP/reform-index")).toEqual([]);
    // The month's head rating: results 63 and pending the general criteria.
    expect(headIds()).toEqual(["H-STP-2"]);
    expect(headRow("H-STP-2").dataset.status).toBe("PENDING");
    expect(text(headRow("H-STP-2"))).toContain("63,00");
    expect(within(headRow("H-STP-2")).getByTestId("pending-reason").textContent).toBe("Chờ Sở Nội vụ nhập tiêu chí chung.");

    await fireEvent.click(link);
    await waitFor(() => expect(window.location.hash).toBe("#/units/DEPT-STP?period=2024-H1"));
    await settled();
    expect(screen.getAllByTestId("reform-row").map((r) => r.dataset.unitId)).toEqual(["DEPT-STP"]);
  });
});

describe("Page: Phiếu điểm đơn vị — the sections follow the period", () => {
  it("changing the period reloads both sections for the new period; the old period's rows are never shown under it", async () => {
    // Prepare
    const api = server();
    const held = holding(api.fetch);
    renderAt({ fetch: held.fetch }, "#/units/DEPT-STP?period=2024-H1", { user: "chairman" });
    await settled();
    expect(headIds()).toEqual(["H-STP-1", "H-STP-2"]);
    const june = held.hold("/head-ratings?period=2024-06");

    // Act
    await fireEvent.change(periodSelect(), { target: { value: "2024-06" } });
    await waitFor(() => expect(june.requested()).toBe(true));

    // Assess: while June is on its way, neither H1's heads nor H1's reform index is on the page.
    expect(screen.getByTestId("heads-loading")).toBeTruthy();
    expect(headIds()).toEqual([]);
    expect(screen.queryByTestId("reform-index")).toBeNull();
    expect(screen.getByTestId("reform-half-years-only")).toBeTruthy();
    june.release();
    await settled();
    expect(headIds()).toEqual(["H-STP-2"]);
    expect(headRow("H-STP-2").dataset.status).toBe("PENDING");
    expect(text(screen.getByTestId("head-ratings").querySelector("caption"))).toBe("Người đứng đầu — Sở Tư pháp, Tháng 6/2024");

    // Back to H1: asked again, both sections.
    await fireEvent.change(periodSelect(), { target: { value: "2024-H1" } });
    await settled();
    await waitFor(() => expect(headIds()).toEqual(["H-STP-1", "H-STP-2"]));
    expect(screen.getAllByTestId("reform-row").map((r) => r.dataset.unitId)).toEqual(["DEPT-STP"]);
    expect(api.callsTo("/v1/units/DEPT-STP/head-ratings").map((c) => c.path)).toEqual([
      "/v1/units/DEPT-STP/head-ratings?period=2024-H1",
      "/v1/units/DEPT-STP/head-ratings?period=2024-06",
      "/v1/units/DEPT-STP/head-ratings?period=2024-H1",
    ]);
    expect(api.callsTo("/v1/units/DEPT-STP/reform-index").map((c) => c.path)).toEqual([
      "/v1/units/DEPT-STP/reform-index?period=2024-H1",
      "/v1/units/DEPT-STP/reform-index?period=2024-H1",
    ]);
  });

  it("a late answer for a period left behind is never shown", async () => {
    const api = server();
    const held = holding(api.fetch);
    renderAt({ fetch: held.fetch }, "#/units/DEPT-STP?period=2024-H1", { user: "chairman" });
    await settled();
    const june = held.hold("/head-ratings?period=2024-06");

    await fireEvent.change(periodSelect(), { target: { value: "2024-06" } });
    await waitFor(() => expect(june.requested()).toBe(true));
    await fireEvent.change(periodSelect(), { target: { value: "2023-H2" } });
    await settled();
    june.release();
    await new Promise((r) => setTimeout(r, 30));
    await settled();

    expect(window.location.hash).toBe("#/units/DEPT-STP?period=2023-H2");
    expect(headIds()).toEqual([]);
    expect(screen.getByTestId("heads-not-computed")).toBeTruthy();
    expect(screen.getByTestId("reform-not-computed")).toBeTruthy();
  });
});

describe("Page: Phiếu điểm đơn vị — the ratings' publication state", () => {
  /** V3 of 2024-H1 was published on 10 July 2024; Home Affairs entered H-STP-2's general criteria again afterwards. */
  const V3 = aRatingsPublication({ version: 3, publishedAt: "2024-07-10T03:00:00.000Z", draftDiffers: true });
  const H1_V3 = aHeadRatings("2024-H1", [aHeadRating("H-STP-2", { name: "Lê Văn Hùng (demo)", general: 24, total: 90.2, band: "GOOD" })], { status: "published", version: 3, publication: V3 });
  const REFORM_V3 = aReformIndex("2024-H1", [aReformUnit("DEPT-STP", "Sở Tư pháp", { criteria: parCriteria([8, 6, 11.45, 7, 10, 5, 11.2, 15.53]), total: 74.18, band: "FAIR" })], {
    status: "published",
    version: 3,
    publication: V3,
  });
  const published = () => {
    const stp = aScorecard(aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }, { rank: 2, nameEn: "Department of Justice" }), null, "2024-H1");
    return fullServer({
      meta: aMeta({ periods: ["2024-H1"] }),
      scorecards: { "DEPT-STP/2024-H1": stp },
      headRatings: { "2024-H1": { ...H1, publication: V3 } },
      reformIndex: { "2024-H1": { ...REFORM, publication: V3 } },
      frozenHeadRatings: { "2024-H1@3": H1_V3 },
      frozenReformIndex: { "2024-H1@3": REFORM_V3 },
    });
  };
  const state = (id: string) => screen.getByTestId(`${id}-publication`);

  it("the unit's own officer switches each section to V3 on the unit routes (&version=3) and back; in Vietnamese and in English", async () => {
    // Prepare
    const api = published();
    renderAt(api, "#/units/DEPT-STP?period=2024-H1", { user: "officer-stp" });
    await settled();
    expect(text(state("heads").querySelector("p"))).toBe(
      "Số liệu làm việc. Kỳ đã được công bố thành V3 ngày 10/07/2024. Số liệu làm việc đã khác V3 (kết luận kiểm tra, tiêu chí nhập thêm hoặc hồ sơ phát sinh sau khi công bố).",
    );

    // Act: heads to V3.
    await fireEvent.click(within(state("heads")).getByRole("button", { name: "Xem số liệu V3" }));

    // Assess
    await waitFor(() => expect(headIds()).toEqual(["H-STP-2"]));
    expect(api.callsTo("/v1/units/DEPT-STP/head-ratings").map((c) => c.path)).toEqual(["/v1/units/DEPT-STP/head-ratings?period=2024-H1", "/v1/units/DEPT-STP/head-ratings?period=2024-H1&version=3"]);
    expect(text(headRow("H-STP-2"))).toContain("90,20");
    expect(text(state("heads").querySelector("p"))).toBe("Số liệu đã chốt khi công bố V3 (công bố ngày 10/07/2024). Số liệu làm việc đã thay đổi sau đó.");

    // Act: in English, the reform index to V3.
    await fireEvent.click(screen.getByTestId("lang-en"));
    expect(text(state("heads").querySelector("p"))).toBe("Values frozen with V3 (published 10/07/2024). The working values have changed since.");
    await fireEvent.click(within(state("reform")).getByRole("button", { name: "Show V3" }));
    await waitFor(() => expect(state("reform").dataset.shown).toBe("3"));
    expect(api.callsTo("/v1/units/DEPT-STP/reform-index").map((c) => c.path)).toEqual(["/v1/units/DEPT-STP/reform-index?period=2024-H1", "/v1/units/DEPT-STP/reform-index?period=2024-H1&version=3"]);
    expect(text(screen.getAllByTestId("reform-row")[0])).toContain("74.18");
    expect(await seriousViolations()).toEqual([]);

    // Act: heads back to the working values.
    await fireEvent.click(within(state("heads")).getByRole("button", { name: "Show the working values" }));
    await waitFor(() => expect(headIds()).toEqual(["H-STP-1", "H-STP-2"]));
    expect(api.callsTo("/v1/units/DEPT-STP/head-ratings").at(-1)?.path).toBe("/v1/units/DEPT-STP/head-ratings?period=2024-H1");
    expect(text(state("heads").querySelector("p"))).toContain("The working values differ from V3");
    expect(state("reform").dataset.shown).toBe("3");
  });
});
