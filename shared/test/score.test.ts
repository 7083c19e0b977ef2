import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DN_2026_1 } from "../src/methodology/dn-2026-1.js";
import type { Methodology } from "../src/methodology/methodology.js";
import { bandOf, competitionRank, indicatorPoints, roundTo, scoreIndicator, scoreUnit, scoreUnits, type IndicatorInputs } from "../src/methodology/score.js";

const m = DN_2026_1;
const def = (code: string) => {
  const d = m.indicators.find((x) => x.code === code);
  if (d === undefined) throw new Error(code);
  return d;
};
const frac = (numerator: number, denominator: number) => ({ numerator, denominator });

/** Every scored indicator at full marks. */
const perfect = (): Record<string, { numerator: number; denominator: number; ratio?: number }> =>
  Object.fromEntries(m.indicators.map((d) => [d.code, frac(10, 10)]));

describe("Methodology data: dn-2026.1", () => {
  it("§3 six groups adding up to 100 points, each group's indicators adding up to its max (payment: 10.5 capped at 10)", () => {
    expect(m.groups.reduce((s, g) => s + g.max, 0)).toBe(100);
    const sums = Object.fromEntries(m.groups.map((g) => [g.code, m.indicators.filter((d) => d.group === g.code).reduce((s, d) => s + (d.max ?? 0), 0)]));
    expect(sums).toEqual({ CKMB: 18, TDGQ: 20, DVCTT: 12, TTTT: 10.5, SHHS: 22, MDHL: 18 });
  });

  it("§0 provisional items are marked, responsibility indicators R1–R9 carry no points", () => {
    expect(m.indicators.filter((d) => d.provisional).map((d) => d.code)).toEqual(["O1", "O2", "O3", "D2"]);
    const r = m.indicators.filter((d) => d.code.startsWith("R"));
    expect(r.map((d) => d.code)).toEqual(["R1", "R2", "R3", "R4", "R5", "R5D", "R6", "R7", "R8", "R9_R1", "R9_R2", "R9_R3", "R9_R4"]);
    expect(r.every((d) => d.max === null && d.group === null)).toBe(true);
    expect(m.reformIndex.criteria.reduce((s, c) => s + c.max, 0)).toBe(100);
    expect(JSON.parse(JSON.stringify(m))).toEqual(m); // plain data, storable as a dimension table
  });
});

