/**
 * The effective-dated unit catalog (units of Dong Nai across the 2024–2025 reorganisations).
 */
import { DONG_NAI_UNITS } from "../data/units.data.js";
import type { UnitRecord } from "../data/records.js";

export const TIERS = ["PROVINCE", "DEPARTMENT", "DISTRICT", "COMMUNE", "VERTICAL"] as const;
export type Tier = (typeof TIERS)[number];
/** Tiers that are ranked (VERTICAL is consulted and reported, not ranked by default). */
export const RANKED_TIERS = ["DEPARTMENT", "DISTRICT", "COMMUNE", "VERTICAL"] as const;
export type RankedTier = (typeof RANKED_TIERS)[number];

export type { UnitRecord } from "../data/records.js";

/** Is the unit valid on at least one day of [startDate, endDate] (local dates, inclusive)? */
export function validDuring(u: UnitRecord, startDate: string, endDate: string): boolean {
  return u.validFrom <= endDate && (u.validTo === null || u.validTo >= startDate);
}

export function validOn(u: UnitRecord, date: string): boolean {
  return validDuring(u, date, date);
}

export class UnitCatalog {
  private readonly byId: ReadonlyMap<string, UnitRecord>;
  constructor(readonly units: readonly UnitRecord[] = DONG_NAI_UNITS) {
    this.byId = new Map(units.map((u) => [u.unitId, u]));
  }
  get(unitId: string): UnitRecord | undefined {
    return this.byId.get(unitId);
  }
  /** Units of a tier valid on at least one day of the local-date range. */
  validIn(tier: string, startDate: string, endDate: string): UnitRecord[] {
    return this.units.filter((u) => u.tier === tier && validDuring(u, startDate, endDate));
  }
  /** Is the unit known and valid on that local date? */
  isValidOn(unitId: string, date: string): boolean {
    const u = this.byId.get(unitId);
    return u !== undefined && validOn(u, date);
  }
}
