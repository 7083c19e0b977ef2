/**
 * A page that shows one public ranking snapshot (the printable report, a unit's public page, the
 * open data): the list of periods, then the snapshot of the period asked for — by default the
 * newest published, else the newest complete period (public-periods.ts) — in a tier, with the
 * methodology version it was scored with. Only the public route is called: aggregates only, the
 * same payload as the rankings page.
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import type { Methodology } from "@scorecard/shared/methodology/methodology";
import { type ApiClient, isNoSnapshot, orNothing } from "../lib/api.js";
import { methodologies, methodologyFor } from "../lib/methodology.js";
import { LoadSequence } from "../lib/page-state.svelte.js";
import { isPeriodId } from "../lib/periods.js";
import { type PublicMetaView, choosePublicPeriod, isComplete, isProvisional } from "../lib/public-periods.js";
import type { PublicRanking } from "../lib/public-ranking.js";
import type { RankedTier } from "./rankings.svelte.js";
import { Resource } from "./resource.svelte.js";

/** A public ranking and the methodology that names its columns (undefined: a version this build does not know). */
export async function fetchPublicRanking(api: ApiClient, query: { period: string; tier: RankedTier }, signal: AbortSignal): Promise<{ snapshot: PublicRanking; methodology: Methodology | undefined } | null> {
  // The registry's chunk loads while the ranking is on its way.
  void methodologies().catch(() => undefined);
  const snapshot = await orNothing<PublicRanking>(api.publicRanking(query, signal), isNoSnapshot);
  return snapshot ? { snapshot, methodology: await methodologyFor(snapshot.methodology).catch(() => undefined) } : null;
}

type Fetched = Awaited<ReturnType<typeof fetchPublicRanking>>;

/**
 * A public ranking asked for before it is known to be needed: `take` waits for it (a rejection is
 * the caller's, as a direct request's would be; the caller's signal cancels it), `cancel` drops it.
 */
export function startEarly(api: ApiClient, query: { period: string; tier: RankedTier }): { take: (signal: AbortSignal) => Promise<Fetched>; cancel: () => void } {
  const controller = new AbortController();
  const result = fetchPublicRanking(api, query, controller.signal).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return {
    take: async (signal) => {
      if (signal.aborted) controller.abort();
      else signal.addEventListener("abort", () => controller.abort(), { once: true });
      const r = await result;
      if (!r.ok) throw r.error;
      return r.value;
    },
    cancel: () => controller.abort(),
  };
}

export abstract class PublicSnapshotModel {
  readonly meta = new Resource<PublicMetaView>();
  /** null: no snapshot for that period and tier. */
  readonly snapshot = new Resource<PublicRanking | null>();
  /** The version the snapshot was scored with. */
  methodology = $state.raw<Methodology | undefined>(undefined);
  period = $state<string | null>(null);
  protected readonly api: ApiClient;
  protected readonly now: () => Date;
  readonly #loads = new LoadSequence();
  #key = "";

  /** The figures stop before the period's end. */
  readonly provisional: boolean = $derived(this.snapshot.data ? isProvisional(this.snapshot.data.period, this.snapshot.data.dataAsOf) : false);

  constructor(api: ApiClient, now: () => Date = () => new Date()) {
    this.api = api;
    this.now = now;
  }

  /** True when the period is not over (its option says so). */
  running = (period: string): boolean => !isComplete(period, this.now());

  /**
   * Loads the view `key` names: `period` (the default when absent or unknown) in `tier`. Returns the
   * period shown; undefined when nothing new was loaded (the same view, or a newer load began).
   */
  protected async loadSnapshot(
    key: string,
    period: string | undefined,
    tier: RankedTier,
    meta: () => Promise<PublicMeta>,
    empty: (snapshot: PublicRanking | null) => boolean,
  ): Promise<string | null | undefined> {
    if (key === this.#key) return undefined;
    this.#key = key;
    const live = this.#loads.begin();
    // A period the URL names is asked for together with the list of periods (as the rankings page
    // does): one round trip instead of two before the page can show anything. Used when the list
    // has it (nearly always); else dropped, and the default period asked for.
    const early = period !== undefined && isPeriodId(period) ? startEarly(this.api, { period, tier }) : null;
    await this.meta.load(() => meta());
    if (!live()) {
      early?.cancel();
      return undefined;
    }
    const chosen = choosePublicPeriod(this.meta.data, period, this.now());
    this.period = chosen;
    if (chosen !== period) early?.cancel();
    if (!chosen) {
      this.snapshot.set(null, "empty");
      return null;
    }
    await this.snapshot.load(async (signal) => {
      const r = early && chosen === period ? await early.take(signal) : await fetchPublicRanking(this.api, { period: chosen, tier }, signal);
      if (live()) this.methodology = r?.methodology;
      return r?.snapshot ?? null;
    }, empty);
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
