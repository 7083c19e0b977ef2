/**
 * Pure views of a unit's indicators against the methodology's definitions: the six groups with
 * their indicators, the responsibility indicators (R1–R9), and movement against the previous
 * period. Driven by data: indicators the methodology does not know still appear (under "other").
 */
import type { IndicatorDefinition, Methodology } from "@scorecard/shared/methodology/methodology";
import type { GroupValue, UnitWithGroups } from "./api-types.js";
import type { Lang } from "./i18n.js";
import type { PublicIndicatorValue, PublicRankedUnit } from "./public-ranking.js";
import { groupPoints } from "./ranking-columns.js";

/** An indicator's values: a role-checked view's exact ones, or a public page's (withheld ones null, marked). */
export type IndicatorCell = PublicIndicatorValue;

export interface IndicatorRow {
  readonly code: string;
  readonly name: string;
  readonly def: IndicatorDefinition | undefined;
  readonly value: IndicatorCell | undefined;
  readonly previous: IndicatorCell | undefined;
}

export interface GroupRow {
  readonly code: string;
  readonly name: string;
  readonly value: GroupValue;
  readonly previous: GroupValue | null;
  /** True when the server sent no group points and they were summed here. */
  readonly derived: boolean;
  /** True when a public page's group points are withheld (null, not "no data"). */
  readonly withheld?: boolean;
  readonly indicators: readonly IndicatorRow[];
}

/** The unit fields these views read: a role-checked or a public ranked unit. */
type AnyUnit = PublicRankedUnit;

export const nameOf = (x: { nameVi: string; nameEn: string }, lang: Lang) => (lang === "en" ? x.nameEn : x.nameVi);

/** Group points: the server's, else the sum of the group's indicator points capped at the group max (null if none scored). */
export function groupValue(unit: UnitWithGroups | null | undefined, code: string, m: Methodology): { value: GroupValue; derived: boolean } | null {
  const g = m.groups.find((x) => x.code === code);
  if (!unit || !g) return null;
  const sent = unit.groups?.[code];
  if (sent) return { value: sent, derived: false };
  const pts = m.indicators
    .filter((d) => d.group === code && d.max !== null)
    .flatMap((d) => {
      const v = unit.indicators[d.code];
      return v && v.points !== null ? [v.points] : [];
    });
  return { value: { points: pts.length === 0 ? null : Math.min(g.max, pts.reduce((a, b) => a + b, 0)), max: g.max }, derived: true };
}

export function groupRows(unit: AnyUnit, previous: AnyUnit | null, m: Methodology, lang: Lang): GroupRow[] {
  return m.groups.map((g) => {
    const cur = groupPoints(unit, g, m);
    const prev = previous ? groupPoints(previous, g, m) : null;
    return {
      code: g.code,
      name: nameOf(g, lang),
      value: { points: cur.points, max: g.max },
      previous: prev && !prev.withheld ? { points: prev.points, max: g.max } : null,
      derived: unit.groups?.[g.code] === undefined,
      withheld: cur.withheld,
      indicators: m.indicators
        .filter((d) => d.group === g.code)
        .map((d) => ({ code: d.code, name: nameOf(d, lang), def: d, value: unit.indicators[d.code], previous: previous?.indicators[d.code] })),
    };
  });
}

/** Responsibility indicators (group null) in the methodology's order, then codes it does not define. */
export function responsibilityRows(unit: AnyUnit, previous: AnyUnit | null, m: Methodology, lang: Lang): IndicatorRow[] {
  const known = new Set(m.indicators.map((d) => d.code));
  const defined = m.indicators
    .filter((d) => d.group === null)
    .filter((d) => unit.indicators[d.code] !== undefined)
    .map((d) => ({ code: d.code, name: nameOf(d, lang), def: d, value: unit.indicators[d.code], previous: previous?.indicators[d.code] }));
  const unknown = Object.keys(unit.indicators)
    .filter((c) => !known.has(c))
    .sort()
    .map((c) => ({ code: c, name: c, def: undefined, value: unit.indicators[c], previous: previous?.indicators[c] }));
  return [...defined, ...unknown];
}

export type Direction = "up" | "down" | "same";

export interface Movement {
  readonly delta: number;
  readonly direction: Direction;
  /** Whether the move is an improvement (lower-is-better indicators flip it); null when unchanged. */
  readonly better: boolean | null;
}

/** Movement of a number against the previous period; null when either side is missing. */
export function movement(current: number | null | undefined, previous: number | null | undefined, lowerIsBetter = false, epsilon = 1e-9): Movement | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  const delta = current - previous;
  if (Math.abs(delta) < epsilon) return { delta: 0, direction: "same", better: null };
  const direction: Direction = delta > 0 ? "up" : "down";
  return { delta, direction, better: lowerIsBetter ? delta < 0 : delta > 0 };
}

/** Rank movement: a smaller rank is better, so "up" means climbing (previous − current > 0). */
export function rankMovement(current: number | null | undefined, previous: number | null | undefined): Movement | null {
  const m = movement(previous, current);
  return m && { ...m, better: m.direction === "same" ? null : m.direction === "up" };
}
