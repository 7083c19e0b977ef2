/**
 * A unit's public page: the unit's row of the public ranking snapshot (aggregates only — the
 * same payload as the rankings page; no role-checked route is ever called from here).
 */
import type { PublicMeta, RankedUnit, RankingSnapshot } from "@scorecard/shared/contracts/api";
import { type ApiClient, isNoSnapshot } from "../lib/api.js";
import { LoadSequence, type PagePhase, choosePeriod } from "../lib/page-state.svelte.js";
import { Resource } from "./resource.svelte.js";
import { DEFAULT_TIER, TIER_ORDER, type RankedTier } from "./rankings.svelte.js";

const PREFIX: Readonly<Record<string, RankedTier>> = { DEPT: "DEPARTMENT", DIST: "DISTRICT", COM: "COMMUNE", VERT: "VERTICAL" };

/** The tier a unit id belongs to, by its prefix (DEPT-, DIST-, COM-, VERT-). */
export const tierOfUnitId = (unitId: string): RankedTier => PREFIX[unitId.split("-")[0] ?? ""] ?? DEFAULT_TIER;

export class PublicUnitModel {
  readonly meta = new Resource<PublicMeta>();
  readonly snapshot = new Resource<RankingSnapshot | null>();
  period = $state<string | null>(null);
  unitId = $state("");
  readonly unit: RankedUnit | null = $derived(this.snapshot.data?.units.find((u) => u.unitId === this.unitId) ?? null);
  readonly ranked: number = $derived(this.snapshot.data?.units.filter((u) => u.rank !== null).length ?? 0);
  readonly phase: PagePhase = $derived(
    this.meta.phase === "error" ? "error" : this.meta.phase === "loading" ? "loading" : this.snapshot.phase === "ready" && !this.unit ? "empty" : this.snapshot.phase,
  );
  readonly #api: ApiClient;
  readonly #loads = new LoadSequence();
  #key = "";

  constructor(api: ApiClient) {
    this.#api = api;
  }

  async load(unitId: string, period: string | undefined, tier: string | undefined, meta: () => Promise<PublicMeta>): Promise<string | null | undefined> {
    const key = `${unitId}|${period ?? ""}|${tier ?? ""}`;
    if (key === this.#key) return undefined;
    this.#key = key;
    const live = this.#loads.begin();
    this.unitId = unitId;
    await this.meta.load(() => meta());
    if (!live()) return undefined;
    const chosen = choosePeriod(this.meta.data, period);
    this.period = chosen;
    if (!chosen) {
      this.snapshot.set(null, "empty");
      return null;
    }
    const t = (TIER_ORDER as readonly string[]).includes(tier ?? "") ? (tier as RankedTier) : tierOfUnitId(unitId);
    await this.snapshot.load(
      (signal) =>
        this.#api.publicRanking({ period: chosen, tier: t }, signal).catch((e: unknown) => {
          if (isNoSnapshot(e)) return null;
          throw e;
        }),
      (d) => d === null,
    );
    return live() ? chosen : undefined;
  }

  reset(): void {
    this.#key = "";
  }

  dispose(): void {
    this.#loads.end();
    this.meta.dispose();
    this.snapshot.dispose();
  }
}
