/**
 * A unit's public page: the unit's row of the public ranking snapshot (aggregates only — the
 * same payload as the rankings page; no role-checked route is ever called from here).
 */
import type { PublicMeta, RankedUnit } from "@scorecard/shared/contracts/api";
import type { PagePhase } from "../lib/page-state.svelte.js";
import { PublicSnapshotModel } from "./public-snapshot.svelte.js";
import { DEFAULT_TIER, TIER_ORDER, type RankedTier } from "./rankings.svelte.js";

const PREFIX: Readonly<Record<string, RankedTier>> = { DEPT: "DEPARTMENT", DIST: "DISTRICT", COM: "COMMUNE", VERT: "VERTICAL" };

/** The tier a unit id belongs to, by its prefix (DEPT-, DIST-, COM-, VERT-). */
export const tierOfUnitId = (unitId: string): RankedTier => PREFIX[unitId.split("-")[0] ?? ""] ?? DEFAULT_TIER;

export class PublicUnitModel extends PublicSnapshotModel {
  unitId = $state("");
  readonly unit: RankedUnit | null = $derived(this.snapshot.data?.units.find((u) => u.unitId === this.unitId) ?? null);
  readonly ranked: number = $derived(this.snapshot.data?.units.filter((u) => u.rank !== null).length ?? 0);
  readonly phase: PagePhase = $derived(
    this.meta.phase === "error" ? "error" : this.meta.phase === "loading" ? "loading" : this.snapshot.phase === "ready" && !this.unit ? "empty" : this.snapshot.phase,
  );

  /** Returns the period shown; undefined when nothing new was loaded. */
  load(unitId: string, period: string | undefined, tier: string | undefined, meta: () => Promise<PublicMeta>): Promise<string | null | undefined> {
    this.unitId = unitId;
    const t = (TIER_ORDER as readonly string[]).includes(tier ?? "") ? (tier as RankedTier) : tierOfUnitId(unitId);
    return this.loadSnapshot(`${unitId}|${period ?? ""}|${tier ?? ""}`, period, t, meta, (d) => d === null);
  }
}
