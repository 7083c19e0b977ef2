import type { ConditionalWrite, HeadRoster, HeadStore } from "../../ports/admin.js";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { auditText, getItem, parseAudit, putAtVersion, queryAll } from "./admin-items.js";
import { RecentWrites, settle } from "./index-settle.js";

/**
 * Heads of units: one roster per unit, `ADMIN#HEADS#<unitId>` / `ROSTER`, listed through gsi1
 * `HEADS` / `<unitId>` (docs/storage.md). All heads of a unit are one item, so that "tenures never
 * overlap" is one conditional write.
 */
export class DynamoDbHeadStore implements HeadStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly recent: RecentWrites = new RecentWrites(db, tableName),
  ) {}

  async get(unitId: string): Promise<HeadRoster | undefined> {
    const item = await getItem(this.db, this.tableName, `ADMIN#HEADS#${unitId}`, "ROSTER");
    return item ? toRoster(item) : undefined;
  }

  /** Every unit's roster: gsi1, with the rosters written within the settle window read from the table (ADR 0013). */
  async list(): Promise<HeadRoster[]> {
    const [items, recent] = await Promise.all([
      queryAll(this.db, this.tableName, { IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :p", ExpressionAttributeValues: { ":p": "HEADS" } }),
      this.recent.ids(["heads"]),
    ]);
    const listed = items.map(toRoster);
    if (recent.length === 0) return listed;
    const fresh = new Map<string, HeadRoster | undefined>();
    for (const [unitId, r] of await Promise.all(recent.map(async (u) => [u, await this.get(u)] as const))) fresh.set(unitId, r);
    return settle(listed, (r) => r.unitId, fresh);
  }

  async put(r: HeadRoster, expectedVersion: number): Promise<ConditionalWrite> {
    return putAtVersion(
      this.db,
      this.tableName,
      {
        pk: `ADMIN#HEADS#${r.unitId}`,
        sk: "ROSTER",
        kind: "HEADS",
        gsi1pk: "HEADS",
        gsi1sk: r.unitId,
        unitId: r.unitId,
        heads: JSON.stringify(r.heads),
        version: r.version,
        updatedAt: r.updatedAt,
        lastAudit: auditText(r.lastAudit),
      },
      expectedVersion,
    );
  }
}

function toRoster(i: Record<string, unknown>): HeadRoster {
  return {
    unitId: i["unitId"] as string,
    heads: JSON.parse(i["heads"] as string) as HeadRoster["heads"],
    version: i["version"] as number,
    updatedAt: i["updatedAt"] as string,
    lastAudit: parseAudit(i["lastAudit"]),
  };
}
