import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type {
  AdminStores,
  AuditEntry,
  AuditLog,
  AuditPage,
  ConditionalWrite,
  CriterionStore,
  FindingStore,
  HeadRoster,
  HeadStore,
  StoredCriterion,
  StoredFinding,
  StoredSurveyResult,
  SurveyStore,
} from "../../ports/index.js";

/**
 * Home Affairs items in the single table (docs/storage.md, "admin items"). Every invariant is one
 * conditional write on one item: dynalite has no TransactWriteItems, and none is needed.
 *
 * - finding        `ADMIN#FINDING#<findingId>` / `FINDING`   (gsi1 `FINDINGS#<period>` / `<unitId>#<findingId>`)
 * - criterion      `ADMIN#CRIT#<unitId>#<period>` / `<criterion>` (gsi1 `CRITERIA#<period>` / `<unitId>#<criterion>`; manual points + lock tokens)
 * - survey result  `ADMIN#SURVEY#<period>` / `<unitId>`
 * - head roster    `ADMIN#HEADS#<unitId>` / `ROSTER`          (gsi1 `HEADS` / `<unitId>`)
 * - audit entry    `ADMIN#AUDIT` / `<at>#<auditId>`            (append-only)
 */
export function dynamoDbAdminStores(db: DynamoDBDocumentClient, tableName: string): AdminStores {
  return {
    findings: new DynamoDbFindingStore(db, tableName),
    criteria: new DynamoDbCriterionStore(db, tableName),
    surveys: new DynamoDbSurveyStore(db, tableName),
    heads: new DynamoDbHeadStore(db, tableName),
    audit: new DynamoDbAuditLog(db, tableName),
  };
}

abstract class TableAdapter {
  constructor(
    protected readonly db: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  protected async queryAll(input: Omit<ConstructorParameters<typeof QueryCommand>[0], "TableName">): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey: startKey }));
      out.push(...((page.Items ?? []) as Record<string, unknown>[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return out;
  }
}

export class DynamoDbFindingStore extends TableAdapter implements FindingStore {

  private findingKey = (id: string) => ({ pk: `ADMIN#FINDING#${id}`, sk: "FINDING" });

  async get(findingId: string): Promise<StoredFinding | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.tableName, Key: this.findingKey(findingId), ConsistentRead: true }));
    return r.Item ? toFinding(r.Item) : undefined;
  }

  async create(f: StoredFinding): Promise<ConditionalWrite> {
    return conditional(() =>
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...this.findingKey(f.findingId), kind: "FINDING", ...findingAttributes(f) },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      ),
    );
  }

  async replace(f: StoredFinding, expectedVersion: number): Promise<ConditionalWrite> {
    const set = setExpression(findingAttributes(f));
    // The lock: only a DRAFT at the expected version may change; a concluded finding never does.
    let condition = "attribute_exists(pk) AND #version = :expected AND #status = :draft";
    const values: Record<string, unknown> = { ...set.values, ":expected": expectedVersion, ":draft": "DRAFT" };
    if (f.lockToken !== null) {
      condition += " AND (attribute_not_exists(revokedTokens) OR NOT contains(revokedTokens, :token))";
      values[":token"] = f.lockToken;
    }
    return conditional(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.findingKey(f.findingId),
          UpdateExpression: set.expression,
          ConditionExpression: condition,
          ExpressionAttributeNames: { ...set.names, "#version": "version", "#status": "status" },
          ExpressionAttributeValues: values,
        }),
      ),
    );
  }

  async listByPeriod(periodId: string, unitId?: string): Promise<StoredFinding[]> {
    const items = await this.queryAll({
      IndexName: "gsi1",
      KeyConditionExpression: unitId ? "gsi1pk = :p AND begins_with(gsi1sk, :u)" : "gsi1pk = :p",
      ExpressionAttributeValues: { ":p": `FINDINGS#${periodId}`, ...(unitId ? { ":u": `${unitId}#` } : {}) },
    });
    return items.map(toFinding);
  }

  async revoke(findingId: string, lockToken: string): Promise<ConditionalWrite> {
    return conditional(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.findingKey(findingId),
          UpdateExpression: "ADD revokedTokens :t",
          ConditionExpression: "attribute_exists(pk) AND #status = :draft",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":t": new Set([lockToken]), ":draft": "DRAFT" },
        }),
      ),
    );
  }

}

