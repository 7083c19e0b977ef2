import { DN_2026_1, type Head, type InspectionFinding, type RankedUnit, parsePeriod } from "@scorecard/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type TenureSource, rateHeadsOfPeriod } from "../src/use-cases/ratings/rate-heads.js";

const m = DN_2026_1;
const H1 = parsePeriod("2024-H1");
const TIERS = ["DEPARTMENT", "DISTRICT", "COMMUNE"] as const;

const unitOf = (unitId: string, tier: string): RankedUnit =>
  ({ unitId, nameVi: `Đơn vị ${unitId}`, nameEn: `Unit ${unitId}`, tier, rank: null, total: null, complete: false, band: null, indicators: {}, counts: {} }) as RankedUnit;

/** One head per unit, in office the whole half-year, with a given service index and general points. */
const scenario = fc.array(
  fc.record({
    tier: fc.constantFrom(...TIERS),
    index: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null, freq: 6 }),
    general: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null, freq: 6 }),
    r2: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    deduction: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 3 }),
  }),
  { maxLength: 60 },
);

type Row = { tier: string; index: number | null; general: number | null; r2: number | null; deduction: number | null };

function build(rows: readonly Row[]) {
  const units = new Map(rows.map((r, i) => [`U${i}`, unitOf(`U${i}`, r.tier)]));
  const heads: Head[] = rows.map((_, i) => ({ headId: `HEAD-U${i}-1`, unitId: `U${i}`, name: `H${i}`, title: "Giám đốc", tenureFrom: "2020-01-01", tenureTo: null, demo: true }));
  const general = new Map(rows.flatMap((r, i) => (r.general === null ? [] : [[`HEAD-U${i}-1`, r.general] as const])));
  const findings: InspectionFinding[] = rows.flatMap((r, i) =>
    r.deduction === null ? [] : [{ findingId: `F${i}`, unitId: `U${i}`, headId: `HEAD-U${i}-1`, periodId: H1.id, deduction: r.deduction, evidence: "KL", noticeNumber: `TB ${i}`, noticeDate: "2024-06-01" }],
  );
  const tenure: TenureSource = (head) => {
    const r = rows[Number(head.unitId.slice(1))] as (typeof rows)[number];
    return { cases: 10, serviceIndex: r.index, complete: true, ratios: { R2: r.r2, R5: null }, indicators: {} };
  };
  return { m, period: H1, units, heads, general, findings, tenure };
}

describe("Function: rateHeadsOfPeriod — properties", () => {
  it("never more than 20 % of the Good-or-better heads of a tier are Excellent; the capped ones scored ≥ 90 and say so", () => {
    fc.assert(
      fc.property(scenario, (rows) => {
        const out = rateHeadsOfPeriod(build(rows));
        for (const tier of TIERS) {
          const inTier = out.filter((h) => h.tier === tier);
          const eligible = inTier.filter((h) => h.band === "EXCELLENT" || h.band === "GOOD").length;
          expect(inTier.filter((h) => h.band === "EXCELLENT").length).toBeLessThanOrEqual(Math.floor(eligible * 0.2 + 1e-9));
          for (const h of inTier.filter((x) => x.cappedFromExcellent)) {
            expect(h.band).toBe("GOOD");
            expect(h.total as number).toBeGreaterThanOrEqual(90);
          }
        }
      }),
    );
  });

  it("a concluded finding delivered twice (or re-read at every recompute) deducts once", () => {
    fc.assert(
      fc.property(scenario, (rows) => {
        const x = build(rows);
        expect(rateHeadsOfPeriod({ ...x, findings: [...x.findings, ...x.findings] })).toEqual(rateHeadsOfPeriod(x));
      }),
    );
  });

  it("every head is pending, not rated, unless both the results and the general criteria exist; totals stay in [0, 100]", () => {
    fc.assert(
      fc.property(scenario, (rows) => {
        for (const h of rateHeadsOfPeriod(build(rows))) {
          const r = rows[Number(h.unitId.slice(1))] as (typeof rows)[number];
          if (r.index === null) expect(h).toMatchObject({ status: "PENDING", pending: "NO_CASES", total: null });
          else if (r.general === null) expect(h).toMatchObject({ status: "PENDING", pending: "GENERAL_MISSING", total: null });
          else {
            expect(h.status).toBe("RATED");
            expect(h.total as number).toBeGreaterThanOrEqual(0);
            expect(h.total as number).toBeLessThanOrEqual(100);
          }
        }
      }),
    );
  });
});
