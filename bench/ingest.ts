/**
 * Ingestion figures for issue 4 (targets from issue 9: bulk import ≥ 50 000 events/s, peak memory
 * of a 5-million-event import ≤ 2 GB):
 *
 *  1. events/s through POST /v1/events — the real local server (`functions/src/local/main.ts`) in a
 *     child process, loaded with autocannon over loopback: batches of 500 events, unique ids per
 *     request (setupRequest); only events the server answered `accepted` are counted;
 *  2. events/s through the bulk import (`cli.ts import`) of an NDJSON.gz from DemoProvince
 *     (province-year preset, truncated), as a child process under /usr/bin/time -v (peak RSS);
 *  3. compaction (`cli.ts compact`) time and Parquet bytes per million events;
 *  4. where the import's time goes: each stage of the per-event work timed in-process on a sample
 *     (CPU time of the thread, best of three), the stages it replaced beside them.
 *
 *   npx tsx bench/ingest.ts [--events 5000000] [--api-seconds 30] [--connections 4] [--sample 200000] [--fallback-events 1000000]
 *
 * Results: bench/results/ingest-<date>.json. The generated input is cached in the OS temp folder.
 * Loopback only. The figures depend on the machine and on what else runs on it: the load average
 * before and after is recorded with them.
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createGzip, gunzipSync, gzipSync } from "node:zlib";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import autocannon from "autocannon";
import { type CaseEventInput, UnitCatalog, caseEventSchema, validate } from "@scorecard/shared";
import { validateCaseEvent } from "@scorecard/shared/contracts/case-event-validator";
import { findJsonProblem } from "../functions/src/lib/json-guard.js";
import { HmacHasher } from "../functions/src/adapters/local/file-hasher.js";
import { DemoProvince, PRESETS } from "../functions/src/seed/generator.js";
import { RAW_GZIP, admitBlock, splitLines } from "../functions/src/use-cases/ingest/import-events.js";
import { instantMs, localDayOf } from "../functions/src/use-cases/ingest/instant.js";
import { toStoredEvent } from "../functions/src/use-cases/ingest/pseudonymise.js";

const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
const utf8Out = new TextEncoder();
/** The generated province is dated 2024–2025: the benchmark's source may post any date (the demo scopes allow 45 days). */
const BENCH_SOURCE_SCOPES = JSON.stringify({ "one-stop": { kinds: ["events", "complaints", "procedures"], units: ["*"], maxAgeDays: 36_500 } });

const REPO = fileURLToPath(new URL("../", import.meta.url));
const SEED = 2024;
const TOKEN = "bench-token";
const TARGET_IMPORT_EPS = 50_000;
const TARGET_RSS_BYTES = 2 * 1024 ** 3;

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "5000000" },
    "api-seconds": { type: "string", default: "30" },
    connections: { type: "string", default: "4" },
    sample: { type: "string", default: "200000" },
    "fallback-events": { type: "string", default: "1000000" },
    "skip-api": { type: "boolean", default: false },
    "skip-import": { type: "boolean", default: false },
  },
});
const EVENTS = Number(args.events);
const API_SECONDS = Number(args["api-seconds"]);
const CONNECTIONS = Number(args.connections);
const SAMPLE = Number(args.sample);

const sec = (ms: number) => Math.round(ms) / 1000;
const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;
const log = (s: string) => process.stderr.write(`${s}\n`);

// ------------------------------------------------------------------ input

/** DemoProvince, province-year preset, the first `n` events: NDJSON.gz, cached by seed and size. */
async function inputFile(n: number): Promise<{ path: string; generatedInS: number | null }> {
  const dir = join(tmpdir(), "scorecard-bench");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `province-year-s${SEED}-${n}.ndjson.gz`);
  if (existsSync(path)) return { path, generatedInS: null };
  log(`generating ${n.toLocaleString("en")} events → ${path} …`);
  const t = performance.now();
  const lines = (function* () {
    let i = 0;
    for (const e of new DemoProvince({ seed: SEED, ...PRESETS["province-year"] }).events()) {
      if (i++ >= n) return;
      yield `${JSON.stringify(e)}\n`;
    }
  })();
  await pipeline(Readable.from(lines), createGzip({ level: 6 }), createWriteStream(`${path}.partial`));
  renameSync(`${path}.partial`, path);
  return { path, generatedInS: sec(performance.now() - t) };
}

