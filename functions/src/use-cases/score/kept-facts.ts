/**
 * The kept case facts (issue 23, docs/adr/0023): stage A of every case, kept in the lake between
 * scoring runs and brought up to date from the events that arrived since, instead of recomputed
 * from every event by each run (./staged-facts.ts). shared/src/sql/kept-facts.sql.ts has the SQL.
 *
 * A generation is a set of kept relations (`sc_kf_<id>_facts0`, …) with their Parquet files under
 * `facts/<generation>/`, named by `facts/current.json` with the ingest batches it reflects. A run:
 * - finds the batches compaction added since (`ingest_batch`, one per raw object) and the cases
 *   with an event in them ("touched");
 * - computes stage A again for those cases only, from all their events, and writes the next
 *   generation: the previous one's rows of the other cases plus the touched cases' new rows;
 * - switches the manifest, then drops the previous generation.
 * A generation built by other statements (`version`, a digest of the SQL) or missing is built
 * again from every event. A run killed half-way leaves the manifest on the previous generation;
 * the orphan folder is removed by the next run.
 */
import { createHash } from "node:crypto";
import type { Period } from "@scorecard/shared";
import { LAKE_PREFIXES, keptFactsManifestKey, keptFactsPrefix, keptRelationPrefix } from "@scorecard/shared/lake/layout";
import { type StageTables, stageBucketsSql, stageStatements, stageTables } from "@scorecard/shared/sql/case-stages.sql";
import {
  ALL_EVENTS_PARAMS,
  INGEST_BATCHES_SQL,
  KEPT_RELATIONS,
  type KeptRelation,
  cutOfEnd,
  isBatchName,
  keptEventsSql,
  keptRelationSql,
  monthCuts,
  touchedCasesSql,
} from "@scorecard/shared/sql/kept-facts.sql";
import type { QueryEngine } from "../../ports/engine.js";
import type { Lake } from "../../ports/lake.js";
import type { NewId } from "../../ports/runtime.js";
import { type FactsSource, factsSourceOver, plus, sqlTimestamp, stagePlan, uniquePrefix } from "./staged-facts.js";

/** `facts/current.json`. */
export interface KeptFactsManifest {
  readonly format: 1;
  /** Digest of the statements that built it: other statements (new code) build the facts again. */
  readonly version: string;
  /** The relations' prefix (`stageTables(generation)`) and the folder `facts/<generation>/`. */
  readonly generation: string;
  /** The months of the events it reflects (its cuts: every month end from the first to the last). */
  readonly firstMonth: string | null;
  readonly lastMonth: string | null;
  /** The ingest batches it reflects, sorted. */
  readonly batches: readonly string[];
  readonly events: number;
  readonly builtAt: string;
}

export interface KeptFactsDeps {
  readonly engine: QueryEngine;
  readonly lake: Lake;
  readonly newId: NewId;
}

/** What `refreshKeptFacts` did and the generation to read. */
export interface KeptFacts {
  readonly generation: string;
  /** `built`: from every event; `updated`: the touched cases only; `current`: nothing new. */
  readonly how: "built" | "updated" | "current";
  readonly touchedCases: number;
  readonly newBatches: number;
  readonly events: number;
  readonly bytesScanned: number | null;
  readonly seconds: number;
}

/** Above this many new batches the facts are built again from every event (one statement's IN list). */
export const MAX_NEW_BATCHES = 2_000;

const EMPTY_MONTH = "2000-01";

/** The digest of the statements a generation is built with (a fixed prefix: names do not count). */
export const KEPT_FACTS_VERSION = (() => {
  const [t, p, d] = ["sc_kf_version", "sc_kf_previous", "sc_kd_delta"].map(stageTables) as [StageTables, StageTables, StageTables];
  const cuts = monthCuts("2025-01", "2025-02");
  const text = [keptEventsSql(null), keptEventsSql("touched"), ...stageStatements(t, cuts).map((s) => s.sql), ...KEPT_RELATIONS.map((r) => keptRelationSql(r, t, p, d, "touched"))].join("\n;\n");
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
})();

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

