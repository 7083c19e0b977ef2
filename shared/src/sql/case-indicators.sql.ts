import { COMPLEX_FIELDS } from "../contracts/case-event.js";
import { CASE_FACTS_CTE, INLINE_MARK, LOCAL_DAY, OVERRUN_DAYS, OVERRUN_JOINS } from "./case-facts.sql.js";
import { UNIT_PROCEDURES_CTE } from "./catalog-indicators.sql.js";

/**
 * Every case-based count of the reference scorer (`referenceIndicators`) and the head-of-unit
 * attribution (methodology §6), in one statement (Athena bills ≥ 10 MB per query; a scoring run
 * computes a period's facts once for both). Parameters: those of CASE_FACTS_CTE plus
 * {{start_date}}, {{end_date}} ('YYYY-MM-DD', the period's first and last local dates, for the
 * unit's procedure list behind O2 / MB).
 *
 * Rows per unit and `day`, the sum of four parts (UNION ALL, then GROUP BY unit, day):
 * 1. as the receiving unit (owner) of its cases, per local day of receipt: received, flags,
 *    statuses, R1–R4 (R3: returns `r3_num`, of which marked improper `r3i_num`), R9, P2, D1, S3A,
 *    R6, the D7 measures (O3F, O3P by channel; O4 results digitally signed);
 * 2. as the consulted unit, per local day of the request: R5, R5D;
 * 3. delay attribution (R7), `day` NULL: overrun days charged to step holders and the lead's
 *    remainder — rows for every unit charged, valid or not, so that Σ r7_days is the province total;
 * 4. catalog × cases, `day` NULL: O2 and MB numerators (procedures of the unit with an online /
 *    paid-online case received in the period).
 * A unit's counts are the sum of its rows (functions/src/use-cases/indicator-rows.ts, which maps
 * columns to codes); the rows with a day are the head attribution (./head-indicators.sql.ts).
 */
const COMPLEX = COMPLEX_FIELDS.map((f) => `'${f}'`).join(", ");

/** Zero-filled part columns, so that every UNION ALL branch has the same shape. */
export const OWNER_COLUMNS = [
  "received", "t4_num", "o3_num", "ma_num", "ma_den", "d2_num", "d4_num", "d5_num", "d6a_num", "r3_num", "r3i_num", "r4_num", "s3a_num",
  "r6_num", "r6_den", "early", "on_time", "late", "overdue", "in_progress", "late_apology",
  "cx_received", "cx_r3_num", "cx_r3i_num", "cx_r4_num", "cx_good", "cx_late", "cx_in_progress", "cx_late_apology",
  "p2_num", "p2_den", "d1_num", "d1_den", "o3f_num", "o3p_num", "o4_num",
] as const;
const CONSULT_COLUMNS = ["r5_num", "r5_den", "r5d_num", "r5d_den"] as const;
const OTHER_COLUMNS = ["r7_days", "o2_num", "mb_num"] as const;
export const CASE_INDICATOR_COLUMNS = [...OWNER_COLUMNS, ...CONSULT_COLUMNS, ...OTHER_COLUMNS] as const;
export type CaseIndicatorColumn = (typeof CASE_INDICATOR_COLUMNS)[number];

/** One UNION ALL branch: the given columns, every other column 0, in CASE_INDICATOR_COLUMNS order. */
const branch = (from: string, given: readonly string[]) =>
  `SELECT unit_id, day, ${CASE_INDICATOR_COLUMNS.map((c) => (given.includes(c) ? c : `0 AS ${c}`)).join(", ")} FROM ${from}`;

/** The period condition an owner count is taken under (methodology §2). */
export type OwnerWhen = "received" | "scope" | "resolved";

/**
 * The count behind each owner column, over `cases` rows (facts plus the derived columns of
 * CASE_ROW_COLUMNS, `complex` for the cx_ ones): the cases `when` holds for (received in the
 * period, in its scope, resolved in it) for which `count` holds, or the sum of `sum` over them.
 * Period-free on purpose: the bucketed owner counts (./case-stages.sql.ts, `stageBucketsSql`) take
 * the same counts once per run for finished cases and apply `when` per period.
 */
