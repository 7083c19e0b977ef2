import type { ConditionalWrite, FindingStore, StoredFinding } from "../../ports/admin.js";
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { auditText, conditional, parseAudit, queryAll, setExpression } from "./admin-items.js";
import { RecentWrites, settle } from "./index-settle.js";

/**
 * Inspection findings: `ADMIN#FINDING#<findingId>` / `FINDING`, listed by period through gsi1
 * `FINDINGS#<period>` / `<unitId>#<findingId>` (docs/storage.md). A DRAFT changes only at its
 * expected version; a concluded finding never does; a revoked lock token cannot conclude it.
 */
export class DynamoDbFindingStore implements FindingStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly recent: RecentWrites = new RecentWrites(db, tableName),
  ) {}

  private findingKey = (id: string) => ({ pk: `ADMIN#FINDING#${id}`, sk: "FINDING" });

  async get(findingId: string): Promise<StoredFinding | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.tableName, Key: this.findingKey(findingId), ConsistentRead: true }));
    return r.Item ? toFinding(r.Item) : undefined;
  }

  async create(f: StoredFinding): Promise<ConditionalWrite> {
    return conditional(() =>
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...this.findingKey(f.findingId), kind: "FINDING", ...findingAttributes(f) },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      ),
    );
  }

  async replace(f: StoredFinding, expectedVersion: number): Promise<ConditionalWrite> {
    const set = setExpression(findingAttributes(f));
    // The lock: only a DRAFT at the expected version may change; a concluded finding never does.
    let condition = "attribute_exists(pk) AND #version = :expected AND #status = :draft";
    const values: Record<string, unknown> = { ...set.values, ":expected": expectedVersion, ":draft": "DRAFT" };
    if (f.lockToken !== null) {
      condition += " AND (attribute_not_exists(revokedTokens) OR NOT contains(revokedTokens, :token))";
      values[":token"] = f.lockToken;
    }
    return conditional(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.findingKey(f.findingId),
          UpdateExpression: set.expression,
          ConditionExpression: condition,
          ExpressionAttributeNames: { ...set.names, "#version": "version", "#status": "status" },
          ExpressionAttributeValues: values,
        }),
      ),
    );
  }

  /** The period's findings: gsi1, with the findings written within the settle window read from the table (ADR 0013). */
  async listByPeriod(periodId: string, unitId?: string): Promise<StoredFinding[]> {
    const [items, recent] = await Promise.all([
      queryAll(this.db, this.tableName, {
        IndexName: "gsi1",
        KeyConditionExpression: unitId ? "gsi1pk = :p AND begins_with(gsi1sk, :u)" : "gsi1pk = :p",
        ExpressionAttributeValues: { ":p": `FINDINGS#${periodId}`, ...(unitId ? { ":u": `${unitId}#` } : {}) },
      }),
      this.recent.ids(["finding"]),
    ]);
    const key = (f: StoredFinding) => `${f.unitId}#${f.findingId}`;
    const listed = items.map(toFinding);
    if (recent.length === 0) return listed;
    const ours = (f: StoredFinding | undefined): f is StoredFinding => f !== undefined && f.periodId === periodId && (unitId === undefined || f.unitId === unitId);
    const fresh = new Map<string, StoredFinding | undefined>();
    const ids = new Set(recent);
    for (const f of listed) if (ids.has(f.findingId)) fresh.set(key(f), undefined); // moved to another period or unit, unless read back below
    for (const f of await Promise.all(recent.map((id) => this.get(id)))) if (ours(f)) fresh.set(key(f), f);
    return settle(listed, key, fresh);
  }

  async revoke(findingId: string, lockToken: string): Promise<ConditionalWrite> {
    return conditional(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.findingKey(findingId),
          UpdateExpression: "ADD revokedTokens :t",
          ConditionExpression: "attribute_exists(pk) AND #status = :draft",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":t": new Set([lockToken]), ":draft": "DRAFT" },
        }),
      ),
    );
  }
}

function findingAttributes(f: StoredFinding): Record<string, unknown> {
  return {
    kind: "FINDING",
    gsi1pk: `FINDINGS#${f.periodId}`,
    gsi1sk: `${f.unitId}#${f.findingId}`,
    findingId: f.findingId,
    unitId: f.unitId,
    headId: f.headId,
    periodId: f.periodId,
    criterion: f.criterion,
    deduction: f.deduction,
    evidence: f.evidence,
    noticeNumber: f.noticeNumber,
    noticeDate: f.noticeDate,
    status: f.status,
    lockToken: f.lockToken,
    version: f.version,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    lastAudit: auditText(f.lastAudit),
  };
}

function toFinding(i: Record<string, unknown>): StoredFinding {
  return {
    findingId: i["findingId"] as string,
    unitId: i["unitId"] as string,
    headId: (i["headId"] as string | null) ?? null,
    periodId: i["periodId"] as string,
    criterion: i["criterion"] as string,
    deduction: i["deduction"] as number,
    evidence: i["evidence"] as string,
    noticeNumber: (i["noticeNumber"] as string | null) ?? null,
    noticeDate: (i["noticeDate"] as string | null) ?? null,
    status: i["status"] as "DRAFT" | "CONCLUDED",
    lockToken: (i["lockToken"] as string | null) ?? null,
    version: i["version"] as number,
    createdAt: i["createdAt"] as string,
    updatedAt: i["updatedAt"] as string,
    lastAudit: parseAudit(i["lastAudit"]),
  };
}
