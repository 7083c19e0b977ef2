import type { AuditEntry, ConditionalWrite } from "../../ports/admin.js";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";

/**
 * What the Home Affairs stores share (docs/storage.md, "admin items"): the paged query, one
 * conditional write as a ConditionalWrite, SET expressions over named attributes, and the audit
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
