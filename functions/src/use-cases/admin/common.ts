import type { Clock } from "../../ports/runtime.js";
import type { Actor, AdminStores, AuditEntry, Versioned } from "../../ports/admin.js";
import type { PublicationStore, SnapshotStore } from "../../ports/snapshots.js";
import type { Lake } from "../../ports/lake.js";
import { type Methodology, METHODOLOGIES, type UnitCatalog } from "@scorecard/shared";

/** What the Home Affairs use cases need. */
export interface AdminDeps {
  readonly stores: AdminStores;
  readonly publications: PublicationStore;
  readonly snapshots: SnapshotStore;
  readonly lake: Lake;
  readonly catalog: UnitCatalog;
  readonly clock: Clock;
  readonly methodology: string;
  /** Fresh random ids (UUIDs in production). */
  readonly newId: () => string;
}

export type AdminErrorCode =
  | "NOT_FOUND"
  | "INVALID"
  /** A query parameter the request's other parameters rule out (its `errors` name it). */
  | "INVALID_PARAMETER"
  | "VERSION_CONFLICT"
  | "INSPECTION_LOCKED"
  | "CRITERION_LOCKED"
  | "ALREADY_EXISTS"
  | "CONCURRENT_CHANGE"
  | "PUBLISH_CONFLICT"
  | "NO_DRAFT"
  | "NO_CHANGES";

export interface FieldError {
  readonly code: string;
  readonly field: string;
  readonly message: string;
  readonly row?: number;
  readonly column?: string;
}

/** A refusal of a Home Affairs use case; the handler maps `code` to an HTTP status in one place. */
export class AdminError extends Error {
  override readonly name = "AdminError";
  constructor(
    readonly code: AdminErrorCode,
    message: string,
    readonly errors?: readonly FieldError[],
  ) {
    super(message);
  }
}

export const invalid = (field: string, message: string, code = "INVALID_VALUE") => new AdminError("INVALID", `${field}: ${message}`, [{ code, field, message }]);

export function methodologyOf(deps: AdminDeps): Methodology {
  const m = METHODOLOGIES[deps.methodology];
  if (!m) throw new Error(`unknown methodology ${deps.methodology}`);
  return m;
}

/** An audit entry for version `version` of an entity: its id is deterministic, so re-appending is a no-op. */
export function auditEntry(deps: AdminDeps, actor: Actor, action: string, entityType: string, entityId: string, version: number, before: unknown, after: unknown): AuditEntry {
  return { auditId: `${entityType}:${entityId}:v${version}`, at: deps.clock.now().toISOString(), actor, action, entityType, entityId, before, after };
}

/**
 * The outbox of one: each admin item carries the audit entry of its last change, written in the
 * same conditional write as the change. Before changing an item again (and after every change) the
 * entry is appended to the log; appending twice is a no-op. So no change exists without its audit
 * entry reaching the log, even if a process dies between the two writes.
 */
export async function flushAudit(deps: AdminDeps, item: Versioned | undefined): Promise<void> {
  if (item?.lastAudit) await deps.stores.audit.append(item.lastAudit);
}

/** A refused attempt (locked, stale) is itself audited (reliability row 40). */
export async function auditRefusal(deps: AdminDeps, actor: Actor, action: string, entityType: string, entityId: string, attempted: unknown, reason: string): Promise<void> {
  await deps.stores.audit.append({ auditId: `${entityType}:${entityId}:refused:${deps.newId()}`, at: deps.clock.now().toISOString(), actor, action, entityType, entityId, before: null, after: { refused: reason, attempted } });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isLocalDate = (d: string): boolean => DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
