import {
  type AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type GetQueryResultsCommandOutput,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import type { QueryEngine, QueryResult, Row, SqlValue } from "../../ports/index.js";
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
 * The query port on Athena (engine v3): StartQueryExecution in a workgroup (which enforces the
 * per-query scan limit and result encryption), polling with exponential backoff, paginated
 * GetQueryResults, typed rows, bytes scanned for the snapshot metadata, and result reuse.
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
    const started = await this.athena.send(
      new StartQueryExecutionCommand({
        QueryString: renderSql(sql, params),
        WorkGroup: this.options.workGroup,
        QueryExecutionContext: { Database: this.options.database },
        ResultReuseConfiguration: {
          ResultReuseByAgeConfiguration: { Enabled: (this.options.reuseMaxAgeMinutes ?? 0) > 0, MaxAgeInMinutes: this.options.reuseMaxAgeMinutes ?? 0 },
        },
      }),
    );
    const id = started.QueryExecutionId;
    if (!id) throw new QueryFailedError("Athena returned no query execution id", undefined, undefined, true);

    let wait = this.options.pollInitialMs ?? 200;
    const deadline = Date.now() + (this.options.timeoutMs ?? 120_000);
    let bytesScanned: number | null = null;
    for (;;) {
      const { QueryExecution: q } = await this.athena.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
      const state = q?.Status?.State;
      if (state === "SUCCEEDED") {
        bytesScanned = q?.Statistics?.DataScannedInBytes ?? null;
        break;
      }
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
    return { rows, bytesScanned };
  }
}
