/**
 * The pure views behind the signed-in pages (issue 19, items 4–5): the default period, the unit
 * catalog's reorganisations, the comparison through a predecessor, points lost, medians, late rates.
 */
import { describe, expect, it } from "vitest";
import { DN_2026_1 } from "@scorecard/shared/methodology/dn-2026-1";
import { extremes, headline, lateRates, provinceRates, unitChange } from "../src/lib/overview-view.js";
import { chooseSignedInPeriod, defaultSignedInPeriod, isRunning } from "../src/lib/signed-in-periods.js";
import { comparableRows, existedAtEnd, reorganisationOf } from "../src/lib/units.js";
import { median, pointsLost, weakPoints } from "../src/lib/weak-points.js";
import { aFullUnit, aUnit, anIndicator, ranked } from "./support/builders.js";

const NOW = new Date("2024-07-15T03:00:00.000Z"); // 15 July 2024, 10:00 in Viet Nam

describe("Function: defaultSignedInPeriod", () => {
  it("takes the newest complete period in the meta's order, never the running month", () => {
    expect(defaultSignedInPeriod({ periods: ["2024-07", "2024-Q3", "2024-06", "2024-H1"] }, NOW)).toBe("2024-06");
    expect(isRunning("2024-07", NOW)).toBe(true);
    expect(isRunning("2024-06", NOW)).toBe(false);
  });

  it("falls back to the newest listed period when none is over; a period asked for is kept even when running", () => {
    expect(defaultSignedInPeriod({ periods: ["2024-07"] }, NOW)).toBe("2024-07");
    expect(chooseSignedInPeriod({ periods: ["2024-07", "2024-06"] }, "2024-07", NOW)).toBe("2024-07");
    expect(chooseSignedInPeriod({ periods: ["2024-07", "2024-06"] }, "2023-01", NOW)).toBe("2024-06");
  });

  it("an ended unit opens on the newest period that ends while it existed (June 2025, never the year 2025)", () => {
    const meta = { periods: ["2025-12", "2025-H2", "2025", "2025-06", "2025-H1"] };
    expect(defaultSignedInPeriod(meta, new Date("2026-01-15T03:00:00Z"), (p) => existedAtEnd("DIST-731", p))).toBe("2025-06");
  });
});

describe("Function: reorganisationOf (the unit catalog)", () => {
  it("Biên Hòa's district ended on 30 June 2025 and went to ten wards", () => {
    const r = reorganisationOf("DIST-731", "2025-12");
    expect(r?.kind).toBe("ended");
    expect(r?.kind === "ended" && r.since).toBe("2025-07-01");
    expect(r?.kind === "ended" && r.successors.length).toBe(10);
    expect(reorganisationOf("DIST-731", "2025-06")).toBeNull();
  });

  it("a department of the merged province took over from one predecessor; before it existed, it names it", () => {
    const took = reorganisationOf("DEPT-STP-202507", "2025-H2");
    expect(took?.kind === "took-over" && took.predecessors.map((u) => u.unitId)).toEqual(["DEPT-STP-2020"]);
    const before = reorganisationOf("DEPT-STP-202507", "2025-03");
    expect(before?.kind === "not-yet" && before.predecessors.map((u) => u.unitId)).toEqual(["DEPT-STP-2020"]);
  });

  it("unknown units have no reorganisation", () => {
    expect(reorganisationOf("DEPT-STP", "2025-12")).toBeNull();
  });
});

describe("Function: comparableRows and unitChange (the change across reorganisations)", () => {
  it("compares with the nearest predecessor that has a row; several are a merger, not compared", () => {
    const before = new Map([
      ["DEPT-SNNMT-202503", aUnit("DEPT-SNNMT-202503", "Sở NN&MT", { early: 5, onTime: 5, late: 0, overdue: 0 }, { rank: 3, total: 15 })],
      ["DEPT-SNNPTNT-2020", aUnit("DEPT-SNNPTNT-2020", "Sở NN&PTNT", { early: 5, onTime: 5, late: 0, overdue: 0 })],
    ]);
    const rows = comparableRows("DEPT-SNNMT-202507", before);
    expect([rows.viaPredecessor, rows.rows.map((r) => r.unitId)]).toEqual([true, ["DEPT-SNNMT-202503"]]);
    const change = unitChange(aUnit("DEPT-SNNMT-202507", "Sở NN&MT", { early: 9, onTime: 1, late: 0, overdue: 0 }, { rank: 1, total: 20 }), before);
    expect(change.kind === "compared" && [change.total?.direction, change.rank?.direction, change.via?.unitId]).toEqual(["up", "up", "DEPT-SNNMT-202503"]);

    const wards = new Map(["COM-26053-2020", "COM-26068-2020"].map((id) => [id, aUnit(id, id, { early: 1, onTime: 1, late: 0, overdue: 0 }, { tier: "COMMUNE" })]));
    expect(unitChange(aUnit("COM-26068-2025", "Phường Biên Hòa", { early: 1, onTime: 1, late: 0, overdue: 0 }, { tier: "COMMUNE" }), wards).kind).toBe("merged");
    expect(unitChange(aUnit("DEPT-NEW", "x", { early: 1, onTime: 0, late: 0, overdue: 0 }), new Map()).kind).toBe("none");
  });
});

