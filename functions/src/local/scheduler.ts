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
  let lastRawCount = -1;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const raw = (await rt.lake.list("raw/")).length + (await rt.lake.list("raw-complaints/")).length + (await rt.lake.list("raw-procedures/")).length;
      if (raw === lastRawCount) return;
      lastRawCount = raw;
      await compactLake(rt.engine, rt.lake.root);
      await compactRecords(rt.engine, rt.lake.root);
      // The current periods in Viet Nam time, and yesterday's (the cloud job's rule, shared/src/time/current-periods.ts),
      // then the scored periods that late events reached (../use-cases/scored-inputs.ts).
      const stale = await stalePeriods(rt.score);
      const periods = withStale(scheduledPeriodIds(new Date()).map(parsePeriod), stale);
      await scoreAndRatePeriods(rt.score, rt.admin)(periods);
      options.log(`[scheduler] compacted ${raw} raw objects and re-scored the current periods${stale.length > 0 ? ` and ${stale.map((p) => p.id).join(", ")} (late events)` : ""}`);
    } catch (e) {
      lastRawCount = -1; // a failed run is redone at the next tick, even if no new data arrives
      options.log(`[scheduler] run failed: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), interval);
  timer.unref();
  // The first run only records the current state; seeding already compacted and scored.
  const ready = rt.lake.list("raw/").then((l) => {
    lastRawCount = l.length;
  });
  return { stop: () => clearInterval(timer), tick, ready };
}
