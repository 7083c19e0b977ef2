/**
 * Where a scoring run's case facts come from: the staged relations of
 * shared/src/sql/case-stages.sql.ts (one pass over the events for all the periods of the run), or
 * the single-statement CTE when the caller asks for it (`staged: false`, comparisons) or has no
 * period. Both give the facts of the reference scorer (sql-differential.test.ts runs both routes).
 */
import type { NewId } from "../../ports/runtime.js";
import type { QueryEngine, RelationKind } from "../../ports/engine.js";
import { type Period, longestPeriodEndingWith } from "@scorecard/shared";
import { CASE_FACTS_CTE } from "@scorecard/shared/sql/case-facts.sql";
import { type StageTables, STAGE_EVENTS_SQL, stageBucketsSql, stageStatements, stageTables, stagedFactsCte } from "@scorecard/shared/sql/case-stages.sql";
import type { CaseBuckets } from "@scorecard/shared/sql/case-indicators.sql";

export interface FactsSource {
  /**
   * The facts CTE list for a period ending at one of the ends the source was opened for
   * (parameters: the period's): the verdicts depend on the end only.
   */
  cte(period: Period): string;
  /** The run's bucketed owner counts for the period (staged runs; null: every case counted per row). */
  buckets(period: Period): CaseBuckets | null;
  /**
   * The run's finished cases for the drill-down (staged runs): the facts CTE and parameters whose
   * `bucketed` rows are every finished case whose last event lies in the run's span — each has the
   * same row in the list of every period end after its last event, so a run writes them once
   * (`caseListSql(…, "finished")`) and each end's list only the others (`"open"`). null: every
   * list holds all its rows.
   */
  readonly finishedList: { readonly cte: string; readonly params: Readonly<Record<string, string>> } | null;
  /**
   * The kept facts' generation when the source reads them (./kept-facts.ts): the run writes no
   * drill-down list, the read API reads them on request (./kept-lists.ts). Absent: staged or inline.
   */
  readonly kept?: string;
  /** Bytes the stages read, when the engine reports it (0 for the single statement: nothing staged). */
  readonly bytesScanned: number | null;
  /** Seconds spent building the stages. */
  readonly seconds: number;
  close(): Promise<void>;
}

/** The sum of two byte counts, unknown (null) when either is. */
export const plus = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

export const sqlTimestamp = (iso: string) => iso.replace("T", " ").replace(/\.\d+Z$/, "").replace("Z", "");

/** The single statement: every period reads its events again. */
export const INLINE_FACTS: FactsSource = {
  cte: () => CASE_FACTS_CTE,
  buckets: () => null,
  finishedList: null,
  bytesScanned: 0,
  seconds: 0,
  close: async () => {},
};

/**
 * Build the stages for `periods` (the single statement with `staged: false`). The caller closes
 * the source when the run is done (the relations are dropped).
 */
export async function openFacts(engine: QueryEngine, periods: readonly Period[], options: { staged?: boolean; newId: NewId }): Promise<FactsSource> {
  if (periods.length === 0 || options.staged === false) return INLINE_FACTS;
  const staged = await stageFacts(engine, periods, options);
  return stagedFacts(engine, periods, staged);
}

/** What staging left in the engine: the prefix of its relations and what it cost (serializable: a later invocation attaches to it). */
export interface StagedFacts {
  readonly prefix: string;
  readonly bytesScanned: number | null;
  readonly seconds: number;
}

/**
 * A relation prefix unique per run, also across processes sharing a catalog (Lambdas on one Glue
 * database): `start` and the first `length` letters and digits of a new id.
 */
export const uniquePrefix = (newId: NewId, start = "sc_", length = 16) => `${start}${newId().toLowerCase().replace(/[^0-9a-z]/g, "").slice(0, length)}`;

/** The run's facts as stageFacts leaves them: the ends it cut at and its period bounds as epoch seconds. */
export function stagePlan(periods: readonly Period[]) {
  const last = periods.reduce((a, p) => (p.end > a.end ? p : a));
  const monthTo = periods.reduce((m, p) => (p.endDate.slice(0, 7) > m ? p.endDate.slice(0, 7) : m), "");
  const cutEnds = [...new Set(periods.map((p) => p.end))].filter((e) => e !== last.end).sort();
  const boundaries = [...new Set(periods.flatMap((p) => [p.start, p.end]))].sort().map((iso) => Date.parse(iso) / 1000);
  return { last, monthTo, cutEnds, boundaries };
}

/**
 * Stage the case facts of `periods` (one pass over the events) and keep the stage-A tables the
 * periods read; the inputs are dropped. `stagedFacts` with the same periods attaches to them.
 */
