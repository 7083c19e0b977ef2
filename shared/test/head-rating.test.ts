import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DN_2026_1 } from "../src/methodology/dn-2026-1.js";
import { headFindingDeductions, rateHead, rateHeads, type HeadRatingInput } from "../src/methodology/head-rating.js";
import type { InspectionFinding } from "../src/methodology/reform-index.js";
import { parsePeriod } from "../src/time/period.js";
import type { Head } from "../src/units/head.js";

const m = DN_2026_1;
const input = (headId: string, extra: Partial<HeadRatingInput> = {}): HeadRatingInput => ({
  headId,
  unitId: `U-${headId}`,
  tier: "DEPARTMENT",
  name: `Head ${headId} (demo)`,
  ratable: true,
  serviceIndex: 100,
  ratios: {},
  findingDeductions: 0,
  general: 30,
  ...extra,
});
/** A head whose total is exactly `total` (general 30, results = total − 30 from the index). */
const withTotal = (headId: string, total: number, tier = "DEPARTMENT") => input(headId, { tier, serviceIndex: ((total - 30) * 100) / 70 });

describe("Function: rateHead — methodology §6", () => {
  it("§6 results = 70 × service index / 100 minus responsibility deductions (R2 < 100%, R5 < 90%, findings)", () => {
    // 70 × 90 / 100 = 63; R2 = 0.8 ⇒ −5 × 0.2 = −1; R5 = 0.7 ⇒ −5 × 0.2 = −1; findings −2 ⇒ 59. + general 25 = 84 ⇒ GOOD
    const r = rateHead(m, input("A", { serviceIndex: 90, ratios: { R2: 0.8, R5: 0.7 }, findingDeductions: 2, general: 25 }));
    expect(r).toMatchObject({ status: "RATED", results: 59, general: 25, total: 84, band: "GOOD", deductions: { R2: 1, R5: 1, findings: 2 } });
    // R5 above 90% and no late case (R2 no data): no deduction
    expect(rateHead(m, input("B", { serviceIndex: 90, ratios: { R2: null, R5: 0.95 } })).deductions).toEqual({ R2: 0, R5: 0, findings: 0 });
  });

  it("§6 results floor at 0", () => {
    // 70 × 10 / 100 = 7 − 20 < 0 ⇒ 0
    expect(rateHead(m, input("C", { serviceIndex: 10, findingDeductions: 20, general: 10 }))).toMatchObject({ results: 0, total: 10, band: "NOT_COMPLETED" });
  });

  it("§6 general criteria entered by Home Affairs; until entered the rating is pending", () => {
    expect(rateHead(m, input("D", { general: null }))).toMatchObject({ status: "PENDING", results: 70, total: null, band: null });
    expect(rateHead(m, input("E", { serviceIndex: null }))).toMatchObject({ status: "PENDING", results: null });
  });

  it("§6 a head in office for less than half of the period is listed but not rated", () => {
    expect(rateHead(m, input("F", { ratable: false }))).toMatchObject({ status: "NOT_RATED", total: null, band: null });
  });

  it("§6 bands after Decree 335/2025: ≥ 90 Excellent, 70–<90 Good, 50–<70 Completion, < 50 Not completed", () => {
    expect([90, 89.99, 70, 69.99, 50, 49.99].map((t) => rateHead(m, withTotal("G", t)).band)).toEqual(["EXCELLENT", "GOOD", "GOOD", "COMPLETED", "COMPLETED", "NOT_COMPLETED"]);
  });
});

