import type { IndexedOpenCase, OpenCaseIndex } from "../../ports/read.js";
import { Lru } from "../../lib/lru.js";
import type { CaseStateOutbox, EventStore, LakePending, PutEventOutcome } from "../../ports/ingest.js";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, BatchWriteCommand, DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { StoredCaseEvent } from "@scorecard/shared";
import { contentHash } from "../../lib/canonical.js";
import { mapLimit } from "../../lib/concurrency.js";
import { serial } from "../../lib/serial.js";
import { type LiveCaseState, deriveCaseState, indexItemsOf } from "./case-state.js";

/** How a store claims eventIds: every writer of the table is this process, or writers run side by side (Lambda). */
export type EventWriters = "single-process" | "many";

export interface EventStoreOptions {
  /**
   * `single-process` (the local runtime: the data folder's lock makes it the table's only writer):
   * eventIds are claimed with batched reads and writes under an in-process lock per eventId.
   * `many` (Lambda): a batched read classifies the known eventIds, then each new one is claimed with
   * a conditional put (the only exact first-writer-wins across processes; BatchWriteItem carries no
   * condition). docs/adr/0018-batched-ingestion.md.
   */
  readonly writers?: EventWriters;
  /** Requests in flight per batch. */
  readonly concurrency?: number;
  /** Outbox partitions (the case-state refresh queue). */
  readonly outboxShards?: number;
}

