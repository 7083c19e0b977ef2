/**
 * The chairman's overview: every tier's working ranking for a period and the previous period (for
 * movement), and the live early-warning counts per unit. Views (province totals, late units,
 * delay attribution, consultation timeliness, complex fields) are derived from the indicators the
 * server sends; what it does not send is reported as missing, never invented.
 */
import type { PublicMeta, RankedUnit } from "@scorecard/shared/contracts/api";
import { previousPeriod } from "@scorecard/shared/time/period";
import { type ApiClient, ApiProblemError, isNoSnapshot } from "../lib/api.js";
import type { RankingView, WarningSummary } from "../lib/api-types.js";
import type { PagePhase } from "../lib/page-state.svelte.js";
import { isPeriodId, parsePeriod } from "../lib/periods.js";
import { rankedRows } from "../lib/ranking-view.js";
import { Resource } from "./resource.svelte.js";
import { DEFAULT_TIER, TIER_ORDER, type RankedTier } from "./rankings.svelte.js";

export interface TierRankings {
  readonly tier: RankedTier;
  readonly current: RankingView | null;
  readonly previous: RankingView | null;
}

export interface ProvinceTotals {
  readonly units: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly inScope: number;
  readonly onTimeRate: number | null;
}

export interface UnitIndicatorRow {
  readonly unit: RankedUnit;
  readonly values: Readonly<Record<string, { numerator: number; denominator: number; ratio: number | null } | undefined>>;
}

const orNull = async <T>(p: Promise<T>): Promise<T | null> => {
  try {
    return await p;
  } catch (e) {
    if (isNoSnapshot(e) || (e instanceof ApiProblemError && e.status === 404)) return null;
    throw e;
  }
};

export function provinceTotals(rankings: readonly TierRankings[]): ProvinceTotals {
  const counts: Record<string, number> = {};
  let units = 0;
  for (const r of rankings) {
    for (const u of r.current?.units ?? []) {
      units++;
      for (const [k, v] of Object.entries(u.counts)) counts[k] = (counts[k] ?? 0) + v;
    }
  }
  const good = (counts.EARLY ?? 0) + (counts.ON_TIME ?? 0);
  const inScope = good + (counts.LATE ?? 0) + (counts.OVERDUE ?? 0);
  return { units, counts, inScope, onTimeRate: inScope === 0 ? null : good / inScope };
}

/** Units carrying any of `codes`, with those indicators, sorted by `sort`. */
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

export class OverviewModel {
  readonly meta = new Resource<PublicMeta>();
  readonly rankings = new Resource<readonly TierRankings[]>();
  readonly warnings = new Resource<WarningSummary>();
  period = $state<string | null>(null);
  tier = $state<RankedTier>(DEFAULT_TIER);

  readonly phase: PagePhase = $derived(
    this.meta.phase === "error" || this.rankings.phase === "error" ? "error" : this.meta.phase === "loading" || this.rankings.phase === "loading" || this.warnings.phase === "loading" ? "loading" : this.rankings.phase,
  );
  readonly tiers: readonly TierRankings[] = $derived(this.rankings.data ?? []);
  readonly selected: TierRankings | null = $derived(this.tiers.find((r) => r.tier === this.tier) ?? null);
  readonly rows: readonly RankedUnit[] = $derived(rankedRows(this.selected?.current?.units ?? []));
  readonly totals: ProvinceTotals = $derived(provinceTotals(this.tiers));
  readonly lateUnits: readonly RankedUnit[] = $derived(
    this.tiers
      .flatMap((r) => r.current?.units ?? [])
      .filter((u) => (u.counts.LATE ?? 0) + (u.counts.OVERDUE ?? 0) > 0)
      .sort((a, b) => (b.counts.LATE ?? 0) + (b.counts.OVERDUE ?? 0) - ((a.counts.LATE ?? 0) + (a.counts.OVERDUE ?? 0)))
      .slice(0, 15),
  );
  readonly delay: readonly UnitIndicatorRow[] = $derived(withIndicators(this.tiers, ["R7"], (a, b) => (b.values.R7?.numerator ?? 0) - (a.values.R7?.numerator ?? 0)).slice(0, 15));
  readonly consultation: readonly UnitIndicatorRow[] = $derived(
    withIndicators(this.tiers, ["R5", "R5D"], (a, b) => (a.values.R5?.ratio ?? 1) - (b.values.R5?.ratio ?? 1), ["VERTICAL"]),
  );
  readonly complex: readonly UnitIndicatorRow[] = $derived(
    withIndicators(this.tiers, ["R9_R1", "R9_R2", "R9_R3", "R9_R4"], (a, b) => (b.values.R9_R1?.ratio ?? 0) - (a.values.R9_R1?.ratio ?? 0)).slice(0, 15),
  );

  readonly #api: ApiClient;
  #key: string | null = null;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** Loads a period (newest when absent or unknown); returns the period shown. */
  async load(period: string | undefined, tier: string | undefined, meta: () => Promise<PublicMeta>): Promise<string | null> {
    this.tier = (TIER_ORDER as readonly string[]).includes(tier ?? "") ? (tier as RankedTier) : DEFAULT_TIER;
    const key = period ?? "";
    if (key === this.#key && this.rankings.phase !== "error") return this.period;
    this.#key = key;
    await this.meta.load(() => meta());
    const periods = this.meta.data?.periods ?? [];
    const chosen = period !== undefined && periods.includes(period) ? period : (periods[0] ?? null);
    this.period = chosen;
    this.#key = chosen ?? "";
    if (!chosen || !isPeriodId(chosen)) {
      this.rankings.set([], "empty");
      return null;
    }
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
    return chosen;
  }

  retry(meta: () => Promise<PublicMeta>): Promise<string | null> {
    this.#key = "";
    return this.load(this.period ?? undefined, this.tier, meta);
  }

  dispose(): void {
    this.meta.dispose();
    this.rankings.dispose();
    this.warnings.dispose();
  }
}
