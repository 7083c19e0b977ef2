import {
  CONSULT_BASE_COLUMNS,
  EVENTS_SELECT,
  EV_COLUMNS,
  FACTS0_COLUMNS,
  TYPED_COLUMNS,
  TYPED_EVENT_TYPES,
  TRANSFER_BASE_COLUMNS,
  caseBaseFragments,
  caseFactsOver,
  cteList,
  LOCAL_DAY,
} from "./case-facts.sql.js";
import { CASE_STATIC_COLUMNS, CASE_STATIC_JOINS, IMPROPER_CTE, OWNER_COLUMNS, ownerPartials } from "./case-indicators.sql.js";

/**
 * Staged scoring: the case facts of many periods from one pass over the events.
 *
 * The single-statement form (`CASE_FACTS_CTE`) reads every event before a period's end and computes
 * stage A (per-case `facts0`, `consult_base`, `transfer_base`) again for every period — a year's
 * 19 periods read the year 11 times. But stage A of a case depends only on the case's events
 * before the cut, so for a case whose events all lie before a period end E (`last_t` < E) the rows
 * computed once over *all* events are exactly its rows as of E. Only the cases received before E
 * with an event at or after E ("open across E") need stage A again, from their events before E.
 * All the cuts are computed in one pass: the events of a case open across cut k are copied under
 * the key `lpad(k, 3) || case_id`, so stage A runs unchanged and treats each (cut, case) as a case.
 * Stage B (the verdicts, `caseFactsOver`) then runs per period on the union.
 *
 * A period [S, E) also skips the cases that cannot count in it: every event before S, finished or
 * withdrawn before S, no consultation left unanswered (such a case is outside every count: not
 * received, resolved or in scope in the period, and none of its consultations is in scope). The
 * full pass is kept in three relations for that (facts0 ordered by `last_t`, the open cases, the
 * finished ones with an unanswered consultation): a month's statements read a twelfth of the
 * year's cases instead of scanning them all (case indicators of a month 0.35 → 0.21 s).
 *
 * The engine materialises the statements (`QueryEngine.materialize`): a view over the events, then
 * tables — DuckDB locally, views and CTAS on Athena. functions/test/sql-differential.test.ts checks
 * the staged route against the reference scorer on generated provinces; docs/adr/0009.
 */

/** The relations of one staged run (names written into SQL text: see `stageTables`). */
export interface StageTables {
  /** View: the events before the last period end (EVENTS_SELECT). */
  readonly ev: string;
  /** Table: those of the events whose type a fragment other than `agg` reads (TYPED_EVENT_TYPES). */
  readonly typed: string;
  /** Stage A of every case over all the events, ordered by `last_t` (see `stagedFactsCte`). */
  readonly facts0: string;
  /** The rows of facts0 of cases neither finished nor withdrawn (few). */
  readonly facts0Open: string;
  /** The rows of facts0 of finished or withdrawn cases with a consultation left unanswered (few). */
  readonly facts0Pending: string;
  /** consult_base plus the case's `case_last_t` and `case_finished`. */
  readonly consult: string;
  /** transfer_base plus the case's `case_last_t` and `case_finished`. */
  readonly transfer: string;
  /** The events of the cases open across each cut, keyed `lpad(cut_no, 3) || case_id`. */
  readonly cutEv: string;
  /** Stage A per cut: the columns of facts0 / consult_base / transfer_base plus `cut_no`. */
  readonly cutFacts0: string;
  readonly cutConsult: string;
  readonly cutTransfer: string;
  /** The owner counts of the finished cases, per bucket (`stageBucketsSql`). */
  readonly buckets: string;
}

const IDENT = /^[a-z][a-z0-9_]{0,40}$/;

/** Relation names under a prefix (lower-case letters, digits, underscores). */
export function stageTables(prefix: string): StageTables {
  if (!IDENT.test(prefix)) throw new Error(`stage table prefix "${prefix}" must match ${IDENT}`);
  const n = (s: string) => `${prefix}_${s}`;
  return {
    ev: n("ev"),
    typed: n("typed"),
    facts0: n("facts0"),
    facts0Open: n("facts0_open"),
    facts0Pending: n("facts0_pending"),
    consult: n("consult"),
    transfer: n("transfer"),
    cutEv: n("cut_ev"),
    cutFacts0: n("cut_facts0"),
    cutConsult: n("cut_consult"),
    cutTransfer: n("cut_transfer"),
    buckets: n("buckets"),
  };
}

