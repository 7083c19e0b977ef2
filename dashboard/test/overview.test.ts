/**
 * The chairman's overview (issue 19, items 4, 5 and 10): the newest complete period by default, a
 * running one labelled provisional; province rates with their change; the best and worst five with
 * the indicators that cost them the most points; the change against the previous period through
 * the successor chain; late rates, not counts; the six groups against the tier median; the file is
 * the table shown.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RankingView } from "../src/lib/api-types.js";
import { aFullUnit, aMeta, aSnapshot, aUnit, anIndicator, ranked } from "./support/builders.js";
import { parseCsv } from "./support/csv.js";
import { fullServer } from "./support/full-server.js";
import { renderAt, settled } from "./support/render-app.js";

function view(period: string, tier: RankingView["tier"], units: RankingView["units"], o: Partial<RankingView> = {}): RankingView {
  return { ...aSnapshot({ period, tier, units, status: "draft", version: null }), publication: { version: null, publishedAt: null, draftDiffers: false }, ...o };
}

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

/** 2024-H1 (complete on 15 July 2024), 2023-H2 before it, and July 2024 still running. */
function server(withResponsibility = true) {
  const strip = <T extends { indicators: object }>(u: T): T =>
    withResponsibility ? u : { ...u, indicators: Object.fromEntries(Object.entries(u.indicators).filter(([k]) => !k.startsWith("R"))) };
  const h1 = ranked([
    aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }),
    aFullUnit("DEPT-SXD", "Sở Xây dựng", { early: 40, onTime: 40, late: 15, overdue: 5 }, { indicators: { ...aFullUnit("X-1", "x", { early: 1, onTime: 1, late: 0, overdue: 0 }).indicators, R7: anIndicator(80, 120, null) } }),
    // Small, but late on 3 of its 10 dossiers: a higher late rate than Xây dựng's 20 of 100.
    aFullUnit("DEPT-SNV", "Sở Nội vụ", { early: 3, onTime: 4, late: 2, overdue: 1 }),
  ]).map(strip);
  const h2023 = ranked([
    aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 10, onTime: 30, late: 40, overdue: 20 }),
    aFullUnit("DEPT-SXD", "Sở Xây dựng", { early: 60, onTime: 37, late: 2, overdue: 1 }),
  ]);
  const vertical = [
    aFullUnit("VERT-THUE", "Cục Thuế", { early: 10, onTime: 10, late: 0, overdue: 0 }, { tier: "VERTICAL", rank: null, indicators: { R5: anIndicator(30, 50, null), R5D: anIndicator(40, 20, null) } }),
  ].map(strip);
  const july = ranked([aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 5, onTime: 2, late: 0, overdue: 0 })]);
  return fullServer({
    meta: aMeta({ periods: ["2024-07", "2024-H1", "2023-H2"] }),
    privateRankings: {
      "2024-H1/DEPARTMENT": view("2024-H1", "DEPARTMENT", h1),
      "2023-H2/DEPARTMENT": view("2023-H2", "DEPARTMENT", h2023),
      "2024-H1/VERTICAL": view("2024-H1", "VERTICAL", vertical),
      "2024-07/DEPARTMENT": view("2024-07", "DEPARTMENT", july, { dataAsOf: "2024-07-15T02:00:00.000Z" }),
    },
    warningSummary: {
      asOf: "2024-07-01T02:00:00.000Z",
      units: [{ unitId: "DEPT-SXD", tier: "DEPARTMENT", nameVi: "Sở Xây dựng", overdue: 3, dueSoon: 2 }],
    },
  });
}

const rowIds = () => screen.getAllByTestId("overview-row").map((r) => r.dataset.unitId);

describe("Page: Tổng quan — the period", () => {
  it("opens on the newest complete period, not the running month; a running month picked is labelled provisional with its as-of time", async () => {
    // Prepare
    const api = server();

    // Act
    renderAt(api, "#/overview", { user: "chairman" });
    await settled();

    // Assess: July 2024 is running on 15 July; the overview opens on 2024-H1.
    expect(window.location.hash).toBe("#/overview?period=2024-H1&tier=DEPARTMENT");
    expect(screen.getByTestId("overview-ranking").dataset.period).toBe("2024-H1");
    expect(screen.queryByTestId("provisional-notice")).toBeNull();
    expect([...screen.getByTestId("period-select").querySelectorAll("option")].find((o) => o.value === "2024-07")?.textContent).toBe("Tháng 7/2024 — đang diễn ra");

    // Act: pick the running month.
    await fireEvent.change(screen.getByTestId("period-select"), { target: { value: "2024-07" } });
    await waitFor(() => expect(screen.getByTestId("overview-ranking").dataset.period).toBe("2024-07"));
    await settled();

    // Assess
    expect(screen.getByTestId("provisional-notice").textContent).toBe(
      "Kỳ chưa kết thúc: số liệu tạm tính đến 09:00 15/07/2024 (giờ Việt Nam). Nhiều hồ sơ chưa đến hạn, điểm và thứ hạng sẽ còn thay đổi.",
    );
    expect(screen.getByTestId("provisional-tag").textContent).toBe("Tạm tính");
  });
});

