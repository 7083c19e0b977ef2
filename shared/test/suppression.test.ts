/**
 * Small-count suppression (issue 20, item 3): hand-computed cases. Rows are built from raw counts
 * the way scoring builds them (support/ranked-row.ts), methodology dn-2026.1, so points, groups
 * and totals are the real ones; the expected withheld values are derived by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import type { RankedUnit, RankingSnapshot } from "../src/contracts/api.js";
import { DN_2026_1 } from "../src/methodology/dn-2026-1.js";
import { DN_2026_2 } from "../src/methodology/dn-2026-2.js";
import { INDICATOR_COUNTS, publicRanking } from "../src/publish/suppression.js";
import { METHODOLOGY_VERSIONS } from "../src/methodology/registry.js";
import { type Base, rankedRow } from "./support/ranked-row.js";

/**
 * A department with nothing small: every count and every complement (d − n, nested differences)
 * is 5 or more. Points (dn-2026.1): T1 20/30 → 6 × 0.6667 = 4; T2 15/20 → 4 × 0.75 = 3;
 * T3 40/50 → 2 × 0.8 = 1.6; T4 350/400 → 6 × 0.875 = 5.25; P1 500/530 → 20 × 0.9434 = 18.8679;
 * O1 40/60 (target 0.8) → 2 × 0.8333 = 1.6667; O2 30/40 → 3; O3 200/400 (target 0.5) → 6;
 * MA 120/200 → 3.6; MB 20/30 (target 0.8) → 1.6667; MC 25/30 → 2.0833; D1 150/200 → 4.5;
 * D2 300/400 → 3; D4 250/400 (target 0.8) → 1.5625; D5 100/400 → 1; D6A 150/400 → 0.75;
 * D6B 35/60 → 1.1667; S1 20/25 → 4.8; S2 22/30 → 4.4; S3 r = 1 − 30/530 − 40/400 = 0.8434
 * (target 0.9) → 5.6226.
 */
const CLEAN: Base = {
  early: 300, on_time: 200, late: 20, overdue: 10, in_progress: 50,
  cx_good: 100, cx_late: 12, cx_in_progress: 10, late_apology: 20, cx_late_apology: 6,
  received: 400, t4: 350, o3: 200, d2: 300, d4: 250, d5: 100, d6a: 150, s3a: 40,
  r3: 30, r4: 25, ma_num: 120, ma_den: 200, r6_num: 80, r6_den: 50, cx_received: 100, cx_r3: 10, cx_r4: 8,
  r3i: 12, cx_r3i: 5, o3f: 120, o3p: 80,
  p2_num: 1500, p2_den: 300, d1_num: 150, d1_den: 200, o4_num: 140,
  r5_num: 40, r5_den: 50, r5d_num: 30, r5d_den: 10, r7_days: 20, r7_province: 300,
  complaints: 30, s1_num: 20, s1_den: 25, s2_num: 22,
  procs: 60, online: 40, o2_num: 30, fee: 30, mb_num: 20, mc_num: 25, d6b: 35,
  t1_num: 20, t1_den: 30, t2_num: 15, t2_den: 20, t3_num: 40, t3_den: 50,
};

const snapshot = (units: RankedUnit[], extra: Partial<RankingSnapshot> = {}): RankingSnapshot => ({
  period: "2024-H1", tier: "DEPARTMENT", methodology: DN_2026_1.id, computedAt: "2024-07-01T01:00:00.000Z", dataAsOf: "2024-07-01T00:00:00.000Z",
  status: "published", version: 1, engine: "sql", units, scan: { runBytes: 1, runPeriods: 1, periodBytes: 1 }, ...extra,
});
const row = (b: Partial<Base> = {}) => rankedRow({ ...CLEAN, ...b }, DN_2026_1);
const publicRow = (b: Partial<Base> = {}) => {
  const u = publicRanking(snapshot([row(b)])).units[0];
  if (!u) throw new Error("no row");
  return u;
};

