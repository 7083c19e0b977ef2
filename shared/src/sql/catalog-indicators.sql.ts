/**
 * Catalog indicators (T1–T3, O1, O2 and MB denominators, MC, D6B) per unit valid in the period,
 * from the procedure catalog (`dim_procedures`, `dim_procedure_units`), the unit catalog
 * (`dim_units`) and the working-day calendar (`dim_calendar`). No event is read.
 *
 * Parameters: {{start_date}}, {{end_date}} ('YYYY-MM-DD', first and last local date of the period).
 *
 * Working-day rules in index form (idx = working_day_index, the working days up to and including
 * a date; pre(d) = idx(d) − [d is a working day], the working days strictly before d):
 * - workingDaysBetween(a, b) ≥ 5            ⇔ idx(b) − idx(a) ≥ 5
 * - d ≤ addWorkingDays(a, n)                ⇔ pre(d) ≤ pre(a) + n
 * - addWorkingDays(a, n) ≤ d                ⇔ idx(d) ≥ pre(a) + n + 1
 */

/**
 * Procedures of each unit valid on some day of the period (not the PROVINCE row): the units listed
 * for the procedure in dim_procedure_units, or when none are listed every unit of its tier.
 */
export const UNIT_PROCEDURES_CTE = /* sql */ `
scored_units AS (
  SELECT unit_id, tier
  FROM dim_units
  WHERE tier <> 'PROVINCE'
    AND valid_from <= DATE {{end_date}}
    AND (valid_to IS NULL OR valid_to >= DATE {{start_date}})
),
restricted AS (
  SELECT DISTINCT code, unit_id FROM dim_procedure_units
),
restricted_codes AS (
  SELECT DISTINCT code FROM dim_procedure_units
),
unit_procedures AS (
  SELECT u.unit_id, p.code, p.online_level, p.fee_bearing, p.payment_integrated, p.population_db_connected,
         p.decision_date, p.legal_effective_date, p.public_date, p.content_complete, p.valid_from, p.valid_to
  FROM scored_units u
  JOIN dim_procedures p
    ON p.valid_from <= DATE {{end_date}} AND (p.valid_to IS NULL OR p.valid_to >= DATE {{start_date}})
  LEFT JOIN restricted r ON r.code = p.code AND r.unit_id = u.unit_id
  LEFT JOIN restricted_codes rc ON rc.code = p.code
  WHERE r.unit_id IS NOT NULL OR (rc.code IS NULL AND p.tier = u.tier)
)`;

/**
 * `dated`: the unit's procedures (`unit_procedures`) with the working-day indexes T1 and T2 compare
 * (see the rules above) and whether the procedure was made public in the period. Shared with the
 * catalog entries of the records list (./record-list.sql.ts).
 */
export const DATED_PROCEDURES_CTE = /* sql */ `dated AS (
  SELECT p.*,
         cd.working_day_index AS dec_idx,
         cd.working_day_index - CASE WHEN cd.is_working THEN 1 ELSE 0 END AS dec_pre,
         ce.working_day_index AS eff_idx,
         cp.working_day_index - CASE WHEN cp.is_working THEN 1 ELSE 0 END AS pub_pre,
         cl.working_day_index AS last_idx,
         p.public_date >= DATE {{start_date}} AND p.public_date <= DATE {{end_date}} AS public_in_period
  FROM unit_procedures p
  LEFT JOIN dim_calendar cd ON cd."date" = p.decision_date
  LEFT JOIN dim_calendar ce ON ce."date" = p.legal_effective_date
  LEFT JOIN dim_calendar cp ON cp."date" = p.public_date
  LEFT JOIN dim_calendar cl ON cl."date" = DATE {{end_date}}
)`;

export const CATALOG_INDICATORS_SQL = /* sql */ `
WITH ${UNIT_PROCEDURES_CTE},
${DATED_PROCEDURES_CTE}
SELECT unit_id,
       count_if(decision_date >= DATE {{start_date}} AND decision_date <= DATE {{end_date}} AND eff_idx - dec_idx >= 5) AS t1_num,
       count_if(decision_date >= DATE {{start_date}} AND decision_date <= DATE {{end_date}}) AS t1_den,
       count_if(decision_date <= DATE {{end_date}} AND public_in_period AND pub_pre <= dec_pre + 5) AS t2_num,
       count_if(decision_date <= DATE {{end_date}} AND (
                  public_in_period
                  OR ((public_date IS NULL OR public_date > DATE {{end_date}}) AND last_idx >= dec_pre + 6))) AS t2_den,
       count_if(public_date <= DATE {{end_date}} AND content_complete) AS t3_num,
       count_if(public_date <= DATE {{end_date}}) AS t3_den,
       count_if(online_level <> 'NONE') AS o1_num,
       count(*) AS o1_den,
       count_if(online_level <> 'NONE') AS o2_den,
       count_if(fee_bearing) AS mb_den,
       count_if(fee_bearing AND payment_integrated) AS mc_num,
       count_if(fee_bearing) AS mc_den,
       count_if(population_db_connected) AS d6b_num,
       count(*) AS d6b_den
FROM dated
GROUP BY unit_id
ORDER BY unit_id`;
