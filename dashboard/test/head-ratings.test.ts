import axe from "axe-core";
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import type { HeadRatings, ReformIndexView } from "@scorecard/shared/contracts/read-api";
import { describe, expect, it } from "vitest";
import type { RankingView } from "../src/lib/api-types.js";
import { aFullUnit, aHeadRating, aHeadRatings, aMeta, aRatingsPublication, aReformIndex, aReformUnit, aSnapshot, parCriteria, ranked } from "./support/builders.js";
import { fullServer } from "./support/full-server.js";
import { holding } from "./support/hold.js";
import { renderAt, settled } from "./support/render-app.js";

const HEADS: HeadRatings = {
  period: "2024-H1",
  methodology: "dn-2026.1",
  computedAt: "2024-07-02T03:00:00.000Z",
  scoredAt: "2024-07-02T03:00:00.000Z",
  status: "draft",
  version: null,
  publication: { version: null, publishedAt: null, draftDiffers: false },
  resultsMax: 70,
  generalMax: 30,
  heads: [
    aHeadRating("H-1"),
    // Scored 91.5 but the tier's quota of Excellent is used: rated Good, and the page says so.
    aHeadRating("H-2", { unitId: "DEPT-SXD", unitNameVi: "Sở Xây dựng", total: 91.5, results: 63.5, band: "GOOD", cappedFromExcellent: true }),
    // Results computed, general criteria not entered: pending; an R2 shortfall deducted 2.5.
    aHeadRating("H-3", { unitId: "DEPT-SNV", unitNameVi: "Sở Nội vụ", status: "PENDING", pending: "GENERAL_MISSING", results: 55.5, deductions: { R2: 2.5, R5: 0, findings: 0 }, general: null, total: null, band: null }),
    // In office for 40 of 182 days: listed, not rated.
    aHeadRating("H-4", { unitId: "DEPT-SNV", unitNameVi: "Sở Nội vụ", status: "NOT_RATED", pending: "SHORT_TENURE", tenure: { ...aHeadRating("x").tenure, from: "2024-05-22", days: 40, cases: 30 }, results: null, general: null, total: null, band: null }),
    aHeadRating("H-5", { tier: "COMMUNE", unitId: "COM-1", unitNameVi: "Xã Một", total: 72, band: "GOOD" }),
  ],
};

const REFORM: ReformIndexView = {
  period: "2024-H1",
  methodology: "dn-2026.1",
  computedAt: "2024-07-02T03:00:00.000Z",
  status: "draft",
  version: null,
  publication: { version: null, publishedAt: null, draftDiffers: false },
  provisional: true,
  units: [
    // 8 + 6 + 11.45 + 7 + (10 − 3) + 5 + 1.12 + 15.53 = 61.1
    aReformUnit("DEPT-STP", "Sở Tư pháp", { criteria: parCriteria([8, 6, 11.45, 7, 10, 5, 1.12, 15.53], [0, 0, 0, 0, 3]), total: 61.1, band: "AVERAGE" }),
    // Only the computed fields: 18 + 12 + 14 = 44 of the 56 points available (22 + 14 + 20); no band on a partial total.
    aReformUnit("DEPT-SXD", "Sở Xây dựng", { criteria: parCriteria([null, null, 18, null, null, null, 12, 14]), total: 44, scoredMax: 56, complete: false, band: null }),
  ],
};

function view(period: string, units = ranked([aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 })])): RankingView {
  return { ...aSnapshot({ period, tier: "DEPARTMENT", units }), publication: { version: null, publishedAt: null, draftDiffers: false } };
}

const server = () =>
  fullServer({
    meta: aMeta({ periods: ["2024-06", "2024-H1"] }),
    privateRankings: { "2024-H1/DEPARTMENT": view("2024-H1"), "2024-06/DEPARTMENT": view("2024-06") },
    headRatings: { "2024-H1": HEADS },
    reformIndex: { "2024-H1": REFORM },
    heads: [{ unitId: "DEPT-STP", version: 1, heads: [{ headId: "H-1", unitId: "DEPT-STP", name: "Lý Minh Long (demo)", title: "Giám đốc", tenureFrom: "2020-01-01", tenureTo: null, demo: true }] }],
  });

