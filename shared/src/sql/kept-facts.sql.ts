import { CONSULT_BASE_COLUMNS, EVENTS_SELECT, FACTS0_COLUMNS, TRANSFER_BASE_COLUMNS } from "./case-facts.sql.js";
import { MAX_CUTS, type StageTables, stageFacts0OpenSql, stageFacts0PendingSql } from "./case-stages.sql.js";

/**
 * Kept case facts (issue 23, docs/adr/0023): stage A of ./case-stages.sql.ts kept between scoring
 * runs instead of recomputed from every event by each run.
 *
 * A staged run computes stage A over the events before its last period end, plus once per earlier
 * end for the cases open across it ("cuts"). The kept facts are the same relations over *all* the
 * curated events, with a cut at **every month end** of the data's span, numbered by the month
 * (`monthCut`: months since 2000-01): every period ends at a month end, so any period of any run
 * reads the full pass for the cases whose events all lie before its end and its month's cut for the
 * others — `stagedFactsCte(t, cutOfEnd(period.end))`, the staged run's own statement.
 *
 * Stage A of a case depends on that case's events only. When events arrive, the cases they belong
 * to ("touched") get their rows again from all their events (full pass and every cut), and every
 * other case keeps its rows: `mergeKeptSql`. Built in increments in any order, with duplicates
 * (compaction keeps one row per eventId), the kept facts equal the facts built at once
 * (functions/test/kept-facts.test.ts).
 */

/** The relations of the kept facts, in the order they are built (names: `stageTables(prefix)`). */
export const KEPT_RELATIONS = ["facts0", "consult", "transfer", "facts0Open", "facts0Pending", "cutFacts0", "cutConsult", "cutTransfer"] as const satisfies readonly (keyof StageTables)[];
export type KeptRelation = (typeof KEPT_RELATIONS)[number];

/** The columns of each kept relation, in order. */
export const KEPT_COLUMNS: Readonly<Record<KeptRelation, readonly string[]>> = {
  facts0: FACTS0_COLUMNS,
  facts0Open: FACTS0_COLUMNS,
  facts0Pending: FACTS0_COLUMNS,
  consult: [...CONSULT_BASE_COLUMNS, "case_last_t", "case_finished"],
  transfer: [...TRANSFER_BASE_COLUMNS, "case_last_t", "case_finished"],
  cutFacts0: [...FACTS0_COLUMNS, "cut_no"],
  cutConsult: [...CONSULT_BASE_COLUMNS, "cut_no"],
  cutTransfer: [...TRANSFER_BASE_COLUMNS, "cut_no"],
};

/** How each kept relation is ordered (zone maps, Parquet row-group statistics: ./case-stages.sql.ts). */
const ORDER: Readonly<Partial<Record<KeptRelation, string>>> = { facts0: "last_t", cutFacts0: "cut_no", cutConsult: "cut_no", cutTransfer: "cut_no" };

/** The first month a cut can be numbered from. */
const EPOCH_YEAR = 2000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The cut at the end of local month `month` ('YYYY-MM'): its number and its instant (UTC 'YYYY-MM-DD HH:MM:SS', UTC+7 midnight). */
export function monthCut(month: string): { readonly no: number; readonly end: string } {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`month "${month}" is not YYYY-MM`);
  const year = Number(m[1]);
  const index = Number(m[2]) - 1;
  const no = (year - EPOCH_YEAR) * 12 + index;
  if (no < 0 || no >= MAX_CUTS) throw new Error(`month ${month} is outside the months kept facts can number (${EPOCH_YEAR}-01 and the ${MAX_CUTS} after)`);
  // The local month ends at the next month's local midnight, 17:00 UTC the day before.
  const end = new Date(Date.UTC(year, index + 1, 1) - 7 * 3_600_000).toISOString().replace("T", " ").slice(0, 19);
  return { no, end };
}

/** The cut number of a period end (an ISO instant that must be a month end in Viet Nam time). */
export function cutOfEnd(endIso: string): number {
  const local = new Date(Date.parse(endIso) + 7 * 3_600_000);
  if (!Number.isFinite(local.getTime()) || local.getUTCDate() !== 1 || local.getUTCHours() !== 0 || local.getUTCMinutes() !== 0 || local.getUTCSeconds() !== 0 || local.getUTCMilliseconds() !== 0) {
    throw new Error(`period end ${endIso} is not a month end in Viet Nam time: kept facts are cut at month ends only`);
  }
  const last = new Date(local.getTime() - 86_400_000);
  return monthCut(`${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, "0")}`).no;
}

