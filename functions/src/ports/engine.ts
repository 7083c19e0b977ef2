/** The SQL engine port: DuckDB locally, Athena in the cloud (the same SQL, shared/src/sql). */

export type SqlValue = string | number | boolean | null;

export type Row = Record<string, SqlValue>;

export interface QueryResult {
  readonly rows: Row[];
  /** Bytes the engine read to answer (DuckDB profiling locally, DataScannedInBytes on Athena), when known. */
  readonly bytesScanned: number | null;
}

export type RelationKind = "table" | "view";

/**
 * Every method is required: an adapter whose configuration lacks a capability implements it
 * another way or refuses at construction (AthenaQueryEngine without a lake). Whether a scoring run
 * stages its facts is the use case's choice (ScoreRunOptions.staged), not the engine's.
 */
export interface QueryEngine {
  /** Run one SQL statement with `{{name}}` parameters already validated by the caller. */
  query(sql: string, params: Readonly<Record<string, SqlValue>>): Promise<QueryResult>;
  /**
   * Create (or replace) relation `name` from a SELECT, for later statements of the same engine
   * (staged scoring, shared/src/sql/case-stages.sql.ts): a DuckDB table or view locally, a CTAS or
   * view on Athena.
   */
  materialize(name: string, sql: string, params: Readonly<Record<string, SqlValue>>, kind?: RelationKind): Promise<{ readonly bytesScanned: number | null }>;
  /**
   * Write the rows of a SELECT under the lake prefix `prefix` (which must be new), one folder per
   * value of column `partitionBy` (`prefix/<col>=<value>/…`, without that column): CSV with a
   * header (`.csv`, DuckDB's COPY … PARTITION_BY; empty = NULL) or newline-delimited JSON, maybe
   * gzip (Athena's UNLOAD; a null may be an absent key). The partition column must be the LAST
   * column of the SELECT (Athena's rule). The rows never pass through the caller.
   */
  unload(sql: string, params: Readonly<Record<string, SqlValue>>, prefix: string, partitionBy: string): Promise<{ readonly bytesScanned: number | null }>;
  /**
   * Write the rows of a SELECT as Parquet under the lake prefix `prefix` (which must be new), in the
   * SELECT's order, and make `name` a relation over them, as `attach` does (kept case facts,
   * docs/adr/0023): a DuckDB table and the file locally, a CTAS with that external location on Athena.
   */
  keep(name: string, sql: string, params: Readonly<Record<string, SqlValue>>, prefix: string): Promise<{ readonly bytesScanned: number | null }>;
  /**
   * Make `name` a relation over what `keep` wrote under `prefix` — in this engine or another one
   * before (an earlier process, an earlier Lambda). Files under a kept prefix never change, so a
   * relation already attached under that name is kept as it is. Dropped with `drop` (kind "table").
   */
  attach(name: string, prefix: string): Promise<void>;
  /** Drop relations made by `materialize` (absent names are ignored). */
  drop(relations: readonly { readonly name: string; readonly kind: RelationKind }[]): Promise<void>;
}