async function seriousViolations() {
  const result = await axe.run(document.documentElement, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const rowOf = (headId: string) => screen.getAllByTestId("head-rating").find((r) => r.dataset.headId === headId) as HTMLElement;

describe("Component: HeadRatings in the chairman overview (methodology §6)", () => {
  it("lists the tier's heads with tenure, results /70, general /30 or pending, total, band, and the 20 % note", async () => {
    const api = server();
    renderAt(api, "#/overview?period=2024-H1&tier=DEPARTMENT", { user: "chairman" });
    await settled();
    const table = await screen.findByTestId("head-ratings");
    // The tier filter is the server's: the commune head is not in the departments' table.
    expect(screen.getAllByTestId("head-rating").map((r) => r.dataset.headId)).toEqual(["H-1", "H-2", "H-3", "H-4"]);
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent?.trim())).toEqual(["Họ tên", "Đơn vị", "Giữ chức vụ trong kỳ", "Kết quả /70", "Tiêu chí chung /30", "Tổng điểm", "Xếp loại"]);
    expect(screen.getByTestId("head-ratings-summary").textContent).toBe("2 đã xếp loại · 1 chưa đủ điều kiện · 1 không xếp loại");

    const h1 = rowOf("H-1");
    expect(h1.textContent).toContain("01/01/2024 – 30/06/2024");
    expect(h1.textContent).toContain("182/182 ngày · 120 hồ sơ tiếp nhận");
    expect(h1.textContent).toContain("63,00");
    expect(h1.textContent).toContain("28,00");
    expect(h1.textContent).toContain("91,00");
    expect(h1.textContent).toContain("Hoàn thành xuất sắc nhiệm vụ");
    expect(within(h1).queryByTestId("capped-note")).toBeNull();

    const h2 = rowOf("H-2");
    expect(h2.dataset.capped).toBe("true");
    expect(h2.textContent).toContain("Hoàn thành tốt nhiệm vụ");
    expect(within(h2).getByTestId("capped-note").textContent).toContain("tối đa 20% số người được xếp Tốt trở lên trong cùng cấp");

    const h3 = rowOf("H-3");
    expect(h3.dataset.status).toBe("PENDING");
    expect(within(h3).getByTestId("pending-reason").textContent).toBe("Chờ Sở Nội vụ nhập tiêu chí chung.");
    expect(within(h3).getByTestId("head-deduction").textContent).toBe("−2,50 thư xin lỗi");
    expect(h3.textContent).toContain("55,50");

    expect(within(rowOf("H-4")).getByTestId("pending-reason").dataset.reason).toBe("SHORT_TENURE");
    expect(rowOf("H-4").textContent).toContain("Không xếp loại");
    expect(api.callsTo("/v1/head-ratings").every((c) => c.authorized)).toBe(true);
  });

  it("reads in English, and has no serious or critical axe violation", async () => {
    renderAt(server(), "#/overview?period=2024-H1&tier=DEPARTMENT&lang=en", { user: "home-affairs" });
    await settled();
    await screen.findByTestId("head-ratings");
    await screen.findByTestId("reform-index");
    expect(rowOf("H-1").textContent).toContain("Excellent completion");
    expect(within(rowOf("H-2")).getByTestId("capped-note").textContent).toContain("at most 20 % of the heads rated Good or better");
    expect(within(rowOf("H-3")).getByTestId("pending-reason").textContent).toBe("Awaiting the general criteria from Home Affairs.");
    expect(await seriousViolations()).toEqual([]);
  });

  it("a period not rated yet says so; nothing is invented", async () => {
    renderAt(server(), "#/overview?period=2024-06&tier=DEPARTMENT", { user: "chairman" });
    await settled();
    expect((await screen.findByTestId("heads-not-computed")).textContent).toContain("Chưa tính");
    expect(screen.queryByTestId("head-ratings")).toBeNull();
  });
});

