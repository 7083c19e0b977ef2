/**
 * A unit's scorecard page (issue 19, items 4 and 6): the scorecard of a period, the unit's tier in
 * that period (its medians: where the unit is weaker than most), the live early-warning list, the
 * months of the year, and the ratings of the unit's head(s) and its reform index. The period is the
 * newest complete one in which the unit existed, unless the URL names another; a running period is
 * provisional. A unit that ended lands on its successor when there is one and the reader may open
 * it; otherwise on its own last period, with the reorganisation said. A unit officer may only open
 * their own unit: another unit is refused here, before any request, and by the server again (403).
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import { previousPeriod } from "@scorecard/shared/time/period";
import { type ApiClient, ApiProblemError, type RatingsApi, isNoSnapshot, orNothing } from "../lib/api.js";
import type { DemoUser, RankingView, UnitScorecard, UnitTrend, UnitWarnings } from "../lib/api-types.js";
import { type Methodology, methodologyFor } from "../lib/methodology.js";
import { LoadSequence, type PagePhase } from "../lib/page-state.svelte.js";
import { isPeriodId, parsePeriod } from "../lib/periods.js";
import type { PublicRankedUnit } from "../lib/public-ranking.js";
import { chooseSignedInPeriod, defaultSignedInPeriod, isRunning } from "../lib/signed-in-periods.js";
import { receivedAny, yearOf } from "../lib/unit-trend.js";
import { type Reorganisation, comparableRows, existedAtEnd, reorganisationOf, unitRecord } from "../lib/units.js";
import { HeadRatingsModel, ReformIndexModel } from "./ratings.svelte.js";
import { Resource } from "./resource.svelte.js";

/** May this user open the drill-down of `unitId`? Unit officers: their own unit only. */
export const mayOpenUnit = (user: DemoUser | null, unitId: string): boolean =>
  user !== null && (user.role !== "unit-officer" || user.unitId === unitId);

/** What a load shows: the canonical period, or another unit to go to instead (a successor). */
export type Shown = { readonly period: string } | { readonly redirect: { readonly unitId: string; readonly period: string } };

/** The previous period's figures the page compares with: the unit's own, or its one predecessor's. */
export interface Comparison {
  readonly period: string;
  readonly unit: PublicRankedUnit;
  /** The predecessor compared with; null when it is the unit itself. */
  readonly via: { readonly unitId: string; readonly nameVi: string; readonly nameEn: string } | null;
}

const orNull = async <T>(p: Promise<T>): Promise<T | null> => {
  try {
    return await p;
  } catch (e) {
    if (isNoSnapshot(e) || (e instanceof ApiProblemError && e.status === 404)) return null;
    throw e;
  }
};

export class ScorecardModel {
  readonly meta = new Resource<PublicMeta>();
  /** null: the unit has no scorecard in that period (an empty page, not an error). */
  readonly card = new Resource<UnitScorecard | null>();
  /** The unit's tier in the period (medians), and in the period before when the unit's id is new (its predecessor's row). */
  readonly tier = new Resource<{ readonly now: RankingView | null; readonly before: RankingView | null }>();
  readonly warnings = new Resource<UnitWarnings>();
  /** The months of the selected period's year (its own section: an error there is not the page's). */
  readonly trend = new Resource<UnitTrend>();
  /** The unit's head(s) and its reform index in the period shown (their own sections, like the trend). */
  readonly heads: HeadRatingsModel;
  readonly reform: ReformIndexModel;
  forbidden = $state(false);
  unitId = $state<string | null>(null);
  period = $state<string | null>(null);
  provisional = $state(false);
  /** The methodology the scorecard was scored with (names, units, directions, maxima). */
  methodology = $state.raw<Methodology | undefined>(undefined);
  named = $state(false);

  /** The reorganisation that matters for this unit in this period (ended, not yet, took over), from the catalog. */
  readonly reorganisation: Reorganisation | null = $derived(this.unitId && this.period ? reorganisationOf(this.unitId, this.period) : null);
  /** The unit has ended since (merged, dissolved): as of the newest complete period. */
  ended = $state.raw<Reorganisation | null>(null);
  /** The newest complete period the unit existed in (where an ended unit's page opens). */
  lastPeriod = $state<string | null>(null);
  /** The previous period's figures: the unit's own, else its one predecessor's (never one of several). */
  readonly comparison: Comparison | null = $derived.by(() => {
    const card = this.card.data;
    if (!card) return null;
    // A previous period in which the unit received no dossier (carried-over ones only) is nothing to compare with.
    if (card.previous?.unit) return receivedAny(card.previous.unit) ? { period: card.previous.period, unit: card.previous.unit, via: null } : null;
    const before = this.tier.data?.before;
    if (!before) return null;
    const { rows, viaPredecessor } = comparableRows(card.unit.unitId, new Map(before.units.map((u) => [u.unitId, u])));
    const only = rows.length === 1 ? rows[0] : undefined;
    return only && viaPredecessor && receivedAny(only) ? { period: before.period, unit: only, via: only } : null;
  });

  /** The page's phase: the scorecard decides (the other sections have their own notices; ratings count once a period is chosen). */
  readonly phase: PagePhase;

