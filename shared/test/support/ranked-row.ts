/**
 * Ranking rows for the suppression tests, built the way scoring builds them: raw counts of records
 * (the SQL statement's columns, functions/src/use-cases/score/indicator-rows.ts `indicatorValues`,
 * switch inProgressCountsAsOnTime off) → indicator inputs → shared's scoreUnit (points, groups,
 * total, band). Every identity between the cells then holds because the raw counts are nested by
 * construction (`randomBase` draws each subset inside its superset).
 */
import type { RankedUnit } from "../../src/contracts/api.js";
import type { Methodology } from "../../src/methodology/methodology.js";
import { type IndicatorCounts, scoreUnit } from "../../src/methodology/score.js";

/** Raw counts of one unit (names as the SQL columns). */
export interface Base {
  // in-scope dossiers by status; the complex-field parts; late apologies
  early: number; on_time: number; late: number; overdue: number; in_progress: number;
  cx_good: number; cx_late: number; cx_in_progress: number; late_apology: number; cx_late_apology: number;
  // dossiers received in the period and their subsets
  received: number; t4: number; o3: number; d2: number; d4: number; d5: number; d6a: number; s3a: number;
  r3: number; r4: number; ma_num: number; ma_den: number; r6_num: number; r6_den: number;
  cx_received: number; cx_r3: number; cx_r4: number;
  // dn-2026.2: returns marked improper (inside r3, cx_r3), fully / partly online (o3 = o3f + o3p)
  r3i: number; cx_r3i: number; o3f: number; o3p: number;
  // resolved in the period
  p2_num: number; p2_den: number; d1_num: number; d1_den: number; o4_num: number;
  // consultations of this unit
  r5_num: number; r5_den: number; r5d_num: number; r5d_den: number;
  r7_days: number; r7_province: number;
  // complaints
  complaints: number; s1_num: number; s1_den: number; s2_num: number;
  // catalog
  procs: number; online: number; o2_num: number; fee: number; mb_num: number; mc_num: number; d6b: number;
  t1_num: number; t1_den: number; t2_num: number; t2_den: number; t3_num: number; t3_den: number;
}

const frac = (numerator: number, denominator: number): IndicatorCounts => ({ numerator, denominator });

/** The indicator inputs of a unit, as indicatorValues builds them (switch inProgressCountsAsOnTime off; R3 per improperReturnsOnly). */
export function indicatorInputs(b: Base, m?: Methodology): Record<string, IndicatorCounts> {
  const improper = m?.switches.improperReturnsOnly === true;
  const lateAll = b.late + b.overdue;
  const verdicts = b.early + b.on_time + lateAll;
  const lateRate = verdicts === 0 ? 0 : lateAll / verdicts;
  const badShare = b.received === 0 ? 0 : b.s3a / b.received;
  return {
    T1: frac(b.t1_num, b.t1_den), T2: frac(b.t2_num, b.t2_den), T3: frac(b.t3_num, b.t3_den), T4: frac(b.t4, b.received),
    P1: frac(b.early + b.on_time, verdicts), P2: frac(b.p2_num, b.p2_den),
    O1: frac(b.online, b.procs), O2: frac(b.o2_num, b.online), O3: frac(b.o3, b.received),
    O3F: frac(b.o3f, b.received), O3P: frac(b.o3p, b.received), O4: frac(b.o4_num, b.d1_den),
    MA: frac(b.ma_num, b.ma_den), MB: frac(b.mb_num, b.fee), MC: frac(b.mc_num, b.fee),
    D1: frac(b.d1_num, b.d1_den), D2: frac(b.d2, b.received), D4: frac(b.d4, b.received), D5: frac(b.d5, b.received),
    D6A: frac(b.d6a, b.received), D6B: frac(b.d6b, b.procs),
    S1: frac(b.s1_num, b.s1_den), S2: frac(b.s2_num, b.complaints),
    S3: { numerator: b.received - b.s3a, denominator: b.received, ratio: Math.max(0, 1 - lateRate - badShare) },
    S3A: frac(b.s3a, b.received),
    R1: frac(lateAll, verdicts), R2: frac(b.late_apology, lateAll), R3: improper ? frac(b.r3i, b.r3) : frac(b.r3, b.received), R4: frac(b.r4, b.received),
    R5: frac(b.r5_num, b.r5_den), R5D: frac(b.r5d_num, b.r5d_den), R6: frac(b.r6_num, b.r6_den), R7: frac(b.r7_days, b.r7_province),
    R8: frac(b.complaints, b.received),
    R9_R1: frac(b.cx_late, b.cx_good + b.cx_late), R9_R2: frac(b.cx_late_apology, b.cx_late),
    R9_R3: improper ? frac(b.cx_r3i, b.cx_r3) : frac(b.cx_r3, b.cx_received), R9_R4: frac(b.cx_r4, b.cx_received),
  };
}

