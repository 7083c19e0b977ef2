/**
 * What the lake holds for scoring, per local month (functions/src/use-cases/scored-inputs.ts: the
 * periods late events and complaints reached). No parameters.
 */

/** Curated events per month partition (the local month of `occurredAt`). */
export const EVENTS_BY_MONTH_SQL = "SELECT month, count(*) AS n FROM curated_events GROUP BY month";

/** The columns of COMPLAINT_DIGEST_SQL after `month`, in order. */
export const COMPLAINT_DIGEST_COLUMNS = ["n", "accepted", "refused", "handled", "satisfied", "re_complained", "instants"] as const;

/**
 * Complaints by local month of receipt, as a digest of their latest state: how many, how many
 * accepted, refused, handled, satisfied, complained again, and the sum of their decision instants
 * in whole seconds (a complaint that advances or is corrected changes it).
 */
export const COMPLAINT_DIGEST_SQL = /* sql */ `
SELECT substr(CAST(received_at + INTERVAL '7' HOUR AS VARCHAR), 1, 7) AS month,
       count(*) AS n,
       count(accepted_at) AS accepted,
       count(refused_at) AS refused,
       count(handled_at) AS handled,
       count_if(satisfied) AS satisfied,
       count_if(re_complained) AS re_complained,
       coalesce(sum(CAST(to_unixtime(accepted_at) AS BIGINT)), 0)
         + coalesce(sum(CAST(to_unixtime(refused_at) AS BIGINT)), 0)
         + coalesce(sum(CAST(to_unixtime(handled_at) AS BIGINT)), 0) AS instants
FROM curated_complaints
WHERE received_at IS NOT NULL
GROUP BY 1`;

/**
 * The procedure catalog as the scoring reads it, every version with its validity (dates as
 * 'YYYY-MM-DD' text): a period's catalog is the versions valid in it, plus the units restricted
 * procedures name (CATALOG_UNITS_SQL, not dated).
 */
export const CATALOG_ROWS_SQL = /* sql */ `
SELECT code, tier, field, online_level, fee_bearing, payment_integrated, result_required, population_db_connected, content_complete,
       CAST(valid_from AS VARCHAR) AS valid_from, CAST(valid_to AS VARCHAR) AS valid_to,
       CAST(decision_date AS VARCHAR) AS decision_date, CAST(legal_effective_date AS VARCHAR) AS legal_effective_date,
       CAST(public_date AS VARCHAR) AS public_date
FROM dim_procedures`;

export const CATALOG_UNITS_SQL = "SELECT code, unit_id FROM dim_procedure_units";

/** The columns of IMPROPER_RETURNS_DIGEST_SQL after `month`, in order. */
export const IMPROPER_RETURNS_DIGEST_COLUMNS = ["n", "instants"] as const;

/**
 * Home Affairs' marks of improper returns by local month of the dossier's receipt (R3 counts the
 * dossiers received in a period): how many marked dossiers, and the sum of their marking instants
 * in whole seconds — a mark added, withdrawn or made again changes it. A mark on a dossier the
 * lake does not know changes no number and is not counted here.
 */
export const IMPROPER_RETURNS_DIGEST_SQL = /* sql */ `
SELECT substr(CAST(r.received_at + INTERVAL '7' HOUR AS VARCHAR), 1, 7) AS month,
       count(*) AS n,
       coalesce(sum(CAST(to_unixtime(m.marked_at) AS BIGINT)), 0) AS instants
FROM curated_improper_returns m
JOIN (
  SELECT case_id, min(occurred_at) AS received_at
  FROM curated_events
  WHERE type = 'RECEIVED' AND case_id IN (SELECT case_id FROM curated_improper_returns)
  GROUP BY case_id
) r ON r.case_id = m.case_id
GROUP BY 1`;
