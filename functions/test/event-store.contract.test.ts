import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { caseEventSchema, type StoredCaseEvent } from "@scorecard/shared";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoDbEventStore } from "../src/adapters/dynamodb/dynamodb-event-store.js";
import { contentHash } from "../src/lib/canonical.js";
import { toStoredEvent } from "../src/use-cases/ingest/pseudonymise.js";
import { CaseBuilder } from "./support/events.js";
import { tempRuntime } from "./support/temp-runtime.js";

const stored = (b: CaseBuilder): StoredCaseEvent[] => b.build().map((e) => toStoredEvent(caseEventSchema.parse(e), { pseudonym: (v) => `p-${v}` }));

/** The event store's promises, checked against dynalite (real conditions) and against a mocked DynamoDB. */
describe("EventStore contract: DynamoDbEventStore on dynalite", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  beforeAll(async () => {
    env = await tempRuntime();
  });
  afterAll(() => env.dispose());

  it("stores a new event once, answers a resend as duplicate and other content as conflict", async () => {
    const [received, resolved] = stored(new CaseBuilder("K1", "DIST-731").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-05T09:00:00")) as [StoredCaseEvent, StoredCaseEvent];
    const store = env.rt.ingest.store;
    expect(await store.putEvents([received, resolved])).toEqual(["accepted", "accepted"]);
    expect(await store.putEvents([received])).toEqual(["duplicate"]);
    expect(await store.putEvents([{ ...resolved, occurredAt: "2024-03-06T02:00:00.000Z" }])).toEqual(["conflict"]);
    const events = await store.caseEvents("K1");
    expect(events.map((e) => e.occurredAt).sort()).toEqual([received.occurredAt, resolved.occurredAt].sort());
  });

  it("keeps the open-case index in step with the live state (open → listed, resolved → gone)", async () => {
    const store = env.rt.ingest.store as DynamoDbEventStore;
    const [r] = stored(new CaseBuilder("K2", "DIST-732").received("2024-03-04T09:00:00", "2024-03-08T17:00:00")) as [StoredCaseEvent];
    await store.putEvents([r]);
    expect((await store.openCasesDueBefore("DIST-732", "2030-01-01T00:00:00.000Z")).map((c) => c.caseId)).toEqual(["K2"]);
    const close = stored(new CaseBuilder("K2", "DIST-732").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-06T09:00:00"));
    await store.putEvents(close);
    expect(await store.openCasesDueBefore("DIST-732", "2030-01-01T00:00:00.000Z")).toEqual([]);
  });
});

describe("EventStore contract: DynamoDbEventStore against aws-sdk-client-mock", () => {
  // Installed only for this block: the mock patches every document client in the process.
  let ddb: ReturnType<typeof mockClient>;
  beforeAll(() => {
    ddb = mockClient(DynamoDBDocumentClient);
  });
  afterAll(() => ddb.restore());
  const store = new DynamoDbEventStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: "ap-southeast-1" })), "scorecard-test", 2);
  const [event] = stored(new CaseBuilder("M1", "DIST-731").received("2024-03-04T09:00:00", "2024-03-08T17:00:00")) as [StoredCaseEvent];
  const conditionFailed = () => new ConditionalCheckFailedException({ message: "The conditional request failed", $metadata: {} });

  it("writes the guard item with attribute_not_exists(pk) and the content hash", async () => {
    ddb.reset();
    ddb.on(PutCommand).resolves({});
    ddb.on(QueryCommand).resolves({ Items: [{ event }] });
    expect(await store.putEvents([event])).toEqual(["accepted"]);
    const guard = ddb.commandCalls(PutCommand).map((c) => c.args[0].input).find((i) => i.Item?.["sk"] === "EVT");
    expect(guard).toMatchObject({ TableName: "scorecard-test", ConditionExpression: "attribute_not_exists(pk)", Item: { pk: "EVT#M1-1", hash: contentHash(event) } });
  });

  it("maps a failed condition to duplicate (same hash) or conflict (other hash), never an overwrite", async () => {
    ddb.reset();
    ddb.on(PutCommand).resolves({});
    ddb.on(PutCommand, { ConditionExpression: "attribute_not_exists(pk)" }).rejects(conditionFailed());
    ddb.on(QueryCommand).resolves({ Items: [{ event }] });
    ddb.on(GetCommand).resolvesOnce({ Item: { hash: contentHash(event) } }).resolvesOnce({ Item: { hash: "another" } });
    expect(await store.putEvents([event])).toEqual(["duplicate"]);
    expect(await store.putEvents([event])).toEqual(["conflict"]);
  });

  it("lets a throttling error through (the API answers 5xx: retry the batch)", async () => {
    ddb.reset();
    ddb.on(PutCommand).rejects(Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" }));
    await expect(store.putEvents([event])).rejects.toThrow("Rate exceeded");
  });
});
