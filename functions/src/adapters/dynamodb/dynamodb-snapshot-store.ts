import type { SnapshotStore } from "../../ports/snapshots.js";
import type { Lake } from "../../ports/lake.js";
import { snapshotBodyKey } from "@scorecard/shared/lake/layout";
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { RankingSnapshot } from "@scorecard/shared";
import { gunzipSync, gzipSync } from "node:zlib";

/**
 * Gzipped bodies up to this size are kept in the item (DynamoDB's limit is 400 KB for the whole
 * item, its keys and attribute names included); larger ones go to the lake with a pointer.
 */
export const MAX_INLINE_BODY_BYTES = 300 * 1024;

export interface SnapshotStoreOptions {
  /** Where bodies over `maxInlineBytes` go (`snapshots/`): the cloud's lake bucket, the local folder lake. Without it such a body is refused. */
  readonly lake?: Lake;
  /** @default MAX_INLINE_BODY_BYTES */
  readonly maxInlineBytes?: number;
}

/**
 * Ranking snapshots: `SNAP#<methodology>#<period>` / `<tier>#DRAFT` (docs/storage.md). The body
 * is gzipped JSON in the item (`bodyGz`), or, when larger than a safe item (~300 KB gzipped: a
 * tier ten times today's), in the lake at `snapshots/<methodology>/<period>/<tier>.json.gz` with
 * the key in the item (`bodyKey`). The object is written before the item names it, and a tier has
 * one object, overwritten whole (S3 and the folder lake replace an object atomically), so a reader
 * following the pointer always finds a complete body.
 */
export class DynamoDbSnapshotStore implements SnapshotStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: SnapshotStoreOptions = {},
  ) {}

  async putDraft(s: RankingSnapshot): Promise<void> {
    // Gzipped: a tier with every indicator of the methodology for a few hundred communes is
    // ~1 MB of JSON, over DynamoDB's 400 KB item limit; gzipped it is a few tens of KB.
    const gz = gzipSync(JSON.stringify(s));
    const max = this.options.maxInlineBytes ?? MAX_INLINE_BODY_BYTES;
    let body: { bodyGz: Uint8Array } | { bodyKey: string; bodyBytes: number };
    if (gz.length <= max) body = { bodyGz: gz };
    else {
      const lake = this.options.lake;
      if (!lake) throw new Error(`the ${s.tier} snapshot of ${s.period} is ${gz.length} bytes gzipped, over the ${max} an item holds, and this store has no lake for it`);
      const key = snapshotBodyKey(s.methodology, s.period, s.tier);
      await lake.put(key, gz, "application/gzip");
      body = { bodyKey: key, bodyBytes: gz.length };
    }
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: `SNAP#${s.methodology}#${s.period}`,
          sk: `${s.tier}#DRAFT`,
          kind: "SNAPSHOT",
          methodology: s.methodology,
          period: s.period,
          tier: s.tier,
          computedAt: s.computedAt,
          ...body,
        },
      }),
    );
    // The index of periods that have a snapshot: one small item per period, read with a Query.
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { pk: `SNAPIDX#${s.methodology}`, sk: s.period } }));
  }

  async get(methodology: string, period: string, tier: string): Promise<RankingSnapshot | undefined> {
    const r = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: `SNAP#${methodology}#${period}`, sk: `${tier}#DRAFT` } }),
    );
    if (!r.Item) return undefined;
    const key = r.Item["bodyKey"] as string | undefined;
    if (key !== undefined) {
      if (!this.options.lake) throw new Error(`the snapshot ${methodology} ${period} ${tier} is in the lake (${key}) and this store has no lake`);
      const gz = await this.options.lake.get(key);
      if (gz === undefined) throw new Error(`the snapshot ${methodology} ${period} ${tier} names ${key}, which the lake does not hold`);
      return JSON.parse(gunzipSync(gz).toString("utf8")) as RankingSnapshot;
    }
    const gz = r.Item["bodyGz"] as Uint8Array | undefined;
    return JSON.parse(gz ? gunzipSync(gz).toString("utf8") : (r.Item["body"] as string)) as RankingSnapshot;
  }

  async periods(methodology: string): Promise<string[]> {
    const out: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": `SNAPIDX#${methodology}` },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) out.push(item["sk"] as string);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return out;
  }

}
