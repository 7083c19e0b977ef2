/**
 * Where a unit loses its points (issue 19, items 5–6): for each scored indicator the points lost
 * (its maximum less its points), named by the methodology; and how the unit stands against the
 * median of its tier, in the indicator's own direction (for P2, fewer working days is better).
 * Indicators without data lose nothing here: "no data" is not a score. Pure.
 */
import { indicatorLabel, indicatorOf } from "@scorecard/shared/methodology/labels";
import type { Direction, Methodology } from "@scorecard/shared/methodology/methodology";
import type { Lang } from "./i18n.js";
import type { PublicIndicatorValue, PublicRankedUnit } from "./public-ranking.js";
import { groupPoints } from "./ranking-columns.js";

const EPSILON = 1e-6;

export interface LostPoints {
  readonly code: string;
  /** The short name (a list of two or three) and the long one (a table row). */
  readonly short: string;
  readonly name: string;
  readonly points: number;
  readonly max: number;
  readonly lost: number;
}

const scored = (v: PublicIndicatorValue | undefined): v is PublicIndicatorValue & { points: number; max: number } =>
  v !== undefined && v.status !== "no-data" && v.points !== null && v.max !== null;

/**
 * The unit's scored indicators that lost points, most points lost first (ties: the methodology's order).
 * @example pointsLost(unit, m, "vi")[0] // { code: "P1", short: "Đúng hạn", lost: 4.2, … }
 */
export function pointsLost(unit: Pick<PublicRankedUnit, "indicators">, m: Methodology, lang: Lang): LostPoints[] {
  return m.indicators
    .flatMap((d, order) => {
      const v = unit.indicators[d.code];
      if (d.max === null || !scored(v)) return [];
      const lost = v.max - v.points;
      return lost > EPSILON ? [{ order, row: { code: d.code, short: indicatorLabel(m, d.code, lang, "short"), name: indicatorLabel(m, d.code, lang, "long"), points: v.points, max: v.max, lost } }] : [];
    })
    .sort((a, b) => b.row.lost - a.row.lost || a.order - b.order)
    .map((x) => x.row);
}

/** The median of the numbers (null for none). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The tier's median ratio of each indicator, over the units that have a value. */
export function indicatorMedians(units: readonly PublicRankedUnit[], m: Methodology): Readonly<Record<string, number | null>> {
  return Object.fromEntries(
    m.indicators.map((d) => [d.code, median(units.flatMap((u) => {
      const v = u.indicators[d.code];
      return v && v.status !== "no-data" && v.ratio !== null ? [v.ratio] : [];
    }))]),
  );
}

/** The tier's median points of each group (of the group's maximum), over the units that have points. */
export function groupMedians(units: readonly PublicRankedUnit[], m: Methodology): Readonly<Record<string, number | null>> {
  return Object.fromEntries(m.groups.map((g) => [g.code, median(units.flatMap((u) => {
    const p = groupPoints(u, g, m);
    return p.points === null ? [] : [p.points];
  }))]));
}

/** Is `ratio` worse than `reference` in the indicator's direction? */
export const worseThan = (ratio: number, reference: number, direction: Direction): boolean =>
  direction === "lowerIsBetter" ? ratio > reference + EPSILON : ratio < reference - EPSILON;

export interface WeakPoint {
  readonly code: string;
  readonly name: string;
  readonly ratio: number | null;
  readonly median: number | null;
  readonly points: number | null;
  readonly max: number | null;
  /** Points lost (max − points); null for an indicator that carries no points (P2, responsibility indicators). */
  readonly lost: number | null;
  readonly belowMedian: boolean;
}

/**
 * A unit's weak points: the scored indicators that lose the most points (at most `top`), then at
 * most `unscoredTop` indicators without points that are worse than the tier's median (P2's working
 * days first, then the responsibility indicators), in the methodology's order.
 */
export function weakPoints(unit: PublicRankedUnit, tier: readonly PublicRankedUnit[], m: Methodology, lang: Lang, top = 5, unscoredTop = 4): WeakPoint[] {
  const medians = indicatorMedians(tier, m);
  const below = (code: string): boolean => {
    const v = unit.indicators[code];
    const d = indicatorOf(m, code);
    const med = medians[code] ?? null;
    return d !== undefined && v !== undefined && v.status !== "no-data" && v.ratio !== null && med !== null && worseThan(v.ratio, med, d.direction);
  };
  const row = (code: string): WeakPoint => {
    const v = unit.indicators[code];
    const ok = v !== undefined && v.status !== "no-data";
    return {
      code,
      name: indicatorLabel(m, code, lang, "long"),
      ratio: ok ? v.ratio : null,
      median: medians[code] ?? null,
      points: ok ? v.points : null,
      max: v?.max ?? indicatorOf(m, code)?.max ?? null,
      lost: ok && v.points !== null && v.max !== null ? v.max - v.points : null,
      belowMedian: below(code),
    };
  };
  const losing = pointsLost(unit, m, lang).slice(0, top).map((l) => row(l.code));
  // Those of the six groups first (P2), then the responsibility indicators, in the methodology's order.
  const unscored = m.indicators
    .filter((d) => d.max === null && below(d.code))
    .sort((a, b) => Number(a.group === null) - Number(b.group === null))
    .slice(0, unscoredTop)
    .map((d) => row(d.code));
  return [...losing, ...unscored];
}
