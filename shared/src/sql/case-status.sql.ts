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

export const caseStatusCte = (factsCte: string) => /* sql */ `${factsCte},
case_status AS (
  SELECT f.case_id, f.unit_id, f.field, f.received_t,
         (${CASE_IN_LIST}) AS in_scope,
         f.status
  FROM facts f
  CROSS JOIN bounds b
)`;

export const CASE_STATUS_CTE = caseStatusCte(CASE_FACTS_CTE);
