import type { Clock } from "../../ports/runtime.js";
import type { IdempotencyBegin, IdempotencyStore, StoredResponse } from "../../ports/ingest.js";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";

/** How long a completed response is replayed (Stripe keeps keys ≥ 24 h). */
export const KEY_TTL_SECONDS = 24 * 3600;
/**
 * A running request holds its key this long and renews the hold every 3 s (the idempotency
 * middleware); a record whose hold lapsed belongs to a crashed request and may be taken
 * over, so a crashed request's key is free again within this many seconds.
 */
export const IN_FLIGHT_SECONDS = 10;

export class DynamoDbIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  private key(scope: string, key: string) {
    return { pk: `IDEM#${scope}#${key}`, sk: "IDEM" };
  }

  async begin(scope: string, key: string, requestHash: string): Promise<IdempotencyBegin> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...this.key(scope, key), status: "IN_PROGRESS", requestHash, inFlightUntil: now + IN_FLIGHT_SECONDS, expiresAt: now + KEY_TTL_SECONDS },
          // New key, an expired record (TTL may lag), or a crashed in-flight request with the same body.
          ConditionExpression:
            "attribute_not_exists(pk) OR expiresAt < :now OR (#s = :inprogress AND inFlightUntil < :now AND requestHash = :h)",
          ExpressionAttributeNames: { "#s": "status" },
          ExpressionAttributeValues: { ":now": now, ":inprogress": "IN_PROGRESS", ":h": requestHash },
        }),
      );
      return { kind: "new" };
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
    }
    const r = await this.db.send(new GetCommand({ TableName: this.tableName, Key: this.key(scope, key), ConsistentRead: true }));
    const item = r.Item;
    if (!item) return this.begin(scope, key, requestHash);
    if (item["requestHash"] !== requestHash) return { kind: "mismatch" };
    if (item["status"] === "COMPLETED") return { kind: "replay", response: JSON.parse(item["response"] as string) as StoredResponse };
    return { kind: "in-flight" };
  }

  async complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.key(scope, key),
        UpdateExpression: "SET #s = :done, #r = :resp",
        ExpressionAttributeNames: { "#s": "status", "#r": "response" },
        ExpressionAttributeValues: { ":done": "COMPLETED", ":resp": JSON.stringify(response) },
      }),
    );
  }

  async extend(scope: string, key: string): Promise<void> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(scope, key),
          UpdateExpression: "SET inFlightUntil = :until",
          ConditionExpression: "#s = :inprogress",
          ExpressionAttributeNames: { "#s": "status" },
          ExpressionAttributeValues: { ":until": now + IN_FLIGHT_SECONDS, ":inprogress": "IN_PROGRESS" },
        }),
      );
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
    }
  }

  async abort(scope: string, key: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: this.key(scope, key) }));
  }
}
