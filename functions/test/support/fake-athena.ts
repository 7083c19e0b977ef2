import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type QueryExecutionState,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { type AwsClientStub, mockClient } from "aws-sdk-client-mock";

export interface FakeQuery {
  readonly id: string;
  readonly sql: string;
  readonly workGroup: string | undefined;
  readonly database: string | undefined;
  /** Result reuse asked for (minutes; 0 or undefined when off). */
  readonly reuseMinutes: number | undefined;
  state: QueryExecutionState;
}

type Cell = string | number | boolean | null;

/**
 * Athena behind aws-sdk-client-mock: every started query is recorded with its SQL; `fail(when)`
 * makes matching queries end FAILED (optionally only the first n times); `answer(when, rows)` gives
 * a SELECT its rows (typed varchar / bigint columns as Athena returns them, header row first).
 * Unanswered queries succeed with no rows (DML, CTAS). Pass a client instance to mock only that
 * client (another test in the file may mock the class).
 */
export class FakeAthena {
  readonly mock: AwsClientStub<AthenaClient>;
  readonly queries: FakeQuery[] = [];
  readonly stopped: string[] = [];
  /** Shared with other fakes to see the order of calls across services. */
  log: string[] = [];
  private failures: { when: (sql: string) => boolean; times: number; reason: string; after: boolean }[] = [];
  /** Runs a started query and gives its rows (an engine standing in for Athena); its errors fail the query. */
  executor: ((sql: string) => Promise<Record<string, Cell>[]>) | undefined;
  private results = new Map<string, Record<string, Cell>[]>();
  private answers: { when: (sql: string) => boolean; rows: (sql: string) => Record<string, Cell>[] }[] = [];
  /** States reported before the final one (e.g. ["RUNNING"]). */
  pending: QueryExecutionState[] = [];
  private polls = new Map<string, number>();

  constructor(client?: AthenaClient) {
    this.mock = client ? mockClient(client) : mockClient(AthenaClient);
    this.install();
  }

  /**
   * Matching queries end FAILED. With `after`, the executor runs the query first: a statement that
   * wrote (part of) its output and then failed, as Athena's INSERT INTO can leave orphaned files.
   */
  fail(when: (sql: string) => boolean, reason = "HIVE_BAD_DATA: injected", times = Number.POSITIVE_INFINITY, after = false): void {
    this.failures.push({ when, times, reason, after });
  }

  answer(when: (sql: string) => boolean, rows: (sql: string) => Record<string, Cell>[]): void {
    this.answers.unshift({ when, rows });
  }

  reset(): void {
    this.queries.length = 0;
    this.stopped.length = 0;
    this.failures = [];
    this.answers = [];
    this.pending = [];
    this.polls.clear();
    this.results.clear();
  }

  sql(filter: (sql: string) => boolean = () => true): string[] {
    return this.queries.map((q) => q.sql).filter(filter);
  }

  private install(): void {
    const reasons = new Map<string, string>();
    this.mock.on(StartQueryExecutionCommand).callsFake(async (input) => {
      const id = `q-${this.queries.length + 1}`;
      const sql = input.QueryString as string;
      const failure = this.failures.find((f) => f.times > 0 && f.when(sql));
      if (failure) {
        failure.times--;
        reasons.set(id, failure.reason);
      }
      let executionError: string | undefined;
      if (this.executor && (!failure || failure.after)) {
        try {
          this.results.set(id, await this.executor(sql));
        } catch (e) {
          executionError = `executor: ${(e as Error).message}`;
          reasons.set(id, executionError);
        }
      }
      const reuse = input.ResultReuseConfiguration?.ResultReuseByAgeConfiguration;
      this.queries.push({
        id,
        sql,
        workGroup: input.WorkGroup,
        database: input.QueryExecutionContext?.Database,
        reuseMinutes: reuse?.Enabled ? reuse.MaxAgeInMinutes : undefined,
        state: failure || executionError ? "FAILED" : "SUCCEEDED",
      });
      this.log.push(`Athena ${sql.trimStart().split(/\s+/).slice(0, 2).join(" ")}`);
      return { QueryExecutionId: id };
    });
    this.mock.on(GetQueryExecutionCommand).callsFake(async (input) => {
      const q = this.queries.find((x) => x.id === input.QueryExecutionId);
      if (!q) throw new Error(`unknown query ${input.QueryExecutionId}`);
      const n = this.polls.get(q.id) ?? 0;
      this.polls.set(q.id, n + 1);
      const stopped = this.stopped.includes(q.id);
      const state: QueryExecutionState = stopped ? "CANCELLED" : n < this.pending.length ? (this.pending[n] as QueryExecutionState) : q.state;
      return {
        QueryExecution: {
          QueryExecutionId: q.id,
          Status: state === "FAILED" ? { State: state, StateChangeReason: reasons.get(q.id), AthenaError: { ErrorCategory: 2, Retryable: false } } : { State: state },
          Statistics: { DataScannedInBytes: 1_000_000 },
        },
      };
    });
    this.mock.on(StopQueryExecutionCommand).callsFake(async (input) => {
      this.stopped.push(input.QueryExecutionId as string);
      return {};
    });
    this.mock.on(GetQueryResultsCommand).callsFake(async (input) => {
      const q = this.queries.find((x) => x.id === input.QueryExecutionId);
      if (!q) throw new Error(`unknown query ${input.QueryExecutionId}`);
      const rows = this.answers.find((a) => a.when(q.sql))?.rows(q.sql) ?? this.results.get(q.id) ?? [];
      const names = rows[0] ? Object.keys(rows[0]) : [];
      const ColumnInfo = names.map((Name) => ({ Name, Type: typeof rows[0]?.[Name] === "number" ? "bigint" : typeof rows[0]?.[Name] === "boolean" ? "boolean" : "varchar" }));
      const cell = (v: Cell) => (v === null ? {} : { VarCharValue: String(v) });
      return {
        ResultSet: {
          ResultSetMetadata: { ColumnInfo },
          Rows: [{ Data: names.map((n) => ({ VarCharValue: n })) }, ...rows.map((r) => ({ Data: names.map((n) => cell(r[n] ?? null)) }))],
        },
      };
    });
  }
}
