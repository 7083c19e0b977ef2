/**
 * The compaction job's Lambda handler (functions/src/handlers/compact.ts) through its real middy
 * chain and production adapters, with S3 and Athena behind aws-sdk-client-mock. The Athena mock
 * runs the statements the compactor generates on DuckDB (test/support/duckdb-athena.ts), so the
 * tests count what was curated: nothing accepted lost, nothing counted twice, across re-runs,
 * partial failures and retries.
 */
import { gzipSync } from "node:zlib";
import { AthenaClient } from "@aws-sdk/client-athena";
import { S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CURATED_EVENT_COLUMNS } from "@scorecard/shared/lake/schema";
import { AthenaEventCompactor, CURATED_EVENT_SELECT, chunk, curatedInsertSql, rawMonthsSql } from "../src/adapters/aws/athena-event-compactor.js";
import { CompactionLock } from "../src/adapters/aws/s3-run-lock.js";
import { CompactionManifest } from "../src/adapters/aws/s3-compaction-manifest.js";
import { S3Objects } from "../src/adapters/aws/s3-objects.js";
import { RECORD_TABLE_KEYS } from "../src/adapters/aws/s3-record-compactor.js";
import { handler } from "../src/handlers/compact.js";
import { parseJsonLinesGz } from "../src/lib/json-lines.js";
import { DuckDbAthena } from "./support/duckdb-athena.js";
import { FakeAthena } from "./support/fake-athena.js";
import { FakeS3 } from "./support/fake-s3.js";
import { lambdaContext } from "./support/lambda-context.js";
import { checkAthenaSql } from "./support/athena-sql-check.js";

const BUCKET = "scorecard-lake-test";
const s3 = new FakeS3(BUCKET);
const athena = new FakeAthena();
athena.log = s3.log;
let duck: DuckDbAthena;
const MANIFEST = CompactionManifest.key("raw");

