/**
 * The SQL route to indicator counts: run the indicator statements of shared/src/sql/ for one
 * period and turn their rows into the reference scorer's per-unit `values` shape
 * (`referenceIndicators(...).units`), so that scoring, the differential test and the CLI
 * compare like with like.
 */
import type { QueryEngine, Row } from "../../ports/engine.js";
import type { IndicatorCounts, Methodology, Period, UnitIndicators, UnitRecord } from "@scorecard/shared";
import { CASE_INDICATOR_COLUMNS, type CaseIndicatorColumn, caseIndicatorsSql } from "@scorecard/shared/sql/case-indicators.sql";
import { CATALOG_INDICATORS_SQL } from "@scorecard/shared/sql/catalog-indicators.sql";
import { COMPLAINT_INDICATORS_SQL } from "@scorecard/shared/sql/complaint-indicators.sql";
import { HEAD_DAY_COLUMNS } from "@scorecard/shared/sql/head-indicators.sql";
import type { HeadDayRow } from "@scorecard/shared/methodology/head-tenure";
import { type FactsSource, INLINE_FACTS, sqlTimestamp } from "./staged-facts.js";

export interface IndicatorRows {
  /** The case statement's counts per unit (its rows summed over the days). */
  readonly cases: readonly Row[];
  /** Its rows with a day: the head attribution (shared/src/sql/head-indicators.sql.ts). */
  readonly days: readonly HeadDayRow[];
  readonly catalog: readonly Row[];
  readonly complaints: readonly Row[];
  /** Bytes read by the three statements, when the engine reports it. */
  readonly bytesScanned: number | null;
}


/** The case statement's parameters for a period: its bounds, last partition and dates. */
function caseSqlParams(period: Period) {
  return {
    period_start: sqlTimestamp(period.start),
    period_end: sqlTimestamp(period.end),
    month_to: period.endDate.slice(0, 7),
    start_date: period.startDate,
    end_date: period.endDate,
  };
}

/** Parameters of the indicator statements for a period (a superset; each statement takes what it names). */
export function indicatorSqlParams(period: Period, m: Methodology) {
  return {
    ...caseSqlParams(period),
    accept_days: m.complaints.acceptWithinWorkingDays,
    handle_days: m.complaints.handleWithinWorkingDays,
  };
}

/**
 * Run the three indicator statements for one period (in parallel where the engine allows), the
 * case facts from `facts` (staged tables of a scoring run, or the single statement).
 */
export async function queryIndicatorRows(engine: QueryEngine, period: Period, m: Methodology, facts: FactsSource = INLINE_FACTS): Promise<IndicatorRows> {
  const p = indicatorSqlParams(period, m);
  const [cases, catalog, complaints] = await Promise.all([
    queryCaseRows(engine, period, facts),
    engine.query(CATALOG_INDICATORS_SQL, { start_date: p.start_date, end_date: p.end_date }),
    engine.query(COMPLAINT_INDICATORS_SQL, { period_start: p.period_start, period_end: p.period_end, accept_days: p.accept_days, handle_days: p.handle_days }),
  ]);
  const scanned = [cases, catalog, complaints].map((r) => r.bytesScanned);
  return {
    ...unitsAndDays(cases.rows),
    catalog: catalog.rows,
    complaints: complaints.rows,
    bytesScanned: scanned.every((b) => b === null) ? null : scanned.reduce<number>((s, b) => s + (b ?? 0), 0),
  };
}

/** The case statement of a period (rows per unit and day), on `facts`. */
function queryCaseRows(engine: QueryEngine, period: Period, facts: FactsSource = INLINE_FACTS) {
  return engine.query(caseIndicatorsSql(facts.cte(period), facts.buckets(period)), caseSqlParams(period));
}

/**
 * The case statement's rows as counts per unit (summed over the days) and as head-attribution day
 * rows, in plain loops: the year's 19 statements return ≈ 220 000 rows × 43 columns, and this runs
 * on the event loop beside the engine (1.5 s a run with Object.fromEntries and closures per row).
 */
function unitsAndDays(rows: readonly Row[]): { cases: Row[]; days: HeadDayRow[] } {
  const units = new Map<string, Record<string, number | string>>();
  const days: HeadDayRow[] = [];
  const columns = CASE_INDICATOR_COLUMNS;
  const n = columns.length;
  const h = HEAD_DAY_COLUMNS.length;
  for (const r of rows) {
    const unitId = String(r["unit_id"]);
    let u = units.get(unitId);
    if (!u) {
      u = { unit_id: unitId };
      for (let i = 0; i < n; i++) u[columns[i] as string] = 0;
      units.set(unitId, u);
    }
    for (let i = 0; i < n; i++) {
      const c = columns[i] as string;
      const v = r[c];
      if (v !== null && v !== undefined) u[c] = (u[c] as number) + Number(v);
    }
    const day = r["day"];
    if (day !== null && day !== undefined) {
      const counts: Record<string, number> = {};
      for (let i = 0; i < h; i++) {
        const c = HEAD_DAY_COLUMNS[i] as string;
        const v = r[c];
        counts[c] = v === null || v === undefined ? 0 : Number(v);
      }
      days.push({ unitId, day: Number(day), counts });
    }
  }
  return { cases: [...units.values()], days };
}

/**
 * The head-attribution rows of a period: its case statement's rows per unit and local day of
 * receipt (shared/src/sql/head-indicators.sql.ts), on a scoring run's facts when given, else from
 * the events (single statement). A scoring run takes them from the statement it runs for the
 * unit counts (score-period.ts); this runs it when there is none (the reference route, a period
 * scored earlier).
 */
