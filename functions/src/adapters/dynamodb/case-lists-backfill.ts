import { DeleteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { mapLimit } from "../../lib/concurrency.js";
import type { DynamoDbEventStore } from "./dynamodb-event-store.js";
import { runOnceMigration } from "./run-once-migration.js";

/**
 * One-time migration of a table written before each case listed its eventIds (docs/adr/0018,
 * amendment): each case copy item of the old layout (`CASE#<caseId>` / `EVT#<eventId>`, the same
 * event as its guard's) puts its eventId in its case's list, then is deleted; then a marker item,
 * so later starts do not scan again (a crash before the marker only means a rescan: adding to a
 * set is idempotent). Returns the number of copies listed. Run by the local runtime at start,
 * before the first drain (its own module, like the other backfills: no Lambda bundle carries the Scan).
 */
export async function backfillCaseLists(db: DynamoDBDocumentClient, tableName: string, store: Pick<DynamoDbEventStore, "linkEvents">): Promise<number> {
  return runOnceMigration(
    db,
    tableName,
    "case-event-lists",
    "linked",
    { FilterExpression: "begins_with(pk, :case) AND begins_with(sk, :evt)", ExpressionAttributeValues: { ":case": "CASE#", ":evt": "EVT#" }, ProjectionExpression: "pk, sk" },
    async (copies) => {
      await store.linkEvents(copies.map((i) => ({ caseId: (i["pk"] as string).slice(5), eventId: (i["sk"] as string).slice(4) })));
      // The guard holds the same event (a copy was written only for a kept event): the copy goes.
      await mapLimit(copies, 8, (c) => db.send(new DeleteCommand({ TableName: tableName, Key: { pk: c["pk"], sk: c["sk"] } })));
      return copies.length;
    },
  );
}
