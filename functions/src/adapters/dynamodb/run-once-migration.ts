import { type DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";

/** Which items a migration scans for (a ScanCommand's filter, values and optional projection). */
export interface MigrationScan {
  readonly FilterExpression: string;
  readonly ExpressionAttributeValues: Record<string, unknown>;
  readonly ProjectionExpression?: string;
}

/**
 * A one-time migration of a table (the backfills in this folder): unless its marker item
 * (`MIGRATION#<name>` / `DONE`) exists, scan the table page by page (consistent reads) for `scan`,
 * hand each page's items to `migrate` (which returns how many it handled), then write the marker
 * with that count under `counted`, so later starts do not scan again. A crash before the marker
 * only means a rescan, so `migrate` must be idempotent. Returns the count (0 once done). Imported
 * by the backfill modules only: no Lambda bundle carries the Scan.
 */
export async function runOnceMigration(
  db: DynamoDBDocumentClient,
  tableName: string,
  name: string,
  counted: string,
  scan: MigrationScan,
  migrate: (items: readonly Record<string, unknown>[]) => Promise<number>,
): Promise<number> {
  const marker = { pk: `MIGRATION#${name}`, sk: "DONE" };
  if ((await db.send(new GetCommand({ TableName: tableName, Key: marker, ConsistentRead: true }))).Item) return 0;
  let total = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: tableName, ...scan, ExclusiveStartKey: startKey, ConsistentRead: true }));
    total += await migrate(page.Items ?? []);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  await db.send(new PutCommand({ TableName: tableName, Item: { ...marker, kind: "MIGRATION", [counted]: total } }));
  return total;
}
