/**
 * `npm run bench` — the Scorecard benchmark suite (issue 9), one run, each step in a child process
 * (bench/step.ts) so that peak memory per step is that step's own:
 *
 *   1. generate + load    DemoProvince → bulk import (worker threads) → catalog and complaints
 *   2. compaction         raw NDJSON.gz → monthly Parquet: time, bytes per million events
 *   3. scoring            every period of the year with the SQL engine; SQL vs reference scorer
 *   4. bytes read         half-year ranking query: Parquet bytes vs raw NDJSON; same query over NDJSON
 *   5. read API           GET /v1/public/rankings at 200 req/s
 *   5b. dashboard         first-page JS gzip; first ranking row (departments, communes), tab and period switches in Chromium (bench/dashboard.ts)
 *   5c. lighthouse        Lighthouse (npm, Debian's Chromium, offline) on the public rankings and a unit page, mobile and desktop (bench/lighthouse.ts)
 *   6. API ingest         POST /v1/events, batches of 500: 1, 4, 8 connections idle, 4 while the scheduler compacts and scores
 *   7. bulk import        `cli.ts import` of an NDJSON.gz file (events/s, CPU-µs per event, peak RSS)
 *
 *   npm run bench -- [--preset province-year|national|demo] [--quick] [--to YYYY-MM-DD] [--seed N]
 *                    [--reference-months 2025-01,2025-02] [--import-events N] [--keep] [--only step,…]
 *                    [--data-dir DIR] [--server-repo DIR] [--label NAME] [--lighthouse-runs N] [--dashboard-runs N]
 *                    [--api-days 2025-01|week]
 *
 * --quick: the first two months of the preset and short load tests (for building and debugging).
 * --to: stop the preset's range early (a reduced national run; scoring covers the periods inside it).
 * --server-repo: run the dashboard, lighthouse and api-ingest steps' server from another checkout (its code and
 * its dashboard/dist; before/after comparisons on one data folder). --label: appended to the file name.
 * --api-days: the dossiers the api-ingest step posts — `2025-01` (the default: the province-year's
 * first dossiers, comparable with the earlier figures) or `week` (received in the week before the
 * run: a source system's real traffic, within the demo sources' 45 days).
 * Writes bench/results/<date>.json (province-year), <date>-<preset>[-quick].json, or for the
 * dashboard and lighthouse steps alone <date>-<steps>[-label].json (they serve the demo whatever
 * the preset); prints a table.
 * Loopback only; every load test is bounded in time. The load average is sampled during the run.
 */
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createGzip } from "node:zlib";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { DemoProvince, PRESETS, type PresetName } from "../functions/src/seed/generator.js";
import { REPO, type Timed, bytesUnder, gitCommit, log, postedDaysOf, round, runTimed, sec } from "./lib.js";

const { values: args } = parseArgs({
  options: {
    preset: { type: "string", default: "province-year" },
    quick: { type: "boolean", default: false },
    to: { type: "string" },
    seed: { type: "string", default: "2024" },
    "reference-months": { type: "string" },
    "import-events": { type: "string" },
    keep: { type: "boolean", default: false },
    "data-dir": { type: "string" },
    only: { type: "string" },
    "server-repo": { type: "string" },
    label: { type: "string" },
    "lighthouse-runs": { type: "string" },
    "dashboard-runs": { type: "string" },
    "api-days": { type: "string" },
  },
});
if (!(args.preset in PRESETS)) throw new Error(`--preset: one of ${Object.keys(PRESETS).join(", ")}`);
const preset = args.preset as PresetName;
const range = PRESETS[preset];
const seed = Number(args.seed);
const quick = args.quick;
// --quick: two months of the preset (January–February of its last year for the multi-year demo).
const to = args.to ?? (quick ? `${range.to.slice(0, 4)}-02-28` : undefined);
const year = (to ?? range.to).slice(0, 4);
const referenceMonths = (args["reference-months"] ?? `${year}-01,${year}-02`).split(",");
const importEvents = Number(args["import-events"] ?? (quick ? 200_000 : 2_000_000));
const only = args.only ? new Set(args.only.split(",")) : null;

