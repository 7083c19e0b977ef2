/**
 * Complete totals (issue 20, item 5), as the dashboard shows them: which indicators an incomplete
 * total lacks (the snapshot's `missing`, or read off an older snapshot's indicators), named on the
 * ranking's "*" (tooltip and screen-reader text), summarised under the ranking, and said on a
 * unit's scorecard; and the D3 form's reading of counts as officers type them.
 */
import { fireEvent, screen, within } from "@testing-library/svelte";
import { getMethodology } from "@scorecard/shared/methodology/registry";
import { describe, expect, it } from "vitest";
import { checkEntry, parseCount } from "../src/lib/manual-indicator-form.js";
import { missingNames, missingOf, missingSummary } from "../src/lib/missing.js";
import { aFullUnit, aMeta, aScorecard, aSnapshot, aUnit, ranked } from "./support/builders.js";
import { fakeServer } from "./support/fake-server.js";
import { fullServer } from "./support/full-server.js";
import { renderApp, renderAt, settled } from "./support/render-app.js";

const m = getMethodology("dn-2026.1");
const indicator = (status: string, max: number | null = 2) => ({ status, max });

describe("missing.ts: the indicators an incomplete total lacks", () => {
  it("the snapshot's list when it has one; else the scored indicators it carries that are not 'ok', in the methodology's order; nothing when complete", () => {
    expect(missingOf({ total: 98, complete: false, missing: ["D3"], indicators: {} }, m)).toEqual(["D3"]);
    const older = { total: 90, complete: false, indicators: Object.fromEntries(m.indicators.map((d) => [d.code, indicator("ok", d.max)])) };
    expect(missingOf({ ...older, indicators: { ...older.indicators, D3: indicator("no-data"), S1: indicator("no-data") } }, m)).toEqual(
      m.indicators.filter((d) => d.code === "D3" || d.code === "S1").map((d) => d.code),
    );
    const { D3: _gone, ...withoutD3 } = older.indicators;
    expect(missingOf({ ...older, indicators: withoutD3 }, m)).toEqual([]);
    // An indicator shown but not scored (max null) never makes a total incomplete.
    expect(missingOf({ total: 90, complete: false, indicators: { R1: indicator("no-data", null), D3: indicator("no-data") } }, undefined)).toEqual(["D3"]);
    expect(missingOf({ total: 100, complete: true, missing: [], indicators: {} }, m)).toEqual([]);
  });

  it("names them short, with the code; counts the units of a table, most often missing first (units without any total left out)", () => {
    expect(missingNames(["D3"], m, "vi")).toBe("Chứng thực điện tử (D3)");
    expect(missingNames(["D3"], m, "en")).toBe("E-certified copies (D3)");
    expect(missingNames(["D3", "S1"], undefined, "vi")).toBe("D3, S1");
    // An indicator Home Affairs enters says so (its absence is not the unit's doing); a computed one does not.
    expect(missingNames(["D3", "T1"], m, "vi", "Sở Nội vụ chưa nhập")).toBe(`Chứng thực điện tử (D3, Sở Nội vụ chưa nhập), ${missingNames(["T1"], m, "vi")}`);
    const u = (missing: string[], total: number | null = 90) => ({ total, complete: missing.length === 0, missing, indicators: {} });
    expect(missingSummary([u(["S1"]), u(["D3"]), u(["D3", "S1"]), u(["D3"]), u([]), u(["T1"], null)], m)).toEqual([
      { code: "D3", units: 3 },
      { code: "S1", units: 2 },
    ]);
  });
});

