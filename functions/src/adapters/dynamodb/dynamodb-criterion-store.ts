import type { ConditionalWrite, CriterionStore, StoredCriterion } from "../../ports/admin.js";
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { auditText, conditional, parseAudit, queryAll, setExpression } from "./admin-items.js";
import { type RecentWrite, RecentWrites, settle } from "./index-settle.js";

/**
 * Manual criteria and their lock tokens: `ADMIN#CRIT#<unitId>#<period>` / `<criterion>`, listed by
 * period through gsi1 `CRITERIA#<period>` / `<unitId>#<criterion>` (docs/storage.md). A head's
 * general criteria are stored here too, as `HEAD#<headId>` (ports/admin.ts headGeneralCode), and the
 * service-index indicators Home Affairs enters (D3) as items of their code with `numerator` and
 * `denominator` (so that a finding's lock tokens cover them alike).
 */
export class DynamoDbCriterionStore implements CriterionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly recent: RecentWrites = new RecentWrites(db, tableName),
  ) {}

  private critKey = (unitId: string, periodId: string, criterion: string) => ({ pk: `ADMIN#CRIT#${unitId}#${periodId}`, sk: criterion });

  async appraise(c: StoredCriterion, expectedVersion: number): Promise<ConditionalWrite> {
    const set = setExpression({
      ...criterionIdentity(c.unitId, c.periodId, c.criterion),
      points: c.points,
      // An indicator entry's counts (D3); the other criteria carry none.
      ...(c.numerator === undefined ? {} : { numerator: c.numerator }),
      ...(c.denominator === undefined ? {} : { denominator: c.denominator }),
      evidence: c.evidence,
      version: c.version,
      updatedAt: c.updatedAt,
      lastAudit: auditText(c.lastAudit),
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
    const items = await queryAll(this.db, this.tableName, { KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": `ADMIN#CRIT#${unitId}#${periodId}` }, ConsistentRead: true });
    return items.map(toCriterion);
  }

  /**
   * The period's criteria: gsi1, with every criterion of a unit that had one written within the
   * settle window read from the table (ADR 0013). Criteria, head general criteria and the indicators
   * Home Affairs enters (entity `indicator`) are audited as `<unitId>/<period>/<code or head>`.
   */
  async listByPeriod(periodId: string): Promise<StoredCriterion[]> {
    const [items, recent] = await Promise.all([
      queryAll(this.db, this.tableName, { IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :p", ExpressionAttributeValues: { ":p": `CRITERIA#${periodId}` } }),
      this.recent.entries(["criterion", "head-general", "finding", "indicator"]),
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
export const criterionIdentity = (unitId: string, periodId: string, criterion: string) => ({
  kind: "CRITERION",
  gsi1pk: `CRITERIA#${periodId}`,
  gsi1sk: `${unitId}#${criterion}`,
  unitId,
  periodId,
  criterion,
});

const toStrings = (v: unknown): string[] => (v instanceof Set ? [...(v as Set<string>)].sort() : Array.isArray(v) ? (v as string[]) : []);

function toCriterion(i: Record<string, unknown>): StoredCriterion {
  return {
    unitId: i["unitId"] as string,
    periodId: i["periodId"] as string,
    criterion: i["criterion"] as string,
    points: (i["points"] as number | null | undefined) ?? null,
    ...("numerator" in i ? { numerator: (i["numerator"] as number | null) ?? null } : {}),
    ...("denominator" in i ? { denominator: (i["denominator"] as number | null) ?? null } : {}),
    evidence: (i["evidence"] as string | null | undefined) ?? null,
    lockedBy: toStrings(i["lockedBy"]),
    version: (i["version"] as number | undefined) ?? 0,
    updatedAt: (i["updatedAt"] as string | null | undefined) ?? null,
    lastAudit: parseAudit(i["lastAudit"]),
  };
}
