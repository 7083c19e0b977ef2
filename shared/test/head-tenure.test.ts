import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DN_2026_1 } from "../src/methodology/dn-2026-1.js";
import { type HeadDayRow, type TenureCounts, localDayNumber, sumTenure, tenureScore } from "../src/methodology/head-tenure.js";
import { HEAD_DAY_COLUMNS } from "../src/sql/head-indicators.sql.js";

const m = DN_2026_1;
const zero = Object.fromEntries(HEAD_DAY_COLUMNS.map((c) => [c, 0])) as Record<(typeof HEAD_DAY_COLUMNS)[number], number>;
const counts = (c: Partial<TenureCounts>): TenureCounts => ({ ...zero, ...c });
const row = (unitId: string, date: string, c: Partial<TenureCounts>): HeadDayRow => ({ unitId, day: localDayNumber(date), counts: c });

/** The unit's own period values when it has no catalog and no complaint (what the SQL route gives). */
const NO_CATALOG = {};

describe("Function: sumTenure", () => {
  it("adds the unit's days inside [from, to], both ends included, and nothing of another unit", () => {
    const rows = [
      row("A", "2024-06-02", { received: 1 }),
      row("A", "2024-06-03", { received: 2, early: 1 }),
      row("A", "2024-06-09", { received: 4, late: 1 }),
      row("A", "2024-06-10", { received: 8 }),
      row("B", "2024-06-05", { received: 16 }),
    ];
    // 03/06 … 09/06: 2 + 4 = 6 received, 1 early, 1 late
    expect(sumTenure(rows, "A", "2024-06-03", "2024-06-09")).toMatchObject({ received: 6, early: 1, late: 1, overdue: 0 });
    expect(sumTenure(rows, "A", "2024-06-10", "2024-06-30").received).toBe(8);
    expect(sumTenure(rows, "C", "2024-06-01", "2024-06-30")).toEqual(zero);
  });

  it("the local day numbers are those of the SQL (days since 1970-01-01 of the UTC+7 date)", () => {
    expect(localDayNumber("1970-01-01")).toBe(0);
    expect(localDayNumber("2024-06-03")).toBe(19877);
  });

  it("property: splitting a tenure at any day splits its counts exactly (nothing lost or counted twice)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ d: fc.integer({ min: 0, max: 29 }), n: fc.nat(50), late: fc.nat(5) }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 28 }),
        (days, split) => {
          const date = (d: number) => `2024-06-${String(d + 1).padStart(2, "0")}`;
          const rows = days.map((x) => row("A", date(x.d), { received: x.n, late: x.late }));
          const whole = sumTenure(rows, "A", date(0), date(29));
          const left = sumTenure(rows, "A", date(0), date(split));
          const right = sumTenure(rows, "A", date(split + 1), date(29));
          expect(left.received + right.received).toBe(whole.received);
          expect(left.late + right.late).toBe(whole.late);
        },
      ),
    );
  });
});

describe("Function: tenureScore — methodology §6 results over the tenure", () => {
  it("scores the tenure's cases with the tier's rules (hand-computed)", () => {
    // Two dossiers received in the tenure: A1 online, synced, digitised, early; A2 direct, late, with an apology.
    const c = counts({ received: 2, t4_num: 1, o3_num: 1, d2_num: 1, early: 1, late: 1, late_apology: 1, r5_num: 3, r5_den: 4 });
    const s = tenureScore(m, "2024-06", { unitId: "A", tier: "DEPARTMENT" }, c, NO_CATALOG);
    // Transparency: T1–T3 no catalog (no data, 0); T4 1/2 ⇒ 6 × 0.5 = 3                   → 3
    // Progress: P1 1/2 ⇒ 20 × 0.5 = 10                                                    → 10
    // Online: O1, O2 no data; O3 1/2 = target 0.5 ⇒ 6                                     → 6
    // Payment: MA, MB, MC zero denominators count 0                                       → 0
    // Digitisation: D2 1/2 ⇒ 4 × 0.5 = 2; D1 no data; D3–D6 0                             → 2
    // Satisfaction: S1, S2 no complaints ⇒ 6 + 6; S3 r = 1 − 1/2 − 0 = 0.5 ⇒ 6 × 0.5 / 0.9 = 3.3333 → 15.3333
    // Total 3 + 10 + 6 + 0 + 2 + 15.3333 = 36.3333
    expect(s.serviceIndex).toBe(36.3333);
    expect(s.complete).toBe(false);
    expect(s.cases).toBe(2);
    // R2: 1 apology / 1 late case = 1; R5: 3 of 4 consultations answered on time
    expect(s.ratios).toEqual({ R2: 1, R5: 0.75 });
    expect(s.indicators["P1"]).toMatchObject({ numerator: 1, denominator: 2, points: 10, status: "ok" });
  });

  it("catalog and complaint indicators enter with the unit's period values", () => {
    const c = counts({ received: 1, early: 1 });
    const without = tenureScore(m, "2024-06", { unitId: "A", tier: "DEPARTMENT" }, c, NO_CATALOG).serviceIndex as number;
    // The unit published 3 of 4 changed procedures on time: T1 = 6 × 0.75 = 4.5 more points.
    const withCatalog = tenureScore(m, "2024-06", { unitId: "A", tier: "DEPARTMENT" }, c, { T1: { numerator: 3, denominator: 4 } }).serviceIndex as number;
    expect(withCatalog - without).toBeCloseTo(4.5, 4);
  });

  it("no dossier with a verdict in the tenure: no index (the head is pending, never rated on an empty P1)", () => {
    expect(tenureScore(m, "2024-06", { unitId: "A", tier: "DEPARTMENT" }, counts({}), NO_CATALOG).serviceIndex).toBeNull();
    expect(tenureScore(m, "2024-06", { unitId: "A", tier: "DEPARTMENT" }, counts({ received: 3, in_progress: 3 }), NO_CATALOG).serviceIndex).toBeNull();
  });

  it("nothing to judge in R2 (no late case) or R5 (never consulted) gives a null ratio, hence no deduction", () => {
    expect(tenureScore(m, "2024-06", { unitId: "A", tier: "DEPARTMENT" }, counts({ received: 1, early: 1 }), NO_CATALOG).ratios).toEqual({ R2: null, R5: null });
  });
});