describe("Function: scoreIndicator — methodology §3", () => {
  it("§3 points = max × min(1, ratio / target), target 100% unless given", () => {
    // P1: 97 / 100 = 0.97 ⇒ 20 × 0.97 = 19.4
    expect(scoreIndicator(def("P1"), frac(97, 100), "DEPARTMENT", m)).toEqual({ numerator: 97, denominator: 100, ratio: 0.97, points: 19.4, max: 20, status: "ok" });
    // O3 target 50%: 40 / 100 ⇒ 6 × 0.4 / 0.5 = 4.8; 60 / 100 ⇒ capped at 6
    expect(scoreIndicator(def("O3"), frac(40, 100), "DEPARTMENT", m).points).toBe(4.8);
    expect(scoreIndicator(def("O3"), frac(60, 100), "DEPARTMENT", m).points).toBe(6);
    // O1 target 80%: 3 / 5 = 0.6 ⇒ 2 × 0.6 / 0.8 = 1.5
    expect(scoreIndicator(def("O1"), frac(3, 5), "DEPARTMENT", m).points).toBe(1.5);
    // D4 target 80%: 1 / 3 ⇒ 2 × 0.3333 / 0.8 = 0.83333… ⇒ 0.8333 (4 decimals)
    expect(scoreIndicator(def("D4"), frac(1, 3), "DEPARTMENT", m).points).toBe(0.8333);
  });

  it("§3 missing inputs ⇒ \"no data\" (never silently 0 or full)", () => {
    expect(scoreIndicator(def("T4"), frac(0, 0), "DEPARTMENT", m)).toEqual({ numerator: 0, denominator: 0, ratio: null, points: null, max: 6, status: "no-data" });
    expect(scoreIndicator(def("T4"), undefined, "DEPARTMENT", m).status).toBe("no-data");
  });

  it("§3 S1 and S2: 6 points when there are no complaints", () => {
    expect(scoreIndicator(def("S1"), frac(0, 0), "DEPARTMENT", m)).toMatchObject({ points: 6, status: "ok", rule: "empty-full-points" });
    expect(scoreIndicator(def("S2"), frac(0, 0), "DEPARTMENT", m)).toMatchObject({ points: 6, status: "ok" });
    // S1: 3 of 4 on time ⇒ 6 × 0.75 = 4.5
    expect(scoreIndicator(def("S1"), frac(3, 4), "DEPARTMENT", m).points).toBe(4.5);
  });

  it("§3 S3 = min(6, 6 × r / 0.90), 0 when there are no cases", () => {
    // r = 0.8 ⇒ 6 × 0.8 / 0.9 = 5.3333…; r = 0.95 ⇒ 6
    expect(scoreIndicator(def("S3"), { numerator: 9, denominator: 10, ratio: 0.8 }, "DEPARTMENT", m).points).toBe(5.3333);
    expect(scoreIndicator(def("S3"), { numerator: 10, denominator: 10, ratio: 0.95 }, "DEPARTMENT", m).points).toBe(6);
    expect(scoreIndicator(def("S3"), frac(0, 0), "DEPARTMENT", m)).toMatchObject({ points: 0, status: "ok", rule: "empty-zero" });
  });

  it("§3 online payment: 6·A + min(2, 2.5·B) + 2.5·C, a zero denominator counts as 0, the group capped at 10", () => {
    // A = 3/4 ⇒ 6 × 0.75 = 4.5; B = 1/2 ⇒ min(2, 1.25) = 1.25; C = 1/2 ⇒ 1.25. Sum 7.
    const s = scoreUnit(m, "2024-H1", { unitId: "U", tier: "DEPARTMENT", values: { ...perfect(), MA: frac(3, 4), MB: frac(1, 2), MC: frac(1, 2) } });
    expect([s.indicators["MA"]?.points, s.indicators["MB"]?.points, s.indicators["MC"]?.points]).toEqual([4.5, 1.25, 1.25]);
    expect(s.groups.TTTT).toEqual({ points: 7, max: 10 });
    // all ratios 1: 6 + min(2, 2.5) + 2.5 = 10.5 ⇒ capped at 10
    expect(scoreUnit(m, "2024-H1", { unitId: "U", tier: "DEPARTMENT", values: perfect() }).groups.TTTT.points).toBe(10);
    // no fee-bearing dossier or procedure ⇒ each ratio 0 ⇒ 0 points, still "ok"
    const none = scoreUnit(m, "2024-H1", { unitId: "U", tier: "DEPARTMENT", values: { ...perfect(), MA: frac(0, 0), MB: frac(0, 0), MC: frac(0, 0) } });
    expect(none.groups.TTTT.points).toBe(0);
    expect(none.complete).toBe(true);
  });

  it("§3 commune tier: an indicator that does not apply to communes gets full points (policy switch)", () => {
    expect(scoreIndicator(def("T1"), undefined, "COMMUNE", m)).toMatchObject({ points: 6, status: "ok", rule: "not-applicable-full-points" });
    expect(scoreIndicator(def("T1"), undefined, "DEPARTMENT", m).status).toBe("no-data");
    const off: Methodology = { ...m, switches: { ...m.switches, notApplicableFullPoints: false } };
    expect(scoreIndicator(def("T1"), undefined, "COMMUNE", off).status).toBe("no-data");
  });

  it("shown-but-not-scored indicators (P2, R1…) keep points and max null", () => {
    expect(scoreIndicator(def("R1"), frac(3, 100), "DEPARTMENT", m)).toEqual({ numerator: 3, denominator: 100, ratio: 0.03, points: null, max: null, status: "ok" });
    expect(scoreIndicator(def("P2"), frac(0, 0), "DEPARTMENT", m).status).toBe("no-data");
    expect(indicatorPoints(def("R1"), 1)).toBe(0);
  });
});

describe("Function: scoreUnit", () => {
  it("§10 output shape: indicators, groups, total, completeness, band (rank set by scoreUnits)", () => {
    const s = scoreUnit(m, "2024-H1", { unitId: "DEPT-STP-2020", tier: "DEPARTMENT", values: { ...perfect(), P1: frac(97, 100), T4: frac(0, 0) } });
    expect(Object.keys(s)).toEqual(["unitId", "tier", "period", "methodology", "indicators", "groups", "total", "complete", "band", "rank"]);
    // all full except P1 (19.4, −0.6) and T4 (no data, −6): 100 − 0.6 − 6 = 93.4
    expect(s).toMatchObject({ unitId: "DEPT-STP-2020", tier: "DEPARTMENT", period: "2024-H1", methodology: "dn-2026.1", total: 93.4, complete: false, band: "EXCELLENT", rank: null });
    expect(s.groups.TDGQ).toEqual({ points: 19.4, max: 20 });
    expect(s.groups.CKMB).toEqual({ points: 12, max: 18 });
    expect(s.indicators["R1"]).toMatchObject({ points: null, max: null });
  });

  it("§3 a unit without any input has no total, band or rank", () => {
    const s = scoreUnit(m, "2024-H1", { unitId: "U", tier: "DEPARTMENT", values: {} });
    expect(s).toMatchObject({ total: null, band: null, complete: false });
  });

  it("§3 bands: Excellent ≥ 90, Good ≥ 80, Fair ≥ 70, Average ≥ 50, Weak < 50", () => {
    expect([90, 89.9999, 80, 79.99, 70, 50, 49.99, 0].map((v) => bandOf(m.bands, v))).toEqual(["EXCELLENT", "GOOD", "GOOD", "FAIR", "FAIR", "AVERAGE", "WEAK", "WEAK"]);
    expect(bandOf(m.bands, null)).toBeNull();
    expect(bandOf([{ code: "ONLY", nameVi: "", nameEn: "", min: 10 }], 5)).toBe("ONLY");
  });
});

