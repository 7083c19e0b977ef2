import axe from "axe-core";
import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { TrendPoint, UnitTrend } from "../src/lib/api-types.js";
import { aFullUnit, aMeta, aScorecard, anIndicator } from "./support/builders.js";
import { fullServer } from "./support/full-server.js";
import { renderAt, settled } from "./support/render-app.js";

const point = (period: string, unitId: string, total: number | null, rank: number | null, p1: [number, number]): TrendPoint => ({
  period,
  unitId,
  total,
  rank,
  rankedUnits: 21,
  indicators: { P1: anIndicator(p1[0], p1[1], 20) },
});

/** The clock: 15 August 2025, 10:00 in Viet Nam — August is running. */
const NOW = new Date("2025-08-15T03:00:00.000Z");
const STP = "DEPT-STP-202507"; // Sở Tư pháp of the merged province, from 1 July 2025
const STP_BEFORE = "DEPT-STP-2020"; // its one predecessor, to 30 June 2025

/**
 * Sở Tư pháp in 2025, sent out of order: January–June under its predecessor's id (one to one, the
 * same tier: its own history); March and May "hollow" (March: no dossier received, only overdue
 * ones carried over; May: none assessed — totals from carried-over dossiers or complaint indicators
 * alone); July its own, August running.
 */
const stpTrend = (): UnitTrend => ({
  unitId: STP,
  year: 2025,
  methodology: "dn-2026.1",
  points: [
    point("2025-04", STP_BEFORE, 80, 2, [97, 100]),
    point("2025-01", STP_BEFORE, 71.5, 4, [80, 100]),
    point("2025-02", STP_BEFORE, 75.25, 3, [9, 10]),
    point("2025-05", STP_BEFORE, 18, 20, [0, 0]),
    point("2025-06", STP_BEFORE, 70, 5, [8, 10]),
    // March: carried-over dossiers only (none received: T4 and O3 without data) — hollow too.
    { ...point("2025-03", STP_BEFORE, 6.76, 1, [0, 70]), indicators: { P1: anIndicator(0, 70, 20), T4: anIndicator(0, 0, 6), O3: anIndicator(0, 0, 6) } },
    point("2025-07", STP, 72, 4, [18, 20]),
    point("2025-08", STP, 40, 15, [2, 10]),
  ],
});

/** Biên Hòa (a district) in 2025: after 30 June the server's trend takes one of its ten successor wards — not comparable. */
const bienHoaTrend = (): UnitTrend => ({
  unitId: "DIST-731",
  year: 2025,
  methodology: "dn-2026.1",
  points: [point("2025-06", "DIST-731", 69.3, 6, [50, 58]), point("2025-07", "COM-26017-2025", 84.27, 2, [5, 5]), point("2025-08", "COM-26380-2025", 83.13, 7, [11, 11])],
});

function server() {
  const stp = aFullUnit(STP, "Sở Tư pháp tỉnh Đồng Nai", { early: 60, onTime: 37, late: 2, overdue: 1 }, { rank: 2 });
  const bh = aFullUnit("DIST-731", "Thành phố Biên Hòa", { early: 40, onTime: 40, late: 15, overdue: 5 }, { rank: 3, tier: "DISTRICT" });
  return fullServer({
    meta: aMeta({ periods: ["2025-08", "2025-07", "2025-06"] }),
    scorecards: { [`${STP}/2025-07`]: aScorecard(stp, null, "2025-07", "2025-06"), "DIST-731/2025-06": aScorecard(bh, null, "2025-06", "2025-05") },
    trends: { [`${STP}/2025`]: stpTrend(), "DIST-731/2025": bienHoaTrend() },
  });
}

const cells = (row: HTMLElement) => [...row.querySelectorAll("th, td")].map((c) => c.textContent?.replace(/\s+/g, " ").trim());
const row = (period: string) => screen.getAllByTestId("trend-row").find((r) => r.dataset.period === period) as HTMLElement;

