import type { QueryEngine, Row } from "../src/ports/engine.js";
import type { Lake } from "../src/ports/lake.js";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand, type QueryExecutionState, StartQueryExecutionCommand } from "@aws-sdk/client-athena";
import { S3Client } from "@aws-sdk/client-s3";
import { CASE_FACTS_CTE } from "@scorecard/shared/sql/case-facts.sql";
import { caseListSql } from "@scorecard/shared/sql/case-list.sql";
import { CATALOG_LIST_SQL, endListSql } from "@scorecard/shared/sql/record-list.sql";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LAKE_PREFIXES } from "@scorecard/shared/lake/layout";
import { STAGED_RELATION_PREFIX as GRANTED_RELATIONS } from "@scorecard/shared/lake/schema";
import { AthenaQueryEngine, STAGED_RELATION_PREFIX, STAGING_PREFIX } from "../src/adapters/aws/athena-engine.js";
import { QueryFailedError } from "../src/adapters/aws/athena-statements.js";
import { S3Lake } from "../src/adapters/aws/s3-lake.js";
import { DuckDbQueryEngine } from "../src/adapters/local/duckdb-engine.js";
import { drilldownRows } from "../src/use-cases/read/read-rankings.js";
import { AthenaEmulator } from "./support/athena-emulator.js";
import { FakeAthena } from "./support/fake-athena.js";
import { FakeS3 } from "./support/fake-s3.js";
import { tempRuntime } from "./support/temp-runtime.js";

/** A query whose answer is known: typed columns of every kind the scoring SQL returns. */
const SQL = `SELECT * FROM (VALUES ('DEPT-STP-2020', 3, 1.5, true, CAST(NULL AS VARCHAR)), ('DIST-731', 0, 0.25, false, 'x')) AS t(unit_id, early, ratio, ok, note) WHERE early >= {{min_early}} ORDER BY unit_id`;
const EXPECTED = [
  { unit_id: "DEPT-STP-2020", early: 3, ratio: 1.5, ok: true, note: null },
  { unit_id: "DIST-731", early: 0, ratio: 0.25, ok: false, note: "x" },
];

/** Drill-down rows of the case list's shape; unit_id LAST (Athena's partitioned UNLOAD wants it there). */
const UNLOAD_SQL = `SELECT * FROM (VALUES ('c1', 3, 'LATE', 'A'), ('c2', CAST(NULL AS INTEGER), 'EARLY', 'A'), ('c3', 1, CAST(NULL AS VARCHAR), 'B'), ('c4', 0, 'ON_TIME', 'B'))
  AS t(case_id, supplement_requests, status, unit_id) WHERE supplement_requests IS NULL OR supplement_requests >= {{min_requests}}`;
const UNLOAD_COLUMNS = ["case_id", "supplement_requests", "status"];
/** 150 units, one case each: more partitions than one Athena UNLOAD may write. */
const MANY_UNITS_SQL = `SELECT * FROM (VALUES ${Array.from({ length: 150 }, (_, i) => `('c${i}', 'U${String(i).padStart(3, "0")}')`).join(", ")}) AS t(case_id, unit_id)`;

/** What a reader finds under a run prefix: unit → rows (values as text, absent or empty = null, sorted by case). */
async function unloaded(lake: Lake, prefix: string, columns: readonly string[]): Promise<Record<string, Record<string, string | null>[]>> {
  const out: Record<string, Record<string, string | null>[]> = {};
  for (const key of await lake.list(`${prefix}/`)) {
    const unit = /\/unit_id=([^/]+)\//.exec(key)?.[1];
    if (!unit) throw new Error(`unexpected key ${key}`);
    const rows = drilldownRows(key, (await lake.get(key)) ?? new Uint8Array()).map((r: Row) => Object.fromEntries(columns.map((c) => [c, r[c] == null ? null : String(r[c])])));
    (out[unit] ??= []).push(...rows);
  }
  for (const rows of Object.values(out)) rows.sort((a, b) => String(a["case_id"]).localeCompare(String(b["case_id"])));
  return out;
}

/**
 * The whole port, on every engine: the local one (DuckDB over the folder lake) and the cloud one
 * (AthenaQueryEngine on a mocked client whose statements FakeAthena runs on DuckDB, with FakeS3 as
 * the lake bucket). Every method is required (ports/engine.ts): queries, and the staged-scoring
 * methods materialize / drop / unload (docs/adr/0009). What Athena alone does with them (the
 * statements, S3 clean-up, chunks, refusals) is checked below on the same mocked client; how it
 * types Athena's string answers and polls, on aws-sdk-client-mock answers.
 */
