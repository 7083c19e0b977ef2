import { InvalidJobInputError, type JobLog, type RunLock } from "./job-kit.js";

export type { RunLock };

export interface EventCompactionSummary {
  /** Raw objects not yet compacted when the run started, compacted by it, and left for the next run (out of time). */
  readonly pending: number;
  readonly compacted: number;
  readonly left: number;
}

/** Case events: raw/ → curated_events (Athena in the cloud). */
export interface EventCompaction {
  compact(): Promise<EventCompactionSummary>;
}

/** Complaint and catalog versions → their latest state. */
export interface RecordCompaction {
  compact(): Promise<object>;
}

export interface CompactJobDeps<L> {
  readonly events: EventCompaction;
  readonly records: RecordCompaction;
  readonly lock: RunLock<L>;
}

export type CompactJobSummary =
  | { readonly skipped: "another compaction is running" }
  | { readonly events: EventCompactionSummary; readonly records: object };

/** Events or records could not be compacted; what could be was. Thrown so that Lambda retries the run and then dead-letters it. */
export class CompactionFailedError extends Error {
  override readonly name = "CompactionFailedError";
  constructor(readonly failures: readonly { readonly part: "events" | "records"; readonly error: unknown }[]) {
    super(`compaction failed: ${failures.map((f) => `${f.part} (${(f.error as Error)?.message ?? String(f.error)})`).join("; ")}`);
  }
}

/**
 * The scheduled compaction run: take the lock (if another run holds it, that run does the work:
 * skip), compact the case events and the complaint and catalog records (one failing does not stop
 * the other), release the lock, and throw if either failed. Nothing is lost or counted twice on a
 * retry: each part records a raw object as done only after its data is in, and re-inserting a raw
 * object deduplicates by eventId (events) or merges to the same latest state (records).
 */
export const compactJob =
  <L>(deps: CompactJobDeps<L>, log: JobLog = () => undefined) =>
  async (input: { readonly job?: unknown } | null | undefined, owner: string): Promise<CompactJobSummary> => {
    if (input !== null && input !== undefined && (typeof input !== "object" || Array.isArray(input))) {
      throw new InvalidJobInputError(`the compaction job takes an object such as {"job":"compact"}, not ${JSON.stringify(input)}`);
    }
    if (input?.job !== undefined && input.job !== "compact") throw new InvalidJobInputError(`job "${String(input.job)}" sent to the compaction job`);
    const lease = await deps.lock.acquire(owner);
    if (lease === undefined) {
      log("warn", "another compaction holds the lock: skipping this run", { owner });
      return { skipped: "another compaction is running" };
    }
    const failures: { part: "events" | "records"; error: unknown }[] = [];
    let events: EventCompactionSummary = { pending: 0, compacted: 0, left: 0 };
    let records: object = {};
    try {
      try {
        events = await deps.events.compact();
        log(events.left > 0 ? "warn" : "info", events.left > 0 ? "events compacted in part: the rest is left for the next run" : "events compacted", { ...events });
      } catch (error) {
        failures.push({ part: "events", error });
        log("error", "event compaction failed", { error: (error as Error)?.message ?? String(error) });
      }
      try {
        records = await deps.records.compact();
        log("info", "records compacted", { ...records });
      } catch (error) {
        failures.push({ part: "records", error });
        log("error", "record compaction failed", { error: (error as Error)?.message ?? String(error) });
      }
    } finally {
      // A lease that cannot be released expires on its own; the work is done either way.
      await deps.lock.release(lease).catch((error: unknown) => log("warn", "could not release the compaction lock", { error: (error as Error)?.message ?? String(error) }));
    }
    if (failures.length > 0) throw new CompactionFailedError(failures);
    return { events, records };
  };
