import type { SnapshotStore } from "../../ports/snapshots.js";
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { RankingSnapshot } from "@scorecard/shared";
import { gunzipSync, gzipSync } from "node:zlib";

/** Ranking snapshots: `SNAP#<methodology>#<period>` / `<tier>#DRAFT` (docs/storage.md). */
export class DynamoDbSnapshotStore implements SnapshotStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putDraft(s: RankingSnapshot): Promise<void> {
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
          // Gzipped: a tier with every indicator of the methodology for a few hundred communes is
          // ~1 MB of JSON, over DynamoDB's 400 KB item limit; gzipped it is a few tens of KB.
          bodyGz: gzipSync(JSON.stringify(s)),
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