describe("Function: pointsLost, weakPoints and median", () => {
  const unit = aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 30, onTime: 40, late: 20, overdue: 10 });

  it("orders the scored indicators by points lost (max − points), by name; no data loses nothing", () => {
    const lost = pointsLost(unit, DN_2026_1, "vi");
    expect(lost.map((l) => l.code)).toEqual(["P1", "O3", "D1", "T4"]);
    expect(lost[0]?.lost).toBeCloseTo(6, 4);
    expect(lost.some((l) => l.code === "S1")).toBe(false);
  });

  it("adds the indicators without points that are worse than the tier median, in their direction", () => {
    const withP2 = (u: ReturnType<typeof aFullUnit>, days: number) => ({ ...u, indicators: { ...u.indicators, P2: anIndicator(days * 10, 10, null) } });
    const me = withP2(unit, 12);
    const tier = [me, withP2(aFullUnit("A", "a", { early: 9, onTime: 1, late: 0, overdue: 0 }), 4), withP2(aFullUnit("B", "b", { early: 9, onTime: 1, late: 0, overdue: 0 }), 5)];
    const weak = weakPoints(me, tier, DN_2026_1, "vi");
    const p2 = weak.find((w) => w.code === "P2");
    expect([p2?.belowMedian, p2?.median, p2?.lost]).toEqual([true, 5, null]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNull();
  });
});

describe("Function: provinceRates, extremes and lateRates", () => {
  const units = ranked([
    aFullUnit("BIG", "Big", { early: 400, onTime: 400, late: 150, overdue: 50 }),
    aFullUnit("SMALL", "Small", { early: 5, onTime: 2, late: 2, overdue: 1 }),
    aFullUnit("TINY", "Tiny", { early: 0, onTime: 0, late: 2, overdue: 0 }),
  ]);

  it("pools the province's rates", () => {
    const r = provinceRates(units);
    expect(r.inScope).toBe(1012);
    expect(r.lateRate).toBeCloseTo(205 / 1012, 6);
  });

  it("ranks late rates, not counts, among units with enough dossiers", () => {
    expect(lateRates(units, 10).map((r) => r.unit.unitId)).toEqual(["SMALL", "BIG"]);
  });

  it("lists the best and the worst (worst first) without overlap", () => {
    const e = extremes(units, DN_2026_1, "vi", 2);
    expect(e.best.map((r) => r.unit.unitId)).toEqual(["BIG", "SMALL"]);
    expect(e.worst.map((r) => r.unit.unitId)).toEqual(["TINY"]);
  });
});

describe("Function: headline and unitChange against a hollow previous period", () => {
  it("a previous period without any dossier received (carried-over ones only) is not compared with", () => {
    const hollow = (u: ReturnType<typeof aFullUnit>) => ({ ...u, indicators: { ...u.indicators, T4: anIndicator(0, 0, 6), O3: anIndicator(0, 0, 6, 0.5) } });
    const now = [aFullUnit("A", "a", { early: 8, onTime: 1, late: 1, overdue: 0 }, { rank: 1 })];
    const before = [hollow(aFullUnit("A", "a", { early: 0, onTime: 0, late: 0, overdue: 24 }, { rank: 1 }))];
    expect(headlineChanges(now, before)).toEqual([null, null, null, null]);
    expect(unitChange(now[0]!, new Map([["A", before[0]!]])).kind).toBe("none");
    expect(headlineChanges(now, [aFullUnit("A", "a", { early: 5, onTime: 1, late: 3, overdue: 1 })])[1]).not.toBeNull();
  });
});

function headlineChanges(now: readonly ReturnType<typeof aFullUnit>[], before: readonly ReturnType<typeof aFullUnit>[]) {
  return headline(now, before).map((t) => t.change);
}
