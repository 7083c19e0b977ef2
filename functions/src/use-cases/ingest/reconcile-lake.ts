import type { Clock } from "../../ports/runtime.js";
import type { Lake } from "../../ports/lake.js";
import type { CaseStateOutbox, EventStore } from "../../ports/ingest.js";
import { gzipSync } from "node:zlib";

export interface ReconcileDeps {
  readonly store: EventStore & Pick<CaseStateOutbox, "requeueEvents">;
  readonly lake: Lake;
  readonly clock: Clock;
}

export interface ReconcileReport {
  /** Batches whose raw object was due. */
  readonly batches: number;
  /** Raw objects written now (they were missing). */
  readonly written: number;
  /** Events those objects carry (claimed by their batch, so in DynamoDB but not yet in the lake). */
  readonly events: number;
}

/**
 * Events acknowledged into DynamoDB but missing from the lake (a crash between the claims and the
 * raw object) are written to the lake exactly once: a batch records its raw object's key before it
 * claims anything and clears the record after writing it; a record still there older than
 * `minAgeMs` belongs to a batch that died. The events its batch claimed (their guard carries its
 * batchId) are written under the same key — only if the object is missing, so an object written
 * just before the crash is not written twice — and they are listed in their cases again (the batch
 * may have died before its case lists) and the cases queued for re-derivation.
 * Run on start (no request in flight: `minAgeMs` 0) and on a schedule.
 */
export const reconcileLake =
  (deps: ReconcileDeps) =>
  async (minAgeMs: number): Promise<ReconcileReport> => {
    const before = new Date(deps.clock.now().getTime() - minAgeMs).toISOString();
    const due = await deps.store.lakePending(before);
    let written = 0;
    let events = 0;
    for (const p of due) {
      const claimed = (await deps.store.storedEvents(p.eventIds)).filter((s) => s.batchId === p.batchId).map((s) => s.event);
      if (claimed.length > 0 && (await deps.lake.get(p.key)) === undefined) {
        await deps.lake.put(p.key, gzipSync(claimed.map((e) => JSON.stringify(e)).join("\n") + "\n"));
        written++;
        events += claimed.length;
      }
      if (claimed.length > 0) await deps.store.requeueEvents(claimed, `reconcile-${p.batchId}`);
      await deps.store.clearLakePending(p.batchId);
    }
    return { batches: due.length, written, events };
  };
