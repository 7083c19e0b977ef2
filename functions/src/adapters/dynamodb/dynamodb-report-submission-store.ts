import type { ConditionalWrite } from "../../ports/admin.js";
import type { ReportSubmissionStore, StoredNarrative, StoredReportDeadline } from "../../ports/report-submissions.js";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { auditText, getItem, parseAudit, putAtVersion, queryAll } from "./admin-items.js";

const pk = (periodId: string) => `ADMIN#REPORT#${periodId}`;
const DEADLINE = "DEADLINE";
const NARRATIVE = "NARRATIVE#";

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
    const item = await getItem(this.db, this.tableName, pk(periodId), DEADLINE);
    return item ? toDeadline(item) : undefined;
  }

  async putDeadline(d: StoredReportDeadline, expectedVersion: number): Promise<ConditionalWrite> {
    const item = { pk: pk(d.periodId), sk: DEADLINE, kind: "REPORT_DEADLINE", periodId: d.periodId, deadline: d.deadline, note: d.note, updatedAt: d.updatedAt, version: d.version, lastAudit: auditText(d.lastAudit) };
    return putAtVersion(this.db, this.tableName, item, expectedVersion);
  }

  async getNarrative(periodId: string, unitId: string): Promise<StoredNarrative | undefined> {
    const item = await getItem(this.db, this.tableName, pk(periodId), `${NARRATIVE}${unitId}`);
    return item ? toNarrative(item) : undefined;
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
    const item = {
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
    return putAtVersion(this.db, this.tableName, item, expectedVersion);
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
