import { CASE_FACTS_CTE } from "./case-facts.sql.js";

/**
 * Case status as of the end of a period (methodology §2), for the progress counts and the
 * dossier drill-down: the facts of ./case-facts.sql.ts plus `case_status`. Parameters:
 * {{period_start}}, {{period_end}} (UTC timestamps 'YYYY-MM-DD HH:MM:SS' of local midnights),
 * {{month_to}} ('YYYY-MM', last partition read).
 *
 * `case_status.in_scope` is the drill-down's list: the cases in scope (received in the period or
 * carried over) plus the withdrawn ones still open at the period start, shown as EXCLUDED (a
 * withdrawn case is finished for scope: never carried over). The indicators use `facts.in_scope`,
 * which leaves withdrawn cases out.
 *
 * Output columns: case_id, unit_id, field, received_t, in_scope, status
 * (EARLY | ON_TIME | LATE | OVERDUE | IN_PROGRESS | EXCLUDED).
 */
/** The drill-down's list of a period (over `f` = facts, `b` = bounds): see `case_status.in_scope`. */
export const CASE_IN_LIST = "f.received_in_period OR coalesce(f.end_t, f.withdrawn_t) IS NULL OR coalesce(f.end_t, f.withdrawn_t) >= b.start_t";

/** Epoch seconds of a drill-down row (a number, or its text in a CSV file); null when absent. */
export interface CaseListInstants {
  readonly received_t?: unknown;
  readonly end_t?: unknown;
  readonly withdrawn_t?: unknown;
}

const instant = (v: unknown): number | null => (v === null || v === undefined || v === "" ? null : Number(v));

/**
 * CASE_IN_LIST for a row of a longer period's list with the same end (same verdicts), for a
 * period starting at `startT` (epoch seconds): the twin of the SQL, checked against it by
 * functions/test/case-list-span.test.ts.
 */
export function caseInList(row: CaseListInstants, startT: number): boolean {
  const finished = instant(row.end_t) ?? instant(row.withdrawn_t);
  return (instant(row.received_t) ?? -Infinity) >= startT || finished === null || finished >= startT;
}

export const caseStatusCte = (factsCte: string) => /* sql */ `${factsCte},
case_status AS (
  SELECT f.case_id, f.unit_id, f.field, f.received_t,
         (${CASE_IN_LIST}) AS in_scope,
         f.status
  FROM facts f
  CROSS JOIN bounds b
)`;

export const CASE_STATUS_CTE = caseStatusCte(CASE_FACTS_CTE);