export const OWNER_COUNTS: Readonly<Record<string, { readonly when: OwnerWhen; readonly count?: string; readonly sum?: string }>> = {
  received: { when: "received", count: "TRUE" },
  t4_num: { when: "received", count: "synced_to_national_portal = 1" },
  o3_num: { when: "received", count: "online" },
  ma_num: { when: "received", count: "fee AND online_payments > 0" },
  ma_den: { when: "received", count: "fee" },
  d2_num: { when: "received", count: "digitized_dossier = 1 AND (NOT needs_result OR digitized_result = 1)" },
  d4_num: { when: "received", count: "reused_data = 1" },
  d5_num: { when: "received", count: "personal_data_store = 1" },
  d6a_num: { when: "received", count: "population_database = 1" },
  r3_num: { when: "received", count: "refused_t IS NOT NULL" },
  r3i_num: { when: "received", count: "refused_t IS NOT NULL AND improper" },
  r4_num: { when: "received", count: "supplement_requests > 1" },
  s3a_num: { when: "received", count: "bad" },
  r6_num: { when: "received", sum: "CASE WHEN consult_requests > 0 THEN consulted_units ELSE 0 END" },
  r6_den: { when: "received", count: "consult_requests > 0" },
  early: { when: "scope", count: "status = 'EARLY'" },
  on_time: { when: "scope", count: "status = 'ON_TIME'" },
  late: { when: "scope", count: "status = 'LATE'" },
  overdue: { when: "scope", count: "status = 'OVERDUE'" },
  in_progress: { when: "scope", count: "status = 'IN_PROGRESS'" },
  late_apology: { when: "scope", count: "status IN ('LATE', 'OVERDUE') AND apologies > 0" },
  cx_received: { when: "received", count: "complex" },
  cx_r3_num: { when: "received", count: "complex AND refused_t IS NOT NULL" },
  cx_r3i_num: { when: "received", count: "complex AND refused_t IS NOT NULL AND improper" },
  cx_r4_num: { when: "received", count: "complex AND supplement_requests > 1" },
  cx_good: { when: "scope", count: "complex AND status IN ('EARLY', 'ON_TIME')" },
  cx_late: { when: "scope", count: "complex AND status IN ('LATE', 'OVERDUE')" },
  cx_in_progress: { when: "scope", count: "complex AND status = 'IN_PROGRESS'" },
  cx_late_apology: { when: "scope", count: "complex AND status IN ('LATE', 'OVERDUE') AND apologies > 0" },
  p2_num: { when: "resolved", sum: "handling_days" },
  p2_den: { when: "resolved", count: "TRUE" },
  d1_num: { when: "resolved", count: "needs_result AND digitized_result = 1" },
  d1_den: { when: "resolved", count: "needs_result" },
  o3f_num: { when: "received", count: "channel = 'ONLINE_FULL'" },
  o3p_num: { when: "received", count: "channel = 'ONLINE_PARTIAL'" },
  o4_num: { when: "resolved", count: "needs_result AND digitally_signed = 1" },
};

const WHEN_COLUMN: Readonly<Record<OwnerWhen, string>> = { received: "received_in_period", scope: "in_scope", resolved: "resolved_in_period" };

const ownerCount = (c: string) => {
  const o = OWNER_COUNTS[c];
  if (o === undefined) throw new Error(`no owner count for column ${c}`);
  return o;
};

/** `count AS column` for each column, in order, over `cases` rows of the period. */
export const ownerCounts = (columns: readonly string[]): string =>
  columns.map((c) => {
    const o = ownerCount(c);
    const when = WHEN_COLUMN[o.when];
    const sql = o.sum !== undefined ? `sum(CASE WHEN ${when} THEN ${o.sum} ELSE 0 END)` : o.count === "TRUE" ? `count_if(${when})` : `count_if(${when} AND ${o.count})`;
    return `${sql} AS ${c}`;
  }).join(",\n         ");

/** `bad` (a complaint before the period end, or an unsatisfied rating) in a count: it depends on the period too. */
const BAD = /\bbad\b/;

/**
 * The owner counts without their period condition (`count_if(count)`, `sum(sum)`), `bad` taken as
 * TRUE: the partial counts of a bucket (`stageBucketsSql`), which keys by what the condition reads.
 */
export const ownerPartials = (columns: readonly string[]): string =>
  columns.map((c) => {
    const o = ownerCount(c);
    const count = o.count?.replace(BAD, "TRUE");
    return `${o.sum !== undefined ? `sum(${o.sum})` : count === "TRUE" ? "count(*)" : `count_if(${count})`} AS ${c}`;
  }).join(",\n         ");

/** Dossiers with a complaint about them, received before the period end. */
export const COMPLAINED_CTE = /* sql */ `complained AS (
  SELECT DISTINCT case_id FROM curated_complaints
  WHERE case_id IS NOT NULL AND received_at < TIMESTAMP {{period_end}}
)`;

/**
 * The dossiers whose return Home Affairs marked improper (docs/adr/0015-improper-returns.md): one
 * row per marked dossier in `curated_improper_returns`, written whole by each scoring run from the
 * admin store. A mark has no date: it counts in every period whose R3 counts the dossier's return.
 */
export const IMPROPER_CTE = /* sql */ `improper_returns AS (
  SELECT DISTINCT case_id FROM curated_improper_returns WHERE case_id IS NOT NULL
)`;

