/**
 * Unit changes as data (issue 24, item 4; docs/adr/0022-rules-as-data.md): a new unit, a merger
 * (predecessors → a new successor), a rename (a new id and name from a date, as the catalog records
 * the 2024 renames), a dissolution (optionally into existing units), each effective from a local
 * date. The compiled catalog (../data/units.data.ts) is the initial version; the stored changes are
 * applied to it in the order they were recorded. A change closes units the day before its date and
 * links them to their successors, so the catalog stays effective-dated: a period before the date
 * sees the old units, a period from it the new ones, and a trend crosses the change through
 * `successorIds` (../units/succession.ts) as it crosses the compiled reorganisations.
 * Pure: the checks and the application the store's readers and the scoring run share.
 */
import type { UnitRecord } from "../data/records.js";
import type { RuleError } from "./holidays.js";

/** Tiers a recorded unit may have (the province is not recorded here). */
export const CHANGE_TIERS = ["DEPARTMENT", "DISTRICT", "COMMUNE", "VERTICAL"] as const;
export const UNIT_CHANGE_KINDS = ["NEW_UNIT", "MERGER", "RENAME", "DISSOLUTION"] as const;
export type UnitChangeKind = (typeof UNIT_CHANGE_KINDS)[number];

/** A unit a change creates. */
export interface NewUnit {
  readonly unitId: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly tier: string;
  readonly parentId: string;
}

export type UnitChange =
  | { readonly kind: "NEW_UNIT"; readonly effectiveFrom: string; readonly unit: NewUnit }
  | { readonly kind: "MERGER"; readonly effectiveFrom: string; readonly predecessorIds: readonly string[]; readonly successor: NewUnit }
  | { readonly kind: "RENAME"; readonly effectiveFrom: string; readonly unitId: string; readonly newUnitId: string; readonly nameVi: string; readonly nameEn: string }
  | { readonly kind: "DISSOLUTION"; readonly effectiveFrom: string; readonly unitId: string; readonly successorIds: readonly string[] };

const isDate = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const validOn = (u: UnitRecord, d: string) => u.validFrom <= d && (u.validTo === null || u.validTo >= d);

/** The units the change creates and closes (for listings and the audit). */
export function unitsOf(change: UnitChange): { readonly created: readonly string[]; readonly closed: readonly string[] } {
  switch (change.kind) {
    case "NEW_UNIT":
      return { created: [change.unit.unitId], closed: [] };
    case "MERGER":
      return { created: [change.successor.unitId], closed: change.predecessorIds };
    case "RENAME":
      return { created: [change.newUnitId], closed: [change.unitId] };
    case "DISSOLUTION":
      return { created: [], closed: [change.unitId] };
  }
}

/**
 * Why the change cannot be applied to `units` (empty: it can). Ids are unique in the catalog; a
 * unit closed by the change exists, is still open (no end date) and began before the date (a unit
 * cannot end on the day it starts); merged units share the successor's tier (a change across tiers
 * is two changes: a dissolution and a new unit); a parent exists and is valid on the date; a unit
 * dissolved has no open unit under it; successors of a dissolution are valid on the date.
 */
