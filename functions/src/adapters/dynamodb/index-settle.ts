import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { queryAll } from "./admin-items.js";

/**
 * Period listings settled against the audit log (docs/adr/0013): gsi1 may lag behind the table, so
 * the finding, criterion and head stores read the entities written within the settle window again
 * from the table (RecentWrites says which) and merge them into what the index listed (settle).
 */

/**
 * How long gsi1 may lag behind the table, at most, for a listing to trust it (docs/adr/0013):
 * DynamoDB propagates to a global secondary index asynchronously ("within a fraction of a second,
 * under normal conditions"), with no bound stated. Five minutes is three orders of magnitude above that.
 */
export const INDEX_SETTLE_MS = 5 * 60_000;

export interface SettleOptions {
  /** The instant of a listing (epoch ms); the system clock by default. */
  readonly now?: () => number;
  /** Writes audited less than this long before a listing are read from the table (default INDEX_SETTLE_MS; 0: none, the index is trusted). */
  readonly settleMs?: number;
}

export interface RecentWrite {
  readonly entityType: string;
  readonly entityId: string;
  /** The entity as the entry recorded it (a finding's view names its unit, period and criterion). */
  readonly after: unknown;
}

function parseJson(text: unknown): unknown {
  try {
    return typeof text === "string" ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** `listed` with the items `fresh` replaces (by key) and those it removes (undefined: no longer in the listing), in key order. */
export function settle<T>(listed: readonly T[], key: (x: T) => string, fresh: ReadonlyMap<string, T | undefined>): T[] {
  const byKey = new Map(listed.map((x) => [key(x), x] as const));
  for (const [k, x] of fresh) {
    if (x === undefined) byKey.delete(k);
    else byKey.set(k, x);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, x]) => x);
}

/**
 * The entities written lately, from the audit partition (a base-table query, read consistently).
 * Every admin write is audited with an entry stamped before the write (the outbox of
 * use-cases/admin/common.ts), so the entities written within the settle window of a listing are
 * all among these: the period listings read them again from the table instead of trusting gsi1.
 * A write whose entry is not appended yet is a request still in progress (or one that failed), which a
 * listing may order either way.
 */
export class RecentWrites {
  private readonly now: () => number;
  private readonly settleMs: number;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: SettleOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.settleMs = options.settleMs ?? INDEX_SETTLE_MS;
  }

  /** The entries of these entity types audited since the settle window opened, oldest first. */
  async entries(entityTypes: readonly string[]): Promise<RecentWrite[]> {
    if (this.settleMs <= 0) return [];
    const from = new Date(this.now() - this.settleMs).toISOString();
    const items = await queryAll(this.db, this.tableName, {
      KeyConditionExpression: "pk = :pk AND sk >= :from",
      ExpressionAttributeValues: { ":pk": "ADMIN#AUDIT", ":from": from },
      ProjectionExpression: "entityType, entityId, #after",
      ExpressionAttributeNames: { "#after": "after" },
      ConsistentRead: true,
    });
    return items
      .filter((i) => entityTypes.includes(i["entityType"] as string))
      .map((i) => ({ entityType: i["entityType"] as string, entityId: i["entityId"] as string, after: parseJson(i["after"]) }));
  }

  /** The ids of the entities of these types audited since the settle window opened (each once). */
  async ids(entityTypes: readonly string[]): Promise<string[]> {
    return [...new Set((await this.entries(entityTypes)).map((e) => e.entityId))];
  }
}
