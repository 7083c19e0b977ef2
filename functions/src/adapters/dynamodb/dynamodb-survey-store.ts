import type { ConditionalWrite, StoredSurveyResult, SurveyStore } from "../../ports/admin.js";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { auditText, parseAudit, putAtVersion, readPartition } from "./admin-items.js";

/** Satisfaction survey results: `ADMIN#SURVEY#<period>` / `<unitId>`, each written at its expected version (docs/storage.md). */
export class DynamoDbSurveyStore implements SurveyStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(periodId: string): Promise<StoredSurveyResult[]> {
    const items = await readPartition(this.db, this.tableName, `ADMIN#SURVEY#${periodId}`);
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
    const item = { pk: `ADMIN#SURVEY#${s.periodId}`, sk: s.unitId, kind: "SURVEY", ...s, lastAudit: auditText(s.lastAudit) };
    return putAtVersion(this.db, this.tableName, item, expectedVersion);
  }
}
