import type { AuditEntry, AuditLog, AuditPage } from "../../ports/admin.js";
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { conditional } from "./admin-items.js";

/**
 * The audit log: `ADMIN#AUDIT` / `<at>#<auditId>` (docs/storage.md), `PutItem` with
 * `attribute_not_exists` only — this class has no update and no delete (nor has the admin
 * function's grant on that partition).
 */
export class DynamoDbAuditLog implements AuditLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async append(e: AuditEntry): Promise<void> {
    await conditional(() =>
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: "ADMIN#AUDIT",
            sk: `${e.at}#${e.auditId}`,
            kind: "AUDIT",
            auditId: e.auditId,
            at: e.at,
            actorSub: e.actor.sub,
            actorRole: e.actor.role,
            action: e.action,
            entityType: e.entityType,
            entityId: e.entityId,
            before: JSON.stringify(e.before ?? null),
            after: JSON.stringify(e.after ?? null),
          },
          // Never overwrite: a second append of the same entry is a no-op (the outbox replays it).
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      ),
    );
  }

  async page(q: { from?: string | undefined; to?: string | undefined; limit: number; cursor?: string | undefined }): Promise<AuditPage> {
    const r = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
        ExpressionAttributeValues: { ":pk": "ADMIN#AUDIT", ":from": q.from ?? "0", ":to": `${q.to ?? "9999"}\uffff` },
        ScanIndexForward: false,
        Limit: q.limit,
        ConsistentRead: true,
        ...(q.cursor ? { ExclusiveStartKey: { pk: "ADMIN#AUDIT", sk: q.cursor } } : {}),
      }),
    );
    const entries = (r.Items ?? []).map(
      (i): AuditEntry => ({
        auditId: i["auditId"] as string,
        at: i["at"] as string,
        actor: { sub: i["actorSub"] as string, role: i["actorRole"] as string },
        action: i["action"] as string,
        entityType: i["entityType"] as string,
        entityId: i["entityId"] as string,
        before: JSON.parse(i["before"] as string) as unknown,
        after: JSON.parse(i["after"] as string) as unknown,
      }),
    );
    const last = r.LastEvaluatedKey?.["sk"];
    return { entries, ...(typeof last === "string" ? { next: last } : {}) };
  }
}
