/**
 * Which scored periods late events (and late or updated complaints, and catalog changes) have
 * changed, so that the scheduled runs score them again.
 *
 * Curated events are insert-only, one row per eventId (compaction's invariant), partitioned by the
 * month of `occurredAt`, and a period's facts read exactly the events before its end — the months
 * up to its last one. So the number of curated events in those months grows exactly when an event
 * that reaches the period's facts has arrived since it was scored (a duplicate adds no row, and
 * changes nothing). Complaints are kept as their latest state, so they are compared by a digest of
 * that state per month of receipt, the procedure catalog by a digest of the versions valid in
 * the period, and Home Affairs' marks of improper returns (rewritten in the lake from the admin
 * store first: ./improper-returns.ts) by a digest per month of the marked dossiers' receipt. Each scoring run records, per period it scored, all three as they were when the run
 * started (`inputsOf`); a scheduled run adds the periods whose inputs have changed since
 * (`stalePeriods`). Their drafts then move, and a published version is never replaced: Home Affairs
 * sees that the numbers moved and publishes a new version (reliability test 27).
 *
 * The record is one small JSON object in the private lake, rewritten at the end of each run after
 * merging with what is there (two runs ending together may lose one run's entries: those periods
 * are then not checked for late events until they are scored again).
 */
import type { QueryEngine, Row } from "../../ports/engine.js";
import type { Lake } from "../../ports/lake.js";
import { type Period, isPeriodId, parsePeriod } from "@scorecard/shared";
import { scoredInputsKey } from "@scorecard/shared/lake/layout";
import { sha256Hex } from "../../lib/canonical.js";
import {
  CATALOG_ROWS_SQL,
  CATALOG_UNITS_SQL,
  COMPLAINT_DIGEST_COLUMNS,
  COMPLAINT_DIGEST_SQL,
  EVENTS_BY_MONTH_SQL,
  IMPROPER_RETURNS_DIGEST_COLUMNS,
  IMPROPER_RETURNS_DIGEST_SQL,
} from "@scorecard/shared/sql/lake-inputs.sql";
import { type ImproperReturnSource, writeImproperReturns } from "./improper-returns.js";


/** Curated events per month partition ('YYYY-MM' → count). */
export type MonthCounts = ReadonlyMap<string, number>;

/**
 * What the lake holds for scoring, per local month: the curated events (a count: insert-only) and
 * the complaints by month of receipt (replaced by their latest state, so a digest of the state:
 * how many, how many accepted, refused, handled, satisfied, complained again, and the sum of their
 * decision instants in whole seconds — a complaint that advances or is corrected changes it).
 */
export interface LakeInputs {
  readonly events: MonthCounts;
  readonly complaints: ReadonlyMap<string, readonly number[]>;
  /** The catalog's versions (with `valid_from`, `valid_to` as 'YYYY-MM-DD') and restricted units. */
  readonly catalog: readonly Row[];
  readonly catalogUnits: readonly Row[];
  /** Home Affairs' marks of improper returns by month of the dossier's receipt (a digest: how many, Σ marking instants). */
  readonly improperReturns: ReadonlyMap<string, readonly number[]>;
}


export async function lakeInputs(engine: QueryEngine): Promise<LakeInputs> {
  const [events, complaints, catalog, catalogUnits, marks] = await Promise.all([
    engine.query(EVENTS_BY_MONTH_SQL, {}),
    engine.query(COMPLAINT_DIGEST_SQL, {}),
    engine.query(CATALOG_ROWS_SQL, {}),
    engine.query(CATALOG_UNITS_SQL, {}),
    engine.query(IMPROPER_RETURNS_DIGEST_SQL, {}),
  ]);
  return {
    events: new Map(events.rows.map((r) => [String(r["month"]), Number(r["n"])])),
    complaints: new Map(complaints.rows.map((r) => [String(r["month"]), COMPLAINT_DIGEST_COLUMNS.map((c) => Number(r[c] ?? 0))])),
    catalog: catalog.rows,
    catalogUnits: catalogUnits.rows,
    improperReturns: new Map(marks.rows.map((r) => [String(r["month"]), IMPROPER_RETURNS_DIGEST_COLUMNS.map((c) => Number(r[c] ?? 0))])),
  };
}

