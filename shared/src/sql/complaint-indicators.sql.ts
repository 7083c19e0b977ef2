import { LOCAL_DAY } from "./case-facts.sql.js";

/**
 * Complaint indicators (S1, S2, R8 numerator) per named unit, from `curated_complaints` (one row
 * per complaint, its latest state): the SQL twin of `complaintFacts()`.
 *
 * Parameters: {{period_start}}, {{period_end}} (UTC timestamps of the local midnights),
 * {{accept_days}}, {{handle_days}} (working days to accept or refuse / to handle, from the
 * methodology). A timestamp at or after the period end has not happened yet.
 *
 * Deadlines: X ≤ addWorkingDays(received date, n) ⇔ pre(X) ≤ pre(received date) + n, where
 * pre(d) = working days strictly before d = working_day_index − [d is a working day].
 *
 * Columns: complaints (received in the period), judged (verdict ≠ PENDING), on_time, pending,
 * s2_num (none of disliked, re-complained, LATE, OVERDUE).
 */
const pre = (alias: string) => `(${alias}.working_day_index - CASE WHEN ${alias}.is_working THEN 1 ELSE 0 END)`;

/**
 * `cm`, `judged`, `verdicts`: each complaint received in the period with its instants cut at the
 * period end and its verdict. Reads `bounds` (`last_day`, the period's last local day) — its own in
 * the indicator statement, the case facts' in the records list (./record-list.sql.ts), which
 * shares these CTEs.
 */
export const COMPLAINT_VERDICT_CTES = /* sql */ `cm AS (
  SELECT complaint_id, case_id, unit_id, satisfied, re_complained,
         to_unixtime(received_at) AS received_t,
         CASE WHEN accepted_at < TIMESTAMP {{period_end}} THEN to_unixtime(accepted_at) END AS accepted_t,
         CASE WHEN refused_at < TIMESTAMP {{period_end}} THEN to_unixtime(refused_at) END AS refused_t,
         CASE WHEN accepted_at < TIMESTAMP {{period_end}} AND handled_at < TIMESTAMP {{period_end}} THEN to_unixtime(handled_at) END AS handled_t
  FROM curated_complaints
  WHERE received_at >= TIMESTAMP {{period_start}} AND received_at < TIMESTAMP {{period_end}}
),
judged AS (
  SELECT cm.complaint_id, cm.case_id, cm.received_t, cm.accepted_t, cm.unit_id, cm.satisfied, cm.re_complained, cm.refused_t, cm.handled_t,
         coalesce(cm.accepted_t, cm.refused_t) AS decided_t,
         ${pre("cr")} AS received_pre,
         ${pre("cdd")} AS decided_pre,
         ${pre("ch")} AS handled_pre,
         ${pre("cl")} AS last_pre
  FROM cm
  CROSS JOIN bounds b
  LEFT JOIN dim_calendar cr ON cr.day = ${LOCAL_DAY("cm.received_t")}
  LEFT JOIN dim_calendar cdd ON cdd.day = ${LOCAL_DAY("coalesce(cm.accepted_t, cm.refused_t)")}
  LEFT JOIN dim_calendar ch ON ch.day = ${LOCAL_DAY("cm.handled_t")}
  LEFT JOIN dim_calendar cl ON cl.day = b.last_day
),
verdicts AS (
  SELECT complaint_id, case_id, received_t, accepted_t, refused_t, unit_id, satisfied, re_complained, handled_t,
         CASE
           WHEN decided_t IS NULL THEN (CASE WHEN last_pre > received_pre + {{accept_days}} THEN 'OVERDUE' ELSE 'PENDING' END)
           WHEN refused_t IS NOT NULL THEN (CASE WHEN decided_pre <= received_pre + {{accept_days}} THEN 'ON_TIME' ELSE 'LATE' END)
           WHEN handled_t IS NOT NULL THEN (
             CASE WHEN decided_pre <= received_pre + {{accept_days}} AND handled_pre <= received_pre + {{handle_days}} THEN 'ON_TIME' ELSE 'LATE' END)
           WHEN decided_pre > received_pre + {{accept_days}} THEN 'LATE'
           WHEN last_pre > received_pre + {{handle_days}} THEN 'OVERDUE'
           ELSE 'PENDING'
         END AS verdict
  FROM judged
)`;

export const COMPLAINT_INDICATORS_SQL = /* sql */ `
WITH bounds AS (
  SELECT ${LOCAL_DAY("to_unixtime(TIMESTAMP {{period_end}})")} - 1 AS last_day
),
${COMPLAINT_VERDICT_CTES}
SELECT unit_id,
       count(*) AS complaints,
       count_if(verdict <> 'PENDING') AS judged,
       count_if(verdict = 'ON_TIME') AS on_time,
       count_if(verdict = 'PENDING') AS pending,
       count_if(NOT (handled_t IS NOT NULL AND coalesce(satisfied = FALSE, FALSE)) AND NOT coalesce(re_complained, FALSE)
                AND verdict NOT IN ('LATE', 'OVERDUE')) AS s2_num
FROM verdicts
GROUP BY unit_id
ORDER BY unit_id`;
