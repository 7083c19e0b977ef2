/**
 * Issue 21, items 1–3: a batch stops claiming before its deadline and answers what it stored (the
 * rest `retry`, never a 5xx for stored work); a batch cut short between its claims and its raw
 * object is completed by the reconciliation, exactly once; a crashed request's Idempotency-Key is
 * free again within 10 s. Against dynalite and the folder lake (a temporary local runtime).
 */
import { gunzipSync } from "node:zlib";
import { type CaseEventInput, caseEventSchema, type StoredCaseEvent } from "@scorecard/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DynamoDbEventStore } from "../src/adapters/dynamodb/dynamodb-event-store.js";
import { DynamoDbIdempotencyStore } from "../src/adapters/dynamodb/dynamodb-idempotency-store.js";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { contentHash } from "../src/lib/canonical.js";
import { CLAIM_CHUNK, DEADLINE_RESERVE_MS, ingestEvents } from "../src/use-cases/ingest/ingest-events.js";
import { toStoredEvent } from "../src/use-cases/ingest/pseudonymise.js";
import { reconcileLake } from "../src/use-cases/ingest/reconcile-lake.js";
import { makeIngestHandler } from "../src/handlers/ingest-events.js";
import { TABLE_NAME } from "../src/local/runtime.js";
import { CaseBuilder } from "./support/events.js";
import { tempRuntime } from "./support/temp-runtime.js";

