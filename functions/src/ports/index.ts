/**
 * Ports: what the use cases need, named for the need. Adapters implement them for AWS and for
 * the embedded local runtime. Narrow on purpose (2–4 methods each).
 */
import type { RankingSnapshot, StoredCaseEvent } from "@scorecard/shared";
import type { OpenCase } from "@scorecard/shared/contracts/read-api";

export type { OpenCase };

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
  /** Delete every object under a prefix (ending in `/`); optional — without it old objects stay until a lifecycle rule expires them. */
  removePrefix?(prefix: string): Promise<void>;
}

export type SqlValue = string | number | boolean | null;
export type Row = Record<string, SqlValue>;

export interface QueryResult {
  readonly rows: Row[];
  /** Bytes the engine read to answer (DuckDB profiling locally, DataScannedInBytes on Athena), when known. */
  readonly bytesScanned: number | null;
}

export type RelationKind = "table" | "view";

export interface QueryEngine {
  /** Run one SQL statement with `{{name}}` parameters already validated by the caller. */
  query(sql: string, params: Readonly<Record<string, SqlValue>>): Promise<QueryResult>;
  /**
   * Create (or replace) relation `name` from a SELECT, for later statements of the same engine
   * (staged scoring, shared/src/sql/case-stages.sql.ts): a DuckDB table or view locally, a CTAS or
   * view on Athena. Engines without it run the single-statement SQL.
   */
  materialize?(name: string, sql: string, params: Readonly<Record<string, SqlValue>>, kind?: RelationKind): Promise<{ readonly bytesScanned: number | null }>;
  /**
   * Write the rows of a SELECT under the lake prefix `prefix` (which must be new), one folder per
   * value of column `partitionBy` (`prefix/<col>=<value>/…`, without that column): CSV with a
   * header (`.csv`, DuckDB's COPY … PARTITION_BY; empty = NULL) or newline-delimited JSON, maybe
   * gzip (Athena's UNLOAD; a null may be an absent key). The partition column must be the LAST
   * column of the SELECT (Athena's rule). Engines without it return rows and the use case writes NDJSON.
   */
  unload?(sql: string, params: Readonly<Record<string, SqlValue>>, prefix: string, partitionBy: string): Promise<{ readonly bytesScanned: number | null }>;
  /** Drop relations made by `materialize` (absent names are ignored). */
  drop?(relations: readonly { readonly name: string; readonly kind: RelationKind }[]): Promise<void>;
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

/** A new unique id (random UUIDs in production; deterministic in tests). */
export type NewId = () => string;

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


/** The live open-case index (early warning): open dossiers of a unit due before an instant. */
export interface OpenCaseIndex {
  openCasesDueBefore(unitId: string, before: string): Promise<OpenCase[]>;
}

// ——— Home Affairs workspace (issue 6, items 3–7; docs/storage.md "admin items") ———

/** Who did it: the principal's subject and role (ARCHITECTURE §7: every change is audited). */
export interface Actor {
  readonly sub: string;
  readonly role: string;
}

/** One append-only audit record: who, when, what, before, after. */
export interface AuditEntry {
  /** Deterministic for a change (`<entity>:<id>:v<version>`) so that re-appending it is a no-op. */
  readonly auditId: string;
  readonly at: string;
  readonly actor: Actor;
  /** e.g. finding.create, finding.update, finding.conclude, finding.refused, criterion.set, survey.import, head.create, publication.create, audit.export */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditPage {
  readonly entries: AuditEntry[];
  /** Opaque cursor for the next (older) page; absent on the last page. */
  readonly next?: string | undefined;
}

/** The audit log: append and read, nothing else (no update, no delete — by design and by IAM). */
export interface AuditLog {
  /** Store the entry once; appending the same entry again changes nothing. */
  append(entry: AuditEntry): Promise<void>;
  /** Newest first, between `from` and `to` (ISO instants, inclusive), `limit` per page. */
  page(query: { readonly from?: string | undefined; readonly to?: string | undefined; readonly limit: number; readonly cursor?: string | undefined }): Promise<AuditPage>;
}

/** "ok", or the storage condition refused the write (the use case reads the item to say why). */
export type ConditionalWrite = "ok" | "condition-failed";

/** Every stored admin record carries its version and the audit entry of its last change (an outbox of one). */
export interface Versioned {
  readonly version: number;
  readonly lastAudit: AuditEntry | null;
}

export interface StoredFinding extends Versioned {
  readonly findingId: string;
  readonly unitId: string;
  readonly headId: string | null;
  readonly periodId: string;
  /** Resolved criterion code (the template's default when the finding named none). */
  readonly criterion: string;
  readonly deduction: number;
  readonly evidence: string;
  readonly noticeNumber: string | null;
  readonly noticeDate: string | null;
  readonly status: "DRAFT" | "CONCLUDED";
  /** The lock token placed on the criterion when the finding was concluded. */
  readonly lockToken: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface FindingStore {
  get(findingId: string): Promise<StoredFinding | undefined>;
  /** Create once (condition: no item with that id). */
  create(finding: StoredFinding): Promise<ConditionalWrite>;
  /**
   * Replace a DRAFT finding whose stored version is `expectedVersion` (condition on the item). When
   * concluding, `lockToken` must not have been revoked (see `revoke`).
   */
  replace(finding: StoredFinding, expectedVersion: number): Promise<ConditionalWrite>;
  /** Findings counted in a period, optionally of one unit. */
  listByPeriod(periodId: string, unitId?: string): Promise<StoredFinding[]>;
  /** Fence off an abandoned lock token: refused (condition) once the finding is concluded. */
  revoke(findingId: string, lockToken: string): Promise<ConditionalWrite>;
}

/**
 * The criterion code under which a head's general criteria (methodology §6, 30 points) are stored
 * beside the unit's manual criteria: `HEAD#<headId>`.
 */
export const HEAD_GENERAL_PREFIX = "HEAD#";
export const headGeneralCode = (headId: string) => `${HEAD_GENERAL_PREFIX}${headId}`;

export interface StoredCriterion extends Versioned {
  readonly unitId: string;
  readonly periodId: string;
  readonly criterion: string;
  /** Manual points (0..max); null while only a lock exists. */
  readonly points: number | null;
  readonly evidence: string | null;
  /** Lock tokens `<findingId>#<attempt>` of (possibly in-flight) conclusions covering this criterion. */
  readonly lockedBy: readonly string[];
  readonly updatedAt: string | null;
}

export interface CriterionStore {
  get(unitId: string, periodId: string, criterion: string): Promise<StoredCriterion | undefined>;
  list(unitId: string, periodId: string): Promise<StoredCriterion[]>;
  /** Every unit's criteria of a period (one query; may lag a write by the index's propagation). */
  listByPeriod(periodId: string): Promise<StoredCriterion[]>;
  /** Manual appraisal; condition: no lock token on the item and version = expectedVersion (0 = never appraised). */
  appraise(entry: StoredCriterion, expectedVersion: number): Promise<ConditionalWrite>;
  /** Add / remove one lock token (set semantics; creates the item when absent). */
  lock(unitId: string, periodId: string, criterion: string, token: string): Promise<void>;
  unlock(unitId: string, periodId: string, criterion: string, token: string): Promise<void>;
}

export interface StoredSurveyResult extends Versioned {
  readonly unitId: string;
  readonly periodId: string;
  /** Satisfaction share 0..1 (methodology §5, criterion 8). */
  readonly share: number;
  readonly respondents: number | null;
  readonly evidence: string;
  readonly importId: string;
  readonly updatedAt: string;
}

export interface SurveyStore {
  list(periodId: string): Promise<StoredSurveyResult[]>;
  /** Condition: version = expectedVersion (0 = none yet). */
  put(result: StoredSurveyResult, expectedVersion: number): Promise<ConditionalWrite>;
}

export interface StoredHead {
  readonly headId: string;
  readonly name: string;
  readonly title: string;
  readonly tenureFrom: string;
  readonly tenureTo: string | null;
  readonly demo: boolean;
}

/** All heads of one unit in one item, so that "tenures never overlap" is one conditional write. */
export interface HeadRoster extends Versioned {
  readonly unitId: string;
  readonly heads: readonly StoredHead[];
  readonly updatedAt: string;
}

export interface HeadStore {
  get(unitId: string): Promise<HeadRoster | undefined>;
  list(): Promise<HeadRoster[]>;
  /** Condition: version = expectedVersion (0 = the unit has no roster yet). */
  put(roster: HeadRoster, expectedVersion: number): Promise<ConditionalWrite>;
}

export interface PublicationHeader {
  readonly methodology: string;
  readonly period: string;
  readonly version: number;
  /** Random id of the publishing attempt: the frozen tier items are keyed by it. */
  readonly publicationId: string;
  readonly publishedAt: string;
  readonly publishedBy: Actor;
  readonly tiers: readonly string[];
  /** computedAt of each draft that was frozen, by tier. */
  readonly draftsComputedAt: Readonly<Record<string, string>>;
  readonly lastAudit: AuditEntry | null;
}

/** Published (frozen) ranking versions: written once, never overwritten, never deleted. */
export interface PublicationStore {
  /** Headers of a period's versions, oldest first. */
  list(methodology: string, period: string): Promise<PublicationHeader[]>;
  latest(methodology: string, period: string): Promise<PublicationHeader | undefined>;
  /** Store one tier's frozen body under the attempt's id (condition: new item). */
  putFrozen(methodology: string, period: string, tier: string, publicationId: string, version: number, body: string): Promise<void>;
  /** The frozen body exactly as stored (byte-identical over time). */
  frozenBody(header: PublicationHeader, tier: string): Promise<string | undefined>;
  /** The commit point: the header of version n, written only if no version n exists. */
  commit(header: PublicationHeader): Promise<ConditionalWrite>;
}

/** The Home Affairs stores, as one bag for wiring. */
export interface AdminStores {
  readonly findings: FindingStore;
  readonly criteria: CriterionStore;
  readonly surveys: SurveyStore;
  readonly heads: HeadStore;
  readonly audit: AuditLog;
}

/** Versions of complaints and catalog records, stored once by (id, content hash). */
export interface RecordStore {
  putVersions(kind: string, versions: readonly { id: string; hash: string }[]): Promise<("accepted" | "duplicate")[]>;
}
