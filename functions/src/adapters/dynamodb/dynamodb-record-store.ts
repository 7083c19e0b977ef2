import type { RecordStore } from "../../ports/ingest.js";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { mapLimit } from "../../lib/concurrency.js";

/** `REC#<kind>#<id>` / `V#<hash>`: a version is recorded once, so a retry reports a duplicate. */
export class DynamoDbRecordStore implements RecordStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  putVersions(kind: string, versions: readonly { id: string; hash: string }[]): Promise<("accepted" | "duplicate")[]> {
    return mapLimit(versions, 16, async ({ id, hash }) => {
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { pk: `REC#${kind}#${id}`, sk: `V#${hash}` },
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        );
        return "accepted" as const;
      } catch (e) {
        if (e instanceof ConditionalCheckFailedException) return "duplicate" as const;
        throw e;
      }
    });
  }
}