/** A ranked row from raw counts: scoreUnit's indicators, groups, total and band; rank 1 when it has a total. */
export function rankedRow(b: Base, m: Methodology, opts: { unitId?: string; tier?: "DEPARTMENT" | "DISTRICT" | "COMMUNE" } = {}): RankedUnit {
  const unitId = opts.unitId ?? "DEPT-TEST";
  const tier = opts.tier ?? "DEPARTMENT";
  const s = scoreUnit(m, "2024-H1", { unitId, tier, values: indicatorInputs(b, m) });
  const indicators = Object.fromEntries(
    Object.entries(s.indicators).map(([c, v]) => [c, { numerator: v.numerator, denominator: v.denominator, ratio: v.ratio, points: v.points, max: v.max, status: v.status }]),
  );
  return {
    unitId, nameVi: `Đơn vị ${unitId}`, nameEn: `Unit ${unitId}`, tier,
    rank: s.total === null ? null : 1, total: s.total, complete: s.complete, band: s.band,
    indicators,
    counts: { EARLY: b.early, ON_TIME: b.on_time, LATE: b.late, OVERDUE: b.overdue, IN_PROGRESS: b.in_progress },
    groups: s.groups,
  };
}

/** Every raw count 0 (a unit with nothing to count). */
export const ZERO_BASE: Base = Object.fromEntries(
  [
    "early", "on_time", "late", "overdue", "in_progress", "cx_good", "cx_late", "cx_in_progress", "late_apology", "cx_late_apology",
    "received", "t4", "o3", "d2", "d4", "d5", "d6a", "s3a", "r3", "r4", "ma_num", "ma_den", "r6_num", "r6_den", "cx_received", "cx_r3", "cx_r4",
    "r3i", "cx_r3i", "o3f", "o3p", "p2_num", "p2_den", "d1_num", "d1_den", "o4_num", "r5_num", "r5_den", "r5d_num", "r5d_den", "r7_days", "r7_province",
    "complaints", "s1_num", "s1_den", "s2_num", "procs", "online", "o2_num", "fee", "mb_num", "mc_num", "d6b",
    "t1_num", "t1_den", "t2_num", "t2_den", "t3_num", "t3_den",
  ].map((k) => [k, 0]),
) as unknown as Base;

/** A small deterministic generator (mulberry32): the property tests draw a seed, this draws the rest. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Random raw counts with many small counts and small complements: each total is small (0–8),
 * mid-sized or large (up to 600); each subset is a few records, all but a few, or anything between.
 */
