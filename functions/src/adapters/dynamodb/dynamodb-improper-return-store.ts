import type { ConditionalWrite, ImproperReturnStore, StoredImproperReturn } from "../../ports/admin.js";
import type { ImproperReturnBasis } from "@scorecard/shared/contracts/admin-requests";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { auditText, getItem, parseAudit, putAtVersion, readPartition } from "./admin-items.js";

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
    const item = await getItem(this.db, this.tableName, PK, caseId);
    return item ? toMark(item) : undefined;
  }

  async list(): Promise<StoredImproperReturn[]> {
    const items = await readPartition(this.db, this.tableName, PK);
    return items.map(toMark);
  }

  async put(m: StoredImproperReturn, expectedVersion: number): Promise<ConditionalWrite> {
    return putAtVersion(
      this.db,
      this.tableName,
      {
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
      expectedVersion,
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
