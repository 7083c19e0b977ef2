/**
 * The open-data page: the periods (the default one: published, else complete), and files made on
 * request from the public ranking of a period and tier (open-data.ts). One file at a time; the
 * answer says what happened (saved, nothing for that tier, failed).
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import type { Methodology } from "@scorecard/shared/methodology/methodology";
import type { ApiClient } from "../lib/api.js";
import { methodologyFor } from "../lib/methodology.js";
import { LoadSequence, type PagePhase } from "../lib/page-state.svelte.js";
import { type PublicMetaView, choosePublicPeriod, isComplete } from "../lib/public-periods.js";
import type { PublicRanking } from "../lib/public-ranking.js";
import { fetchPublicRanking } from "./public-snapshot.svelte.js";
import type { RankedTier } from "./rankings.svelte.js";
import { TIER_ORDER } from "./rankings.svelte.js";
import { Resource } from "./resource.svelte.js";

export type FileFormat = "csv" | "json";

export type FileOutcome =
  | { readonly kind: "busy"; readonly tier: RankedTier; readonly format: FileFormat }
  | { readonly kind: "saved"; readonly name: string }
  | { readonly kind: "none"; readonly tier: RankedTier }
  | { readonly kind: "failed" };

export class OpenDataModel {
  readonly meta = new Resource<PublicMetaView>();
  period = $state<string | null>(null);
  /** The methodology of the figures (the meta names it): the dictionary's columns. */
  methodology = $state.raw<Methodology | undefined>(undefined);
  outcome = $state.raw<FileOutcome | null>(null);
  readonly tiers: readonly RankedTier[] = $derived(TIER_ORDER.filter((t) => this.meta.data?.tiers.includes(t) ?? true));
  /** Set once the periods and the methodology are in (the page is then rendered). */
  loaded = $state(false);
  readonly phase: PagePhase = $derived(this.meta.phase !== "ready" ? this.meta.phase : !this.loaded ? "loading" : this.period ? "ready" : "empty");
  readonly #api: ApiClient;
  readonly #now: () => Date;
  readonly #loads = new LoadSequence();

  constructor(api: ApiClient, now: () => Date = () => new Date()) {
    this.#api = api;
    this.#now = now;
  }

  running = (period: string): boolean => !isComplete(period, this.#now());

  /** Loads the periods; returns the period shown (the one asked for, else the default). */
  async load(asked: string | undefined, meta: () => Promise<PublicMeta>): Promise<string | null | undefined> {
    const live = this.#loads.begin();
    await this.meta.load(() => meta());
    if (!live()) return undefined;
    const m = await methodologyFor(this.meta.data?.methodology).catch(() => undefined);
    if (!live()) return undefined;
    this.methodology = m;
    this.period = choosePublicPeriod(this.meta.data, asked, this.#now());
    this.outcome = null;
    this.loaded = true;
    return this.period;
  }

  /** Fetches a ranking and hands it to `save` (which builds and saves the file and returns its name). */
  async file(tier: RankedTier, format: FileFormat, save: (snapshot: PublicRanking, methodology: Methodology | undefined) => string): Promise<void> {
    const period = this.period;
    if (!period) return;
    this.outcome = { kind: "busy", tier, format };
    try {
      const r = await fetchPublicRanking(this.#api, { period, tier }, new AbortController().signal);
      this.outcome = r && r.snapshot.units.length > 0 ? { kind: "saved", name: save(r.snapshot, r.methodology) } : { kind: "none", tier };
    } catch {
      this.outcome = { kind: "failed" };
    }
  }

  dispose(): void {
    this.#loads.end();
    this.meta.dispose();
  }
}
