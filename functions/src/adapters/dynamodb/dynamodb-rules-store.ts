import type { ConditionalWrite } from "../../ports/admin.js";
import type { RulesStore, StoredHolidayRules, StoredMethodologyRules, StoredUnitRules } from "../../ports/rules.js";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { auditText, getItem, parseAudit, putAtVersion } from "./admin-items.js";

const PK = "ADMIN#RULES";

/**
 * Rules as data (issue 24, item 4; docs/storage.md "admin items"): `ADMIN#RULES` / `HOLIDAYS`, `UNITS`
 * and `METHODOLOGY`, one item per kind holding every version of it (JSON text), written whole
 * at its expected version with the audit entry of the change (the outbox of one). A year's
 * holidays is ~3 KB and a unit change ~0.5 KB, so an item holds hundreds of versions under the
 * 400 KB limit; the scoring run reads both with two consistent gets.
 */
export class DynamoDbRulesStore implements RulesStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  holidays(): Promise<StoredHolidayRules | undefined> {
    return this.get("HOLIDAYS") as Promise<StoredHolidayRules | undefined>;
  }

  putHolidays(doc: StoredHolidayRules, expectedVersion: number): Promise<ConditionalWrite> {
    return this.put("HOLIDAYS", doc, expectedVersion);
  }

  units(): Promise<StoredUnitRules | undefined> {
    return this.get("UNITS") as Promise<StoredUnitRules | undefined>;
  }

  putUnits(doc: StoredUnitRules, expectedVersion: number): Promise<ConditionalWrite> {
    return this.put("UNITS", doc, expectedVersion);
  }

  methodology(): Promise<StoredMethodologyRules | undefined> {
    return this.get("METHODOLOGY") as Promise<StoredMethodologyRules | undefined>;
  }

  putMethodology(doc: StoredMethodologyRules, expectedVersion: number): Promise<ConditionalWrite> {
    return this.put("METHODOLOGY", doc, expectedVersion);
  }

  private async get(sk: string): Promise<StoredHolidayRules | StoredUnitRules | StoredMethodologyRules | undefined> {
    const item = await getItem(this.db, this.tableName, PK, sk);
    if (!item) return undefined;
    return { version: item["version"] as number, lastAudit: parseAudit(item["lastAudit"]), versions: JSON.parse(item["versions"] as string) };
  }

  private put(sk: string, doc: StoredHolidayRules | StoredUnitRules | StoredMethodologyRules, expectedVersion: number): Promise<ConditionalWrite> {
    const item = { pk: PK, sk, kind: `RULES_${sk}`, versions: JSON.stringify(doc.versions), version: doc.version, lastAudit: auditText(doc.lastAudit) };
    return putAtVersion(this.db, this.tableName, item, expectedVersion);
  }
}
