import type { QueryEngine, QueryResult, RelationKind, Row, SqlValue } from "../../ports/engine.js";
import { CURATED_COMPLAINTS_PREFIX, CURATED_EVENTS_PREFIX, dimPrefix, improperReturnsKey, tableObjectKey } from "@scorecard/shared/lake/layout";
import { CURATED_IMPROPER_RETURNS_TABLE } from "@scorecard/shared/lake/schema";
import { type DuckDBConnection, DuckDBInstance, type DuckDBResultReader, DuckDBTypeId } from "@duckdb/node-api";
import { UnitCatalog, WorkingCalendar } from "@scorecard/shared";
import { calendarDimRows, unitDimRows } from "@scorecard/shared/sql/dims";
import { renderSql } from "../sql-params.js";
import { INLINE_MARK } from "@scorecard/shared/sql/case-facts.sql";
import { indexLakeBytes, parquetScans, scanBytes } from "./duckdb-scan-bytes.js";

/**
 * The Trino (Athena engine v3) names our SQL uses that DuckDB spells differently. Every shim is
 * listed here and tested (functions/test/duckdb-prelude.test.ts); nothing else is shimmed.
 */
export const DUCKDB_PRELUDE: readonly { name: string; sql: string; why: string }[] = [
  {
    name: "to_unixtime",
    sql: "CREATE OR REPLACE MACRO to_unixtime(t) AS epoch(t)",
    why: "Trino's seconds-since-epoch as double; DuckDB calls it epoch()",
  },
];

/**
 * DuckDB in-process over the folder lake. Views named like the Glue tables (`curated_events`)
 * point at the lake's Parquet files, so the SQL text is the one Athena runs.
 */
/** The local engine's one Parquet file per record table (compaction writes them: duckdb-record-compactor.ts). */
export const COMPLAINTS_FILE = tableObjectKey(CURATED_COMPLAINTS_PREFIX, "complaints", "parquet");
export const PROCEDURES_FILE = tableObjectKey(dimPrefix("procedures"), "procedures", "parquet");
export const PROCEDURE_UNITS_FILE = tableObjectKey(dimPrefix("procedure_units"), "procedure_units", "parquet");

export class DuckDbQueryEngine implements QueryEngine {
  /** Connections for read queries, used round-robin so that independent statements run in parallel. */
  private readers: DuckDBConnection[] = [];
  private next = 0;

  private constructor(
    private readonly con: DuckDBConnection,
    private readonly lakeRoot: string,
    /** `kept.` when kept relations live in a database file of their own (`keptFile`), else "". */
    private readonly keptSchema: string = "",
  ) {}

  static async open(
    lakeRoot: string,
    options: {
      threads?: number;
      memoryLimit?: string;
      tempDirectory?: string;
      calendar?: WorkingCalendar;
      units?: UnitCatalog;
      readers?: number;
      /**
       * A database file for the kept relations (`keep`, `attach`; docs/adr/0023), which must not be
       * in use by another engine: they are stored there in compressed blocks, read through the
       * engine's cache, instead of uncompressed in memory (the province-year's kept facts: 62 MB
       * there, 744 MB in memory; a process's peak 0.92 GB instead of 1.6–1.7 GB, warm runs ≈ 9 %
       * slower). Everything else stays in memory. Absent: all in memory.
       */
      keptFile?: string;
    } = {},
  ): Promise<DuckDbQueryEngine> {
    const instance = await DuckDBInstance.create(":memory:", {
      threads: String(options.threads ?? 2),
      memory_limit: options.memoryLimit ?? "2GB",
      ...(options.tempDirectory ? { temp_directory: options.tempDirectory } : {}),
    });
    const con = await instance.connect();
    if (options.keptFile !== undefined) await con.run(`ATTACH ${lit(options.keptFile)} AS kept`);
    for (const shim of DUCKDB_PRELUDE) await con.run(shim.sql);
    const engine = new DuckDbQueryEngine(con, lakeRoot, options.keptFile === undefined ? "" : "kept.");
    // Macros, tables and views live in the database's catalog: every connection sees them.
    engine.readers = [con, ...(await Promise.all(Array.from({ length: Math.max(0, (options.readers ?? 3) - 1) }, () => instance.connect())))];
    // A statement names kept relations without their database: each connection looks there after memory's.
    if (options.keptFile !== undefined) for (const c of engine.readers) await c.run(`SET search_path = 'memory.main,kept.main'`);
    await engine.loadDims(options.calendar ?? new WorkingCalendar(), options.units ?? new UnitCatalog());
    await engine.refreshViews();
    return engine;
  }

