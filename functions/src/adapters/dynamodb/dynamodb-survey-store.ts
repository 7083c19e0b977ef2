import type { ConditionalWrite, StoredSurveyResult, SurveyStore } from "../../ports/admin.js";
import { type DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { auditText, conditional, parseAudit, queryAll } from "./admin-items.js";

/** Satisfaction survey results: `ADMIN#SURVEY#<period>` / `<unitId>`, each written at its expected version (docs/storage.md). */
export class DynamoDbSurveyStore implements SurveyStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(periodId: string): Promise<StoredSurveyResult[]> {
    const items = await queryAll(this.db, this.tableName, { KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": `ADMIN#SURVEY#${periodId}` }, ConsistentRead: true });
    return items.map((i) => ({
      unitId: i["unitId"] as string,
      periodId: i["periodId"] as string,
      share: i["share"] as number,
      respondents: (i["respondents"] as number | null) ?? null,
      evidence: i["evidence"] as string,
      importId: i["importId"] as string,
      updatedAt: i["updatedAt"] as string,
      version: i["version"] as number,
      lastAudit: parseAudit(i["lastAudit"]),
    }));
  }

  async put(s: StoredSurveyResult, expectedVersion: number): Promise<ConditionalWrite> {
    return conditional(() =>
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: `ADMIN#SURVEY#${s.periodId}`, sk: s.unitId, kind: "SURVEY", ...s, lastAudit: auditText(s.lastAudit) },
          ConditionExpression: expectedVersion === 0 ? "attribute_not_exists(pk)" : "#version = :expected",
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeNames: { "#version": "version" }, ExpressionAttributeValues: { ":expected": expectedVersion } }),
        }),
      ),
    );
  }
}
