import type { QueryEngine, QueryResult, RelationKind, Row, SqlValue } from "../../ports/engine.js";
import { LAKE_PREFIXES } from "@scorecard/shared/lake/layout";
import {
  type AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type GetQueryResultsCommandOutput,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { renderSql } from "../sql-params.js";

export class QueryFailedError extends Error {
  override readonly name = "QueryFailedError";
  constructor(
    message: string,
    readonly queryExecutionId: string | undefined,
    /** Athena's error category: 1 system, 2 user (the SQL), 3 other. */
    readonly category: number | undefined,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface AthenaEngineOptions {
  readonly workGroup: string;
  readonly database: string;
  /** Reuse a result of the same query text when younger than this (Athena result reuse). */
  readonly reuseMaxAgeMinutes?: number;
  readonly pollInitialMs?: number;
  readonly pollMaxMs?: number;
  readonly timeoutMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * The lake bucket that `materialize` (CTAS tables under `<stagingPrefix><name>/`) and `unload`
   * write to, and a way to delete objects there (S3Lake): DROP TABLE leaves an external table's
   * files in S3. Without it those methods refuse to run.
   */
  readonly lake?: { readonly bucket: string; readonly objects: { removePrefix(prefix: string): Promise<void> } };
  /** Lake prefix of the CTAS tables (the Lake construct expires leftovers there). @default "staging/" */
  readonly stagingPrefix?: string;
  /** Prefix every relation made by `materialize` must have (the IAM grant names `<prefix>*`). @default "sc_" */
  readonly relationPrefix?: string;
  /** Distinct partition values one UNLOAD may write (Athena's limit is 100). @default 100 */
  readonly maxPartitionsPerUnload?: number;
}

/** Where CTAS tables go by default (infra: LAKE_PREFIXES.staging, expired after a day). */
export const STAGING_PREFIX = LAKE_PREFIXES.staging;
/** Relations made by scoring runs (staged-facts.ts names them `sc_…`; infra grants Glue on `sc_*`). */
export const STAGED_RELATION_PREFIX = "sc_";

/** A name written into SQL text: lower-case letters, digits and underscores (as DuckDB's adapter). */
function identifier(name: string, what = "table name"): string {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`${what} "${name}" must be lower-case letters, digits and underscores`);
  return name;
}

/** A lake key prefix written into SQL text (the folder lake's key alphabet, no quotes). */
function lakePrefix(prefix: string): string {
  const p = prefix.replace(/\/+$/, "");
  if (!/^[A-Za-z0-9][A-Za-z0-9._=\-/]*$/.test(p) || p.includes("..") || p.includes("//")) throw new Error(`unsafe lake prefix: ${prefix}`);
  return p;
}

/** A value of the partition column as a Trino literal. */
function literal(v: SqlValue): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return `'${String(v).replace(/'/g, "''")}'`;
}

let unloads = 0;

/** Athena types → JSON values, as DuckDB's adapter returns them (counts as numbers). */
function convert(value: string | undefined, type: string | undefined): SqlValue {
  if (value === undefined) return null;
  switch (type) {
    case "tinyint":
    case "smallint":
    case "integer":
    case "bigint":
    case "double":
    case "float":
    case "real":
    case "decimal":
      return Number(value);
    case "boolean":
      return value === "true";
    default:
      return value;
  }
}

/**
 * The query port on Athena (engine v3): StartQueryExecution in a workgroup (its per-query scan
 * limit, results location and minimum result encryption apply; no client-side result settings are
 * sent), polling with exponential backoff, paginated GetQueryResults, typed rows, bytes scanned for
 * the snapshot metadata, and result reuse. With `options.lake`, also the staged-scoring methods:
 * views and CTAS tables (`materialize`, `drop`) and partitioned UNLOAD to the lake (`unload`).
 */
export class AthenaQueryEngine implements QueryEngine {
  private readonly sleep: (ms: number) => Promise<void>;
  constructor(
    private readonly athena: AthenaClient,
    private readonly options: AthenaEngineOptions,
  ) {
    this.sleep = options.sleep ?? ((ms) => new Promise((ok) => setTimeout(ok, ms)));
  }

  async query(sql: string, params: Readonly<Record<string, SqlValue>>): Promise<QueryResult> {
    const { id, bytesScanned } = await this.run(renderSql(sql, params), true);
    return { rows: await this.results(id), bytesScanned };
  }

  /**
   * A view (`CREATE OR REPLACE VIEW`) or a table: CTAS as ZSTD Parquet under
   * `s3://<lake>/<stagingPrefix><name>/`, after dropping a table of that name and deleting what
   * is left under its location (a CTAS needs an empty location). Reports the bytes Athena read.
   */
  async materialize(name: string, sql: string, params: Readonly<Record<string, SqlValue>>, kind: RelationKind = "table"): Promise<{ bytesScanned: number | null }> {
    const rel = this.relation(name);
    const select = renderSql(sql, params);
    if (kind === "view") return { bytesScanned: (await this.run(`CREATE OR REPLACE VIEW ${rel} AS\n${select}`)).bytesScanned };
    const lake = this.staging();
    await this.dropTable(rel);
    const location = `s3://${lake.bucket}/${this.stagingKey(rel)}`;
    const ctas = `CREATE TABLE ${rel}\nWITH (format = 'PARQUET', write_compression = 'ZSTD', external_location = '${location}')\nAS\n${select}`;
    return { bytesScanned: (await this.run(ctas)).bytesScanned };
  }

  /** Drop views and tables (absent ones are ignored) and delete the tables' staged files; tries them all, then throws the first failure. */
  async drop(relations: readonly { readonly name: string; readonly kind: RelationKind }[]): Promise<void> {
    const failures: unknown[] = [];
    for (const r of relations) {
      try {
        const rel = this.relation(r.name);
        if (r.kind === "view") await this.run(`DROP VIEW IF EXISTS ${rel}`);
        else await this.dropTable(rel);
      } catch (e) {
        failures.push(e);
      }
    }
    if (failures.length > 0) throw failures[0];
  }

  /**
   * UNLOAD the rows of a SELECT as gzip newline-delimited JSON under `s3://<lake>/<prefix>/`, one
   * folder per value of `partitionBy` (`<col>=<value>/`, files without the column). Athena wants
   * the partition column LAST in the select list, and writes at most 100 partitions per UNLOAD:
   * the rows are first made a staging table (one evaluation of the SELECT, so every chunk sees the
   * same rows), then unloaded in chunks of at most `maxPartitionsPerUnload` values (a partitioned
   * UNLOAD may add folders to a non-empty location). The staging table is dropped in the end.
   * Reports the bytes of all these statements (what Athena bills).
   */
  async unload(sql: string, params: Readonly<Record<string, SqlValue>>, prefix: string, partitionBy: string): Promise<{ bytesScanned: number | null }> {
    const lake = this.staging();
    const col = identifier(partitionBy, "partition column");
    const target = `s3://${lake.bucket}/${lakePrefix(prefix)}/`;
    const tmp = `${this.options.relationPrefix ?? STAGED_RELATION_PREFIX}unload_${Date.now().toString(36)}_${(unloads++).toString(36)}`;
    let failed = false;
    let bytes: number | null = 0;
    const add = (b: number | null) => (bytes = bytes === null || b === null ? null : bytes + b);
    try {
      add((await this.materialize(tmp, sql, params, "table")).bytesScanned);
      const distinct = await this.query(`SELECT DISTINCT ${col} AS v FROM ${tmp}`, {});
      add(distinct.bytesScanned);
      const values = distinct.rows.map((r) => r["v"] ?? null);
      const max = Math.max(1, Math.min(this.options.maxPartitionsPerUnload ?? 100, 100));
      const known = values.filter((v): v is Exclude<SqlValue, null> => v !== null).sort((a, b) => String(a).localeCompare(String(b)));
      const chunks: string[] = [];
      for (let i = 0; i < known.length; i += max) chunks.push(`${col} IN (${known.slice(i, i + max).map(literal).join(", ")})`);
      if (values.includes(null)) {
        // NULL is one more partition (Hive's default partition): its own chunk when the last one is full.
        if (chunks.length > 0 && known.length % max !== 0) chunks[chunks.length - 1] = `(${chunks.at(-1)} OR ${col} IS NULL)`;
        else chunks.push(`${col} IS NULL`);
      }
      for (const where of chunks) {
        const { bytesScanned } = await this.run(`UNLOAD (SELECT * FROM ${tmp} WHERE ${where})\nTO '${target}'\nWITH (format = 'JSON', compression = 'GZIP', partitioned_by = ARRAY['${col}'])`);
        add(bytesScanned);
      }
      return { bytesScanned: bytes };
    } catch (e) {
      failed = true;
      throw e;
    } finally {
      // A failed drop after a failed unload must not hide the unload's error (the lifecycle expires staging/).
      await this.drop([{ name: tmp, kind: "table" }]).catch((e: unknown) => {
        if (!failed) throw e;
      });
    }
  }

  private staging(): NonNullable<AthenaEngineOptions["lake"]> {
    if (!this.options.lake) throw new Error("AthenaQueryEngine needs options.lake to materialize tables or unload");
    return this.options.lake;
  }

  private relation(name: string): string {
    const prefix = this.options.relationPrefix ?? STAGED_RELATION_PREFIX;
    if (!identifier(name).startsWith(prefix)) throw new Error(`relation "${name}" must start with "${prefix}" (the role may create and drop only those)`);
    return name;
  }

  private stagingKey(rel: string): string {
    return `${this.options.stagingPrefix ?? STAGING_PREFIX}${rel}/`;
  }

  /** DROP TABLE leaves an external table's files: delete them too (also when no table was left, only files). */
  private async dropTable(rel: string): Promise<void> {
    await this.run(`DROP TABLE IF EXISTS ${rel}`);
    await this.staging().objects.removePrefix(this.stagingKey(rel));
  }

  /** Start a statement in the workgroup and wait for it (exponential backoff, stopped at the timeout). */
  private async run(queryString: string, reuse = false): Promise<{ id: string; bytesScanned: number | null }> {
    const reuseMinutes = reuse ? (this.options.reuseMaxAgeMinutes ?? 0) : 0;
    const started = await this.athena.send(
      new StartQueryExecutionCommand({
        QueryString: queryString,
        WorkGroup: this.options.workGroup,
        QueryExecutionContext: { Database: this.options.database },
        ResultReuseConfiguration: { ResultReuseByAgeConfiguration: { Enabled: reuseMinutes > 0, MaxAgeInMinutes: reuseMinutes } },
      }),
    );
    const id = started.QueryExecutionId;
    if (!id) throw new QueryFailedError("Athena returned no query execution id", undefined, undefined, true);

    let wait = this.options.pollInitialMs ?? 200;
    const deadline = Date.now() + (this.options.timeoutMs ?? 120_000);
    for (;;) {
      const { QueryExecution: q } = await this.athena.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
      const state = q?.Status?.State;
      if (state === "SUCCEEDED") return { id, bytesScanned: q?.Statistics?.DataScannedInBytes ?? null };
      if (state === "FAILED" || state === "CANCELLED") {
        const category = q?.Status?.AthenaError?.ErrorCategory;
        throw new QueryFailedError(
          `Athena query ${id} ${state.toLowerCase()}: ${q?.Status?.StateChangeReason ?? "no reason given"}`,
          id,
          category,
          q?.Status?.AthenaError?.Retryable ?? category === 1,
        );
      }
      if (Date.now() > deadline) {
        // Stop it: a query left running (an INSERT above all) would race the retry of the caller.
        await this.athena.send(new StopQueryExecutionCommand({ QueryExecutionId: id })).catch(() => undefined);
        throw new QueryFailedError(`Athena query ${id} did not finish in time and was stopped`, id, undefined, true);
      }
      await this.sleep(wait);
      wait = Math.min(wait * 2, this.options.pollMaxMs ?? 5_000);
    }
  }

  /** All rows of a finished query (paginated GetQueryResults), typed. */
  private async results(id: string): Promise<Row[]> {
    const rows: Row[] = [];
    let columns: { name: string; type: string | undefined }[] | undefined;
    let token: string | undefined;
    let first = true;
    do {
      const page: GetQueryResultsCommandOutput = await this.athena.send(new GetQueryResultsCommand({ QueryExecutionId: id, NextToken: token, MaxResults: 1000 }));
      columns ??= (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((c) => ({ name: c.Name ?? "", type: c.Type }));
      const data = page.ResultSet?.Rows ?? [];
      // The first row of the first page repeats the column names.
      for (const r of first ? data.slice(1) : data) {
        const row: Row = {};
        (r.Data ?? []).forEach((d, i) => {
          const col = columns?.[i];
          if (col) row[col.name] = convert(d.VarCharValue, col.type);
        });
        rows.push(row);
      }
      first = false;
      token = page.NextToken;
    } while (token);
    return rows;
  }
}
