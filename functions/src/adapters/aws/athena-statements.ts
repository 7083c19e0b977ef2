import type { QueryResult, Row, SqlValue } from "../../ports/engine.js";
import {
  type AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type GetQueryResultsCommandOutput,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { renderSql } from "../sql-params.js";

/** A statement Athena failed or cancelled, or one stopped at the timeout. */
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

/** Where and how the statements run. */
export interface AthenaStatementOptions {
  readonly workGroup: string;
  readonly database: string;
  /** Reuse a result of the same query text when younger than this (Athena result reuse). */
  readonly reuseMaxAgeMinutes?: number;
  readonly pollInitialMs?: number;
  readonly pollMaxMs?: number;
  readonly timeoutMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

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
 * Athena statements, one at a time (engine v3): StartQueryExecution in a workgroup (its per-query
 * scan limit, results location and minimum result encryption apply; no client-side result settings
 * are sent), polling with exponential backoff, stopped at the timeout; paginated GetQueryResults,
 * typed rows, bytes scanned, result reuse. What the query engine (./athena-engine.ts) runs its
 * statements with, and what cloud compaction (./athena-event-compactor.ts), which stages nothing
 * and so needs no lake, runs its INSERTs with.
 */
export class AthenaStatements {
  private readonly sleep: (ms: number) => Promise<void>;
  constructor(
    private readonly athena: AthenaClient,
    private readonly options: AthenaStatementOptions,
  ) {
    this.sleep = options.sleep ?? ((ms) => new Promise((ok) => setTimeout(ok, ms)));
  }

  /** One statement with its `{{name}}` parameters rendered, its rows and the bytes it scanned (result reuse allowed). */
  async query(sql: string, params: Readonly<Record<string, SqlValue>>): Promise<QueryResult> {
    const { id, bytesScanned } = await this.run(renderSql(sql, params), true);
    return { rows: await this.results(id), bytesScanned };
  }

  /** Start a statement in the workgroup and wait for it (exponential backoff, stopped at the timeout). */
  async run(queryString: string, reuse = false): Promise<{ id: string; bytesScanned: number | null }> {
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
