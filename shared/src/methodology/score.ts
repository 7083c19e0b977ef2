/**
 * The pure scoring function (methodology §1, §3): indicator values → points, group totals,
 * total, completeness, band and competition rank within the tier.
 */
import type { IndicatorValue } from "../contracts/api.js";
import type { Band, GroupCode, IndicatorDefinition, Methodology } from "./methodology.js";

/** Counts behind one indicator for one unit. `ratio` overrides numerator/denominator (S3). */
export interface IndicatorCounts {
  readonly numerator: number;
  readonly denominator: number;
  readonly ratio?: number | null | undefined;
}
export type IndicatorInputs = Readonly<Record<string, IndicatorCounts | undefined>>;

/**
 * Why an indicator's points did not come from its ratio. "no-receipts": a free-points rule
 * (not-applicable or empty full points) withheld because the unit received no dossier in the
 * period (switches.freePointsNeedReceipts) — the indicator is "no data".
 */
export type ScoreRule = "not-applicable-full-points" | "empty-full-points" | "empty-zero" | "no-receipts";

export interface IndicatorScore extends IndicatorValue {
  readonly rule?: ScoreRule;
}

export interface GroupScore {
  readonly points: number;
  readonly max: number;
}

/** One unit's scorecard (ARCHITECTURE §10, binding shape). */
export interface UnitScore {
  readonly unitId: string;
  readonly tier: string;
  readonly period: string;
  readonly methodology: string;
  readonly indicators: Readonly<Record<string, IndicatorScore>>;
  readonly groups: Readonly<Record<GroupCode, GroupScore>>;
  /** Sum of the group points (4 decimals); null when the unit has no data at all. */
  readonly total: number | null;
  /** False when any scored indicator is "no data". */
  readonly complete: boolean;
  readonly band: string | null;
  /** Competition rank within the tier; null for tiers not ranked or units without a total. */
  readonly rank: number | null;
}

export interface UnitInput {
  readonly unitId: string;
  readonly tier: string;
  /** Name used to order ties (Vietnamese collation). */
  readonly name: string;
  readonly values: IndicatorInputs;
}

/** Round half away from zero to `d` decimals, robust to binary noise (0.1 + 0.2 → 0.3). */
export function roundTo(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(Number((x * f).toPrecision(12))) / f;
}
export const round4 = (x: number) => roundTo(x, 4);

/**
 * points = max × min(1, ratio / target), 4 decimals; a negative ratio counts as 0.
 * @example indicatorPoints({ max: 6, target: 0.5 }, 0.4) === 4.8
 */
export function indicatorPoints(def: Pick<IndicatorDefinition, "max" | "target">, ratio: number): number {
  if (def.max === null) return 0;
  return round4(def.max * Math.min(1, Math.max(0, ratio) / def.target));
}

/**
 * Score one indicator for one unit of a tier. `receivedCases` (the dossiers the unit received in
 * the period: the denominator of `m.receivedCasesIndicator`) matters only under
 * `m.switches.freePointsNeedReceipts`: the free-points rules then need it above 0, and without it
 * they are withheld (no data is no score).
 * @example scoreIndicator(S1, { numerator: 0, denominator: 0 }, "DEPARTMENT", DN_2026_2, 0).status === "no-data"
 */
export function scoreIndicator(def: IndicatorDefinition, counts: IndicatorCounts | undefined, tier: string, m: Methodology, receivedCases?: number): IndicatorScore {
  const numerator = counts?.numerator ?? 0;
  const denominator = counts?.denominator ?? 0;
  const scored = def.max !== null;
  const base = { numerator, denominator, max: def.max };
  const freePoints = !m.switches.freePointsNeedReceipts || (receivedCases ?? 0) > 0;
  if (scored && m.switches.notApplicableFullPoints && def.notApplicableTo?.includes(tier as never)) {
    if (!freePoints) return { ...base, ratio: null, points: null, status: "no-data", rule: "no-receipts" };
    return { ...base, ratio: null, points: def.max, status: "ok", rule: "not-applicable-full-points" };
  }
  if (denominator === 0) {
    if (!scored || def.whenEmpty === "NO_DATA") return { ...base, ratio: null, points: null, status: "no-data" };
    if (def.whenEmpty === "FULL") {
      if (!freePoints) return { ...base, ratio: null, points: null, status: "no-data", rule: "no-receipts" };
      return { ...base, ratio: null, points: def.max, status: "ok", rule: "empty-full-points" };
    }
    return { ...base, ratio: 0, points: 0, status: "ok", rule: "empty-zero" };
  }
  const ratio = counts?.ratio ?? numerator / denominator;
  return { ...base, ratio, points: scored ? indicatorPoints(def, ratio) : null, status: "ok" };
}