function queryEngineContract(name: string, make: () => Promise<{ engine: QueryEngine; lake: Lake; another: () => Promise<QueryEngine & { close?(): void }> }>) {
  describe(`QueryEngine contract: ${name}`, () => {
    let engine: QueryEngine;
    let lake: Lake;
    let another: () => Promise<QueryEngine & { close?(): void }>;
    beforeAll(async () => {
      ({ engine, lake, another } = await make());
    });

    it("keeps a relation's rows as Parquet under a lake prefix: readable at once, and by another engine on the same lake after attach (docs/adr/0023)", async () => {
      const prefix = "facts/sc_kf_contract/facts0/";
      await engine.keep("sc_kf_contract_facts0", "SELECT * FROM (VALUES (2, 'b'), (1, 'a'), (0, 'z')) AS t(k, v) WHERE k >= {{min_k}} ORDER BY k", { min_k: 1 }, prefix);
      expect((await engine.query("SELECT k, v FROM sc_kf_contract_facts0 ORDER BY k", {})).rows).toEqual([{ k: 1, v: "a" }, { k: 2, v: "b" }]);
      const files = await lake.list(prefix);
      expect(files.length).toBeGreaterThan(0);
      expect(files.every((k) => k.startsWith(prefix))).toBe(true);
      // Attaching again in the same engine changes nothing.
      await engine.attach("sc_kf_contract_facts0", prefix);
      expect((await engine.query("SELECT count(*) AS n FROM sc_kf_contract_facts0", {})).rows).toEqual([{ n: 2 }]);
      const other = await another();
      try {
        await other.attach("sc_kf_contract_facts0", prefix);
        expect((await other.query("SELECT k, v FROM sc_kf_contract_facts0 ORDER BY k", {})).rows).toEqual([{ k: 1, v: "a" }, { k: 2, v: "b" }]);
      } finally {
        other.close?.();
      }
      await expect(engine.keep("sc_kf_contract_bad", "SELECT 1 AS k", {}, "../outside/")).rejects.toThrow(/unsafe lake prefix/);
    });

    it("returns typed rows: counts and ratios as numbers, booleans, nulls", async () => {
      expect((await engine.query(SQL, { min_early: 0 })).rows).toEqual(EXPECTED);
    });

    it("refuses a parameter value that could escape its quotes", async () => {
      await expect(engine.query("SELECT {{p}} AS p", { p: "x'; DROP TABLE t; --" })).rejects.toThrow(/allowed set/);
    });

    it("materialises a table later statements read, replaces it on a second materialize, and a view over it", async () => {
      await engine.materialize("sc_contract_t", "SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (0, 'z')) AS t(k, v) WHERE k >= {{min_k}}", { min_k: 1 }, "table");
      expect((await engine.query("SELECT k, v FROM sc_contract_t ORDER BY k", {})).rows).toEqual([{ k: 1, v: "a" }, { k: 2, v: "b" }]);
      await engine.materialize("sc_contract_t", "SELECT * FROM (VALUES (3, 'c')) AS t(k, v)", {}, "table");
      expect((await engine.query("SELECT k, v FROM sc_contract_t", {})).rows).toEqual([{ k: 3, v: "c" }]);
      await engine.materialize("sc_contract_v", "SELECT k * 10 AS k10 FROM sc_contract_t", {}, "view");
      expect((await engine.query("SELECT k10 FROM sc_contract_v", {})).rows).toEqual([{ k10: 30 }]);
    });

    it("drops views and tables; absent names are ignored; a dropped relation cannot be read", async () => {
      await engine.materialize("sc_contract_d", "SELECT 1 AS k", {}, "table");
      await engine.materialize("sc_contract_dv", "SELECT k FROM sc_contract_d", {}, "view");
      await engine.drop([
        { name: "sc_contract_dv", kind: "view" },
        { name: "sc_contract_d", kind: "table" },
        { name: "sc_contract_absent", kind: "table" },
        { name: "sc_contract_absent_v", kind: "view" },
      ]);
      await expect(engine.query("SELECT * FROM sc_contract_d", {})).rejects.toThrow();
      await expect(engine.query("SELECT * FROM sc_contract_dv", {})).rejects.toThrow();
    });

    it("refuses a relation name that is not a plain identifier", async () => {
      await expect(engine.materialize("sc_x; DROP TABLE curated_events", "SELECT 1 AS k", {}, "table")).rejects.toThrow(/lower-case letters, digits and underscores/);
      await expect(engine.drop([{ name: "sc_X", kind: "view" }])).rejects.toThrow(/lower-case letters, digits and underscores/);
    });

    it("unloads the rows under the prefix, one folder per partition value, without that column, readable by the drill-down reader", async () => {
      const r = await engine.unload(UNLOAD_SQL, { min_requests: 1 }, "drilldown/contract/2024-03/run-1", "unit_id");
      expect(r.bytesScanned === null || r.bytesScanned >= 0).toBe(true);
      expect(await unloaded(lake, "drilldown/contract/2024-03/run-1", [...UNLOAD_COLUMNS, "unit_id"])).toEqual({
        A: [
          { case_id: "c1", supplement_requests: "3", status: "LATE", unit_id: null },
          { case_id: "c2", supplement_requests: null, status: "EARLY", unit_id: null },
        ],
        B: [{ case_id: "c3", supplement_requests: "1", status: null, unit_id: null }],
      });
    });

    it("unloads more partition values than one Athena UNLOAD may write (150 units)", async () => {
      await engine.unload(MANY_UNITS_SQL, {}, "drilldown/contract/2024-04/run-1", "unit_id");
      const got = await unloaded(lake, "drilldown/contract/2024-04/run-1", ["case_id"]);
      expect(Object.keys(got)).toHaveLength(150);
      expect(got["U000"]).toEqual([{ case_id: "c0" }]);
      expect(got["U149"]).toEqual([{ case_id: "c149" }]);
    });
  });
}

