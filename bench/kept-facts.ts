/**
 * Issue 23's figures (docs/adr/0023, docs/performance.md): scoring a year from kept case facts.
 *
 *   npx tsx bench/kept-facts.ts --data-dir DIR [--year 2025] [--label NAME] [--rounds 2] [--skip-runs] [--skip-lists] [--skip-night] [--night-seed N]
 *
 * DIR is a data folder with the year loaded and compacted (`npm run bench -- --preset province-year
 * --only load,compact --data-dir DIR`). On it, in one process (the local runtime, scheduler off):
 * 1. cold: the kept facts removed, one run over the year's 19 periods (building them included);
 * 2. warm: the same run again (the facts current) — `--rounds` times, alternated with
 * 3. staged: the same run with the facts staged from every event (the code before issue 23);
 * 4. clicks on numbers: the lists behind them read on request from the kept facts (first and again);
 * 5. a night: a busy day's events (the generator's 5 January of the next year, moved to the year's
 *    last day under new case ids) and a handful of late ratings of March's dossiers, imported and
 *    compacted; then the periods whose inputs changed (stalePeriods, as the scheduler finds them)
 *    scored from the kept facts brought up to date — and the same periods scored again with the
 *    facts staged from every event: the snapshots must be equal (computedAt and scan aside).
 * Results: bench/results/<date>-kept-facts[-label].json. Peak RSS: /usr/bin/time -v around it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type CaseEventInput, type Period, periodsOfYear } from "@scorecard/shared";
import { LAKE_PREFIXES } from "@scorecard/shared/lake/layout";
import { compactLake } from "../functions/src/adapters/local/duckdb-compactor.js";
import { AdmitPool } from "../functions/src/adapters/local/admit-pool.js";
import { DuckDbQueryEngine } from "../functions/src/adapters/local/duckdb-engine.js";
import { LocalRuntime } from "../functions/src/local/runtime.js";
import { DemoProvince } from "../functions/src/seed/generator.js";
import { importEvents } from "../functions/src/use-cases/ingest/import-events.js";
import { scoreAndRatePeriods } from "../functions/src/use-cases/jobs/score-run.js";
import { stalePeriods } from "../functions/src/use-cases/score/scored-inputs.js";
import { refreshKeptFacts } from "../functions/src/use-cases/score/kept-facts.js";
import type { ScoreDeps } from "../functions/src/use-cases/score/score-period.js";
import { readIndicatorList } from "../functions/src/use-cases/read/read-lists.js";

const { values: args } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    year: { type: "string", default: "2025" },
    label: { type: "string" },
    rounds: { type: "string", default: "2" },
    "skip-night": { type: "boolean", default: false },
    "skip-runs": { type: "boolean", default: false },
    "skip-lists": { type: "boolean", default: false },
    // Another night on a folder that had one already (its events would be copies: nothing new).
    "night-seed": { type: "string", default: "9023" },
  },
});
const dataDir = args["data-dir"];
if (!dataDir) throw new Error("--data-dir DIR: a data folder with the year loaded and compacted");
const year = Number(args.year);
const rounds = Number(args.rounds);
const sec = (ms: number) => Math.round(ms) / 1000;
const log = (s: string) => console.log(s);
const loadAverage = async () => (await import("node:os")).loadavg().map((x) => Math.round(x * 100) / 100);

const rt = await LocalRuntime.start({ dataDir });
const results: Record<string, unknown> = { dataDir, year, startedAt: new Date().toISOString(), loadAverageAtStart: await loadAverage() };
try {
  const periods = periodsOfYear(year);
  const events = Number((await rt.engine.query("SELECT count(*) AS n FROM curated_events", {})).rows[0]?.["n"]);
  results["events"] = events;
  const run = async (label: string, deps: ScoreDeps, ps: readonly Period[]) => {
    let facts = 0;
    const cpu0 = process.cpuUsage();
    const t = performance.now();
    await scoreAndRatePeriods(deps, rt.admin)(ps, { onStaged: (s) => (facts = s) });
    const cpu = process.cpuUsage(cpu0);
    const r = { label, periods: ps.length, wallS: sec(performance.now() - t), factsS: Math.round(facts * 1000) / 1000, cpuS: sec((cpu.user + cpu.system) / 1000), loadAverage: await loadAverage() };
    log(`  ${label}: ${r.periods} periods in ${r.wallS} s (facts ${r.factsS} s, CPU ${r.cpuS} s, load ${r.loadAverage[0]})`);
    return r;
  };
  const kept: ScoreDeps = { ...rt.score, keptFacts: true };
  const staged: ScoreDeps = { ...rt.score, keptFacts: false };

  if (!args["skip-runs"]) {
  // 1. Cold: no kept facts.
  await rt.lake.removePrefix(LAKE_PREFIXES.facts);
  log(`cold run, ${events} events:`);
  results["cold"] = await run("cold (facts built from every event)", kept, periods);
  // 2-3. Warm, alternated with the staged route.
  const warm: unknown[] = [];
  const stagedRuns: unknown[] = [];
  for (let k = 0; k < rounds; k++) {
    warm.push(await run(`warm ${k + 1} (kept facts current)`, kept, periods));
    stagedRuns.push(await run(`staged ${k + 1} (facts from every event, each run)`, staged, periods));
  }
  results["warm"] = warm;
  results["staged"] = stagedRuns;
  }

  if (!args["skip-lists"]) {
    // 4. Clicks on numbers (ADR 0023 point 7): the lists behind them read on request from the kept
    // facts, after a run over them (its pointers `kept`). The largest unit of each tier, a month, a
    // quarter and the year; the progress list (P1's dossiers), R5's consultations, R7's province-wide
    // charges, T1's catalog entries; each first (the statement) and again (remembered).
    await scoreAndRatePeriods(kept, rt.admin)(periods);
    const largest = (await rt.engine.query(`SELECT u.tier, e.unit_id, count(*) AS n FROM curated_events e JOIN dim_units u ON u.unit_id = e.unit_id WHERE e.type = 'RECEIVED' AND e.month LIKE '${year}-%' GROUP BY u.tier, e.unit_id`, {})).rows;
    const units = ["DEPARTMENT", "DISTRICT", "COMMUNE"].map((tier) => largest.filter((r) => r["tier"] === tier).sort((a, b) => Number(b["n"]) - Number(a["n"]))[0]?.["unit_id"]).filter((u): u is string => typeof u === "string");
    const lists = readIndicatorList(rt.read);
    const clicks: Record<string, unknown>[] = [];
    for (const unitId of units)
      for (const periodId of [`${year}-03`, `${year}-Q3`, `${year}`])
        for (const q of [{}, { indicator: "R5", part: "denominator" as const }, { indicator: "R7", part: "denominator" as const }, { indicator: "T1", part: "denominator" as const }])
          for (const round of ["first", "again"]) {
            const t = performance.now();
            const r = await lists(unitId, periodId, q);
            const ms = Math.round(performance.now() - t);
            clicks.push({ unitId, periodId, indicator: "indicator" in q ? q.indicator : "P1 (progress)", round, ms, records: r.kind === "ok" ? r.list.count : r.kind });
          }
    const ms = (round: string) => clicks.filter((c) => c["round"] === round).map((c) => c["ms"] as number).sort((a, b) => a - b);
    const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? null;
    results["lists"] = { clicks, first: { p50: pct(ms("first"), 50), max: pct(ms("first"), 100) }, again: { p50: pct(ms("again"), 50), max: pct(ms("again"), 100) } };
    log(`lists on request: ${clicks.length / 2} lists; first read p50 ${pct(ms("first"), 50)} ms, max ${pct(ms("first"), 100)} ms; again p50 ${pct(ms("again"), 50)} ms`);
    for (const c of clicks.filter((x) => x["round"] === "first")) log(`  ${c["unitId"]} ${c["periodId"]} ${c["indicator"]}: ${c["ms"]} ms, ${c["records"]} records`);
  }

  if (!args["skip-night"]) {
    // 4. A night: a busy day's new dossiers (the generator's first working day of the next year,
    // moved to the last day of this one under new case and event ids) and late ratings.
    // 5 January of the next year (a Monday in 2026; the 2nd is a day off), moved back 5 days.
    const day = `${year + 1}-01-05`;
    const shift = (iso: string | undefined) => (iso === undefined ? undefined : new Date(Date.parse(iso) - 5 * 86_400_000).toISOString());
    const generated: CaseEventInput[] = [];
    const nightSeed = Number(args["night-seed"]);
    const tag = nightSeed === 9_023 ? "" : `${nightSeed}-`;
    for (const e of new DemoProvince({ seed: nightSeed, from: day, to: day, scale: 60, asOf: `${day}T23:59:59+07:00` }).events(() => undefined)) {
      const x = { ...e, eventId: `N-${tag}${e.eventId}`, caseId: `N-${tag}${e.caseId}`, occurredAt: shift(e.occurredAt) as string, ...(e.dueAt ? { dueAt: shift(e.dueAt) } : {}) } as CaseEventInput;
      generated.push(x);
    }
    const resolved = (await rt.engine.query(`SELECT case_id, unit_id FROM curated_events WHERE type = 'RESOLVED' AND month = '${year}-03' ORDER BY case_id LIMIT 6`, {})).rows;
    const late = resolved.map((r, i) => ({ eventId: `LATE-${tag}${r["case_id"]}-rating`, caseId: String(r["case_id"]), type: "RATED", occurredAt: `${year}-03-28T0${i}:30:00Z`, unitId: String(r["unit_id"]), rating: { satisfied: false } }) as CaseEventInput);
    const admitter = new AdmitPool({ keyFile: rt.pseudonymKeyFile });
    let t = performance.now();
    const summary = await importEvents({ ...rt.ingest, lake: rt.lake, admitter })((function* () {
      for (const e of [...generated, ...late]) yield JSON.stringify(e);
    })()).finally(() => admitter.close());
    const importS = sec(performance.now() - t);
    t = performance.now();
    // Compaction in an engine of its own (it sets DuckDB's spill folder, which a used engine cannot change).
    const compactor = await DuckDbQueryEngine.open(rt.lake.root, { threads: 2 });
    const compaction = await compactLake(compactor, rt.lake.root).finally(() => compactor.close());
    await rt.engine.refreshViews();
    const compactS = sec(performance.now() - t);
    log(`night: ${summary.accepted} events (${late.length} late) imported in ${importS} s, compacted in ${compactS} s`);
    t = performance.now();
    const stale = await stalePeriods(rt.score);
    const staleS = sec(performance.now() - t);
    log(`  stale periods: ${stale.map((p) => p.id).join(", ")} (${staleS} s)`);
    // The kept facts brought up to date (timed apart), then the stale periods scored from them.
    t = performance.now();
    const refreshed = await refreshKeptFacts({ engine: rt.engine, lake: rt.lake, newId: rt.score.newId });
    const refreshS = sec(performance.now() - t);
    log(`  facts ${refreshed.how}: ${refreshed.touchedCases} cases touched by ${refreshed.newBatches} batches in ${refreshS} s`);
    const nightRun = await run("night (stale periods, kept facts)", kept, stale);
    const snapshotsOf = async () => {
      const out: Record<string, string> = {};
      for (const p of stale) for (const tier of ["DEPARTMENT", "DISTRICT", "COMMUNE"] as const) {
        const s = await rt.score.snapshots.get(rt.score.methodology, p.id, tier);
        out[`${p.id}/${tier}`] = JSON.stringify(s === undefined ? null : { ...s, computedAt: undefined, dataAsOf: undefined, scan: undefined });
      }
      return out;
    };
    const fromKept = await snapshotsOf();
    const fullRun = await run("the same periods, facts staged from every event", staged, stale);
    const fromStaged = await snapshotsOf();
    const differing = Object.keys(fromKept).filter((k) => fromKept[k] !== fromStaged[k]);
    log(`  snapshots equal to a full rescore's: ${differing.length === 0 ? "yes" : `NO (${differing.join(", ")})`}`);
    results["night"] = {
      events: summary.accepted,
      lateEvents: late.length,
      importS,
      compactS,
      compaction,
      stalePeriods: stale.map((p) => p.id),
      stalePeriodsS: staleS,
      facts: refreshed,
      factsRefreshS: refreshS,
      scoring: nightRun,
      fullRescore: fullRun,
      snapshotsCompared: Object.keys(fromKept).length,
      snapshotsDiffering: differing,
    };
  }
} finally {
  await rt.stop();
}
results["finishedAt"] = new Date().toISOString();
mkdirSync(join("bench", "results"), { recursive: true });
const file = join("bench", "results", `${new Date().toISOString().slice(0, 10)}-kept-facts${args.label ? `-${args.label}` : ""}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
log(`written ${file}`);