describe("Component: ReformIndex in the chairman overview (methodology §5)", () => {
  it("shows the 8 fields per unit, deductions, missing criteria, the total and band, and says the template is provisional", async () => {
    renderAt(server(), "#/overview?period=2024-H1&tier=DEPARTMENT", { user: "chairman" });
    await settled();
    const table = await screen.findByTestId("reform-index");
    expect(table.querySelectorAll("thead th[data-criterion]")).toHaveLength(8);
    const [first, second] = screen.getAllByTestId("reform-row");
    expect(first?.dataset.unitId).toBe("DEPT-STP");
    expect(first?.querySelectorAll("td[data-criterion]")).toHaveLength(8);
    expect(first?.querySelector('td[data-criterion="PAR5"]')?.textContent).toContain("7,00");
    expect(within(first as HTMLElement).getByTestId("reform-deduction").textContent).toBe("trừ 3,00");
    expect(first?.textContent).toContain("61,10");
    expect(first?.textContent).toContain("Trung bình");
    expect(second?.dataset.complete).toBe("false");
    expect(second?.querySelector('td[data-criterion="PAR1"]')?.textContent).toContain("chưa nhập");
    expect(second?.textContent).toContain("chưa đủ tiêu chí");
    expect(second?.textContent).toContain("trên 56 điểm đã có");
    expect(within(second as HTMLElement).getByTestId("reform-no-band").textContent).toBe("Chưa xếp loại");
    expect(screen.getByTestId("reform-provisional").textContent).toContain("tạm thời");
  });

  it("a month has no reform index: the page offers the half-year that contains it", async () => {
    renderAt(server(), "#/overview?period=2024-06&tier=DEPARTMENT", { user: "chairman" });
    await settled();
    expect(screen.getByTestId("reform-half-years-only").textContent).toContain("6 tháng");
    await fireEvent.click(screen.getByTestId("reform-open"));
    await waitFor(() => expect(window.location.hash).toBe("#/overview?period=2024-H1&tier=DEPARTMENT"));
    expect(await screen.findByTestId("reform-index")).toBeTruthy();
  });
});

describe("Component: the overview's ratings follow the period", () => {
  /** 2023-H2: another head and another reform index, so the two periods' rows cannot be mistaken for each other. */
  const H2_2023 = aHeadRatings("2023-H2", [aHeadRating("H-9", { name: "Đỗ Văn Chín (demo)", total: 80, band: "GOOD" })]);
  const REFORM_2023 = aReformIndex("2023-H2", [aReformUnit("DEPT-SCT", "Sở Công Thương", { criteria: parCriteria([9, 7, 20, 8, 12, 6, 14, 18]), total: 94, band: "EXCELLENT" })]);
  const twoPeriods = () =>
    fullServer({
      meta: aMeta({ periods: ["2024-H1", "2023-H2"] }),
      privateRankings: { "2024-H1/DEPARTMENT": view("2024-H1"), "2023-H2/DEPARTMENT": view("2023-H2") },
      headRatings: { "2024-H1": HEADS, "2023-H2": H2_2023 },
      reformIndex: { "2024-H1": REFORM, "2023-H2": REFORM_2023 },
    });
  const headIds = () => screen.queryAllByTestId("head-rating").map((r) => r.dataset.headId);
  const reformUnits = () => screen.queryAllByTestId("reform-row").map((r) => r.dataset.unitId);
  const caption = (testid: string) => screen.getByTestId(testid).querySelector("caption")?.textContent ?? "";

  it("while the new period's ratings are on their way, the old period's rows are not shown under it; then the new rows appear", async () => {
    // Prepare
    const api = twoPeriods();
    const held = holding(api.fetch);
    renderAt({ fetch: held.fetch }, "#/overview?period=2024-H1&tier=DEPARTMENT", { user: "chairman" });
    await settled();
    expect(headIds()).toEqual(["H-1", "H-2", "H-3", "H-4"]);
    expect(reformUnits()).toEqual(["DEPT-STP", "DEPT-SXD"]);
    expect(caption("head-ratings")).toContain("6 tháng đầu năm 2024");
    const heads = held.hold("/head-ratings?period=2023-H2");
    const reform = held.hold("/reform-index?period=2023-H2");

    // Act
    await fireEvent.change(screen.getByTestId("period-select"), { target: { value: "2023-H2" } });
    await waitFor(() => expect(heads.requested() && reform.requested()).toBe(true));
    await settled();

    // Assess: the page shows 2023-H2, and neither section shows 2024-H1's rows.
    expect(window.location.hash).toBe("#/overview?period=2023-H2&tier=DEPARTMENT");
    expect(screen.getByTestId("heads").dataset.phase).toBe("loading");
    expect(screen.getByTestId("heads-loading")).toBeTruthy();
    expect(screen.queryByTestId("head-ratings")).toBeNull();
    expect(headIds()).toEqual([]);
    expect(screen.getByTestId("reform-loading")).toBeTruthy();
    expect(screen.queryByTestId("reform-index")).toBeNull();

    heads.release();
    reform.release();
    await waitFor(() => expect(headIds()).toEqual(["H-9"]));
    await waitFor(() => expect(reformUnits()).toEqual(["DEPT-SCT"]));
    expect(caption("head-ratings")).toContain("6 tháng cuối năm 2023");
    expect(caption("reform-index")).toContain("6 tháng cuối năm 2023");
    expect(screen.queryByTestId("heads-loading")).toBeNull();
    expect(api.callsTo("/v1/head-ratings").map((c) => c.path)).toEqual(["/v1/head-ratings?period=2024-H1&tier=DEPARTMENT", "/v1/head-ratings?period=2023-H2&tier=DEPARTMENT"]);
  });
});

