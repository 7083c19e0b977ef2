import type { QueryEngine, QueryResult, RelationKind, SqlValue } from "../../ports/engine.js";
import { LAKE_PREFIXES } from "@scorecard/shared/lake/layout";
import type { AthenaClient } from "@aws-sdk/client-athena";
import { renderSql } from "../sql-params.js";
import { type AthenaStatementOptions, AthenaStatements } from "./athena-statements.js";

export interface AthenaEngineOptions extends AthenaStatementOptions {
  /**
   * The lake bucket that `materialize` (CTAS tables under `<stagingPrefix><name>/`) and `unload`
   * write to, and a way to delete objects there (S3Lake): DROP TABLE leaves an external table's
   * files in S3. Required: without it the engine could not stage or unload, so it is refused at
   * construction (statements alone: ./athena-statements.ts).
   */
  readonly lake: { readonly bucket: string; readonly objects: { removePrefix(prefix: string): Promise<void> } };
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

/**
 * The query port on Athena (engine v3): statements in a workgroup (./athena-statements.ts: polling,
 * typed rows, bytes scanned for the snapshot metadata, result reuse), and the staged-scoring
 * methods on the lake bucket: views and CTAS tables (`materialize`, `drop`) and partitioned UNLOAD
 * (`unload`).
 */
export class AthenaQueryEngine implements QueryEngine {
  private readonly statements: AthenaStatements;

  constructor(
    athena: AthenaClient,
    private readonly options: AthenaEngineOptions,
  ) {
    // The type requires it; a caller that got past the type learns here, not at its first CTAS.
    if (!options.lake) throw new Error("AthenaQueryEngine needs options.lake: the bucket its CTAS tables and UNLOADs write to (statements alone: AthenaStatements)");
    this.statements = new AthenaStatements(athena, options);
  }

  async query(sql: string, params: Readonly<Record<string, SqlValue>>): Promise<QueryResult> {
    return this.statements.query(sql, params);
  }

  /**
   * A view (`CREATE OR REPLACE VIEW`) or a table: CTAS as ZSTD Parquet under
   * `s3://<lake>/<stagingPrefix><name>/`, after dropping a table of that name and deleting what
   * is left under its location (a CTAS needs an empty location). Reports the bytes Athena read.
   */
  async materialize(name: string, sql: string, params: Readonly<Record<string, SqlValue>>, kind: RelationKind = "table"): Promise<{ bytesScanned: number | null }> {
    const rel = this.relation(name);
    const select = renderSql(sql, params);
    if (kind === "view") return { bytesScanned: (await this.statements.run(`CREATE OR REPLACE VIEW ${rel} AS\n${select}`)).bytesScanned };
    await this.dropTable(rel);
    const location = `s3://${this.options.lake.bucket}/${this.stagingKey(rel)}`;
    const ctas = `CREATE TABLE ${rel}\nWITH (format = 'PARQUET', write_compression = 'ZSTD', external_location = '${location}')\nAS\n${select}`;
    return { bytesScanned: (await this.statements.run(ctas)).bytesScanned };
  }

  /**
   * A kept relation (docs/adr/0023): CTAS as ZSTD Parquet under `s3://<lake>/<prefix>/` (a new
   * prefix: a CTAS needs an empty location). The Glue table it creates outlives the run, so another
   * invocation `attach`es to it by name. Reports the bytes Athena read.
   */
  async keep(name: string, sql: string, params: Readonly<Record<string, SqlValue>>, prefix: string): Promise<{ bytesScanned: number | null }> {
    const rel = this.relation(name);
    const location = `s3://${this.options.lake.bucket}/${lakePrefix(prefix)}/`;
    return { bytesScanned: (await this.statements.run(`CREATE TABLE ${rel}\nWITH (format = 'PARQUET', write_compression = 'ZSTD', external_location = '${location}')\nAS\n${renderSql(sql, params)}`)).bytesScanned };
  }

  /** Nothing to do: the Glue table `keep` made under this name is the relation, for every invocation (names are per generation). */
  async attach(name: string, prefix: string): Promise<void> {
    this.relation(name);
    lakePrefix(prefix);
  }

  /** Drop views and tables (absent ones are ignored) and delete the tables' staged files; tries them all, then throws the first failure. */
  async drop(relations: readonly { readonly name: string; readonly kind: RelationKind }[]): Promise<void> {
    const failures: unknown[] = [];
    for (const r of relations) {
      try {
        const rel = this.relation(r.name);
        if (r.kind === "view") await this.statements.run(`DROP VIEW IF EXISTS ${rel}`);
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
    const col = identifier(partitionBy, "partition column");
    const target = `s3://${this.options.lake.bucket}/${lakePrefix(prefix)}/`;
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
        const { bytesScanned } = await this.statements.run(`UNLOAD (SELECT * FROM ${tmp} WHERE ${where})\nTO '${target}'\nWITH (format = 'JSON', compression = 'GZIP', partitioned_by = ARRAY['${col}'])`);
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
    await this.statements.run(`DROP TABLE IF EXISTS ${rel}`);
    await this.options.lake.objects.removePrefix(this.stagingKey(rel));
  }
}