const TARGETS = {
  generateAndLoadS: 180,
  scoringAllPeriodsS: 10,
  sqlVsReference: 20,
  halfYearBytesRatio: 0.05,
  readP99Ms: 50,
  importEventsPerSecond: 50_000,
  peakRssBytes: 2 * 1024 ** 3,
  dashboardWarmMs: 1000,
  /** Tab and period switches once the data is in the browser (issue 19, item 11). */
  dashboardSwitchMs: 300,
  lighthousePerformance: 90,
  lighthouseOther: 100,
  lighthouseCls: 0.1,
  lighthouseMobileTbtMs: 200,
};

// ------------------------------------------------------------------ load average, sampled

const loadSamples: { t: string; load1: number }[] = [];
const sampler = setInterval(() => loadSamples.push({ t: new Date().toISOString(), load1: round(loadavg()[0] as number, 2) }), 5_000);
sampler.unref();

// ------------------------------------------------------------------ steps

// --data-dir: an existing data folder (e.g. with --only dashboard); it is kept.
const dataDir = args["data-dir"] ?? mkdtempSync(join(tmpdir(), `scorecard-bench-${preset}-`));
const stepOptions = {
  dataDir,
  preset,
  seed,
  quick,
  ...(to ? { to } : {}),
  referenceMonths,
  ...(args["server-repo"] ? { serverRepo: args["server-repo"] } : {}),
  ...(args["lighthouse-runs"] ? { lighthouseRuns: Number(args["lighthouse-runs"]) } : {}),
  ...(args["dashboard-runs"] ? { dashboardRuns: Number(args["dashboard-runs"]) } : {}),
  ...(args["api-days"] ? { apiDays: postedDaysOf(args["api-days"], "--api-days") } : {}),
};
const steps: Record<string, Timed & { step: string }> = {};

async function step(name: string, nodeArgs: string[] = []): Promise<Record<string, unknown> | null> {
  if (only && !only.has(name)) return null;
  log(`▶ ${name} …`);
  const r = await runTimed("bench/step.ts", [name, JSON.stringify(stepOptions)], {}, { echo: true, nodeArgs });
  steps[name] = { ...r, step: name };
  if (r.code !== 0 || !r.result) {
    log(`✗ ${name} failed (exit ${r.code}) after ${r.wallS} s`);
    return { failed: true, exitCode: r.code, tail: r.out.split("\n").filter((l) => !/^\s+\w[\w ()/:%-]+: /.test(l)).slice(-15).join("\n"), wallS: r.wallS, peakRssBytes: r.maxRssBytes };
  }
  log(`✓ ${name} in ${r.wallS} s, peak RSS ${mb(r.maxRssBytes)}`);
  return { ...r.result, wallS: r.wallS, peakRssBytes: r.maxRssBytes ?? (r.result["process"] as { maxRssBytes: number }).maxRssBytes };
}