/** `n` events of `n / 2` dossiers (received and resolved), ids prefixed by `tag`. */
function events(tag: string, n: number): CaseEventInput[] {
  const out: CaseEventInput[] = [];
  for (let i = 0; out.length < n; i++) out.push(...new CaseBuilder(`${tag}-${i}`, "DEPT-STP-2020").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-05T09:00:00").build());
  return out.slice(0, n);
}

const linesOf = (body: Uint8Array | undefined) => (body ? gunzipSync(body).toString("utf8").trim().split("\n").map((l) => (JSON.parse(l) as StoredCaseEvent).eventId) : []);

describe("Ingestion under a deadline, and the lake reconciliation", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  beforeAll(async () => {
    env = await tempRuntime();
  });
  afterAll(() => env.dispose());

  it("claims chunk by chunk while time is left; the events of chunks not started are answered retry, and only what was stored reaches the lake", async () => {
    const batch = events("DL", 350);
    // Time left before each chunk: 25 s, 12 s, then 9 s (under the 10 s reserve): two chunks of 100 are claimed.
    const left = [25_000, 12_000, DEADLINE_RESERVE_MS - 1_000, 0];
    let calls = 0;
    const r = await ingestEvents(env.rt.ingest)(batch, { remainingMs: () => left[Math.min(calls++, left.length - 1)] as number });
    expect(CLAIM_CHUNK).toBe(100);
    expect({ accepted: r.accepted, retry: r.retry, duplicates: r.duplicates, conflicts: r.conflicts, rejected: r.rejected }).toEqual({ accepted: 200, retry: 150, duplicates: 0, conflicts: 0, rejected: 0 });
    expect(r.results.slice(0, 200).every((x) => x.status === "accepted")).toBe(true);
    expect(r.results.slice(200).every((x) => x.status === "retry" && x.code === "NOT_STORED_RETRY")).toBe(true);
    const keys = await env.rt.lake.list("raw/");
    const mine = keys.find((k) => k.includes(r.batchId as string)) as string;
    expect(linesOf(await env.rt.lake.get(mine))).toEqual(batch.slice(0, 200).map((e) => e.eventId));
    // Nothing left for the reconciliation: the batch cleared its record.
    expect(await env.rt.ingest.store.lakePending("9999")).toEqual([]);
    // Sent again: the stored ones are duplicates, the rest accepted now.
    const again = await ingestEvents(env.rt.ingest)(batch);
    expect({ accepted: again.accepted, duplicates: again.duplicates, retry: again.retry }).toEqual({ accepted: 150, duplicates: 200, retry: 0 });
  });

  it("through the handler: a request near its deadline answers 200 with Retry-After, and its Idempotency-Key is not kept (the same request re-runs)", async () => {
    const handler = makeIngestHandler(env.rt.ingest);
    const body = JSON.stringify({ events: events("DH", 4) });
    const request = (remaining: number) =>
      handler(
        {
          version: "2.0",
          routeKey: "POST /v1/events",
          rawPath: "/v1/events",
          rawQueryString: "",
          headers: { "content-type": "application/json", "idempotency-key": "dh-1" },
          body,
          isBase64Encoded: false,
          requestContext: { http: { method: "POST", path: "/v1/events" }, routeKey: "POST /v1/events", authorizer: { jwt: { claims: { sub: "one-stop", "cognito:groups": ["source-system"] }, scopes: [] } } },
        } as never,
        { getRemainingTimeInMillis: () => remaining, functionName: "ingest", awsRequestId: "r", callbackWaitsForEmptyEventLoop: false } as never,
      ) as Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;
    const first = await request(DEADLINE_RESERVE_MS - 1);
    expect(first.statusCode).toBe(200);
    expect(first.headers["retry-after"]).toBe("1");
    expect(JSON.parse(first.body)).toMatchObject({ accepted: 0, retry: 4 });
    const second = await request(29_000);
    expect(second.statusCode).toBe(200);
    expect(second.headers["idempotent-replayed"]).toBeUndefined();
    expect(JSON.parse(second.body)).toMatchObject({ accepted: 4, retry: 0 });
    const third = await request(29_000);
    expect(third.headers["idempotent-replayed"]).toBe("true");
  });

  it("a batch killed between its claims and its raw object: the reconciliation writes exactly its claimed events, once, and queues their cases", async () => {
    const store = env.rt.ingest.store as DynamoDbEventStore;
    const stored = events("RC", 6).map((e) => toStoredEvent(caseEventSchema.parse(e), env.rt.ingest.hasher));
    // An earlier batch already holds RC-0-1: the killed batch's copy is a duplicate, not its claim.
    await store.putEvents(stored.slice(0, 1), "earlier");
    const key = "raw/events/date=2026-12-07/20261207T000000000Z-killed.ndjson.gz";
    await store.markLakePending({ batchId: "killed", key, eventIds: stored.map((e) => e.eventId), at: "2026-12-07T00:00:00.000Z" });
    await store.putEvents(stored, "killed");
    await store.drainOutbox();
    // …and the process dies here: no raw object, the record stays.
    const reconcile = reconcileLake({ store, lake: env.rt.lake, clock: env.rt.ingest.clock });
    expect(await reconcile(60_000)).toEqual({ batches: 1, written: 1, events: 5 });
    expect(linesOf(await env.rt.lake.get(key)).sort()).toEqual(stored.slice(1).map((e) => e.eventId).sort());
    expect((await store.outboxBacklog()).cases).toBe(3);
    expect(await reconcile(0)).toEqual({ batches: 0, written: 0, events: 0 });
  });

  it("a batch killed after its claims but before its case lists: the reconciliation lists its events in their cases, so the live state has them", async () => {
    const store = env.rt.ingest.store as DynamoDbEventStore;
    const [received, resolved] = events("RL", 2).map((e) => toStoredEvent(caseEventSchema.parse(e), env.rt.ingest.hasher)) as [StoredCaseEvent, StoredCaseEvent];
    const key = "raw/events/date=2026-12-07/20261207T000000000Z-unlisted.ndjson.gz";
    await store.markLakePending({ batchId: "unlisted", key, eventIds: [received.eventId, resolved.eventId], at: "2026-12-07T00:00:00.000Z" });
    // What the dead batch left: its two guards (as the claim writes them), no list, no mark.
    const db = DynamoDBDocumentClient.from(env.rt.dynamoClient);
    for (const e of [received, resolved]) await db.send(new PutCommand({ TableName: TABLE_NAME, Item: { pk: `EVT#${e.eventId}`, sk: "EVT", caseId: e.caseId, hash: contentHash(e), batchId: "unlisted", event: e } }));
    expect(await store.caseEvents("RL-0")).toEqual([]);
    expect(await reconcileLake({ store, lake: env.rt.lake, clock: env.rt.ingest.clock })(0)).toEqual({ batches: 1, written: 1, events: 2 });
    expect((await store.caseEvents("RL-0")).map((e) => e.eventId).sort()).toEqual([received.eventId, resolved.eventId].sort());
    await store.drainOutbox();
    expect(await store.caseState("RL-0")).toMatchObject({ eventCount: 2, open: false });
  });

  it("a record whose raw object was written before the crash is cleared without writing the object again", async () => {
    const store = env.rt.ingest.store as DynamoDbEventStore;
    const stored = events("RW", 2).map((e) => toStoredEvent(caseEventSchema.parse(e), env.rt.ingest.hasher));
    const key = "raw/events/date=2026-12-07/20261207T000000000Z-written.ndjson.gz";
    await store.markLakePending({ batchId: "written", key, eventIds: stored.map((e) => e.eventId), at: "2026-12-07T00:00:00.000Z" });
    await store.putEvents(stored, "written");
    await env.rt.lake.put(key, "sentinel");
    expect(await reconcileLake({ store, lake: env.rt.lake, clock: env.rt.ingest.clock })(0)).toEqual({ batches: 1, written: 0, events: 0 });
    expect(Buffer.from((await env.rt.lake.get(key)) as Uint8Array).toString()).toBe("sentinel");
  });

  it("a crashed request's Idempotency-Key is free within 10 s; a running one renews its hold", async () => {
    let now = Date.parse("2026-12-07T08:00:00Z");
    const store = new DynamoDbIdempotencyStore(DynamoDBDocumentClient.from(env.rt.dynamoClient), TABLE_NAME, { now: () => new Date(now) });
    expect(await store.begin("src#POST /v1/events", "k-crash", "h")).toEqual({ kind: "new" });
    now += 9_000;
    expect(await store.begin("src#POST /v1/events", "k-crash", "h")).toEqual({ kind: "in-flight" });
    now += 2_000; // 11 s after the crash: taken over
    expect(await store.begin("src#POST /v1/events", "k-crash", "h")).toEqual({ kind: "new" });
    // A running request renews every 3 s: 20 s later it still holds the key.
    for (let t = 0; t < 20; t += 3) {
      now += 3_000;
      await store.extend("src#POST /v1/events", "k-crash");
    }
    expect(await store.begin("src#POST /v1/events", "k-crash", "h")).toEqual({ kind: "in-flight" });
  });
});