describe("Component: the publication state of the overview's ratings", () => {
  /** V2 of 2024-H1 was published on 5 July 2024 (09:00 Vietnam time). */
  const PUBLISHED_AT = "2024-07-05T02:00:00.000Z";
  const published = (draftDiffers: boolean) => aRatingsPublication({ version: 2, publishedAt: PUBLISHED_AT, draftDiffers });
  /**
   * Frozen with V2: before the finding concluded on H-1 after publication, H-1 had 93 (general 30)
   * and H-3's general criteria were already in; the reform index of DEPT-STP had no deduction yet.
   */
  const HEADS_V2: HeadRatings = {
    ...HEADS,
    status: "published",
    version: 2,
    publication: published(true),
    heads: [aHeadRating("H-1", { general: 30, total: 93 }), aHeadRating("H-3", { unitId: "DEPT-SNV", unitNameVi: "Sở Nội vụ", results: 55.5, general: 25, total: 80.5, band: "GOOD" })],
  };
  const REFORM_V2: ReformIndexView = {
    ...REFORM,
    status: "published",
    version: 2,
    publication: published(true),
    units: [aReformUnit("DEPT-STP", "Sở Tư pháp", { criteria: parCriteria([8, 6, 11.45, 7, 10, 5, 1.12, 15.53]), total: 64.1, band: "AVERAGE" })],
  };
  const withPublication = (publication: HeadRatings["publication"], frozen = false) =>
    fullServer({
      meta: aMeta({ periods: ["2024-H1", "2023-H2"] }),
      privateRankings: { "2024-H1/DEPARTMENT": view("2024-H1"), "2023-H2/DEPARTMENT": view("2023-H2") },
      headRatings: { "2024-H1": { ...HEADS, publication }, "2023-H2": aHeadRatings("2023-H2", [aHeadRating("H-9", { total: 80, band: "GOOD" })]) },
      reformIndex: { "2024-H1": { ...REFORM, publication }, "2023-H2": aReformIndex("2023-H2", [aReformUnit("DEPT-SCT", "Sở Công Thương", { criteria: parCriteria([9, 7, 20, 8, 12, 6, 14, 18]), total: 94, band: "EXCELLENT" })]) },
      ...(frozen ? { frozenHeadRatings: { "2024-H1@2": HEADS_V2 }, frozenReformIndex: { "2024-H1@2": REFORM_V2 } } : {}),
    });
  const stateOf = (id: "heads" | "reform") => screen.getByTestId(`${id}-publication`);
  const stateText = (id: "heads" | "reform") => stateOf(id).querySelector("p")?.textContent ?? "";
  const headIds = () => screen.queryAllByTestId("head-rating").map((r) => r.dataset.headId);
  const reformTotal = () => screen.getAllByTestId("reform-row")[0]?.querySelectorAll("td.num")[8]?.textContent?.trim();

  it("never published: both sections say they show working values not yet published, with nothing to switch to", async () => {
    renderAt(withPublication(aRatingsPublication()), "#/overview?period=2024-H1&tier=DEPARTMENT", { user: "chairman" });
    await settled();
    await screen.findByTestId("head-ratings");
    for (const id of ["heads", "reform"] as const) {
      expect(stateOf(id).dataset.shown).toBe("working");
      expect(stateText(id)).toBe("Số liệu làm việc, chưa công bố.");
      expect(within(stateOf(id)).queryByRole("button")).toBeNull();
    }
  });

  it("published, working values unchanged: says V2 and its day, no control; in English too", async () => {
    renderAt(withPublication(published(false)), "#/overview?period=2024-H1&tier=DEPARTMENT", { user: "chairman" });
    await settled();
    await screen.findByTestId("reform-index");
    for (const id of ["heads", "reform"] as const) {
      expect(stateText(id)).toBe("Số liệu làm việc. Kỳ đã được công bố thành V2 ngày 05/07/2024. Số liệu làm việc trùng với V2.");
      expect(stateOf(id).dataset.draftDiffers).toBe("false");
      expect(within(stateOf(id)).queryByRole("button")).toBeNull();
    }
    await fireEvent.click(screen.getByTestId("lang-en"));
    expect(stateText("heads")).toBe("Working values. The period was published as V2 on 05/07/2024. The working values are the same as V2.");
  });

  it("working values moved since V2: the control asks for ?version=2, shows V2's frozen heads, and goes back to the working values", async () => {
    // Prepare
    const api = withPublication(published(true), true);
    renderAt(api, "#/overview?period=2024-H1&tier=DEPARTMENT", { user: "chairman" });
    await settled();
    await screen.findByTestId("head-ratings");
    expect(stateText("heads")).toBe(
      "Số liệu làm việc. Kỳ đã được công bố thành V2 ngày 05/07/2024. Số liệu làm việc đã khác V2 (kết luận kiểm tra, tiêu chí nhập thêm hoặc hồ sơ phát sinh sau khi công bố).",
    );
    const show = within(stateOf("heads")).getByRole("button", { name: "Xem số liệu V2" });

    // Act
    await fireEvent.click(show);

    // Assess: V2's values, said to be V2's; the reform index is left as it was.
    await waitFor(() => expect(headIds()).toEqual(["H-1", "H-3"]));
    expect(api.callsTo("/v1/head-ratings").map((c) => c.path)).toEqual(["/v1/head-ratings?period=2024-H1&tier=DEPARTMENT", "/v1/head-ratings?period=2024-H1&tier=DEPARTMENT&version=2"]);
    expect(api.callsTo("/v1/reform-index")).toHaveLength(1);
    expect(rowOf("H-1").textContent).toContain("93,00");
    expect(rowOf("H-3").textContent).toContain("80,50");
    expect(stateOf("heads").dataset.shown).toBe("2");
    expect(stateText("heads")).toBe("Số liệu đã chốt khi công bố V2 (công bố ngày 05/07/2024). Số liệu làm việc đã thay đổi sau đó.");
    expect(stateText("reform")).toContain("Số liệu làm việc đã khác V2");
    await waitFor(() => expect(document.activeElement?.id).toBe("heads-publication-text"));

    // Act: back to the working values.
    await fireEvent.click(within(stateOf("heads")).getByRole("button", { name: "Xem số liệu làm việc" }));
    await waitFor(() => expect(headIds()).toEqual(["H-1", "H-2", "H-3", "H-4"]));
    expect(api.callsTo("/v1/head-ratings").at(-1)?.path).toBe("/v1/head-ratings?period=2024-H1&tier=DEPARTMENT");
    expect(stateOf("heads").dataset.shown).toBe("working");
    expect(rowOf("H-1").textContent).toContain("91,00");
  });

  it("in English, the reform index switches to V2 (?version=2) and says so; no serious or critical axe violation", async () => {
    const api = withPublication(published(true), true);
    renderAt(api, "#/overview?period=2024-H1&tier=DEPARTMENT&lang=en", { user: "home-affairs" });
    await settled();
    await screen.findByTestId("reform-index");
    expect(stateText("reform")).toBe(
      "Working values. The period was published as V2 on 05/07/2024. The working values differ from V2 (a finding concluded, criteria entered or late events since publication).",
    );
    expect(reformTotal()).toBe("61.10");
    expect(await seriousViolations()).toEqual([]);

    await fireEvent.click(within(stateOf("reform")).getByRole("button", { name: "Show V2" }));
    await waitFor(() => expect(stateOf("reform").dataset.shown).toBe("2"));
    expect(api.callsTo("/v1/reform-index").map((c) => c.path)).toEqual(["/v1/reform-index?period=2024-H1&tier=DEPARTMENT", "/v1/reform-index?period=2024-H1&tier=DEPARTMENT&version=2"]);
    expect(reformTotal()).toBe("64.10");
    expect(screen.queryAllByTestId("reform-deduction")).toEqual([]);
    expect(stateText("reform")).toBe("Values frozen with V2 (published 05/07/2024). The working values have changed since.");
    expect(within(stateOf("reform")).getByRole("button", { name: "Show the working values" })).toBeTruthy();
    expect(stateOf("heads").dataset.shown).toBe("working");
    expect(await seriousViolations()).toEqual([]);
  });

  it("a version that froze no ratings (404 NO_RATINGS) says so and offers the way back to the working values", async () => {
    const api = withPublication(published(true));
    renderAt(api, "#/overview?period=2024-H1&tier=DEPARTMENT", { user: "chairman" });
    await settled();
    await fireEvent.click(within(await screen.findByTestId("heads-publication")).getByRole("button", { name: "Xem số liệu V2" }));
    expect(await screen.findByTestId("heads-not-computed")).toBeTruthy();
    expect(api.callsTo("/v1/head-ratings").at(-1)?.path).toBe("/v1/head-ratings?period=2024-H1&tier=DEPARTMENT&version=2");

    await fireEvent.click(screen.getByTestId("heads-show-working"));
    await waitFor(() => expect(headIds()).toEqual(["H-1", "H-2", "H-3", "H-4"]));
    expect(stateOf("heads").dataset.shown).toBe("working");
    expect(screen.queryByTestId("heads-show-working")).toBeNull();
  });

  it("a V2 answer still on its way when the period changes is never shown: the new period's working values are", async () => {
    // Prepare
    const api = withPublication(published(true), true);
    const held = holding(api.fetch);
    renderAt({ fetch: held.fetch }, "#/overview?period=2024-H1&tier=DEPARTMENT", { user: "chairman" });
    await settled();
    await screen.findByTestId("head-ratings");
    const v2 = held.hold("/head-ratings?period=2024-H1&tier=DEPARTMENT&version=2");

    // Act: ask for V2, then choose 2023-H2 before V2 has answered, then let V2's answer through.
    await fireEvent.click(within(stateOf("heads")).getByRole("button", { name: "Xem số liệu V2" }));
    await waitFor(() => expect(v2.requested()).toBe(true));
    await fireEvent.change(screen.getByTestId("period-select"), { target: { value: "2023-H2" } });
    await waitFor(() => expect(headIds()).toEqual(["H-9"]));
    v2.release();
    await new Promise((r) => setTimeout(r, 30));
    await settled();

    // Assess
    expect(headIds()).toEqual(["H-9"]);
    expect(stateOf("heads").dataset.shown).toBe("working");
    expect(stateText("heads")).toBe("Số liệu làm việc, chưa công bố.");
    expect(api.callsTo("/v1/head-ratings").at(-1)?.path).toBe("/v1/head-ratings?period=2023-H2&tier=DEPARTMENT");
  });
});