/** A dossier submitted online, fully or partly (`f`: a facts row). */
const ONLINE = "f.channel IN ('ONLINE_FULL', 'ONLINE_PARTIAL')";

/**
 * Derived columns of a case row that do not depend on the period, from `f` (facts), `p`
 * (dim_procedures) and `ir` (improper_returns: the dossier's return was marked improper): each
 * column's expression (`CASE_STATIC`, which a statement without the aliases reads: the dossier
 * list's flags, ./case-list.sql.ts), and the select list of them all.
 */
export const CASE_STATIC = {
  complex: `f.field IN (${COMPLEX})`,
  fee: "coalesce(f.fee_bearing = 1, p.fee_bearing, FALSE)",
  needs_result: "coalesce(f.result_required = 1, p.result_required, FALSE)",
  online: ONLINE,
  improper: "ir.case_id IS NOT NULL",
} as const;
export const CASE_STATIC_COLUMNS = Object.entries(CASE_STATIC)
  .map(([name, sql]) => `${sql} AS ${name}`)
  .join(",\n         ");

/** The joins CASE_STATIC_COLUMNS reads besides the facts `f`. */
export const CASE_STATIC_JOINS = /* sql */ `LEFT JOIN dim_procedures p ON p.code = f.procedure_code
  LEFT JOIN improper_returns ir ON ir.case_id = f.case_id`;

/** Derived columns of a case row, from `f` (facts), `p` (dim_procedures) and `k` (complained). */
export const CASE_ROW_COLUMNS = /* sql */ `${CASE_STATIC_COLUMNS},
         (k.case_id IS NOT NULL OR f.rating_satisfied = FALSE) AS bad`;

/**
 * A run's bucketed owner counts for one period (./case-stages.sql.ts, `stageBucketsSql`): the
 * table, and the period as segments of the run's boundaries — an instant x is at or after the
 * period start iff seg(x) >= `from`, before its end iff seg(x) <= `to`.
 */
export interface CaseBuckets {
  readonly table: string;
  readonly from: number;
  readonly to: number;
}

/** The condition of each `when` on a bucket row (its keys), for the period of `b`. */
const bucketWhen = (b: CaseBuckets): Readonly<Record<OwnerWhen, string>> => ({
  received: "day >= start_day",
  scope: `end_seg >= 0 AND (day >= start_day OR end_seg >= ${b.from})`,
  resolved: `res_seg >= ${b.from}`,
});

/**
 * The owner counts of the period's bucketed cases (finished, last event in the period): the
 * buckets whose last event is in the period, each partial count taken if its `when` holds; S3A's
 * `bad` if the rating was unsatisfied (bad_seg 0) or a complaint came before the period end.
 */
const bucketPart = (b: CaseBuckets) => {
  if (![b.from, b.to].every((x) => Number.isInteger(x) && x >= 0) || b.from > b.to) throw new Error(`bucket segments ${b.from}..${b.to} are not a range of segments`);
  const when = bucketWhen(b);
  const columns = OWNER_COLUMNS.map((c) => {
    const o = ownerCount(c);
    const cond = BAD.test(o.count ?? "") ? `${when[o.when]} AND bad_seg <= ${b.to}` : when[o.when];
    return `sum(CASE WHEN ${cond} THEN ${c} ELSE 0 END) AS ${c}`;
  });
  return /* sql */ `bucket_part AS (
  SELECT unit_id, day,
         ${columns.join(",\n         ")}
  FROM ${b.table}
  CROSS JOIN bounds
  WHERE last_seg >= ${b.from} AND last_seg <= ${b.to}
    AND (${when.received} OR ${when.scope} OR ${when.resolved})
  GROUP BY unit_id, day
)`;
};

/**
 * Delay attribution (R7) over `facts1`, `transfer` and `consult`: the late dossiers of the period's
 * scope (`late_cases`, with the overrun of `facts`: the calendar joined for those rows only), the
 * step holders' charges (`charges`: transfers and consultations past their step due date, by
 * `role`) and the lead unit's remainder (`lead_charges`, may be ≤ 0: only positive ones are
 * charged). Shared by the case statement (R7) and the end's list behind R7 (./record-list.sql.ts).
 */
export const DELAY_CHARGES_CTE = /* sql */ `late_cases AS (
  SELECT f.case_id, f.unit_id, f.received_t, f.end_t, ${OVERRUN_DAYS} AS overrun_days
  FROM facts1 f
  ${OVERRUN_JOINS}
  WHERE f.in_scope AND f.status IN ('LATE', 'OVERDUE')
),
charges AS (
  SELECT t.to_unit AS unit_id, t.overrun_days AS days, t.case_id, 'TRANSFER' AS role
  FROM transfer t JOIN late_cases l ON l.case_id = t.case_id
  WHERE t.overrun_days > 0
  UNION ALL
  SELECT c.consulted AS unit_id, c.days_late AS days, c.case_id, 'CONSULTATION' AS role
  FROM consult c JOIN late_cases l ON l.case_id = c.case_id
  WHERE c.days_late > 0
),
lead_charges AS (
  SELECT l.unit_id, l.overrun_days - coalesce(sum(c.days), 0) AS days, l.case_id
  FROM late_cases l
  LEFT JOIN charges c ON c.case_id = l.case_id
  GROUP BY l.case_id, l.unit_id, l.overrun_days
)`;