describe("Page: Tổng quan — what the chairman reads first", () => {
  it("shows province rates with their change, the best and worst with what costs them most, the ranking with its change, late rates and warnings", async () => {
    // Prepare
    const api = server();

    // Act
    renderAt(api, "#/overview?period=2024-H1", { user: "chairman" });
    await settled();

    // Assess: tiles — rates, with their change coloured by direction; the count without a change.
    expect(screen.getByTestId("tile-inScope-value").textContent).toBe("230");
    expect(screen.getByTestId("tile-inScope").querySelector("[data-testid=delta]")).toBeNull();
    expect(screen.getByTestId("tile-onTimeRate-value").textContent).toBe("88,7%");
    const onTime = within(screen.getByTestId("tile-onTimeRate-change")).getByTestId("delta");
    expect([onTime.dataset.direction, onTime.classList.contains("better")]).toEqual(["up", true]);
    expect(screen.getByTestId("tile-onTimeRate-change").textContent).toContain("so với 6 tháng cuối năm 2023");
    const late = within(screen.getByTestId("tile-lateRate-change")).getByTestId("delta");
    expect([late.dataset.direction, late.classList.contains("better")]).toEqual(["down", true]);

    // The best and the worst, with the indicators that cost them the most points, by name.
    const best = within(screen.getByTestId("extremes-best")).getAllByTestId("extreme-row");
    expect(best.map((r) => r.dataset.unitId)).toEqual(["DEPT-STP", "DEPT-SXD", "DEPT-SNV"]);
    const costs = within(best[2] as HTMLElement).getByTestId("extreme-costs");
    expect(costs.textContent).toMatch(/^Mất điểm nhiều nhất ở: /);
    expect([...costs.querySelectorAll("[data-code]")].map((c) => (c as HTMLElement).dataset.code)).toEqual(["P1", "O3", "D1"]);
    expect(costs.textContent).toContain("−6,00 điểm");
    expect(costs.querySelector("[data-code=P1]")?.textContent).toMatch(/^\S.* −6,00 điểm$/);

    // The ranking: its change against 2023-H2 (Sở Tư pháp climbed, Sở Xây dựng fell), a new unit without one.
    expect(rowIds()).toEqual(["DEPT-STP", "DEPT-SXD", "DEPT-SNV"]);
    const change = (id: string) => within(screen.getAllByTestId("overview-row").find((r) => r.dataset.unitId === id) as HTMLElement).getByTestId("unit-change");
    expect(within(change("DEPT-STP")).getAllByTestId("delta").map((d) => d.dataset.direction)).toEqual(["up", "up"]);
    expect(within(change("DEPT-SXD")).getAllByTestId("delta").map((d) => d.dataset.direction)).toEqual(["down", "down"]);
    expect(change("DEPT-SNV").dataset.kind).toBe("none");
    expect(screen.getByTestId("overview-ranking").querySelectorAll("th[data-group]")).toHaveLength(6);

    // Late rates, not counts: Sở Nội vụ (3 of 10) before Sở Xây dựng (20 of 100).
    const lateRows = within(screen.getByTestId("late-by-unit")).getAllByTestId("late-row");
    expect(lateRows.map((r) => [r.dataset.unitId, within(r).getByTestId("late-rate").textContent])).toEqual([
      ["DEPT-SNV", "30,0%"],
      ["DEPT-SXD", "20,0%"],
      ["DEPT-STP", "3,0%"],
    ]);
    expect(within(screen.getByTestId("warnings-by-unit")).getByText("Sở Xây dựng")).toBeTruthy();
    expect(screen.getByTestId("delay-attribution").textContent).toContain("66,7%");
    expect(screen.getByTestId("consultation").textContent).toContain("Cục Thuế");
    expect(screen.getByTestId("consultation").textContent).toContain("60,0%");
    // No head rating computed for the period: said so, nothing invented (test/head-ratings.test.ts shows them).
    expect((await screen.findByTestId("heads-not-computed")).textContent).toContain("Chưa tính xếp loại người đứng đầu");
    expect(api.callsTo("/v1/rankings").every((c) => c.authorized)).toBe(true);
  });

  it("draws the six groups of a unit against the tier median; another unit can be chosen", async () => {
    renderAt(server(), "#/overview?period=2024-H1", { user: "chairman" });
    await settled();

    // The tier's last ranked unit by default.
    const profile = () => screen.getByTestId("group-profile");
    expect(profile().dataset.unitId).toBe("DEPT-SNV");
    const groups = within(profile()).getAllByTestId("profile-group");
    expect(groups.map((g) => g.dataset.group)).toEqual(["CKMB", "TDGQ", "DVCTT", "TTTT", "SHHS", "MDHL"]);
    const tdgq = groups[1] as HTMLElement;
    // Sở Nội vụ: P1 7 of 10 → 14,00 of 20; the median of the three units is Xây dựng's 16,00.
    expect(tdgq.textContent?.replace(/\s+/g, " ")).toContain("14,00 / 20 · Trung vị 16,00");
    expect(tdgq.dataset.below).toBe("true");

    await fireEvent.change(within(profile()).getByTestId("profile-unit"), { target: { value: "DEPT-STP" } });
    expect(profile().dataset.unitId).toBe("DEPT-STP");
  });

  it("says plainly which indicators are missing instead of inventing them", async () => {
    renderAt(server(false), "#/overview?period=2024-H1&tier=DEPARTMENT", { user: "chairman" });
    await settled();
    expect(screen.getByTestId("gap-R7").textContent).toContain("R7");
    expect(screen.getByTestId("gap-R5").textContent).toContain("R5");
    expect(screen.getByTestId("gap-R9").textContent).toContain("R9");
  });

  it("switches tier with the tabs and keeps the view in the URL", async () => {
    renderAt(server(), "#/overview?period=2024-H1&tier=DEPARTMENT", { user: "home-affairs" });
    await settled();
    await fireEvent.click(screen.getByTestId("tier-tab-VERTICAL"));
    await waitFor(() => expect(screen.getByTestId("overview-ranking").dataset.tier).toBe("VERTICAL"));
    expect(window.location.hash).toBe("#/overview?period=2024-H1&tier=VERTICAL");
  });

  it("sends a unit officer who opens the overview by URL to their own unit", async () => {
    const api = server();
    renderAt(api, "#/overview", { user: "officer-stp" });
    await waitFor(() => expect(window.location.hash.startsWith("#/units/DEPT-STP")).toBe(true));
    expect(api.callsTo("/v1/warnings")).toEqual([]);
  });
});

