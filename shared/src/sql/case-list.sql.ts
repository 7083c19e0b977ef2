import { CASE_STATUS_CTE } from "./case-status.sql.js";

/**
 * The dossiers behind the progress numbers: every in-scope case of the period with its status and
 * the instants that decided it (epoch seconds), for the unit drill-down (methodology §7).
 */
export const CASE_LIST_SQL = /* sql */ `
WITH ${CASE_STATUS_CTE}
SELECT s.unit_id, s.case_id, s.field, s.status, s.received_t,
       f.due_eff_t, f.end_t, f.supplement_requests, f.open_request_t
FROM case_status s
JOIN facts f ON f.case_id = s.case_id
WHERE s.in_scope
ORDER BY s.unit_id, s.status, s.received_t, s.case_id`;