/** The most cuts one run may make (the key has three digits). */
export const MAX_CUTS = 1000;

const END_T = "to_unixtime(TIMESTAMP {{period_end}})";
const START_T = "to_unixtime(TIMESTAMP {{period_start}})";
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** Step 1 (a view): the events before the last period end. Parameters: {{month_to}}, {{period_end}}. */
export const STAGE_EVENTS_SQL = EVENTS_SELECT;

const base = (ev: string, replace: Readonly<Record<string, string>> = {}, typed = ev) => `WITH ${cteList(caseBaseFragments(ev, typed), replace, { inline: true })}`;

/** Step 2a: the events of the types the fragments other than `agg` read, with the columns they read (no parameters). */
export const stageTypedSql = (t: StageTables) => `SELECT ${TYPED_COLUMNS.join(", ")} FROM ${t.ev} WHERE type IN (${TYPED_EVENT_TYPES.map((x) => `'${x}'`).join(", ")})`;

/**
 * Step 2: stage A of every case over all the events (no parameters), ordered by `last_t`: a
 * period reads the finished cases whose last event lies in it, a range the engine finds from each
 * block's min/max instead of scanning the year (DuckDB zone maps; Parquet row-group statistics).
 */
export const stageFacts0Sql = (t: StageTables) => `${base(t.ev, {}, t.typed)}\nSELECT ${FACTS0_COLUMNS.join(", ")} FROM facts0 ORDER BY last_t`;

const FINISHED = "coalesce(end_t, withdrawn_t) IS NOT NULL";

/** Step 2b: the cases still open after all the events (no parameters). */
export const stageFacts0OpenSql = (t: StageTables) => `SELECT ${FACTS0_COLUMNS.join(", ")} FROM ${t.facts0} WHERE NOT (${FINISHED})`;

/** Step 2c (after the consultations): finished cases with a consultation left unanswered (no parameters). */
export const stageFacts0PendingSql = (t: StageTables) =>
  `SELECT ${FACTS0_COLUMNS.join(", ")} FROM ${t.facts0} WHERE ${FINISHED} AND case_id IN (SELECT case_id FROM ${t.consult} WHERE answered_t IS NULL)`;

// consult_base keeps the requests of received cases: `received` is replaced by the cases of facts0
// (exactly the cases with a RECEIVED event), which saves ranking the receipts again.
const CASE_COLUMNS = `f.last_t AS case_last_t, ${FINISHED.replace(/(end_t|withdrawn_t)/g, "f.$1")} AS case_finished`;

export const stageConsultSql = (t: StageTables) =>
  `${base(t.ev, { received: `SELECT case_id FROM ${t.facts0}` }, t.typed)}\nSELECT ${CONSULT_BASE_COLUMNS.map((c) => `c.${c}`).join(", ")}, ${CASE_COLUMNS}\nFROM consult_base c JOIN ${t.facts0} f ON f.case_id = c.case_id`;

export const stageTransferSql = (t: StageTables) =>
  `${base(t.ev, { facts0: `SELECT case_id, end_t FROM ${t.facts0}` }, t.typed)}\nSELECT ${TRANSFER_BASE_COLUMNS.map((c) => `x.${c}`).join(", ")}, ${CASE_COLUMNS}\nFROM transfer_base x JOIN ${t.facts0} f ON f.case_id = x.case_id`;

const CUT_KEY = "lpad(CAST(k.cut_no AS VARCHAR), 3, '0') || e.case_id";
const CASE_OF_KEY = "substr(case_id, 4)";
const CUT_OF_KEY = "CAST(substr(case_id, 1, 3) AS INTEGER)";

/**
 * Step 3: the events before cut k of every case open across cut k, for all cuts at once. `ends`
 * are the cuts' instants as UTC 'YYYY-MM-DD HH:MM:SS' (cut k = ends[k]); no parameters.
 */
