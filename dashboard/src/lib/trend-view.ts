/**
 * A unit's trend over the months of a year, as rows for the table and series for the chart. Only
 * scored months are rows (the server leaves the others out); a missing value stays null, never 0.
 */
import type { UnitTrend } from "./api-types.js";

export interface TrendRow {
  /** "2025-01". */
  readonly period: string;
  /** The unit the month was scored for: a predecessor or successor when it differs from the page's unit. */
  readonly unitId: string;
  readonly via: boolean;
  readonly total: number | null;
  readonly rank: number | null;
  readonly rankedUnits: number;
  /** P1 (dossiers handled early or on time) as a ratio in [0, 1]; null when not computed. */
  readonly p1: number | null;
}

/** The indicator drawn beside the total. */
export const TREND_INDICATOR = "P1";

/** The calendar year of a period id ("2024-H1" → 2024); null when the id has no year. */
export function yearOf(periodId: string): number | null {
  const m = /^(\d{4})(?:-|$)/.exec(periodId);
  return m ? Number(m[1]) : null;
}

/** Rows in month order, whatever order the server sent them in. */
export function trendRows(trend: UnitTrend, unitId: string): TrendRow[] {
  return [...trend.points]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((p) => ({
      period: p.period,
      unitId: p.unitId,
      via: p.unitId !== unitId,
      total: p.total,
      rank: p.rank,
      rankedUnits: p.rankedUnits,
      p1: p.indicators[TREND_INDICATOR]?.ratio ?? null,
    }));
}