describe("Function: scoreUnits — ranking (§1)", () => {
  const withP1 = (unitId: string, name: string, tier: string, good: number): { unitId: string; name: string; tier: string; values: IndicatorInputs } => ({
    unitId,
    name,
    tier,
    values: { ...perfect(), P1: frac(good, 10_000) },
  });

  it("§1 competition ranking on the total rounded to 2 decimals (1, 1, 3, 3, 5), ties listed in Vietnamese collation", () => {
    // P1 = 20 × good / 10000 ⇒ total = 80 + P1 (other 80 points full):
    //   9995 ⇒ 99.99 ; 9996 ⇒ 99.992 (both 99.99 at 2 decimals) ; 9000 ⇒ 98 ; 9000 ⇒ 98 ; 5000 ⇒ 90
    const out = scoreUnits(m, "2024-H1", [
      withP1("C", "Xã Bình", "COMMUNE", 9995),
      withP1("A", "Xã Ăn", "COMMUNE", 9996),
      withP1("D", "Xã Đông", "COMMUNE", 9000),
      withP1("E", "Xã Dầu", "COMMUNE", 9000),
      withP1("F", "Xã Phú", "COMMUNE", 5000),
    ]);
    expect(out.map((s) => [s.unitId, s.total, s.rank])).toEqual([
      ["A", 99.992, 1], // Ă before B in Vietnamese (code points would put B first)
      ["C", 99.99, 1],
      ["E", 98, 3], // D before Đ
      ["D", 98, 3],
      ["F", 90, 5],
    ]);
  });

  it("§1 ranks are computed within a tier; VERTICAL is reported, not ranked", () => {
    const out = scoreUnits(m, "2024-H1", [withP1("D1", "Sở A", "DEPARTMENT", 5000), withP1("C1", "Xã A", "COMMUNE", 9000), withP1("D2", "Sở B", "DEPARTMENT", 9000), withP1("V1", "Thuế", "VERTICAL", 9000)]);
    expect(out.map((s) => [s.unitId, s.rank])).toEqual([["D2", 1], ["D1", 2], ["C1", 1], ["V1", null]]);
  });

  it("units without a total come last with no rank", () => {
    const out = competitionRank([{ n: "b", v: null }, { n: "a", v: null }, { n: "c", v: 1 }], (x) => x.v, (x) => x.n);
    expect(out.map((x) => [x.item.n, x.rank])).toEqual([["c", 1], ["a", null], ["b", null]]);
  });
});

describe("Properties of the scoring function", () => {
  const scored = m.indicators.filter((d) => d.max !== null);
  const aCount = fc.tuple(fc.nat(500), fc.nat(500)).map(([a, b]) => ({ numerator: Math.min(a, b), denominator: Math.max(a, b) }));

  it("points stay in [0, max] for every indicator, tier and count", () => {
    fc.assert(
      fc.property(fc.constantFrom(...scored), aCount, fc.constantFrom("DEPARTMENT", "COMMUNE"), (d, c, tier) => {
        const p = scoreIndicator(d, c, tier, m).points;
        if (p !== null) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(d.max as number);
        }
      }),
    );
  });

  it("a better ratio never lowers points", () => {
    fc.assert(
      fc.property(fc.constantFrom(...scored), fc.double({ min: -1, max: 2, noNaN: true }), fc.double({ min: -1, max: 2, noNaN: true }), (d, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(indicatorPoints(d, lo)).toBeLessThanOrEqual(indicatorPoints(d, hi));
      }),
    );
  });

  it("group points never exceed the group max and the total never exceeds 100", () => {
    fc.assert(
      fc.property(fc.array(aCount, { minLength: m.indicators.length, maxLength: m.indicators.length }), (counts) => {
        const values = Object.fromEntries(m.indicators.map((d, i) => [d.code, counts[i]]));
        const s = scoreUnit(m, "2024", { unitId: "U", tier: "DEPARTMENT", values });
        for (const g of m.groups) expect(s.groups[g.code].points).toBeLessThanOrEqual(g.max);
        expect(s.total ?? 0).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("ranks are consistent with totals: higher rounded total ⇒ better rank, equal ⇒ equal, rank = 1 + #strictly higher", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null })), { maxLength: 30 }), (rows) => {
        const out = competitionRank(rows, (r) => r[1], (r) => r[0]);
        for (const a of out) {
          const va = a.item[1];
          if (va === null) {
            expect(a.rank).toBeNull();
            continue;
          }
          expect(a.rank).toBe(1 + rows.filter((r) => r[1] !== null && roundTo(r[1], 2) > roundTo(va, 2)).length);
          for (const b of out) {
            const vb = b.item[1];
            if (vb === null) continue;
            if (roundTo(va, 2) > roundTo(vb, 2)) expect(a.rank as number).toBeLessThan(b.rank as number);
            if (roundTo(va, 2) === roundTo(vb, 2)) expect(a.rank).toBe(b.rank);
          }
        }
      }),
    );
  });
});
