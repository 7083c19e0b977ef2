import type { ConditionalWrite } from "../../ports/versioned.js";
import type { ReportPublicationStore, StoredReportPublication } from "../../ports/report-publications.js";
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { gunzipSync, gzipSync } from "node:zlib";
import { auditText, conditional, parseAudit, queryAll } from "./admin-items.js";

const pk = (period: string) => `ADMIN#REPORT_PUBLICATIONS#${period}`;
const sk = (version: number) => `V#${String(version).padStart(6, "0")}`;
/** A gzipped province report of the demo is some tens of kB; an item holds 400 KB. */
const MAX_BODY_BYTES = 300 * 1024;

/**
 * Frozen reports (docs/storage.md): `ADMIN#REPORT_PUBLICATIONS#<period>` / `V#<000001>`, the
 * document gzipped in `body`, created once (attribute_not_exists): two publishers of the same
 * version — one wins, the other is refused.
 */
export class DynamoDbReportPublicationStore implements ReportPublicationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(period: string): Promise<StoredReportPublication[]> {
    const items = await queryAll(this.db, this.tableName, { KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": pk(period) }, ConsistentRead: true });
    return items.map(toItem).sort((a, b) => a.version - b.version);
  }

  async get(period: string, version: number): Promise<StoredReportPublication | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: pk(period), sk: sk(version) }, ConsistentRead: true }));
    return r.Item ? toItem(r.Item) : undefined;
  }

  async create(p: StoredReportPublication): Promise<ConditionalWrite> {
    const body = gzipSync(Buffer.from(p.body, "utf8"));
    if (body.length > MAX_BODY_BYTES) throw new Error(`report ${p.period} v${p.version}: ${body.length} bytes gzipped, more than an item holds (${MAX_BODY_BYTES})`);
    return conditional(() =>
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: pk(p.period),
            sk: sk(p.version),
            kind: "REPORT_PUBLICATION",
            period: p.period,
            methodology: p.methodology,
            publishedAt: p.publishedAt,
            publishedBy: JSON.stringify(p.publishedBy),
            body,
            version: p.version,
            lastAudit: auditText(p.lastAudit),
          },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      ),
    );
  }
}

function toItem(i: Record<string, unknown>): StoredReportPublication {
  return {
    period: i["period"] as string,
    methodology: i["methodology"] as string,
    publishedAt: i["publishedAt"] as string,
    publishedBy: JSON.parse(i["publishedBy"] as string) as StoredReportPublication["publishedBy"],
    body: gunzipSync(i["body"] as Uint8Array).toString("utf8"),
    version: i["version"] as number,
    lastAudit: parseAudit(i["lastAudit"]),
  };
}