export class DynamoDbCriterionStore extends TableAdapter implements CriterionStore {

  private critKey = (unitId: string, periodId: string, criterion: string) => ({ pk: `ADMIN#CRIT#${unitId}#${periodId}`, sk: criterion });

  async appraise(c: StoredCriterion, expectedVersion: number): Promise<ConditionalWrite> {
    const set = setExpression({
      ...criterionIdentity(c.unitId, c.periodId, c.criterion),
      points: c.points,
      evidence: c.evidence,
      version: c.version,
      updatedAt: c.updatedAt,
      lastAudit: c.lastAudit ? JSON.stringify(c.lastAudit) : null,
    });
    // The criterion lock is the storage condition: no lock token may be present on the item.
    const versionCheck = expectedVersion === 0 ? "attribute_not_exists(#version)" : "#version = :expected";
    return conditional(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.critKey(c.unitId, c.periodId, c.criterion),
          UpdateExpression: set.expression,
          ConditionExpression: `attribute_not_exists(lockedBy) AND ${versionCheck}`,
          ExpressionAttributeNames: { ...set.names, "#version": "version" },
          ExpressionAttributeValues: { ...set.values, ...(expectedVersion === 0 ? {} : { ":expected": expectedVersion }) },
        }),
      ),
    );
  }

  async lock(unitId: string, periodId: string, criterion: string, token: string): Promise<void> {
    await this.updateTokens("ADD", unitId, periodId, criterion, token);
  }

  async unlock(unitId: string, periodId: string, criterion: string, token: string): Promise<void> {
    await this.updateTokens("DELETE", unitId, periodId, criterion, token);
  }

  /** Add or delete one lock token; both may create the item, so both write its identity and index keys. */
  private async updateTokens(action: "ADD" | "DELETE", unitId: string, periodId: string, criterion: string, token: string): Promise<void> {
    const set = setExpression(criterionIdentity(unitId, periodId, criterion));
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.critKey(unitId, periodId, criterion),
        UpdateExpression: `${action} lockedBy :t ${set.expression}`,
        ExpressionAttributeNames: set.names,
        ExpressionAttributeValues: { ...set.values, ":t": new Set([token]) },
      }),
    );
  }

  async get(unitId: string, periodId: string, criterion: string): Promise<StoredCriterion | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.tableName, Key: this.critKey(unitId, periodId, criterion), ConsistentRead: true }));
    return r.Item ? toCriterion(r.Item) : undefined;
  }

  async list(unitId: string, periodId: string): Promise<StoredCriterion[]> {
    const items = await this.queryAll({ KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": `ADMIN#CRIT#${unitId}#${periodId}` }, ConsistentRead: true });
    return items.map(toCriterion);
  }

  async listByPeriod(periodId: string): Promise<StoredCriterion[]> {
    const items = await this.queryAll({ IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :p", ExpressionAttributeValues: { ":p": `CRITERIA#${periodId}` } });
    return items.map(toCriterion);
  }

}

/** The attributes every write of a criterion item sets: its kind, identity and gsi1 keys (listByPeriod). */
const criterionIdentity = (unitId: string, periodId: string, criterion: string) => ({
  kind: "CRITERION",
  gsi1pk: `CRITERIA#${periodId}`,
  gsi1sk: `${unitId}#${criterion}`,
  unitId,
  periodId,
  criterion,
});

const CRITERION_INDEX_MARKER = { pk: "MIGRATION#criterion-gsi1", sk: "DONE" };

/**
 * One-time backfill of the gsi1 keys of criterion items written before listByPeriod existed: scans
 * for CRITERION items without `gsi1pk`, sets their keys, then writes a marker item so that later
 * calls do not scan again (a crash before the marker only means a rescan; setting the keys twice is
 * harmless). Returns the number of items updated. Only the local runtime calls it: on AWS nothing
 * was deployed before criteria were indexed, so no table holds such items.
 */
export async function backfillCriterionIndex(db: DynamoDBDocumentClient, tableName: string): Promise<number> {
  if ((await db.send(new GetCommand({ TableName: tableName, Key: CRITERION_INDEX_MARKER, ConsistentRead: true }))).Item) return 0;
  let updated = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: "kind = :k AND attribute_not_exists(gsi1pk)",
        ExpressionAttributeValues: { ":k": "CRITERION" },
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
      }),
    );
    for (const i of page.Items ?? []) {
      const set = setExpression(criterionIdentity(i["unitId"] as string, i["periodId"] as string, i["criterion"] as string));
      await db.send(new UpdateCommand({ TableName: tableName, Key: { pk: i["pk"], sk: i["sk"] }, UpdateExpression: set.expression, ExpressionAttributeNames: set.names, ExpressionAttributeValues: set.values }));
      updated++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  await db.send(new PutCommand({ TableName: tableName, Item: { ...CRITERION_INDEX_MARKER, kind: "MIGRATION", updated } }));
  return updated;
}

export class DynamoDbSurveyStore extends TableAdapter implements SurveyStore {
  async list(periodId: string): Promise<StoredSurveyResult[]> {
    const items = await this.queryAll({ KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": `ADMIN#SURVEY#${periodId}` }, ConsistentRead: true });
    return items.map((i) => ({
      unitId: i["unitId"] as string,
      periodId: i["periodId"] as string,
      share: i["share"] as number,
      respondents: (i["respondents"] as number | null) ?? null,
      evidence: i["evidence"] as string,
      importId: i["importId"] as string,
      updatedAt: i["updatedAt"] as string,
      version: i["version"] as number,
      lastAudit: parseAudit(i["lastAudit"]),
    }));
  }

  async put(s: StoredSurveyResult, expectedVersion: number): Promise<ConditionalWrite> {
    return conditional(() =>
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: `ADMIN#SURVEY#${s.periodId}`, sk: s.unitId, kind: "SURVEY", ...s, lastAudit: s.lastAudit ? JSON.stringify(s.lastAudit) : null },
          ConditionExpression: expectedVersion === 0 ? "attribute_not_exists(pk)" : "#version = :expected",
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeNames: { "#version": "version" }, ExpressionAttributeValues: { ":expected": expectedVersion } }),
        }),
      ),
    );
  }

}