export async function readManifest(lake: Lake): Promise<KeptFactsManifest | null> {
  const body = await lake.get(keptFactsManifestKey());
  if (body === undefined) return null;
  try {
    const m = JSON.parse(new TextDecoder().decode(body)) as KeptFactsManifest;
    return m.format === 1 && typeof m.generation === "string" && Array.isArray(m.batches) ? m : null;
  } catch {
    return null;
  }
}

/**
 * Bring the kept facts up to date with the curated events and attach them. The runs of a lake go
 * one at a time (ScoreDeps.oneRunAtATime; the cloud's scoring lease).
 */
export async function refreshKeptFacts(deps: KeptFactsDeps): Promise<KeptFacts> {
  const started = performance.now();
  const { engine, lake } = deps;
  let scanned: number | null = 0;
  const add = (b: number | null) => (scanned = plus(scanned, b));
  const query = async (sql: string) => {
    const r = await engine.query(sql, {});
    add(r.bytesScanned);
    return r.rows;
  };
  const batchRows = await query(INGEST_BATCHES_SQL);
  const months = batchRows.flatMap((r) => [text(r["first_month"]), text(r["last_month"])]).filter((m): m is string => m !== null).sort();
  const firstMonth = months[0] ?? null;
  const lastMonth = months.at(-1) ?? null;
  const events = batchRows.reduce((n, r) => n + num(r["events"]), 0);
  const batches = batchRows.map((r) => text(r["ingest_batch"])).filter((b): b is string => b !== null).sort();
  const eventsOf = new Map(batchRows.map((r) => [text(r["ingest_batch"]), num(r["events"])]));
  const previous = await readManifest(lake);
  const done = (generation: string, how: KeptFacts["how"], touchedCases: number, newBatches: number): KeptFacts => ({
    generation,
    how,
    touchedCases,
    newBatches,
    events,
    bytesScanned: scanned,
    seconds: (performance.now() - started) / 1000,
  });

  const known = new Set(previous?.batches ?? []);
  const present = new Set(batches);
  const fresh = batches.filter((b) => !known.has(b));
  const usable =
    previous !== null &&
    previous.version === KEPT_FACTS_VERSION &&
    // Batches gone (a lake rebuilt, events removed) cannot be taken out case by case, and events
    // that came in no new batch cannot be found: build again.
    previous.batches.every((b) => present.has(b)) &&
    // Events are found by their batch: every event must have one, and the previous events plus
    // those of the new batches must be all of them (compaction keeps the first copy's batch).
    !eventsOf.has(null) &&
    fresh.every(isBatchName) &&
    previous.events + fresh.reduce((n, b) => n + (eventsOf.get(b) ?? 0), 0) === events &&
    fresh.length <= MAX_NEW_BATCHES &&
    (await attachGeneration(engine, previous.generation).then(
      () => true,
      () => false,
    ));
  if (usable && fresh.length === 0) return done(previous.generation, "current", 0, 0);

  const generation = uniquePrefix(deps.newId, "sc_kf_", 12);
  const cuts = firstMonth === null || lastMonth === null ? monthCuts(EMPTY_MONTH, EMPTY_MONTH) : monthCuts(firstMonth, lastMonth);
  const g = stageTables(generation);
  const made: string[] = [];
  const keep = async (relation: KeptRelation, sql: string) => {
    const name = g[relation];
    made.push(name);
    add((await engine.keep(name, sql, {}, keptRelationPrefix(generation, relation))).bytesScanned);
  };
  const temp: { name: string; kind: "table" | "view" }[] = [];
  const materialize = async (name: string, sql: string, params: Record<string, string> = {}, kind: "table" | "view" = "table") => {
    temp.push({ name, kind });
    add((await engine.materialize(name, sql, params, kind)).bytesScanned);
  };
  const dropTemp = async () => {
    const all = temp.splice(0).reverse();
    await engine.drop(all.filter((r) => r.kind === "table"));
    await engine.drop(all.filter((r) => r.kind === "view"));
  };
  let touchedCases = 0;
  try {
    if (!usable) {
      // Every case from every event: the staged run's statements, the kept ones written to the lake.
      await materialize(g.ev, keptEventsSql(null), { ...ALL_EVENTS_PARAMS }, "view");
      for (const s of stageStatements(g, cuts)) {
        const relation = KEPT_RELATIONS.find((r) => g[r] === s.name);
        if (relation === undefined) await materialize(s.name, s.sql);
        else await keep(relation, s.sql);
      }
    } else {
      const p = stageTables(previous.generation);
      const d = stageTables(`sc_kd_${generation.slice(6)}`);
      const touched = `${d.ev}_cases`;
      await materialize(touched, touchedCasesSql(fresh));
      touchedCases = num((await query(`SELECT count(*) AS n FROM ${touched}`))[0]?.["n"]);
      // The touched cases' stage A from all their events, at every cut of the span.
      await materialize(d.ev, keptEventsSql(touched), { ...ALL_EVENTS_PARAMS }, "view");
      for (const s of stageStatements(d, cuts)) if (s.name !== d.facts0Open && s.name !== d.facts0Pending) await materialize(s.name, s.sql);
      for (const r of KEPT_RELATIONS) await keep(r, keptRelationSql(r, g, p, d, touched));
    }
    await dropTemp();
    const manifest: KeptFactsManifest = { format: 1, version: KEPT_FACTS_VERSION, generation, firstMonth, lastMonth, batches, events, builtAt: new Date().toISOString() };
    await lake.put(keptFactsManifestKey(), JSON.stringify(manifest), "application/json");
  } catch (e) {
    await dropTemp().catch(() => undefined);
    await engine.drop(made.reverse().map((name) => ({ name, kind: "table" as const }))).catch(() => undefined);
    await lake.removePrefix(keptFactsPrefix(generation)).catch(() => undefined);
    throw e;
  }
  // The previous generation and any orphan of a killed run: nothing reads them any more.
  await removeOtherGenerations(deps, generation, previous?.generation ?? null);
  return done(generation, usable ? "updated" : "built", touchedCases, fresh.length);
}