/** The case indicator statement over a facts CTE list (the single-statement one, or staged sources). */
export const caseIndicatorsSql = (factsCte: string, buckets: CaseBuckets | null = null) => {
  // `cases` follows the facts: inlined when they are (staged scoring), else the engine's choice.
  const as = factsCte.includes(INLINE_MARK) ? INLINE_MARK : "AS (";
  return /* sql */ `
WITH ${factsCte},
${UNIT_PROCEDURES_CTE},
${COMPLAINED_CTE},
${IMPROPER_CTE},
cases ${as}
  SELECT f.*,
         ${LOCAL_DAY("f.received_t")} AS day,
         ${CASE_ROW_COLUMNS}
  FROM facts f
  ${CASE_STATIC_JOINS}
  LEFT JOIN complained k ON k.case_id = f.case_id
),
owner_part AS (
  -- Every count is of cases received, in scope or resolved in the period: the others make no row.
  -- With buckets, the bucketed cases are counted by bucket_part instead.
  SELECT unit_id, day,
         ${ownerCounts(OWNER_COLUMNS)}
  FROM cases
  WHERE (received_in_period OR in_scope OR resolved_in_period)${buckets ? " AND NOT bucketed" : ""}
  GROUP BY unit_id, day
),${buckets ? `\n${bucketPart(buckets)},` : ""}
consult_part AS (
  SELECT consulted AS unit_id, ${LOCAL_DAY("requested_t")} AS day,
         count_if(verdict = 'ON_TIME') AS r5_num,
         count_if(verdict <> 'PENDING') AS r5_den,
         sum(CASE WHEN verdict IN ('LATE', 'OVERDUE') THEN days_late ELSE 0 END) AS r5d_num,
         count_if(verdict IN ('LATE', 'OVERDUE')) AS r5d_den
  FROM consult
  WHERE in_scope
  GROUP BY consulted, ${LOCAL_DAY("requested_t")}
),
${DELAY_CHARGES_CTE},
r7_part AS (
  SELECT unit_id, CAST(NULL AS BIGINT) AS day, sum(days) AS r7_days
  FROM (
    SELECT unit_id, days FROM charges
    UNION ALL
    SELECT unit_id, days FROM lead_charges WHERE days > 0
  ) x
  GROUP BY unit_id
),
procedure_cases AS (
  -- From facts1 (the verdicts before the working-day joins), not cases: DuckDB keeps a LEFT JOIN
  -- it does not need, and planned the year's calendar join the wrong way round (0.8 s of 1.6 s).
  SELECT DISTINCT f.unit_id, f.procedure_code, ${ONLINE} AS online, f.online_payments > 0 AS paid_online
  FROM facts1 f
  WHERE f.received_in_period AND (${ONLINE} OR f.online_payments > 0)
),
catalog_part AS (
  SELECT unit_id, CAST(NULL AS BIGINT) AS day, count_if(online_level <> 'NONE' AND any_online = 1) AS o2_num, count_if(fee_bearing AND any_paid = 1) AS mb_num
  FROM (
    SELECT u.unit_id, u.code, u.online_level, u.fee_bearing,
           max(CASE WHEN c.online THEN 1 ELSE 0 END) AS any_online,
           max(CASE WHEN c.paid_online THEN 1 ELSE 0 END) AS any_paid
    FROM unit_procedures u
    JOIN procedure_cases c ON c.unit_id = u.unit_id AND c.procedure_code = u.code
    GROUP BY u.unit_id, u.code, u.online_level, u.fee_bearing
  ) x
  GROUP BY unit_id
)
SELECT unit_id, day,
       ${CASE_INDICATOR_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(",\n       ")}
FROM (
  ${branch("owner_part", OWNER_COLUMNS)}
  UNION ALL${buckets ? `\n  ${branch("bucket_part", OWNER_COLUMNS)}\n  UNION ALL` : ""}
  ${branch("consult_part", CONSULT_COLUMNS)}
  UNION ALL
  ${branch("r7_part", ["r7_days"])}
  UNION ALL
  ${branch("catalog_part", ["o2_num", "mb_num"])}
) parts
GROUP BY unit_id, day
ORDER BY unit_id, day`;
};

export const CASE_INDICATORS_SQL = caseIndicatorsSql(CASE_FACTS_CTE);
