import { localDateOf, parsePeriod } from "@scorecard/shared";
import { compactLake } from "../adapters/local/duckdb-compactor.js";
import { compactRecords } from "../adapters/local/duckdb-record-compactor.js";
import { scorePeriod } from "../use-cases/score-period.js";
import type { LocalRuntime } from "./runtime.js";

/**
 * The local stand-in for EventBridge Scheduler: every interval, compact the raw batches that
 * arrived and re-score the current month, quarter, half-year and year. Runs never overlap.
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
      // The current periods in Viet Nam time: at 00:30 on the 1st (UTC+7) the month has changed.
      const today = localDateOf(new Date());
      const y = Number(today.slice(0, 4));
      const month = Number(today.slice(5, 7));
      const m = String(month).padStart(2, "0");
      const q = Math.ceil(month / 3);
      const h = month <= 6 ? 1 : 2;
      for (const id of [`${y}-${m}`, `${y}-Q${q}`, `${y}-H${h}`, String(y)]) await scorePeriod(rt.score)(parsePeriod(id));
      options.log(`[scheduler] compacted ${raw} raw objects and re-scored the current periods`);
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
  void rt.lake.list("raw/").then((l) => (lastRawCount = l.length));
  return { stop: () => clearInterval(timer), tick };
}
