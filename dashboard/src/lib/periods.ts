/**
 * Period ids for the selector: grouped by kind (month, quarter, half-year, year), newest first
 * inside each group. Parsing comes from the shared domain (`@scorecard/shared/time/period`), a
 * dependency-free module, so the bundle gets no zod.
 */
import { type Period, type PeriodKind, isPeriodId, parsePeriod } from "@scorecard/shared/time/period";

export { isPeriodId, parsePeriod, type Period, type PeriodKind };

export const PERIOD_KIND_ORDER: readonly PeriodKind[] = ["MONTH", "QUARTER", "HALF", "YEAR"];

export interface PeriodGroup {
  readonly kind: PeriodKind;
  readonly periods: readonly Period[];
}

/** Groups valid ids by kind, in PERIOD_KIND_ORDER; each group newest first; unknown ids dropped. */
export function groupPeriods(ids: readonly string[]): PeriodGroup[] {
  const byKind = new Map<PeriodKind, Period[]>();
  for (const id of new Set(ids)) {
    if (!isPeriodId(id)) continue;
    const p = parsePeriod(id);
    const list = byKind.get(p.kind) ?? [];
    list.push(p);
    byKind.set(p.kind, list);
  }
  return PERIOD_KIND_ORDER.flatMap((kind) => {
    const periods = byKind.get(kind);
    if (!periods) return [];
    // ISO dates compare as plain strings (localeCompare would initialise ICU's collator on the first page).
    periods.sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0));
    return [{ kind, periods }];
  });
}

/** The first local date on which district-level committees no longer exist (merger of 2025). */
export const DISTRICTS_END = "2025-07-01";

/** True when a period starts after the district tier ended: an empty district ranking is expected. */
export const afterDistricts = (periodId: string): boolean =>
  isPeriodId(periodId) && parsePeriod(periodId).startDate >= DISTRICTS_END;
