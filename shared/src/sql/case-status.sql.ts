/**
 * Case status as of the end of a period (methodology §2), in the SQL subset that Athena
 * (Trino) and DuckDB run unchanged. Parameters: {{period_start}}, {{period_end}} (UTC
 * timestamps 'YYYY-MM-DD HH:MM:SS' of local midnights), {{month_to}} ('YYYY-MM', last
 * partition read). A withdrawn case is finished for scope (not carried over). Local dates are day numbers: floor((epoch seconds + 7 h) / 1 day).
 *
 * Output columns: case_id, unit_id, field, received_t, in_scope, status
 * (EARLY | ON_TIME | LATE | OVERDUE | IN_PROGRESS | EXCLUDED).
 */
export const CASE_STATUS_CTE = /* sql */ `
ev AS (
  SELECT DISTINCT event_id, case_id, type, unit_id, field,
         to_unixtime(occurred_at) AS t,
         to_unixtime(due_at) AS due_t
  FROM curated_events
  WHERE month <= {{month_to}}
    AND occurred_at < TIMESTAMP {{period_end}}
),
received AS (
  SELECT case_id, unit_id, field, t AS received_t, due_t AS received_due_t
  FROM (
    SELECT case_id, unit_id, field, t, due_t,
           row_number() OVER (PARTITION BY case_id ORDER BY t, event_id) AS rn
    FROM ev WHERE type = 'RECEIVED'
  ) r
  WHERE rn = 1
),
due_set AS (
  SELECT case_id, due_t
  FROM (
    SELECT case_id, due_t,
           row_number() OVER (PARTITION BY case_id ORDER BY t DESC, due_t DESC) AS rn
    FROM ev WHERE type = 'DUE_DATE_SET' AND due_t IS NOT NULL
  ) d
  WHERE rn = 1
),
ends AS (
  SELECT case_id,
         min(CASE WHEN type = 'RESOLVED' THEN t END) AS resolved_t,
         min(CASE WHEN type = 'RESULT_DELIVERED' THEN t END) AS delivered_t,
         min(CASE WHEN type IN ('REFUSED', 'STOPPED') THEN t END) AS refused_t,
         count_if(type = 'WITHDRAWN') AS withdrawn,
         min(CASE WHEN type = 'WITHDRAWN' THEN t END) AS withdrawn_t,
         count_if(type = 'SUPPLEMENT_REQUESTED') AS supplement_requests
  FROM ev
  GROUP BY case_id
),
supplement AS (
  SELECT q.case_id, q.t AS requested_t, min(r.t) AS received_t
  FROM ev q
  LEFT JOIN ev r
    ON r.case_id = q.case_id AND r.type = 'SUPPLEMENT_RECEIVED' AND r.t >= q.t
  WHERE q.type = 'SUPPLEMENT_REQUESTED'
  GROUP BY q.case_id, q.event_id, q.t
),
pause AS (
  SELECT case_id,
         sum(CASE WHEN received_t IS NOT NULL THEN received_t - requested_t ELSE 0 END) AS paused_s,
         min(CASE WHEN received_t IS NULL THEN requested_t END) AS open_request_t
  FROM supplement
  GROUP BY case_id
),
facts AS (
  SELECT c.case_id, c.unit_id, c.field, c.received_t,
         coalesce(d.due_t, c.received_due_t) + coalesce(p.paused_s, 0) AS due_eff_t,
         coalesce(e.resolved_t, e.delivered_t, e.refused_t) AS end_t,
         e.withdrawn, e.withdrawn_t, e.supplement_requests, p.open_request_t
  FROM received c
  JOIN ends e ON e.case_id = c.case_id
  LEFT JOIN due_set d ON d.case_id = c.case_id
  LEFT JOIN pause p ON p.case_id = c.case_id
),
bounds AS (
  SELECT to_unixtime(TIMESTAMP {{period_start}}) AS start_t, to_unixtime(TIMESTAMP {{period_end}}) AS end_t
),
case_status AS (
  SELECT f.case_id, f.unit_id, f.field, f.received_t,
         (f.received_t >= b.start_t OR coalesce(f.end_t, f.withdrawn_t) IS NULL OR coalesce(f.end_t, f.withdrawn_t) >= b.start_t) AS in_scope,
         CASE
           WHEN f.withdrawn > 0 THEN 'EXCLUDED'
           WHEN f.supplement_requests > 1 THEN (CASE WHEN f.end_t IS NOT NULL THEN 'LATE' ELSE 'OVERDUE' END)
           WHEN f.end_t IS NOT NULL THEN (
             CASE
               WHEN floor((f.end_t + 25200) / 86400) < floor((f.due_eff_t + 25200) / 86400) THEN 'EARLY'
               WHEN floor((f.end_t + 25200) / 86400) = floor((f.due_eff_t + 25200) / 86400) THEN 'ON_TIME'
               ELSE 'LATE'
             END)
           WHEN coalesce(f.open_request_t, b.end_t) > f.due_eff_t THEN 'OVERDUE'
           ELSE 'IN_PROGRESS'
         END AS status
  FROM facts f
  CROSS JOIN bounds b
)`;
