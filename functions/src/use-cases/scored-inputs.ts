/**
 * Which scored periods late events have changed, so that the scheduled runs score them again.
 *
 * Curated events are insert-only, one row per eventId (compaction's invariant), partitioned by the
 * month of `occurredAt`, and a period's facts read exactly the events before its end — the months
 * up to its last one. So the number of curated events in those months grows exactly when an event
 * that reaches the period's facts has arrived since it was scored (a duplicate adds no row, and
 * changes nothing). Each scoring run records, per period it scored, that number as it was when
 * the run started; a scheduled run adds the periods whose number has grown since
 * (`stalePeriods`). Their drafts then move, and a published version is never replaced: Home
 * Affairs sees that the numbers moved and publishes a new version (reliability test 27).
 *
 * The record is one small JSON object in the private lake, rewritten at the end of each run after
 * merging with what is there (two runs ending together may lose one run's entries: those periods
 * are then not checked for late events until they are scored again).
 */
import { type Period, isPeriodId, parsePeriod } from "@scorecard/shared";
import type { Lake, QueryEngine } from "../ports/index.js";

export const scoredInputsKey = (methodology: string) => `state/${methodology}/scored-inputs.json`;

/** Curated events per month partition ('YYYY-MM' → count). */
export type MonthCounts = ReadonlyMap<string, number>;

export async function curatedEventsByMonth(engine: QueryEngine): Promise<MonthCounts> {
  const { rows } = await engine.query("SELECT month, count(*) AS n FROM curated_events GROUP BY month", {});
  return new Map(rows.map((r) => [String(r["month"]), Number(r["n"])]));
}

/** The curated events a period's facts read: those of the months up to its last. */
export function eventsUpTo(counts: MonthCounts, period: Period): number {
  const last = period.endDate.slice(0, 7);
  let n = 0;
  for (const [month, count] of counts) if (month <= last) n += count;
  return n;
}

/** Period id → the events it was scored on. */
export type ScoredInputs = Readonly<Record<string, number>>;

export async function readScoredInputs(lake: Lake, methodology: string): Promise<ScoredInputs> {
  const body = await lake.get(scoredInputsKey(methodology));
  if (!body) return {};
  const parsed = JSON.parse(new TextDecoder().decode(body)) as unknown;
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return {};
  return Object.fromEntries(Object.entries(parsed).filter(([id, n]) => isPeriodId(id) && typeof n === "number" && Number.isFinite(n)));
}

/** Record what periods were scored on (merged into the stored record). */
export async function recordScoredInputs(lake: Lake, methodology: string, scored: ScoredInputs): Promise<void> {
  if (Object.keys(scored).length === 0) return;
  const merged = { ...(await readScoredInputs(lake, methodology)), ...scored };
  const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
  await lake.put(scoredInputsKey(methodology), JSON.stringify(sorted), "application/json");
}

/**
 * The scored periods whose facts have events they were not scored on, newest end first (a run
 * that can take only some scores the periods people look at first).
 */
export async function stalePeriods(deps: { readonly engine: QueryEngine; readonly lake: Lake; readonly methodology: string }): Promise<Period[]> {
  const recorded = await readScoredInputs(deps.lake, deps.methodology);
  if (Object.keys(recorded).length === 0) return [];
  const counts = await curatedEventsByMonth(deps.engine);
  return Object.entries(recorded)
    .map(([id, n]) => ({ period: parsePeriod(id), n }))
    .filter(({ period, n }) => eventsUpTo(counts, period) !== n)
    .map(({ period }) => period)
    .sort((a, b) => b.end.localeCompare(a.end) || a.start.localeCompare(b.start));
}

/** The scheduled periods first, then the stale ones not among them, at most `max` in all. */
export function withStale(scheduled: readonly Period[], stale: readonly Period[], max = Number.POSITIVE_INFINITY): Period[] {
  const ids = new Set(scheduled.map((p) => p.id));
  return [...scheduled, ...stale.filter((p) => !ids.has(p.id))].slice(0, Math.max(scheduled.length, max));
}