let env: Awaited<ReturnType<typeof tempRuntime>>;
let env2: Awaited<ReturnType<typeof tempRuntime>>;
beforeAll(async () => {
  [env, env2] = await Promise.all([tempRuntime(), tempRuntime()]);
});
afterAll(() => Promise.all([env.dispose(), env2.dispose()]));
queryEngineContract("DuckDB", async () => ({ engine: env.rt.engine as DuckDbQueryEngine, lake: env.rt.lake, another: () => DuckDbQueryEngine.open(env.rt.lake.root, { threads: 1, memoryLimit: "256MB" }) }));
// The kept relations in a database file of their own (SCORECARD_KEPT_FACTS_FILE; docs/adr/0023 point 8), on a lake of its own.
queryEngineContract("DuckDB, kept relations in a file", async () => ({
  engine: await DuckDbQueryEngine.open(env2.rt.lake.root, { threads: 1, memoryLimit: "256MB", keptFile: join(env2.rt.lake.root, "..", "kept.duckdb") }),
  lake: env2.rt.lake,
  another: () => DuckDbQueryEngine.open(env2.rt.lake.root, { threads: 1, memoryLimit: "256MB" }),
}));

const BUCKET = "lake-test";
/** Athena on DuckDB behind a mocked client instance, with the FakeS3 bucket as the lake. */
const staged = {
  athenaClient: new AthenaClient({ region: "ap-southeast-1" }),
  s3Client: new S3Client({ region: "ap-southeast-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } }),
};
const stagedS3 = new FakeS3(BUCKET, 1000, staged.s3Client);
const stagedAthena = new FakeAthena(staged.athenaClient);
stagedAthena.log = stagedS3.log;
let emulator: AthenaEmulator;
beforeAll(async () => {
  emulator = await AthenaEmulator.open(stagedS3);
  stagedAthena.executor = emulator.execute;
});
afterAll(() => emulator.close());
const noSleep = async () => undefined;
/** The engine's lake option: the FakeS3 bucket. */
const stagingLake = () => ({ bucket: BUCKET, objects: new S3Lake(staged.s3Client, BUCKET) });
const stagingAthena = () => new AthenaQueryEngine(staged.athenaClient, { workGroup: "scorecard", database: "scorecard", sleep: noSleep, lake: stagingLake() });

queryEngineContract("Athena (FakeAthena running the statements on DuckDB, FakeS3)", async () => ({ engine: stagingAthena(), lake: new S3Lake(staged.s3Client, BUCKET), another: async () => stagingAthena() }));


// One more client instance, with aws-sdk-client-mock answers (FakeAthena mocks the one above).
const athenaClient = new AthenaClient({ region: "ap-southeast-1" });
const athenaMock = mockClient(athenaClient);
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
const athena = () => new AthenaQueryEngine(athenaClient, { workGroup: "scorecard", database: "scorecard", reuseMaxAgeMinutes: 60, sleep: noSleep, lake: stagingLake() });

describe("Athena adapter: what only Athena does", () => {
  beforeEach(() => athenaAnswers(EXPECTED, ["QUEUED", "RUNNING", "RUNNING", "SUCCEEDED"]));

  it("types Athena's string answers, over two pages: counts and ratios as numbers, booleans, nulls", async () => {
    athenaAnswers(EXPECTED);
    expect((await athena().query(SQL, { min_early: 0 })).rows).toEqual(EXPECTED);
  });

  it("refuses a parameter value that could escape its quotes, before any call", async () => {
    await expect(athena().query("SELECT {{p}} AS p", { p: "x'; DROP TABLE t; --" })).rejects.toThrow(/allowed set/);
    expect(athenaMock.commandCalls(StartQueryExecutionCommand)).toHaveLength(0);
  });

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
    const engine = new AthenaQueryEngine(athenaClient, {
      workGroup: "w",
      database: "d",
      pollInitialMs: 100,
      pollMaxMs: 300,
      sleep: async (ms) => void waits.push(ms),
      lake: stagingLake(),
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

describe("Athena adapter: views, CTAS, UNLOAD", () => {
  beforeEach(() => {
    stagedS3.reset();
    stagedAthena.reset();
    emulator.statements.length = 0;
  });
  const athenaLog = () => stagedS3.log.filter((l) => !l.startsWith("PutObject"));
  const stagingKeys = () => [...stagedS3.objects.keys()].filter((k) => k.startsWith("staging/"));

  it("materialize (table): drops a table of that name and empties its staging folder, then CTAS as ZSTD Parquet there; reports the bytes scanned", async () => {
    const r = await stagingAthena().materialize("sc_run_facts0", "SELECT 1 AS k WHERE {{x}} = 1", { x: 1 }, "table");
    expect(athenaLog()).toEqual(["Athena DROP TABLE", "ListObjectsV2 staging/sc_run_facts0/", "Athena CREATE TABLE"]);
    expect(stagedAthena.sql().at(-1)).toBe(
      "CREATE TABLE sc_run_facts0\nWITH (format = 'PARQUET', write_compression = 'ZSTD', external_location = 's3://lake-test/staging/sc_run_facts0/')\nAS\nSELECT 1 AS k WHERE 1 = 1",
    );
    expect(stagedAthena.sql()[0]).toBe("DROP TABLE IF EXISTS sc_run_facts0");
    expect(r.bytesScanned).toBe(1_000_000);
    expect(stagingKeys()).toHaveLength(1);
  });

  it("a CTAS over the leftovers of a failed run succeeds: the staging folder is emptied first", async () => {
    stagedS3.put("staging/sc_left/20261127_0001_orphan", "partial parquet");
    await stagingAthena().materialize("sc_left", "SELECT 2 AS k", {}, "table");
    expect(stagingKeys()).toHaveLength(1);
    expect(stagingKeys()[0]).not.toContain("orphan");
    expect((await stagingAthena().query("SELECT k FROM sc_left", {})).rows).toEqual([{ k: 2 }]);
  });

  it("materialize (view): CREATE OR REPLACE VIEW, no S3 call", async () => {
    await stagingAthena().materialize("sc_run_ev", "SELECT {{p}} AS p", { p: "2024-03" }, "view");
    expect(stagedAthena.sql()).toEqual(["CREATE OR REPLACE VIEW sc_run_ev AS\nSELECT '2024-03' AS p"]);
    expect(athenaLog()).toEqual(["Athena CREATE OR"]);
  });

  it("drop deletes a table's staged files (DROP TABLE keeps an external table's data), a view has none", async () => {
    const engine = stagingAthena();
    await engine.materialize("sc_d1", "SELECT 1 AS k", {}, "table");
    await engine.materialize("sc_d1v", "SELECT k FROM sc_d1", {}, "view");
    stagedS3.put("staging/sc_d10/other-table", "x");
    expect(stagingKeys().filter((k) => k.startsWith("staging/sc_d1/"))).toHaveLength(1);
    stagedS3.log.length = 0;
    await engine.drop([
      { name: "sc_d1v", kind: "view" },
      { name: "sc_d1", kind: "table" },
    ]);
    expect(athenaLog()).toEqual(["Athena DROP VIEW", "Athena DROP TABLE", "ListObjectsV2 staging/sc_d1/", "DeleteObjects 1"]);
    expect(stagingKeys()).toEqual(["staging/sc_d10/other-table"]);
  });

  it("drop tries every relation, then throws the first failure", async () => {
    stagedAthena.fail((sql) => sql === "DROP TABLE IF EXISTS sc_a", "AccessDeniedException: glue:DeleteTable");
    const err = await stagingAthena()
      .drop([
        { name: "sc_a", kind: "table" },
        { name: "sc_b", kind: "table" },
      ])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryFailedError);
    expect((err as Error).message).toContain("glue:DeleteTable");
    expect(stagedAthena.sql()).toEqual(["DROP TABLE IF EXISTS sc_a", "DROP TABLE IF EXISTS sc_b"]);
  });

  it("a failed CTAS is a QueryFailedError with Athena's reason, category and retryability", async () => {
    stagedAthena.fail((sql) => sql.startsWith("CREATE TABLE"), "HIVE_TOO_MANY_OPEN_PARTITIONS: injected");
    const err = await stagingAthena()
      .materialize("sc_f", "SELECT 1 AS k", {}, "table")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryFailedError);
    expect(err).toMatchObject({ category: 2, retryable: false });
    expect((err as Error).message).toMatch(/^Athena query q-\d+ failed: HIVE_TOO_MANY_OPEN_PARTITIONS: injected$/);
  });

  it("unload: the rows made a staging table once, their partition values read, UNLOAD in chunks of at most 100 values, the table dropped", async () => {
    const r = await stagingAthena().unload(MANY_UNITS_SQL, {}, "drilldown/m/2024-03/run-7", "unit_id");
    expect(emulator.statements.map((s) => s.replace(/sc_unload_\w+/, "<tmp>"))).toEqual(["DROP TABLE <tmp>", "CTAS <tmp>", "SELECT", "UNLOAD", "UNLOAD", "DROP TABLE <tmp>"]);
    const unloads = stagedAthena.sql((q) => q.startsWith("UNLOAD"));
    for (const u of unloads) {
      expect(u).toMatch(/^UNLOAD \(SELECT \* FROM sc_unload_\w+ WHERE unit_id IN \([^)]*\)\)\nTO 's3:\/\/lake-test\/drilldown\/m\/2024-03\/run-7\/'\nWITH \(format = 'JSON', compression = 'GZIP', partitioned_by = ARRAY\['unit_id'\]\)$/);
    }
    expect(unloads.map((u) => (u.match(/'U\d{3}'/g) ?? []).length)).toEqual([100, 50]);
    expect(stagingKeys()).toEqual([]);
    // CTAS + the partition values + two UNLOADs, 1 MB each in the fake's statistics.
    expect(r.bytesScanned).toBe(4_000_000);
    expect([...stagedS3.objects.keys()].filter((k) => k.startsWith("drilldown/")).every((k) => /^drilldown\/m\/2024-03\/run-7\/unit_id=U\d{3}\/[\w-]+_0\.gz$/.test(k))).toBe(true);
  });

  it("unload writes the rows whose partition value is NULL too (Hive's default partition)", async () => {
    await stagingAthena().unload("SELECT * FROM (VALUES ('c1', 'A'), ('c2', CAST(NULL AS VARCHAR))) AS t(case_id, unit_id)", {}, "drilldown/m/2024-05/r", "unit_id");
    expect(stagedAthena.sql((q) => q.startsWith("UNLOAD"))[0]).toContain("WHERE (unit_id IN ('A') OR unit_id IS NULL))");
    expect([...stagedS3.objects.keys()].filter((k) => k.startsWith("drilldown/")).map((k) => k.split("/")[4]).sort()).toEqual(["unit_id=A", "unit_id=__HIVE_DEFAULT_PARTITION__"]);
  });

  it("a failed UNLOAD fails the call with Athena's error and still drops the staging table", async () => {
    stagedAthena.fail((sql) => sql.startsWith("UNLOAD"), "HIVE_PATH_ALREADY_EXISTS: injected");
    const err = await stagingAthena()
      .unload(UNLOAD_SQL, { min_requests: 0 }, "drilldown/m/2024-06/r", "unit_id")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryFailedError);
    expect((err as Error).message).toContain("HIVE_PATH_ALREADY_EXISTS: injected");
    expect(emulator.statements.at(-1)).toMatch(/^DROP TABLE sc_unload_\w+$/);
    expect(stagingKeys()).toEqual([]);
  });

  it("refuses before any statement: no lake configured (at construction), a name the role may not create, an unsafe prefix or partition column", async () => {
    // @ts-expect-error the type requires the lake; a caller that got past it is refused at once, not at its first CTAS or UNLOAD
    expect(() => new AthenaQueryEngine(staged.athenaClient, { workGroup: "scorecard", database: "scorecard", sleep: noSleep })).toThrow(/needs options.lake/);
    await expect(stagingAthena().materialize("facts0", "SELECT 1 AS k", {}, "table")).rejects.toThrow(/must start with "sc_"/);
    await expect(stagingAthena().drop([{ name: "curated_events", kind: "table" }])).rejects.toThrow(/must start with "sc_"/);
    await expect(stagingAthena().unload(UNLOAD_SQL, { min_requests: 0 }, "drilldown/x' --", "unit_id")).rejects.toThrow(/unsafe lake prefix/);
    await expect(stagingAthena().unload(UNLOAD_SQL, { min_requests: 0 }, "../raw", "unit_id")).rejects.toThrow(/unsafe lake prefix/);
    await expect(stagingAthena().unload(UNLOAD_SQL, { min_requests: 0 }, "drilldown/x", "unit_id']) --")).rejects.toThrow(/partition column/);
    expect(stagedAthena.queries).toEqual([]);
    expect(stagedS3.log).toEqual([]);
  });

  it("stages where the infra grants it: relation names and staging prefix agree with the Glue and S3 grants", () => {
    expect(STAGED_RELATION_PREFIX).toBe(GRANTED_RELATIONS);
    expect(STAGING_PREFIX).toBe(LAKE_PREFIXES.staging);
  });

  it("the drill-down SQL the scoring run unloads has its partition column last", () => {
    expect(caseListSql(CASE_FACTS_CTE)).toMatch(/SELECT f\.case_id,[^;]*?,\s*f\.unit_id\s+FROM facts1 f\s+CROSS JOIN bounds b/);
    // An end's list (its dossiers and records in one union, issue 20 item 1) and the run's catalog list: unit_id ends every branch's select list.
    for (const sql of [endListSql(CASE_FACTS_CTE), CATALOG_LIST_SQL]) {
      const branches = sql.split("\nUNION ALL\n");
      expect(branches.length).toBe(sql === CATALOG_LIST_SQL ? 1 : 5);
      for (const b of branches) expect(b.slice(b.lastIndexOf("SELECT CAST("))).toMatch(/^SELECT CAST\([^;]*? AS unit_id\n {2}FROM /);
      for (const b of branches) expect(b.slice(b.lastIndexOf("SELECT CAST(")).split("\n  FROM ")[0]!.match(/ AS unit_id\b/g)).toHaveLength(1);
    }
  });
});

describe("Drill-down files as the engines write them", () => {
  const lines = '{"case_id":"c1","supplement_requests":2}\n{"case_id":"c2"}\n';
  const expected = [{ case_id: "c1", supplement_requests: 2 }, { case_id: "c2" }];
  it("reads newline-delimited JSON, plain or gzip, whatever the file is called (Athena names its files by query)", () => {
    expect(drilldownRows("d/unit_id=A/part_0.json", new TextEncoder().encode(lines))).toEqual(expected);
    expect(drilldownRows("d/unit_id=A/20261127_093000_00012_abcde_7f3c", new TextEncoder().encode(lines))).toEqual(expected);
    expect(drilldownRows("d/unit_id=A/20261127_093000_00012_abcde_7f3c.gz", gzipSync(lines))).toEqual(expected);
    expect(drilldownRows("d/unit_id=A/20261127_093000_00012_abcde_7f3c", gzipSync(lines))).toEqual(expected);
  });
  it("reads CSV with a header, empty as null", () => {
    expect(drilldownRows("d/unit_id=A/part_0.csv", new TextEncoder().encode("case_id,field\nc1,\nc2,F\n"))).toEqual([
      { case_id: "c1", field: null },
      { case_id: "c2", field: "F" },
    ]);
  });
});