/**
 * What a period's numbers are computed from: the events and the complaints of the months up to its
 * last (its facts read the events before its end; its complaint indicators and the dossiers'
 * complaints, the complaints received before its end).
 */
export function inputsOf(inputs: LakeInputs, period: Period): string {
  const last = period.endDate.slice(0, 7);
  let events = 0;
  for (const [month, count] of inputs.events) if (month <= last) events += count;
  const digest = COMPLAINT_DIGEST_COLUMNS.map(() => 0);
  for (const [month, values] of inputs.complaints) if (month <= last) values.forEach((v, i) => (digest[i] = (digest[i] ?? 0) + v));
  // The marks of the dossiers received in the period (R3 counts those), only when there are some:
  // a period without marks keeps the text it was recorded with before marks existed.
  const marks = IMPROPER_RETURNS_DIGEST_COLUMNS.map(() => 0);
  const first = period.startDate.slice(0, 7);
  for (const [month, values] of inputs.improperReturns) if (month >= first && month <= last) values.forEach((v, i) => (marks[i] = (marks[i] ?? 0) + v));
  const marked = marks.some((v) => v !== 0) ? `;improper=${marks.join(",")}` : "";
  return `events=${events};complaints=${digest.join(",")};catalog=${catalogDigest(inputs, period)}${marked}`;
}

/** A digest of the catalog versions valid in the period and of the restricted units (order-free). */
function catalogDigest(inputs: LakeInputs, period: Period): string {
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const valid = inputs.catalog.filter((r) => text(r["valid_from"]) <= period.endDate && (text(r["valid_to"]) === "" || text(r["valid_to"]) >= period.startDate));
  const lines = [...valid.map((r) => `P ${JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))}`), ...inputs.catalogUnits.map((r) => `U ${text(r["code"])} ${text(r["unit_id"])}`)].sort();
  return sha256Hex(lines.join("\n")).slice(0, 16);
}

/** Period id → what it was scored on (`inputsOf`). */
export type ScoredInputs = Readonly<Record<string, string>>;

export async function readScoredInputs(lake: Lake, methodology: string): Promise<ScoredInputs> {
  const body = await lake.get(scoredInputsKey(methodology));
  if (!body) return {};
  const parsed = JSON.parse(new TextDecoder().decode(body)) as unknown;
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return {};
  // Any other value (an older record) differs from every `inputsOf`: the period is scored again.
  return Object.fromEntries(Object.entries(parsed).filter(([id]) => isPeriodId(id)).map(([id, v]) => [id, typeof v === "string" ? v : ""]));
}

/** Record what periods were scored on (merged into the stored record). */
export async function recordScoredInputs(lake: Lake, methodology: string, scored: ScoredInputs): Promise<void> {
  if (Object.keys(scored).length === 0) return;
  const merged = { ...(await readScoredInputs(lake, methodology)), ...scored };
  const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
  await lake.put(scoredInputsKey(methodology), JSON.stringify(sorted), "application/json");
}

/**
 * The scored periods whose events or complaints changed since they were scored, newest end first
 * (a run that can take only some scores the periods people look at first).
 */
export async function stalePeriods(deps: {
  readonly engine: QueryEngine;
  readonly lake: Lake;
  readonly methodology: string;
  readonly improperReturns?: ImproperReturnSource | undefined;
}): Promise<Period[]> {
  const recorded = await readScoredInputs(deps.lake, deps.methodology);
  if (Object.keys(recorded).length === 0) return [];
  // Marks of improper returns live in the admin store: bring the lake's table up to date first,
  // so that a mark made since the last run makes the periods it touches stale.
  await writeImproperReturns(deps)();
  const inputs = await lakeInputs(deps.engine);
  return Object.entries(recorded)
    .map(([id, was]) => ({ period: parsePeriod(id), was }))
    .filter(({ period, was }) => inputsOf(inputs, period) !== was)
    .map(({ period }) => period)
    .sort((a, b) => b.end.localeCompare(a.end) || a.start.localeCompare(b.start));
}

/** The scheduled periods first, then the stale ones not among them, at most `max` in all. */
export function withStale(scheduled: readonly Period[], stale: readonly Period[], max = Number.POSITIVE_INFINITY): Period[] {
  const ids = new Set(scheduled.map((p) => p.id));
  return [...scheduled, ...stale.filter((p) => !ids.has(p.id))].slice(0, Math.max(scheduled.length, max));
}