export function unitChangeErrors(units: readonly UnitRecord[], change: UnitChange): RuleError[] {
  const errors: RuleError[] = [];
  const byId = new Map(units.map((u) => [u.unitId, u]));
  const d = change.effectiveFrom;
  if (!isDate(d)) return [{ field: "effectiveFrom", code: "INVALID_DATE", message: `${d} is not a date YYYY-MM-DD` }];
  const fresh = (field: string, id: string) => {
    if (byId.has(id)) errors.push({ field, code: "DUPLICATE_UNIT_ID", message: `${id} is already in the catalog: a new unit takes a new id` });
  };
  const closable = (field: string, id: string) => {
    const u = byId.get(id);
    if (!u) return errors.push({ field, code: "UNKNOWN_UNIT", message: `no unit ${id} in the catalog` }), undefined;
    if (u.validTo !== null) return errors.push({ field, code: "UNIT_ENDED", message: `${id} ended on ${u.validTo}` }), undefined;
    if (u.validFrom >= d) return errors.push({ field, code: "NOT_VALID_BEFORE", message: `${id} begins on ${u.validFrom}: it must exist before ${d}` }), undefined;
    return u;
  };
  const newUnit = (at: string, n: NewUnit) => {
    fresh(`${at}.unitId`, n.unitId);
    if (!(CHANGE_TIERS as readonly string[]).includes(n.tier)) errors.push({ field: `${at}.tier`, code: "INVALID_TIER", message: `one of ${CHANGE_TIERS.join(", ")}` });
    const parent = byId.get(n.parentId);
    if (!parent) errors.push({ field: `${at}.parentId`, code: "UNKNOWN_UNIT", message: `no unit ${n.parentId} in the catalog` });
    else if (!validOn(parent, d)) errors.push({ field: `${at}.parentId`, code: "NOT_VALID_ON_DATE", message: `${n.parentId} is not valid on ${d}` });
  };
  switch (change.kind) {
    case "NEW_UNIT":
      newUnit("unit", change.unit);
      break;
    case "MERGER": {
      newUnit("successor", change.successor);
      if (change.predecessorIds.length < 2) errors.push({ field: "predecessorIds", code: "TOO_FEW", message: "a merger joins two units or more (one unit under a new name is a rename)" });
      const seen = new Set<string>();
      change.predecessorIds.forEach((id, i) => {
        if (seen.has(id)) return void errors.push({ field: `predecessorIds[${i}]`, code: "DUPLICATE", message: `${id} is listed twice` });
        seen.add(id);
        const u = closable(`predecessorIds[${i}]`, id);
        if (u && u.tier !== change.successor.tier) errors.push({ field: `predecessorIds[${i}]`, code: "TIER_MISMATCH", message: `${id} is a ${u.tier}, the successor a ${change.successor.tier}` });
      });
      break;
    }
    case "RENAME":
      closable("unitId", change.unitId);
      fresh("newUnitId", change.newUnitId);
      break;
    case "DISSOLUTION": {
      closable("unitId", change.unitId);
      const children = units.filter((u) => u.parentId === change.unitId && (u.validTo === null || u.validTo >= d));
      if (children.length > 0) errors.push({ field: "unitId", code: "HAS_UNITS", message: `${children.length} unit(s) under ${change.unitId} are valid on ${d} (${children.slice(0, 3).map((u) => u.unitId).join(", ")}…): change them first` });
      change.successorIds.forEach((id, i) => {
        const u = byId.get(id);
        if (!u) errors.push({ field: `successorIds[${i}]`, code: "UNKNOWN_UNIT", message: `no unit ${id} in the catalog` });
        else if (!validOn(u, d)) errors.push({ field: `successorIds[${i}]`, code: "NOT_VALID_ON_DATE", message: `${id} is not valid on ${d}` });
        else if (id === change.unitId) errors.push({ field: `successorIds[${i}]`, code: "SELF", message: "a unit does not succeed itself" });
      });
      break;
    }
  }
  return errors;
}

/** The catalog after the change (check it with unitChangeErrors first): closed units end the day before and name their successors. */
export function applyUnitChange(units: readonly UnitRecord[], change: UnitChange): UnitRecord[] {
  const d = change.effectiveFrom;
  const close = (ids: readonly string[], successors: readonly string[]) => {
    const closing = new Set(ids);
    return units.map((u) => (closing.has(u.unitId) ? { ...u, validTo: dayBefore(d), successorIds: [...u.successorIds, ...successors.filter((s) => !u.successorIds.includes(s))] } : u));
  };
  const record = (n: NewUnit): UnitRecord => ({ unitId: n.unitId, nameVi: n.nameVi, nameEn: n.nameEn, tier: n.tier, parentId: n.parentId, validFrom: d, validTo: null, successorIds: [] });
  switch (change.kind) {
    case "NEW_UNIT":
      return [...units, record(change.unit)];
    case "MERGER":
      return [...close(change.predecessorIds, [change.successor.unitId]), record(change.successor)];
    case "RENAME": {
      const old = units.find((u) => u.unitId === change.unitId);
      if (!old) throw new RangeError(`no unit ${change.unitId}`);
      return [...close([change.unitId], [change.newUnitId]), { ...record({ unitId: change.newUnitId, nameVi: change.nameVi, nameEn: change.nameEn, tier: old.tier, parentId: "" }), parentId: old.parentId }];
    }
    case "DISSOLUTION":
      return close([change.unitId], change.successorIds);
  }
}

/** The catalog in force: the compiled units with every stored change applied in the order recorded. */
export function composeUnits(base: readonly UnitRecord[], changes: readonly UnitChange[]): UnitRecord[] {
  return changes.reduce<UnitRecord[]>((units, c) => applyUnitChange(units, c), [...base]);
}
