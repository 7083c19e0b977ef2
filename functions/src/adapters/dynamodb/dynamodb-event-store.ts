import type { IndexedOpenCase, OpenCaseIndex } from "../../ports/read.js";
import type { EventStore, PutEventOutcome } from "../../ports/ingest.js";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { StoredCaseEvent } from "@scorecard/shared";
import { contentHash } from "../../lib/canonical.js";
import { mapLimit } from "../../lib/concurrency.js";
import { type LiveCaseState, deriveCaseState, indexItemsOf } from "./case-state.js";

/**
 * Events in DynamoDB (docs/storage.md): a guard item per eventId written with
 * `attribute_not_exists(pk)` makes "stored once" exact; a copy under the case lets the live case
 * state and its open-case index items be re-derived from the set of the case's events, whatever
 * the arrival order. A duplicate re-writes the derived items, so a batch retried after a crash
 * repairs them.
 */
export class DynamoDbEventStore implements EventStore, OpenCaseIndex {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly concurrency = 16,
  ) {}

  async putEvents(events: readonly StoredCaseEvent[]): Promise<PutEventOutcome[]> {
    const outcomes = await mapLimit(events, this.concurrency, (e) => this.putOne(e));
    const touched = [...new Set(events.filter((_, i) => outcomes[i] !== "conflict").map((e) => e.caseId))];
    await mapLimit(touched, this.concurrency, (caseId) => this.refreshCaseState(caseId));
    return outcomes;
  }

  private async putOne(event: StoredCaseEvent): Promise<PutEventOutcome> {
    const hash = contentHash(event);
    let outcome: PutEventOutcome = "accepted";
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: `EVT#${event.eventId}`, sk: "EVT", caseId: event.caseId, hash, event },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
      const existing = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: { pk: `EVT#${event.eventId}`, sk: "EVT" }, ConsistentRead: true }),
      );
      if (existing.Item?.["hash"] !== hash) return "conflict";
      outcome = "duplicate";
    }
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { pk: `CASE#${event.caseId}`, sk: `EVT#${event.eventId}`, event } }),
    );
    return outcome;
  }

  async caseEvents(caseId: string): Promise<StoredCaseEvent[]> {
    const out: StoredCaseEvent[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :evt)",
          ExpressionAttributeValues: { ":pk": `CASE#${caseId}`, ":evt": "EVT#" },
          ExclusiveStartKey: startKey,
          ConsistentRead: true,
        }),
      );
      for (const item of page.Items ?? []) out.push(item["event"] as StoredCaseEvent);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return out;
  }

  /**
   * Re-derive the live state and the case's open-case index items from its events, and keep for
   * each item the version derived from the most events: each writer queries after writing its own
   * events, so the sets the writers see are ordered by inclusion and the largest count is the
   * largest set; every item is written with `eventCount <= n`, whatever the interleaving the writer
   * that saw the most events wins each item. Index items are never deleted: a row that no longer
   * applies is overwritten by a tombstone (no gsi1 keys), so an older writer arriving late cannot
   * bring it back (docs/storage.md).
   */
  async refreshCaseState(caseId: string): Promise<void> {
    const events = await this.caseEvents(caseId);
    const state = deriveCaseState(events);
    if (!state) return;
    const n = state.eventCount;
    await this.putIfNotOlder({ pk: `CASE#${caseId}`, sk: "STATE", ...state }, n);
    await mapLimit(indexItemsOf(events, state), 4, (item) =>
      this.putIfNotOlder({ pk: `CASE#${caseId}`, sk: item.sk, kind: "OPEN_CASE", live: item.row !== null, eventCount: n, ...(item.row ? { row: item.row } : {}), ...(item.placement ?? {}) }, n),
    );
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