export function cutEventsSql(t: StageTables, ends: readonly string[]): string {
  return cutEventsAtSql(t, ends.map((end, no) => ({ no, end })));
}

/**
 * Step 3 with the cuts numbered by the caller (kept facts number a cut by its month: ./kept-facts.sql.ts):
 * `cuts` are distinct numbers below MAX_CUTS, each with its instant as UTC 'YYYY-MM-DD HH:MM:SS'.
 */
export function cutEventsAtSql(t: StageTables, cuts: readonly { readonly no: number; readonly end: string }[]): string {
  if (cuts.length === 0 || cuts.length > MAX_CUTS) throw new Error(`between 1 and ${MAX_CUTS} cuts, got ${cuts.length}`);
  if (new Set(cuts.map((c) => c.no)).size !== cuts.length) throw new Error("two cuts have the same number");
  const values = cuts.map(({ no, end: e }) => {
    if (!(Number.isInteger(no) && no >= 0 && no < MAX_CUTS)) throw new Error(`cut number ${no} is not an integer in [0, ${MAX_CUTS})`);
    if (!TIMESTAMP_TEXT.test(e)) throw new Error(`cut instant "${e}" is not 'YYYY-MM-DD HH:MM:SS'`);
    return `(${no}, to_unixtime(TIMESTAMP '${e}'))`;
  });
  return `SELECT ${CUT_KEY} AS case_id, ${EV_COLUMNS.filter((c) => c !== "case_id").map((c) => `e.${c}`).join(", ")}
FROM ${t.ev} e
JOIN ${t.facts0} f ON f.case_id = e.case_id
JOIN (VALUES ${values.join(", ")}) AS k (cut_no, end_t) ON f.received_t < k.end_t AND f.last_t >= k.end_t
WHERE e.t < k.end_t`;
}

/**
 * Step 4: stage A per cut, keys split back into `case_id` and `cut_no` (no parameters), ordered by
 * `cut_no`: a period reads its cut's rows, a range the engine finds from each block's min/max
 * (DuckDB's zone maps; Parquet row-group statistics) instead of scanning every cut's rows at each
 * reference of the inlined facts. Unordered, the 19 periods' case statements took 14.2 s; ordered,
 * 8.5 s (interleaved, 4 rounds), for 0.5 s of sorting.
 */
export const cutFacts0Sql = (t: StageTables) =>
  `${base(t.cutEv)}\nSELECT ${FACTS0_COLUMNS.map((c) => (c === "case_id" ? `${CASE_OF_KEY} AS case_id` : c)).join(", ")}, ${CUT_OF_KEY} AS cut_no FROM facts0 ORDER BY cut_no`;

export const cutConsultSql = (t: StageTables) =>
  `${base(t.cutEv, { received: `SELECT lpad(CAST(cut_no AS VARCHAR), 3, '0') || case_id AS case_id FROM ${t.cutFacts0}` })}\nSELECT ${CONSULT_BASE_COLUMNS.map((c) => (c === "case_id" ? `${CASE_OF_KEY} AS case_id` : c)).join(", ")}, ${CUT_OF_KEY} AS cut_no FROM consult_base ORDER BY cut_no`;

export const cutTransferSql = (t: StageTables) =>
  `${base(t.cutEv, { facts0: `SELECT lpad(CAST(cut_no AS VARCHAR), 3, '0') || case_id AS case_id, end_t FROM ${t.cutFacts0}` })}
SELECT ${TRANSFER_BASE_COLUMNS.map((c) => (c === "case_id" ? `${CASE_OF_KEY} AS case_id` : c)).join(", ")}, ${CUT_OF_KEY} AS cut_no FROM transfer_base ORDER BY cut_no`;

/**
 * The statements that build stage A in the relations of `t` from its events view `t.ev`, cut at
 * `cuts` (no parameters), in order: a staged run's (cuts numbered by position) and the kept facts'
 * (numbered by month: ./kept-facts.sql.ts). The cut relations are skipped with no cut.
 */