export function randomBase(seed: number): Base {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const total = () => [int(0, 8), int(5, 60), int(50, 600)][int(0, 2)] as number;
  const part = (of: number) => [int(0, Math.min(of, 6)), Math.max(0, of - int(0, 6)), int(0, of)][int(0, 2)] as number;
  const b = { ...ZERO_BASE };
  // in scope: good = early + on time (complex part inside), late = late + overdue (complex part inside)
  const good = total();
  b.early = part(good);
  b.on_time = good - b.early;
  const lateAll = part(total());
  b.late = part(lateAll);
  b.overdue = lateAll - b.late;
  b.in_progress = total();
  b.cx_in_progress = part(b.in_progress);
  b.cx_good = part(good);
  b.cx_late = part(lateAll);
  b.cx_late_apology = part(b.cx_late);
  b.late_apology = b.cx_late_apology + part(lateAll - b.cx_late);
  // received
  const received = total();
  b.received = received;
  b.cx_received = part(received);
  b.cx_r3 = part(b.cx_received);
  b.r3 = b.cx_r3 + part(received - b.cx_received);
  b.cx_r4 = part(b.cx_received);
  b.r4 = b.cx_r4 + part(received - b.cx_received);
  for (const k of ["t4", "o3", "d2", "d4", "d5", "d6a", "s3a"] as const) b[k] = part(received);
  b.cx_r3i = part(b.cx_r3);
  b.r3i = b.cx_r3i + part(b.r3 - b.cx_r3);
  b.o3f = part(b.o3);
  b.o3p = b.o3 - b.o3f;
  b.ma_den = part(received);
  b.ma_num = part(b.ma_den);
  b.r6_den = part(received);
  b.r6_num = b.r6_den + int(0, 2 * b.r6_den);
  // resolved
  b.p2_den = total();
  b.p2_num = int(0, 25 * b.p2_den);
  b.d1_den = part(b.p2_den);
  b.d1_num = part(b.d1_den);
  b.o4_num = part(b.d1_den);
  // consultations: on time + late = judged
  b.r5_num = total();
  b.r5d_den = part(total());
  b.r5_den = b.r5_num + b.r5d_den;
  b.r5d_num = b.r5d_den === 0 ? 0 : int(b.r5d_den, 12 * b.r5d_den);
  b.r7_days = int(0, 40);
  b.r7_province = b.r7_days + int(0, 400);
  // complaints
  b.complaints = total();
  b.s1_den = part(b.complaints);
  b.s1_num = part(b.s1_den);
  b.s2_num = part(b.complaints);
  // catalog
  b.procs = total();
  b.online = part(b.procs);
  b.o2_num = part(b.online);
  b.fee = part(b.procs);
  b.mb_num = part(b.fee);
  b.mc_num = part(b.fee);
  b.d6b = part(b.procs);
  b.t1_den = total();
  b.t1_num = part(b.t1_den);
  b.t2_den = total();
  b.t2_num = part(b.t2_den);
  b.t3_den = total();
  b.t3_num = part(b.t3_den);
  return b;
}

/** The same unit later: a few raw counts moved by small amounts (a corrected, republished version). */
export function movedBase(b: Base, seed: number): Base {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const next = { ...b };
  const bump = (k: keyof Base, by: number) => {
    next[k] = Math.max(0, next[k] + by);
  };
  // Leaves of the nesting only, so every identity still holds: records added or removed.
  const leaves: (keyof Base)[] = ["early", "on_time", "late", "overdue", "in_progress", "received", "complaints", "procs", "r5_num", "p2_den"];
  for (let i = int(1, 4); i > 0; i--) bump(leaves[int(0, leaves.length - 1)] as keyof Base, int(-3, 6));
  // Subsets stay inside their supersets.
  const clamp = (k: keyof Base, max: number) => {
    next[k] = Math.min(next[k], max);
  };
  const good = next.early + next.on_time;
  const lateAll = next.late + next.overdue;
  clamp("cx_good", good);
  clamp("cx_late", lateAll);
  clamp("cx_late_apology", next.cx_late);
  next.late_apology = Math.min(next.late_apology, next.cx_late_apology + (lateAll - next.cx_late));
  next.late_apology = Math.max(next.late_apology, next.cx_late_apology);
  clamp("cx_in_progress", next.in_progress);
  clamp("cx_received", next.received);
  clamp("cx_r3", next.cx_received);
  clamp("cx_r4", next.cx_received);
  next.r3 = Math.min(Math.max(next.r3, next.cx_r3), next.cx_r3 + (next.received - next.cx_received));
  next.r4 = Math.min(Math.max(next.r4, next.cx_r4), next.cx_r4 + (next.received - next.cx_received));
  for (const k of ["t4", "o3", "d2", "d4", "d5", "d6a", "s3a", "ma_den", "r6_den"] as const) clamp(k, next.received);
  clamp("cx_r3i", next.cx_r3);
  next.r3i = Math.min(Math.max(next.r3i, next.cx_r3i), next.cx_r3i + (next.r3 - next.cx_r3));
  clamp("o3f", next.o3);
  next.o3p = next.o3 - next.o3f;
  clamp("ma_num", next.ma_den);
  next.r6_num = Math.max(next.r6_num, next.r6_den);
  next.r6_num = Math.min(next.r6_num, 3 * next.r6_den);
  clamp("d1_den", next.p2_den);
  clamp("d1_num", next.d1_den);
  clamp("o4_num", next.d1_den);
  next.r5_den = next.r5_num + next.r5d_den;
  clamp("s1_den", next.complaints);
  clamp("s1_num", next.s1_den);
  clamp("s2_num", next.complaints);
  clamp("online", next.procs);
  clamp("o2_num", next.online);
  clamp("fee", next.procs);
  clamp("mb_num", next.fee);
  clamp("mc_num", next.fee);
  clamp("d6b", next.procs);
  if (next.p2_den === 0) next.p2_num = 0;
  return next;
}