/** The bulk import's input: DemoProvince (this preset), the first `n` events, NDJSON.gz, cached. */
async function importInput(n: number): Promise<string> {
  const dir = join(tmpdir(), "scorecard-bench");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${preset}-x${range.scale}-s${seed}-${n}.ndjson.gz`);
  if (existsSync(path)) return path;
  log(`  generating ${n.toLocaleString("en")} events → ${path} …`);
  const lines = (function* () {
    let i = 0;
    for (const e of new DemoProvince({ seed, ...range }).events()) {
      if (i++ >= n) return;
      yield `${JSON.stringify(e)}\n`;
    }
  })();
  await pipeline(Readable.from(lines), createGzip({ level: 6 }), createWriteStream(`${path}.partial`));
  renameSync(`${path}.partial`, path);
  return path;
}

async function bulkImport() {
  if (only && !only.has("bulk-import")) return null;
  const input = await importInput(importEvents);
  const dir = mkdtempSync(join(tmpdir(), "scorecard-bench-import-"));
  mkdirSync(join(dir, "lake", "curated"), { recursive: true });
  try {
    log(`▶ bulk-import (cli.ts import, ${importEvents.toLocaleString("en")} events) …`);
    const r = await runTimed("functions/src/local/cli.ts", ["import", input], { SCORECARD_DATA_DIR: dir });
    steps["bulk-import"] = { ...r, step: "bulk-import" };
    const accepted = Number(/total: (\d+) accepted/.exec(r.out)?.[1] ?? NaN);
    // The CLI's own clock: the import alone, after the runtime and the worker threads started.
    const importingS = Number(/imported in ([\d.]+) s/.exec(r.out)?.[1] ?? NaN);
    log(`✓ bulk-import ${accepted} events in ${r.wallS} s (${importingS} s importing)`);
    const cpuS = r.userS === null || r.sysS === null ? null : r.userS + r.sysS;
    return {
      input,
      inputBytes: statSync(input).size,
      events: accepted,
      exitCode: r.code,
      wallS: r.wallS,
      importingS,
      userS: r.userS,
      sysS: r.sysS,
      /** Every event's share of the whole process's CPU (start included), all threads. */
      cpuMicrosPerEvent: cpuS === null ? null : round((cpuS * 1e6) / accepted, 1),
      /** Accepted events over the process's wall time, start included (the headline figure, as before). */
      eventsPerSecond: round(accepted / r.wallS),
      eventsPerSecondImporting: round(accepted / importingS),
      peakRssBytes: r.maxRssBytes,
      rawObjectBytes: bytesUnder(join(dir, "lake", "raw"), ".ndjson.gz"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const started = new Date();
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  totalMemoryBytes: totalmem(),
  node: process.version,
  commit: gitCommit(),
  // --server-repo: the checkout whose server and dashboard/dist the page steps ran (its commit is not this one's).
  ...(args["server-repo"] ? { serverRepo: args["server-repo"] } : {}),
  loadAverageAtStart: loadavg().map((l) => round(l, 2)),
};
log(`bench: preset ${preset}${to ? ` to ${to}` : ""}${quick ? " (quick)" : ""}, seed ${seed}, data in ${dataDir}`);

const t0 = performance.now();
const load = await step("load");
const compaction = await step("compact");
const scoringSql = await step("score");
const reference = await step("reference", ["--max-old-space-size=8192"]);
const bytes = await step("bytes");
const serve = await step("serve");
const dashboard = await step("dashboard");
const lighthouseStep = await step("lighthouse");
const apiIngest = await step("api-ingest");
const bulk = await bulkImport();
const totalS = sec(performance.now() - t0);
clearInterval(sampler);
if (!args.keep && !args["data-dir"]) rmSync(dataDir, { recursive: true, force: true });

// ------------------------------------------------------------------ verdict, results file, table

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const L = (load ?? {}) as Any;
const C = (compaction ?? {}) as Any;
const R = (reference ?? {}) as Any;
const S = { ...((scoringSql ?? {}) as Any), comparison: R.comparison, referenceAllPeriodsEstimateS: R.referenceAllPeriodsEstimateS, referenceSecondsPerMillionEventsRead: R.referenceSecondsPerMillionEventsRead, sqlCountsSecondsPerMillionEventsRead: R.sqlCountsSecondsPerMillionEventsRead, referenceMethod: R.referenceMethod } as Any;
S.ratioAllPeriods = S.referenceAllPeriodsEstimateS && S.allPeriodsS ? round(S.referenceAllPeriodsEstimateS / S.allPeriodsS, 1) : null;
const B = (bytes ?? {}) as Any;
const V = (serve ?? {}) as Any;
const W = (dashboard ?? {}) as Any;
const LHS = (lighthouseStep ?? {}) as Any;
const lhResults = (LHS.results ?? []) as Any[];
const lighthouseMet = (r: Any) =>
  r.median.performance >= TARGETS.lighthousePerformance &&
  r.median.accessibility >= TARGETS.lighthouseOther &&
  r.median.bestPractices >= TARGETS.lighthouseOther &&
  r.median.seo >= TARGETS.lighthouseOther &&
  r.median.cumulativeLayoutShift <= TARGETS.lighthouseCls &&
  (r.preset !== "mobile" || r.median.totalBlockingTimeMs <= TARGETS.lighthouseMobileTbtMs);
const A = (apiIngest ?? {}) as Any;
const I = (bulk ?? {}) as Any;
const peaks = Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, v.maxRssBytes]));
const commune = (V.reads ?? [])[0] as Any | undefined;
const verdict = {
  generateAndLoad: L.seconds ? L.seconds.generateAndLoad + L.seconds.records <= TARGETS.generateAndLoadS : null,
  scoringAllPeriods: S.allPeriodsS !== undefined ? S.allPeriodsS <= TARGETS.scoringAllPeriodsS && S.failedPeriods === 0 : null,
  sqlVsReference: S.ratioAllPeriods ? S.ratioAllPeriods >= TARGETS.sqlVsReference : null,
  halfYearBytes: B.ratioToRawNdjson !== undefined ? B.ratioToRawNdjson <= TARGETS.halfYearBytesRatio : null,
  readP99: commune ? commune.latencyMs.p99 <= TARGETS.readP99Ms : null,
  bulkImport: I.eventsPerSecond !== undefined ? I.eventsPerSecond >= TARGETS.importEventsPerSecond : null,
  dashboardWarm: W.loads ? Object.values(W.loads as Record<string, Any>).every((l) => l.timeToVisibleRankingMs.warmMedian <= TARGETS.dashboardWarmMs) : W.timeToVisibleRankingMs ? W.timeToVisibleRankingMs.warmMedian <= TARGETS.dashboardWarmMs : null,
  dashboardSwitches: W.cachedSwitchWorstMedianMs !== undefined ? W.cachedSwitchWorstMedianMs <= TARGETS.dashboardSwitchMs : null,
  lighthouse: lhResults.length ? lhResults.every(lighthouseMet) : null,
  peakMemory: Object.values(peaks).every((p) => p === null || p <= TARGETS.peakRssBytes),
};
const loads = loadSamples.map((s) => s.load1);
const pageSteps = only !== null && [...only].every((s) => s === "dashboard" || s === "lighthouse");
const results = {
  benchmark: "scorecard",
  startedAt: started.toISOString(),
  finishedAt: new Date().toISOString(),
  command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
  // The dashboard and lighthouse steps serve the data folder as it is (an empty one gets the demo province first).
  preset: pageSteps
    ? { name: args["data-dir"] ? "the data folder given" : "demo", dataDir: args["data-dir"] ?? null, seed, note: "the dashboard and lighthouse steps serve --data-dir as it is; without it, a fresh folder with the demo province (seeded by the step)" }
    : { name: preset, ...range, ...(to ? { to, reduced: true } : {}), seed, quick },
  machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => round(l, 2)) },
  loadAverageDuringRun: { samples: loads.length, mean: round(loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length), 2), max: Math.max(0, ...loads), everyFiveSeconds: loads },
  totalS,
  targets: TARGETS,
  verdict,
  peakRssBytesByStep: peaks,
  generateAndLoad: load,
  compaction,
  scoring: { sql: scoringSql, reference, ratioAllPeriods: S.ratioAllPeriods, ratioMethod: "reference all-periods estimate (extrapolated from the sample periods) / SQL all periods measured (scorePeriod, including drill-downs and snapshot writes)" },
  bytesRead: bytes,
  readApi: serve,
  dashboard,
  lighthouse: lighthouseStep,
  apiIngest,
  bulkImport: bulk,
};
mkdirSync(join(REPO, "bench", "results"), { recursive: true });
const date = started.toISOString().slice(0, 10);
const part = only ? `-${[...only].join("+")}` : "";
const label = args.label ? `-${args.label}` : "";
const name =
  preset === "province-year" && !quick && !to && !only
    ? `${date}${label}.json`
    : pageSteps
      ? `${date}${part}${label}.json`
      : `${date}-${preset}${to ? `-to${to}` : ""}${quick ? "-quick" : ""}${part}${label}.json`;
const out = join(REPO, "bench", "results", name);
// A results file is committed: no path of the machine that ran it (the checkout, its temp folder).
const portable = (text: string) => text.split(REPO.replace(/\/$/, "")).join("<repo>").split(tmpdir()).join("<tmp>");
writeFileSync(out, `${portable(JSON.stringify(results, null, 2))}\n`);

function mb(b: number | null | undefined) {
  return b === null || b === undefined || Number.isNaN(b) ? "n/a" : `${round(b / 1024 ** 2, 1)} MB`;
}
const ok = (v: boolean | null) => (v === null ? "–" : v ? "met" : "MISSED");
const n = (x: unknown) => (typeof x === "number" ? x.toLocaleString("en") : "n/a");
/** A step that did not run (--only) is "n/a", one that ran without figures "failed". */
const notRun = (name: string) => (steps[name] ? "failed" : "n/a");
const rows: { figure: string; value: string; target: string; verdict: string; peakRss: string }[] = [];
const row = (figure: string, value: string, target = "", verdict = "", peak: number | null | undefined = undefined) => rows.push({ figure, value, target, verdict, peakRss: peak === undefined ? "" : mb(peak) });
row("events generated + loaded", `${n(L.events)} events, ${n(L.complaints)} complaints`, "", "", null);
row("generate + load", L.seconds ? `${round(L.seconds.generateAndLoad + L.seconds.records, 1)} s (${n(L.eventsPerSecond)} ev/s)` : notRun("load"), `≤ ${TARGETS.generateAndLoadS} s`, ok(verdict.generateAndLoad), steps["load"]?.maxRssBytes);
row(
  "bulk import (cli.ts import)",
  I.eventsPerSecond ? `${n(I.eventsPerSecond)} ev/s (${n(I.events)} in ${I.wallS} s; ${n(I.eventsPerSecondImporting)} ev/s importing; ${I.cpuMicrosPerEvent} CPU-µs/event)` : "n/a",
  `≥ ${n(TARGETS.importEventsPerSecond)}`,
  ok(verdict.bulkImport),
  steps["bulk-import"]?.maxRssBytes,
);
row("API ingest POST /v1/events, 4 conn. idle", A.eventsPerSecond !== undefined ? `${n(A.eventsPerSecond)} ev/s (batch p50 ${A.latencyMs?.p50} ms, p99 ${A.latencyMs?.p99} ms)` : "n/a", "≥ 2,000 ev/s, p50 ≤ 1 s, p99 ≤ 3 s", A.eventsPerSecond !== undefined ? ok(A.eventsPerSecond >= 2000 && A.latencyMs.p50 <= 1000 && A.latencyMs.p99 <= 3000) : "", A.serverPeakRssBytes);
for (const r of (A.idle ?? []) as Any[]) if (r.connections !== 4) row(`  … ${r.connections} conn. idle`, `${n(r.eventsPerSecond)} ev/s (p50 ${r.batchLatencyMs.p50} ms, p99 ${r.batchLatencyMs.p99} ms)`, "", "", undefined);
if (A.duringScoring) row("  … 4 conn. while compacting + scoring", `${n(A.duringScoring.eventsPerSecond)} ev/s (p50 ${A.duringScoring.batchLatencyMs.p50} ms, p99 ${A.duringScoring.batchLatencyMs.p99} ms, ${A.duringScoring.status5xx} × 5xx, ${A.duringScoring.retryEvents} retry, ${A.duringScoring.schedulerRunsFinished} scheduler runs)`, "no 5xx", ok(A.duringScoring.status5xx === 0), undefined);
row("compaction", C.wallS !== undefined && C.secondsPerMillionEvents ? `${C.wallS} s, ${C.secondsPerMillionEvents} s/M events` : notRun("compact"), "", "", steps["compact"]?.maxRssBytes);
row("Parquet bytes per M events", mb(C.parquetBytesPerMillionEvents), "", "");
for (const [kind, k] of Object.entries((S.byKind ?? {}) as Record<string, Any>)) row(`scoring SQL, ${kind.toLowerCase()} (${k.periods})`, `mean ${k.meanS} s, max ${k.maxS} s`);
row("scoring SQL, all periods of the year", S.allPeriodsS !== undefined ? `${S.allPeriodsS} s (${S.periods} periods${S.failedPeriods ? `, ${S.failedPeriods} FAILED` : ""})` : notRun("score"), `≤ ${TARGETS.scoringAllPeriodsS} s`, ok(verdict.scoringAllPeriods), steps["score"]?.maxRssBytes);
row("reference scorer, all periods (extrapolated)", S.referenceAllPeriodsEstimateS ? `${S.referenceAllPeriodsEstimateS} s → ratio ${S.ratioAllPeriods}×` : "n/a", `≥ ${TARGETS.sqlVsReference}×`, ok(verdict.sqlVsReference), steps["reference"]?.maxRssBytes);
for (const c of (S.comparison ?? []) as Any[]) row(`  SQL vs reference ${c.period}`, `${c.sqlS} s vs ${c.referenceS ?? "failed"} s (${c.ratio ?? "–"}×)`);
row("half-year query bytes / raw NDJSON", B.ratioToRawNdjson !== undefined ? `${mb(B.parquetBytesRead)} / ${mb(B.rawNdjsonBytes)} = ${round(B.ratioToRawNdjson * 100, 2)} %` : "n/a", "≤ 5 %", ok(verdict.halfYearBytes), steps["bytes"]?.maxRssBytes);
row("same query over NDJSON", B.ndjsonQueryS !== undefined ? `${B.ndjsonQueryS} s vs ${B.parquetQueryS} s Parquet (${B.ndjsonSlowdown}×), reads ${mb(B.ndjsonBytesRead)}` : "n/a");
for (const r of (V.reads ?? []) as Any[]) row(`read API ${r.path.replace(/^\/v1\/public\/rankings\?/, "rankings ")}${r.gzip ? " gzip" : " identity"}`, `p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms @ ${round(r.requestsPerSecond)} req/s (${mb(r.bodyBytes)}, ${mb(r.wireBytes)} on the wire)`, r === commune ? `p99 ≤ ${TARGETS.readP99Ms} ms` : "", r === commune ? ok(verdict.readP99) : "", r === commune ? V.serverPeakRssBytes : undefined);
row("dashboard first-page JS (gzip)", W.jsGzipBytes !== undefined ? `${round(W.jsGzipBytes / 1024, 1)} KiB (${W.firstPageScripts.length} files)` : "n/a", "≤ 150 kB");
for (const [page, l] of Object.entries((W.loads ?? (W.timeToVisibleRankingMs ? { departments: W } : {})) as Record<string, Any>))
  row(`first ranking row, ${page} (Chromium)`, `warm median ${l.timeToVisibleRankingMs.warmMedian} ms (${l.timeToVisibleRankingMs.warm.join(" / ")}), cold ${l.timeToVisibleRankingMs.cold} ms`, `warm ≤ ${TARGETS.dashboardWarmMs} ms`, ok(verdict.dashboardWarm), page === "departments" ? steps["dashboard"]?.maxRssBytes : undefined);
for (const s of (W.switches ?? []) as Any[]) row(`  ${s.what}`, `median ${s.paintedMedianMs} ms (${s.paintedMs.join(" / ")})`, s.what.includes("fetched") ? "" : `≤ ${TARGETS.dashboardSwitchMs} ms`, s.what.includes("fetched") ? "" : ok(s.paintedMedianMs <= TARGETS.dashboardSwitchMs));
for (const r of lhResults)
  row(
    `Lighthouse ${r.page} ${r.preset}`,
    `perf ${r.median.performance}, a11y ${r.median.accessibility}, BP ${r.median.bestPractices}, SEO ${r.median.seo}; TBT ${r.median.totalBlockingTimeMs} ms, CLS ${r.median.cumulativeLayoutShift}, LCP ${r.median.largestContentfulPaintMs} ms (runs: perf ${r.runs.map((x: Any) => x.performance).join("/")})`,
    `perf ≥ ${TARGETS.lighthousePerformance}, others 100, CLS ≤ ${TARGETS.lighthouseCls}${r.preset === "mobile" ? `, TBT ≤ ${TARGETS.lighthouseMobileTbtMs} ms` : ""}`,
    ok(lighthouseMet(r)),
  );
row("peak memory, every step", Object.entries(peaks).map(([k, v]) => `${k} ${mb(v)}`).join(", "), "≤ 2 GB", ok(verdict.peakMemory));
console.table(rows);
console.log(`load average during the run: mean ${results.loadAverageDuringRun.mean}, max ${results.loadAverageDuringRun.max} (${machine.cpus} CPUs); total ${totalS} s`);
console.log(`results: ${out}`);
