/**
 * State of the rankings page: the API's data as `$state.raw` (replaced, never mutated), the
 * table's shape as `$derived` views. No DOM, no URL: AppModel wires those.
 *
 * Which period (issue 19, item 4): the newest published period, else the newest complete one
 * (public-periods.ts), never the month still running unless the reader asks for it — then it is
 * labelled provisional. The methodology the snapshot was scored with names every column; its chunk
 * is asked for together with the data.
 */
import type { Methodology } from "@scorecard/shared/methodology/methodology";
import type { Tier } from "@scorecard/shared/units/unit";
import { type ApiClient, type ApiError, NetworkError, ApiProblemError, isAbortError, isNoSnapshot } from "../lib/api.js";
import { methodologies, methodologyFor } from "../lib/methodology.js";
import { isPeriodId } from "../lib/periods.js";
import { type PublicMetaView, choosePublicPeriod, isComplete, isProvisional, lastCompleteMonth } from "../lib/public-periods.js";
import type { PublicRankedUnit, PublicRanking } from "../lib/public-ranking.js";
import type { ColumnSet } from "../lib/ranking-columns.js";
import { rankedRows } from "../lib/ranking-view.js";
import { filterByQuery } from "../lib/search.js";

/** Tiers this page ranks, in tab order. */
export const TIER_ORDER = ["DEPARTMENT", "DISTRICT", "COMMUNE", "VERTICAL"] as const satisfies readonly Tier[];
export type RankedTier = (typeof TIER_ORDER)[number];
export const DEFAULT_TIER: RankedTier = "DEPARTMENT";
/** A list longer than this shows its first `FIRST_ROWS` rows until the reader asks for all. */
export const LONG_LIST = 40;
export const FIRST_ROWS = 30;

const isRankedTier = (v: unknown): v is RankedTier => (TIER_ORDER as readonly unknown[]).includes(v);

/** How long a ranking fetched by this page is shown again without a request: the public route's max-age. */
export const RECENT_MS = 60_000;

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

const keyOf = (s: Selection) => `${s.period}/${s.tier}`;

function toApiError(e: unknown): ApiError {
  if (e instanceof ApiProblemError || e instanceof NetworkError) return e;
  return new NetworkError(e instanceof Error ? e.message : String(e), { cause: e });
}

export class RankingsModel {
  meta = $state.raw<PublicMetaView | null>(null);
  snapshot = $state.raw<PublicRanking | null>(null);
  /** The version the snapshot was scored with; undefined while loading or when this build does not know it. */
  methodology = $state.raw<Methodology | undefined>(undefined);
  /** The selection shown or being loaded; null until meta is known (or when there is no period to open on). */
  selection = $state.raw<Selection | null>(null);
  phase = $state<Phase>("loading");
  error = $state.raw<ApiError | null>(null);
  /** The reader's search (diacritics-insensitive) and the columns the table shows. */
  query = $state("");
  columnSet = $state<ColumnSet>("summary");
  /** A long tier (95 communes) shows its first rows until the reader asks for all (or searches). */
  expanded = $state(false);

  readonly tiers: readonly RankedTier[] = $derived(TIER_ORDER.filter((t) => this.meta?.tiers.includes(t) ?? false));
  readonly periods: readonly string[] = $derived(this.meta?.periods ?? []);
  readonly rows: readonly PublicRankedUnit[] = $derived(rankedRows(this.snapshot?.units ?? []));
  /** The rows whose name matches the search (all of them when it is blank). */
  readonly found: readonly PublicRankedUnit[] = $derived(filterByQuery(this.rows, this.query, (u) => [u.nameVi, u.nameEn]));
  /** The rows the table shows: those found, the first `FIRST_ROWS` of a long list unless expanded. */
  readonly shown: readonly PublicRankedUnit[] = $derived(this.expanded || this.found.length <= LONG_LIST ? this.found : this.found.slice(0, FIRST_ROWS));
  /** The figures stop before the period's end: a provisional ranking. */
  readonly provisional: boolean = $derived(this.snapshot !== null && isProvisional(this.snapshot.period, this.snapshot.dataAsOf));
  /** Periods listed but none over: nothing to open on. */
  readonly nothingComplete: boolean = $derived(this.periods.length > 0 && this.selection === null && this.phase === "empty");