describe("Page: Tổng quan — the change across the 2025 reorganisations", () => {
  /** H2 2025: departments with the ids of the merged province; communes merged from several wards. */
  function merged() {
    const stp = aUnit("DEPT-STP-202507", "Sở Tư pháp tỉnh Đồng Nai", { early: 40, onTime: 50, late: 10, overdue: 0 });
    const snnmt = aUnit("DEPT-SNNMT-202507", "Sở Nông nghiệp và Môi trường tỉnh Đồng Nai", { early: 20, onTime: 50, late: 20, overdue: 10 });
    const stpBefore = aUnit("DEPT-STP-2020", "Sở Tư pháp tỉnh Đồng Nai", { early: 20, onTime: 50, late: 20, overdue: 10 });
    const snnmtBefore = aUnit("DEPT-SNNMT-202503", "Sở Nông nghiệp và Môi trường tỉnh Đồng Nai", { early: 40, onTime: 50, late: 10, overdue: 0 });
    const ward = aUnit("COM-26068-2025", "Phường Biên Hòa", { early: 5, onTime: 5, late: 0, overdue: 0 }, { tier: "COMMUNE" });
    const before = [aUnit("COM-26053-2020", "Phường Bửu Hòa", { early: 5, onTime: 5, late: 0, overdue: 0 }, { tier: "COMMUNE" }), aUnit("COM-26068-2020", "Phường Hóa An", { early: 5, onTime: 4, late: 1, overdue: 0 }, { tier: "COMMUNE" })];
    return fullServer({
      meta: aMeta({ periods: ["2025-H2", "2025-H1"] }),
      privateRankings: {
        "2025-H2/DEPARTMENT": view("2025-H2", "DEPARTMENT", ranked([stp, snnmt])),
        "2025-H1/DEPARTMENT": view("2025-H1", "DEPARTMENT", ranked([stpBefore, snnmtBefore])),
        "2025-H2/COMMUNE": view("2025-H2", "COMMUNE", ranked([ward])),
        "2025-H1/COMMUNE": view("2025-H1", "COMMUNE", ranked(before)),
      },
    });
  }

  it("compares a unit with a new id with its predecessor, marked as such; a unit merged from several is not compared, and says why", async () => {
    // Act
    renderAt(merged(), "#/overview?period=2025-H2", { user: "chairman", now: new Date("2026-01-15T03:00:00.000Z") });
    await settled();

    // Assess
    const change = (id: string) => within(screen.getAllByTestId("overview-row").find((r) => r.dataset.unitId === id) as HTMLElement).getByTestId("unit-change");
    const stp = change("DEPT-STP-202507");
    expect(stp.dataset.kind).toBe("predecessor");
    expect(within(stp).getAllByTestId("delta").map((d) => d.dataset.direction)).toEqual(["up", "up"]);
    // In the table: "so với đơn vị tiền thân", the predecessor named in the tooltip and to screen readers.
    expect(within(stp).getByTestId("via-predecessor").getAttribute("title")).toBe("so với đơn vị tiền thân: Sở Tư pháp tỉnh Đồng Nai");
    expect(within(stp).getByTestId("via-predecessor").querySelector(".sr-only")?.textContent).toBe("so với đơn vị tiền thân: Sở Tư pháp tỉnh Đồng Nai");
    // In the best and worst five, written out.
    const best = within(screen.getByTestId("extremes-best")).getAllByTestId("extreme-row").find((r) => r.dataset.unitId === "DEPT-STP-202507") as HTMLElement;
    expect(within(best).getByTestId("via-predecessor").textContent).toBe("so với đơn vị tiền thân: Sở Tư pháp tỉnh Đồng Nai");
    expect(within(stp).getByTestId("via-predecessor").dataset.unitId).toBe("DEPT-STP-2020");
    expect(within(change("DEPT-SNNMT-202507")).getByTestId("via-predecessor").dataset.unitId).toBe("DEPT-SNNMT-202503");

    await fireEvent.click(screen.getByTestId("tier-tab-COMMUNE"));
    await waitFor(() => expect(screen.getByTestId("overview-ranking").dataset.tier).toBe("COMMUNE"));
    const ward = change("COM-26068-2025");
    expect(ward.dataset.kind).toBe("merged");
    expect(ward.textContent).toBe("hợp nhất từ 2 đơn vị");
    expect(ward.getAttribute("title")).toContain("không có một số liệu kỳ trước để so sánh");
  });
});