async function seriousViolations() {
  const result = await axe.run(document.documentElement, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("Page: Phiếu điểm đơn vị — diễn biến theo tháng (unit trend)", () => {
  it("every month so far in order; months without the unit's figures are gaps, never scores or ranks; the predecessor's months marked", async () => {
    // Prepare
    const api = server();

    // Act
    renderAt(api, `#/units/${STP}?period=2025-07`, { user: "chairman", now: NOW });
    await settled();

    // Assess: January to August (running), in order.
    expect(api.callsTo(`/v1/units/${STP}/trend`)).toEqual([expect.objectContaining({ path: `/v1/units/${STP}/trend?year=2025`, authorized: true })]);
    const section = screen.getByTestId("unit-trend");
    expect(section.querySelector("caption")?.textContent).toBe("Diễn biến theo tháng của Sở Tư pháp tỉnh Đồng Nai, năm 2025");
    expect(screen.getAllByTestId("trend-row").map((r) => [r.dataset.period, r.dataset.state])).toEqual([
      ["2025-01", "scored"],
      ["2025-02", "scored"],
      ["2025-03", "hollow"],
      ["2025-04", "scored"],
      ["2025-05", "hollow"],
      ["2025-06", "scored"],
      ["2025-07", "scored"],
      ["2025-08", "scored"],
    ]);
    expect(cells(row("2025-01"))).toEqual(["Tháng 1/2025", "71,50", "4/21", "80,0%", "qua đơn vị tiền thân/kế thừa Sở Tư pháp tỉnh Đồng Nai"]);
    expect(cells(row("2025-03"))).toEqual(["Tháng 3/2025", "Không có hồ sơ tiếp nhận hoặc được đánh giá"]);
    expect(row("2025-03").textContent).not.toMatch(/6,76|1\/21/);
    // May: a total of 18 from complaint indicators alone, with no dossier assessed — not drawn, not ranked.
    expect(cells(row("2025-05"))).toEqual(["Tháng 5/2025", "Không có hồ sơ tiếp nhận hoặc được đánh giá"]);
    expect(row("2025-05").textContent).not.toContain("18,00");
    expect(cells(row("2025-07"))).toEqual(["Tháng 7/2025", "72,00", "4/21", "90,0%", "Sở Tư pháp tỉnh Đồng Nai"]);
    expect(row("2025-08").textContent).toContain("tạm tính");
    expect(screen.getAllByTestId("trend-via-successor").map((m) => m.closest("tr")?.dataset.period)).toEqual(["2025-01", "2025-02", "2025-04", "2025-06"]);
    expect(section.querySelector('[role="img"]')?.getAttribute("aria-label")).toContain("6 tháng năm 2025");
    expect(cells(row("2025-05"))).not.toContain("Chưa tính điểm");

    await fireEvent.click(screen.getByTestId("lang-en"));
    expect(cells(row("2025-01")).slice(1)).toEqual(["71.50", "4/21", "80.0%", "via predecessor/successor Dong Nai Department of Justice"]);
    expect(cells(row("2025-05"))).toEqual(["May 2025", "No dossier received or assessed"]);
    expect(api.callsTo(`/v1/units/${STP}/trend`)).toHaveLength(1);
  });

  it("a split unit's months after its end are gaps: one of its successors is not the unit", async () => {
    renderAt(server(), "#/units/DIST-731?period=2025-06", { user: "chairman", now: NOW });
    await settled();
    expect(screen.getAllByTestId("trend-row").map((r) => [r.dataset.period, r.dataset.state])).toEqual([
      ["2025-01", "missing"],
      ["2025-02", "missing"],
      ["2025-03", "missing"],
      ["2025-04", "missing"],
      ["2025-05", "missing"],
      ["2025-06", "scored"],
      ["2025-07", "reorganised"],
      ["2025-08", "reorganised"],
    ]);
    expect(cells(row("2025-07"))).toEqual(["Tháng 7/2025", "Sáp nhập/chia tách: không so sánh được"]);
    expect(screen.getByTestId("unit-trend").textContent).not.toMatch(/84,27|83,13/);
  });

  it("says so when no month of the year is scored yet", async () => {
    const api = fullServer({
      meta: aMeta({ periods: ["2025-H1"] }),
      scorecards: { [`${STP_BEFORE}/2025-H1`]: aScorecard(aFullUnit(STP_BEFORE, "Sở Tư pháp", { early: 1, onTime: 1, late: 0, overdue: 0 }), null, "2025-H1") },
    });
    renderAt(api, `#/units/${STP_BEFORE}?period=2025-H1`, { user: "chairman", now: NOW });
    await settled();
    expect(screen.getByTestId("trend-empty").textContent).toBe("Chưa có tháng nào của năm 2025 được tính điểm.");
    expect(screen.queryAllByTestId("trend-row")).toEqual([]);
  });

  it("keeps the page free of serious or critical axe violations with the trend, in Vietnamese and in English", async () => {
    renderAt(server(), `#/units/${STP}?period=2025-07`, { user: "chairman", now: NOW });
    await settled();
    expect(screen.getAllByTestId("trend-row")).toHaveLength(8);
    expect(await seriousViolations()).toEqual([]);
    await fireEvent.click(screen.getByTestId("lang-en"));
    expect(await seriousViolations()).toEqual([]);
  });
});

describe("Page: Phiếu điểm đơn vị — a refusal shows nothing of the unit", () => {
  it("shows nothing of another unit when the server answers 403 (a stale session naming another unit)", async () => {
    // Prepare: the stored session claims DEPT-SXD, but the token is DEPT-STP's officer's.
    const sxd = aFullUnit("DEPT-SXD", "Sở Xây dựng", { early: 40, onTime: 40, late: 15, overdue: 5 }, { rank: 3 });
    const api = fullServer({
      meta: aMeta({ periods: ["2025-H1"] }),
      scorecards: { "DEPT-SXD/2025-H1": aScorecard(sxd, null, "2025-H1") },
      trends: { "DEPT-SXD/2025": { unitId: "DEPT-SXD", year: 2025, methodology: "dn-2026.1", points: [point("2025-01", "DEPT-SXD", 71.5, 4, [80, 100])] } },
    });

    // Act
    renderAt(api, "#/units/DEPT-SXD?period=2025-H1", { user: "officer-stp", claims: { unitId: "DEPT-SXD" }, now: NOW });
    await waitFor(() => expect(api.callsTo("/v1/units/DEPT-SXD/trend")).toHaveLength(1));
    await settled();

    // Assess: the server refused, and the page shows the refusal, no number of DEPT-SXD.
    expect(screen.getByTestId("forbidden")).toBeTruthy();
    expect(screen.queryByTestId("unit-trend")).toBeNull();
    expect(screen.queryAllByTestId("trend-row")).toEqual([]);
    expect(screen.queryByTestId("scorecard-summary")).toBeNull();
    const page = screen.getByTestId("scorecard-page").textContent ?? "";
    expect(page).not.toMatch(/Sở Xây dựng|71,50/);
  });
});