export class DynamoDbHeadStore extends TableAdapter implements HeadStore {
  async get(unitId: string): Promise<HeadRoster | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `ADMIN#HEADS#${unitId}`, sk: "ROSTER" }, ConsistentRead: true }));
    return r.Item ? toRoster(r.Item) : undefined;
  }

  async list(): Promise<HeadRoster[]> {
    return (await this.queryAll({ IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :p", ExpressionAttributeValues: { ":p": "HEADS" } })).map(toRoster);
  }

  async put(r: HeadRoster, expectedVersion: number): Promise<ConditionalWrite> {
    return conditional(() =>
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: `ADMIN#HEADS#${r.unitId}`,
            sk: "ROSTER",
            kind: "HEADS",
            gsi1pk: "HEADS",
            gsi1sk: r.unitId,
            unitId: r.unitId,
            heads: JSON.stringify(r.heads),
            version: r.version,
            updatedAt: r.updatedAt,
            lastAudit: r.lastAudit ? JSON.stringify(r.lastAudit) : null,
          },
          ConditionExpression: expectedVersion === 0 ? "attribute_not_exists(pk)" : "#version = :expected",
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeNames: { "#version": "version" }, ExpressionAttributeValues: { ":expected": expectedVersion } }),
        }),
      ),
    );
  }

}

