import { CASE_FACTS_CTE } from "./case-facts.sql.js";
import { caseStatusCte } from "./case-status.sql.js";

/**
 * The dossiers behind the progress numbers: every in-scope case of the period with its status and
 * the instants that decided it (epoch seconds), for the unit drill-down (methodology §7). Unordered:
 * the scoring run unloads it per unit and the reader sorts a unit's rows. `unit_id` comes last:
 * Athena's partitioned UNLOAD wants the partition column at the end of the select list.
 */
export const caseListSql = (factsCte: string) => /* sql */ `
WITH ${caseStatusCte(factsCte)}
SELECT s.case_id, s.field, s.status, s.received_t,
       f.due_eff_t, f.end_t, f.supplement_requests, f.open_request_t,
       s.unit_id
FROM case_status s
JOIN facts f ON f.case_id = s.case_id
WHERE s.in_scope`;

export const CASE_LIST_SQL = caseListSql(CASE_FACTS_CTE);
