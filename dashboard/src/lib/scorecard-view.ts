/**
 * Pure views of a unit's indicators against the methodology's definitions: the six groups with
 * their indicators, the responsibility indicators (R1–R9), and movement against the previous
 * period. Driven by data: indicators the methodology does not know still appear (under "other").
 */
import type { IndicatorValue } from "@scorecard/shared/contracts/api";
import type { IndicatorDefinition, Methodology } from "@scorecard/shared/methodology/methodology";
import type { GroupValue, UnitWithGroups } from "./api-types.js";
import type { Lang } from "./i18n.js";

export interface IndicatorRow {
  readonly code: string;
  readonly name: string;
  readonly def: IndicatorDefinition | undefined;
  readonly value: IndicatorValue | undefined;
  readonly previous: IndicatorValue | undefined;
}

export interface GroupRow {
  readonly code: string;
  readonly name: string;
  readonly value: GroupValue;
  readonly previous: GroupValue | null;
  /** True when the server sent no group points and they were summed here. */
  readonly derived: boolean;
  readonly indicators: readonly IndicatorRow[];
}

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

export function groupRows(unit: UnitWithGroups, previous: UnitWithGroups | null, m: Methodology, lang: Lang): GroupRow[] {
  return m.groups.map((g) => {
    const cur = groupValue(unit, g.code, m);
    const prev = groupValue(previous, g.code, m);
    return {
      code: g.code,
      name: nameOf(g, lang),
      value: cur?.value ?? { points: null, max: g.max },
      previous: prev?.value ?? null,
      derived: cur?.derived ?? true,
      indicators: m.indicators
        .filter((d) => d.group === g.code)
        .map((d) => ({ code: d.code, name: nameOf(d, lang), def: d, value: unit.indicators[d.code], previous: previous?.indicators[d.code] })),
    };
  });
}

/** Responsibility indicators (group null) in the methodology's order, then codes it does not define. */
export function responsibilityRows(unit: UnitWithGroups, previous: UnitWithGroups | null, m: Methodology, lang: Lang): IndicatorRow[] {
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

/** The ratio as displayed: scaled (R8 per 1,000), or a percentage. */
export function ratioText(v: IndicatorValue | undefined, def: IndicatorDefinition | undefined, fmt: { percent: (r: number) => string; max: (n: number) => string }): string | null {
  if (!v || v.ratio === null || v.status === "no-data") return null;
  if (def?.displayScale) return fmt.max(v.ratio * def.displayScale);
  if (def?.code === "P2" || def?.code === "R5D" || def?.code === "R6") return fmt.max(v.ratio);
  return fmt.percent(v.ratio);
}
