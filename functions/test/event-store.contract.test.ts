import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
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

  it("keeps the open-case index in step with the live state once the outbox is drained (open → listed, resolved → gone)", async () => {
    const store = env.rt.ingest.store as DynamoDbEventStore;
    const [r] = stored(new CaseBuilder("K2", "DIST-732").received("2024-03-04T09:00:00", "2024-03-08T17:00:00")) as [StoredCaseEvent];
    await store.putEvents([r]);
    expect((await store.outboxBacklog()).cases).toBeGreaterThan(0);
    await store.drainOutbox();
    expect(await store.outboxBacklog()).toEqual({ cases: 0, oldest: null });
    expect((await store.openCasesDueBefore("DIST-732", "2030-01-01T00:00:00.000Z")).map((c) => c.caseId)).toEqual(["K2"]);
    const close = stored(new CaseBuilder("K2", "DIST-732").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-06T09:00:00"));
    await store.putEvents(close);
    // Not drained yet: the index still lists it, and the outbox holds the case.
    expect((await store.outboxBacklog()).cases).toBe(1);
    expect(await store.drainOutbox()).toBe(1);
    expect(await store.openCasesDueBefore("DIST-732", "2030-01-01T00:00:00.000Z")).toEqual([]);
  });

  // The race: batches carrying the same eventIds, some with the same content, some with other
  // content, all in flight at once. Whatever the interleaving: each eventId is accepted exactly once,
  // every other copy is a duplicate (same content as the accepted one) or a conflict (other content),
  // and the stored content is the accepted copy's.
  for (const writers of ["single-process", "many"] as const) {
    it(`concurrent batches with the same eventIds (${writers} writers): one acceptance per eventId, the rest duplicate or conflict, the accepted content kept`, async () => {
      const store = new DynamoDbEventStore(DynamoDBDocumentClient.from(env.rt.dynamoClient), "scorecard-local", { writers, concurrency: 8 });
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 1 })), { minLength: 1, maxLength: 12 }), { minLength: 2, maxLength: 6 }), fc.nat(), async (batches, salt) => {
          const tag = `R-${writers}-${salt}-${Math.random().toString(36).slice(2, 8)}`;
          // Event i of variant v: variant 1 differs in occurredAt (another content for the same eventId).
          const eventOf = (i: number, v: number): StoredCaseEvent => {
            const [e] = stored(new CaseBuilder(`${tag}-C${i % 4}`, "DIST-731").received("2024-03-04T09:00:00", "2024-03-08T17:00:00")) as [StoredCaseEvent];
            return { ...e, eventId: `${tag}-E${i}`, occurredAt: v === 0 ? "2024-03-04T02:00:00.000Z" : "2024-03-04T03:00:00.000Z" };
          };
          const inputs = batches.map((b) => {
            const seen = new Set<number>();
            return b.filter(([i]) => !seen.has(i) && seen.add(i)).map(([i, v]) => eventOf(i, v));
          });
          const outcomes = await Promise.all(inputs.map((events, k) => store.putEvents(events, `batch-${k}`)));
          const byId = new Map<string, { event: StoredCaseEvent; outcome: string }[]>();
          inputs.forEach((events, k) => events.forEach((e, j) => byId.set(e.eventId, [...(byId.get(e.eventId) ?? []), { event: e, outcome: outcomes[k]?.[j] as string }])));
          const kept = new Map((await store.storedEvents([...byId.keys()])).map((s) => [s.event.eventId, s.event]));
          for (const [id, copies] of byId) {
            const accepted = copies.filter((c) => c.outcome === "accepted");
            expect(accepted, id).toHaveLength(1);
            const winner = accepted[0]?.event as StoredCaseEvent;
            expect(kept.get(id)).toEqual(winner);
            for (const c of copies) if (c.outcome !== "accepted") expect(c.outcome).toBe(c.event.occurredAt === winner.occurredAt ? "duplicate" : "conflict");
          }
          // Batches appending to the same case's list side by side lose no eventId: each case lists exactly its accepted events.
          for (let c = 0; c < 4; c++) {
            const caseId = `${tag}-C${c}`;
            const expected = [...byId.keys()].filter((id) => Number(id.slice(id.lastIndexOf("-E") + 2)) % 4 === c).sort();
            expect((await store.caseEvents(caseId)).map((e) => e.eventId).sort(), caseId).toEqual(expected);
          }
        }),
        { numRuns: 20 },
      );
    });
  }

  it("answers the same eventId twice in one call once accepted, then duplicate or conflict (both writer modes)", async () => {
    for (const writers of ["single-process", "many"] as const) {
      const store = new DynamoDbEventStore(DynamoDBDocumentClient.from(env.rt.dynamoClient), "scorecard-local", { writers });
      const [e] = stored(new CaseBuilder(`T-${writers}`, "DIST-731").received("2024-03-04T09:00:00", "2024-03-08T17:00:00")) as [StoredCaseEvent];
      const outcomes = await store.putEvents([e, e, { ...e, occurredAt: "2024-03-04T05:00:00.000Z" }]);
      // One process claims in call order; writers side by side race the three puts: one wins.
      if (writers === "single-process") expect(outcomes).toEqual(["accepted", "duplicate", "conflict"]);
      else expect(outcomes.filter((o) => o === "accepted")).toHaveLength(1);
    }
  });
});