describe("Page: Home Affairs — general criteria of heads (methodology §6)", () => {
  it("enters a head's general criteria at the stored version, and recomputes a period", async () => {
    const api = server();
    renderAt(api, "#/admin/heads?period=2024-H1", { user: "home-affairs" });
    await settled();
    const form = await screen.findByTestId("head-general-form");
    await fireEvent.change(within(form).getByTestId("head-general-period"), { target: { value: "2024-H1" } });
    // The head is found by name (without diacritics), not typed as an id.
    await fireEvent.input(within(form).getByTestId("head-general-head-input"), { target: { value: "ly minh" } });
    await fireEvent.mouseDown(within(form).getAllByTestId("head-general-head-option").find((o) => o.dataset.value === "DEPT-STP|H-1") as HTMLElement);
    await fireEvent.input(within(form).getByTestId("head-general-points"), { target: { value: "27.5" } });
    await fireEvent.input(within(form).getByTestId("head-general-evidence"), { target: { value: "Biên bản 12/BB-SNV" } });
    await fireEvent.click(within(form).getByTestId("head-general-save"));
    await waitFor(() => expect(screen.getByTestId("head-general-outcome").dataset.kind).toBe("ok"));
    const put = api.calls.find((c) => c.method === "PUT" && c.path.includes("/general/"));
    expect(put).toMatchObject({ path: "/v1/admin/units/DEPT-STP/heads/H-1/general/2024-H1", ifMatch: '"0"', body: { points: 27.5, evidence: "Biên bản 12/BB-SNV" } });

    await fireEvent.click(within(form).getByTestId("ratings-recompute"));
    await waitFor(() => expect(screen.getByTestId("head-general-outcome").textContent).toContain("Đã tính lại"));
    expect(await seriousViolations()).toEqual([]);
  });
});