export async function stageFacts(engine: QueryEngine, periods: readonly Period[], options: { newId: NewId }): Promise<StagedFacts> {
  if (periods.length === 0) throw new Error("no period to stage the facts of");
  const started = performance.now();
  const prefix = uniquePrefix(options.newId);
  const t = stageTables(prefix);
  const made: { name: string; kind: RelationKind }[] = [];
  let scanned: number | null = 0;
  const make = async (name: string, sql: string, params: Record<string, string> = {}, kind: RelationKind = "table") => {
    made.push({ name, kind });
    scanned = plus(scanned, (await engine.materialize(name, sql, params, kind)).bytesScanned);
  };
  try {
    const { last, monthTo, cutEnds, boundaries } = stagePlan(periods);
    await make(t.ev, STAGE_EVENTS_SQL, { month_to: monthTo, period_end: sqlTimestamp(last.end) }, "view");
    for (const s of stageStatements(t, cutEnds.map((end, no) => ({ no, end: sqlTimestamp(end) })))) await make(s.name, s.sql);
    // The run's period bounds as epoch seconds: the segments of the bucketed owner counts.
    await make(t.buckets, stageBucketsSql(t, boundaries), { period_start: sqlTimestamp(periods.reduce((a, p) => (p.start < a.start ? p : a)).start), period_end: sqlTimestamp(last.end) });
    // The periods read the stage-A tables only: free the events copies (memory) now.
    const inputs = made.filter((r) => r.name === t.typed || r.name === t.cutEv || r.name === t.ev);
    await engine.drop(inputs.filter((r) => r.kind === "table"));
    await engine.drop(inputs.filter((r) => r.kind === "view"));
    return { prefix, bytesScanned: scanned, seconds: (performance.now() - started) / 1000 };
  } catch (e) {
    // Views last: the tables were built from them.
    await engine.drop(made.reverse()).catch(() => undefined);
    throw e;
  }
}

/**
 * The facts source over relations `stageFacts` made for exactly these `periods` (in this
 * invocation or an earlier one). Closing it drops them: only the run's last user closes it.
 */
export function stagedFacts(engine: QueryEngine, periods: readonly Period[], staged: StagedFacts): FactsSource {
  const t = stageTables(staged.prefix);
  const { last, cutEnds } = stagePlan(periods);
  // What stageFacts keeps, in the order it made them.
  const kept = [t.facts0, t.facts0Open, t.consult, t.facts0Pending, t.transfer, ...(cutEnds.length > 0 ? [t.cutFacts0, t.cutConsult, t.cutTransfer] : []), t.buckets];
  return factsSourceOver(engine, periods, t, (end) => (end === last.end ? null : cutEnds.indexOf(end)), kept, staged);
}

/**
 * The facts source over stage-A relations `t` (staged for this run, or kept between runs:
 * ./kept-facts.ts) and the run's buckets `t.buckets`: `cutOf(end)` is the cut of a period end in
 * `t` (null: the full pass is as of that end). Closing it drops `owned` (once).
 */
export function factsSourceOver(
  engine: QueryEngine,
  periods: readonly Period[],
  t: StageTables,
  cutOf: (end: string) => number | null,
  owned: readonly string[],
  meta: { readonly bytesScanned: number | null; readonly seconds: number; readonly kept?: string },
): FactsSource {
  const { last, monthTo, boundaries } = stagePlan(periods);
  let open = true;
  const close = async () => {
    if (!open) return;
    open = false;
    await engine.drop([...owned].reverse().map((name) => ({ name, kind: "table" as const })));
  };
  const ctes = new Map(periods.map((p) => [p.end, stagedFactsCte(t, cutOf(p.end))]));
  const cte = (period: Period) => {
    const c = ctes.get(period.end);
    if (c === undefined) throw new Error(`the facts were not staged for the end of period ${period.id}`);
    return c;
  };
  // Each period's statements apply the verdicts to the stage-A tables themselves (inlined):
  // per-period verdict tables were measured (19 periods: 60.9 s with, 57.8 s without, +420 MB).
  const segment = (iso: string) => boundaries.indexOf(Date.parse(iso) / 1000);
  const buckets = (period: Period): CaseBuckets => {
    const from = segment(period.start) + 1;
    const to = segment(period.end);
    if (from < 1 || to < 1) throw new Error(`the buckets were not made for the bounds of period ${period.id}`);
    return { table: t.buckets, from, to };
  };
  // The lists are written for the longest period of each end (score-period.ts), which may start
  // before the run's first period: the finished rows start with the earliest of them.
  const from = periods.map(longestPeriodEndingWith).reduce((a, p) => (p.start < a ? p.start : a), last.end);
  const finishedList = { cte: cte(last), params: { period_start: sqlTimestamp(from), period_end: sqlTimestamp(last.end), month_to: monthTo } };
  return { cte, buckets, finishedList, bytesScanned: meta.bytesScanned, seconds: meta.seconds, close, ...(meta.kept === undefined ? {} : { kept: meta.kept }) };
}
