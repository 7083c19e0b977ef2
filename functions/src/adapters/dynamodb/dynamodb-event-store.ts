import type { OpenCase, OpenCaseIndex } from "../../ports/read.js";
import type { EventStore, PutEventOutcome } from "../../ports/ingest.js";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { StoredCaseEvent } from "@scorecard/shared";
import { contentHash } from "../../lib/canonical.js";
import { mapLimit } from "../../lib/concurrency.js";
import { type LiveCaseState, deriveCaseState } from "./case-state.js";

/**
 * Events in DynamoDB (docs/storage.md): a guard item per eventId written with
 * `attribute_not_exists(pk)` makes "stored once" exact; a copy under the case lets the live case
 * state be re-derived from the set of the case's events, whatever the arrival order.
 * A duplicate re-writes the derived items, so a batch retried after a crash repairs them.
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
   * Re-derive the live state from the case's events and keep the state derived from the most
   * events: each writer queries after writing its own events, so the writer that wrote last sees
   * them all and its state (the largest count) wins, whatever the interleaving.
   */
  private async refreshCaseState(caseId: string): Promise<void> {
    const state = deriveCaseState(await this.caseEvents(caseId));
    if (!state) return;
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: `CASE#${caseId}`,
            sk: "STATE",
            ...state,
            ...(state.open && state.dueAt ? { gsi1pk: `OPEN#${state.unitId}`, gsi1sk: `${state.dueAt}#${caseId}` } : {}),
          },
          ConditionExpression: "attribute_not_exists(pk) OR eventCount <= :n",
          ExpressionAttributeValues: { ":n": state.eventCount },
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

  async openCasesDueBefore(unitId: string, before: string): Promise<OpenCase[]> {
    const out: OpenCase[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: "gsi1",
          KeyConditionExpression: "gsi1pk = :p AND gsi1sk < :before",
          ExpressionAttributeValues: { ":p": `OPEN#${unitId}`, ":before": before },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const i of page.Items ?? []) {
        out.push({ caseId: i["caseId"], unitId: i["unitId"], procedureCode: i["procedureCode"] ?? null, field: i["field"] ?? null, receivedAt: i["receivedAt"] ?? null, dueAt: i["dueAt"] });
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return out;
  }
}
