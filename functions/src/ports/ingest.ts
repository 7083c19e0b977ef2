/** Ports of ingestion: the event log, pseudonyms, Idempotency-Key records, complaint and catalog versions. */
import type { StoredCaseEvent } from "@scorecard/shared";

export type PutEventOutcome = "accepted" | "duplicate" | "conflict";

/** A batch's raw object not yet known to be in the lake (recorded before the batch claims anything). */
export interface LakePending {
  readonly batchId: string;
  /** The raw object's key (shared/src/lake/layout.ts rawBatchKey). */
  readonly key: string;
  /** The batch's admitted eventIds; the ones it claimed carry its batchId. */
  readonly eventIds: readonly string[];
  readonly at: string;
}

export interface EventStore {
  /**
   * Store each event once by eventId, claimed by `batchId`; a known eventId with other content is a
   * conflict, never an overwrite. The events' cases are queued for re-derivation (drainOutbox).
   */
  putEvents(events: readonly StoredCaseEvent[], batchId?: string): Promise<PutEventOutcome[]>;
  /** All distinct events of a case (any order). */
  caseEvents(caseId: string): Promise<StoredCaseEvent[]>;
  /** The stored events of these eventIds and the batch that claimed each. */
  storedEvents(eventIds: readonly string[]): Promise<{ event: StoredCaseEvent; batchId: string | undefined }[]>;
  markLakePending(pending: LakePending): Promise<void>;
  clearLakePending(batchId: string): Promise<void>;
  /** Batches recorded before `before` (ISO) whose raw object may be missing from the lake. */
  lakePending(before: string): Promise<LakePending[]>;
}

/** The queue of cases whose live state and open-case index items must be re-derived. */
export interface CaseStateOutbox {
  /** Re-derive up to `limit` queued cases; returns how many. */
  drainOutbox(limit?: number): Promise<number>;
  /**
   * List these stored events in their cases' event lists again and queue the cases (the lake
   * reconciliation, for a batch cut short between its claims and its lists or marks).
   */
  requeueEvents(events: readonly Pick<StoredCaseEvent, "eventId" | "caseId">[], token: string): Promise<void>;
  outboxBacklog(): Promise<{ cases: number; oldest: string | null }>;
}

/** Keyed one-way hash for pseudonyms (HMAC-SHA-256 with a key held outside the data). */
export interface KeyedHasher {
  pseudonym(value: string): string;
}

export interface StoredResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type IdempotencyBegin =
  | { readonly kind: "new" }
  | { readonly kind: "replay"; readonly response: StoredResponse }
  | { readonly kind: "mismatch" }
  | { readonly kind: "in-flight" };

/** Idempotency-Key records (IETF httpapi draft): replay, mismatch (422), in flight (409). */
export interface IdempotencyStore {
  begin(scope: string, key: string, requestHash: string): Promise<IdempotencyBegin>;
  complete(scope: string, key: string, response: StoredResponse): Promise<void>;
  /** Forget an in-flight record after a failure, so that a retry runs again. */
  abort(scope: string, key: string): Promise<void>;
  /** Renew a running request's hold on its key (a crashed request's hold lapses within IN_FLIGHT_SECONDS). */
  extend(scope: string, key: string): Promise<void>;
}

/** Versions of complaints and catalog records, stored once by (id, content hash). */
export interface RecordStore {
  putVersions(kind: string, versions: readonly { id: string; hash: string }[]): Promise<("accepted" | "duplicate")[]>;
}
