/** The printable report of a tier and period: the public ranking snapshot (no sign-in needed to print it). */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import type { PagePhase } from "../lib/page-state.svelte.js";
import type { PublicRankedUnit } from "../lib/public-ranking.js";
import { rankedRows } from "../lib/ranking-view.js";
import { PublicSnapshotModel } from "./public-snapshot.svelte.js";
import { DEFAULT_TIER, TIER_ORDER, type RankedTier } from "./rankings.svelte.js";

/** The tier's dossier counts added up; a count is null when any unit's is withheld (a sum of what is left would be wrong). */
export interface PublicTotals {
  readonly counts: Readonly<Record<string, number | null>>;
  readonly inScope: number | null;
  readonly onTimeRate: number | null;
}

export function publicTotals(units: readonly PublicRankedUnit[]): PublicTotals {
  const counts: Record<string, number | null> = {};
  for (const u of units) {
    for (const [k, v] of Object.entries(u.counts)) {
      const sum = counts[k];
      counts[k] = v === null || sum === null ? null : (sum ?? 0) + v;
    }
  }
  const part = (k: string) => (k in counts ? counts[k] : 0) ?? null;
  const [early, onTime, late, overdue] = ["EARLY", "ON_TIME", "LATE", "OVERDUE"].map(part);
  const known = [early, onTime, late, overdue].every((n) => n !== null);
  const good = known ? (early as number) + (onTime as number) : null;
  const inScope = known ? (good as number) + (late as number) + (overdue as number) : null;
  return { counts, inScope, onTimeRate: inScope === null || inScope === 0 || good === null ? null : good / inScope };
}

export class ReportModel extends PublicSnapshotModel {
  tier = $state<RankedTier>(DEFAULT_TIER);
  readonly rows: readonly PublicRankedUnit[] = $derived(rankedRows(this.snapshot.data?.units ?? []));
  readonly totals: PublicTotals = $derived(publicTotals(this.snapshot.data?.units ?? []));
  readonly phase: PagePhase = $derived(this.meta.phase === "error" ? "error" : this.meta.phase === "loading" ? "loading" : this.snapshot.phase);

  /** Returns the period shown; undefined when nothing new was loaded. */
  load(period: string | undefined, tier: string | undefined, meta: () => Promise<PublicMeta>): Promise<string | null | undefined> {
    this.tier = (TIER_ORDER as readonly string[]).includes(tier ?? "") ? (tier as RankedTier) : DEFAULT_TIER;
    return this.loadSnapshot(`${period ?? ""}|${tier ?? ""}`, period, this.tier, meta, (d) => d === null || d.units.length === 0);
  }
}
