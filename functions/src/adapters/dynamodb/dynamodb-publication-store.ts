import type { AuditEntry, ConditionalWrite } from "../../ports/admin.js";
import type { PublicationHeader, PublicationStore } from "../../ports/snapshots.js";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { gunzipSync, gzipSync } from "node:zlib";

const pad = (n: number) => String(n).padStart(4, "0");

/**
 * Published ranking versions (docs/storage.md):
 * - header (commit point) `PUB#<methodology>#<period>` / `V<nnnn>`, written with `attribute_not_exists`;
 * - frozen tier body      `SNAP#<methodology>#<period>` / `<tier>#V<nnnn>#<publicationId>`, written with
 *   `attribute_not_exists` under the random id of the publishing attempt, so that it can never be
 *   overwritten — not by a recompute (which writes `<tier>#DRAFT`), not by a concurrent publisher.
 * A header only ever names the publicationId whose tier bodies were all stored before it.
 */
export class DynamoDbPublicationStore implements PublicationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(methodology: string, period: string): Promise<PublicationHeader[]> {
    const out: PublicationHeader[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :v)",
          ExpressionAttributeValues: { ":pk": `PUB#${methodology}#${period}`, ":v": "V" },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      out.push(...(page.Items ?? []).map(toHeader));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return out.sort((a, b) => a.version - b.version);
  }

  async latest(methodology: string, period: string): Promise<PublicationHeader | undefined> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :v)",
        ExpressionAttributeValues: { ":pk": `PUB#${methodology}#${period}`, ":v": "V" },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = page.Items?.[0];
    return item ? toHeader(item) : undefined;
  }

  async putFrozen(methodology: string, period: string, tier: string, publicationId: string, version: number, body: string): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: `SNAP#${methodology}#${period}`, sk: `${tier}#V${pad(version)}#${publicationId}`, kind: "SNAPSHOT_VERSION", methodology, period, tier, version, publicationId,
          // Gzipped (exact bytes back): a full-methodology tier body can exceed DynamoDB's 400 KB item limit.
          bodyGz: gzipSync(body) },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
  }

  async frozenBody(h: PublicationHeader, tier: string): Promise<string | undefined> {
    const r = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: `SNAP#${h.methodology}#${h.period}`, sk: `${tier}#V${pad(h.version)}#${h.publicationId}` }, ConsistentRead: true }),
    );
    if (!r.Item) return undefined;
    const gz = r.Item["bodyGz"] as Uint8Array | undefined;
    return gz ? gunzipSync(gz).toString("utf8") : (r.Item["body"] as string);
  }

  async commit(h: PublicationHeader): Promise<ConditionalWrite> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: `PUB#${h.methodology}#${h.period}`,
            sk: `V${pad(h.version)}`,
            kind: "PUBLICATION",
            ...h,
            publishedBy: JSON.stringify(h.publishedBy),
            tiers: JSON.stringify(h.tiers),
            draftsComputedAt: JSON.stringify(h.draftsComputedAt),
            lastAudit: h.lastAudit ? JSON.stringify(h.lastAudit) : null,
          },
          // Version n is written once: a second publisher of the same n loses here.
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return "ok";
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException || (e as Error).name === "ConditionalCheckFailedException") return "condition-failed";
      throw e;
    }
  }
}

function toHeader(i: Record<string, unknown>): PublicationHeader {
  return {
    methodology: i["methodology"] as string,
    period: i["period"] as string,
    version: i["version"] as number,
    publicationId: i["publicationId"] as string,
    publishedAt: i["publishedAt"] as string,
    publishedBy: JSON.parse(i["publishedBy"] as string) as PublicationHeader["publishedBy"],
    tiers: JSON.parse(i["tiers"] as string) as string[],
    draftsComputedAt: JSON.parse(i["draftsComputedAt"] as string) as Record<string, string>,
    lastAudit: typeof i["lastAudit"] === "string" ? (JSON.parse(i["lastAudit"]) as AuditEntry) : null,
  };
}