// ------------------------------------------------------------------ child processes

interface Timed {
  readonly code: number | null;
  readonly out: string;
  readonly wallS: number;
  readonly userS: number | null;
  readonly sysS: number | null;
  readonly maxRssBytes: number | null;
}

const hasGnuTime = existsSync("/usr/bin/time");

/** Run a tsx script as a child under /usr/bin/time -v (when present) and collect its figures. */
function runTimed(script: string, scriptArgs: string[], env: Record<string, string>): Promise<Timed> {
  const node = [process.execPath, "--import", "tsx", script, ...scriptArgs];
  const [cmd, ...argv] = hasGnuTime ? ["/usr/bin/time", "-v", ...node] : node;
  const t = performance.now();
  return new Promise((ok, fail) => {
    const child = spawn(cmd as string, argv, { cwd: REPO, env: { ...process.env, NODE_NO_WARNINGS: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.once("error", fail);
    child.once("exit", (code) => {
      const wallS = sec(performance.now() - t);
      const num = (re: RegExp) => {
        const m = re.exec(out);
        return m ? Number(m[1]) : null;
      };
      const rssKb = num(/Maximum resident set size \(kbytes\): (\d+)/);
      ok({ code, out, wallS, userS: num(/User time \(seconds\): ([\d.]+)/), sysS: num(/System time \(seconds\): ([\d.]+)/), maxRssBytes: rssKb === null ? null : rssKb * 1024 });
    });
  });
}

function freshDataDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `scorecard-bench-${name}-`));
  mkdirSync(join(dir, "lake", "curated"), { recursive: true }); // main.ts: no demo seeding
  return dir;
}

function bytesUnder(dir: string, suffix: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((sum, f) => {
    const p = join(dir, f);
    const s = statSync(p);
    return sum + (s.isDirectory() ? bytesUnder(p, suffix) : f.endsWith(suffix) ? s.size : 0);
  }, 0);
}

// ------------------------------------------------------------------ 1. the HTTP API

