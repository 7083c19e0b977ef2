import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { mapLimit } from "../../lib/concurrency.js";
import type { DynamoDbEventStore } from "./dynamodb-event-store.js";
import { runOnceMigration } from "./run-once-migration.js";

/**
 * One-time migration of the open-case index to one item per holding or consulted unit
 * (docs/storage.md): the live state items written before it (`CASE#<id>` / `STATE` carrying
 * `gsi1pk = OPEN#<receiving unit>`) are re-derived from their case's events, which rewrites the
 * state without gsi1 keys and writes the new index items. Then a marker item, so that later starts
 * do not scan again (a crash before it only means a rescan; re-deriving is idempotent). Until it
 * has run, readers take such a state item as the receiving unit's row (rowOfIndexItem). Returns
 * the number of cases re-derived. Run by the local runtime at boot (data folders seeded before).
 */
export async function backfillOpenCaseIndex(db: DynamoDBDocumentClient, tableName: string, store: Pick<DynamoDbEventStore, "refreshCaseState">): Promise<number> {
  return runOnceMigration(
    db,
    tableName,
    "open-case-index",
    "updated",
    { FilterExpression: "sk = :state AND attribute_exists(gsi1pk)", ExpressionAttributeValues: { ":state": "STATE" }, ProjectionExpression: "caseId" },
    async (items) => {
      const caseIds = items.map((i) => i["caseId"]).filter((id): id is string => typeof id === "string");
      await mapLimit(caseIds, 8, (caseId) => store.refreshCaseState(caseId));
      return caseIds.length;
    },
  );
}
