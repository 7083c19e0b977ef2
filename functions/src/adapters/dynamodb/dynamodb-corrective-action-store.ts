import type { ConditionalWrite } from "../../ports/admin.js";
import type { CorrectiveActionStore, StoredCorrectiveAction } from "../../ports/corrective-actions.js";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { auditText, getItem, parseAudit, putAtVersion, readPartition } from "./admin-items.js";

const PK = "ADMIN#ACTIONS";

/**
 * Corrective actions (issue 24, item 1): `ADMIN#ACTIONS` / `<actionId>`, one item per action with
 * its steps, written whole at its expected version (docs/storage.md, "admin items"). One partition,
 * read with a consistent query: the list, the overview's overdue count and the reports read it whole
 * (hundreds of actions a year), so no index lags a write.
 */
export class DynamoDbCorrectiveActionStore implements CorrectiveActionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(actionId: string): Promise<StoredCorrectiveAction | undefined> {
    const item = await getItem(this.db, this.tableName, PK, actionId);
    return item ? toAction(item) : undefined;
  }

  async list(): Promise<StoredCorrectiveAction[]> {
    const items = await readPartition(this.db, this.tableName, PK);
    return items.map(toAction);
  }

  async put(a: StoredCorrectiveAction, expectedVersion: number): Promise<ConditionalWrite> {
    return putAtVersion(
      this.db,
      this.tableName,
      {
        pk: PK,
        sk: a.actionId,
        kind: "CORRECTIVE_ACTION",
        actionId: a.actionId,
        unitId: a.unitId,
        basis: JSON.stringify(a.basis),
        indicator: a.indicator,
        required: a.required,
        deadline: a.deadline,
        status: a.status,
        steps: JSON.stringify(a.steps),
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
        version: a.version,
        lastAudit: auditText(a.lastAudit),
      },
      expectedVersion,
    );
  }
}

function toAction(i: Record<string, unknown>): StoredCorrectiveAction {
  return {
    actionId: i["actionId"] as string,
    unitId: i["unitId"] as string,
    basis: JSON.parse(i["basis"] as string) as StoredCorrectiveAction["basis"],
    indicator: (i["indicator"] as string | null | undefined) ?? null,
    required: i["required"] as string,
    deadline: i["deadline"] as string,
    status: i["status"] as StoredCorrectiveAction["status"],
    steps: JSON.parse(i["steps"] as string) as StoredCorrectiveAction["steps"],
    createdAt: i["createdAt"] as string,
    updatedAt: i["updatedAt"] as string,
    version: i["version"] as number,
    lastAudit: parseAudit(i["lastAudit"]),
  };
}
