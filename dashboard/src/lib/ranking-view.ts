/**
 * Pure views over a ranking snapshot. Columns come from the data: whatever indicators and counts
 * the server sends become columns, in the methodology's order, so new indicators need no rewrite.
 */
import type { RankedUnit } from "@scorecard/shared/contracts/api";

/** Display order of indicator codes (methodology.md §3); unknown codes follow, alphabetically. */
export const INDICATOR_ORDER: readonly string[] = [
  "T1", "T2", "T3", "T4",
  "P1", "P2",
  "O1", "O2", "O3",
  "M",
  "D1", "D2", "D3", "D4", "D5", "D6",
  "S1", "S2", "S3",
];

/** Display order of the dossier counts behind P1. */
export const COUNT_ORDER: readonly string[] = ["EARLY", "ON_TIME", "LATE", "OVERDUE", "IN_PROGRESS"];

function ordered(keys: Iterable<string>, order: readonly string[]): string[] {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export const indicatorCodes = (units: readonly RankedUnit[]): string[] =>
  ordered(units.flatMap((u) => Object.keys(u.indicators)), INDICATOR_ORDER);

export const countKeys = (units: readonly RankedUnit[]): string[] =>
  ordered(units.flatMap((u) => Object.keys(u.counts)), COUNT_ORDER);

/** The maximum a total can reach: the sum of the scored indicators' maxima (20 while only P1 exists). */
export function totalMax(units: readonly RankedUnit[]): number | null {
  let best: number | null = null;
  for (const u of units) {
    const maxes = Object.values(u.indicators).flatMap((v) => (v.max === null ? [] : [v.max]));
    if (maxes.length === 0) continue;
    const sum = maxes.reduce((a, b) => a + b, 0);
    best = best === null ? sum : Math.max(best, sum);
  }
  return best;
}

/** Rows in rank order, unranked units last; the server's order (name collation) breaks ties. */
export function rankedRows(units: readonly RankedUnit[]): RankedUnit[] {
  return units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (a.u.rank ?? Infinity) - (b.u.rank ?? Infinity) || a.i - b.i)
    .map(({ u }) => u);
}
