import type { Actor } from "../../ports/admin.js";
import type { AuditPage } from "@scorecard/shared/contracts/admin";
import { AUDIT_PAGE_DEFAULT } from "@scorecard/shared/contracts/params";
import { toCsv } from "@scorecard/shared/admin/csv";
import { type AdminDeps, AdminError } from "./common.js";

export const AUDIT_CSV_COLUMNS = ["at", "actor_sub", "actor_role", "action", "entity_type", "entity_id", "before", "after", "audit_id"] as const;
/** An export larger than this is refused (narrow the from/to range instead). */
export const MAX_EXPORT_ROWS = 100_000;

export interface AuditQuery {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Entries per page (AUDIT_PAGE_DEFAULT when absent). */
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** One page of the audit log, newest first; `next` is null on the last page (the wire contract). */
export const readAudit =
  (deps: AdminDeps) =>
  async (q: AuditQuery): Promise<AuditPage> => {
    const page = await deps.stores.audit.page({ ...q, limit: q.limit ?? AUDIT_PAGE_DEFAULT });
    return { entries: page.entries, next: page.next ?? null };
  };

/**
 * The audit log between two instants as CSV (formula-looking cells prefixed with '). The export is
 * itself audited first: if that entry cannot be stored, nothing is exported.
 */
export const exportAuditCsv =
  (deps: AdminDeps) =>
  async (actor: Actor, range: { from?: string | undefined; to?: string | undefined }): Promise<{ csv: string; rows: number }> => {
    const at = deps.clock.now().toISOString();
    await deps.stores.audit.append({
      auditId: `audit-export:${deps.newId()}`,
      at,
      actor,
      action: "audit.export",
      entityType: "audit",
      entityId: "audit.csv",
      before: null,
      after: { from: range.from ?? null, to: range.to ?? null, format: "text/csv" },
    });
    const rows: unknown[][] = [];
    let cursor: string | undefined;
    do {
      const page = await deps.stores.audit.page({ ...range, limit: 500, cursor });
      for (const e of page.entries) rows.push([e.at, e.actor.sub, e.actor.role, e.action, e.entityType, e.entityId, JSON.stringify(e.before ?? null), JSON.stringify(e.after ?? null), e.auditId]);
      cursor = page.next;
      if (rows.length > MAX_EXPORT_ROWS) throw new AdminError("INVALID", `More than ${MAX_EXPORT_ROWS} entries: narrow from/to.`, [{ code: "TOO_MANY_ROWS", field: "from", message: "narrow the range" }]);
    } while (cursor);
    return { csv: toCsv(AUDIT_CSV_COLUMNS, rows), rows: rows.length };
  };
