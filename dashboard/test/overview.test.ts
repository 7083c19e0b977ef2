import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { RankingView } from "../src/lib/api-types.js";
import { aFullUnit, aMeta, aSnapshot, anIndicator, ranked } from "./support/builders.js";
import { fullServer } from "./support/full-server.js";
import { renderAt, settled } from "./support/render-app.js";

function view(period: string, tier: RankingView["tier"], units: RankingView["units"]): RankingView {
  return { ...aSnapshot({ period, tier, units }), publication: { version: null, publishedAt: null, draftDiffers: false } };
}

function server(withResponsibility = true) {
  const strip = <T extends { indicators: object }>(u: T): T =>
    withResponsibility ? u : { ...u, indicators: Object.fromEntries(Object.entries(u.indicators).filter(([k]) => !k.startsWith("R"))) };
  const h1 = ranked([
    aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }),
    aFullUnit("DEPT-SXD", "Sở Xây dựng", { early: 40, onTime: 40, late: 15, overdue: 5 }, { indicators: { ...aFullUnit("X-1", "x", { early: 1, onTime: 1, late: 0, overdue: 0 }).indicators, R7: anIndicator(80, 120, null) } }),
  ]).map(strip);
  const h2023 = ranked([
    aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 10, onTime: 30, late: 40, overdue: 20 }),
    aFullUnit("DEPT-SXD", "Sở Xây dựng", { early: 60, onTime: 37, late: 2, overdue: 1 }),
  ]);
  const vertical = [
    aFullUnit("VERT-THUE", "Cục Thuế", { early: 10, onTime: 10, late: 0, overdue: 0 }, { tier: "VERTICAL", rank: null, indicators: { R5: anIndicator(30, 50, null), R5D: anIndicator(40, 20, null) } }),
  ].map(strip);
  return fullServer({
    meta: aMeta({ periods: ["2024-H1", "2023-H2"] }),
    privateRankings: {
      "2024-H1/DEPARTMENT": view("2024-H1", "DEPARTMENT", h1),
      "2023-H2/DEPARTMENT": view("2023-H2", "DEPARTMENT", h2023),
      "2024-H1/VERTICAL": view("2024-H1", "VERTICAL", vertical),
    },
    warningSummary: {
      asOf: "2024-07-01T02:00:00.000Z",
      units: [{ unitId: "DEPT-SXD", tier: "DEPARTMENT", nameVi: "Sở Xây dựng", overdue: 3, dueSoon: 2 }],
    },
  });
}

describe("Page: Tổng quan (chairman overview)", () => {
  it("shows province totals, the tier's ranking with bands, group scores and movement, late units and early warnings", async () => {
    const api = server();
    renderAt(api, "#/overview?period=2024-H1", { user: "chairman" });
    await settled();

    expect(window.location.hash).toBe("#/overview?period=2024-H1&tier=DEPARTMENT");
    expect(screen.getByTestId("total-in-scope").textContent).toBe("220");
    expect(screen.getByTestId("total-LATE").textContent).toBe("17");
    const rows = screen.getAllByTestId("overview-row");
    expect(rows.map((r) => r.dataset.unitId)).toEqual(["DEPT-STP", "DEPT-SXD"]);
    // Sở Tư pháp climbed from 2nd to 1st; Sở Xây dựng fell.
    expect(within(rows[0] as HTMLElement).getByTestId("delta").dataset.direction).toBe("up");
    expect(within(rows[1] as HTMLElement).getByTestId("delta").dataset.direction).toBe("down");
    expect(rows[0]?.querySelector("[data-band]")).not.toBeNull();
    expect(screen.getByTestId("overview-ranking").querySelectorAll("th[data-group]")).toHaveLength(6);
    expect(within(screen.getByTestId("late-by-unit")).getAllByRole("row")[1]?.getAttribute("data-unit-id")).toBe("DEPT-SXD");
    expect(within(screen.getByTestId("warnings-by-unit")).getByText("Sở Xây dựng")).toBeTruthy();
    expect(screen.getByTestId("delay-attribution").textContent).toContain("66,7%");
    expect(screen.getByTestId("consultation").textContent).toContain("Cục Thuế");
    expect(screen.getByTestId("consultation").textContent).toContain("60,0%");
    expect(screen.getByTestId("complex-fields").querySelectorAll("tbody tr").length).toBeGreaterThan(0);
    // No head rating computed for the period: said so, nothing invented (test/head-ratings.test.ts shows them).
    expect((await screen.findByTestId("heads-not-computed")).textContent).toContain("Chưa tính xếp loại người đứng đầu");
    expect(api.callsTo("/v1/rankings").every((c) => c.authorized)).toBe(true);
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
