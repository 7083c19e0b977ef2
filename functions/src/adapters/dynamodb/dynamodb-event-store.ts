import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { StoredCaseEvent } from "@scorecard/shared";
import type { EventStore, PutEventOutcome } from "../../ports/index.js";
import { contentHash } from "../../lib/canonical.js";
import { mapLimit } from "../../lib/concurrency.js";
import { deriveCaseState } from "./case-state.js";

/**
 * Events in DynamoDB (docs/storage.md): a guard item per eventId written with
 * `attribute_not_exists(pk)` makes "stored once" exact; a copy under the case lets the live case
 * state be re-derived from the set of the case's events, whatever the arrival order.
 * A duplicate re-writes the derived items, so a batch retried after a crash repairs them.
 */
export class DynamoDbEventStore implements EventStore {
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

  private async refreshCaseState(caseId: string): Promise<void> {
    const state = deriveCaseState(await this.caseEvents(caseId));
    if (!state) return;
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: `CASE#${caseId}`,
          sk: "STATE",
          ...state,
          ...(state.open && state.dueAt ? { gsi1pk: `OPEN#${state.unitId}`, gsi1sk: `${state.dueAt}#${caseId}` } : {}),
        },
      }),
    );
  }
}