export function stageStatements(t: StageTables, cuts: readonly { readonly no: number; readonly end: string }[]): { readonly name: string; readonly sql: string }[] {
  return [
    { name: t.typed, sql: stageTypedSql(t) },
    { name: t.facts0, sql: stageFacts0Sql(t) },
    { name: t.facts0Open, sql: stageFacts0OpenSql(t) },
    { name: t.consult, sql: stageConsultSql(t) },
    { name: t.facts0Pending, sql: stageFacts0PendingSql(t) },
    { name: t.transfer, sql: stageTransferSql(t) },
    ...(cuts.length === 0
      ? []
      : [
          { name: t.cutEv, sql: cutEventsAtSql(t, cuts) },
          { name: t.cutFacts0, sql: cutFacts0Sql(t) },
          { name: t.cutConsult, sql: cutConsultSql(t) },
          { name: t.cutTransfer, sql: cutTransferSql(t) },
        ]),
  ];
}

/**
 * The facts CTE list of one period [S, E) ({{period_start}}, {{period_end}}): the full pass for the
 * cases whose events all lie before E, cut `cut` (the index of E in `cutEventsSql`'s ends) for the
 * cases open across E; `cut` is null when no case can be (E is the run's last end).
 */
export function stagedFactsCte(t: StageTables, cut: number | null): string {
  if (cut !== null && !(Number.isInteger(cut) && cut >= 0 && cut < MAX_CUTS)) throw new Error(`cut ${cut} is not an index below ${MAX_CUTS}`);
  const union = (full: string, cutTable: string, columns: readonly string[], fullFilter: string) =>
    [`SELECT ${columns.join(", ")} FROM ${full} WHERE ${fullFilter}`, ...(cut === null ? [] : [`SELECT ${columns.join(", ")} FROM ${cutTable} WHERE cut_no = ${cut}`])].join("\n  UNION ALL\n  ");
  // The full pass, split so that a short period reads little: finished cases whose last event is
  // in the period (a range of the table ordered by last_t), finished ones before it with a
  // consultation left unanswered, and the open ones. Then the cut's rows, with the same filter.
  // `bucketed`: the rows that the run's buckets count as owner (`stageBucketsSql`: every finished
  // case of the full pass; a period reads those whose last event is in it, the first branch here).
  const columns = FACTS0_COLUMNS.join(", ");
  const full = [
    `SELECT ${columns}, TRUE AS bucketed FROM ${t.facts0} WHERE last_t >= ${START_T} AND last_t < ${END_T} AND ${FINISHED}`,
    `SELECT ${columns}, FALSE AS bucketed FROM ${t.facts0Pending} WHERE last_t < ${START_T}`,
    `SELECT ${columns}, FALSE AS bucketed FROM ${t.facts0Open} WHERE last_t < ${END_T}`,
  ];
  const cutRows =
    cut === null
      ? []
      : [
          `SELECT ${columns}, FALSE AS bucketed FROM ${t.cutFacts0} WHERE cut_no = ${cut}
    AND (last_t >= ${START_T} OR NOT (${FINISHED}) OR case_id IN (SELECT case_id FROM ${t.cutConsult} WHERE cut_no = ${cut} AND answered_t IS NULL))`,
        ];
  const facts0 = [...full, ...cutRows].join("\n  UNION ALL\n  ");
  // The consultations and transfers of those cases, and no semi-join with facts0 (which inlined is
  // the union above again, per reference): the rows kept besides are those of cases finished
  // before the period with every consultation answered, which count nowhere — every consultation
  // count is of consultations in the period's scope (requested, answered or pending in it), and
  // the delay charges join the period's late cases.
  const consult = union(t.consult, t.cutConsult, CONSULT_BASE_COLUMNS, `case_last_t < ${END_T} AND (case_last_t >= ${START_T} OR answered_t IS NULL OR NOT case_finished)`);
  const transfer = union(t.transfer, t.cutTransfer, TRANSFER_BASE_COLUMNS, `case_last_t < ${END_T} AND (case_last_t >= ${START_T} OR NOT case_finished)`);
  return caseFactsOver({ facts0, consult_base: consult, transfer_base: transfer }, { inline: true });
}