beforeAll(async () => {
  Object.assign(process.env, { LAKE_BUCKET: BUCKET, ATHENA_WORKGROUP: "scorecard-test", ATHENA_DATABASE: "scorecard_test" });
  duck = await DuckDbAthena.open(s3);
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterAll(() => {
  duck.close();
  vi.useRealTimers();
});
beforeEach(async () => {
  s3.reset();
  athena.reset();
  athena.executor = duck.execute;
  await duck.reset();
  // 01:15 on 2 March 2024 in Dong Nai (the nightly schedule).
  vi.setSystemTime(new Date("2024-03-02T01:15:00+07:00"));
});

/** A StoredCaseEvent as ingestion writes it (UTC instants). */
const event = (eventId: string, occurredAt: string, extra: Record<string, unknown> = {}) => ({
  eventId,
  caseId: eventId.split("-")[0],
  type: "RECEIVED",
  occurredAt,
  unitId: "DEPT-STP-2020",
  procedureCode: "1.000894",
  field: "CIVIL_STATUS",
  channel: "ONLINE_FULL",
  dueAt: "2024-03-08T10:00:00.000Z",
  flags: { digitizedDossier: true },
  ...extra,
});
const putRaw = (date: string, name: string, lines: readonly object[], prefix = "raw") =>
  s3.put(`${prefix}/ingest_date=${date}/${name}.ndjson.gz`, gzipSync(lines.map((l) => JSON.stringify(l)).join("\n") + "\n"));

const run = (event: unknown = { job: "compact", source: "schedule" }, remainingMs = 900_000) => handler(event as never, lambdaContext("compact", remainingMs));
const manifest = () => JSON.parse(s3.text(MANIFEST) ?? "null") as { closedThrough: string | null; done: Record<string, string[]> } | null;
const inserts = () => athena.sql((s) => s.startsWith("INSERT INTO curated_events"));
const pathsOf = (sql: string) => [...sql.matchAll(/'s3:\/\/[^']+\/(raw\/[^']+)'/g)].map((m) => m[1]);
const allOnce = async () => [...(await duck.copiesPerEvent()).values()].every((n) => n === 1);

describe("Handler: compact — case events (Athena INSERT INTO, manifest)", () => {
  beforeEach(() => {
    // Two API batches of 1 March (UTC); E2 was re-sent in the second (a retried POST).
    putRaw("2024-03-01", "20240301T020000000Z-a", [event("E1-1", "2024-02-29T16:30:00.000Z"), event("E2-1", "2024-02-29T17:30:00.000Z")]);
    putRaw("2024-03-01", "20240301T030000000Z-b", [event("E2-1", "2024-02-29T17:30:00.000Z"), event("E3-1", "2024-03-01T03:00:00.000Z")]);
  });

  it("curates every accepted event once, in its local (UTC+7) month, with the batch it came from", async () => {
    const summary = await run();
    expect(summary).toMatchObject({ events: { pending: 2, compacted: 2, left: 0 } });
    const rows = await duck.curated();
    expect(rows.map((r) => [r["event_id"], r["month"], r["ingest_batch"]])).toEqual([
      ["E1-1", "2024-02", "20240301T020000000Z-a"], // 23:30 on 29 February local
      ["E2-1", "2024-03", "20240301T020000000Z-a"], // 00:30 on 1 March local; the earlier batch's copy
      ["E3-1", "2024-03", "20240301T030000000Z-b"],
    ]);
    expect(rows[0]).toMatchObject({ occurred_at: "2024-02-29 16:30:00", digitized_dossier: true, due_at: "2024-03-08 10:00:00" });
  });

  it("asks for the months first, then inserts exactly the listed objects, deduplicated against those months", async () => {
    await run();
    expect(athena.queries.map((q) => [q.workGroup, q.database])).toEqual([["scorecard-test", "scorecard_test"], ["scorecard-test", "scorecard_test"]]);
    expect(athena.sql()[0]).toMatch(/^SELECT DISTINCT date_format/);
    const [insert] = inserts();
    expect(pathsOf(insert!)).toEqual(["raw/ingest_date=2024-03-01/20240301T020000000Z-a.ndjson.gz", "raw/ingest_date=2024-03-01/20240301T030000000Z-b.ndjson.gz"]);
    expect(insert).toContain("ingest_date IN ('2024-03-01')");
    expect(insert).toContain("AND NOT EXISTS (SELECT 1 FROM curated_events c WHERE c.month IN ('2024-02', '2024-03') AND c.event_id = f.event_id)");
  });

  it("records the objects in the manifest only after the INSERT succeeded, and releases the lock", async () => {
    await run();
    const insertAt = s3.log.findIndex((l) => l.startsWith("Athena INSERT"));
    const manifestAt = s3.log.indexOf(`PutObject ${MANIFEST}`);
    expect(insertAt).toBeGreaterThan(-1);
    expect(manifestAt).toBeGreaterThan(insertAt);
    expect(manifest()).toEqual({ version: 1, source: "raw", closedThrough: null, done: { "2024-03-01": ["20240301T020000000Z-a.ndjson.gz", "20240301T030000000Z-b.ndjson.gz"] } });
    expect(s3.objects.has(CompactionLock.KEY)).toBe(false);
  });

  it("does nothing on a re-run with nothing new: no query, no manifest write", async () => {
    await run();
    const before = manifest();
    athena.reset();
    s3.log.length = 0;
    await run();
    expect(athena.queries).toEqual([]);
    expect(s3.puts().filter((k) => k !== CompactionLock.KEY)).toEqual([]);
    expect(manifest()).toEqual(before);
    expect(await allOnce()).toBe(true);
  });

  it("reads only the new object on the next run, and does not curate again an event it repeats", async () => {
    await run();
    putRaw("2024-03-01", "20240301T040000000Z-c", [event("E3-1", "2024-03-01T03:00:00.000Z"), event("E4-1", "2024-03-01T05:00:00.000Z")]);
    athena.reset();
    athena.executor = duck.execute;
    await run();
    expect(inserts().map(pathsOf)).toEqual([["raw/ingest_date=2024-03-01/20240301T040000000Z-c.ndjson.gz"]]);
    expect([...(await duck.copiesPerEvent()).entries()].sort()).toEqual([["E1-1", 1], ["E2-1", 1], ["E3-1", 1], ["E4-1", 1]]);
  });

  it("throws when the INSERT fails, leaves the manifest alone, and the retry curates everything once", async () => {
    athena.fail((sql) => sql.startsWith("INSERT"), "HIVE_BAD_DATA: injected", 1);
    const err = await run().catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "CompactionFailedError" });
    expect((err as Error).message).toMatch(/^compaction failed: events \(Athena query q-2 failed: HIVE_BAD_DATA: injected\)$/);
    expect(s3.objects.has(MANIFEST)).toBe(false);
    expect(await duck.curated()).toEqual([]);
    expect(s3.objects.has(CompactionLock.KEY)).toBe(false); // released: the retry may run

    await run();
    expect((await duck.curated()).map((r) => r["event_id"])).toEqual(["E1-1", "E2-1", "E3-1"]);
    expect(await allOnce()).toBe(true);
  });

  it("does not count twice what a failed INSERT left behind (Athena's orphaned files)", async () => {
    athena.fail((sql) => sql.startsWith("INSERT"), "HIVE_WRITER_CLOSE_ERROR: injected after the write", 1, true);
    await expect(run()).rejects.toMatchObject({ name: "CompactionFailedError" });
    expect((await duck.curated()).length).toBe(3); // the failed statement's rows are there...
    expect(s3.objects.has(MANIFEST)).toBe(false); // ...but the objects are not recorded
    await run();
    expect(inserts()).toHaveLength(2); // the retry inserted the same objects again
    expect((await duck.curated()).length).toBe(3);
    expect(await allOnce()).toBe(true);
  });

  it("does not count twice when the manifest write fails after the INSERT", async () => {
    s3.failWhen("PutObject", (input) => input["Key"] === MANIFEST);
    await expect(run()).rejects.toThrow(/injected PutObject failure/);
    expect((await duck.curated()).length).toBe(3);
    await run();
    expect((await duck.curated()).length).toBe(3);
    expect(await allOnce()).toBe(true);
    expect(Object.values(manifest()!.done).flat()).toHaveLength(2);
  });

  it("skips the run while another live run holds the lock, and takes over a lock whose run died", async () => {
    const objects = new S3Objects(new S3Client({}), BUCKET);
    const other = await new CompactionLock(objects, { now: () => new Date(), leaseMs: 16 * 60_000 }).acquire("other-run");
    expect(other).toBeDefined();
    expect(await run()).toEqual({ skipped: "another compaction is running" });
    expect(athena.queries).toEqual([]);
    expect(s3.objects.has(CompactionLock.KEY)).toBe(true); // not ours to release

    vi.setSystemTime(new Date(Date.now() + 17 * 60_000)); // the other run's lease has expired
    await expect(run()).resolves.toMatchObject({ events: { compacted: 2 } });
    expect(s3.objects.has(CompactionLock.KEY)).toBe(false);
  });

  it("closes dates two days after they ended and never lists them again", async () => {
    await run();
    expect(manifest()?.closedThrough).toBeNull(); // 1 March ended a day ago (UTC): objects may still arrive
    vi.setSystemTime(new Date("2024-03-04T01:15:00+07:00")); // 1 day 18 hours after 1 March ended (UTC)
    await run();
    expect(manifest()?.closedThrough).toBeNull();
    vi.setSystemTime(new Date("2024-03-05T01:15:00+07:00")); // 2 days 18 hours
    await run();
    expect(manifest()).toMatchObject({ closedThrough: "2024-03-01", done: {} });
    s3.log.length = 0;
    await run();
    expect(s3.log.filter((l) => l.startsWith("ListObjectsV2 raw/ingest_date="))).toEqual([]);
  });

  it("refuses a raw object whose name it cannot put into SQL, instead of skipping it", async () => {
    putRaw("2024-03-01", "x'; DROP TABLE t; --", [event("E9-1", "2024-03-01T03:00:00.000Z")]);
    await expect(run()).rejects.toThrow(/events \(raw object raw\/ingest_date=2024-03-01\/x'; DROP TABLE t; --\.ndjson\.gz: its name has characters/);
    expect(inserts()).toEqual([]);
  });

  it("refuses an event meant for another job", async () => {
    await expect(run({ job: "score" })).rejects.toMatchObject({ name: "InvalidJobInputError" });
    expect(s3.log).toEqual([]);
  });
});

describe("Adapter: AthenaEventCompactor — chunks and time", () => {
  const objects = () => new S3Objects(new S3Client({}), BUCKET);
  const compactor = (options: Partial<ConstructorParameters<typeof AthenaEventCompactor>[2]> = {}) =>
    new AthenaEventCompactor(new AthenaClient({}), objects(), { workGroup: "w", database: "d", now: () => new Date(), remainingMs: () => 900_000, sleep: async () => undefined, ...options });
  beforeEach(() => {
    for (let i = 0; i < 5; i++) putRaw("2024-03-01", `20240301T0${i}0000000Z-x`, [event(`C${i}-1`, `2024-03-01T0${i}:00:00.000Z`)]);
  });

  it("splits the objects into statements and records each chunk when its INSERT is done", async () => {
    const r = await compactor({ maxObjectsPerQuery: 2 }).compact();
    expect(r).toMatchObject({ pending: 5, compacted: 5, inserts: 3, months: ["2024-03"], left: 0 });
    expect(inserts().map((s) => pathsOf(s).length)).toEqual([2, 2, 1]);
    expect(s3.puts(MANIFEST)).toHaveLength(3);
  });

  it("keeps the chunks done when a later one fails; the next run does only the rest", async () => {
    athena.fail((sql) => sql.startsWith("INSERT") && sql.includes("20240301T040000000Z-x"), "HIVE_BAD_DATA: injected", 1);
    await expect(compactor({ maxObjectsPerQuery: 2 }).compact()).rejects.toThrow(/HIVE_BAD_DATA/);
    expect(Object.values(manifest()!.done).flat()).toHaveLength(4);
    athena.reset();
    athena.executor = duck.execute;
    await compactor({ maxObjectsPerQuery: 2 }).compact();
    expect(inserts().map(pathsOf)).toEqual([["raw/ingest_date=2024-03-01/20240301T040000000Z-x.ndjson.gz"]]);
    expect((await duck.curated()).length).toBe(5);
    expect(await allOnce()).toBe(true);
  });

  it("starts no chunk without enough time left and leaves the rest for the next run", async () => {
    // Every statement takes 100 s; a chunk (months + INSERT) 200 s; a chunk needs 600 s left to start.
    const deadline = Date.now() + 900_000;
    athena.executor = async (sql) => {
      vi.setSystemTime(Date.now() + 100_000);
      return duck.execute(sql);
    };
    const r = await compactor({ maxObjectsPerQuery: 2, minChunkMs: 600_000, remainingMs: () => deadline - Date.now() }).compact();
    expect(r).toMatchObject({ pending: 5, compacted: 4, left: 1 });
    expect(Object.values(manifest()!.done).flat()).toHaveLength(4);
  });

  it("bounds each statement by the compressed bytes it scans (a large object goes alone)", () => {
    const o = (size: number, i: number) => ({ key: `raw/ingest_date=2024-03-01/${i}.ndjson.gz`, size, date: "2024-03-01" });
    expect(chunk([o(10, 1), o(10, 2), o(100, 3), o(10, 4)], 800, 50).map((c) => c.map((x) => x.size))).toEqual([[10, 10], [100], [10]]);
  });

  it("writes at most maxMonthsPerInsert partitions per INSERT", async () => {
    putRaw("2024-03-01", "20240301T090000000Z-y", [event("H-1", "2023-11-01T03:00:00.000Z"), event("H-2", "2023-12-01T03:00:00.000Z")]);
    const r = await compactor({ maxMonthsPerInsert: 2 }).compact();
    expect(r.months).toEqual(["2023-11", "2023-12", "2024-03"]);
    expect(inserts().map((s) => /f\.month IN \(([^)]*)\)/.exec(s)?.[1])).toEqual(["'2023-11', '2023-12'", "'2024-03'"]);
    expect(await allOnce()).toBe(true);
    expect((await duck.curated()).length).toBe(7);
  });

  it("stops an Athena statement that outruns the invocation", async () => {
    athena.pending = Array.from({ length: 50 }, () => "RUNNING" as const);
    let t = 0;
    vi.setSystemTime(0);
    const slow = compactor({ remainingMs: () => 240_000, safetyMs: 200_000, sleep: async (ms) => void vi.setSystemTime((t += ms)) });
    await expect(slow.compact()).rejects.toThrow(/did not finish in time and was stopped/);
    expect(athena.stopped).toEqual(["q-1"]);
  });
});

describe("The compaction SQL", () => {
  it("inserts the curated_events columns in table order, then the partition", () => {
    expect(CURATED_EVENT_SELECT.map(([c]) => c)).toEqual(CURATED_EVENT_COLUMNS.map((c) => c.name));
    const sql = curatedInsertSql(BUCKET, [{ key: "raw/ingest_date=2024-03-01/a.ndjson.gz", size: 1, date: "2024-03-01" }], ["2024-03"]);
    expect(sql.split("\n")[0]).toBe(`INSERT INTO curated_events (${[...CURATED_EVENT_COLUMNS.map((c) => c.name), "month"].join(", ")})`);
  });

  it("is SQL Athena takes (athena-sql-grammar.test.ts: Trino's grammar and the allow-list) and names only safe literals", () => {
    const objects = [{ key: "raw/ingest_date=2024-03-01/a.ndjson.gz", size: 1, date: "2024-03-01" }];
    expect(checkAthenaSql(rawMonthsSql(BUCKET, objects)).errors).toEqual([]);
    expect(checkAthenaSql(curatedInsertSql(BUCKET, objects, ["2024-03"])).errors).toEqual([]);
    expect(() => curatedInsertSql(BUCKET, objects, ["2024-03' OR '1'='1"])).toThrow(/refusing/);
  });
});

describe("Handler: compact — complaints and the procedure catalog (merged in the function)", () => {
  const complaint = (id: string, extra: Record<string, unknown> = {}) => ({ complaintId: id, source: "HOTLINE_1022", unitId: "DEPT-STP-2020", receivedAt: "2024-02-20T02:00:00.000Z", ...extra });
  const procedure = (code: string, extra: Record<string, unknown> = {}) => ({
    code,
    nameVi: `Thủ tục ${code}`,
    field: "CIVIL_STATUS",
    tier: "DISTRICT",
    onlineLevel: "FULL",
    feeBearing: false,
    resultRequired: true,
    validFrom: "2020-01-01",
    ...extra,
  });
  const table = <T>(key: string) => parseJsonLinesGz<T & Record<string, unknown>>(s3.body(key)!, key);

  it("keeps the most advanced state of each complaint, with typed columns and its lineage", async () => {
    putRaw("2024-03-01", "20240301T020000000Z-a", [complaint("K1", { acceptedAt: "2024-02-21T02:00:00.000Z", handledAt: "2024-02-25T02:00:00.000Z" }), complaint("K2")], "raw-complaints");
    putRaw("2024-03-01", "20240301T030000000Z-b", [complaint("K1", { acceptedAt: "2024-02-21T02:00:00.000Z" })], "raw-complaints"); // a late, older state
    await run();
    const rows = table(RECORD_TABLE_KEYS.complaints);
    expect(rows.map((r) => [r["complaint_id"], r["handled_at"], r["_key"]])).toEqual([
      ["K1", "2024-02-25 02:00:00.000", "raw-complaints/ingest_date=2024-03-01/20240301T020000000Z-a.ndjson.gz"],
      ["K2", null, "raw-complaints/ingest_date=2024-03-01/20240301T030000000Z-b.ndjson.gz".replace("030000000Z-b", "020000000Z-a")],
    ]);
    expect(rows[0]).toMatchObject({ source: "HOTLINE_1022", received_at: "2024-02-20 02:00:00.000", accepted_at: "2024-02-21 02:00:00.000", satisfied: null });
  });

  it("merges a later version into the table, over the version it read (If-Match), and records the object after", async () => {
    putRaw("2024-03-01", "20240301T020000000Z-a", [complaint("K1")], "raw-complaints");
    await run();
    putRaw("2024-03-01", "20240301T050000000Z-c", [complaint("K1", { refusedAt: "2024-02-21T02:00:00.000Z" })], "raw-complaints");
    s3.log.length = 0;
    await run();
    expect(table(RECORD_TABLE_KEYS.complaints).map((r) => r["refused_at"])).toEqual(["2024-02-21 02:00:00.000"]);
    const puts = s3.puts("curated/");
    expect(puts.indexOf(RECORD_TABLE_KEYS.complaints)).toBeLessThan(puts.indexOf(CompactionManifest.key("raw-complaints")));
    const write = s3.mock.commandCalls((await import("@aws-sdk/client-s3")).PutObjectCommand).find((c) => c.args[0].input.Key === RECORD_TABLE_KEYS.complaints && c.args[0].input.IfMatch);
    expect(write).toBeDefined();
  });

  it("writes no table on a re-run with nothing new", async () => {
    putRaw("2024-03-01", "20240301T020000000Z-a", [complaint("K1")], "raw-complaints");
    await run();
    s3.log.length = 0;
    await run();
    expect(s3.puts().filter((k) => k !== CompactionLock.KEY)).toEqual([]);
  });

  it("fails rather than overwrite a table another run changed since it was read", async () => {
    putRaw("2024-03-01", "20240301T020000000Z-a", [complaint("K1")], "raw-complaints");
    await run();
    putRaw("2024-03-01", "20240301T050000000Z-c", [complaint("K2")], "raw-complaints");
    // Another writer replaces the table between this run's read and its write (once).
    let raced = false;
    s3.failWhen("PutObject", (input) => {
      if (input["Key"] !== RECORD_TABLE_KEYS.complaints || raced) return false;
      raced = true;
      s3.put(RECORD_TABLE_KEYS.complaints, s3.body(RECORD_TABLE_KEYS.complaints)!);
      return false;
    });
    await expect(run()).rejects.toThrow(/compaction failed: records \(.*changed since it was read\)/);
    expect(manifest()).not.toBeNull();
    expect(JSON.parse(s3.text(CompactionManifest.key("raw-complaints"))!).done["2024-03-01"]).toEqual(["20240301T020000000Z-a.ndjson.gz"]);
    await run(); // the retry merges K2
    expect(table(RECORD_TABLE_KEYS.complaints).map((r) => r["complaint_id"])).toEqual(["K1", "K2"]);
  });

  it("keeps the latest version of each procedure and rebuilds the unit list from it", async () => {
    putRaw("2024-03-01", "20240301T020000000Z-a", [procedure("P1", { unitIds: ["DIST-731", "DIST-732"] }), procedure("P2")], "raw-procedures");
    putRaw("2024-03-01", "20240301T030000000Z-b", [procedure("P1", { unitIds: ["DIST-733"], publication: { changeKind: "AMENDED", decisionDate: "2024-02-01", legalEffectiveDate: "2024-02-15", contentComplete: true } })], "raw-procedures");
    await run();
    expect(table(RECORD_TABLE_KEYS.procedures).map((r) => [r["code"], r["change_kind"], r["decision_date"]])).toEqual([["P1", "AMENDED", "2024-02-01"], ["P2", null, null]]);
    expect(table(RECORD_TABLE_KEYS.procedureUnits)).toEqual([{ code: "P1", unit_id: "DIST-733" }]);
  });

  it("compacts the records when the events fail, and still fails the run", async () => {
    putRaw("2024-03-01", "20240301T020000000Z-a", [event("E1-1", "2024-02-29T16:30:00.000Z")]);
    putRaw("2024-03-01", "20240301T020000000Z-a", [complaint("K1")], "raw-complaints");
    athena.fail((sql) => sql.startsWith("INSERT"));
    await expect(run()).rejects.toThrow(/^compaction failed: events \(/);
    expect(table(RECORD_TABLE_KEYS.complaints)).toHaveLength(1);
  });
});
