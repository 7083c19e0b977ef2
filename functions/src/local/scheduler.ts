import { scoreAndRatePeriods } from "../use-cases/jobs/score-run.js";
import { parsePeriod } from "@scorecard/shared";
import { scheduledPeriodIds } from "@scorecard/shared/time/current-periods";
import { compactLake } from "../adapters/local/duckdb-compactor.js";
import { compactRecords } from "../adapters/local/duckdb-record-compactor.js";
import { stalePeriods, withStale } from "../use-cases/score/scored-inputs.js";
import type { LocalRuntime } from "./runtime.js";

/**
 * The local stand-in for EventBridge Scheduler: every interval, compact the raw batches that
 * arrived and re-score the current month, quarter, half-year and year (and, on the first day of
 * one, those that just ended) and the scored periods late events reached, each with its
 * head-of-unit ratings and reform index. Runs never overlap.
 */
export function startScheduler(rt: LocalRuntime, options: { intervalMs?: number; log: (l: string) => void }) {
  const interval = options.intervalMs ?? Number(process.env["SCORECARD_SCHEDULE_MS"] ?? 300_000);
  let running = false;
  let stopping = false;
  let lastRawCount = -1;
  /** The raw objects received so far: a tick has work when their number changed. */
  const rawObjects = async () => (await rt.lake.list("raw/")).length + (await rt.lake.list("raw-complaints/")).length + (await rt.lake.list("raw-procedures/")).length;
  const work = async () => {
    running = true;
    try {
      const raw = await rawObjects();
      if (raw === lastRawCount) return;
      lastRawCount = raw;
      if (stopping) return;
      await compactLake(rt.engine, rt.lake.root);
      await compactRecords(rt.engine, rt.lake.root);
      if (stopping) return;
      // The current periods in Viet Nam time, and yesterday's (the cloud job's rule, shared/src/time/current-periods.ts),
      // then the scored periods that late events reached (../use-cases/scored-inputs.ts).
      const stale = await stalePeriods(rt.score);
      const periods = withStale(scheduledPeriodIds(new Date()).map(parsePeriod), stale);
      // A stop asked for ends the run before its next period (the engine is closed next); the
      // periods left are redone at the next start's first tick (they are stale).
      await scoreAndRatePeriods(rt.score, rt.admin)(periods, { stopWhen: () => stopping });
      if (stopping) return;
      options.log(`[scheduler] compacted ${raw} raw objects and re-scored the current periods${stale.length > 0 ? ` and ${stale.map((p) => p.id).join(", ")} (late events)` : ""}`);
    } catch (e) {
      lastRawCount = -1; // a failed run is redone at the next tick, even if no new data arrives
      options.log(`[scheduler] run failed: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  // The tick in flight: a stop waits for it (a run still using the engine when the process closes
  // it kept DuckDB's exit waiting forever).
  let inFlight: Promise<void> = Promise.resolve();
  const tick = (): Promise<void> => {
    if (!running && !stopping) inFlight = work();
    return inFlight;
  };
  const timer = setInterval(() => void tick(), interval);
  timer.unref();
  // The first run only records the current state (seeding already compacted and scored), unless
  // scored periods are stale: a run stopped before it scored them (a Ctrl-C) is then redone.
  // (When that cannot be read, the first tick runs.)
  const ready = (async () => {
    const raw = await rawObjects();
    if ((await stalePeriods(rt.score)).length === 0) lastRawCount = raw;
  })().catch(() => undefined);
  /** No new tick; resolves when the one in flight has ended (before its next period). */
  const stop = async (): Promise<void> => {
    stopping = true;
    clearInterval(timer);
    await inFlight;
  };
  return { stop, tick, ready };
}