const GUARD_SK = "EVT";
/** The case's list of eventIds (a string set), in the case's partition. */
const LIST_SK = "EVENTS";
const OUTBOX = "OUTBOX#";
const LAKE_PENDING = "LAKE_PENDING";
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const chunks = <T>(xs: readonly T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
const shardOf = (caseId: string, shards: number) => {
  let h = 2166136261;
  for (let i = 0; i < caseId.length; i++) h = Math.imul(h ^ caseId.charCodeAt(i), 16777619);
  return (h >>> 0) % shards;
};

/**
 * Events in DynamoDB (docs/storage.md): a guard item per eventId makes "stored once" exact and
 * holds the event; the case's list of eventIds lets the live case state and its open-case index
 * items be re-derived from the set of the case's events, whatever the arrival order. The
 * re-derivation is not on the answer's path: a batch marks its cases in an outbox, drained by
 * `drainOutbox` (locally right after each batch; on AWS by the maintenance function) — the early
 * warnings catch up within a drain. A duplicate is listed in its case again and re-marks it, so a
 * batch retried after a crash repairs both (docs/adr/0018, amendment).
 */
export class DynamoDbEventStore implements EventStore, CaseStateOutbox, OpenCaseIndex {
  private readonly writers: EventWriters;
  private readonly concurrency: number;
  private readonly shards: number;
  /** Marks and their taking-off in turn (single-process writers only). */
  private readonly outboxLock = serial();
  private markSeq = 0;
  /** The tail of each locked key's chain: eventIds being claimed, cases whose list is being written (single-process writers only). */
  private readonly lockTails = new Map<string, Promise<void>>();
  /**
   * Single-process writers only — what this process last wrote or read, so that the drain right
   * after a batch reads neither the batch's guards nor its lists again. Both are exact: a guard's
   * event never changes once claimed; a list is written only by this process, under its case's
   * lock, and is cached only there, after the write succeeded (a failed write forgets its cases).
   */
  private readonly recentEvents = new Lru<string, StoredCaseEvent>(10_000);
  private readonly recentLists = new Lru<string, ReadonlySet<string>>(5_000);

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: EventStoreOptions = {},
  ) {
    this.writers = options.writers ?? "many";
    this.concurrency = options.concurrency ?? 16;
    this.shards = options.outboxShards ?? 4;
  }

  async putEvents(events: readonly StoredCaseEvent[], batchId = "unbatched"): Promise<PutEventOutcome[]> {
    const outcomes = this.writers === "single-process" ? await this.claimLocked(events, batchId) : await this.claimConditional(events, batchId);
    const kept = [...new Map(events.filter((_, i) => outcomes[i] !== "conflict").map((e) => [e.eventId, e])).values()];
    await this.linkEvents(kept);
    await this.markCases(kept.map((e) => e.caseId), batchId);
    return outcomes;
  }

  /**
   * Add these events' ids to their cases' lists (the set the drain derives each case from). The
   * lists only grow. One process: read the lists and write the unions in batches, under an
   * in-process lock per case (two batches of one case never interleave their read and write); a
   * list already holding every id is not written. The events must be stored (their guards written). Writers side by side: `ADD ids :ids` per case, an
   * atomic set union in DynamoDB (no read, nothing lost between two writers).
   */
  async linkEvents(events: readonly Pick<StoredCaseEvent, "eventId" | "caseId">[]): Promise<void> {
    const byCase = new Map<string, Set<string>>();
    for (const e of events) {
      let ids = byCase.get(e.caseId);
      if (!ids) byCase.set(e.caseId, (ids = new Set()));
      ids.add(e.eventId);
    }
    if (byCase.size === 0) return;
    if (this.writers === "many") {
      await mapLimit([...byCase], this.concurrency, ([caseId, ids]) =>
        this.db.send(
          new UpdateCommand({ TableName: this.tableName, Key: { pk: `CASE#${caseId}`, sk: LIST_SK }, UpdateExpression: "ADD #ids :ids", ExpressionAttributeNames: { "#ids": "ids" }, ExpressionAttributeValues: { ":ids": ids } }),
        ),
      );
      return;
    }
    const caseIds = [...byCase.keys()];
    await this.locked(
      caseIds.map((c) => `CASE#${c}`),
      async () => {
        const have = new Map<string, ReadonlySet<string>>();
        const unknown: string[] = [];
        for (const c of caseIds) {
          const cached = this.recentLists.get(c);
          if (cached) have.set(c, cached);
          else unknown.push(c);
        }
        for (const item of await this.batchGet(unknown.map((c) => ({ pk: `CASE#${c}`, sk: LIST_SK })), "pk, #ids", { "#ids": "ids" })) have.set((item["pk"] as string).slice(5), item["ids"] as Set<string>);
        const writes: { pk: string; sk: string; ids: ReadonlySet<string> }[] = [];
        for (const [caseId, ids] of byCase) {
          const old = have.get(caseId);
          if (old && [...ids].every((id) => old.has(id))) this.recentLists.set(caseId, old);
          else writes.push({ pk: `CASE#${caseId}`, sk: LIST_SK, ids: old ? new Set([...old, ...ids]) : ids });
        }
        try {
          await this.batchWrite(writes);
        } catch (e) {
          for (const w of writes) this.recentLists.delete(w.pk.slice(5));
          throw e;
        }
        for (const w of writes) this.recentLists.set(w.pk.slice(5), w.ids);
      },
    );
  }

  /**
   * Run `task` holding an in-process lock on each key (single-process writers only). Every key's
   * wait is registered synchronously, so holders of overlapping keys are totally ordered: no
   * deadlock, no interleaving on a key.
   */
  private async locked<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)];
    let release!: () => void;
    const mine = new Promise<void>((ok) => {
      release = ok;
    });
    const before = unique.map((k) => this.lockTails.get(k));
    for (const k of unique) this.lockTails.set(k, mine);
    try {
      await Promise.all(before);
      return await task();
    } finally {
      release();
      for (const k of unique) if (this.lockTails.get(k) === mine) this.lockTails.delete(k);
    }
  }

  /** One process writes: lock the batch's eventIds in this process, then read and write them in batches. */
  private async claimLocked(events: readonly StoredCaseEvent[], batchId: string): Promise<PutEventOutcome[]> {
    const ids = [...new Set(events.map((e) => e.eventId))];
    return this.locked(
      ids.map((id) => `EVT#${id}`),
      async () => {
        const known = await this.guardHashes(ids);
        const outcomes: PutEventOutcome[] = [];
        const fresh: StoredCaseEvent[] = [];
        const claimed = new Map<string, string>();
        for (const e of events) {
          const hash = contentHash(e);
          const stored = known.get(e.eventId) ?? claimed.get(e.eventId);
          if (stored === undefined) {
            claimed.set(e.eventId, hash);
            fresh.push(e);
            outcomes.push("accepted");
          } else outcomes.push(stored === hash ? "duplicate" : "conflict");
        }
        await this.batchWrite(fresh.map((e) => this.guardItem(e, batchId)));
        // Claimed now, or known with the same content (a duplicate): the stored event's content.
        events.forEach((e, i) => outcomes[i] !== "conflict" && this.recentEvents.set(e.eventId, e));
        return outcomes;
      },
    );
  }

  /** Writers side by side: a batched read classifies the known ids, a conditional put claims each new one. */
  private async claimConditional(events: readonly StoredCaseEvent[], batchId: string): Promise<PutEventOutcome[]> {
    const known = await this.guardHashes([...new Set(events.map((e) => e.eventId))]);
    return mapLimit(events, this.concurrency, async (e) => {
      const hash = contentHash(e);
      const stored = known.get(e.eventId);
      if (stored !== undefined) return stored === hash ? "duplicate" : "conflict";
      try {
        await this.db.send(new PutCommand({ TableName: this.tableName, Item: this.guardItem(e, batchId), ConditionExpression: "attribute_not_exists(pk)" }));
        return "accepted";
      } catch (err) {
        if (!(err instanceof ConditionalCheckFailedException)) throw err;
        // Another writer claimed it between the read and the put: its content decides.
        const now = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `EVT#${e.eventId}`, sk: GUARD_SK }, ConsistentRead: true }));
        return now.Item?.["hash"] === hash ? "duplicate" : "conflict";
      }
    });
  }

  /** The guard: the event once, as JSON text (one string attribute: cheaper to marshal, validate and store than a map of its fields). */
  private guardItem(e: StoredCaseEvent, batchId: string) {
    return { pk: `EVT#${e.eventId}`, sk: GUARD_SK, caseId: e.caseId, hash: contentHash(e), batchId, event: JSON.stringify(e) };
  }

  /** The content hash of each stored eventId (absent ones are not in the map). */
  private async guardHashes(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const item of await this.batchGet(ids.map((id) => ({ pk: `EVT#${id}`, sk: GUARD_SK })), "pk, #h", { "#h": "hash" })) out.set((item["pk"] as string).slice(4), item["hash"] as string);
    return out;
  }

  /** The stored guard items (event and the batch that claimed it) of these eventIds. */
  async storedEvents(ids: readonly string[]): Promise<{ event: StoredCaseEvent; batchId: string | undefined }[]> {
    return (await this.batchGet(ids.map((id) => ({ pk: `EVT#${id}`, sk: GUARD_SK })))).map((i) => ({ event: eventOfGuard(i), batchId: i["batchId"] as string | undefined }));
  }

  /** BatchGetItem, 100 keys a call, consistent, unprocessed keys retried with backoff. */
  private async batchGet(keys: readonly Record<string, string>[], projection?: string, names?: Record<string, string>): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    await mapLimit(chunks(keys, 100), this.concurrency, async (chunk) => {
      let pending: Record<string, unknown>[] = chunk;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await this.backoff(attempt, "BatchGetItem");
        const r = await this.db.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true, ...(projection ? { ProjectionExpression: projection, ExpressionAttributeNames: names } : {}) } },
          }),
        );
        out.push(...(r.Responses?.[this.tableName] ?? []));
        pending = r.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    });
    return out;
  }

  /** BatchWriteItem puts, 25 items a call, unprocessed items retried with backoff. */
  private async batchWrite(items: readonly Record<string, unknown>[], op: "put" | "delete" = "put"): Promise<void> {
    await mapLimit(chunks(items, 25), this.concurrency, async (chunk) => {
      let pending = chunk.map((item) => (op === "put" ? { PutRequest: { Item: item } } : { DeleteRequest: { Key: item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await this.backoff(attempt, "BatchWriteItem");
        const r = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = (r.UnprocessedItems?.[this.tableName] ?? []) as typeof pending;
      }
    });
  }

  private async backoff(attempt: number, what: string): Promise<void> {
    if (attempt > 8) throw new Error(`${what}: items still unprocessed after ${attempt} attempts`);
    await sleep(Math.min(1000, 10 * 2 ** attempt) * (0.5 + Math.random() / 2));
  }

  /** Queue the re-derivation of these cases (a newer mark replaces an older one: its token changes). */
  private async markCases(caseIds: readonly string[], token: string): Promise<void> {
    const at = new Date().toISOString();
    const marks = [...new Set(caseIds)].map((caseId) => ({ pk: `${OUTBOX}${shardOf(caseId, this.shards)}`, sk: caseId, token: `${token}#${at}#${++this.markSeq}`, at }));
    if (this.writers === "single-process") await this.outboxLock(() => this.batchWrite(marks));
    else await this.batchWrite(marks);
  }

  /**
   * Re-derive the live state of the cases waiting in the outbox (at most `limit` a call) and take
   * each off unless a newer batch marked it meanwhile (its token changed: it stays for the next
   * drain). Returns how many cases were re-derived.
   */
  async drainOutbox(limit = 2000): Promise<number> {
    let done = 0;
    for (let shard = 0; shard < this.shards && done < limit; shard++) {
      const page = await this.db.send(
        new QueryCommand({ TableName: this.tableName, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": `${OUTBOX}${shard}` }, Limit: limit - done, ConsistentRead: true }),
      );
      const items = page.Items ?? [];
      if (this.writers === "single-process") await this.drainBatched(items);
      else {
        const events = await this.eventsOfCases(items.map((i) => i["sk"] as string));
        await mapLimit(items, this.concurrency, async (item) => {
          await this.putDerived(derivedItemsOf(item["sk"] as string, events.get(item["sk"] as string) ?? []));
          try {
            await this.db.send(
              new DeleteCommand({ TableName: this.tableName, Key: { pk: item["pk"], sk: item["sk"] }, ConditionExpression: "#t = :t", ExpressionAttributeNames: { "#t": "token" }, ExpressionAttributeValues: { ":t": item["token"] } }),
            );
          } catch (e) {
            if (!(e instanceof ConditionalCheckFailedException)) throw e;
          }
        });
      }
      done += items.length;
    }
    return done;
  }

  /**
   * One process writes, and one drain pass runs at a time (OutboxDrainer): the derived items need no
   * condition (no other writer of them), so they go out in batches; the marks are taken off in
   * batches too, under the outbox lock that `markCases` also takes, so a mark written after this
   * pass read the case is never taken off with the older one.
   */
  private async drainBatched(items: readonly Record<string, unknown>[]): Promise<void> {
    const events = await this.eventsOfCases(items.map((i) => i["sk"] as string));
    await this.batchWrite(items.flatMap((i) => derivedItemsOf(i["sk"] as string, events.get(i["sk"] as string) ?? [])));
    await this.outboxLock(async () => {
      const now = await this.batchGet(items.map((i) => ({ pk: i["pk"] as string, sk: i["sk"] as string })));
      const tokenNow = new Map(now.map((i) => [`${i["pk"]}|${i["sk"]}`, i["token"]]));
      const done = items.filter((i) => tokenNow.get(`${i["pk"]}|${i["sk"]}`) === i["token"]).map((i) => ({ pk: i["pk"], sk: i["sk"] }));
      await this.batchWrite(done, "delete");
    });
  }

  /** Cases waiting in the outbox, and the oldest mark's time (null when empty). */
  async outboxBacklog(): Promise<{ cases: number; oldest: string | null }> {
    let cases = 0;
    let oldest: string | null = null;
    for (let shard = 0; shard < this.shards; shard++) {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await this.db.send(
          new QueryCommand({ TableName: this.tableName, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": `${OUTBOX}${shard}` }, ProjectionExpression: "#a", ExpressionAttributeNames: { "#a": "at" }, ExclusiveStartKey: startKey, ConsistentRead: true }),
        );
        for (const i of page.Items ?? []) {
          cases++;
          const at = i["at"] as string;
          if (oldest === null || at < oldest) oldest = at;
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    }
    return { cases, oldest };
  }

  /** Record, before a batch claims anything, that its raw object must reach the lake. */
  async markLakePending(p: LakePending): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { pk: LAKE_PENDING, sk: p.batchId, key: p.key, eventIds: [...p.eventIds], at: p.at } }));
  }

  async clearLakePending(batchId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: LAKE_PENDING, sk: batchId } }));
  }

  /** Batches whose raw object may be missing from the lake, marked before `before` (ISO). */
  async lakePending(before: string): Promise<LakePending[]> {
    const out: LakePending[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ TableName: this.tableName, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": LAKE_PENDING }, ExclusiveStartKey: startKey, ConsistentRead: true }));
      for (const i of page.Items ?? []) if ((i["at"] as string) < before) out.push({ batchId: i["sk"] as string, key: i["key"] as string, eventIds: i["eventIds"] as string[], at: i["at"] as string });
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return out;
  }

  /** List these stored events in their cases again and queue the cases (the lake reconciliation, for batches cut short). */
  async requeueEvents(events: readonly Pick<StoredCaseEvent, "eventId" | "caseId">[], token: string): Promise<void> {
    await this.linkEvents(events);
    await this.markCases(events.map((e) => e.caseId), token);
  }

  /**
   * A case's events (the timeline): its list, then each listed guard with GetItem — one case, a few
   * dozen events at most, and the read API's role reads single items (it is granted no batch read).
   */
  async caseEvents(caseId: string): Promise<StoredCaseEvent[]> {
    const list = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `CASE#${caseId}`, sk: LIST_SK }, ConsistentRead: true }));
    const ids = [...((list.Item?.["ids"] as Set<string> | undefined) ?? [])];
    const guards = await mapLimit(ids, this.concurrency, async (id) =>
      (await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `EVT#${id}`, sk: GUARD_SK }, ProjectionExpression: "#e", ExpressionAttributeNames: { "#e": "event" }, ConsistentRead: true }))).Item,
    );
    return guards.flatMap((g) => (g ? [eventOfGuard(g)] : []));
  }

  /**
   * Re-derive the live state and the case's open-case index items from its events, and keep for
   * each item the version derived from the most events: a case's list only grows, so the sets two
   * readers of it see are ordered by inclusion and the largest count is the
   * largest set; every item is written with `eventCount <= n`, whatever the interleaving the writer
   * that saw the most events wins each item. Index items are never deleted: a row that no longer
   * applies is overwritten by a tombstone (no gsi1 keys), so an older writer arriving late cannot
   * bring it back (docs/storage.md).
   */
  async refreshCaseState(caseId: string): Promise<void> {
    await this.putDerived(derivedItemsOf(caseId, (await this.eventsOfCases([caseId])).get(caseId) ?? []));
  }

  /** Write a case's derived items, each kept only if not derived from fewer events (refreshCaseState). */
  private async putDerived(items: readonly Record<string, unknown>[]): Promise<void> {
    if (items.length === 0) return;
    const n = items[0]?.["eventCount"] as number;
    await this.putIfNotOlder(items[0] as Record<string, unknown>, n);
    await mapLimit(items.slice(1), 4, (item) => this.putIfNotOlder(item, n));
  }

  /**
   * The events of each case, from its list of eventIds: the lists in one batched read (100 a call),
   * then the listed events in batched reads — a few calls for a drain page instead of a query per
   * case. The lists only grow, so two reads of a case's list are ordered by inclusion.
   */
  private async eventsOfCases(caseIds: readonly string[]): Promise<Map<string, StoredCaseEvent[]>> {
    const out = new Map<string, StoredCaseEvent[]>(caseIds.map((c) => [c, []]));
    const cache = this.writers === "single-process";
    const ids: string[] = [];
    const unlisted: string[] = [];
    for (const c of out.keys()) {
      const cached = cache ? this.recentLists.get(c) : undefined;
      if (cached) ids.push(...cached);
      else unlisted.push(c);
    }
    // Not cached here (only the writer, under the case's lock, caches a list).
    for (const item of await this.batchGet(unlisted.map((c) => ({ pk: `CASE#${c}`, sk: LIST_SK })), "pk, #ids", { "#ids": "ids" })) ids.push(...(item["ids"] as Set<string>));
    const keys: Record<string, string>[] = [];
    for (const id of ids) {
      const e = cache ? this.recentEvents.get(id) : undefined;
      if (e) out.get(e.caseId)?.push(e);
      else keys.push({ pk: `EVT#${id}`, sk: GUARD_SK });
    }
    for (const item of await this.batchGet(keys, "#e", { "#e": "event" })) {
      const e = eventOfGuard(item);
      if (cache) this.recentEvents.set(e.eventId, e);
      out.get(e.caseId)?.push(e);
    }
    return out;
  }

  private async putIfNotOlder(item: Record<string, unknown>, n: number): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: "attribute_not_exists(pk) OR eventCount <= :n",
          ExpressionAttributeValues: { ":n": n },
        }),
      );
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
    }
  }

  async caseState(caseId: string): Promise<LiveCaseState | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `CASE#${caseId}`, sk: "STATE" }, ConsistentRead: true }));
    if (!r.Item) return undefined;
    const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ...state } = r.Item;
    return state as LiveCaseState;
  }

  async openCasesDueBefore(unitId: string, before: string): Promise<IndexedOpenCase[]> {
    return this.queryIndex(`OPEN#${unitId}`, "gsi1sk < :before", { ":before": before });
  }

  async pausedCases(unitId: string): Promise<IndexedOpenCase[]> {
    return this.queryIndex(`PAUSED#${unitId}`);
  }

  private async queryIndex(gsi1pk: string, sortCondition?: string, values: Record<string, string> = {}): Promise<IndexedOpenCase[]> {
    const out: IndexedOpenCase[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: "gsi1",
          KeyConditionExpression: `gsi1pk = :p${sortCondition ? ` AND ${sortCondition}` : ""}`,
          ExpressionAttributeValues: { ":p": gsi1pk, ...values },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const i of page.Items ?? []) {
        const row = rowOfIndexItem(i);
        if (row) out.push(row);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return out;
  }
}

