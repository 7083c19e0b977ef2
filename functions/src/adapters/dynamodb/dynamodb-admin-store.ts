import type { AdminStores, AuditEntry, AuditLog, AuditPage, ConditionalWrite, CriterionStore, FindingStore, HeadRoster, HeadStore, StoredCriterion, StoredFinding, StoredSurveyResult, SurveyStore } from "../../ports/admin.js";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";

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
export function dynamoDbAdminStores(db: DynamoDBDocumentClient, tableName: string, options: SettleOptions = {}): AdminStores {
  const recent = new RecentWrites(db, tableName, options);
  return {
    findings: new DynamoDbFindingStore(db, tableName, recent),
    criteria: new DynamoDbCriterionStore(db, tableName, recent),
    surveys: new DynamoDbSurveyStore(db, tableName),
    heads: new DynamoDbHeadStore(db, tableName, recent),
    audit: new DynamoDbAuditLog(db, tableName),
  };
}

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
function settle<T>(listed: readonly T[], key: (x: T) => string, fresh: ReadonlyMap<string, T | undefined>): T[] {
  const byKey = new Map(listed.map((x) => [key(x), x] as const));
  for (const [k, x] of fresh) {
    if (x === undefined) byKey.delete(k);
    else byKey.set(k, x);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, x]) => x);
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

/**
 * The entities written lately, from the audit partition (a base-table query, read consistently).
 * Every admin write is audited with an entry stamped before the write (the outbox of
 * use-cases/admin/common.ts), so the entities written within the settle window of a listing are
 * all among these: the period listings read them again from the table instead of trusting gsi1.
 * A write whose entry is not appended yet is a request still in progress (or one that failed), which a
 * listing may order either way.
 */
export class RecentWrites extends TableAdapter {
  private readonly now: () => number;
  private readonly settleMs: number;

  constructor(db: DynamoDBDocumentClient, tableName: string, options: SettleOptions = {}) {
    super(db, tableName);
    this.now = options.now ?? Date.now;
    this.settleMs = options.settleMs ?? INDEX_SETTLE_MS;
  }

  /** The entries of these entity types audited since the settle window opened, oldest first. */
  async entries(entityTypes: readonly string[]): Promise<RecentWrite[]> {
    if (this.settleMs <= 0) return [];
    const from = new Date(this.now() - this.settleMs).toISOString();
    const items = await this.queryAll({
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

export class DynamoDbFindingStore extends TableAdapter implements FindingStore {
  constructor(
    db: DynamoDBDocumentClient,
    tableName: string,
    private readonly recent: RecentWrites = new RecentWrites(db, tableName),
  ) {
    super(db, tableName);
  }

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

  /** The period's findings: gsi1, with the findings written within the settle window read from the table (ADR 0013). */
  async listByPeriod(periodId: string, unitId?: string): Promise<StoredFinding[]> {
    const [items, recent] = await Promise.all([
      this.queryAll({
        IndexName: "gsi1",
        KeyConditionExpression: unitId ? "gsi1pk = :p AND begins_with(gsi1sk, :u)" : "gsi1pk = :p",
        ExpressionAttributeValues: { ":p": `FINDINGS#${periodId}`, ...(unitId ? { ":u": `${unitId}#` } : {}) },
      }),
      this.recent.ids(["finding"]),
    ]);
    const key = (f: StoredFinding) => `${f.unitId}#${f.findingId}`;
    const listed = items.map(toFinding);
    if (recent.length === 0) return listed;
    const ours = (f: StoredFinding | undefined): f is StoredFinding => f !== undefined && f.periodId === periodId && (unitId === undefined || f.unitId === unitId);
    const fresh = new Map<string, StoredFinding | undefined>();
    const ids = new Set(recent);
    for (const f of listed) if (ids.has(f.findingId)) fresh.set(key(f), undefined); // moved to another period or unit, unless read back below
    for (const f of await Promise.all(recent.map((id) => this.get(id)))) if (ours(f)) fresh.set(key(f), f);
    return settle(listed, key, fresh);
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
  constructor(
    db: DynamoDBDocumentClient,
    tableName: string,
    private readonly recent: RecentWrites = new RecentWrites(db, tableName),
  ) {
    super(db, tableName);
  }

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

  /**
   * The period's criteria: gsi1, with every criterion of a unit that had one written within the
   * settle window read from the table (ADR 0013). Criteria and head general criteria are audited
   * as `<unitId>/<period>/<code or head>`.
   */
  async listByPeriod(periodId: string): Promise<StoredCriterion[]> {
    const [items, recent] = await Promise.all([
      this.queryAll({ IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :p", ExpressionAttributeValues: { ":p": `CRITERIA#${periodId}` } }),
      this.recent.entries(["criterion", "head-general", "finding"]),
    ]);
    const listed = items.map(toCriterion);
    // A finding's conclusion locks its criterion (lock tokens on the criterion item, audited with the finding).
    const unitOf = (e: RecentWrite): [string | undefined, string | undefined] => {
      if (e.entityType !== "finding") return e.entityId.split("/") as [string, string];
      const f = e.after as { unitId?: string; period?: string } | null; // findingView
      return [f?.unitId, f?.period];
    };
    const units = new Set(recent.map(unitOf).filter(([u, p]) => u !== undefined && p === periodId).map(([u]) => u as string));
    if (units.size === 0) return listed;
    const key = (c: StoredCriterion) => `${c.unitId}#${c.criterion}`;
    const fresh = new Map<string, StoredCriterion | undefined>();
    for (const c of listed) if (units.has(c.unitId)) fresh.set(key(c), undefined);
    for (const c of (await Promise.all([...units].map((u) => this.list(u, periodId)))).flat()) fresh.set(key(c), c);
    return settle(listed, key, fresh);
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
  constructor(
    db: DynamoDBDocumentClient,
    tableName: string,
    private readonly recent: RecentWrites = new RecentWrites(db, tableName),
  ) {
    super(db, tableName);
  }

  async get(unitId: string): Promise<HeadRoster | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `ADMIN#HEADS#${unitId}`, sk: "ROSTER" }, ConsistentRead: true }));
    return r.Item ? toRoster(r.Item) : undefined;
  }

  /** Every unit's roster: gsi1, with the rosters written within the settle window read from the table (ADR 0013). */
  async list(): Promise<HeadRoster[]> {
    const [items, recent] = await Promise.all([
      this.queryAll({ IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :p", ExpressionAttributeValues: { ":p": "HEADS" } }),
      this.recent.ids(["heads"]),
    ]);
    const listed = items.map(toRoster);
    if (recent.length === 0) return listed;
    const fresh = new Map<string, HeadRoster | undefined>();
    for (const [unitId, r] of await Promise.all(recent.map(async (u) => [u, await this.get(u)] as const))) fresh.set(unitId, r);
    return settle(listed, (r) => r.unitId, fresh);
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
