/**
 * The chairman's overview (issue 19, item 5): every tier's working ranking for a period and for the
 * period before (for the change, through the successor chain when a unit's id is new), the live
 * early-warning counts, and the methodology the ranking was scored with (names, units, maxima).
 * The period is the newest complete one unless the URL names another; a running period is shown
 * provisional. Views are derived from what the server sends; what it does not send is reported as
 * missing, never invented.
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import { previousPeriod } from "@scorecard/shared/time/period";
import { type ApiClient, ApiProblemError, type RatingsApi, isNoSnapshot } from "../lib/api.js";
import type { RankingView, WarningSummary } from "../lib/api-types.js";
import { type Methodology, methodologyFor } from "../lib/methodology.js";
import { LoadSequence, type PagePhase } from "../lib/page-state.svelte.js";
import { isPeriodId, parsePeriod } from "../lib/periods.js";
import { rankedRows } from "../lib/ranking-view.js";
import type { Params } from "../lib/router.js";
import { chooseSignedInPeriod, isRunning } from "../lib/signed-in-periods.js";
import { type HeadlineTile, type LateRate, type Unit, type UnitChange, headline, lateRates, unitChange } from "../lib/overview-view.js";
import { groupMedians } from "../lib/weak-points.js";
import { DEFAULT_TIER, type RankedTier, TIER_ORDER } from "./rankings.svelte.js";
import { HeadRatingsModel, ReformIndexModel } from "./ratings.svelte.js";
import { Resource } from "./resource.svelte.js";

export interface TierRankings {
  readonly tier: RankedTier;
  readonly current: RankingView | null;
  readonly previous: RankingView | null;
}

export interface UnitIndicatorRow {
  readonly unit: Unit;
  readonly values: Readonly<Record<string, { numerator: number | null; denominator: number | null; ratio: number | null } | undefined>>;
}

/** Dossiers a unit needs before its late rate is compared with others'. */
export const LATE_RATE_MIN_CASES = 10;

const orNull = async <T>(p: Promise<T>): Promise<T | null> => {
  try {
    return await p;
  } catch (e) {
    if (isNoSnapshot(e) || (e instanceof ApiProblemError && e.status === 404)) return null;
    throw e;
  }
};

/** Units carrying any of `codes` (with data), with those indicators, sorted by `sort`. */
export function withIndicators(
  rankings: readonly TierRankings[],
  codes: readonly string[],
  sort: (a: UnitIndicatorRow, b: UnitIndicatorRow) => number,
  tiers: readonly string[] = TIER_ORDER,
): UnitIndicatorRow[] {
  return rankings
    .filter((r) => tiers.includes(r.tier))
    .flatMap((r) => r.current?.units ?? [])
    .filter((u) => codes.some((c) => u.indicators[c] && u.indicators[c].status !== "no-data"))
    .map((unit) => ({ unit, values: Object.fromEntries(codes.map((c) => [c, unit.indicators[c]])) }))
    .sort(sort);
}

const isRankedTier = (v: unknown): v is RankedTier => (TIER_ORDER as readonly unknown[]).includes(v);

export class OverviewModel {
  readonly meta = new Resource<PublicMeta>();
  readonly rankings = new Resource<readonly TierRankings[]>();
  readonly warnings = new Resource<WarningSummary>();
  period = $state<string | null>(null);
  tier = $state<RankedTier>(DEFAULT_TIER);
  /** The methodology the shown ranking was scored with; undefined while loading or when this build does not know it. */
  methodology = $state.raw<Methodology | undefined>(undefined);
  /** The unit whose six groups are drawn against the tier median (null: the tier's weakest). */
  chosenUnit = $state<string | null>(null);
  /** The methodology of the period's ranking has been looked up (names and maxima can be shown). */
  named = $state(false);