async function benchApi() {
  const dataDir = freshDataDir("api");
  const server = spawn(process.execPath, ["--import", "tsx", "functions/src/local/main.ts"], {
    cwd: REPO,
    env: { ...process.env, NODE_NO_WARNINGS: "1", SCORECARD_DATA_DIR: dataDir, PORT: "0", SCORECARD_SOURCE_TOKEN: TOKEN, SCORECARD_SOURCE_SCOPES: BENCH_SOURCE_SCOPES, SCORECARD_SCHEDULE_MS: "3600000", POWERTOOLS_LOG_LEVEL: "WARN" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  server.stdout.on("data", (d: Buffer) => (out += d.toString()));
  server.stderr.on("data", (d: Buffer) => (out += d.toString()));
  try {
    const until = Date.now() + 60_000;
    let base: string | undefined;
    while (!base) {
      base = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
      if (Date.now() > until || server.exitCode !== null) throw new Error(`server did not start:\n${out}`);
      await new Promise((ok) => setTimeout(ok, 25));
    }
    // 500 realistic events (the first of the province-year), re-identified per request.
    const template: CaseEventInput[] = [];
    for (const e of new DemoProvince({ seed: SEED, ...PRESETS["province-year"] }).events()) {
      template.push(e);
      if (template.length === 500) break;
    }
    let requestNo = 0;
    let accepted = 0;
    let otherResults = 0;
    const result = await autocannon({
      url: `${base}/v1/events`,
      connections: CONNECTIONS,
      duration: API_SECONDS,
      timeout: 60,
      requests: [
        {
          method: "POST",
          headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
          setupRequest: (req) => {
            const p = `B${++requestNo}`;
            return { ...req, body: JSON.stringify({ events: template.map((e) => ({ ...e, eventId: `${p}-${e.eventId}`, caseId: `${p}-${e.caseId}` })) }) };
          },
          onResponse: (status, body) => {
            if (status !== 200) return;
            const r = JSON.parse(body) as { accepted: number; results: unknown[] };
            accepted += r.accepted;
            otherResults += r.results.length - r.accepted;
          },
        },
      ],
    });
    return {
      connections: CONNECTIONS,
      durationS: result.duration,
      batchSize: 500,
      requests2xx: result["2xx"],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      acceptedEvents: accepted,
      notAcceptedResults: otherResults,
      eventsPerSecond: round(accepted / result.duration),
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      rawObjectBytes: bytesUnder(join(dataDir, "lake", "raw"), ".ndjson.gz"),
    };
  } finally {
    server.kill("SIGTERM");
    await new Promise((ok) => (server.exitCode !== null ? ok(null) : server.once("exit", ok)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ 2–3. bulk import and compaction

async function benchImportAndCompaction(input: string) {
  const dataDir = freshDataDir("import");
  try {
    log(`importing ${input} …`);
    const imp = await runTimed("functions/src/local/cli.ts", ["import", input], { SCORECARD_DATA_DIR: dataDir });
    if (imp.code !== 0) throw new Error(`import failed:\n${imp.out.slice(-2000)}`);
    const accepted = Number(/total: (\d+) accepted/.exec(imp.out)?.[1] ?? NaN);
    const rejected = Number(/accepted, (\d+) rejected/.exec(imp.out)?.[1] ?? NaN);
    return {
      import: {
        events: accepted,
        rejected,
        wallS: imp.wallS,
        userS: imp.userS,
        sysS: imp.sysS,
        eventsPerSecond: round(accepted / imp.wallS),
        peakRssBytes: imp.maxRssBytes,
        rawObjectBytes: bytesUnder(join(dataDir, "lake", "raw"), ".ndjson.gz"),
      },
      compaction: await benchCompaction(dataDir),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `cli.ts compact` over an imported data folder; a failure is a result too (recorded, not thrown). */
async function benchCompaction(dataDir: string) {
  log(`compacting …`);
  const compact = await runTimed("functions/src/local/cli.ts", ["compact"], { SCORECARD_DATA_DIR: dataDir });
  if (compact.code !== 0) {
    const error = /Error: ([^\n]+)/.exec(compact.out)?.[1] ?? compact.out.slice(-500);
    log(`compaction FAILED after ${compact.wallS} s: ${error}`);
    return { ok: false as const, error, wallS: compact.wallS, peakRssBytes: compact.maxRssBytes };
  }
  const curated = Number(/(\d+) distinct events/.exec(compact.out)?.[1] ?? NaN);
  const parquetBytes = bytesUnder(join(dataDir, "lake", "curated", "events"), ".parquet");
  const millions = curated / 1e6;
  return {
    ok: true as const,
    events: curated,
    wallS: compact.wallS,
    userS: compact.userS,
    secondsPerMillionEvents: round(compact.wallS / millions, 2),
    peakRssBytes: compact.maxRssBytes,
    parquetBytes,
    parquetBytesPerMillionEvents: Math.round(parquetBytes / millions),
    months: readdirSync(join(dataDir, "lake", "curated", "events")).length,
  };
}

// ------------------------------------------------------------------ 4. where the import's time goes

/**
 * Each stage of the import's per-event work on a sample, in the order the import runs them, block
 * by block (~512 KB of lines, as the import hands them to a worker) so that what a stage leaves
 * behind is as short-lived as in the import. Timed in CPU time (process.cpuUsage: a shared
 * machine's waiting is left out; the collector's threads are in), best of `rounds` after a
 * warm-up. The stages are the import's own functions; zod's validation is timed beside the
 * compiled one that replaced it, and gzip level 6 beside RAW_GZIP.
 */
async function importBreakdown(input: string, n: number, rounds = 3) {
  const all = gunzipSync(readFileSync(input));
  let end = 0;
  for (let k = 0; k < n && end >= 0; k++) end = all.indexOf(10, end) + 1 || -1;
  const bytes = all.subarray(0, end > 0 ? end : all.length);
  const blocks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; ) {
    const lf = i + 512 * 1024 >= bytes.length ? -1 : bytes.indexOf(10, i + 512 * 1024 - 1);
    const e = lf === -1 ? bytes.length : lf + 1;
    blocks.push(bytes.subarray(i, e));
    i = e;
  }
  const catalog = new UnitCatalog();
  const hasher = new HmacHasher(Buffer.alloc(32, 7));
  const deps = { hasher, clock: { now: () => new Date() }, isKnownUnit: (u: string, d: string) => catalog.isValidOn(u, d) };
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const STAGES = [
    "UTF-8 decode + split lines (32 KB slices)",
    "trim + JSON.parse",
    "duplicate-key / depth guard (findJsonProblem, counting keys)",
    "zod validate (caseEventSchema) — replaced",
    "compiled validate (validateCaseEvent, NFC)",
    "toStoredEvent (HMAC-SHA-256 pseudonym, UTC)",
    "clock-skew check + local day + unit catalog",
    "JSON.stringify",
    "join + UTF-8 encode (per 100 lines)",
    "SHA-256 (object key)",
    `gzip level ${RAW_GZIP.level}, memLevel ${RAW_GZIP.memLevel} (raw objects)`,
    "gzip level 6 — replaced",
  ] as const;
  const REPLACED = new Set<string>([STAGES[3], STAGES[11]]);
  let lineCount = 0;
  const pass = () => {
    const ms = new Map<string, number>(STAGES.map((s) => [s, 0]));
    let t = cpu();
    const lap = (stage: (typeof STAGES)[number]) => {
      const now = cpu();
      ms.set(stage, (ms.get(stage) as number) + now - t);
      t = now;
    };
    lineCount = 0;
    for (const block of blocks) {
      t = cpu();
      const lines: string[] = [];
      for (let i = 0; i < block.length; ) {
        const lf = i + 32 * 1024 >= block.length ? -1 : block.indexOf(10, i + 32 * 1024 - 1);
        const e = lf === -1 ? block.length : lf + 1;
        for (const l of splitLines(utf8.decode(block.subarray(i, e)))) lines.push(l);
        i = e;
      }
      lineCount += lines.length;
      lap(STAGES[0]);
      const parsed = lines.map((l) => JSON.parse(l.trim()) as unknown);
      lap(STAGES[1]);
      lines.forEach((l, i) => findJsonProblem(l, 32, parsed[i]));
      lap(STAGES[2]);
      parsed.forEach((p) => validate(caseEventSchema, p));
      lap(STAGES[3]);
      const values = parsed.map((p) => validateCaseEvent(p)).flatMap((v) => (v.ok ? [v.value] : []));
      lap(STAGES[4]);
      const stored = values.map((v) => toStoredEvent(v, hasher));
      lap(STAGES[5]);
      for (const e of stored) {
        const d = localDayOf(instantMs(e.occurredAt));
        catalog.isValidOn(e.unitId, d);
        if (e.targetUnitId) catalog.isValidOn(e.targetUnitId, d);
      }
      lap(STAGES[6]);
      const json = stored.map((e) => JSON.stringify(e));
      lap(STAGES[7]);
      const parts: Uint8Array[] = [];
      for (let i = 0; i < json.length; i += 100) parts.push(utf8Out.encode(`${json.slice(i, i + 100).join("\n")}\n`));
      lap(STAGES[8]);
      const h = createHash("sha256");
      for (const p of parts) h.update(p);
      h.digest("hex");
      lap(STAGES[9]);
      const body = Buffer.concat(parts);
      t = cpu();
      gzipSync(body, RAW_GZIP);
      lap(STAGES[10]);
      gzipSync(body);
      lap(STAGES[11]);
    }
    return ms;
  };
  pass(); // warm-up
  const best = new Map<string, number>();
  for (let r = 0; r < rounds; r++) for (const [k, v] of pass()) best.set(k, Math.min(best.get(k) ?? Infinity, v));
  // gunzip of the input, and the real function end to end (gunzip, hashing and gzip excluded) as a cross-check of the sum.
  const minOf = (f: () => void) => {
    let m = Infinity;
    for (let r = 0; r < rounds; r++) {
      const t0 = cpu();
      f();
      m = Math.min(m, cpu() - t0);
    }
    return m;
  };
  const gz = readFileSync(input);
  const gunzipMs = (minOf(() => gunzipSync(gz)) * bytes.length) / all.length;
  const admitMs = minOf(() => blocks.forEach((b) => admitBlock(b, 1, deps)));
  const perStage = [{ stage: "gunzip (input, level 6)", ms: gunzipMs }, ...STAGES.map((stage) => ({ stage, ms: best.get(stage) as number }))].map((s) => ({
    stage: s.stage,
    replaced: REPLACED.has(s.stage),
    microsPerEvent: round((s.ms * 1000) / lineCount, 2),
  }));
  const total = perStage.filter((s) => !s.replaced).reduce((a, s) => a + s.microsPerEvent, 0);
  const sampleBody = Buffer.concat(blocks.slice(0, 4));
  return {
    sampleEvents: lineCount,
    clock: `CPU time of the process (process.cpuUsage), best of ${rounds}, block by block`,
    stages: perStage.map((s) => ({ ...s, share: s.replaced ? "(replaced)" : `${round((100 * s.microsPerEvent) / total)} %` })),
    totalMicrosPerEvent: round(total, 2),
    impliedSingleCoreEventsPerSecond: Math.round(1e6 / total),
    admitBlockMicrosPerEvent: round((admitMs * 1000) / lineCount, 2),
    /** Raw-object bytes per input byte (a sample of the input's own lines, about the stored events' size). */
    gzipRatio: { [`level${RAW_GZIP.level}`]: round(gzipSync(sampleBody, RAW_GZIP).length / sampleBody.length, 4), level6: round(gzipSync(sampleBody).length / sampleBody.length, 4) },
  };
}

// ------------------------------------------------------------------ main

const started = new Date();
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  totalMemoryBytes: totalmem(),
  node: process.version,
  loadAverageAtStart: loadavg().map((l) => round(l, 2)),
  commit: (() => {
    try {
      return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO }).toString().trim();
    } catch {
      return null;
    }
  })(),
};

const input = await inputFile(EVENTS);
const api = args["skip-api"] ? null : (log(`API: ${API_SECONDS} s, ${CONNECTIONS} connections, 500 events per request …`), await benchApi());
const bulk = args["skip-import"] ? null : await benchImportAndCompaction(input.path);
// When the full-size compaction fails, the per-million figures come from a smaller run that works.
const fallbackEvents = Number(args["fallback-events"]);
const fallback =
  bulk && !bulk.compaction.ok && fallbackEvents < EVENTS
    ? (log(`compaction of ${EVENTS.toLocaleString("en")} events failed; measuring compaction on ${fallbackEvents.toLocaleString("en")} events`),
      await benchImportAndCompaction((await inputFile(fallbackEvents)).path))
    : null;
log(`profiling the import's per-event work on ${SAMPLE.toLocaleString("en")} events …`);
const breakdown = await importBreakdown(input.path, SAMPLE);

const results = {
  benchmark: "ingest",
  startedAt: started.toISOString(),
  finishedAt: new Date().toISOString(),
  command: `npx tsx bench/ingest.ts ${process.argv.slice(2).join(" ")}`.trim(),
  machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => round(l, 2)) },
  input: { path: input.path, events: EVENTS, bytes: statSync(input.path).size, preset: "province-year", seed: SEED, generatedInS: input.generatedInS },
  targets: { importEventsPerSecond: TARGET_IMPORT_EPS, importPeakRssBytes: TARGET_RSS_BYTES },
  api,
  bulk,
  compactionFallback: fallback,
  importBreakdown: breakdown,
  verdict: bulk && {
    importThroughputMeetsTarget: bulk.import.eventsPerSecond >= TARGET_IMPORT_EPS,
    importMemoryMeetsTarget: bulk.import.peakRssBytes === null ? null : bulk.import.peakRssBytes <= TARGET_RSS_BYTES,
  },
};

mkdirSync(join(REPO, "bench", "results"), { recursive: true });
const out = join(REPO, "bench", "results", `ingest-${started.toISOString().slice(0, 10)}.json`);
// A results file is committed: no path of the machine that ran it (the checkout, its temp folder).
const portable = (text: string) => text.split(REPO.replace(/\/$/, "")).join("<repo>").split(tmpdir()).join("<tmp>");
writeFileSync(out, `${portable(JSON.stringify(results, null, 2))}\n`);

const mb = (b: number | null | undefined) => (b === null || b === undefined ? "n/a" : `${round(b / 1024 ** 2, 1)} MB`);
const rows: Record<string, string>[] = [];
if (api) {
  rows.push({ figure: "API events/s (POST /v1/events, 500/batch)", value: api.eventsPerSecond.toLocaleString("en"), note: `${CONNECTIONS} conn, p50 ${api.latencyMs.p50} ms, p99 ${api.latencyMs.p99} ms, non-2xx ${api.non2xx}, errors ${api.errors}` });
}
if (bulk) {
  rows.push({ figure: "Bulk import events/s", value: bulk.import.eventsPerSecond.toLocaleString("en"), note: `${bulk.import.events.toLocaleString("en")} events in ${bulk.import.wallS} s (target ≥ ${TARGET_IMPORT_EPS.toLocaleString("en")})` });
  rows.push({ figure: `Import peak RSS (${(bulk.import.events / 1e6).toFixed(1)} M events)`, value: mb(bulk.import.peakRssBytes), note: "target ≤ 2 GB" });
  const c = bulk.compaction;
  if (!c.ok) rows.push({ figure: `Compaction of ${(bulk.import.events / 1e6).toFixed(1)} M events`, value: "FAILED", note: `${c.error.slice(0, 80)} (after ${c.wallS} s, RSS ${mb(c.peakRssBytes)})` });
  for (const [label, run] of [["", bulk], [" (fallback)", fallback]] as const) {
    const k = run?.compaction;
    if (!run || !k?.ok) continue;
    rows.push({ figure: `Compaction s per million events${label}`, value: String(k.secondsPerMillionEvents), note: `${k.wallS} s for ${k.events.toLocaleString("en")} events, peak RSS ${mb(k.peakRssBytes)}` });
    rows.push({ figure: `Parquet bytes per million events${label}`, value: mb(k.parquetBytesPerMillionEvents), note: `${mb(k.parquetBytes)} total in ${k.months} months (zstd)` });
  }
}
rows.push({ figure: "Import per-event CPU (sum of stages)", value: `${breakdown.totalMicrosPerEvent} µs`, note: `≈ ${breakdown.impliedSingleCoreEventsPerSecond.toLocaleString("en")} events/s on one core; admitBlock alone ${breakdown.admitBlockMicrosPerEvent} µs` });
for (const s of breakdown.stages) rows.push({ figure: `  ${s.stage}`, value: `${s.microsPerEvent} µs`, note: s.share });
console.table(rows);
console.log(`load average at start ${machine.loadAverageAtStart.join(" ")}, at end ${results.machine.loadAverageAtEnd.join(" ")} (${machine.cpus} CPUs)`);
console.log(`results: ${out}`);