export async function queryHeadDays(engine: QueryEngine, period: Period, facts?: FactsSource): Promise<HeadDayRow[]> {
  return unitsAndDays((await queryCaseRows(engine, period, facts)).rows).days;
}

type Counts = Record<string, number>;
const byUnit = (rows: readonly Row[]): Map<string, Counts> =>
  new Map(rows.map((r) => [String(r["unit_id"]), Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? v : Number(v ?? 0)]))]));
const frac = (numerator: number, denominator: number): IndicatorCounts => ({ numerator, denominator });

/** Progress counts behind P1 (for display beside the ranking). */
export interface StatusCounts {
  readonly EARLY: number;
  readonly ON_TIME: number;
  readonly LATE: number;
  readonly OVERDUE: number;
  readonly IN_PROGRESS: number;
}

export interface SqlUnitIndicators extends UnitIndicators {
  readonly counts: StatusCounts;
}

/**
 * The reference scorer's `values` for every unit of `units` (the units valid in the period, in
 * catalog order, PROVINCE excluded by the caller), from the statements' rows. A unit without a
 * row has zero counts. R7's denominator is the province total over every row, valid unit or not.
 */
export function indicatorValues(rows: Pick<IndicatorRows, "cases" | "catalog" | "complaints">, units: readonly UnitRecord[], m: Methodology): SqlUnitIndicators[] {
  const cases = byUnit(rows.cases);
  const catalog = byUnit(rows.catalog);
  const complaints = byUnit(rows.complaints);
  const provinceOverrun = rows.cases.reduce((s, r) => s + Number(r["r7_days"] ?? 0), 0);
  const sw = m.switches.inProgressCountsAsOnTime;
  // dn-2026.2: R3 / R9_R3 are the returns marked improper over the returns (docs/adr/0015-improper-returns.md).
  const improper = m.switches.improperReturnsOnly === true;
  return units.map((u) => {
    const c = (k: CaseIndicatorColumn) => cases.get(u.unitId)?.[k] ?? 0;
    const g = (k: string) => catalog.get(u.unitId)?.[k] ?? 0;
    const k = (key: string) => complaints.get(u.unitId)?.[key] ?? 0;
    const received = c("received");
    const late = c("late") + c("overdue");
    const verdicts = c("early") + c("on_time") + late + (sw ? c("in_progress") : 0);
    const good = c("early") + c("on_time") + (sw ? c("in_progress") : 0);
    const cxVerdicts = c("cx_good") + c("cx_late") + (sw ? c("cx_in_progress") : 0);
    const bad = c("s3a_num");
    const lateRate = verdicts === 0 ? 0 : late / verdicts;
    const badShare = received === 0 ? 0 : bad / received;
    const values: Record<string, IndicatorCounts> = {
      T1: frac(g("t1_num"), g("t1_den")),
      T2: frac(g("t2_num"), g("t2_den")),
      T3: frac(g("t3_num"), g("t3_den")),
      T4: frac(c("t4_num"), received),
      P1: frac(good, verdicts),
      P2: frac(c("p2_num"), c("p2_den")),
      O1: frac(g("o1_num"), g("o1_den")),
      O2: frac(c("o2_num"), g("o2_den")),
      O3: frac(c("o3_num"), received),
      O3F: frac(c("o3f_num"), received),
      O3P: frac(c("o3p_num"), received),
      O4: frac(c("o4_num"), c("d1_den")),
      MA: frac(c("ma_num"), c("ma_den")),
      MB: frac(c("mb_num"), g("mb_den")),
      MC: frac(g("mc_num"), g("mc_den")),
      D1: frac(c("d1_num"), c("d1_den")),
      D2: frac(c("d2_num"), received),
      D4: frac(c("d4_num"), received),
      D5: frac(c("d5_num"), received),
      D6A: frac(c("d6a_num"), received),
      D6B: frac(g("d6b_num"), g("d6b_den")),
      S1: sw ? frac(k("on_time") + k("pending"), k("complaints")) : frac(k("on_time"), k("judged")),
      S2: frac(k("s2_num"), k("complaints")),
      S3: { numerator: received - bad, denominator: received, ratio: Math.max(0, 1 - lateRate - badShare) },
      S3A: frac(bad, received),
      R1: frac(late, verdicts),
      R2: frac(c("late_apology"), late),
      R3: improper ? frac(c("r3i_num"), c("r3_num")) : frac(c("r3_num"), received),
      R4: frac(c("r4_num"), received),
      R5: frac(c("r5_num"), c("r5_den")),
      R5D: frac(c("r5d_num"), c("r5d_den")),
      R6: frac(c("r6_num"), c("r6_den")),
      R7: frac(c("r7_days"), provinceOverrun),
      R8: frac(k("complaints"), received),
      R9_R1: frac(c("cx_late"), cxVerdicts),
      R9_R2: frac(c("cx_late_apology"), c("cx_late")),
      R9_R3: improper ? frac(c("cx_r3i_num"), c("cx_r3_num")) : frac(c("cx_r3_num"), c("cx_received")),
      R9_R4: frac(c("cx_r4_num"), c("cx_received")),
    };
    return {
      unitId: u.unitId,
      tier: u.tier,
      name: u.nameVi,
      values,
      counts: { EARLY: c("early"), ON_TIME: c("on_time"), LATE: c("late"), OVERDUE: c("overdue"), IN_PROGRESS: c("in_progress") },
    };
  });
}

/** Every column the case statement returns (for tests and documentation). */
export const CASE_COLUMNS: readonly string[] = CASE_INDICATOR_COLUMNS;