describe("manual-indicator-form.ts: counts as typed, checked as the server checks them", () => {
  it("reads digits, grouped the page's way; refuses decimals, signs and the other language's grouping", () => {
    expect([parseCount(" 1.234 ", "vi"), parseCount("1 234", "vi"), parseCount("1,234", "en"), parseCount("0", "en"), parseCount("", "vi")]).toEqual([1234, 1234, 1234, 0, null]);
    for (const [text, lang] of [["1,5", "vi"], ["1.5", "en"], ["-3", "vi"], ["12a", "en"], ["1,234", "vi"], ["1.234", "en"], ["1.23", "vi"]] as const) expect(parseCount(text, lang), text).toBeNaN();
  });

  it("names every field the server would refuse, and why", () => {
    expect(checkEntry({ numerator: "", denominator: "x", evidence: " " }, "vi")).toEqual({
      ok: false,
      errors: [{ field: "numerator", code: "REQUIRED" }, { field: "denominator", code: "NOT_COUNT" }, { field: "evidence", code: "REQUIRED" }],
    });
    expect(checkEntry({ numerator: "51", denominator: "50", evidence: "=SUM(A1)" }, "vi")).toEqual({
      ok: false,
      errors: [{ field: "numerator", code: "ABOVE_DENOMINATOR" }, { field: "evidence", code: "FORMULA" }],
    });
    expect(checkEntry({ numerator: "1", denominator: "200000000", evidence: "x".repeat(501) }, "en")).toEqual({
      ok: false,
      errors: [{ field: "denominator", code: "OUT_OF_RANGE" }, { field: "evidence", code: "TOO_LONG" }],
    });
    expect(checkEntry({ numerator: "1.200", denominator: "1.500", evidence: " Báo cáo 12/BC-STP " }, "vi")).toEqual({ ok: true, entry: { numerator: 1200, denominator: 1500, evidence: "Báo cáo 12/BC-STP" } });
  });
});

describe("Pages: an incomplete total says what it lacks", () => {
  it("the ranking's * names the missing indicators (tooltip and screen readers); a note under the table counts the units", async () => {
    // Prepare: two units without D3 (one also without S1), one complete.
    const units = ranked([
      aUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }, { complete: false, missing: ["D3"] }),
      aUnit("DEPT-SXD", "Sở Xây dựng", { early: 40, onTime: 40, late: 15, overdue: 5 }, { complete: false, missing: ["D3", "S1"] }),
      aUnit("DEPT-STC", "Sở Tài chính", { early: 30, onTime: 30, late: 30, overdue: 10 }, { complete: true, missing: [] }),
    ]);
    const server = fakeServer({ meta: aMeta(), rankings: { "2024-H1/DEPARTMENT": aSnapshot({ units }) } });

    // Act
    renderApp(server, "?period=2024-H1&tier=DEPARTMENT");
    await settled();

    // Assess
    const row = (id: string) => screen.getAllByTestId("ranking-row").find((r) => r.dataset.unitId === id) as HTMLElement;
    const mark = within(row("DEPT-SXD")).getByTestId("incomplete-mark");
    expect(mark.textContent).toBe("*");
    expect(mark.getAttribute("title")).toBe(`chưa đủ chỉ số, thiếu số liệu Chứng thực điện tử (D3, Sở Nội vụ chưa nhập), ${missingNames(["S1"], m, "vi")}`);
    expect(mark.dataset.missing).toBe("D3 S1");
    expect(row("DEPT-SXD").querySelector(".total .sr-only")?.textContent).toBe(`(${mark.getAttribute("title")})`);
    expect(within(row("DEPT-STC")).queryByTestId("incomplete-mark")).toBeNull();
    expect(screen.getByTestId("missing-note").textContent).toBe(`Chỉ số chưa có số liệu: Chứng thực điện tử (D3, Sở Nội vụ chưa nhập) ở 2 đơn vị; ${missingNames(["S1"], m, "vi")} ở 1 đơn vị.`);

    // Act: English.
    await fireEvent.click(screen.getByTestId("lang-en"));
    await settled();

    // Assess
    expect(within(row("DEPT-STP")).getByTestId("incomplete-mark").getAttribute("title")).toBe("incomplete, no data for E-certified copies (D3, not yet entered by Home Affairs)");
    expect(screen.getByTestId("missing-note").textContent).toBe(`Indicators without data: E-certified copies (D3, not yet entered by Home Affairs) for 2 units; ${missingNames(["S1"], m, "en")} for 1 unit.`);
  });

  it("a unit's scorecard says which indicators its total lacks, by name", async () => {
    // Prepare
    const stp = aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }, { rank: 2, missing: ["D3"] });
    const api = fullServer({ meta: aMeta({ periods: ["2024-H1"] }), scorecards: { "DEPT-STP/2024-H1": aScorecard(stp, null) } });

    // Act
    renderAt(api, "#/units/DEPT-STP?period=2024-H1", { user: "officer-stp" });
    await settled();

    // Assess
    const said = await screen.findByTestId("scorecard-missing");
    expect(said.dataset.missing).toBe("D3");
    expect(said.textContent).toBe("* Tổng điểm chưa đầy đủ: chưa có số liệu Chứng thực điện tử (D3, Sở Nội vụ chưa nhập).");
    expect(screen.getByTestId("scorecard-total").textContent).toMatch(/\*$/);
  });
});