  readonly #api: ApiClient;
  readonly #now: () => Date;
  readonly #loads = new LoadSequence();
  #key = "";
  #trendKey = "";

  constructor(api: ApiClient, ratingsApi: RatingsApi, now: () => Date = () => new Date()) {
    this.#api = api;
    this.#now = now;
    this.heads = new HeadRatingsModel(ratingsApi);
    this.reform = new ReformIndexModel(ratingsApi);
    this.phase = $derived(
      this.forbidden
        ? "ready"
        : this.meta.phase === "error"
          ? "error"
          : this.meta.phase === "loading"
            ? "loading"
            : [this.card, this.tier, this.warnings, this.trend, ...(this.period ? [this.heads.ratings, this.reform.index] : [])].some((r) => r.phase === "loading") ||
                (this.card.phase === "ready" && !this.named)
              ? "loading"
              : this.card.phase,
    );
  }

  /**
   * Loads the scorecard of `unitId` for `period` (the newest complete period the unit existed in
   * when absent). Answers the period shown, or the successor to go to; undefined when nothing new
   * was loaded (same view, or a newer load began).
   */
  async load(user: DemoUser | null, unitId: string, period: string | undefined, meta: () => Promise<PublicMeta>): Promise<Shown | null | undefined> {
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
    const now = this.#now();
    // A unit that ended before the newest complete period: its successor, when there is one the reader may open.
    if (period === undefined) {
      const latest = defaultSignedInPeriod(this.meta.data, now);
      const r = latest ? reorganisationOf(unitId, latest) : null;
      const next = r?.kind === "ended" && r.successors.length === 1 ? r.successors[0] : undefined;
      if (latest && next && mayOpenUnit(user, next.unitId)) return { redirect: { unitId: next.unitId, period: latest } };
    }
    const latest = defaultSignedInPeriod(this.meta.data, now);
    const since = latest ? reorganisationOf(unitId, latest) : null;
    this.ended = since?.kind === "ended" ? since : null;
    this.lastPeriod = defaultSignedInPeriod(this.meta.data, now, (p) => existedAtEnd(unitId, p));
    const chosen = chooseSignedInPeriod(this.meta.data, period, now, (p) => existedAtEnd(unitId, p));
    this.period = chosen;
    this.provisional = chosen !== null && isRunning(chosen, now);
    if (chosen === null) {
      this.card.set(null, "empty");
      this.tier.set({ now: null, before: null }, "empty");
      this.trend.set({ unitId, year: 0, methodology: "", points: [] }, "empty");
      this.warnings.set({ unitId, asOf: "", overdue: [], dueSoon: [], dueSoonUntil: "", paused: [], consultations: [] }, "empty");
      return null;
    }
    this.#key = `${unitId}|${chosen}`;
    this.named = false;
    // The ratings sections load alongside the scorecard and are not waited for: neither the
    // scorecard nor the URL waits for them (the page's phase does, for its "ready" signal).
    const ratings = Promise.all([this.heads.load(chosen, { unitId }), this.reform.load(chosen, { unitId })]);
    const tier = unitRecord(unitId)?.tier;
    await Promise.all([
      this.#loadTrend(unitId, yearOf(chosen)),
      this.card.load((signal) => orNothing(this.#api.unitScorecard(unitId, chosen, signal)), (d) => d === null),
      this.warnings.load((signal) => this.#api.unitWarnings(unitId, signal)),
    ]);
    if (!live()) return undefined;
    // The tier: from the catalog, else the scorecard's own; the period before only when the unit's id is new.
    const card = this.card.data;
    const tierId = (card?.unit.tier ?? tier) as RankingView["tier"] | undefined;
    const needBefore = card !== null && card !== undefined && !card.previous?.unit && isPeriodId(chosen);
    const [m] = await Promise.all([
      methodologyFor(card?.methodology ?? this.meta.data?.methodology).catch(() => undefined),
      tierId
        ? this.tier.load(async (signal) => {
            const [now, before] = await Promise.all([
              orNull(this.#api.ranking({ period: chosen, tier: tierId }, signal)),
              needBefore ? orNull(this.#api.ranking({ period: previousPeriod(parsePeriod(chosen)).id, tier: tierId }, signal)) : Promise.resolve(null),
            ]);
            return { now, before };
          })
        : Promise.resolve(this.tier.set({ now: null, before: null })),
    ]);
    if (!live()) return undefined;
    this.methodology = m;
    this.named = true;
    // The server refused (403: e.g. a stale session naming another unit): show nothing of the unit.
    this.#refusedBy([this.card, this.warnings, this.trend]);
    void ratings.then(() => {
      if (live()) this.#refusedBy([this.heads.ratings, this.reform.index]);
    });
    return { period: chosen };
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
    for (const r of [this.card, this.tier, this.warnings, this.trend]) {
      r.dispose();
      r.data = null;
    }
    this.heads.clear();
    this.reform.clear();
  }

  retry(user: DemoUser | null, meta: () => Promise<PublicMeta>): Promise<Shown | null | undefined> {
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
    this.tier.dispose();
    this.warnings.dispose();
    this.trend.dispose();
    this.heads.dispose();
    this.reform.dispose();
  }
}