export async function attachGeneration(engine: QueryEngine, generation: string): Promise<void> {
  const g = stageTables(generation);
  for (const r of KEPT_RELATIONS) await engine.attach(g[r], keptRelationPrefix(generation, r));
}

async function removeOtherGenerations(deps: KeptFactsDeps, current: string, previous: string | null): Promise<void> {
  if (previous !== null && previous !== current) {
    const p = stageTables(previous);
    await deps.engine.drop(KEPT_RELATIONS.map((r) => ({ name: p[r], kind: "table" as const }))).catch(() => undefined);
  }
  const folders = new Set(
    (await deps.lake.list(LAKE_PREFIXES.facts))
      .map((k) => k.slice(LAKE_PREFIXES.facts.length).split("/")[0] ?? "")
      .filter((f) => f.startsWith("sc_kf_") && f !== current),
  );
  for (const f of folders) await deps.lake.removePrefix(keptFactsPrefix(f));
}

/**
 * The facts source of a run over the kept facts of `kept.generation`: each period reads the full
 * pass and its month end's cut; the run's buckets (its own period bounds) are made here and
 * dropped on close, the kept relations stay attached for the next run.
 */
export async function keptFactsSource(engine: QueryEngine, periods: readonly Period[], kept: KeptFacts, newId: NewId): Promise<FactsSource> {
  const started = performance.now();
  const { last, boundaries } = stagePlan(periods);
  const t: StageTables = { ...stageTables(kept.generation), buckets: `${uniquePrefix(newId)}_buckets` };
  const first = periods.reduce((a, p) => (p.start < a.start ? p : a));
  const { bytesScanned } = await engine.materialize(t.buckets, stageBucketsSql(t, boundaries), { period_start: sqlTimestamp(first.start), period_end: sqlTimestamp(last.end) });
  const seconds = kept.seconds + (performance.now() - started) / 1000;
  return factsSourceOver(engine, periods, t, cutOfEnd, [t.buckets], { bytesScanned: plus(kept.bytesScanned, bytesScanned), seconds, kept: kept.generation });
}

/** Refresh the kept facts (./kept-facts.ts) and open a run's facts source over them. */
export async function openKeptFacts(deps: KeptFactsDeps, periods: readonly Period[]): Promise<FactsSource> {
  return keptFactsSource(deps.engine, periods, await refreshKeptFacts(deps), deps.newId);
}
