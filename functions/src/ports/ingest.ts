/** Ports of ingestion: the event log, pseudonyms, Idempotency-Key records, complaint and catalog versions. */
import type { StoredCaseEvent } from "@scorecard/shared";

export type PutEventOutcome = "accepted" | "duplicate" | "conflict";

export interface EventStore {
  /** Store each event once by eventId; a known eventId with other content is a conflict, never an overwrite. */
  putEvents(events: readonly StoredCaseEvent[]): Promise<PutEventOutcome[]>;
  /** All distinct events of a case (any order). */
  caseEvents(caseId: string): Promise<StoredCaseEvent[]>;
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
}

/** Versions of complaints and catalog records, stored once by (id, content hash). */
export interface RecordStore {
  putVersions(kind: string, versions: readonly { id: string; hash: string }[]): Promise<("accepted" | "duplicate")[]>;
}