/** A guard's event: JSON text, or (guards written before the amendment of ADR 0018) a map of its fields. */
const eventOfGuard = (item: Record<string, unknown>): StoredCaseEvent => {
  const e = item["event"];
  return typeof e === "string" ? (JSON.parse(e) as StoredCaseEvent) : (e as StoredCaseEvent);
};

/** A case's state item and its index items, derived from the set of its events (none before RECEIVED). */
function derivedItemsOf(caseId: string, events: readonly StoredCaseEvent[]): Record<string, unknown>[] {
  const state = deriveCaseState(events);
  if (!state) return [];
  const n = state.eventCount;
  return [
    { pk: `CASE#${caseId}`, sk: "STATE", ...state },
    ...indexItemsOf(events, state).map((item) => ({ pk: `CASE#${caseId}`, sk: item.sk, kind: "OPEN_CASE", live: item.row !== null, eventCount: n, ...(item.row ? { row: item.row } : {}), ...(item.placement ?? {}) })),
  ];
}

/**
 * The row of an index item. A `STATE` item carrying gsi1 keys is the layout written before the
 * index had one item per holding unit (a data folder not yet backfilled, see
 * open-case-index-backfill.ts): read as the receiving unit holding the dossier, as it was then.
 */
export function rowOfIndexItem(i: Record<string, unknown>): IndexedOpenCase | undefined {
  if (i["kind"] === "OPEN_CASE") return i["live"] === true ? (i["row"] as IndexedOpenCase) : undefined;
  if (i["sk"] !== "STATE" || typeof i["dueAt"] !== "string") return undefined;
  const s = i as unknown as { caseId: string; unitId: string; procedureCode?: string | null; field?: string | null; receivedAt?: string | null; dueAt: string; supplementRequests?: number };
  return {
    caseId: s.caseId,
    unitId: s.unitId,
    role: "HOLDER",
    leadUnitId: s.unitId,
    procedureCode: s.procedureCode ?? null,
    field: s.field ?? null,
    receivedAt: s.receivedAt ?? null,
    dueAt: s.dueAt,
    dueRule: "CASE_DUE",
    caseDueAt: s.dueAt,
    pausedSince: null,
    supplementRequests: s.supplementRequests ?? 0,
    heldSince: s.receivedAt ?? s.dueAt,
    consultations: [],
  };
}
