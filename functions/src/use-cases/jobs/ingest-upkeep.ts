import type { Clock } from "../../ports/runtime.js";
import type { Lake } from "../../ports/lake.js";
import type { CaseStateOutbox, EventStore } from "../../ports/ingest.js";
import { type ReconcileReport, reconcileLake } from "../ingest/reconcile-lake.js";

export interface IngestUpkeepDeps {
  readonly store: EventStore & CaseStateOutbox;
  readonly lake: Lake;
  readonly clock: Clock;
}

export interface IngestUpkeepSummary {
  /** Cases whose live state and early-warning rows were re-derived. */
  readonly casesRederived: number;
  /** Cases still queued when the time budget ran out (the next run goes on). */
  readonly casesLeft: number;
  /** Seconds the oldest queued case had waited when the run started (the warnings' lag). */
  readonly oldestWaitS: number | null;
  readonly reconciled: ReconcileReport;
}

/** A batch record younger than this may belong to a request still running (API Gateway's 30 s, with margin). */
export const RECONCILE_MIN_AGE_MS = 120_000;

/**
 * Ingestion's upkeep on AWS (a scheduled function, every minute): drain the case-state outbox the
 * ingest function fills (so the early warnings lag the answers by at most a minute and a drain),
 * then write to the lake the raw objects of batches cut short by a crash (reconcileLake). Locally
 * the runtime does both itself (after each batch, and on start).
 */
export const ingestUpkeep =
  (deps: IngestUpkeepDeps) =>
  async (budgetMs: () => number): Promise<IngestUpkeepSummary> => {
    const before = await deps.store.outboxBacklog();
    const oldestWaitS = before.oldest === null ? null : Math.round((deps.clock.now().getTime() - Date.parse(before.oldest)) / 1000);
    let casesRederived = 0;
    while (budgetMs() > 15_000) {
      const n = await deps.store.drainOutbox(500);
      casesRederived += n;
      if (n === 0) break;
    }
    const reconciled = await reconcileLake(deps)(RECONCILE_MIN_AGE_MS);
    return { casesRederived, casesLeft: (await deps.store.outboxBacklog()).cases, oldestWaitS, reconciled };
  };