  readonly #api: ApiClient;
  readonly #now: () => Date;
  #controller: AbortController | null = null;
  /** Rankings fetched by this page, by period and tier, with when they arrived. */
  readonly #recent = new Map<string, { readonly at: number; readonly value: PublicRanking }>();

  constructor(api: ApiClient, now: () => Date = () => new Date()) {
    this.#api = api;
    this.#now = now;
  }

  /** True when the period is not over (its option in the selector says so). */
  running = (period: string): boolean => !isComplete(period, this.#now());

  /**
   * The selection a requested view stands for: an unknown period falls back to the default (the
   * newest published, else the newest complete period), an unknown tier to DEPARTMENT (or the
   * first tier offered). Null when there is no period to open on.
   */
  resolve(query: ViewRequest): Selection | null {
    const period = choosePublicPeriod(this.meta, query.period, this.#now()) ?? undefined;
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

  /**
   * Fetches and shows the ranking of a selection; a newer call cancels an older one. A ranking
   * fetched in the last minute (the route's max-age) is shown again from memory: a tab or period
   * switch back needs neither the network process nor a JSON parse (issue 19, item 11).
   */
  async show(selection: Selection): Promise<void> {
    const controller = this.#begin();
    this.selection = selection;
    const recent = this.#recent.get(keyOf(selection));
    const answer = recent && this.#now().getTime() - recent.at < RECENT_MS ? Promise.resolve({ ok: true as const, value: recent.value }) : this.#fetch(selection, controller.signal);
    await this.#present(answer, controller);
  }

  /** The ranking of a selection from the API, kept in `#recent` when it arrives. */
  #fetch(selection: Selection, signal: AbortSignal): Promise<Settled<PublicRanking>> {
    return settle(
      this.#api.publicRanking(selection, signal).then((value) => {
        this.#recent.set(keyOf(selection), { at: this.#now().getTime(), value });
        return value;
      }),
    );
  }

  setQuery(query: string): void {
    this.query = query;
  }

  setColumnSet(set: ColumnSet): void {
    this.columnSet = set;
  }

  setExpanded(expanded: boolean): void {
    this.expanded = expanded;
  }

  /**
   * First load: the list of periods and, at the same time, the ranking the URL names (when it
   * names a well-formed one) or, when it names no period, the last month's — the default whenever
   * it has been scored and nothing newer is published — and the methodology's chunk, so the page
   * does not wait for two round trips in a row.
   * Returns the selection shown, null when there is no period to open on, undefined on failure.
   */
  async open(query: ViewRequest): Promise<Selection | null | undefined> {
    const controller = this.#begin();
    void methodologies().catch(() => undefined);
    const guess =
      query.period === undefined
        ? { period: lastCompleteMonth(this.#now()), tier: isRankedTier(query.tier) ? query.tier : DEFAULT_TIER }
        : isPeriodId(query.period) && isRankedTier(query.tier)
          ? { period: query.period, tier: query.tier }
          : null;
    const early = guess ? this.#fetch(guess, controller.signal) : null;
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
    if (early && guess?.period === selection.period && guess.tier === selection.tier) {
      this.selection = selection;
      await this.#present(early, controller);
    } else {
      await this.show(selection);
    }
    return selection;
  }

  async #present(result: Promise<Settled<PublicRanking>>, controller: AbortController): Promise<void> {
    const r = await result;
    if (controller.signal.aborted) return;
    if (r.ok) {
      // Named by the version it was scored with (undefined: a version this build does not know; codes then).
      const m = await methodologyFor(r.value.methodology).catch(() => undefined);
      if (controller.signal.aborted) return;
      this.methodology = m;
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
