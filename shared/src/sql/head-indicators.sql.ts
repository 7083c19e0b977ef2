import { CASE_FACTS_CTE, LOCAL_DAY } from "./case-facts.sql.js";
import { CASE_ROW_COLUMNS, COMPLAINED_CTE, ownerCounts } from "./case-indicators.sql.js";

/**
 * Head-of-unit attribution (methodology §6: "a head is rated on the cases their unit received
 * during their tenure inside the period"): the case counts the head rating needs, per unit and per
 * LOCAL DAY OF RECEIPT, over the period's dossiers as methodology §2 scopes them for the unit —
 * received in the period, carried over into it, resolved in it (D1). A head's counts are the sum
 * of their unit's rows over the days of their tenure (`sumTenure`, shared/src/methodology/head-tenure.ts).
 *
 * Reading of §6 (docs/adr/0010-head-ratings-and-reform-index.md): the period's dossiers, each
 * charged to the head in office on the day the unit received it. A carried-over dossier counts
 * for the head who received it, and a head in office over the whole period and before it has
 * exactly the unit's case-based numbers (tested). Clipping receipts to the period instead would
 * drop the carried-over backlog — mostly the late dossiers — from every head's results: heads
 * would score systematically above their own units.
 *
 * Why per day and not a `dim_heads` table or tenure parameters: tenures are edited by Home Affairs
 * at any time (DynamoDB), so a dimension table in the lake could be stale when the statement runs —
 * a head could be rated on another head's days. Rows per (unit, day) do not depend on the roster at
 * all: the same rows serve every roster, and the join happens in tested TypeScript. The price is at
 * most units × days rows (≈ 70 000 for a year of the whole province), far below Athena's limits.
 *
 * Parameters: those of CASE_FACTS_CTE ({{period_start}}, {{period_end}}, {{month_to}}).
 * Reads only the facts' columns (`facts1`, the verdicts without the working-day columns: received_t, received_in_period, in_scope,
 * resolved_in_period, status, flags, apologies, ...; `consult0`: consulted, requested_t, in_scope,
 * verdict) plus curated_complaints and dim_procedures, with the same rules as
 * case-indicators.sql.ts: summed over all days, every column equals the unit's (tested in
 * functions/test/head-indicators-sql.test.ts).
 *
 * Columns per row, `day` = days since 1970-01-01 of the local (UTC+7) date of receipt:
 * - as the receiving unit — received in the period (withdrawn included in `received`, as for the
 *   unit): received, t4_num, o3_num, ma_num, ma_den, d2_num, d4_num, d5_num, d6a_num, r3_num,
 *   r4_num, s3a_num; in the period's scope (received in it or carried over), status as of its end:
 *   early, on_time, late, overdue, in_progress, late_apology; resolved in the period and needing a
 *   result: d1_num, d1_den. Rows of days before the period hold carried-over or resolved cases only.
 * - as the consulted unit, by the local day of the request: consultations in the period's scope
 *   (verdict as of its end): r5_num (answered on time), r5_den (with a verdict).
 */
const OWNER_COLUMNS = [
  "received", "t4_num", "o3_num", "ma_num", "ma_den", "d2_num", "d4_num", "d5_num", "d6a_num", "r3_num", "r4_num", "s3a_num",
  "early", "on_time", "late", "overdue", "in_progress", "late_apology", "d1_num", "d1_den",
] as const;
const CONSULT_COLUMNS = ["r5_num", "r5_den"] as const;
export const HEAD_DAY_COLUMNS = [...OWNER_COLUMNS, ...CONSULT_COLUMNS] as const;
export type HeadDayColumn = (typeof HEAD_DAY_COLUMNS)[number];

const branch = (from: string, given: readonly string[]) =>
  `SELECT unit_id, day, ${HEAD_DAY_COLUMNS.map((c) => (given.includes(c) ? c : `0 AS ${c}`)).join(", ")} FROM ${from}`;

/** The statement over a facts CTE list (the single-statement one by default). */
export const headIndicatorsSql = (factsCte: string = CASE_FACTS_CTE) => /* sql */ `
WITH ${factsCte},
${COMPLAINED_CTE},
tenure_cases AS (
  SELECT f.unit_id,
         ${LOCAL_DAY("f.received_t")} AS day,
         f.received_in_period, f.in_scope, f.status, f.apologies, f.resolved_in_period, f.refused_t, f.supplement_requests, f.online_payments,
         f.synced_to_national_portal, f.digitized_dossier, f.digitized_result, f.reused_data, f.personal_data_store, f.population_database,
         ${CASE_ROW_COLUMNS}
  FROM facts1 f
  LEFT JOIN dim_procedures p ON p.code = f.procedure_code
  LEFT JOIN complained k ON k.case_id = f.case_id
  WHERE f.received_in_period OR f.in_scope OR f.resolved_in_period
),
owner_part AS (
  SELECT unit_id, day,
         ${ownerCounts(OWNER_COLUMNS)}
  FROM tenure_cases
  GROUP BY unit_id, day
),
tenure_consults AS (
  SELECT c.consulted AS unit_id, ${LOCAL_DAY("c.requested_t")} AS day, c.verdict
  FROM consult0 c
  WHERE c.in_scope
),
consult_part AS (
  SELECT unit_id, day,
         count_if(verdict = 'ON_TIME') AS r5_num,
         count_if(verdict <> 'PENDING') AS r5_den
  FROM tenure_consults
  GROUP BY unit_id, day
)
SELECT unit_id, day,
       ${HEAD_DAY_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(",\n       ")}
FROM (
  ${branch("owner_part", OWNER_COLUMNS)}
  UNION ALL
  ${branch("consult_part", CONSULT_COLUMNS)}
) parts
GROUP BY unit_id, day
ORDER BY unit_id, day`;

export const HEAD_INDICATORS_SQL = headIndicatorsSql();