  readonly phase: PagePhase = $derived(
    this.meta.phase === "error" || this.rankings.phase === "error"
      ? "error"
      : this.meta.phase === "loading" || this.rankings.phase === "loading" || this.warnings.phase === "loading" || (this.rankings.phase === "ready" && !this.named)
        ? "loading"
        : this.rankings.phase,
  );
  readonly tiers: readonly TierRankings[] = $derived(this.rankings.data ?? []);
  /** The tiers with a ranking in the period (district committees end on 30 June 2025). */
  readonly tierTabs: readonly RankedTier[] = $derived.by(() => {
    const shown = this.tiers.filter((r) => (r.current?.units.length ?? 0) > 0).map((r) => r.tier);
    return shown.includes(this.tier) ? shown : [...shown, this.tier].sort((a, b) => TIER_ORDER.indexOf(a) - TIER_ORDER.indexOf(b));
  });
  readonly selected: TierRankings | null = $derived(this.tiers.find((r) => r.tier === this.tier) ?? null);
  readonly current: RankingView | null = $derived(this.selected?.current ?? null);
  readonly rows: readonly Unit[] = $derived(rankedRows(this.current?.units ?? []));
  /** The period is not over: its figures are provisional. */
  provisional = $state(false);
  readonly headline: readonly HeadlineTile[] = $derived(
    headline(this.tiers.flatMap((r) => r.current?.units ?? []), this.tiers.some((r) => r.previous) ? this.tiers.flatMap((r) => r.previous?.units ?? []) : null),
  );
  readonly changes: ReadonlyMap<string, UnitChange> = $derived.by(() => {
    const before = new Map((this.selected?.previous?.units ?? []).map((u) => [u.unitId, u as Unit]));
    return new Map(this.rows.map((u) => [u.unitId, unitChange(u, before)]));
  });
  readonly lateRates: readonly LateRate[] = $derived(lateRates(this.tiers.flatMap((r) => r.current?.units ?? []), LATE_RATE_MIN_CASES));
  readonly medians: Readonly<Record<string, number | null>> = $derived(this.methodology ? groupMedians(this.rows, this.methodology) : {});
  /** The unit of the group profile: the one chosen, else the tier's last ranked. */
  readonly profileUnit: Unit | null = $derived(
    this.rows.find((u) => u.unitId === this.chosenUnit) ?? [...this.rows].reverse().find((u) => u.rank !== null) ?? this.rows[0] ?? null,
  );
  readonly delay: readonly UnitIndicatorRow[] = $derived(withIndicators(this.tiers, ["R7"], (a, b) => (b.values.R7?.ratio ?? 0) - (a.values.R7?.ratio ?? 0)).slice(0, 10));
  readonly consultation: readonly UnitIndicatorRow[] = $derived(
    withIndicators(this.tiers, ["R5", "R5D"], (a, b) => (a.values.R5?.ratio ?? 1) - (b.values.R5?.ratio ?? 1), ["VERTICAL"]).slice(0, 10),
  );
  readonly complex: readonly UnitIndicatorRow[] = $derived(
    withIndicators(this.tiers, ["R9_R1", "R9_R2", "R9_R3", "R9_R4"], (a, b) => (b.values.R9_R1?.ratio ?? 0) - (a.values.R9_R1?.ratio ?? 0)).slice(0, 10),
  );

  /** The tier's heads of unit and reform index in the period (their own sections, loaded alongside). */
  readonly heads: HeadRatingsModel;
  readonly reform: ReformIndexModel;

  readonly #api: ApiClient;
  readonly #now: () => Date;
  readonly #loads = new LoadSequence();
  #key: string | null = null;

  constructor(api: ApiClient, ratingsApi: RatingsApi, now: () => Date) {
    this.#api = api;
    this.#now = now;
    this.heads = new HeadRatingsModel(ratingsApi);
    this.reform = new ReformIndexModel(ratingsApi);
  }

  /** The ratings of the period and tier shown (no request when they are already shown or on their way). */
  #loadRatings(): void {
    if (!this.period) return;
    void this.heads.load(this.period, { tier: this.tier });
    void this.reform.load(this.period, { tier: this.tier });
  }

  /** Loads what the URL asks for (the newest complete period when it names none); answers the canonical params. */
  async load(asked: { period?: string | undefined; tier?: string | undefined }, meta: () => Promise<PublicMeta>): Promise<Params | null> {
    this.tier = isRankedTier(asked.tier) ? asked.tier : DEFAULT_TIER;
    this.chosenUnit = null;
    const key = asked.period ?? "";
    if (key === this.#key && this.rankings.phase !== "error" && this.period) {
      this.#loadRatings();
      return { period: this.period, tier: this.tier };
    }
    const live = this.#loads.begin();
    this.#key = key;
    await this.meta.load(() => meta());
    if (!live()) return null;
    const chosen = chooseSignedInPeriod(this.meta.data, asked.period, this.#now());
    this.period = chosen;
    this.provisional = chosen !== null && isRunning(chosen, this.#now());
    if (!chosen || !isPeriodId(chosen)) {
      this.rankings.set([], "empty");
      this.warnings.set({ asOf: "", units: [] }, "empty");
      return null;
    }
    this.#key = chosen;
    this.named = false;
    this.#loadRatings();
    const prev = previousPeriod(parsePeriod(chosen)).id;
    const tiers = TIER_ORDER.filter((t) => this.meta.data?.tiers.includes(t) ?? true);
    await Promise.all([
      this.rankings.load(
        (signal) =>
          Promise.all(
            tiers.map(async (t) => {
              const [current, previous] = await Promise.all([
                orNull(this.#api.ranking({ period: chosen, tier: t }, signal)),
                orNull(this.#api.ranking({ period: prev, tier: t }, signal)),
              ]);
              return { tier: t, current, previous };
            }),
          ),
        (d) => d.every((r) => !r.current || r.current.units.length === 0),
      ),
      this.warnings.load((signal) => this.#api.warnings(signal)),
    ]);
    if (!live()) return null;
    const id = this.rankings.data?.find((r) => r.current)?.current?.methodology;
    const m = await methodologyFor(id).catch(() => undefined);
    if (!live()) return null;
    this.methodology = m;
    this.named = true;
    return { period: chosen, tier: this.tier };
  }

  /** The unit whose six groups are drawn against the tier median. */
  chooseUnit(unitId: string | null): void {
    this.chosenUnit = unitId;
  }

  retry(meta: () => Promise<PublicMeta>): Promise<Params | null> {
    this.#key = null;
    return this.load({ period: this.period ?? undefined, tier: this.tier }, meta);
  }

  dispose(): void {
    this.#loads.end();
    this.heads.dispose();
    this.reform.dispose();
    this.meta.dispose();
    this.rankings.dispose();
    this.warnings.dispose();
  }
}
