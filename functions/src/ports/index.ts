/**
 * Ports: what the use cases need, named for the need. Adapters implement them for AWS and for
 * the embedded local runtime. Narrow on purpose (2–4 methods each).
 */
import type { RankingSnapshot, StoredCaseEvent } from "@scorecard/shared";

export type PutEventOutcome = "accepted" | "duplicate" | "conflict";

export interface EventStore {
  /** Store each event once by eventId; a known eventId with other content is a conflict, never an overwrite. */
  putEvents(events: readonly StoredCaseEvent[]): Promise<PutEventOutcome[]>;
  /** All distinct events of a case (any order). */
  caseEvents(caseId: string): Promise<StoredCaseEvent[]>;
}

/** Object storage with S3 semantics (a bucket locally backed by a folder). Keys use `/`. */
export interface Lake {
  put(key: string, body: Uint8Array | string, contentType?: string): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  list(prefix: string): Promise<string[]>;
}

export type SqlValue = string | number | boolean | null;
export type Row = Record<string, SqlValue>;

export interface QueryResult {
  readonly rows: Row[];
  /** Bytes the engine read to answer (DuckDB profiling locally, DataScannedInBytes on Athena), when known. */
  readonly bytesScanned: number | null;
}

export interface QueryEngine {
  /** Run one SQL statement with `{{name}}` parameters already validated by the caller. */
  query(sql: string, params: Readonly<Record<string, SqlValue>>): Promise<QueryResult>;
}

export interface SnapshotStore {
  putDraft(snapshot: RankingSnapshot): Promise<void>;
  get(methodology: string, period: string, tier: string): Promise<RankingSnapshot | undefined>;
  /** Period ids that have at least one snapshot for the methodology. */
  periods(methodology: string): Promise<string[]>;
}

/** Keyed one-way hash for pseudonyms (HMAC-SHA-256 with a key held outside the data). */
export interface KeyedHasher {
  pseudonym(value: string): string;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

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

export interface OpenCase {
  readonly caseId: string;
  readonly unitId: string;
  readonly procedureCode: string | null;
  readonly field: string | null;
  readonly receivedAt: string | null;
  readonly dueAt: string;
}

/** The live open-case index (early warning): open dossiers of a unit due before an instant. */
export interface OpenCaseIndex {
  openCasesDueBefore(unitId: string, before: string): Promise<OpenCase[]>;
}
