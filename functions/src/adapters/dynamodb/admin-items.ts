import type { AuditEntry, ConditionalWrite } from "../../ports/admin.js";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";

/**
 * What the Home Affairs stores share (docs/storage.md, "admin items"): the paged query, the
 * consistent read of one item or of a whole partition, one conditional write as a ConditionalWrite,
 * the whole-item write at an expected version, SET expressions over named attributes, and the audit
 * entry an item carries as JSON text (its outbox, use-cases/admin/common.ts).
 */

export type QueryInput = Omit<ConstructorParameters<typeof QueryCommand>[0], "TableName">;

/** Every item a query matches, page after page. */
export async function queryAll(db: DynamoDBDocumentClient, tableName: string, input: QueryInput): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, TableName: tableName, ExclusiveStartKey: startKey }));
    out.push(...((page.Items ?? []) as Record<string, unknown>[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return out;
}

/** One item by its key, read consistently (a write just made is seen). */
export async function getItem(db: DynamoDBDocumentClient, tableName: string, pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
  const r = await db.send(new GetCommand({ TableName: tableName, Key: { pk, sk }, ConsistentRead: true }));
  return r.Item as Record<string, unknown> | undefined;
}

/** Every item of one partition, read consistently, page after page. */
export function readPartition(db: DynamoDBDocumentClient, tableName: string, pk: string): Promise<Record<string, unknown>[]> {
  return queryAll(db, tableName, { KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": pk }, ConsistentRead: true });
}

/**
 * Write an item whole, only when the stored one is at `expectedVersion` (0: no item with its key
 * yet): "condition-failed" when another write came first.
 */
export function putAtVersion(db: DynamoDBDocumentClient, tableName: string, item: Record<string, unknown>, expectedVersion: number): Promise<ConditionalWrite> {
  return conditional(() =>
    db.send(
      new PutCommand({
        TableName: tableName,
        Item: item,
        ...(expectedVersion === 0
          ? { ConditionExpression: "attribute_not_exists(pk)" }
          : { ConditionExpression: "#version = :expected", ExpressionAttributeNames: { "#version": "version" }, ExpressionAttributeValues: { ":expected": expectedVersion } }),
      }),
    ),
  );
}

/** Run one conditional write: "condition-failed" when its condition refused it, any other error thrown. */
export async function conditional(write: () => Promise<unknown>): Promise<ConditionalWrite> {
  try {
    await write();
    return "ok";
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException || (e as Error).name === "ConditionalCheckFailedException") return "condition-failed";
    throw e;
  }
}

/** `SET #a0 = :a0, …` for these attributes, with their names and values. */
export function setExpression(attrs: Record<string, unknown>) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts = Object.entries(attrs).map(([k, v], i) => {
    names[`#a${i}`] = k;
    values[`:a${i}`] = v;
    return `#a${i} = :a${i}`;
  });
  return { expression: `SET ${parts.join(", ")}`, names, values };
}

/** The audit entry of an item's last change, as stored (JSON text, or null). */
export const auditText = (entry: AuditEntry | null): string | null => (entry ? JSON.stringify(entry) : null);

export const parseAudit = (v: unknown): AuditEntry | null => (typeof v === "string" ? (JSON.parse(v) as AuditEntry) : null);
