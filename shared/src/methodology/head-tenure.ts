/**
 * A head's results over their tenure (methodology §6): the period's dossiers (as §2 scopes them for
 * the unit) that the unit received while the head was in office, scored with the same rules as the
 * unit's service index.
 *
 * Decisions (docs/adr/0010-head-ratings-and-reform-index.md):
 * - The case-based indicators (TENURE_INDICATORS) are recomputed on the head's dossiers, from the
 *   per-day rows of shared/src/sql/case-indicators.sql.ts (head-indicators.sql.ts): the rows of the days from the start of
 *   the tenure (even before the period: carried-over dossiers) to its end inside the period.
 *   Statuses are those as of the period end. A head in office over the whole period and before it
 *   gets exactly the unit's case-based numbers.
 * - The indicators that are not about the unit's cases — the procedure catalog (T1–T3, O1, O2,
 *   MB, MC, D6B), complaints (S1, S2) and manual D3 — have no receipt date to cut on: they enter
 *   with the unit's values for the whole period (what the head is responsible for at its end).
 * - R5 (answering consultations on time) counts the consultations requested of the unit during
 *   the tenure.
 * - A tenure with no dossier that has a verdict (nothing received, or all still in progress) gives
 *   no service index (null): the head is "pending", never rated on an empty P1 scored as 0.
 */
import type { IndicatorValue } from "../contracts/api.js";
import type { HeadDayColumn } from "../sql/head-indicators.sql.js";
import type { Methodology } from "./methodology.js";
import { type IndicatorCounts, type IndicatorInputs, scoreUnit } from "./score.js";

export type TenureCounts = Readonly<Record<HeadDayColumn, number>>;

/** A day row of the case statement (head attribution): a unit's counts for one local day of receipt. */
export interface HeadDayRow {
  readonly unitId: string;
  /** Days since 1970-01-01 of the local (UTC+7) date. */
  readonly day: number;
  readonly counts: Partial<TenureCounts>;
}

const DAY_MS = 86_400_000;

/**
 * The day number of a local date, as the SQL computes it.
 * @example localDayNumber("2024-06-03") === 19877
 */
export const localDayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

const ZERO: TenureCounts = {
  received: 0, t4_num: 0, o3_num: 0, ma_num: 0, ma_den: 0, d2_num: 0, d4_num: 0, d5_num: 0, d6a_num: 0, r3_num: 0, r3i_num: 0, r4_num: 0, s3a_num: 0,
  early: 0, on_time: 0, late: 0, overdue: 0, in_progress: 0, late_apology: 0, d1_num: 0, d1_den: 0, r5_num: 0, r5_den: 0,
};

/**
 * A unit's counts summed over the local dates of receipt [startDate, endDate] (inclusive): for a
 * head, from the start of the tenure to its end inside the period.
 * @example sumTenure(rows, "DEPT-STP-2020", "2021-05-10", "2024-03-15").received
 */
export function sumTenure(rows: readonly HeadDayRow[], unitId: string, startDate: string, endDate: string): TenureCounts {
  const from = localDayNumber(startDate);
  const to = localDayNumber(endDate);
  const out: Record<string, number> = { ...ZERO };
  for (const r of rows) {
    if (r.unitId !== unitId || r.day < from || r.day > to) continue;
    for (const k of Object.keys(ZERO)) out[k] = (out[k] as number) + Number(r.counts[k as HeadDayColumn] ?? 0);
  }
  return out as TenureCounts;
}

/** Indicators recomputed on the tenure's cases; every other one is the unit's value for the period. */
export const TENURE_INDICATORS = ["T4", "P1", "O3", "MA", "D1", "D2", "D4", "D5", "D6A", "S3", "S3A", "R1", "R2", "R3", "R4", "R5"] as const;

const frac = (numerator: number, denominator: number): IndicatorCounts => ({ numerator, denominator });

/**
 * The scoring inputs of a tenure: TENURE_INDICATORS from the tenure's counts (the same formulas as
 * the unit's, functions/src/use-cases/indicator-rows.ts), the rest from `unitValues`.
 */
