/**
 * Issue 21, API ingest: the CPU a 500-event batch costs the store, in one process — the local
 * runtime (dynalite on its worker thread, as `npm start` runs it) without HTTP, JSON parsing or the
 * load generator, so that the figure depends little on what else loads the machine:
 *
 *   npx tsx bench/ingest-inprocess.ts [--batches 40] [--streams 4] [--repo DIR] [--days 2025-01|week]
 *
 * Posts `batches` batches of 500 events (the bench's template: the first 500 events of the
 * province-year preset, ids made unique per batch as bench/step.ts does) through `ingestEvents`,
 * `streams` at a time, then waits for the outbox drain. Prints the process CPU (all threads:
 * dynalite's included) per event for answering and for answering + draining, the wall time, the
 * batch latencies and the DynamoDB calls per batch by command. `--repo`: run another checkout's
 * code (before/after on the same machine minutes apart). `--days week`: the dossiers received in the
 * week before the run instead (a source's real traffic; as `npm run bench -- --api-days week`). Add
 * `node --cpu-prof` through NODE_OPTIONS for a profile.
 */
import { loadavg, tmpdir } from "node:os";
import { mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { postedDaysOf, postedRange, sourceBatch } from "./lib.js";

const { values: args } = parseArgs({
  options: {
    batches: { type: "string", default: "40" },
    streams: { type: "string", default: "4" },
    repo: { type: "string", default: resolve(import.meta.dirname, "..") },
    days: { type: "string", default: "2025-01" },
  },
});
const days = postedDaysOf(args.days, "--days");
const repo = resolve(args.repo);
const batches = Number(args.batches);
const streams = Number(args.streams);
const load = async <T>(p: string): Promise<T> => (await import(pathToFileURL(join(repo, p)).href)) as T;

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const { LocalRuntime, SOURCE_SYSTEMS } = await load<Any>("functions/src/local/runtime.ts");
const { ingestEvents } = await load<Any>("functions/src/use-cases/ingest/ingest-events.ts");
const { DemoProvince } = await load<Any>("functions/src/seed/generator.ts");

const template: Any[] = sourceBatch<Any>(DemoProvince, 2024, postedRange(days));
const dataDir = mkdtempSync(join(tmpdir(), "scorecard-ingest-inprocess-"));
const scopes = Object.fromEntries((SOURCE_SYSTEMS as string[]).map((s) => [s, { kinds: ["events"], units: ["*"], maxAgeDays: 36_500 }]));
const rt = await LocalRuntime.start({ dataDir, persist: false, sourceToken: "t", sourceScopes: scopes });

// DynamoDB calls by command (the SDK client's middleware sees every call, retries included).
const calls = new Map<string, number>();
rt.dynamoClient.middlewareStack.add(
  (next: Any, context: Any) => async (a: Any) => {
    calls.set(context.commandName, (calls.get(context.commandName) ?? 0) + 1);
    return next(a);
  },
  { step: "initialize", name: "countCalls" },
);

const ingest = ingestEvents(rt.ingest);
const batchOf = (n: number) => template.map((e) => ({ ...e, eventId: `B${n}-${e.eventId}`, caseId: `B${n}-${e.caseId}` }));
// Warm-up: two batches, drained, not counted.
for (let n = 0; n < 2; n++) await ingest(batchOf(-1 - n));
await rt.outboxIdle();
calls.clear();

const latencies: number[] = [];
let accepted = 0;
let next = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await Promise.all(
  Array.from({ length: streams }, async () => {
    while (next < batches) {
      const n = next++;
      const s = performance.now();
      const r = await ingest(batchOf(n));
      latencies.push(performance.now() - s);
      accepted += r.accepted;
    }
  }),
);
const answeredMs = performance.now() - t0;
const cpuAnswered = process.cpuUsage(cpu0);
await rt.outboxIdle();
const drainedMs = performance.now() - t0;
const cpuAll = process.cpuUsage(cpu0);
await rt.stop();
rmSync(dataDir, { recursive: true, force: true });

const us = (c: { user: number; system: number }) => c.user + c.system;
latencies.sort((a, b) => a - b);
const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] as number);
console.log(
  JSON.stringify(
    {
      repo,
      batches,
      streams,
      accepted,
      answeredS: +(answeredMs / 1000).toFixed(2),
      drainedS: +(drainedMs / 1000).toFixed(2),
      eventsPerSecondAnswered: Math.round(accepted / (answeredMs / 1000)),
      eventsPerSecondDrained: Math.round(accepted / (drainedMs / 1000)),
      cpuUsPerEventAnswering: Math.round(us(cpuAnswered) / accepted),
      cpuUsPerEventWithDrain: Math.round(us(cpuAll) / accepted),
      cpuSPerBatchWithDrain: +(us(cpuAll) / 1e6 / batches).toFixed(3),
      batchMs: { p50: pct(50), p99: pct(99), max: Math.round(latencies.at(-1) as number) },
      callsPerBatch: Object.fromEntries([...calls].sort().map(([k, v]) => [k, +(v / batches).toFixed(1)])),
      loadAverage: loadavg().map((l) => +l.toFixed(2)),
    },
    null,
    1,
  ),
);