/** The most boundaries a bucketed run may have (the segment expression has one branch each). */
export const MAX_BOUNDARIES = 400;

/**
 * The segment of instant `x` among a run's `boundaries` (epoch seconds, ascending): how many
 * boundaries are at or before it (0 before the first), NULL for NULL. For a period [B[i], B[j]):
 * x >= B[i] iff seg(x) >= i + 1, and x < B[j] iff seg(x) <= j.
 */
export function segmentSql(x: string, boundaries: readonly number[]): string {
  const n = boundaries.length;
  if (n === 0 || n > MAX_BOUNDARIES) throw new Error(`between 1 and ${MAX_BOUNDARIES} boundaries, got ${n}`);
  boundaries.forEach((b, k) => {
    if (!Number.isInteger(b) || (k > 0 && b <= (boundaries[k - 1] as number))) throw new Error(`boundaries must be ascending whole epoch seconds (at ${k}: ${b})`);
  });
  return `CASE ${boundaries.map((b, k) => `WHEN ${x} < ${b} THEN ${k}`).join(" ")} WHEN ${x} >= ${boundaries[n - 1]} THEN ${n} END`;
}

/**
 * Step 5: bucketed owner counts (no parameters but those of the verdicts' `bounds`, which the
 * finished cases do not read). A finished case (ended or withdrawn) has the same facts, status,
 * overrun and handling days in every period whose end is after its last event; only whether it
 * was received, in scope or resolved in the period, and whether a complaint about it came before
 * the period end, change — comparisons of its instants with the period bounds. The run's period
 * starts and ends (`boundaries`, epoch seconds) cut time into segments; the finished cases of the
 * full pass are summed once per (unit, local day of receipt, segment of the end (-1: withdrawn,
 * never in scope), of the resolution, of the last event, of the first complaint (0: rated
 * unsatisfied)), with the owner counts of ./case-indicators.sql.ts taken without their period
 * condition (`ownerPartials`). A period then sums the buckets of its finished cases, applying the
 * conditions per bucket (`caseIndicatorsSql` with buckets), instead of every such case's row:
 * the province-year's 1.45 M finished cases make ≈ 300 000 buckets, each read by the few periods
 * its last event is in. Ordered by the last event's segment (zone maps; Parquet statistics).
 */
export function stageBucketsSql(t: StageTables, boundaries: readonly number[]): string {
  const seg = (x: string) => segmentSql(x, boundaries);
  const finished = `SELECT ${FACTS0_COLUMNS.join(", ")} FROM ${t.facts0} WHERE ${FINISHED}`;
  const none = (cols: readonly string[], from: string) => `SELECT ${cols.join(", ")} FROM ${from} WHERE 1 = 0`;
  return `WITH ${caseFactsOver({ facts0: finished, consult_base: none(CONSULT_BASE_COLUMNS, t.consult), transfer_base: none(TRANSFER_BASE_COLUMNS, t.transfer) }, { inline: true })},
first_complaint AS (
  SELECT case_id, min(to_unixtime(received_at)) AS complained_t
  FROM curated_complaints
  WHERE case_id IS NOT NULL
  GROUP BY case_id
),
${IMPROPER_CTE},
cases AS (
  SELECT f.*,
         ${LOCAL_DAY("f.received_t")} AS day,
         ${CASE_STATIC_COLUMNS},
         CASE WHEN f.withdrawn > 0 THEN -1 ELSE ${seg("f.end_t")} END AS end_seg,
         ${seg("f.resolved_t")} AS res_seg,
         ${seg("f.last_t")} AS last_seg,
         CASE WHEN f.rating_satisfied = FALSE THEN 0 ELSE ${seg("k.complained_t")} END AS bad_seg
  FROM facts f
  ${CASE_STATIC_JOINS}
  LEFT JOIN first_complaint k ON k.case_id = f.case_id
)
SELECT unit_id, day, end_seg, res_seg, last_seg, bad_seg,
       ${ownerPartials(OWNER_COLUMNS)}
FROM cases
GROUP BY unit_id, day, end_seg, res_seg, last_seg, bad_seg
ORDER BY last_seg`;
}