describe("EventStore contract: DynamoDbEventStore against aws-sdk-client-mock", () => {
  // Installed only for this block: the mock patches every document client in the process.
  let ddb: ReturnType<typeof mockClient>;
  beforeAll(() => {
    ddb = mockClient(DynamoDBDocumentClient);
  });
  afterAll(() => ddb.restore());
  const store = new DynamoDbEventStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: "ap-southeast-1" })), "scorecard-test", { concurrency: 2 });
  const [event] = stored(new CaseBuilder("M1", "DIST-731").received("2024-03-04T09:00:00", "2024-03-08T17:00:00")) as [StoredCaseEvent];
  const conditionFailed = () => new ConditionalCheckFailedException({ message: "The conditional request failed", $metadata: {} });

  const none = { Responses: { "scorecard-test": [] } };

  it("reads the guards in one batch, then claims each new eventId with attribute_not_exists(pk) and the content hash", async () => {
    ddb.reset();
    ddb.on(BatchGetCommand).resolves(none);
    ddb.on(PutCommand).resolves({});
    ddb.on(BatchWriteCommand).resolves({});
    expect(await store.putEvents([event], "B1")).toEqual(["accepted"]);
    expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(1);
    const guard = ddb.commandCalls(PutCommand).map((c) => c.args[0].input).find((i) => i.Item?.["sk"] === "EVT");
    expect(guard).toMatchObject({ TableName: "scorecard-test", ConditionExpression: "attribute_not_exists(pk)", Item: { pk: "EVT#M1-1", hash: contentHash(event), batchId: "B1" } });
  });

  it("answers a known eventId from the batched read, with no write of its guard", async () => {
    ddb.reset();
    ddb.on(BatchGetCommand).resolves({ Responses: { "scorecard-test": [{ pk: "EVT#M1-1", hash: contentHash(event) }] } });
    ddb.on(BatchWriteCommand).resolves({});
    expect(await store.putEvents([event])).toEqual(["duplicate"]);
    ddb.on(BatchGetCommand).resolves({ Responses: { "scorecard-test": [{ pk: "EVT#M1-1", hash: "another" }] } });
    expect(await store.putEvents([event])).toEqual(["conflict"]);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it("retries unprocessed keys and items until DynamoDB takes them", async () => {
    ddb.reset();
    ddb.on(BatchGetCommand).resolvesOnce({ Responses: { "scorecard-test": [] }, UnprocessedKeys: { "scorecard-test": { Keys: [{ pk: "EVT#M1-1", sk: "EVT" }] } } }).resolves(none);
    ddb.on(PutCommand).resolves({});
    ddb.on(UpdateCommand).resolves({});
    ddb.on(BatchWriteCommand).resolvesOnce({ UnprocessedItems: { "scorecard-test": [{ PutRequest: { Item: { pk: "OUTBOX#1", sk: "M1" } } }] } }).resolves({});
    expect(await store.putEvents([event])).toEqual(["accepted"]);
    expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(2);
    expect(ddb.commandCalls(BatchGetCommand)[1]?.args[0].input.RequestItems?.["scorecard-test"]?.Keys).toEqual([{ pk: "EVT#M1-1", sk: "EVT" }]);
    // The outbox mark, retried once (no case copy: the guard holds the event).
    expect(ddb.commandCalls(BatchWriteCommand).length).toBe(2);
    // The case's list gains the eventId by a set union (ADD), safe beside other writers.
    expect(ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input)).toEqual([
      { TableName: "scorecard-test", Key: { pk: "CASE#M1", sk: "EVENTS" }, UpdateExpression: "ADD #ids :ids", ExpressionAttributeNames: { "#ids": "ids" }, ExpressionAttributeValues: { ":ids": new Set(["M1-1"]) } },
    ]);
  });

  it("maps a condition lost to another writer to duplicate (same hash) or conflict (other hash), never an overwrite", async () => {
    ddb.reset();
    ddb.on(BatchGetCommand).resolves(none);
    ddb.on(BatchWriteCommand).resolves({});
    ddb.on(PutCommand, { ConditionExpression: "attribute_not_exists(pk)" }).rejects(conditionFailed());
    ddb.on(GetCommand).resolvesOnce({ Item: { hash: contentHash(event) } }).resolvesOnce({ Item: { hash: "another" } });
    expect(await store.putEvents([event])).toEqual(["duplicate"]);
    expect(await store.putEvents([event])).toEqual(["conflict"]);
  });

  it("lets a throttling error through (the API answers 5xx: retry the batch)", async () => {
    ddb.reset();
    ddb.on(BatchGetCommand).resolves(none);
    ddb.on(PutCommand).rejects(Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" }));
    await expect(store.putEvents([event])).rejects.toThrow("Rate exceeded");
  });
});
