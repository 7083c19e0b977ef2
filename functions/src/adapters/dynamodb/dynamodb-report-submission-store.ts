import type { ConditionalWrite } from "../../ports/admin.js";
import type { ReportSubmissionStore, StoredNarrative, StoredReportDeadline } from "../../ports/report-submissions.js";
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { auditText, conditional, parseAudit, queryAll } from "./admin-items.js";

const pk = (periodId: string) => `ADMIN#REPORT#${periodId}`;
const DEADLINE = "DEADLINE";
const NARRATIVE = "NARRATIVE#";

/** Written only when the stored version is `expectedVersion` (0: the item must not exist). */
const versionCondition = (expectedVersion: number) =>
  expectedVersion === 0
    ? { ConditionExpression: "attribute_not_exists(pk)" }
    : { ConditionExpression: "#version = :expected", ExpressionAttributeNames: { "#version": "version" }, ExpressionAttributeValues: { ":expected": expectedVersion } };

/**
 * A period's report submission (issue 24, item 3): `ADMIN#REPORT#<period>` / `DEADLINE` and
 * `NARRATIVE#<unitId>`, each written at its expected version (docs/storage.md "admin items"). One
 * partition per period: the tracker reads the deadline and every narrative in one consistent query.
 */
export class DynamoDbReportSubmissionStore implements ReportSubmissionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getDeadline(periodId: string): Promise<StoredReportDeadline | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: pk(periodId), sk: DEADLINE }, ConsistentRead: true }));
    return r.Item ? toDeadline(r.Item) : undefined;
  }

  async putDeadline(d: StoredReportDeadline, expectedVersion: number): Promise<ConditionalWrite> {
    const Item = { pk: pk(d.periodId), sk: DEADLINE, kind: "REPORT_DEADLINE", periodId: d.periodId, deadline: d.deadline, note: d.note, updatedAt: d.updatedAt, version: d.version, lastAudit: auditText(d.lastAudit) };
    return conditional(() => this.db.send(new PutCommand({ TableName: this.tableName, Item, ...versionCondition(expectedVersion) })));
  }

  async getNarrative(periodId: string, unitId: string): Promise<StoredNarrative | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: pk(periodId), sk: `${NARRATIVE}${unitId}` }, ConsistentRead: true }));
    return r.Item ? toNarrative(r.Item) : undefined;
  }

  async listNarratives(periodId: string): Promise<StoredNarrative[]> {
    const items = await queryAll(this.db, this.tableName, {
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :sk)",
      ExpressionAttributeValues: { ":pk": pk(periodId), ":sk": NARRATIVE },
      ConsistentRead: true,
    });
    return items.map(toNarrative);
  }

  async putNarrative(n: StoredNarrative, expectedVersion: number): Promise<ConditionalWrite> {
    const Item = {
      pk: pk(n.periodId),
      sk: `${NARRATIVE}${n.unitId}`,
      kind: "REPORT_NARRATIVE",
      periodId: n.periodId,
      unitId: n.unitId,
      text: n.text,
      submittedAt: n.submittedAt,
      submittedBy: n.submittedBy,
      updatedAt: n.updatedAt,
      version: n.version,
      lastAudit: auditText(n.lastAudit),
    };
    return conditional(() => this.db.send(new PutCommand({ TableName: this.tableName, Item, ...versionCondition(expectedVersion) })));
  }
}

function toDeadline(i: Record<string, unknown>): StoredReportDeadline {
  return {
    periodId: i["periodId"] as string,
    deadline: i["deadline"] as string,
    note: (i["note"] as string | null | undefined) ?? null,
    updatedAt: i["updatedAt"] as string,
    version: i["version"] as number,
    lastAudit: parseAudit(i["lastAudit"]),
  };
}

function toNarrative(i: Record<string, unknown>): StoredNarrative {
  return {
    periodId: i["periodId"] as string,
    unitId: i["unitId"] as string,
    text: i["text"] as string,
    submittedAt: i["submittedAt"] as string,
    submittedBy: i["submittedBy"] as string,
    updatedAt: i["updatedAt"] as string,
    version: i["version"] as number,
    lastAudit: parseAudit(i["lastAudit"]),
  };
}