/** The audit log: `PutItem` with `attribute_not_exists` only — this class has no update and no delete. */
export class DynamoDbAuditLog extends TableAdapter implements AuditLog {
  async append(e: AuditEntry): Promise<void> {
    await conditional(() =>
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: "ADMIN#AUDIT",
            sk: `${e.at}#${e.auditId}`,
            kind: "AUDIT",
            auditId: e.auditId,
            at: e.at,
            actorSub: e.actor.sub,
            actorRole: e.actor.role,
            action: e.action,
            entityType: e.entityType,
            entityId: e.entityId,
            before: JSON.stringify(e.before ?? null),
            after: JSON.stringify(e.after ?? null),
          },
          // Never overwrite: a second append of the same entry is a no-op (the outbox replays it).
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      ),
    );
  }

  async page(q: { from?: string | undefined; to?: string | undefined; limit: number; cursor?: string | undefined }): Promise<AuditPage> {
    const r = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
        ExpressionAttributeValues: { ":pk": "ADMIN#AUDIT", ":from": q.from ?? "0", ":to": `${q.to ?? "9999"}\uffff` },
        ScanIndexForward: false,
        Limit: q.limit,
        ConsistentRead: true,
        ...(q.cursor ? { ExclusiveStartKey: { pk: "ADMIN#AUDIT", sk: q.cursor } } : {}),
      }),
    );
    const entries = (r.Items ?? []).map(
      (i): AuditEntry => ({
        auditId: i["auditId"] as string,
        at: i["at"] as string,
        actor: { sub: i["actorSub"] as string, role: i["actorRole"] as string },
        action: i["action"] as string,
        entityType: i["entityType"] as string,
        entityId: i["entityId"] as string,
        before: JSON.parse(i["before"] as string) as unknown,
        after: JSON.parse(i["after"] as string) as unknown,
      }),
    );
    const last = r.LastEvaluatedKey?.["sk"];
    return { entries, ...(typeof last === "string" ? { next: last } : {}) };
  }
}

async function conditional(write: () => Promise<unknown>): Promise<ConditionalWrite> {
  try {
    await write();
    return "ok";
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException || (e as Error).name === "ConditionalCheckFailedException") return "condition-failed";
    throw e;
  }
}

function setExpression(attrs: Record<string, unknown>) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts = Object.entries(attrs).map(([k, v], i) => {
    names[`#a${i}`] = k;
    values[`:a${i}`] = v;
    return `#a${i} = :a${i}`;
  });
  return { expression: `SET ${parts.join(", ")}`, names, values };
}

const parseAudit = (v: unknown): AuditEntry | null => (typeof v === "string" ? (JSON.parse(v) as AuditEntry) : null);
const toStrings = (v: unknown): string[] => (v instanceof Set ? [...(v as Set<string>)].sort() : Array.isArray(v) ? (v as string[]) : []);

function findingAttributes(f: StoredFinding): Record<string, unknown> {
  return {
    kind: "FINDING",
    gsi1pk: `FINDINGS#${f.periodId}`,
    gsi1sk: `${f.unitId}#${f.findingId}`,
    findingId: f.findingId,
    unitId: f.unitId,
    headId: f.headId,
    periodId: f.periodId,
    criterion: f.criterion,
    deduction: f.deduction,
    evidence: f.evidence,
    noticeNumber: f.noticeNumber,
    noticeDate: f.noticeDate,
    status: f.status,
    lockToken: f.lockToken,
    version: f.version,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    lastAudit: f.lastAudit ? JSON.stringify(f.lastAudit) : null,
  };
}

function toFinding(i: Record<string, unknown>): StoredFinding {
  return {
    findingId: i["findingId"] as string,
    unitId: i["unitId"] as string,
    headId: (i["headId"] as string | null) ?? null,
    periodId: i["periodId"] as string,
    criterion: i["criterion"] as string,
    deduction: i["deduction"] as number,
    evidence: i["evidence"] as string,
    noticeNumber: (i["noticeNumber"] as string | null) ?? null,
    noticeDate: (i["noticeDate"] as string | null) ?? null,
    status: i["status"] as "DRAFT" | "CONCLUDED",
    lockToken: (i["lockToken"] as string | null) ?? null,
    version: i["version"] as number,
    createdAt: i["createdAt"] as string,
    updatedAt: i["updatedAt"] as string,
    lastAudit: parseAudit(i["lastAudit"]),
  };
}

function toCriterion(i: Record<string, unknown>): StoredCriterion {
  return {
    unitId: i["unitId"] as string,
    periodId: i["periodId"] as string,
    criterion: i["criterion"] as string,
    points: (i["points"] as number | null | undefined) ?? null,
    evidence: (i["evidence"] as string | null | undefined) ?? null,
    lockedBy: toStrings(i["lockedBy"]),
    version: (i["version"] as number | undefined) ?? 0,
    updatedAt: (i["updatedAt"] as string | null | undefined) ?? null,
    lastAudit: parseAudit(i["lastAudit"]),
  };
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
