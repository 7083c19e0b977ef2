import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, beforeEach, vi } from "vitest";
import { FakeAthena } from "./fake-athena.js";
import { FakeS3 } from "./fake-s3.js";

export const BUCKET = "scorecard-lake-test";

/**
 * The score handler's production dependencies behind fakes (Athena, S3) and aws-sdk-client-mock
 * (DynamoDB: a table that keeps what is put and gets it back — snapshots are read again by the
 * ratings), the environment the stack sets, and the clock at the night after 29 February 2024,
 * 01:45 in Dong Nai (18:45 UTC the day before). Registers its hooks in the calling test file.
 */
export function scoreHandlerFixture() {
  const s3 = new FakeS3(BUCKET);
  const athena = new FakeAthena();
  athena.log = s3.log;
  const ddb = mockClient(DynamoDBDocumentClient);
  /** `pk|sk` of every snapshot item put, in order. */
  const snapshotPks: string[] = [];

  beforeAll(() => {
    Object.assign(process.env, {
      TABLE_NAME: "scorecard-test",
      LAKE_BUCKET: BUCKET,
      ATHENA_WORKGROUP: "scorecard-test",
      ATHENA_DATABASE: "scorecard_test",
      METHODOLOGY_ID: "dn-2026.1",
    });
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterAll(() => vi.useRealTimers());

  beforeEach(() => {
    s3.reset();
    athena.reset();
    snapshotPks.length = 0;
    ddb.reset();
    const items = new Map<string, Record<string, unknown>>();
    ddb.on(PutCommand).callsFake(async (input) => {
      const pk = String(input.Item?.["pk"]);
      if (pk.startsWith("SNAP#")) snapshotPks.push(`${pk}|${String(input.Item?.["sk"])}`);
      items.set(`${pk}|${String(input.Item?.["sk"])}`, input.Item as Record<string, unknown>);
      return {};
    });
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(GetCommand).callsFake(async (input) => ({ Item: items.get(`${String(input.Key?.["pk"])}|${String(input.Key?.["sk"])}`) }));
    vi.setSystemTime(new Date("2024-03-01T01:45:00+07:00"));
  });

  return { s3, athena, ddb, snapshotPks };
}