describe("Function: rateHeads — the 20% Excellent cap (§6)", () => {
  it("§6 at most 20% of heads rated Good-or-better in a tier may be Excellent; the lowest beyond the quota become Good", () => {
    // 10 heads Good-or-better ⇒ quota floor(10 × 20%) = 2. Excellent: 99, 98, 97, 96, 95 ⇒ keep 99, 98.
    const heads = [99, 98, 97, 96, 95, 85, 84, 83, 82, 81].map((t, i) => withTotal(`H${i}`, t));
    const out = rateHeads(m, [...heads, withTotal("X", 40)]); // a Not-completed head does not count
    expect(out.filter((h) => h.band === "EXCELLENT").map((h) => h.headId)).toEqual(["H0", "H1"]);
    expect(out.filter((h) => h.cappedFromExcellent).map((h) => [h.headId, h.band])).toEqual([["H2", "GOOD"], ["H3", "GOOD"], ["H4", "GOOD"]]);
  });

  it("§6 cap: a tie across the quota boundary demotes every tied head (never above 20%)", () => {
    // 10 eligible, quota 2; Excellent 99, 95, 95 ⇒ the two 95s tie across the boundary ⇒ only 99 stays
    const heads = [99, 95, 95, 85, 84, 83, 82, 81, 80, 79].map((t, i) => withTotal(`T${i}`, t));
    expect(rateHeads(m, heads).filter((h) => h.band === "EXCELLENT").map((h) => h.headId)).toEqual(["T0"]);
  });

  it("§6 cap: per tier; with fewer than 5 eligible heads no one can be Excellent", () => {
    // communes: 3 eligible ⇒ floor(0.6) = 0; departments: 5 eligible ⇒ 1
    const out = rateHeads(m, [
      ...[95, 92, 85].map((t, i) => withTotal(`C${i}`, t, "COMMUNE")),
      ...[95, 92, 85, 80, 75].map((t, i) => withTotal(`D${i}`, t, "DEPARTMENT")),
    ]);
    expect(out.filter((h) => h.band === "EXCELLENT").map((h) => h.headId)).toEqual(["D0"]);
  });

  it("property: the 20% cap is never exceeded and demotion never changes totals", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 30, max: 100 }), fc.constantFrom("DEPARTMENT", "COMMUNE")), { maxLength: 40 }), (rows) => {
        const out = rateHeads(m, rows.map(([t, tier], i) => withTotal(`P${i}`, t, tier)));
        for (const tier of ["DEPARTMENT", "COMMUNE"]) {
          const mine = out.filter((h) => h.tier === tier);
          const eligible = mine.filter((h) => h.band === "EXCELLENT" || h.band === "GOOD").length;
          expect(mine.filter((h) => h.band === "EXCELLENT").length).toBeLessThanOrEqual(Math.floor(eligible * 0.2 + 1e-9));
        }
        out.forEach((h, i) => expect(h.total).toBeCloseTo(rows[i]?.[0] as number, 6));
      }),
    );
  });
});

describe("Function: headFindingDeductions", () => {
  const head: Head = { headId: "H1", unitId: "DEPT-STP-2020", name: "Lê Minh Tâm (demo)", title: "Giám đốc", tenureFrom: "2024-03-01", tenureTo: null, demo: true };
  const f = (findingId: string, extra: Partial<InspectionFinding>): InspectionFinding => ({
    findingId,
    unitId: "DEPT-STP-2020",
    periodId: "2024-H1",
    deduction: 1,
    evidence: "KL-01",
    noticeNumber: "01/TB-SNV",
    noticeDate: "2024-05-10",
    ...extra,
  });

  it("§6 concluded findings naming the head, or the unit during the tenure, in that period, counted once", () => {
    const findings = [
      f("a", { headId: "H1", deduction: 2 }),
      f("a", { headId: "H1", deduction: 2 }), // the same finding again
      f("b", { deduction: 1.5 }), // names the unit, notice inside the tenure
      f("c", { noticeDate: "2024-02-10", deduction: 4 }), // unit finding before the tenure
      f("d", { headId: "H1", noticeNumber: undefined, deduction: 8 }), // not concluded
      f("e", { headId: "H1", periodId: "2023-H2", deduction: 16 }), // another period
      f("g", { headId: "H9", deduction: 32 }), // another head
    ];
    // 2 + 1.5 = 3.5
    expect(headFindingDeductions(findings, head, parsePeriod("2024-H1"))).toBe(3.5);
    expect(headFindingDeductions(findings, head, parsePeriod("2023-H1"))).toBe(0);
  });
});