export function tenureIndicatorInputs(m: Methodology, c: TenureCounts, unitValues: IndicatorInputs): IndicatorInputs {
  const sw = m.switches.inProgressCountsAsOnTime;
  const late = c.late + c.overdue;
  const verdicts = c.early + c.on_time + late + (sw ? c.in_progress : 0);
  const good = c.early + c.on_time + (sw ? c.in_progress : 0);
  const lateRate = verdicts === 0 ? 0 : late / verdicts;
  const badShare = c.received === 0 ? 0 : c.s3a_num / c.received;
  return {
    ...unitValues,
    T4: frac(c.t4_num, c.received),
    P1: frac(good, verdicts),
    O3: frac(c.o3_num, c.received),
    MA: frac(c.ma_num, c.ma_den),
    D1: frac(c.d1_num, c.d1_den),
    D2: frac(c.d2_num, c.received),
    D4: frac(c.d4_num, c.received),
    D5: frac(c.d5_num, c.received),
    D6A: frac(c.d6a_num, c.received),
    S3: { numerator: c.received - c.s3a_num, denominator: c.received, ratio: Math.max(0, 1 - lateRate - badShare) },
    S3A: frac(c.s3a_num, c.received),
    R1: frac(late, verdicts),
    R2: frac(c.late_apology, late),
    // dn-2026.2: the returns marked improper over the returns; else the returns over the received.
    R3: m.switches.improperReturnsOnly ? frac(c.r3i_num, c.r3_num) : frac(c.r3_num, c.received),
    R4: frac(c.r4_num, c.received),
    R5: frac(c.r5_num, c.r5_den),
  };
}

export interface TenureScore {
  /** Dossiers received in the period during the tenure. */
  readonly cases: number;
  /** Service index (/100) over the tenure; null when no dossier received in it has a verdict. */
  readonly serviceIndex: number | null;
  /** False when a scored indicator of the tenure is "no data" (as for the unit's total). */
  readonly complete: boolean;
  /** The ratios the §6 deductions read; null = nothing to judge (no deduction). */
  readonly ratios: { readonly R2: number | null; readonly R5: number | null };
  /** TENURE_INDICATORS as scored on the tenure. */
  readonly indicators: Readonly<Record<string, IndicatorValue>>;
}

/**
 * Score a head's dossiers: the service index of the unit's tier rules on the tenure's inputs.
 * @example tenureScore(DN_2026_1, "2024-H1", { unitId, tier: "DEPARTMENT" }, sumTenure(rows, unitId, from, to), unitValues).serviceIndex
 */
export function tenureScore(m: Methodology, periodId: string, unit: { readonly unitId: string; readonly tier: string }, counts: TenureCounts, unitValues: IndicatorInputs): TenureScore {
  const s = scoreUnit(m, periodId, { unitId: unit.unitId, tier: unit.tier, values: tenureIndicatorInputs(m, counts, unitValues) });
  const indicators: Record<string, IndicatorValue> = {};
  for (const code of TENURE_INDICATORS) {
    const i = s.indicators[code];
    if (i) indicators[code] = { numerator: i.numerator, denominator: i.denominator, ratio: i.ratio, points: i.points, max: i.max, status: i.status };
  }
  const ratio = (code: string) => (s.indicators[code]?.status === "ok" ? (s.indicators[code]?.ratio ?? null) : null);
  const judged = s.indicators["P1"]?.status === "ok";
  return { cases: counts.received, serviceIndex: judged ? s.total : null, complete: s.complete, ratios: { R2: ratio("R2"), R5: ratio("R5") }, indicators };
}

/** The unit's period values as scoring inputs (numerators and denominators of its scorecard). */
export function inputsOf(indicators: Readonly<Record<string, Pick<IndicatorValue, "numerator" | "denominator">>>): IndicatorInputs {
  return Object.fromEntries(Object.entries(indicators).map(([code, i]) => [code, { numerator: i.numerator, denominator: i.denominator }]));
}
