import type { SqlValue } from "../ports/engine.js";

const SAFE_STRING = /^[\p{L}\p{N} .:_\-/#]*$/u;

/**
 * Substitute `{{name}}` placeholders with SQL literals. Only values from a strict alphabet are
 * accepted (period bounds, ids), so a literal can never break out of its quotes; Athena and
 * DuckDB then run identical text.
 */
export function renderSql(sql: string, params: Readonly<Record<string, SqlValue>>): string {
  return sql.replace(/\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/gi, (_, name: string) => {
    if (!(name in params)) throw new Error(`SQL parameter {{${name}}} has no value`);
    const v = params[name] as SqlValue;
    if (v === null) return "NULL";
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new Error(`SQL parameter ${name} is not a finite number`);
      return String(v);
    }
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    if (!SAFE_STRING.test(v)) throw new Error(`SQL parameter ${name} has characters outside the allowed set`);
    return `'${v}'`;
  });
}
