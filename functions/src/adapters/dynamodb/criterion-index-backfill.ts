import { type DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { setExpression } from "./admin-items.js";
import { criterionIdentity } from "./dynamodb-criterion-store.js";
import { runOnceMigration } from "./run-once-migration.js";

/**
 * One-time backfill of the gsi1 keys of criterion items written before listByPeriod existed: scans
 * for CRITERION items without `gsi1pk`, sets their keys, then writes a marker item so that later
 * calls do not scan again (a crash before the marker only means a rescan; setting the keys twice is
 * harmless). Returns the number of items updated. A migration of the local data folder, run by the
 * local runtime at boot: on AWS nothing was deployed before criteria were indexed, so no table
 * holds such items.
 */
export async function backfillCriterionIndex(db: DynamoDBDocumentClient, tableName: string): Promise<number> {
  return runOnceMigration(
    db,
    tableName,
    "criterion-gsi1",
    "updated",
    { FilterExpression: "kind = :k AND attribute_not_exists(gsi1pk)", ExpressionAttributeValues: { ":k": "CRITERION" } },
    async (items) => {
      for (const i of items) {
        const set = setExpression(criterionIdentity(i["unitId"] as string, i["periodId"] as string, i["criterion"] as string));
        await db.send(new UpdateCommand({ TableName: tableName, Key: { pk: i["pk"], sk: i["sk"] }, UpdateExpression: set.expression, ExpressionAttributeNames: set.names, ExpressionAttributeValues: set.values }));
      }
      return items.length;
    },
  );
}
