/**
 * A unit's public page: the unit's row of the public ranking snapshot (aggregates only — the
 * same payload as the rankings page; no role-checked route is ever called from here), and its row
 * in the previous period of the same kind, for the change. A previous period without the unit, or
 * without a ranking, is a gap: "no figures", never a zero or a rank.
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import { previousPeriod } from "@scorecard/shared/time/period";
import type { PagePhase } from "../lib/page-state.svelte.js";
import { isPeriodId, parsePeriod } from "../lib/periods.js";
import type { PublicRankedUnit, PublicRanking } from "../lib/public-ranking.js";
import { fetchPublicRanking, PublicSnapshotModel, startEarly } from "./public-snapshot.svelte.js";
import { DEFAULT_TIER, TIER_ORDER, type RankedTier } from "./rankings.svelte.js";
import { Resource } from "./resource.svelte.js";

const PREFIX: Readonly<Record<string, RankedTier>> = { DEPT: "DEPARTMENT", DIST: "DISTRICT", COM: "COMMUNE", VERT: "VERTICAL" };

/** The tier a unit id belongs to, by its prefix (DEPT-, DIST-, COM-, VERT-). */
export const tierOfUnitId = (unitId: string): RankedTier => PREFIX[unitId.split("-")[0] ?? ""] ?? DEFAULT_TIER;

export class PublicUnitModel extends PublicSnapshotModel {
  unitId = $state("");
  /** The same tier's ranking of the previous period of the same kind (null: none scored). */
  readonly previous = new Resource<PublicRanking | null>();
  readonly unit: PublicRankedUnit | null = $derived(this.snapshot.data?.units.find((u) => u.unitId === this.unitId) ?? null);
  readonly previousUnit: PublicRankedUnit | null = $derived(this.previous.data?.units.find((u) => u.unitId === this.unitId) ?? null);
  readonly previousPeriod: string | null = $derived(this.period && isPeriodId(this.period) ? previousPeriod(parsePeriod(this.period)).id : null);
  readonly ranked: number = $derived(this.snapshot.data?.units.filter((u) => u.rank !== null).length ?? 0);
  /** Ready once the previous period's row is in too (the change is part of the page); its failure only hides the change. */
  readonly phase: PagePhase = $derived(
    this.meta.phase === "error"
      ? "error"
      : this.meta.phase === "loading"
        ? "loading"
        : this.snapshot.phase === "ready" && !this.unit
          ? "empty"
          : this.snapshot.phase === "ready" && this.previous.phase === "loading"
            ? "loading"
            : this.snapshot.phase,
  );

  /** Returns the period shown; undefined when nothing new was loaded. */
  async load(unitId: string, period: string | undefined, tier: string | undefined, meta: () => Promise<PublicMeta>): Promise<string | null | undefined> {
    this.unitId = unitId;
    this.previous.set(null, "loading");
    const t = (TIER_ORDER as readonly string[]).includes(tier ?? "") ? (tier as RankedTier) : tierOfUnitId(unitId);
    // The previous period of the one the URL names is asked for at once too (with the list of
    // periods and the period itself): the change is part of the page.
    const previousAsked = period !== undefined && isPeriodId(period) ? previousPeriod(parsePeriod(period)).id : null;
    const early = previousAsked ? { period: previousAsked, tier: t, request: startEarly(this.api, { period: previousAsked, tier: t }) } : null;
    const shown = await this.loadSnapshot(`${unitId}|${period ?? ""}|${tier ?? ""}`, period, t, meta, (d) => d === null);
    if (shown) void this.#loadPrevious(shown, this.snapshot.data?.tier ?? t, early);
    else early?.request.cancel();
    return shown;
  }

  async #loadPrevious(period: string, tier: string, early: { period: string; tier: string; request: ReturnType<typeof startEarly> } | null): Promise<void> {
    const prev = isPeriodId(period) ? previousPeriod(parsePeriod(period)).id : null;
    const usable = early !== null && early.period === prev && early.tier === tier ? early.request : null;
    if (early && !usable) early.request.cancel();
    if (!prev || !(this.meta.data?.periods ?? []).includes(prev)) {
      usable?.cancel();
      this.previous.set(null, "empty");
      return;
    }
    const t = (TIER_ORDER as readonly string[]).includes(tier) ? (tier as RankedTier) : DEFAULT_TIER;
    await this.previous.load(async (signal) => (await (usable ? usable.take(signal) : fetchPublicRanking(this.api, { period: prev, tier: t }, signal)))?.snapshot ?? null, (d) => d === null);
  }

  override dispose(): void {
    super.dispose();
    this.previous.dispose();
  }
}