  /**
   * Materialise the dimension tables generated from shared's domain data: `dim_calendar`
   * (working-day index, shared/src/sql/dims.ts) and `dim_units`. On AWS the same rows are written
   * to the lake's dims/ folder.
   */
  async loadDims(calendar: WorkingCalendar, units: UnitCatalog): Promise<void> {
    const days = calendarDimRows(calendar);
    await this.con.run(`CREATE OR REPLACE TABLE dim_calendar ("date" DATE, day BIGINT, is_working BOOLEAN, working_day_index INTEGER)`);
    for (let i = 0; i < days.length; i += 1000) {
      const values = days.slice(i, i + 1000).map((d) => `(DATE '${d.date}', ${d.day}, ${d.isWorking}, ${d.workingDayIndex})`);
      await this.con.run(`INSERT INTO dim_calendar VALUES ${values.join(", ")}`);
    }
    await this.con.run(`CREATE OR REPLACE TABLE dim_units (unit_id VARCHAR, tier VARCHAR, name_vi VARCHAR, valid_from DATE, valid_to DATE)`);
    const rows = unitDimRows(units.units);
    for (let i = 0; i < rows.length; i += 1000) {
      const values = rows.slice(i, i + 1000).map((u) => `(${lit(u.unitId)}, ${lit(u.tier)}, ${lit(u.nameVi)}, DATE '${u.validFrom}', ${u.validTo === null ? "NULL" : `DATE '${u.validTo}'`})`);
      if (values.length > 0) await this.con.run(`INSERT INTO dim_units VALUES ${values.join(", ")}`);
    }
  }