describe("Page: Tổng quan — the file is the table shown", () => {
  it("writes the overview's table: its rows in its order, its columns with units, the change and what it was compared with, in the page's language", async () => {
    // Prepare
    renderAt(server(), "#/overview?period=2024-H1", { user: "chairman" });
    await settled();

    // Act
    await fireEvent.click(screen.getByTestId("overview-export-csv"));
    await waitFor(() => expect(saved).toHaveLength(1));
    const rows = parseCsv(await (saved[0] as Blob).text());

    // Assess: context lines, then the table.
    const at = rows.findIndex((r) => r[0] === "Hạng");
    const context = Object.fromEntries(rows.slice(0, at).filter((r) => r.length === 2));
    expect(context["Kỳ đánh giá"]).toBe("6 tháng đầu năm 2024 (2024-H1)");
    expect(context["Tình trạng kỳ"]).toBe("Kỳ đã kết thúc");
    expect(context["Số liệu tính đến"]).toContain("2024-07-01T00:00:00+07:00");
    const [header, ...body] = rows.slice(at);
    const shownHeaders = [...screen.getByTestId("overview-ranking").querySelectorAll("thead th")].length;
    // Rank, unit id, unit, total, band, the table's columns, then the change in two numbers and what it compares with.
    expect(header?.length).toBe(shownHeaders + 3);
    expect(header?.slice(0, 5)).toEqual(["Hạng", "Mã đơn vị", "Cơ quan, đơn vị", "Tổng điểm (điểm, tối đa 100)", "Xếp loại"]);
    expect(header).toContain("Đúng hạn (P1), %");
    expect(header).toContain("Thay đổi tổng điểm so với kỳ trước (điểm)");
    expect(body.map((r) => r[1])).toEqual(rowIds());
    const stp = body.find((r) => r[1] === "DEPT-STP") as string[];
    expect(stp[header!.indexOf("Đúng hạn (P1), %")]).toBe("97");
    expect(Number(stp[header!.indexOf("Thay đổi thứ hạng (bậc, dương là tăng hạng)")])).toBe(1);
    expect(stp.at(-1)).toBe("chính đơn vị");
    expect((body.find((r) => r[1] === "DEPT-SNV") as string[]).at(-1)).toBe("không có số liệu kỳ trước");
  });
});
