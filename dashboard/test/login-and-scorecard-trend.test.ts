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

/** Months sent out of order; March was not scored; January was scored under the predecessor's id. */
const trendOf = (unitId: string): UnitTrend => ({
  unitId,
  year: 2025,
  methodology: "dn-2026.1",
  points: [
    point("2025-04", unitId, 80, 2, [97, 100]),
    point("2025-01", "DEPT-TP-2020", 71.5, 4, [80, 100]),
    point("2025-02", unitId, 75.25, 3, [9, 10]),
  ],
});

function server() {
  const stp = aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }, { rank: 2 });
  const sxd = aFullUnit("DEPT-SXD", "Sở Xây dựng", { early: 40, onTime: 40, late: 15, overdue: 5 }, { rank: 3 });
  return fullServer({
    meta: aMeta({ periods: ["2025-H1"] }),
    scorecards: { "DEPT-STP/2025-H1": aScorecard(stp, null, "2025-H1"), "DEPT-SXD/2025-H1": aScorecard(sxd, null, "2025-H1") },
    trends: { "DEPT-STP/2025": trendOf("DEPT-STP"), "DEPT-SXD/2025": trendOf("DEPT-SXD") },
  });
}

const cells = (row: HTMLElement) => [...row.querySelectorAll("th, td")].map((c) => c.textContent?.replace(/\s+/g, " ").trim());

async function seriousViolations() {
  const result = await axe.run(document.documentElement, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("Page: Phiếu điểm đơn vị — diễn biến theo tháng (unit trend)", () => {
  it("lists the scored months of the selected period's year in order, with the same numbers in both languages", async () => {
    // Prepare
    const api = server();

    // Act
    renderAt(api, "#/units/DEPT-STP?period=2025-H1", { user: "officer-stp" });
    await settled();

    // Assess
    expect(api.callsTo("/v1/units/DEPT-STP/trend")).toEqual([expect.objectContaining({ path: "/v1/units/DEPT-STP/trend?year=2025", authorized: true })]);
    const section = screen.getByTestId("unit-trend");
    expect(section.querySelector("caption")?.textContent).toBe("Diễn biến theo tháng của Sở Tư pháp, năm 2025");
    const rows = screen.getAllByTestId("trend-row");
    expect(rows.map((r) => r.dataset.period)).toEqual(["2025-01", "2025-02", "2025-04"]);
    expect(cells(rows[0]!)).toEqual(["Tháng 1/2025", "71,50", "4/21", "80,0%", "qua đơn vị tiền thân/kế thừa DEPT-TP-2020"]);
    expect(cells(rows[1]!)).toEqual(["Tháng 2/2025", "75,25", "3/21", "90,0%", "DEPT-STP"]);
    expect(cells(rows[2]!)).toEqual(["Tháng 4/2025", "80,00", "2/21", "97,0%", "DEPT-STP"]);
    expect(screen.getAllByTestId("trend-via-successor").map((m) => m.closest("tr")?.dataset.period)).toEqual(["2025-01"]);
    expect([...section.querySelectorAll("thead th")].every((th) => th.getAttribute("scope") === "col")).toBe(true);
    expect(section.querySelector('[role="img"]')?.getAttribute("aria-label")).toContain("3 tháng năm 2025");

    await fireEvent.click(screen.getByTestId("lang-en"));
    expect(cells(screen.getAllByTestId("trend-row")[0]!).slice(1)).toEqual(["71.50", "4/21", "80.0%", "via predecessor/successor DEPT-TP-2020"]);
    expect(api.callsTo("/v1/units/DEPT-STP/trend")).toHaveLength(1);
  });

  it("says so when no month of the year is scored yet", async () => {
    const api = fullServer({
      meta: aMeta({ periods: ["2025-H1"] }),
      scorecards: { "DEPT-STP/2025-H1": aScorecard(aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 1, onTime: 1, late: 0, overdue: 0 }), null, "2025-H1") },
    });
    renderAt(api, "#/units/DEPT-STP?period=2025-H1", { user: "chairman" });
    await settled();
    expect(screen.getByTestId("trend-empty").textContent).toBe("Chưa có tháng nào của năm 2025 được tính điểm.");
    expect(screen.queryAllByTestId("trend-row")).toEqual([]);
  });

  it("shows nothing of another unit when the server answers 403 (a stale session naming another unit)", async () => {
    // Prepare: the stored session claims DEPT-SXD, but the token is DEPT-STP's officer's.
    const api = server();

    // Act
    renderAt(api, "#/units/DEPT-SXD?period=2025-H1", { user: "officer-stp", claims: { unitId: "DEPT-SXD" } });
    await waitFor(() => expect(api.callsTo("/v1/units/DEPT-SXD/trend")).toHaveLength(1));
    await settled();

    // Assess: the server refused, and the page shows the refusal, no number of DEPT-SXD.
    expect(screen.getByTestId("forbidden")).toBeTruthy();
    expect(screen.queryByTestId("unit-trend")).toBeNull();
    expect(screen.queryAllByTestId("trend-row")).toEqual([]);
    expect(screen.queryByTestId("scorecard-summary")).toBeNull();
    const page = screen.getByTestId("scorecard-page").textContent ?? "";
    expect(page).not.toMatch(/Sở Xây dựng|71,50|75,25|80,00/);
  });

  it("keeps the page free of serious or critical axe violations with the trend, in Vietnamese and in English", async () => {
    renderAt(server(), "#/units/DEPT-STP?period=2025-H1", { user: "officer-stp" });
    await settled();
    expect(screen.getAllByTestId("trend-row")).toHaveLength(3);
    expect(await seriousViolations()).toEqual([]);
    await fireEvent.click(screen.getByTestId("lang-en"));
    expect(await seriousViolations()).toEqual([]);
  });
});
