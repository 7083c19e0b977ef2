/**
 * The audit log's file in the page's language (issue 19, item 10). The server writes the log as
 * CSV with machine column names and UTC times, and audits the export before it writes it; the
 * page keeps that (every export is recorded) and rewrites the file for its reader: headers in
 * Vietnamese or English, times in Vietnam time (ISO 8601 with +07:00, and as read on the page),
 * roles by name. Record contents (before, after) stay as the server wrote them. Pure.
 */
import type { ExportTable } from "./export.js";
import { type Formatters, isoVietnam } from "./format.js";
import type { AdminMessages } from "./i18n/admin.js";
import { type Messages, labelOf } from "./i18n.js";

/** RFC 4180 records (quoted fields, doubled quotes, CRLF or LF line ends); a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface AuditExportInput {
  readonly csv: string;
  readonly A: AdminMessages;
  readonly t: Messages;
  readonly fmt: Formatters;
  readonly exportedAt: string;
}

export function auditExport(i: AuditExportInput): ExportTable {
  const { A, t, fmt } = i;
  const [header = [], ...records] = parseCsv(i.csv);
  const col = (name: string) => header.indexOf(name);
  const at = col("at");
  const role = col("actor_role");
  const words: Readonly<Record<string, string>> = {
    at: `${A.audit.when} (${t.vietnamTime})`,
    actor_sub: A.audit.who,
    actor_role: A.audit.role,
    action: A.audit.action,
    entity_type: A.audit.entity,
    entity_id: A.audit.entityId,
    before: A.audit.before,
    after: A.audit.after,
    audit_id: A.audit.id,
  };
  const columns = header.map((h) => words[h] ?? h);
  const rows = records
    .filter((r) => r.some((c) => c !== ""))
    .map((r) =>
      r.map((cell, j) => {
        if (j === at && cell) return isoVietnam(cell);
        if (j === role) return labelOf(t.roles, cell);
        return cell;
      }),
    );
  return {
    title: A.sections["audit"] ?? "audit",
    context: [
      [A.title, A.sections["audit"] ?? ""],
      [t.exportedAt, `${fmt.dateTime(i.exportedAt)} (${t.vietnamTime}) — ${isoVietnam(i.exportedAt)}`],
    ],
    columns,
    rows,
  };
}
