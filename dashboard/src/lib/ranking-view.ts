/**
 * Pure views over a ranking snapshot. Columns come from the data: whatever indicators and counts
 * the server sends become columns, in the methodology's order, so new indicators need no rewrite.
 * The maximum total is the methodology's `maxTotal` (100), never a sum of indicator maxima.
 */
import type { PublicRankedUnit } from "./public-ranking.js";

/** The fields these views read: a role-checked or a public ranked unit. */
type Unit = Pick<PublicRankedUnit, "indicators" | "counts">;

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
  // Codes are ASCII: code-point order (localeCompare would initialise ICU's collator on the first page).
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export const indicatorCodes = (units: readonly Unit[]): string[] =>
  ordered(units.flatMap((u) => Object.keys(u.indicators)), INDICATOR_ORDER);

export const countKeys = (units: readonly Unit[]): string[] =>
  ordered(units.flatMap((u) => Object.keys(u.counts)), COUNT_ORDER);

/** Rows in rank order, unranked units last; the server's order (name collation) breaks ties. */
export function rankedRows<U extends { readonly rank: number | null }>(units: readonly U[]): U[] {
  return units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (a.u.rank ?? Infinity) - (b.u.rank ?? Infinity) || a.i - b.i)
    .map(({ u }) => u);
}
