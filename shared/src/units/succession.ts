/**
 * Following units across the reforms (2024 commune mergers, March 2025 department mergers,
 * July 2025 province merger) through `successorIds`, and listing the units valid in a period.
 */
import type { Period } from "../time/period.js";
import { validDuring, type UnitCatalog, type UnitRecord } from "./unit.js";

/**
 * Units valid on at least one day of the period, optionally of one tier, in catalog order.
 * @example unitsValidIn(new UnitCatalog(), parsePeriod("2025-Q3"), "DISTRICT") // [] — districts ended 30 June 2025
 */
export function unitsValidIn(catalog: UnitCatalog, period: Period, tier?: string): UnitRecord[] {
  return catalog.units.filter((u) => (tier === undefined || u.tier === tier) && validDuring(u, period.startDate, period.endDate));
}

/** Units that list `unitId` among their successors (the units it took over). */
export function predecessorsOf(catalog: UnitCatalog, unitId: string): UnitRecord[] {
  return catalog.units.filter((u) => u.successorIds.includes(unitId));
}

/**
 * Every unit reachable from `unitId` through successor links, breadth first, the unit itself
 * excluded. A split unit yields all of its successors.
 * @example successorChain(catalog, "DEPT-SKHDT-2020").map((u) => u.unitId) // ["DEPT-STC-202503", "DEPT-STC-202507"]
 */
export function successorChain(catalog: UnitCatalog, unitId: string): UnitRecord[] {
  return walk(catalog, unitId, (u) => u.successorIds.flatMap((id) => catalog.get(id) ?? []));
}

/** Every unit reachable backwards through predecessor links, breadth first, itself excluded. */
export function predecessorChain(catalog: UnitCatalog, unitId: string): UnitRecord[] {
  return walk(catalog, unitId, (u) => predecessorsOf(catalog, u.unitId));
}

function walk(catalog: UnitCatalog, unitId: string, next: (u: UnitRecord) => UnitRecord[]): UnitRecord[] {
  const start = catalog.get(unitId);
  if (start === undefined) return [];
  const seen = new Set([unitId]);
  const out: UnitRecord[] = [];
  const queue = [start];
  for (let u = queue.shift(); u !== undefined; u = queue.shift()) {
    for (const n of next(u)) {
      if (seen.has(n.unitId)) continue;
      seen.add(n.unitId);
      out.push(n);
      queue.push(n);
    }
  }
  return out;
}

export interface TrendPoint {
  readonly period: Period;
  /** Units whose figures stand for the followed unit in this period. */
  readonly unitIds: readonly string[];
  /** True when the figures come from a predecessor or successor, not the unit itself. */
  readonly viaSuccession: boolean;
}

/**
 * Which unit(s) stand for `unitId` in each period of a trend: the unit itself while it is valid,
 * otherwise its predecessors (earlier periods) or successors (later periods) valid in the period.
 * A trend that crosses a reform is marked `viaSuccession` (methodology §1).
 */
export function trendUnits(catalog: UnitCatalog, unitId: string, periods: readonly Period[]): TrendPoint[] {
  const self = catalog.get(unitId);
  if (self === undefined) return periods.map((period) => ({ period, unitIds: [], viaSuccession: false }));
  const related = [...predecessorChain(catalog, unitId), ...successorChain(catalog, unitId)];
  return periods.map((period) => {
    if (validDuring(self, period.startDate, period.endDate)) return { period, unitIds: [unitId], viaSuccession: false };
    const ids = related.filter((u) => validDuring(u, period.startDate, period.endDate)).map((u) => u.unitId);
    return { period, unitIds: ids, viaSuccession: ids.length > 0 };
  });
}
