/**
 * Bytes a statement reads from the lake, the way Athena bills them: the compressed size of the
 * column chunks of every column a scan references (projected or filtered), in every file the scan
 * does not prune by partition — summed over the scans (a relation read twice is billed twice).
 * Row-group pruning by statistics is ignored, so this is an upper bound of what DuckDB reads and
 * a close estimate of Athena's DataScannedInBytes. Derived from DuckDB's own plan (EXPLAIN: each
 * READ_PARQUET's projections, filters and partition filter) and the Parquet footers.
 */
import type { DuckDBConnection } from "@duckdb/node-api";

export interface ParquetScan {
  /** Identifiers in the scan's projections and pushed-down filters. */
  readonly identifiers: readonly string[];
  /** The partition filter DuckDB applies to file paths, e.g. `(month <= '2025-03')`. */
  readonly fileFilter: string | null;
  /** "k/n" files scanned, when the plan says. */
  readonly filesOf: number | null;
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);

/** The Parquet scans of an EXPLAIN (FORMAT json) plan. Pure. */
export function parquetScans(plan: unknown): ParquetScan[] {
  const out: ParquetScan[] = [];
  const walk = (n: unknown) => {
    if (n === null || typeof n !== "object") return;
    const node = n as { extra_info?: Record<string, unknown>; children?: unknown[] };
    const info = node.extra_info;
    if (info && String(info["Function"] ?? "").toUpperCase() === "READ_PARQUET") {
      const text = [...asList(info["Projections"]), ...asList(info["Filters"])].join(" ");
      const scanning = /^\s*\d+\s*\/\s*(\d+)\s*$/.exec(String(info["Scanning Files"] ?? ""));
      out.push({
        identifiers: [...new Set(text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [])],
        fileFilter: typeof info["File Filters"] === "string" && info["File Filters"] !== "" ? (info["File Filters"] as string) : null,
        filesOf: scanning ? Number(scanning[1]) : null,
      });
    }
    for (const c of node.children ?? []) walk(c);
  };
  for (const root of Array.isArray(plan) ? plan : [plan]) walk(root);
  return out;
}

/** The lake's Parquet files, per table: (tbl, month, file, column_name, bytes) in `_lake_bytes`. */
export async function indexLakeBytes(con: DuckDBConnection, files: readonly { table: string; glob: string }[]): Promise<void> {
  await con.run(`CREATE OR REPLACE TABLE _lake_bytes (tbl VARCHAR, month VARCHAR, file VARCHAR, column_name VARCHAR, bytes BIGINT)`);
  for (const f of files) {
    const glob = f.glob.replace(/'/g, "''");
    const exists = (await con.runAndReadAll(`SELECT count(*) FROM glob('${glob}')`)).getRows()[0]?.[0];
    if (Number(exists) === 0) continue;
    await con.run(`INSERT INTO _lake_bytes
      SELECT '${f.table}', regexp_extract(file_name, 'month=([^/]+)', 1), file_name, path_in_schema, sum(total_compressed_size)
      FROM parquet_metadata('${glob}') GROUP BY ALL`);
  }
}

/** Bytes of the scans, from `_lake_bytes`; a scan is matched to the table holding all its identifiers that are columns. */
export async function scanBytes(con: DuckDBConnection, scans: readonly ParquetScan[]): Promise<number> {
  if (scans.length === 0) return 0;
  const tables = new Map<string, { columns: Set<string>; files: number }>();
  for (const r of (await con.runAndReadAll(`SELECT tbl, list(DISTINCT column_name) AS cols, count(DISTINCT file) AS files FROM _lake_bytes GROUP BY tbl`)).getRowObjectsJson()) {
    tables.set(String(r["tbl"]), { columns: new Set((r["cols"] as string[]).map(String)), files: Number(r["files"]) });
  }
  let total = 0;
  for (const s of scans) {
    const fits = [...tables].filter(([, t]) => s.identifiers.some((i) => t.columns.has(i)) && s.identifiers.every((i) => t.columns.has(i) || !isColumnAnywhere(tables, i)));
    const pick = fits.find(([, t]) => s.filesOf !== null && t.files === s.filesOf) ?? fits[0];
    if (!pick) continue;
    const [tbl, t] = pick;
    const cols = s.identifiers.filter((i) => t.columns.has(i)).map((c) => `'${c}'`);
    const where = `tbl = '${tbl}' AND column_name IN (${cols.join(", ")})${s.fileFilter ? ` AND (${s.fileFilter})` : ""}`;
    total += Number((await con.runAndReadAll(`SELECT coalesce(sum(bytes), 0) FROM _lake_bytes WHERE ${where}`)).getRows()[0]?.[0] ?? 0);
  }
  return total;
}

const isColumnAnywhere = (tables: Map<string, { columns: Set<string> }>, id: string) => [...tables.values()].some((t) => t.columns.has(id));
