import type { Actor, AuditEntry } from "../../ports/admin.js";
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

/** The audit log's keys: `<at>#<auditId>`; without from/to a query spans "0" to "9999\uffff" (the store's bounds). */
const LOWEST = "0";
const HIGHEST = "9999";
const KEY_END = "\uffff";

const badParameter = (field: string, code: string, message: string) => new AdminError("INVALID_PARAMETER", `Query parameter "${field}": ${message}.`, [{ code, field, message }]);

/** An instant as the log stores it (2024-03-01T10:00Z → 2024-03-01T10:00:00.000Z); a date stays a date (the whole UTC day). */
const asStored = (v: string | undefined) => (v === undefined || v.length === 10 ? v : new Date(v).toISOString());

/**
 * The key range a query reads, checked before the store is asked (a reversed range or a cursor
 * outside it is a refusal of the request, not a storage failure): `from` after `to` → 422 naming
 * `from`; a cursor outside [from, to] → 422 naming `cursor`. Instants are compared as stored.
 */
export function auditRange(q: { from?: string | undefined; to?: string | undefined; cursor?: string | undefined }): { from?: string; to?: string } {
  const from = asStored(q.from);
  const to = asStored(q.to);
  const lo = from ?? LOWEST;
  const hi = `${to ?? HIGHEST}${KEY_END}`;
  if (lo > hi) throw badParameter("from", "FROM_AFTER_TO", `${q.from} is after to (${q.to})`);
  if (q.cursor !== undefined && (q.cursor < lo || q.cursor > hi)) throw badParameter("cursor", "CURSOR_OUTSIDE_RANGE", "not a cursor of this from/to range (send the next cursor of the previous page, with the same from and to)");
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

const inRange = (at: string, range: { from?: string; to?: string }) => at >= (range.from ?? LOWEST) && at <= `${range.to ?? HIGHEST}${KEY_END}`;

/** One page of the audit log, newest first; `next` is null on the last page (the wire contract). */
export const readAudit =
  (deps: AdminDeps) =>
  async (q: AuditQuery): Promise<AuditPage> => {
    const range = auditRange(q);
    const page = await deps.stores.audit.page({ ...range, ...(q.cursor !== undefined ? { cursor: q.cursor } : {}), limit: q.limit ?? AUDIT_PAGE_DEFAULT });
    return { entries: page.entries, next: page.next ?? null };
  };

const csvRow = (e: AuditEntry): unknown[] => [e.at, e.actor.sub, e.actor.role, e.action, e.entityType, e.entityId, JSON.stringify(e.before ?? null), JSON.stringify(e.after ?? null), e.auditId];

/**
 * The audit log between two instants as CSV (formula-looking cells prefixed with '). The export is
 * audited once it is ready, before it is handed out: if that entry cannot be stored, nothing is
 * exported; a refused export (a bad range, too many entries) or one that failed writes no entry.
 * The export's own entry is the CSV's first row when it falls within from/to.
 */
export const exportAuditCsv =
  (deps: AdminDeps) =>
  async (actor: Actor, query: { from?: string | undefined; to?: string | undefined }): Promise<{ csv: string; rows: number }> => {
    const range = auditRange(query);
    const rows: unknown[][] = [];
    let cursor: string | undefined;
    do {
      const page = await deps.stores.audit.page({ ...range, limit: 500, cursor });
      for (const e of page.entries) rows.push(csvRow(e));
      cursor = page.next;
      if (rows.length > MAX_EXPORT_ROWS) throw badParameter("from", "TOO_MANY_ROWS", `more than ${MAX_EXPORT_ROWS} entries from ${query.from ?? "the start"} to ${query.to ?? "now"}: narrow from/to`);
    } while (cursor);
    const entry: AuditEntry = {
      auditId: `audit-export:${deps.newId()}`,
      at: deps.clock.now().toISOString(),
      actor,
      action: "audit.export",
      entityType: "audit",
      entityId: "audit.csv",
      before: null,
      after: { from: query.from ?? null, to: query.to ?? null, format: "text/csv" },
    };
    await deps.stores.audit.append(entry);
    if (inRange(entry.at, range)) rows.unshift(csvRow(entry));
    return { csv: toCsv(AUDIT_CSV_COLUMNS, rows), rows: rows.length };
  };
