import type { ConditionalWrite, ImproperReturnStore, StoredImproperReturn } from "../../ports/admin.js";
import type { ImproperReturnBasis } from "@scorecard/shared/contracts/admin-requests";
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { auditText, conditional, parseAudit, queryAll } from "./admin-items.js";

const PK = "ADMIN#IMPROPER_RETURNS";

/**
 * Marks of improper returns (issue 20, item 6): `ADMIN#IMPROPER_RETURNS` / `<caseId>`, one item per
 * dossier, each written at its expected version (docs/storage.md). One partition: the scoring run
 * and the admin list read it whole with a consistent query (a few thousand items at most — marks
 * are entered by hand or named by upheld complaints), so no index lags a write.
 */
export class DynamoDbImproperReturnStore implements ImproperReturnStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(caseId: string): Promise<StoredImproperReturn | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: PK, sk: caseId }, ConsistentRead: true }));
    return r.Item ? toMark(r.Item) : undefined;
  }

  async list(): Promise<StoredImproperReturn[]> {
    const items = await queryAll(this.db, this.tableName, { KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": PK }, ConsistentRead: true });
    return items.map(toMark);
  }

  async put(m: StoredImproperReturn, expectedVersion: number): Promise<ConditionalWrite> {
    return conditional(() =>
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: PK,
            sk: m.caseId,
            kind: "IMPROPER_RETURN",
            caseId: m.caseId,
            unitId: m.unitId,
            status: m.status,
            basis: JSON.stringify(m.basis),
            note: m.note,
            unmarkReason: m.unmarkReason,
            markedAt: m.markedAt,
            updatedAt: m.updatedAt,
            version: m.version,
            lastAudit: auditText(m.lastAudit),
          },
          ConditionExpression: expectedVersion === 0 ? "attribute_not_exists(pk)" : "#version = :expected",
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeNames: { "#version": "version" }, ExpressionAttributeValues: { ":expected": expectedVersion } }),
        }),
      ),
    );
  }
}

function toMark(i: Record<string, unknown>): StoredImproperReturn {
  return {
    caseId: i["caseId"] as string,
    unitId: i["unitId"] as string,
    status: i["status"] as StoredImproperReturn["status"],
    basis: JSON.parse(i["basis"] as string) as ImproperReturnBasis,
    note: (i["note"] as string | null | undefined) ?? null,
    unmarkReason: (i["unmarkReason"] as string | null | undefined) ?? null,
    markedAt: i["markedAt"] as string,
    updatedAt: i["updatedAt"] as string,
    version: i["version"] as number,
    lastAudit: parseAudit(i["lastAudit"]),
  };
}
