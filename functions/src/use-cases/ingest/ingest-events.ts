import type { EventResult, IngestResponse } from "@scorecard/shared/contracts/ingest";
import type { NewId } from "../../ports/runtime.js";
import type { Lake } from "../../ports/lake.js";
import type { EventStore } from "../../ports/ingest.js";
import { gzipSync } from "node:zlib";
import { rawBatchKey } from "@scorecard/shared/lake/layout";
import type { StoredCaseEvent } from "@scorecard/shared";
import { type SourceScope, outOfScope } from "@scorecard/shared/contracts/source-scope";
import { contentHash } from "../../lib/canonical.js";
import { type AdmitDeps, admitEvent } from "./admit-event.js";

/** The wire shapes of a batch's answer (shared/src/contracts/ingest.ts). */
export type { EventResult, IngestResponse };
export { admitEvent, MAX_CLOCK_SKEW_MS } from "./admit-event.js";
export type EventResultStatus = EventResult["status"];

export interface IngestDeps extends AdmitDeps {
  readonly store: EventStore;
  readonly lake: Lake;
  /** A new unique id (the batch's raw object name). */
  readonly newId: NewId;
  /** Called after a batch is stored (the local runtime drains the case-state outbox then). */
  readonly onStored?: () => void;
}

const eventIdOf = (raw: unknown): string | null =>
  raw !== null && typeof raw === "object" && typeof (raw as { eventId?: unknown }).eventId === "string"
    ? ((raw as { eventId: string }).eventId.slice(0, 128))
    : null;

/** Events claimed per store call; the time left is checked before each. */
export const CLAIM_CHUNK = 100;
/**
 * No new chunk is started with less than this left before the request's deadline: what remains
 * (the raw object, the answer) must fit, with margin for a busy machine. API Gateway and the local
 * server give a request 30 s, so a batch claims for at most ~20 s.
 */
export const DEADLINE_RESERVE_MS = 10_000;

export interface IngestOptions {
  /** The request's time left in ms (Lambda's context.getRemainingTimeInMillis); no deadline if absent. */
  readonly remainingMs?: () => number;
  /** The posting source's scope: events of other units, or dated too far back, are rejected one by one. */
  readonly scope?: SourceScope;
}

const retryResult = (eventId: string, index: number): EventResult => ({
  eventId,
  index,
  status: "retry",
  code: "NOT_STORED_RETRY",
  message: `eventId "${eventId}" was not stored: the batch ran out of time; send it again`,
});

/**
 * Ingest a batch: each event is validated on its own; valid ones are stored once by eventId and
 * written, as one raw object, to the lake. Before anything is claimed the batch records that its
 * raw object is due (a crash after the claims leaves the record for reconcileLake). Chunks are
 * claimed while time is left; the events of chunks not started are answered `retry` (never a 5xx
 * for stored work). A storage failure throws (the caller answers 5xx, and the whole batch is safe
 * to retry: stored events come back as duplicates and are re-written).
 */
export const ingestEvents =
  (deps: IngestDeps) =>
  async (rawEvents: readonly unknown[], options: IngestOptions = {}): Promise<IngestResponse> => {
    const results: EventResult[] = new Array(rawEvents.length);
    const admitted: { index: number; event: StoredCaseEvent }[] = [];
    const now = deps.clock.now();
    rawEvents.forEach((raw, index) => {
      const r = admitEvent(raw, deps);
      const refusal = !r.ok ? r : options.scope && outOfScope(options.scope, r.event, now);
      if (refusal) results[index] = { eventId: eventIdOf(raw), index, status: "rejected", code: refusal.code, message: refusal.message };
      else if (r.ok) admitted.push({ index, event: r.event });
    });

    // The same eventId twice in one batch: only the first goes to the store; later copies are
    // duplicates of it (same content) or conflicts (other content), never a second acceptance.
    const first = new Map<string, { event: StoredCaseEvent; hash: string }>();
    const unique: StoredCaseEvent[] = [];
    for (const { event } of admitted) {
      if (!first.has(event.eventId)) {
        first.set(event.eventId, { event, hash: contentHash(event) });
        unique.push(event);
      }
    }

    const batchId = `${now.toISOString().replace(/[-:.]/g, "")}-${deps.newId()}`;
    const key = rawBatchKey("events", now.toISOString().slice(0, 10), batchId);
    if (unique.length > 0) await deps.store.markLakePending({ batchId, key, eventIds: unique.map((e) => e.eventId), at: now.toISOString() });

    const outcomeOf = new Map<string, EventResultStatus>();
    for (let i = 0; i < unique.length; i += CLAIM_CHUNK) {
      const chunk = unique.slice(i, i + CLAIM_CHUNK);
      if (options.remainingMs && options.remainingMs() < DEADLINE_RESERVE_MS) break;
      const outcomes = await deps.store.putEvents(chunk, batchId);
      chunk.forEach((e, k) => outcomeOf.set(e.eventId, outcomes[k] ?? "conflict"));
    }

    const toLake: StoredCaseEvent[] = [];
    for (const { index, event } of admitted) {
      const head = first.get(event.eventId) as { event: StoredCaseEvent; hash: string };
      let status = outcomeOf.get(event.eventId) ?? "retry";
      if (head.event !== event && status !== "retry") status = status !== "conflict" && contentHash(event) === head.hash ? "duplicate" : "conflict";
      results[index] =
        status === "conflict"
          ? { eventId: event.eventId, index, status, code: "EVENT_ID_CONFLICT", message: `eventId "${event.eventId}" is already stored with different content` }
          : status === "retry"
            ? retryResult(event.eventId, index)
            : { eventId: event.eventId, index, status };
      if (head.event === event && (status === "accepted" || status === "duplicate")) toLake.push(event);
    }

    if (toLake.length > 0) await deps.lake.put(key, gzipSync(toLake.map((e) => JSON.stringify(e)).join("\n") + "\n"));
    if (unique.length > 0) await deps.store.clearLakePending(batchId);
    deps.onStored?.();
    const count = (s: EventResultStatus) => results.filter((r) => r.status === s).length;
    return {
      results,
      accepted: count("accepted"),
      duplicates: count("duplicate"),
      conflicts: count("conflict"),
      rejected: count("rejected"),
      retry: count("retry"),
      batchId: toLake.length > 0 ? batchId : null,
    };
  };
