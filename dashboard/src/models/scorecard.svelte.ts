/**
 * A unit's scorecard page: the scorecard of a period and the live early-warning list. A unit
 * officer may only open their own unit: another unit is refused here, before any request, and the
 * server refuses it again (403).
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import { type ApiClient, ApiProblemError, orNothing } from "../lib/api.js";
import type { DemoUser, UnitScorecard, UnitTrend, UnitWarnings } from "../lib/api-types.js";
import { LoadSequence, type PagePhase, choosePeriod } from "../lib/page-state.svelte.js";
import { yearOf } from "../lib/trend-view.js";
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
  forbidden = $state(false);
  unitId = $state<string | null>(null);
  period = $state<string | null>(null);

  /** The page's phase: the scorecard decides (warnings have their own notice). */
  readonly phase: PagePhase = $derived(
    this.forbidden ? "ready" : this.meta.phase === "error" ? "error" : this.meta.phase === "loading" ? "loading" : this.card.phase === "loading" || this.warnings.phase === "loading" || this.trend.phase === "loading" ? "loading" : this.card.phase,
  );

  readonly #api: ApiClient;
  readonly #loads = new LoadSequence();
  #key = "";
  #trendKey = "";

  constructor(api: ApiClient) {
    this.#api = api;
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
    await Promise.all([
      this.#loadTrend(unitId, yearOf(chosen)),
      this.card.load((signal) => orNothing(this.#api.unitScorecard(unitId, chosen, signal)), (d) => d === null),
      this.warnings.load((signal) => this.#api.unitWarnings(unitId, signal)),
    ]);
    if (!live()) return undefined;
    // The server refused (403: e.g. a stale session naming another unit): show nothing of the unit.
    if ([this.card, this.warnings, this.trend].some((r) => r.error instanceof ApiProblemError && r.error.status === 403)) {
      this.forbidden = true;
      this.#forget();
    }
    return chosen;
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
  }
}
