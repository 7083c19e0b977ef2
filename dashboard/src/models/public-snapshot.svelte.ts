/**
 * A page that shows one public ranking snapshot (the printable report, a unit's public page): the
 * list of periods, then the snapshot of the period asked for (the newest when absent) in a tier.
 * Only the public route is called: aggregates only, the same payload as the rankings page.
 */
import type { PublicMeta, RankingSnapshot } from "@scorecard/shared/contracts/api";
import { type ApiClient, isNoSnapshot, orNothing } from "../lib/api.js";
import { LoadSequence, choosePeriod } from "../lib/page-state.svelte.js";
import type { RankedTier } from "./rankings.svelte.js";
import { Resource } from "./resource.svelte.js";

export abstract class PublicSnapshotModel {
  readonly meta = new Resource<PublicMeta>();
  /** null: no snapshot for that period and tier. */
  readonly snapshot = new Resource<RankingSnapshot | null>();
  period = $state<string | null>(null);
  readonly #api: ApiClient;
  readonly #loads = new LoadSequence();
  #key = "";

  constructor(api: ApiClient) {
    this.#api = api;
  }

  /**
   * Loads the view `key` names: `period` (the newest when absent or unknown) in `tier`. Returns the
   * period shown; undefined when nothing new was loaded (the same view, or a newer load began).
   */
  protected async loadSnapshot(
    key: string,
    period: string | undefined,
    tier: RankedTier,
    meta: () => Promise<PublicMeta>,
    empty: (snapshot: RankingSnapshot | null) => boolean,
  ): Promise<string | null | undefined> {
    if (key === this.#key) return undefined;
    this.#key = key;
    const live = this.#loads.begin();
    await this.meta.load(() => meta());
    if (!live()) return undefined;
    const chosen = choosePeriod(this.meta.data, period);
    this.period = chosen;
    if (!chosen) {
      this.snapshot.set(null, "empty");
      return null;
    }
    await this.snapshot.load((signal) => orNothing(this.#api.publicRanking({ period: chosen, tier }, signal), isNoSnapshot), empty);
    return live() ? chosen : undefined;
  }

  /** The next load asks again, even for the same view (retry). */
  reset(): void {
    this.#key = "";
  }

  dispose(): void {
    this.#loads.end();
    this.meta.dispose();
    this.snapshot.dispose();
  }
}
