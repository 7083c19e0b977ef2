/** The printable report of a tier and period: the public ranking snapshot (no sign-in needed to print it). */
import type { PublicMeta, RankedUnit } from "@scorecard/shared/contracts/api";
import type { PagePhase } from "../lib/page-state.svelte.js";
import { rankedRows } from "../lib/ranking-view.js";
import { type ProvinceTotals, provinceTotals } from "./overview.svelte.js";
import { PublicSnapshotModel } from "./public-snapshot.svelte.js";
import { DEFAULT_TIER, TIER_ORDER, type RankedTier } from "./rankings.svelte.js";

export class ReportModel extends PublicSnapshotModel {
  tier = $state<RankedTier>(DEFAULT_TIER);
  readonly rows: readonly RankedUnit[] = $derived(rankedRows(this.snapshot.data?.units ?? []));
  readonly totals: ProvinceTotals = $derived(provinceTotals([{ tier: this.tier, current: this.snapshot.data, previous: null }]));
  readonly phase: PagePhase = $derived(this.meta.phase === "error" ? "error" : this.meta.phase === "loading" ? "loading" : this.snapshot.phase);

  /** Returns the period shown; undefined when nothing new was loaded. */
  load(period: string | undefined, tier: string | undefined, meta: () => Promise<PublicMeta>): Promise<string | null | undefined> {
    this.tier = (TIER_ORDER as readonly string[]).includes(tier ?? "") ? (tier as RankedTier) : DEFAULT_TIER;
    return this.loadSnapshot(`${period ?? ""}|${tier ?? ""}`, period, this.tier, meta, (d) => d === null || d.units.length === 0);
  }
}
