/**
 * The unit catalog in the signed-in pages (issue 19, items 4–5): which unit took over from which
 * across the 2024–2025 reorganisations (shared/src/units/), for the notice on a reorganised unit's
 * page, the change against the previous period through a predecessor, and the pickers' lists of
 * units by name. The catalog is data (≈ 70 kB): only the pages loaded on demand import this module.
 * A unit the catalog does not know is treated as always valid, with no predecessor or successor.
 */
import { predecessorsOf } from "@scorecard/shared/units/succession";
import { UnitCatalog, type UnitRecord, validDuring } from "@scorecard/shared/units/unit";
import { isPeriodId, parsePeriod } from "./periods.js";

export type { UnitRecord };

let catalog: UnitCatalog | null = null;

/** The catalog of the province's units, built once. */
export const unitCatalog = (): UnitCatalog => (catalog ??= new UnitCatalog());

export const unitRecord = (unitId: string): UnitRecord | undefined => unitCatalog().get(unitId);

/** The local date after `date` ("2025-06-30" → "2025-07-01"). */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Did the unit exist on the period's last day? (An ended unit's page opens on the newest complete
 * period that ends while it still existed: June 2025 for a district, never the year 2025.)
 */
export function existedAtEnd(unitId: string, periodId: string): boolean {
  const u = unitRecord(unitId);
  if (!u || !isPeriodId(periodId)) return true;
  const end = parsePeriod(periodId).endDate;
  return u.validFrom <= end && (u.validTo === null || u.validTo >= end);
}

/**
 * Units reached from `start` by following `next`, breadth first: the first level with any unit
 * `keep` accepts (the nearest ones), none when no level has one.
 */
function nearest(start: UnitRecord, next: (u: UnitRecord) => UnitRecord[], keep: (u: UnitRecord) => boolean): UnitRecord[] {
  const seen = new Set([start.unitId]);
  let level = [start];
  while (level.length > 0) {
    const following = level.flatMap(next).filter((u) => !seen.has(u.unitId));
    for (const u of following) seen.add(u.unitId);
    const found = following.filter(keep);
    if (found.length > 0) return [...new Map(found.map((u) => [u.unitId, u])).values()];
    level = following;
  }
  return [];
}

const successorsOf = (u: UnitRecord): UnitRecord[] => u.successorIds.flatMap((id) => unitCatalog().get(id) ?? []);
const predecessorsOfRecord = (u: UnitRecord): UnitRecord[] => predecessorsOf(unitCatalog(), u.unitId);

/** Where a unit stands in a period across the reorganisations. */
export type Reorganisation =
  /** The unit ended before the period (merged, dissolved): who took over, from which day. */
  | { readonly kind: "ended"; readonly unit: UnitRecord; readonly since: string; readonly successors: readonly UnitRecord[] }
  /** The unit did not exist yet: whom it took over from, from which day. */
  | { readonly kind: "not-yet"; readonly unit: UnitRecord; readonly since: string; readonly predecessors: readonly UnitRecord[] }
  /** The unit exists, set up by a reorganisation: whom it took over from, and since when. */
  | { readonly kind: "took-over"; readonly unit: UnitRecord; readonly since: string; readonly predecessors: readonly UnitRecord[] };

/**
 * The reorganisation that matters for showing `unitId` in `periodId`; null when none does (an
 * unknown unit, or one that existed unchanged).
 * @example reorganisationOf("DIST-731", "2025-12")?.kind === "ended" // Biên Hòa's district ended on 30 June 2025
 */
export function reorganisationOf(unitId: string, periodId: string): Reorganisation | null {
  const unit = unitRecord(unitId);
  if (!unit || !isPeriodId(periodId)) return null;
  const p = parsePeriod(periodId);
  const inPeriod = (u: UnitRecord) => validDuring(u, p.startDate, p.endDate);
  if (unit.validTo !== null && unit.validTo < p.startDate) {
    const successors = nearest(unit, successorsOf, inPeriod);
    return { kind: "ended", unit, since: dayAfter(unit.validTo), successors: successors.length > 0 ? successors : successorsOf(unit) };
  }
  if (unit.validFrom > p.endDate) return { kind: "not-yet", unit, since: unit.validFrom, predecessors: nearest(unit, predecessorsOfRecord, inPeriod) };
  const predecessors = predecessorsOfRecord(unit);
  return predecessors.length > 0 ? { kind: "took-over", unit, since: unit.validFrom, predecessors } : null;
}

/**
 * The rows standing for `unitId` in another period's ranking: its own row, else those of its
 * nearest predecessors that have one (a merger: several). Empty when none has a row.
 */
export function comparableRows<T extends { readonly unitId: string }>(unitId: string, rows: ReadonlyMap<string, T>): { readonly rows: readonly T[]; readonly viaPredecessor: boolean } {
  const own = rows.get(unitId);
  if (own) return { rows: [own], viaPredecessor: false };
  const unit = unitRecord(unitId);
  if (!unit) return { rows: [], viaPredecessor: false };
  const found = nearest(unit, predecessorsOfRecord, (u) => rows.has(u.unitId));
  return { rows: found.map((u) => rows.get(u.unitId) as T), viaPredecessor: found.length > 0 };
}

/** Units of the catalog that existed during the period (every unit when it is not a period), optionally of some tiers. */
export function unitsDuring(periodId: string | null, tiers?: readonly string[]): UnitRecord[] {
  const p = periodId && isPeriodId(periodId) ? parsePeriod(periodId) : null;
  return unitCatalog().units.filter((u) => (tiers === undefined || tiers.includes(u.tier)) && (p === null || validDuring(u, p.startDate, p.endDate)));
}