describe("publicRanking: hand-computed cases", () => {
  it("leaves a row with no small count unchanged (and drops the scan metadata)", () => {
    const exact = row();
    expect(exact.groups?.["CKMB"]?.points).toBe(13.85); // 4 + 3 + 1.6 + 5.25
    const view = publicRanking(snapshot([exact]));
    expect(view.units[0]).toEqual(exact);
    expect(view.units[0]?.suppressed).toBeUndefined();
    expect("scan" in view).toBe(false);
    expect(view.suppression).toEqual({ smallCount: 5, checkedVersions: [], withheld: 0 });
  });

  it("S1 = 1/3: the whole cell withheld, and a second indicator of the group so that the group's points do not give S1's back", () => {
    // S1 n = 1, d = 3, d − n = 2: all small → numerator, denominator, ratio and points withheld.
    // MDHL = S1 + S2 + S3 = 2 + 4.4 + 5.6226 = 12.0226 (below 18): with S1 alone withheld, S1's
    // points = 12.0226 − 4.4 − 5.6226 = 2 → ratio 1/3. The smallest positive other cell: S2 (4.4 <
    // 5.6226): S2's numerator, ratio and points go too; its denominator 30 (= R8's numerator) stays.
    const u = publicRow({ s1_num: 1, s1_den: 3 });
    expect(u.indicators["S1"]).toEqual({ numerator: null, denominator: null, ratio: null, points: null, max: 6, status: "ok", suppressed: true });
    expect(u.indicators["S2"]).toEqual({ numerator: null, denominator: 30, ratio: null, points: null, max: 6, status: "ok", suppressed: true });
    expect(u.groups?.["MDHL"]).toEqual({ points: 12.0226, max: 18 });
    expect(u.suppressed).toEqual([
      "indicators.S1.numerator", "indicators.S1.ratio", "indicators.S1.points", "indicators.S1.denominator",
      "indicators.S2.numerator", "indicators.S2.ratio", "indicators.S2.points",
    ]);
  });

  it('R8 "3 of 277" (10.83 per 1,000 dossiers): its numerator and ratio withheld, and S2\'s denominator, which is the same count', () => {
    // received 277; complaints 3 → R8 = 3/277. 3 is small: R8's numerator and ratio go (R8 is not
    // scored: points already null). The 3 complaints are also S2's denominator and bound S1's:
    // S1 3/3 and S2 3/3 are small cells, withheld whole.
    const u = publicRow({
      received: 277, t4: 250, o3: 150, d2: 200, d4: 180, d5: 100, d6a: 120, s3a: 30, r3: 20, cx_r3: 8, r4: 15, cx_r4: 5,
      ma_den: 150, ma_num: 100, r6_den: 40, r6_num: 60, cx_received: 90,
      complaints: 3, s1_den: 3, s1_num: 3, s2_num: 3,
    });
    expect(u.indicators["R8"]).toEqual({ numerator: null, denominator: 277, ratio: null, points: null, max: null, status: "ok", suppressed: true });
    expect(u.indicators["S2"]).toMatchObject({ numerator: null, denominator: null, ratio: null, points: null, suppressed: true });
    expect(u.indicators["S1"]).toMatchObject({ numerator: null, denominator: null, ratio: null, points: null, suppressed: true });
    // Neither 3 nor 0 is written anywhere for them.
    expect(JSON.stringify(u.indicators["R8"])).not.toMatch(/:3[,}]/);
  });

  it("P1 with 2 late of 500: P1 and R1 withheld, LATE and the counts that would give it, S3A (S3 = 1 − R1 − S3A) and the group points that isolate P1", () => {
    // EARLY 300 + ON_TIME 198 = 498 = P1.n; LATE 2 + OVERDUE 0 = 2 = R1.n; P1.d = R1.d = 500.
    // One late with an apology: R2 = 1/2 (withheld whole); complex fields: no late (R9_R1 = 0/100).
    // Primary: R1.n = 2, LATE = 2, R2 n = 1 and d = 2; complements P1 d − n = 2, R1.n − R9_R1.n = 2.
    // Secondary: P1.n + R1.n = P1.d → P1.n (498 < 500); EARLY + ON_TIME = P1.n → ON_TIME (198 < 300);
    // LATE + OVERDUE = R1.n has two withheld: OVERDUE 0 stays 0.
    // S3's ratio 1 − 2/500 − 40/400 = 0.896 would give R1's: S3A's ratio (0.1) is the smaller → S3A.n;
    // then S3.n + S3A.n = S3.d → S3.n (360 < 400); S3 withheld makes MDHL = S1 + S2 + S3 one-unknown →
    // S2 (4.4 < S1's 4.8). Points: TDGQ = P1's points alone → TDGQ withheld; total = Σ groups → a second
    // group: the smallest, TTTT = 3.6 + 1.6667 + 2.0833 = 7.35 (CKMB 13.85, DVCTT 10.6667, SHHS 11.9792,
    // MDHL 4.8 + 4.4 + 5.9733 = 15.1733); in TTTT the smallest cell, MB (1.6667).
    const u = publicRow({ early: 300, on_time: 198, late: 2, overdue: 0, cx_late: 0, late_apology: 1, cx_late_apology: 0 });
    expect(u.indicators["P1"]).toEqual({ numerator: null, denominator: 500, ratio: null, points: null, max: 20, status: "ok", suppressed: true });
    expect(u.indicators["R1"]).toEqual({ numerator: null, denominator: 500, ratio: null, points: null, max: null, status: "ok", suppressed: true });
    expect(u.indicators["R2"]).toMatchObject({ numerator: null, denominator: null, ratio: null, suppressed: true });
    expect(u.counts).toEqual({ EARLY: 300, ON_TIME: null, LATE: null, OVERDUE: 0, IN_PROGRESS: 50 });
    expect(u.groups?.["TDGQ"]).toEqual({ points: null, max: 20, suppressed: true });
    expect(u.groups?.["TTTT"]).toEqual({ points: null, max: 10, suppressed: true });
    expect(u.groups?.["CKMB"]).toEqual({ points: 13.85, max: 18 });
    expect(u.total).not.toBeNull();
    expect(u.suppressed).toEqual([
      "indicators.P1.numerator", "indicators.P1.ratio", "indicators.P1.points",
      "indicators.MB.numerator", "indicators.MB.ratio", "indicators.MB.points",
      "indicators.S2.numerator", "indicators.S2.ratio", "indicators.S2.points",
      "indicators.S3.numerator", "indicators.S3.ratio", "indicators.S3.points",
      "indicators.S3A.numerator", "indicators.S3A.ratio",
      "indicators.R1.numerator", "indicators.R1.ratio",
      "indicators.R2.numerator", "indicators.R2.ratio", "indicators.R2.denominator",
      "counts.ON_TIME", "counts.LATE",
      "groups.TDGQ.points", "groups.TTTT.points",
    ]);
  });

  it("a single withheld scored cell takes a second one of its group: T2 = 2/20 withholds T3 too, and CKMB's points stay", () => {
    // T2 2/20 → 4 × 0.1 = 0.4 points. CKMB = 4 + 0.4 + 1.6 + 5.25 = 11.25: with T2 alone withheld,
    // T2 = 11.25 − 4 − 1.6 − 5.25 = 0.4 → ratio 0.1 → 2 of 20. Smallest positive other cell: T3 (1.6).
    const u = publicRow({ t2_num: 2 });
    expect(u.indicators["T2"]).toEqual({ numerator: null, denominator: 20, ratio: null, points: null, max: 4, status: "ok", suppressed: true });
    expect(u.indicators["T3"]).toEqual({ numerator: null, denominator: 50, ratio: null, points: null, max: 2, status: "ok", suppressed: true });
    expect(u.groups?.["CKMB"]).toEqual({ points: 11.25, max: 18 });
    expect(u.suppressed).toHaveLength(6);
  });

  it("a difference of 2 from the earlier published version is withheld (then the group rule again)", () => {
    // V1: D4 250/400. V2: D4 252/400 — shown alone, 252 − 250 = 2 dossiers would be known.
    // D4 → 2 × min(1, 0.63 / 0.8) = 1.575; SHHS's smallest other positive cell: D6A (0.75).
    const v1 = publicRanking(snapshot([row()]));
    const v2exact = snapshot([row({ d4: 252 })], { version: 2 });
    const alone = publicRanking(v2exact).units[0];
    expect(alone?.indicators["D4"]?.numerator).toBe(252); // without the earlier version nothing is small
    const v2 = publicRanking(v2exact, [v1]);
    const u = v2.units[0];
    expect(u?.indicators["D4"]).toEqual({ numerator: null, denominator: 400, ratio: null, points: null, max: 2, status: "ok", suppressed: true });
    expect(u?.indicators["D6A"]).toMatchObject({ numerator: null, denominator: 400, suppressed: true });
    expect(u?.suppressed).toHaveLength(6);
    expect(v2.suppression).toEqual({ smallCount: 5, checkedVersions: [1], withheld: 6 });
    // A difference of 5 is not small: V2 with D4 255/400 shows it.
    expect(publicRanking(snapshot([row({ d4: 255 })], { version: 2 }), [v1]).units[0]?.indicators["D4"]?.numerator).toBe(255);
  });

  it("a row without group points (older snapshots): the total stands for the sum of the points, so T2 = 2/20 withholds a second cell", () => {
    const { groups: _g, ...exact } = row({ t2_num: 2 });
    const u = publicRanking(snapshot([exact])).units[0];
    expect(u?.indicators["T2"]?.points).toBeNull();
    // The smallest positive other scored cell of the whole row: D6A (0.75; T3 1.6, D5 1, …).
    expect(u?.indicators["D6A"]).toMatchObject({ numerator: null, ratio: null, points: null, suppressed: true });
    expect(u?.total).toBe(exact.total);
  });

  it("zero stays zero: a count of 0 and a 0 ratio are shown as 0, and a withheld value is null, never 0", () => {
    // OVERDUE 0 and T2 0/20 are not small. P1 = 500/520 with LATE 20: nothing small.
    const u = publicRow({ overdue: 0, t2_num: 0 });
    expect(u.counts["OVERDUE"]).toBe(0);
    expect(u.indicators["T2"]).toEqual({ numerator: 0, denominator: 20, ratio: 0, points: 0, max: 4, status: "ok" });
    expect(u.suppressed).toBeUndefined();
    const w = publicRow({ t2_num: 3 });
    expect(w.indicators["T2"]?.numerator).toBeNull();
  });

  it("keeps the exact snapshot exact (no mutation) and gives the same view for the same input", () => {
    const exact = snapshot([row({ s1_num: 1, s1_den: 3 })]);
    const before = JSON.stringify(exact);
    const a = publicRanking(exact);
    expect(JSON.stringify(exact)).toBe(before);
    expect(JSON.stringify(publicRanking(exact))).toBe(JSON.stringify(a));
  });

  it("dn-2026.2: 3 returns, 1 marked improper — R3 withheld whole; the dossiers received, which R3 no longer counts over, stay shown", () => {
    const r = rankedRow({ ...CLEAN, r3: 3, r3i: 1, cx_r3: 0, cx_r3i: 0 }, DN_2026_2);
    expect([r.indicators["R3"]?.numerator, r.indicators["R3"]?.denominator]).toEqual([1, 3]);
    const u = publicRanking(snapshot([r], { methodology: DN_2026_2.id })).units[0]!;
    expect(u.indicators["R3"]).toMatchObject({ numerator: null, denominator: null, ratio: null, suppressed: true });
    for (const c of ["T4", "O3", "O3F", "O3P", "R4", "R8"]) expect(u.indicators[c]?.denominator, c).toBe(400);
    // Received − returns = 397 is no small count, and nothing else names the returns: R9_R3 (0 of 0) stays.
    expect(u.indicators["R9_R3"]).toMatchObject({ numerator: 0, denominator: 0 });
    // Under dn-2026.1 the same counts are R3 = 3 of 400: its numerator withheld, the received count kept.
    const old = publicRanking(snapshot([rankedRow({ ...CLEAN, r3: 3, r3i: 1, cx_r3: 0, cx_r3i: 0 }, DN_2026_1)])).units[0]!;
    expect(old.indicators["R3"]).toMatchObject({ numerator: null, denominator: 400, suppressed: true });
  });

  it("dn-2026.2: O3P = 3 of 400 also withholds O3F, since fully + partly online = online (O3, shown)", () => {
    const u = publicRanking(snapshot([rankedRow({ ...CLEAN, o3f: 197, o3p: 3 }, DN_2026_2)], { methodology: DN_2026_2.id })).units[0]!;
    expect(u.indicators["O3P"]).toMatchObject({ numerator: null, suppressed: true });
    expect(u.indicators["O3F"]).toMatchObject({ numerator: null, suppressed: true });
    expect(u.indicators["O3"]).toMatchObject({ numerator: 200, denominator: 400 });
  });

  it("lists every indicator of every methodology version, and agrees with its unit of measure", () => {
    // percent → the numerator counts a subset; workingDays / unitsPerCase → a sum over a count;
    // share → days over days; perThousand → a count per count.
    const expected = { percent: "subset", workingDays: "measure", unitsPerCase: "measure", share: "measure", perThousand: "count" } as const;
    for (const m of METHODOLOGY_VERSIONS) {
      for (const d of m.indicators) {
        expect(INDICATOR_COUNTS[d.code], `${m.id} ${d.code}`).toBeDefined();
        expect(INDICATOR_COUNTS[d.code]?.numerator, `${m.id} ${d.code} (${d.unitOfMeasure})`).toBe(expected[d.unitOfMeasure]);
      }
    }
  });
});
