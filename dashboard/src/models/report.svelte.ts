/** The printable report of a tier and period: the public ranking snapshot (no sign-in needed to print it). */
import type { PublicMeta, RankedUnit, RankingSnapshot } from "@scorecard/shared/contracts/api";
import { type ApiClient, isNoSnapshot } from "../lib/api.js";
import { LoadSequence, type PagePhase, choosePeriod } from "../lib/page-state.svelte.js";
import { rankedRows } from "../lib/ranking-view.js";
import { type ProvinceTotals, provinceTotals } from "./overview.svelte.js";
import { Resource } from "./resource.svelte.js";
import { DEFAULT_TIER, TIER_ORDER, type RankedTier } from "./rankings.svelte.js";

export class ReportModel {
  readonly meta = new Resource<PublicMeta>();
  readonly snapshot = new Resource<RankingSnapshot | null>();
  period = $state<string | null>(null);
  tier = $state<RankedTier>(DEFAULT_TIER);
  readonly rows: readonly RankedUnit[] = $derived(rankedRows(this.snapshot.data?.units ?? []));
  readonly totals: ProvinceTotals = $derived(provinceTotals([{ tier: this.tier, current: this.snapshot.data, previous: null }]));
  readonly phase: PagePhase = $derived(this.meta.phase === "error" ? "error" : this.meta.phase === "loading" ? "loading" : this.snapshot.phase);
  readonly #api: ApiClient;
  readonly #loads = new LoadSequence();
  #key = "";

  constructor(api: ApiClient) {
    this.#api = api;
  }

  async load(period: string | undefined, tier: string | undefined, meta: () => Promise<PublicMeta>): Promise<string | null | undefined> {
    const key = `${period ?? ""}|${tier ?? ""}`;
    if (key === this.#key) return undefined;
    this.#key = key;
    const live = this.#loads.begin();
    this.tier = (TIER_ORDER as readonly string[]).includes(tier ?? "") ? (tier as RankedTier) : DEFAULT_TIER;
    await this.meta.load(() => meta());
    if (!live()) return undefined;
    const chosen = choosePeriod(this.meta.data, period);
    this.period = chosen;
    if (!chosen) {
      this.snapshot.set(null, "empty");
      return null;
    }
    const t = this.tier;
    await this.snapshot.load(
      (signal) =>
        this.#api.publicRanking({ period: chosen, tier: t }, signal).catch((e: unknown) => {
          if (isNoSnapshot(e)) return null;
          throw e;
        }),
      (d) => d === null || d.units.length === 0,
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
