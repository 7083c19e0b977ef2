/**
 * A unit's public page: the unit's row of the public ranking snapshot (aggregates only — the
 * same payload as the rankings page; no role-checked route is ever called from here), and its row
 * in the previous period of the same kind, for the change. A previous period without the unit, or
 * without a ranking, is a gap: "no figures", never a zero or a rank. A unit missing from the
 * period's ranking is looked up in the unit catalog (loaded only then: it is ~70 kB): a unit merged,
 * split or not yet set up in the 2024–2025 reorganisations is named, and its successors or
 * predecessors and its own newest period are linked, instead of a bare code and "no data".
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import { previousPeriod } from "@scorecard/shared/time/period";
import type { PagePhase } from "../lib/page-state.svelte.js";
import { isPeriodId, parsePeriod } from "../lib/periods.js";
import { defaultPublicPeriod } from "../lib/public-periods.js";
import type { PublicRankedUnit, PublicRanking } from "../lib/public-ranking.js";
import { fetchPublicRanking, PublicSnapshotModel, startEarly } from "./public-snapshot.svelte.js";
import { DEFAULT_TIER, TIER_ORDER, type RankedTier } from "./rankings.svelte.js";
import { Resource } from "./resource.svelte.js";
import type { Reorganisation, UnitRecord } from "../lib/units.js";

/** A unit absent from the period's ranking, from the unit catalog. */
export interface PublicReorg {
  readonly record: UnitRecord;
  /** It had ended, or did not exist yet, in the period shown (null: it existed and was simply not ranked). */
  readonly shown: Extract<Reorganisation, { kind: "ended" | "not-yet" }> | null;
  /** The newest public period (published, else complete) at whose end the unit existed, when not the one shown. */
  readonly ownPeriod: string | null;
}

const PREFIX: Readonly<Record<string, RankedTier>> = { DEPT: "DEPARTMENT", DIST: "DISTRICT", COM: "COMMUNE", VERT: "VERTICAL" };

/** The tier a unit id belongs to, by its prefix (DEPT-, DIST-, COM-, VERT-). */
export const tierOfUnitId = (unitId: string): RankedTier => PREFIX[unitId.split("-")[0] ?? ""] ?? DEFAULT_TIER;

export class PublicUnitModel extends PublicSnapshotModel {
  unitId = $state("");
  /** The same tier's ranking of the previous period of the same kind (null: none scored). */
  readonly previous = new Resource<PublicRanking | null>();
  /** The catalog's word on a unit missing from the ranking (null: the catalog does not know it). */
  readonly reorg = new Resource<PublicReorg | null>();
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
          ? this.reorg.phase === "loading"
            ? "loading"
            : "empty"
          : this.snapshot.phase === "ready" && this.previous.phase === "loading"
            ? "loading"
            : this.snapshot.phase,
  );

  /** Returns the period shown; undefined when nothing new was loaded. */
  async load(unitId: string, period: string | undefined, tier: string | undefined, meta: () => Promise<PublicMeta>): Promise<string | null | undefined> {
    this.unitId = unitId;
    this.previous.set(null, "loading");
    this.reorg.set(null, "loading");
    const t = (TIER_ORDER as readonly string[]).includes(tier ?? "") ? (tier as RankedTier) : tierOfUnitId(unitId);
    // The previous period of the one the URL names is asked for at once too (with the list of
    // periods and the period itself): the change is part of the page.
    const previousAsked = period !== undefined && isPeriodId(period) ? previousPeriod(parsePeriod(period)).id : null;
    const early = previousAsked ? { period: previousAsked, tier: t, request: startEarly(this.api, { period: previousAsked, tier: t }) } : null;
    const shown = await this.loadSnapshot(`${unitId}|${period ?? ""}|${tier ?? ""}`, period, t, meta, (d) => d === null);
    if (shown) void this.#loadPrevious(shown, this.snapshot.data?.tier ?? t, early);
    else early?.request.cancel();
    if (shown && this.snapshot.phase === "ready" && !this.unit) void this.#loadReorg(unitId, shown);
    else if (shown !== undefined) this.reorg.set(null, "empty");
    return shown;
  }

  async #loadReorg(unitId: string, period: string): Promise<void> {
    await this.reorg.load(async () => {
      const units = await import("../lib/units.js");
      const record = units.unitRecord(unitId);
      if (!record) return null;
      const ownPeriod = defaultPublicPeriod(this.meta.data, this.now(), (p) => p !== period && units.existedAtEnd(unitId, p));
      const r = units.reorganisationOf(unitId, period);
      return { record, shown: r?.kind === "ended" || r?.kind === "not-yet" ? r : null, ownPeriod };
    }, (d) => d === null);
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
    this.reorg.dispose();
  }
}
