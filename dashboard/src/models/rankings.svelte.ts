/**
 * State of the rankings page: the API's data as `$state.raw` (replaced, never mutated), the
 * table's shape as `$derived` views. No DOM, no URL: AppModel wires those.
 */
import type { PublicMeta, RankedUnit, RankingSnapshot } from "@scorecard/shared/contracts/api";
import type { Tier } from "@scorecard/shared/units/unit";
import { type ApiClient, type ApiError, NetworkError, ApiProblemError, isAbortError, isNoSnapshot } from "../lib/api.js";
import { countKeys, indicatorCodes, rankedRows, totalMax } from "../lib/ranking-view.js";

/** Tiers this page ranks, in tab order. */
export const TIER_ORDER = ["DEPARTMENT", "DISTRICT", "COMMUNE", "VERTICAL"] as const satisfies readonly Tier[];
export type RankedTier = (typeof TIER_ORDER)[number];
export const DEFAULT_TIER: RankedTier = "DEPARTMENT";

const isRankedTier = (v: unknown): v is RankedTier => (TIER_ORDER as readonly unknown[]).includes(v);

export interface Selection {
  readonly period: string;
  readonly tier: RankedTier;
}

/**
 * loading: fetching (the previous snapshot, if any, stays visible, marked busy);
 * ready: a snapshot with units is shown; empty: nothing computed for the selection (or no period
 * at all); error: the last request failed (`error` says why).
 */
export type Phase = "loading" | "ready" | "empty" | "error";

function toApiError(e: unknown): ApiError {
  if (e instanceof ApiProblemError || e instanceof NetworkError) return e;
  return new NetworkError(e instanceof Error ? e.message : String(e), { cause: e });
}

export class RankingsModel {
  meta = $state.raw<PublicMeta | null>(null);
  snapshot = $state.raw<RankingSnapshot | null>(null);
  /** The selection shown or being loaded; null until meta is known (or when there is no period). */
  selection = $state.raw<Selection | null>(null);
  phase = $state<Phase>("loading");
  error = $state.raw<ApiError | null>(null);

  readonly tiers: readonly RankedTier[] = $derived(TIER_ORDER.filter((t) => this.meta?.tiers.includes(t) ?? false));
  readonly periods: readonly string[] = $derived(this.meta?.periods ?? []);
  readonly rows: readonly RankedUnit[] = $derived(rankedRows(this.snapshot?.units ?? []));
  readonly indicatorCodes: readonly string[] = $derived(indicatorCodes(this.snapshot?.units ?? []));
  readonly countKeys: readonly string[] = $derived(countKeys(this.snapshot?.units ?? []));
  readonly totalMax: number | null = $derived(totalMax(this.snapshot?.units ?? []));

  readonly #api: ApiClient;
  #controller: AbortController | null = null;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** Loads the list of periods and tiers; false (and phase "error") when it fails. */
  async loadMeta(): Promise<boolean> {
    const controller = this.#begin();
    try {
      const meta = await this.#api.publicMeta(controller.signal);
      if (controller.signal.aborted) return false;
      this.meta = meta;
      return true;
    } catch (e) {
      if (!controller.signal.aborted && !isAbortError(e)) this.#fail(e);
      return false;
    }
  }

  /**
   * The selection a requested view stands for: an unknown period falls back to the newest one,
   * an unknown tier to DEPARTMENT (or the first tier offered). Null when no period exists.
   */
  resolve(query: { readonly period: string | undefined; readonly tier: string | undefined }): Selection | null {
    const periods = this.periods;
    const period = query.period !== undefined && periods.includes(query.period) ? query.period : periods[0];
    const tiers = this.tiers.length > 0 ? this.tiers : TIER_ORDER;
    const fallbackTier = tiers.includes(DEFAULT_TIER) ? DEFAULT_TIER : (tiers[0] ?? DEFAULT_TIER);
    const tier = isRankedTier(query.tier) && tiers.includes(query.tier) ? query.tier : fallbackTier;
    return period === undefined ? null : { period, tier };
  }

  /** Shows "no period has been scored" (meta loaded, but empty). */
  showNothing(): void {
    this.#controller?.abort();
    this.selection = null;
    this.snapshot = null;
    this.error = null;
    this.phase = "empty";
  }

  /** Fetches and shows the ranking of a selection; a newer call cancels an older one. */
  async show(selection: Selection): Promise<void> {
    const controller = this.#begin();
    this.selection = selection;
    try {
      const snapshot = await this.#api.publicRanking(selection, controller.signal);
      if (controller.signal.aborted) return;
      this.snapshot = snapshot;
      this.phase = snapshot.units.length > 0 ? "ready" : "empty";
    } catch (e) {
      if (controller.signal.aborted || isAbortError(e)) return;
      if (isNoSnapshot(e)) {
        this.snapshot = null;
        this.phase = "empty";
        return;
      }
      this.#fail(e);
    }
  }

  /** Cancels any request in flight (component teardown). */
  dispose(): void {
    this.#controller?.abort();
    this.#controller = null;
  }

  #begin(): AbortController {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.error = null;
    this.phase = "loading";
    return controller;
  }

  #fail(e: unknown): void {
    this.snapshot = null;
    this.error = toApiError(e);
    this.phase = "error";
  }
}
