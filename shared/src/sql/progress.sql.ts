import { CASE_STATUS_CTE } from "./case-status.sql.js";

/**
 * Progress (P1) counts per receiving unit for one period: the numerator is early + on time, the
 * denominator every in-scope case with a verdict (early, on time, late, overdue). In-progress
 * cases within their due date have no verdict yet and are reported apart (docs/adr/0002).
 */
export const PROGRESS_BY_UNIT_SQL = /* sql */ `
WITH ${CASE_STATUS_CTE}
SELECT unit_id,
       count_if(status = 'EARLY') AS early,
       count_if(status = 'ON_TIME') AS on_time,
       count_if(status = 'LATE') AS late,
       count_if(status = 'OVERDUE') AS overdue,
       count_if(status = 'IN_PROGRESS') AS in_progress,
       count_if(status = 'EXCLUDED') AS excluded
FROM case_status
WHERE in_scope
GROUP BY unit_id
ORDER BY unit_id`;
