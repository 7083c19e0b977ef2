import { AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand, type QueryExecutionState, StartQueryExecutionCommand } from "@aws-sdk/client-athena";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AthenaQueryEngine, QueryFailedError } from "../src/adapters/aws/athena-engine.js";
import type { DuckDbQueryEngine } from "../src/adapters/local/duckdb-engine.js";
import type { QueryEngine } from "../src/ports/index.js";
import { tempRuntime } from "./support/temp-runtime.js";

/** A query whose answer is known: typed columns of every kind the scoring SQL returns. */
const SQL = `SELECT * FROM (VALUES ('DEPT-STP-2020', 3, 1.5, true, CAST(NULL AS VARCHAR)), ('DIST-731', 0, 0.25, false, 'x')) AS t(unit_id, early, ratio, ok, note) WHERE early >= {{min_early}} ORDER BY unit_id`;
const EXPECTED = [
  { unit_id: "DEPT-STP-2020", early: 3, ratio: 1.5, ok: true, note: null },
  { unit_id: "DIST-731", early: 0, ratio: 0.25, ok: false, note: "x" },
];

function queryEngineContract(name: string, make: () => Promise<QueryEngine>) {
  describe(`QueryEngine contract: ${name}`, () => {
    let engine: QueryEngine;
    beforeAll(async () => {
      engine = await make();
    });
    it("returns typed rows: counts and ratios as numbers, booleans, nulls", async () => {
      expect((await engine.query(SQL, { min_early: 0 })).rows).toEqual(EXPECTED);
    });
    it("refuses a parameter value that could escape its quotes", async () => {
      await expect(engine.query("SELECT {{p}} AS p", { p: "x'; DROP TABLE t; --" })).rejects.toThrow(/allowed set/);
    });
  });
}

let env: Awaited<ReturnType<typeof tempRuntime>>;
beforeAll(async () => {
  env = await tempRuntime();
});
afterAll(() => env.dispose());
queryEngineContract("DuckDB", async () => env.rt.engine as DuckDbQueryEngine);

const athenaMock = mockClient(AthenaClient);
/** Program the mock to answer like Athena: a header row first, values as strings, two pages. */
function athenaAnswers(rows: typeof EXPECTED, states: QueryExecutionState[] = ["RUNNING", "SUCCEEDED"]) {
  athenaMock.reset();
  athenaMock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q-1" });
  const exec = athenaMock.on(GetQueryExecutionCommand);
  states.forEach((State, i) => {
    const answer = { QueryExecution: { Status: { State }, Statistics: { DataScannedInBytes: 10_485_760 } } };
    if (i === states.length - 1) exec.resolves(answer);
    else exec.resolvesOnce(answer);
  });
  const ColumnInfo = [
    { Name: "unit_id", Type: "varchar" },
    { Name: "early", Type: "bigint" },
    { Name: "ratio", Type: "double" },
    { Name: "ok", Type: "boolean" },
    { Name: "note", Type: "varchar" },
  ];
  const cell = (v: unknown) => (v === null ? {} : { VarCharValue: String(v) });
  const data = rows.map((r) => ({ Data: [cell(r.unit_id), cell(r.early), cell(r.ratio), cell(r.ok), cell(r.note)] }));
  athenaMock
    .on(GetQueryResultsCommand, { QueryExecutionId: "q-1", NextToken: undefined })
    .resolves({ ResultSet: { ResultSetMetadata: { ColumnInfo }, Rows: [{ Data: ColumnInfo.map((c) => ({ VarCharValue: c.Name })) }, ...data.slice(0, 1)] }, NextToken: "page-2" })
    .on(GetQueryResultsCommand, { QueryExecutionId: "q-1", NextToken: "page-2" })
    .resolves({ ResultSet: { ResultSetMetadata: { ColumnInfo }, Rows: data.slice(1) } });
}
const noSleep = async () => undefined;
const athena = () => new AthenaQueryEngine(new AthenaClient({ region: "ap-southeast-1" }), { workGroup: "scorecard", database: "scorecard", reuseMaxAgeMinutes: 60, sleep: noSleep });

queryEngineContract("Athena (aws-sdk-client-mock)", async () => {
  athenaAnswers(EXPECTED);
  return athena();
});

describe("Athena adapter: what only Athena does", () => {
  beforeEach(() => athenaAnswers(EXPECTED, ["QUEUED", "RUNNING", "RUNNING", "SUCCEEDED"]));

  it("starts the query in the workgroup with result reuse and the rendered SQL", async () => {
    await athena().query(SQL, { min_early: 0 });
    const start = athenaMock.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input;
    expect(start).toMatchObject({
      WorkGroup: "scorecard",
      QueryExecutionContext: { Database: "scorecard" },
      ResultReuseConfiguration: { ResultReuseByAgeConfiguration: { Enabled: true, MaxAgeInMinutes: 60 } },
    });
    expect(start?.QueryString).toContain("WHERE early >= 0");
  });

  it("polls with exponential backoff until the query succeeds, and reports bytes scanned", async () => {
    const waits: number[] = [];
    const engine = new AthenaQueryEngine(new AthenaClient({ region: "ap-southeast-1" }), {
      workGroup: "w",
      database: "d",
      pollInitialMs: 100,
      pollMaxMs: 300,
      sleep: async (ms) => void waits.push(ms),
    });
    const r = await engine.query(SQL, { min_early: 0 });
    expect(waits).toEqual([100, 200, 300]);
    expect(r.bytesScanned).toBe(10_485_760);
    expect(athenaMock.commandCalls(GetQueryResultsCommand)).toHaveLength(2);
  });

  it("maps a failed query to QueryFailedError with Athena's category and retryability", async () => {
    athenaMock.on(GetQueryExecutionCommand).resolves({
      QueryExecution: { Status: { State: "FAILED", StateChangeReason: "SYNTAX_ERROR: line 1:8", AthenaError: { ErrorCategory: 2, Retryable: false } } },
    });
    const err = await athena().query(SQL, { min_early: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryFailedError);
    expect(err).toMatchObject({ queryExecutionId: "q-1", category: 2, retryable: false });
    expect((err as Error).message).toContain("SYNTAX_ERROR");
  });
});
