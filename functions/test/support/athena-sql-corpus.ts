/**
 * Every statement text the cloud sends to Athena, collected from the code that sends it: the
 * score and compact Lambda handlers run with their production dependencies, Athena, S3 and
 * DynamoDB behind aws-sdk-client-mock (FakeAthena records each StartQueryExecution's
 * QueryString), so the views, CTAS, DROPs, INSERT INTO and UNLOADs are the adapters' own text
 * with the use cases' parameters — not a copy of them. What the runs cover:
 * - scoring, scheduled at 01:45 on 1 July 2024 (Viet Nam): 2024-07, 2024-Q3, 2024-H2, 2024,
 *   2024-06, 2024-Q2, 2024-H1 — a month, a quarter, a half-year and a year, several period ends
 *   (the cut stages), every tier (tiers are scored from the same rows), the drill-down lists
 *   (finished, catalog and per-end UNLOADs, in chunks of 100 units and the NULL partition);
 * - the same scheduled run again: the late-data check (the lake inputs' statements);
 * - scoring named periods (one period: no cut stages);
 * - compaction of 1 700 raw event batches (the months query, then INSERT INTO curated_events, in
 *   chunks of the compactor's default size, each naming every object's S3 path);
 * - the reference route's reads (readReferenceInput, `score --engine reference`) on the Athena
 *   engine: not run by the cloud today, checked because the port would let it.
 * Every Athena answer is empty except the partition values an UNLOAD asks for (151: 150 units
 * and NULL) and the months compaction asks for.
 */
import { gzipSync } from "node:zlib";
import { AthenaClient } from "@aws-sdk/client-athena";
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { parsePeriod } from "@scorecard/shared";
import { mockClient } from "aws-sdk-client-mock";
import { vi } from "vitest";
import { AthenaQueryEngine } from "../../src/adapters/aws/athena-engine.js";
import { S3Lake } from "../../src/adapters/aws/s3-lake.js";
import { handler as compactHandler } from "../../src/handlers/compact.js";
import { handler as scoreHandler } from "../../src/handlers/score.js";
import { readReferenceInput } from "../../src/use-cases/score/reference-input.js";
import { FakeAthena } from "./fake-athena.js";
import { FakeS3 } from "./fake-s3.js";
import { lambdaContext } from "./lambda-context.js";

export interface CapturedStatement {
  /** Which run sent it. */
  readonly origin: string;
  readonly sql: string;
}

/** As long as an S3 bucket name may be (63), so that the texts naming S3 paths are as long as they get. */
const BUCKET = `scorecard-lake-${"0".repeat(48)}`;
/** The units an UNLOAD's partition query answers: more than one UNLOAD may write (100), and NULL. */
const UNITS = [...Array.from({ length: 150 }, (_, i) => ({ v: `UNIT-${String(i).padStart(3, "0")}` })), { v: null }];

/** Run the cloud's jobs on mocked clients and return every statement text they sent to Athena, in order. */
export async function cloudStatements(): Promise<CapturedStatement[]> {
  Object.assign(process.env, { TABLE_NAME: "scorecard-test", LAKE_BUCKET: BUCKET, ATHENA_WORKGROUP: "scorecard-test", ATHENA_DATABASE: "scorecard_test", METHODOLOGY_ID: "dn-2026.1" });
  const s3 = new FakeS3(BUCKET);
  const athena = new FakeAthena();
  const ddb = mockClient(DynamoDBDocumentClient);
  const items = new Map<string, Record<string, unknown>>();
  ddb.on(PutCommand).callsFake(async (input) => {
    items.set(`${String(input.Item?.["pk"])}|${String(input.Item?.["sk"])}`, input.Item as Record<string, unknown>);
    return {};
  });
  ddb.on(QueryCommand).resolves({ Items: [] });
  ddb.on(GetCommand).callsFake(async (input) => ({ Item: items.get(`${String(input.Key?.["pk"])}|${String(input.Key?.["sk"])}`) }));
  athena.answer((sql) => /^SELECT DISTINCT unit_id AS v FROM /.test(sql), () => UNITS);
  athena.answer((sql) => /^SELECT DISTINCT date_format\(/.test(sql), () => [{ month: "2024-06" }, { month: "2024-07" }]);

  const out: CapturedStatement[] = [];
  const take = (origin: string) => {
    out.push(...athena.queries.map((q) => ({ origin, sql: q.sql })));
    athena.queries.length = 0;
  };
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    vi.setSystemTime(new Date("2024-07-01T01:45:00+07:00"));
    await scoreHandler({ job: "score", source: "schedule" } as never, lambdaContext("score"));
    take("score: scheduled run of 1 July 2024 (2024-07, 2024-Q3, 2024-H2, 2024, 2024-06, 2024-Q2, 2024-H1)");
    await scoreHandler({ job: "score", source: "schedule" } as never, lambdaContext("score"));
    take("score: the next scheduled run (late-data check of the scored periods)");
    await scoreHandler({ periods: ["2024-Q1"] } as never, lambdaContext("score"));
    take("score: named period 2024-Q1");

    vi.setSystemTime(new Date("2024-07-02T01:15:00+07:00"));
    const line = (id: string, occurredAt: string) =>
      JSON.stringify({ eventId: id, caseId: id, type: "RECEIVED", occurredAt, unitId: "DEPT-STP-2020", procedureCode: "1.000894", field: "CIVIL_STATUS", channel: "ONLINE_FULL", dueAt: "2024-07-08T10:00:00.000Z" });
    // Batches named as the ingest API names them (`<instant>-<uuid>`), over two days.
    for (let i = 0; i < 1700; i++) {
      const day = i < 900 ? "2024-06-30" : "2024-07-01";
      const name = `${day.replace(/-/g, "")}T${String(i).padStart(9, "0")}Z-${String(i).padStart(8, "0")}-0000-4000-8000-000000000000`;
      s3.put(`raw/ingest_date=${day}/${name}.ndjson.gz`, gzipSync(`${line(`E${i}`, "2024-06-30T16:30:00.000Z")}\n`));
    }
    await compactHandler({ job: "compact", source: "schedule" } as never, lambdaContext("compact"));
    take("compact: 1 700 raw event batches of 30 June and 1 July 2024");

    const engine = new AthenaQueryEngine(new AthenaClient({}), { workGroup: "scorecard-test", database: "scorecard_test", sleep: async () => undefined, lake: { bucket: BUCKET, objects: new S3Lake(new S3Client({}), BUCKET) } });
    await readReferenceInput(engine, parsePeriod("2024-Q2"));
    take("reference route: readReferenceInput (CLI's --engine reference; not run by the cloud)");
  } finally {
    vi.useRealTimers();
    athena.mock.restore();
    s3.mock.restore();
    ddb.restore();
  }
  return out;
}

/**
 * A statement's shape: its text with string and number literals replaced (the same statement
 * for another period, unit chunk or run id has the same shape), so that each shape is parsed once.
 */
export function shapeOf(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .replace(/\b\d+(?:\.\d+)?\b/g, "0")
    .replace(/\bsc_[a-z0-9_]+/g, "sc_…")
    .replace(/'…'(?:\s*,\s*'…')+/g, "'…'");
}