  /** (Re)bind the lake views; call after compaction has written new files. */
  async refreshViews(): Promise<void> {
    this.bytesByStatement.clear();
    const { readdirSync, existsSync } = await import("node:fs");
    const dir = `${this.lakeRoot}/${CURATED_EVENTS_PREFIX.slice(0, -1)}`;
    const hasFiles = existsSync(dir) && readdirSync(dir).some((m) => readdirSync(`${dir}/${m}`).some((f) => f.endsWith(".parquet")));
    const glob = `${this.lakeRoot}/${CURATED_EVENTS_PREFIX}*/*.parquet`.replace(/'/g, "''");
    const source = `read_parquet('${glob}', hive_partitioning = true, hive_types = {'month': VARCHAR})`;
    // Files compacted before a column was added lack it: the view gives NULL there (as Glue does).
    const missing = hasFiles ? await this.missingColumns(source) : [];
    await this.con.run(
      hasFiles
        ? `CREATE OR REPLACE VIEW curated_events AS SELECT *${missing.map((c) => `, CAST(NULL AS BOOLEAN) AS ${c}`).join("")} FROM ${source}`
        : `CREATE OR REPLACE VIEW curated_events AS SELECT * FROM (${EMPTY_CURATED}) WHERE false`,
    );
    // One file per table (docs/storage.md): the view is empty, with the right columns, until it exists.
    for (const [view, file, empty] of [
      ["curated_complaints", COMPLAINTS_FILE, EMPTY_COMPLAINTS],
      ["dim_procedures", PROCEDURES_FILE, EMPTY_PROCEDURES],
      ["dim_procedure_units", PROCEDURE_UNITS_FILE, "SELECT CAST(NULL AS VARCHAR) AS code, CAST(NULL AS VARCHAR) AS unit_id"],
    ] as const) {
      const path = `${this.lakeRoot}/${file}`;
      await this.con.run(
        existsSync(path)
          ? `CREATE OR REPLACE VIEW ${view} AS SELECT * FROM read_parquet('${path.replace(/'/g, "''")}')`
          : `CREATE OR REPLACE VIEW ${view} AS SELECT * FROM (${empty}) WHERE false`,
      );
    }
    await this.bindImproperReturns();
    await indexLakeBytes(this.con, [
      { table: "curated_events", glob: `${this.lakeRoot}/${CURATED_EVENTS_PREFIX}*/*.parquet` },
      { table: "curated_complaints", glob: `${this.lakeRoot}/${COMPLAINTS_FILE}` },
      { table: "dim_procedures", glob: `${this.lakeRoot}/${PROCEDURES_FILE}` },
      { table: "dim_procedure_units", glob: `${this.lakeRoot}/${PROCEDURE_UNITS_FILE}` },
    ]);
  }

  /**
   * `curated_improper_returns`: the JSON-lines object the scoring run writes through the lake port
   * (functions/src/use-cases/score/improper-returns.ts), read where it lies — the same object and
   * format Athena reads. DuckDB binds a view to its files when the view is made and fails on a
   * missing one, while the object is first written by a scoring run after the views are bound: an
   * empty object (no marks) is put in its place when there is none, never over one (exclusive
   * create), so the view binds at once and reads each run's rewrite.
   */
  private async bindImproperReturns(): Promise<void> {
    const { mkdirSync, writeFileSync } = await import("node:fs");
    const { gzipSync } = await import("node:zlib");
    const path = `${this.lakeRoot}/${improperReturnsKey()}`;
    mkdirSync(path.slice(0, path.lastIndexOf("/")), { recursive: true });
    try {
      writeFileSync(path, gzipSync(""), { flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const duck: Record<string, string> = { string: "VARCHAR", timestamp: "TIMESTAMP" };
    const columns = CURATED_IMPROPER_RETURNS_TABLE.columns.map((c) => `'${c.name}': '${duck[c.type] ?? "VARCHAR"}'`).join(", ");
    await this.con.run(
      `CREATE OR REPLACE VIEW ${CURATED_IMPROPER_RETURNS_TABLE.name} AS SELECT * FROM read_json('${path.replace(/'/g, "''")}', format = 'newline_delimited', columns = {${columns}})`,
    );
  }

  /**
   * Lake bytes the statement reads (./duckdb-scan-bytes.ts); 0 without a lake scan; null if the
   * plan cannot be read. EXPLAIN costs 10–120 ms, so the figure is kept per statement text with its
   * TIMESTAMP and DATE literals and its numbers masked: they never prune a file (the lake's only
   * partition key is the VARCHAR `month`, compared with text literals, which are kept; row-group
   * pruning is not counted), so a scoring run's per-period statements are planned for bytes once
   * (19 periods: ≈ 3 s). The kept figures are dropped whenever the lake views or the relations
   * change (refreshViews, materialize, drop).
   */
  private async bytesRead(con: DuckDBConnection, text: string): Promise<number | null> {
    const key = scanShape(text);
    const known = this.bytesByStatement.get(key);
    if (known !== undefined) return known;
    let bytes: number | null;
    try {
      const plan = JSON.parse(String((await con.runAndReadAll(`EXPLAIN (FORMAT json) ${text}`)).getRows()[0]?.[1] ?? "[]")) as unknown;
      bytes = await scanBytes(con, parquetScans(plan));
    } catch {
      bytes = null;
    }
    this.bytesByStatement.set(key, bytes);
    return bytes;
  }

  private readonly bytesByStatement = new Map<string, number | null>();

  private async missingColumns(source: string): Promise<string[]> {
    const present = new Set((await (await this.con.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJson()).map((r) => String(r["column_name"])));
    return ADDED_FLAG_COLUMNS.filter((c) => !present.has(c));
  }

  async query(sql: string, params: Readonly<Record<string, SqlValue>>): Promise<QueryResult> {
    const con = this.readers[this.next++ % this.readers.length] ?? this.con;
    const text = inlineCtes(renderSql(sql, params));
    const bytesScanned = await this.bytesRead(con, text);
    return { rows: await readRows(con, text), bytesScanned };
  }

  async materialize(name: string, sql: string, params: Readonly<Record<string, SqlValue>>, kind: RelationKind = "table"): Promise<{ bytesScanned: number | null }> {
    const text = inlineCtes(renderSql(sql, params));
    // A view reads nothing until a statement uses it (that statement's scans are counted).
    const bytesScanned = kind === "view" ? 0 : await this.bytesRead(this.con, text);
    await this.con.run(`CREATE OR REPLACE ${kind === "view" ? "VIEW" : "TABLE"} ${relationName(name)} AS ${text}`);
    this.bytesByStatement.clear();
    return { bytesScanned };
  }

  async unload(sql: string, params: Readonly<Record<string, SqlValue>>, prefix: string, partitionBy: string): Promise<{ bytesScanned: number | null }> {
    const dir = this.lakeDir(prefix);
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir.slice(0, dir.lastIndexOf("/")), { recursive: true });
    const target = dir.replace(/'/g, "''");
    const text = inlineCtes(renderSql(sql, params));
    const bytesScanned = await this.bytesRead(this.con, text);
    await this.con.run(`COPY (${text}) TO '${target}' (FORMAT csv, HEADER true, PARTITION_BY (${relationName(partitionBy)}), FILENAME_PATTERN 'part_{i}')`);
    return { bytesScanned };
  }

  /**
   * A kept relation (docs/adr/0023): the rows become a table (what this engine's statements read)
   * and `<lake>/<prefix>/part-0.parquet` (what a later process attaches to).
   */
  async keep(name: string, sql: string, params: Readonly<Record<string, SqlValue>>, prefix: string): Promise<{ bytesScanned: number | null }> {
    const dir = this.lakeDir(prefix);
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir, { recursive: true });
    const rel = relationName(name);
    const text = inlineCtes(renderSql(sql, params));
    const bytesScanned = await this.bytesRead(this.con, text);
    await this.con.run(`CREATE OR REPLACE TABLE ${this.keptSchema}${rel} AS ${text}`);
    // Snappy, not ZSTD: the province-year's facts0 (1.45 M rows) writes in 2.7 s instead of 8.2 s (load 10),
    // 36 MB instead of 26 MB; locally the write is the cost, on Athena the bytes read (its CTAS keeps ZSTD).
    await this.con.run(`COPY ${rel} TO ${lit(`${dir}/part-0.parquet`)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 122880)`);
    this.attached.set(rel, prefix);
    this.bytesByStatement.clear();
    return { bytesScanned };
  }

  /** A table loaded from the kept files (once per name and prefix in this engine). */
  async attach(name: string, prefix: string): Promise<void> {
    const rel = relationName(name);
    const dir = this.lakeDir(prefix);
    if (this.attached.get(rel) === prefix) return;
    await this.con.run(`CREATE OR REPLACE TABLE ${this.keptSchema}${rel} AS SELECT * FROM read_parquet(${lit(`${dir}/*.parquet`)})`);
    this.attached.set(rel, prefix);
    this.bytesByStatement.clear();
  }

  /** The kept relations of this engine and the prefix each was read from. */
  private readonly attached = new Map<string, string>();

  /** The folder of a lake prefix written into SQL text (the folder lake's key alphabet, no way out of the lake). */
  private lakeDir(prefix: string): string {
    if (!/^[A-Za-z0-9][A-Za-z0-9._=\-/]*$/.test(prefix) || prefix.includes("..")) throw new Error(`unsafe lake prefix: ${prefix}`);
    return `${this.lakeRoot}/${prefix.replace(/\/+$/, "")}`;
  }

  async drop(relations: readonly { name: string; kind: RelationKind }[]): Promise<void> {
    this.bytesByStatement.clear();
    for (const r of relations) this.attached.delete(relationName(r.name));
    for (const r of relations) {
      await this.con.run(`DROP ${r.kind === "view" ? "VIEW" : "TABLE"} IF EXISTS ${relationName(r.name)}`);
      // A kept relation lives in the kept file, when there is one.
      if (this.keptSchema !== "" && r.kind === "table") await this.con.run(`DROP TABLE IF EXISTS ${this.keptSchema}${relationName(r.name)}`);
    }
  }

  /** Run a statement that returns nothing useful (COPY, CREATE). For adapters, not use cases. */
  async exec(sql: string): Promise<void> {
    this.bytesByStatement.clear();
    await this.con.run(sql);
  }

  close(): void {
    for (const c of this.readers) if (c !== this.con) c.closeSync();
    this.con.closeSync();
  }
}

/**
 * A statement's rows. DuckDB renders each row as one JSON text (in its threads) and JavaScript
 * parses it: for the year's case statement (37 800 rows × 37 columns) 1.7–1.9 s in all, against
 * 2.1–2.7 s for the statement and the conversion of its values through the node API (≈ 1 s, on
 * the event loop while the engine waits); the 19 periods' case statements 16.7 → 14.5 s. Counts, decimals and dates come out as `rowsOf` gives
 * them. A result JSON cannot carry (NaN, ±Infinity) or a statement the wrapper cannot take is
 * read the native way (a failing statement then fails there, with its own error).
 */
export async function readRows(con: DuckDBConnection, text: string): Promise<Row[]> {
  let texts: readonly unknown[] | undefined;
  try {
    texts = (await con.runAndReadAll(`SELECT CAST(to_json(r) AS VARCHAR) AS r FROM (${text}
) r`)).getColumns()[0] ?? [];
  } catch {
    texts = undefined;
  }
  if (texts) {
    try {
      return texts.map((t) => JSON.parse(t as string) as Row);
    } catch {
      // not JSON (NaN, Infinity): the native way below
    }
  }
  return rowsOf(await con.runAndReadAll(text));
}

/**
 * A result's rows as plain objects, values as getRowObjectsJson() renders them except counts and
 * decimals, which become numbers. Read column by column, natively for the types our statements
 * mostly return (text, numbers, booleans) and through DuckDB's JSON rendering for the others
 * (dates, instants, decimals): for the year's case statement (37 800 rows × 37 columns) 0.9–1.1 s,
 * where the row objects of getRowObjectsJson() took ≈ 1.2 s. The route readRows takes when JSON
 * cannot carry a result.
 */
export function rowsOf(reader: DuckDBResultReader): Row[] {
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const columns = reader.getColumns();
  let json: SqlValue[][] | undefined;
  const count = reader.currentRowCount;
  const rows: Row[] = new Array(count);
  for (let i = 0; i < count; i++) rows[i] = {};
  names.forEach((name, j) => {
    const typeId = types[j]?.typeId as DuckDBTypeId;
    const native = columns[j] ?? [];
    if (NATIVE.has(typeId)) {
      for (let i = 0; i < count; i++) (rows[i] as Record<string, SqlValue>)[name] = (native[i] ?? null) as SqlValue;
    } else if (BIG.has(typeId)) {
      for (let i = 0; i < count; i++) {
        const v = native[i];
        (rows[i] as Record<string, SqlValue>)[name] = v === null || v === undefined ? null : Number(v as bigint);
      }
    } else {
      json ??= reader.getColumnsJson() as SqlValue[][];
      const values = json[j] ?? [];
      const numeric = NUMERIC_AS_TEXT.has(typeId);
      for (let i = 0; i < count; i++) {
        const v = values[i] ?? null;
        (rows[i] as Record<string, SqlValue>)[name] = numeric && v !== null ? Number(v) : v;
      }
    }
  });
  return rows;
}

/** Types whose native values are the JSON ones (strings, numbers, booleans). */
const NATIVE: ReadonlySet<DuckDBTypeId> = new Set([
  DuckDBTypeId.VARCHAR, DuckDBTypeId.BOOLEAN, DuckDBTypeId.DOUBLE, DuckDBTypeId.FLOAT,
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER,
]);
/** Integer types read natively as bigint. */
const BIG: ReadonlySet<DuckDBTypeId> = new Set([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT]);

/**
 * Types that getRowObjectsJson() renders as text (to keep precision): counts and decimals are
 * numbers in our contracts, as Athena's adapter returns them. Counts stay far below 2^53.
 */
const NUMERIC_AS_TEXT: ReadonlySet<DuckDBTypeId> = new Set([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT, DuckDBTypeId.DECIMAL]);

/**
 * Trino (Athena) inlines every WITH query; DuckDB materialises a CTE referenced more than once,
 * which for the per-period statements of staged scoring costs more than it saves (a half-year's
 * case indicators: 5.5 s materialised, 3.4 s inlined). Those statements mark their CTEs
 * `AS /* inline *\/ (` (shared/src/sql/case-facts.sql.ts `cteList`), a comment to Trino and
 * `AS NOT MATERIALIZED (` — a planner hint that changes no result — to DuckDB. Unmarked CTEs keep
 * DuckDB's choice (the single statement would re-plan its deep CTE chain many times over).
 */
export function inlineCtes(sql: string): string {
  return sql.replaceAll(INLINE_MARK, "AS NOT MATERIALIZED (");
}

/**
 * A statement with what cannot change the lake files or columns it reads masked (the key of the
 * bytes-read figure): TIMESTAMP and DATE literals and numbers. Text literals are kept: the `month`
 * partition is compared with them.
 */
export function scanShape(sql: string): string {
  return sql.replace(/\b(TIMESTAMP|DATE)\s+'[^']*'|'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b/gi, (m: string, keyword: string | undefined) =>
    keyword ? `${keyword} ?` : m.startsWith("'") ? m : "?",
  );
}

/** A table name written into SQL text: letters, digits and underscores only. */
function relationName(name: string): string {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`table name "${name}" must be lower-case letters, digits and underscores`);
  return name;
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Flag columns added after the first lake layout (older Parquet files lack them). */
const ADDED_FLAG_COLUMNS = ["personal_data_store", "population_database"] as const;

/** Column list of the curated events table, for an empty lake (mirrors the Glue table). */
export const EMPTY_CURATED = `SELECT
  CAST(NULL AS VARCHAR) AS event_id, CAST(NULL AS VARCHAR) AS case_id, CAST(NULL AS VARCHAR) AS type,
  CAST(NULL AS TIMESTAMP) AS occurred_at, CAST(NULL AS VARCHAR) AS unit_id, CAST(NULL AS VARCHAR) AS procedure_code,
  CAST(NULL AS VARCHAR) AS field, CAST(NULL AS VARCHAR) AS channel, CAST(NULL AS TIMESTAMP) AS due_at,
  CAST(NULL AS VARCHAR) AS target_unit_id, CAST(NULL AS BOOLEAN) AS digitized_dossier, CAST(NULL AS BOOLEAN) AS digitized_result,
  CAST(NULL AS BOOLEAN) AS digitally_signed, CAST(NULL AS BOOLEAN) AS reused_data, CAST(NULL AS BOOLEAN) AS online_payment,
  CAST(NULL AS BOOLEAN) AS fee_bearing, CAST(NULL AS BOOLEAN) AS synced_to_national_portal, CAST(NULL AS BOOLEAN) AS result_required,
  CAST(NULL AS BOOLEAN) AS personal_data_store, CAST(NULL AS BOOLEAN) AS population_database,
  CAST(NULL AS BOOLEAN) AS rating_satisfied, CAST(NULL AS VARCHAR) AS applicant_pseudonym, CAST(NULL AS VARCHAR) AS ingest_batch,
  CAST(NULL AS VARCHAR) AS month`;

export const EMPTY_COMPLAINTS = `SELECT
  CAST(NULL AS VARCHAR) AS complaint_id, CAST(NULL AS VARCHAR) AS source, CAST(NULL AS VARCHAR) AS unit_id,
  CAST(NULL AS TIMESTAMP) AS received_at, CAST(NULL AS VARCHAR) AS category, CAST(NULL AS VARCHAR) AS case_id,
  CAST(NULL AS VARCHAR) AS procedure_code, CAST(NULL AS VARCHAR) AS field, CAST(NULL AS TIMESTAMP) AS accepted_at,
  CAST(NULL AS TIMESTAMP) AS refused_at, CAST(NULL AS TIMESTAMP) AS handled_at, CAST(NULL AS BOOLEAN) AS satisfied,
  CAST(NULL AS BOOLEAN) AS re_complained`;

/** Column list of the improper-returns table (mirrors the Glue table), for tests that load tables directly. */
export const EMPTY_IMPROPER_RETURNS = `SELECT
  CAST(NULL AS VARCHAR) AS case_id, CAST(NULL AS VARCHAR) AS basis, CAST(NULL AS VARCHAR) AS reference, CAST(NULL AS TIMESTAMP) AS marked_at`;

export const EMPTY_PROCEDURES = `SELECT
  CAST(NULL AS VARCHAR) AS code, CAST(NULL AS VARCHAR) AS name_vi, CAST(NULL AS VARCHAR) AS field, CAST(NULL AS VARCHAR) AS tier,
  CAST(NULL AS VARCHAR) AS online_level, CAST(NULL AS BOOLEAN) AS fee_bearing, CAST(NULL AS BOOLEAN) AS payment_integrated,
  CAST(NULL AS BOOLEAN) AS result_required, CAST(NULL AS BOOLEAN) AS population_db_connected, CAST(NULL AS INTEGER) AS time_limit_days,
  CAST(NULL AS DATE) AS valid_from, CAST(NULL AS DATE) AS valid_to, CAST(NULL AS VARCHAR) AS change_kind,
  CAST(NULL AS DATE) AS decision_date, CAST(NULL AS DATE) AS legal_effective_date, CAST(NULL AS DATE) AS public_date,
  CAST(NULL AS BOOLEAN) AS content_complete`;
