import type { EventResult, IngestResponse } from "@scorecard/shared/contracts/ingest";
import type { NewId } from "../../ports/runtime.js";
import type { Lake } from "../../ports/lake.js";
import type { EventStore } from "../../ports/ingest.js";
import { gzipSync } from "node:zlib";
import { rawBatchKey } from "@scorecard/shared/lake/layout";
import type { StoredCaseEvent } from "@scorecard/shared";
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
}

const eventIdOf = (raw: unknown): string | null =>
  raw !== null && typeof raw === "object" && typeof (raw as { eventId?: unknown }).eventId === "string"
    ? ((raw as { eventId: string }).eventId.slice(0, 128))
    : null;

/**
 * Ingest a batch: each event is validated on its own; valid ones are stored once by eventId and
 * written, as one raw object, to the lake. Any storage failure throws (the caller answers 5xx,
 * and the whole batch is safe to retry: stored events come back as duplicates and are re-written).
 */
export const ingestEvents =
  (deps: IngestDeps) =>
  async (rawEvents: readonly unknown[]): Promise<IngestResponse> => {
    const results: EventResult[] = new Array(rawEvents.length);
    const admitted: { index: number; event: StoredCaseEvent }[] = [];
    rawEvents.forEach((raw, index) => {
      const r = admitEvent(raw, deps);
      if (!r.ok) {
        results[index] = { eventId: eventIdOf(raw), index, status: "rejected", code: r.code, message: r.message };
        return;
      }
      admitted.push({ index, event: r.event });
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
    const outcomes = await deps.store.putEvents(unique);
    const outcomeOf = new Map(unique.map((e, i) => [e.eventId, outcomes[i] ?? "conflict"]));
    const toLake: StoredCaseEvent[] = [];
    for (const { index, event } of admitted) {
      const head = first.get(event.eventId) as { event: StoredCaseEvent; hash: string };
      let status: EventResultStatus = outcomeOf.get(event.eventId) ?? "conflict";
      if (head.event !== event) status = status !== "conflict" && contentHash(event) === head.hash ? "duplicate" : "conflict";
      results[index] =
        status === "conflict"
          ? { eventId: event.eventId, index, status, code: "EVENT_ID_CONFLICT", message: `eventId "${event.eventId}" is already stored with different content` }
          : { eventId: event.eventId, index, status };
      if (head.event === event && status !== "conflict") toLake.push(event);
    }

    let batchId: string | null = null;
    if (toLake.length > 0) {
      const now = deps.clock.now();
      batchId = `${now.toISOString().replace(/[-:.]/g, "")}-${deps.newId()}`;
      const body = gzipSync(toLake.map((e) => JSON.stringify(e)).join("\n") + "\n");
      await deps.lake.put(rawBatchKey("events", now.toISOString().slice(0, 10), batchId), body);
    }
    const count = (s: EventResultStatus) => results.filter((r) => r.status === s).length;
    return { results, accepted: count("accepted"), duplicates: count("duplicate"), conflicts: count("conflict"), rejected: count("rejected"), batchId };
  };
