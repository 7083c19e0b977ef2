/**
 * Which units the totals chart draws (issue 19, item 6): every scored unit when they are few; for
 * a long tier (95 communes) the top and bottom N with a gap between them, so that the bars stay
 * readable and the axis stays on screen; while the reader searches, the units found. Pure.
 */
import { queryWords } from "./search.js";

/** Up to this many units the chart draws them all. */
export const CHART_ALL_UP_TO = 25;
/** For a longer list: this many at the top and at the bottom. */
export const CHART_ENDS = 10;

export interface ChartSelection<U> {
  readonly mode: "all" | "topBottom" | "matches";
  /** Units in rank order; `null` stands for the gap between the top and the bottom. */
  readonly bars: readonly (U | null)[];
  /** Units left out (drawn as the gap). */
  readonly hidden: number;
}

/**
 * The bars of the chart. `rows`: the scored units in rank order (all of the tier); `found`: the
 * units the search kept (the same order), used when the query is not blank.
 */
export function chartSelection<U>(rows: readonly U[], found: readonly U[], query: string): ChartSelection<U> {
  if (queryWords(query).length > 0) return { mode: "matches", bars: found.slice(0, CHART_ALL_UP_TO), hidden: Math.max(0, found.length - CHART_ALL_UP_TO) };
  if (rows.length <= CHART_ALL_UP_TO) return { mode: "all", bars: rows, hidden: 0 };
  return { mode: "topBottom", bars: [...rows.slice(0, CHART_ENDS), null, ...rows.slice(-CHART_ENDS)], hidden: rows.length - 2 * CHART_ENDS };
}

/** A label cut to `n` characters with an ellipsis (the full text is in the tooltip and the table). */
export const truncateLabel = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);