/** The band whose lower bound the value reaches (bands listed from the highest). */
export function bandOf(bands: readonly Band[], value: number | null): string | null {
  if (value === null) return null;
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return (sorted.find((b) => value >= b.min) ?? sorted[sorted.length - 1])?.code ?? null;
}

/**
 * Score one unit (rank left null; see {@link scoreUnits}). A unit with nothing to count — every
 * scored indicator's denominator 0 — has no total and no band ("no data"), in every version.
 */
export function scoreUnit(m: Methodology, period: string, unit: Omit<UnitInput, "name">): UnitScore {
  const indicators: Record<string, IndicatorScore> = {};
  const receivedCases = unit.values[m.receivedCasesIndicator]?.denominator ?? 0;
  for (const def of m.indicators) indicators[def.code] = scoreIndicator(def, unit.values[def.code], unit.tier, m, receivedCases);
  const groups = {} as Record<GroupCode, GroupScore>;
  let total = 0;
  for (const g of m.groups) {
    const sum = m.indicators
      .filter((d) => d.group === g.code && d.max !== null)
      .reduce((s, d) => s + (indicators[d.code]?.points ?? 0), 0);
    const points = round4(Math.min(g.max, sum));
    groups[g.code] = { points, max: g.max };
    total += points;
  }
  const scoredDefs = m.indicators.filter((d) => d.max !== null);
  const complete = scoredDefs.every((d) => indicators[d.code]?.status === "ok");
  const hasData = scoredDefs.some((d) => indicators[d.code]?.denominator !== 0);
  const t = hasData ? round4(total) : null;
  return { unitId: unit.unitId, tier: unit.tier, period, methodology: m.id, indicators, groups, total: t, complete, band: bandOf(m.bands, t), rank: null };
}

/**
 * Competition ranks (1, 2, 2, 4) on values rounded to 2 decimals, higher first; ties ordered by
 * name in Vietnamese collation. Items with a null value get a null rank and come last.
 * Returns the items in rank order with their rank.
 */
export function competitionRank<T>(items: readonly T[], value: (t: T) => number | null, name: (t: T) => string): { item: T; rank: number | null }[] {
  const keyed = items.map((item) => {
    const v = value(item);
    return { item, key: v === null ? null : roundTo(v, 2), name: name(item) };
  });
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? a.name.localeCompare(b.name, "vi") : a.key === null ? 1 : -1;
    return b.key - a.key || a.name.localeCompare(b.name, "vi");
  });
  return keyed.map(({ item, key }) => ({ item, rank: key === null ? null : 1 + keyed.filter((o) => o.key !== null && o.key > key).length }));
}

/**
 * Score every unit and rank within each ranked tier. Output: units grouped by tier (in the order
 * tiers first appear), in rank order, ties by Vietnamese name.
 * @example scoreUnits(DN_2026_1, "2024-H1", [{ unitId, tier: "DEPARTMENT", name: "Sở Tư pháp", values: { P1: { numerator: 97, denominator: 100 } } }])
 */
export function scoreUnits(m: Methodology, period: string, units: readonly UnitInput[]): UnitScore[] {
  const scored = units.map((u) => ({ u, s: scoreUnit(m, period, u) }));
  const tiers = [...new Set(units.map((u) => u.tier))];
  const out: UnitScore[] = [];
  for (const tier of tiers) {
    const inTier = scored.filter((x) => x.u.tier === tier);
    const ranked = m.rankedTiers.includes(tier as never);
    for (const { item, rank } of competitionRank(inTier, (x) => x.s.total, (x) => x.u.name)) {
      out.push({ ...item.s, rank: ranked ? rank : null });
    }
  }
  return out;
}
