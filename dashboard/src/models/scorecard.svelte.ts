/**
 * A unit's scorecard page: the scorecard of a period, the live early-warning list, and the ratings
 * of the unit's head(s) and its reform index for that period (ratings.svelte.ts, loaded alongside
 * the scorecard, never before it). A unit officer may only open their own unit: another unit is
 * refused here, before any request, and the server refuses it again (403).
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import { type ApiClient, ApiProblemError, type RatingsApi, orNothing } from "../lib/api.js";
import type { DemoUser, UnitScorecard, UnitTrend, UnitWarnings } from "../lib/api-types.js";
import { LoadSequence, type PagePhase, choosePeriod } from "../lib/page-state.svelte.js";
import { yearOf } from "../lib/trend-view.js";
import { HeadRatingsModel, ReformIndexModel } from "./ratings.svelte.js";
import { Resource } from "./resource.svelte.js";

/** May this user open the drill-down of `unitId`? Unit officers: their own unit only. */
export const mayOpenUnit = (user: DemoUser | null, unitId: string): boolean =>
  user !== null && (user.role !== "unit-officer" || user.unitId === unitId);

export class ScorecardModel {
  readonly meta = new Resource<PublicMeta>();
  /** null: the unit has no scorecard in that period (an empty page, not an error). */
  readonly card = new Resource<UnitScorecard | null>();
  readonly warnings = new Resource<UnitWarnings>();
  /** The months of the selected period's year (its own section: an error there is not the page's). */
  readonly trend = new Resource<UnitTrend>();
  /** The unit's head(s) and its reform index in the period shown (their own sections, like the trend). */
  readonly heads: HeadRatingsModel;
  readonly reform: ReformIndexModel;
  forbidden = $state(false);
  unitId = $state<string | null>(null);
  period = $state<string | null>(null);

  /** The page's phase: the scorecard decides (the other sections have their own notices; ratings count once a period is chosen). */
  readonly phase: PagePhase;

  readonly #api: ApiClient;
  readonly #loads = new LoadSequence();
  #key = "";
  #trendKey = "";

  constructor(api: ApiClient, ratingsApi: RatingsApi) {
    this.#api = api;
    this.heads = new HeadRatingsModel(ratingsApi);
    this.reform = new ReformIndexModel(ratingsApi);
    this.phase = $derived(
      this.forbidden
        ? "ready"
        : this.meta.phase === "error"
          ? "error"
          : this.meta.phase === "loading"
            ? "loading"
            : [this.card, this.warnings, this.trend, ...(this.period ? [this.heads.ratings, this.reform.index] : [])].some((r) => r.phase === "loading")
              ? "loading"
              : this.card.phase,
    );
  }

  /**
   * Loads the scorecard of `unitId` for `period` (the newest scored period when absent). Returns
   * the period shown; undefined when nothing new was loaded (same view, or a newer load began).
   */
  async load(user: DemoUser | null, unitId: string, period: string | undefined, meta: () => Promise<PublicMeta>): Promise<string | null | undefined> {
    const key = `${unitId}|${period ?? ""}`;
    if (key === this.#key) return undefined;
    this.#key = key;
    const live = this.#loads.begin();
    this.unitId = unitId;
    this.forbidden = !mayOpenUnit(user, unitId);
    if (this.forbidden) {
      this.#forget();
      return null;
    }
    await this.meta.load(() => meta());
    if (!live()) return undefined;
    const chosen = choosePeriod(this.meta.data, period);
    this.period = chosen;
    if (chosen === null) {
      this.card.set(null, "empty");
      this.trend.set({ unitId, year: 0, methodology: "", points: [] }, "empty");
      return null;
    }
    this.#key = `${unitId}|${chosen}`;
    // The ratings sections load alongside the scorecard and are not waited for: neither the
    // scorecard nor the URL waits for them (the page's phase does, for its "ready" signal).
    const ratings = Promise.all([this.heads.load(chosen, { unitId }), this.reform.load(chosen, { unitId })]);
    await Promise.all([
      this.#loadTrend(unitId, yearOf(chosen)),
      this.card.load((signal) => orNothing(this.#api.unitScorecard(unitId, chosen, signal)), (d) => d === null),
      this.warnings.load((signal) => this.#api.unitWarnings(unitId, signal)),
    ]);
    if (!live()) return undefined;
    // The server refused (403: e.g. a stale session naming another unit): show nothing of the unit.
    this.#refusedBy([this.card, this.warnings, this.trend]);
    void ratings.then(() => {
      if (live()) this.#refusedBy([this.heads.ratings, this.reform.index]);
    });
    return chosen;
  }

  #refusedBy(resources: readonly Resource<unknown>[]): void {
    if (this.forbidden || !resources.some((r) => r.error instanceof ApiProblemError && r.error.status === 403)) return;
    this.forbidden = true;
    this.#forget();
  }

  /** Same unit and year as shown: no new request when only the period within the year changes. */
  #loadTrend(unitId: string, year: number | null): Promise<void> {
    const key = `${unitId}|${year}`;
    if (key === this.#trendKey && this.trend.phase !== "error") return Promise.resolve();
    this.#trendKey = key;
    if (year === null) {
      this.trend.set({ unitId, year: 0, methodology: "", points: [] }, "empty");
      return Promise.resolve();
    }
    return this.trend.load((signal) => this.#api.unitTrend(unitId, year, signal), (d) => d.points.length === 0);
  }

  #forget(): void {
    this.#trendKey = "";
    for (const r of [this.card, this.warnings, this.trend]) {
      r.dispose();
      r.data = null;
    }
    this.heads.clear();
    this.reform.clear();
  }

  retry(user: DemoUser | null, meta: () => Promise<PublicMeta>): Promise<string | null | undefined> {
    const unitId = this.unitId;
    const period = this.period ?? undefined;
    this.#key = "";
    return unitId ? this.load(user, unitId, period, meta) : Promise.resolve(null);
  }

  /** Asks again for the trend only (its own section's retry). */
  retryTrend(): Promise<void> {
    if (!this.unitId || !this.period || this.forbidden) return Promise.resolve();
    this.#trendKey = "";
    return this.#loadTrend(this.unitId, yearOf(this.period));
  }

  dispose(): void {
    this.#loads.end();
    this.meta.dispose();
    this.card.dispose();
    this.warnings.dispose();
    this.trend.dispose();
    this.heads.dispose();
    this.reform.dispose();
  }
}