/** The cuts at every month end from `first` to `last` ('YYYY-MM', inclusive). */
export function monthCuts(first: string, last: string): { readonly no: number; readonly end: string }[] {
  const a = monthCut(first).no;
  const b = monthCut(last).no;
  if (b < a) throw new Error(`month ${last} is before ${first}`);
  return Array.from({ length: b - a + 1 }, (_, k) => {
    const n = a + k;
    return monthCut(`${EPOCH_YEAR + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`);
  });
}

/** The parameters of `EVENTS_SELECT` that take every curated event (kept facts are over all of them). */
export const ALL_EVENTS_PARAMS = { month_to: "9999-12", period_end: "2999-01-01 00:00:00" } as const;

/**
 * The ingest batches the curated events came in (compaction's `ingest_batch`: one per raw object;
 * NULL: none recorded), each with its events and the months they fall in — in one scan, the run's
 * event count and the span of the cuts too.
 */
export const INGEST_BATCHES_SQL = "SELECT ingest_batch, count(*) AS events, min(month) AS first_month, max(month) AS last_month FROM curated_events GROUP BY ingest_batch";

const BATCH = /^[A-Za-z0-9][A-Za-z0-9._:+-]{0,200}$/;

/** Whether `touchedCasesSql` can name a batch (else the kept facts are built again from every event). */
export const isBatchName = (name: string) => BATCH.test(name);

/** The cases with an event in one of `batches` (no parameters). */
export function touchedCasesSql(batches: readonly string[]): string {
  if (batches.length === 0) throw new Error("no ingest batch to find the cases of");
  for (const b of batches) if (!BATCH.test(b)) throw new Error(`ingest batch name "${b}" has characters outside [A-Za-z0-9._:+-]`);
  return `SELECT DISTINCT case_id FROM curated_events WHERE ingest_batch IN (${batches.map((b) => `'${b}'`).join(", ")}) AND case_id IS NOT NULL`;
}

/**
 * The events stage A reads (parameters `ALL_EVENTS_PARAMS`): every curated event, or those of the
 * cases listed by relation `touched` (one `case_id` column).
 */
export const keptEventsSql = (touched: string | null) => (touched === null ? EVENTS_SELECT : `${EVENTS_SELECT}\n    AND case_id IN (SELECT case_id FROM ${touched})`);

/**
 * A kept relation of the next generation `g` after the touched cases' rows were computed again in
 * `delta`: the open and pending cases are read off g's facts0 and consult (built before them, in
 * KEPT_RELATIONS' order), every other relation merges the previous generation's with `delta`.
 */
export function keptRelationSql(relation: KeptRelation, g: StageTables, previous: StageTables, delta: StageTables, touched: string): string {
  if (relation === "facts0Open") return stageFacts0OpenSql(g);
  if (relation === "facts0Pending") return stageFacts0PendingSql(g);
  return mergeKeptSql(relation, previous[relation], delta[relation], touched);
}

/**
 * A kept relation of the next generation: the rows of the previous one (`previous`, null: none)
 * of the cases not in `touched`, and the touched cases' rows computed again (`delta`, null: none).
 */
export function mergeKeptSql(relation: KeptRelation, previous: string | null, delta: string | null, touched: string): string {
  const cols = KEPT_COLUMNS[relation].join(", ");
  const parts = [
    ...(previous === null ? [] : [`SELECT ${cols} FROM ${previous} p WHERE NOT EXISTS (SELECT 1 FROM ${touched} x WHERE x.case_id = p.case_id)`]),
    ...(delta === null ? [] : [`SELECT ${cols} FROM ${delta}`]),
  ];
  if (parts.length === 0) throw new Error(`nothing to keep for ${relation}`);
  const order = ORDER[relation];
  return `SELECT ${cols} FROM (\n  ${parts.join("\n  UNION ALL\n  ")}\n) k${order ? ` ORDER BY ${order}` : ""}`;
}
