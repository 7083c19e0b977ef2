/**
 * State of the rankings page: the API's data as `$state.raw` (replaced, never mutated), the
 * table's shape as `$derived` views. No DOM, no URL: AppModel wires those.
 */
import type { LatestPeriod, PublicMeta, RankedUnit, RankingSnapshot } from "@scorecard/shared/contracts/api";
import type { Tier } from "@scorecard/shared/units/unit";
import { type ApiClient, type ApiError, NetworkError, ApiProblemError, isAbortError, isNoSnapshot } from "../lib/api.js";
import { isPeriodId } from "../lib/periods.js";
import { countKeys, indicatorCodes, rankedRows, totalMax } from "../lib/ranking-view.js";

/** Tiers this page ranks, in tab order. */
export const TIER_ORDER = ["DEPARTMENT", "DISTRICT", "COMMUNE", "VERTICAL"] as const satisfies readonly Tier[];
export type RankedTier = (typeof TIER_ORDER)[number];
export const DEFAULT_TIER: RankedTier = "DEPARTMENT";

const isRankedTier = (v: unknown): v is RankedTier => (TIER_ORDER as readonly unknown[]).includes(v);
const LATEST: LatestPeriod = "latest";

type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** A promise that never rejects (so one started early cannot go unhandled). */
const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

export interface ViewRequest {
  readonly period: string | undefined;
  readonly tier: string | undefined;
}

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

  /**
   * The selection a requested view stands for: an unknown period falls back to the newest one,
   * an unknown tier to DEPARTMENT (or the first tier offered). Null when no period exists.
   */
  resolve(query: ViewRequest): Selection | null {
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
    await this.#present(settle(this.#api.publicRanking(selection, controller.signal)), controller);
  }

  /**
   * First load: the list of periods and, at the same time, the ranking the URL names (when it
   * names a well-formed one) or, when it names no period, the newest period's (`period=latest`),
   * so the page does not wait for two round trips in a row.
   * Returns the selection shown, null when there is no period at all, undefined on failure.
   */
  async open(query: ViewRequest): Promise<Selection | null | undefined> {
    const controller = this.#begin();
    const guess =
      query.period === undefined
        ? { period: LATEST, tier: isRankedTier(query.tier) ? query.tier : DEFAULT_TIER }
        : isPeriodId(query.period) && isRankedTier(query.tier)
          ? { period: query.period, tier: query.tier }
          : null;
    const early = guess ? settle(this.#api.publicRanking(guess, controller.signal)) : null;
    try {
      const meta = await this.#api.publicMeta(controller.signal);
      if (controller.signal.aborted) return undefined;
      this.meta = meta;
    } catch (e) {
      if (!controller.signal.aborted && !isAbortError(e)) this.#fail(e);
      return undefined;
    }
    const selection = this.resolve(query);
    if (!selection) {
      this.showNothing();
      return null;
    }
    const latest = guess?.period === LATEST && selection.period === this.periods[0];
    if (early && (guess?.period === selection.period || latest) && guess?.tier === selection.tier) {
      this.selection = selection;
      // `latest` names its period in the answer: one scored in between is asked for by name.
      const answer = await early;
      if (latest && answer.ok && answer.value.period !== selection.period) await this.show(selection);
      else await this.#present(Promise.resolve(answer), controller);
    } else {
      await this.show(selection);
    }
    return selection;
  }

  async #present(result: Promise<Settled<RankingSnapshot>>, controller: AbortController): Promise<void> {
    const r = await result;
    if (controller.signal.aborted) return;
    if (r.ok) {
      this.snapshot = r.value;
      this.phase = r.value.units.length > 0 ? "ready" : "empty";
    } else if (isAbortError(r.error)) {
      return;
    } else if (isNoSnapshot(r.error)) {
      this.snapshot = null;
      this.phase = "empty";
    } else {
      this.#fail(r.error);
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
