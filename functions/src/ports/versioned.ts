import type { AuditEntry } from "@scorecard/shared/contracts/admin";

/**
 * The shapes every admin item's store shares (as ./admin.ts declares them), for the ports that
 * ./admin.ts names in AdminStores: importing them from ./admin.ts would make a circle.
 */

/** "ok", or the storage condition refused the write (the use case reads the item to say why). */
export type ConditionalWrite = "ok" | "condition-failed";

/** A stored admin record's version and the audit entry of its last change (an outbox of one). */
export interface Versioned {
  readonly version: number;
  readonly lastAudit: AuditEntry | null;
}
