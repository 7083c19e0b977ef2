/**
 * Dossier facts as of the end of a period (methodology §2, facts/README.md), in the SQL subset that
 * Athena (Trino) and DuckDB run unchanged: the SQL twin of `caseFacts()`. Every rule below is
 * checked against the reference scorer by functions/test/sql-differential.test.ts.
 *
 * Parameters: {{period_start}}, {{period_end}} (UTC 'YYYY-MM-DD HH:MM:SS' of the local midnights
 * that open and close the period), {{month_to}} ('YYYY-MM', the last partition read).
 *
 * Portability rules (stack.md §7, docs/adr/0003): instants are epoch seconds (`to_unixtime`),
 * local dates are day numbers `floor((t + 25200) / 86400)`, working-day arithmetic is a difference
 * of `dim_calendar.working_day_index` (no date_diff / AT TIME ZONE / date_add), `least`/`greatest`
 * are never given a NULL (Trino returns NULL, DuckDB skips it).
 *
 * Working days: `workingDaysBetween(a, b)` = max(0, idx(b) − idx(a)) with idx = working_day_index,
 * the count of working days up to and including the date.
 *
 * CTEs defined (each usable by the statement that includes this text):
 * - `ev`          the events before the period end (curated: one row per eventId)
 * - `bounds`      start_t, end_t (epoch s), start_day, last_day (local day numbers)
 * - `facts`       one row per case with a RECEIVED before the end: owner unit, receipt, due,
 *                 end, status, scope, flags (OR-ed), overrun working days, handling days, ...
 * - `consult`     one row per CONSULT_REQUESTED of a case in `facts`, paired with its answer
 * - `transfer`    one row per TRANSFERRED of a case in `facts`, with the holder's overrun
 */
export const LOCAL_DAY = (t: string) => `CAST(floor((${t} + 25200) / 86400) AS BIGINT)`;

/** The flag columns of curated_events that the facts OR over the events (name in SQL). */
export const FACT_FLAGS = [
  "digitized_dossier",
  "digitized_result",
  "digitally_signed",
  "reused_data",
  "fee_bearing",
  "synced_to_national_portal",
  "result_required",
  "personal_data_store",
  "population_database",
] as const;

/** A case-level flag: 1 if any event says true, 0 if some say false and none true, NULL if none says. */
const flagAgg = (f: string) => `max(CASE WHEN ${f} THEN 1 WHEN NOT ${f} THEN 0 END) AS ${f}`;

/** One named CTE of the facts: `name AS (...)`. */
export interface CteFragment {
  readonly name: string;
  readonly sql: string;
}

/**
 * `ev`: the events before the period end, in the partitions up to {{month_to}}. `curated_events`
 * holds one row per eventId — compaction's invariant (duckdb-compactor.ts locally, the Athena
 * compaction in the cloud; compaction.property.test.ts) — so no DISTINCT here: deduplicating
 * 6 M wide rows at every scoring run cost 30 s of the province-year (docs/adr/0009).
 */
/** The columns of `ev` (one row per event). */
export const EV_COLUMNS = [
  "event_id", "case_id", "type", "unit_id", "target_unit_id", "procedure_code", "field", "channel", "t", "due_t",
  ...FACT_FLAGS, "online_payment", "rating_satisfied",
] as const;

export const EVENTS_SELECT = /* sql */ `
  SELECT event_id, case_id, type, unit_id, target_unit_id, procedure_code, field, channel,
         to_unixtime(occurred_at) AS t,
         to_unixtime(due_at) AS due_t,
         ${FACT_FLAGS.join(", ")}, online_payment, rating_satisfied
  FROM curated_events
  WHERE month <= {{month_to}}
    AND occurred_at < TIMESTAMP {{period_end}}`;

export const EV_FRAGMENT: CteFragment = { name: "ev", sql: `ev AS (${EVENTS_SELECT}
)` };

/** `bounds`: the period's instants and local days. */
export const BOUNDS_FRAGMENT: CteFragment = { name: "bounds", sql: /* sql */ `bounds AS (
  SELECT to_unixtime(TIMESTAMP {{period_start}}) AS start_t,
         to_unixtime(TIMESTAMP {{period_end}}) AS end_t,
         ${LOCAL_DAY("to_unixtime(TIMESTAMP {{period_start}})")} AS start_day,
         ${LOCAL_DAY("to_unixtime(TIMESTAMP {{period_end}})")} - 1 AS last_day
)` };

/**
 * Stage A — what the events say, whatever the period: per case `facts0` (receipt, effective due,
 * end, counts, flags, rating, `last_t` = the instant of its latest event), `consult_base` (each
 * consultation request paired with its answer) and `transfer_base` (each transfer with the instant
 * the step ended). Reads `ev` only. For a case whose events all lie before the period end these
 * rows are the same whichever later instant `ev` was cut at — the fact the staged scoring uses
 * (./case-stages.sql.ts). `ev` names the events relation (a CTE, or a view in staged scoring);
 * `agg` reads every event from it, the other fragments read only events of TYPED_EVENT_TYPES, from
 * `typed` (the same relation, or in staged scoring a table of just those events: the lake is then
 * scanned once for them and once for `agg`, not once per fragment — Athena bills every scan).
 */
export const TYPED_EVENT_TYPES = [
  "RECEIVED", "DUE_DATE_SET", "RATED", "SUPPLEMENT_REQUESTED", "SUPPLEMENT_RECEIVED", "CONSULT_REQUESTED", "CONSULT_ANSWERED", "TRANSFERRED",
] as const;

/**
 * The columns of `ev` that the fragments reading `typed` use (every one but the flags, which only
 * `agg` reads): staged scoring keeps just these in its typed-events table (a narrower copy, and
 * fewer lake columns billed on Athena).
 */
export const TYPED_COLUMNS = ["event_id", "case_id", "type", "unit_id", "target_unit_id", "procedure_code", "field", "channel", "t", "due_t", "rating_satisfied"] as const;

export const caseBaseFragments = (ev = "ev", typed = ev): readonly CteFragment[] => [
  { name: "received", sql: /* sql */ `received AS (
  SELECT case_id, unit_id, procedure_code, field, channel, t AS received_t, due_t AS received_due_t
  FROM (
    SELECT case_id, unit_id, procedure_code, field, channel, t, due_t,
           row_number() OVER (PARTITION BY case_id ORDER BY t, event_id) AS rn
    FROM ${typed} WHERE type = 'RECEIVED'
  ) r
  WHERE rn = 1
)` },
  { name: "due_set", sql: /* sql */ `due_set AS (
  SELECT case_id, due_t
  FROM (
    SELECT case_id, due_t,
           row_number() OVER (PARTITION BY case_id ORDER BY t DESC, due_t DESC) AS rn
    FROM ${typed} WHERE type = 'DUE_DATE_SET' AND due_t IS NOT NULL
  ) d
  WHERE rn = 1
)` },
  { name: "rating", sql: /* sql */ `rating AS (
  SELECT case_id, rating_satisfied
  FROM (
    SELECT case_id, rating_satisfied,
           row_number() OVER (PARTITION BY case_id ORDER BY t DESC, event_id DESC) AS rn
    FROM ${typed} WHERE type = 'RATED' AND rating_satisfied IS NOT NULL
  ) x
  WHERE rn = 1
)` },
  { name: "agg", sql: /* sql */ `agg AS (
  SELECT case_id,
         max(t) AS last_t,
         min(CASE WHEN type = 'RESOLVED' THEN t END) AS resolved_t,
         min(CASE WHEN type = 'RESULT_DELIVERED' THEN t END) AS delivered_t,
         min(CASE WHEN type IN ('REFUSED', 'STOPPED') THEN t END) AS refused_t,
         count_if(type = 'WITHDRAWN') AS withdrawn,
         min(CASE WHEN type = 'WITHDRAWN' THEN t END) AS withdrawn_t,
         count_if(type = 'SUPPLEMENT_REQUESTED') AS supplement_requests,
         count_if(type = 'APOLOGY_ISSUED') AS apologies,
         count_if(type = 'PAYMENT_COMPLETED' AND online_payment) AS online_payments,
         count_if(type = 'CONSULT_REQUESTED') AS consult_requests,
         ${FACT_FLAGS.map(flagAgg).join(",\n         ")}
  FROM ${ev}
  GROUP BY case_id
)` },
  { name: "consulted_units", sql: /* sql */ `consulted_units AS (
  SELECT case_id, count(*) AS consulted_units
  FROM (SELECT DISTINCT case_id, coalesce(target_unit_id, unit_id) AS consulted FROM ${typed} WHERE type = 'CONSULT_REQUESTED') x
  GROUP BY case_id
)` },
  { name: "supplement", sql: /* sql */ `supplement AS (
  SELECT q.case_id, q.t AS requested_t, min(r.t) AS received_t
  FROM ${typed} q
  LEFT JOIN ${typed} r
    ON r.case_id = q.case_id AND r.type = 'SUPPLEMENT_RECEIVED' AND r.t >= q.t
  WHERE q.type = 'SUPPLEMENT_REQUESTED'
  GROUP BY q.case_id, q.event_id, q.t
)` },
  { name: "pause", sql: /* sql */ `pause AS (
  SELECT case_id,
         sum(CASE WHEN received_t IS NOT NULL THEN received_t - requested_t ELSE 0 END) AS paused_s,
         min(CASE WHEN received_t IS NULL THEN requested_t END) AS open_request_t
  FROM supplement
  GROUP BY case_id
)` },
  { name: "facts0", sql: /* sql */ `facts0 AS (
  SELECT c.case_id, c.unit_id, c.procedure_code, c.field, c.channel, c.received_t,
         coalesce(d.due_t, c.received_due_t) + coalesce(p.paused_s, 0) AS due_eff_t,
         coalesce(e.resolved_t, e.delivered_t, e.refused_t) AS end_t,
         coalesce(e.resolved_t, e.delivered_t) AS resolved_t,
         e.withdrawn, e.withdrawn_t, e.last_t, e.supplement_requests, p.open_request_t,
         e.apologies, e.online_payments, e.consult_requests, coalesce(cu.consulted_units, 0) AS consulted_units, e.refused_t,
         ${FACT_FLAGS.map((f) => `e.${f}`).join(", ")},
         rt.rating_satisfied
  FROM received c
  JOIN agg e ON e.case_id = c.case_id
  LEFT JOIN due_set d ON d.case_id = c.case_id
  LEFT JOIN pause p ON p.case_id = c.case_id
  LEFT JOIN rating rt ON rt.case_id = c.case_id
  LEFT JOIN consulted_units cu ON cu.case_id = c.case_id
)` },
  { name: "consult_walk", sql: /* sql */ `consult_walk AS (
  SELECT x.*,
         sum(CASE WHEN is_req = 1 THEN 1 ELSE -1 END) OVER (PARTITION BY case_id, consulted ORDER BY t, is_req DESC, event_id ROWS UNBOUNDED PRECEDING) AS s,
         sum(is_req) OVER (PARTITION BY case_id, consulted ORDER BY t, is_req DESC, event_id ROWS UNBOUNDED PRECEDING) AS req_no,
         sum(1 - is_req) OVER (PARTITION BY case_id, consulted ORDER BY t, is_req DESC, event_id ROWS UNBOUNDED PRECEDING) AS ans_no
  FROM (
    SELECT case_id, coalesce(target_unit_id, unit_id) AS consulted, event_id, t, due_t, 1 AS is_req FROM ${typed} WHERE type = 'CONSULT_REQUESTED'
    UNION ALL
    SELECT case_id, unit_id AS consulted, event_id, t, CAST(NULL AS DOUBLE) AS due_t, 0 AS is_req FROM ${typed} WHERE type = 'CONSULT_ANSWERED'
  ) x
)` },
  { name: "consult_queue", sql: /* sql */ `consult_queue AS (
  SELECT w.*,
         min(w.s - CASE WHEN w.is_req = 1 THEN 1 ELSE -1 END) OVER (PARTITION BY case_id, consulted ORDER BY t, is_req DESC, event_id ROWS UNBOUNDED PRECEDING) AS m_prev
  FROM consult_walk w
)` },
  { name: "consult_answer", sql: /* sql */ `consult_answer AS (
  SELECT case_id, consulted, t AS answered_t, ans_no + m_prev AS req_no
  FROM consult_queue
  WHERE is_req = 0 AND s >= m_prev
)` },
  { name: "consult_base", sql: /* sql */ `consult_base AS (
  SELECT q.case_id, q.consulted, q.t AS requested_t, q.due_t, a.answered_t
  FROM consult_queue q
  JOIN received c ON c.case_id = q.case_id
  LEFT JOIN consult_answer a ON a.case_id = q.case_id AND a.consulted = q.consulted AND a.req_no = q.req_no
  WHERE q.is_req = 1
)` },
  { name: "transfer_base", sql: /* sql */ `transfer_base AS (
  SELECT x.case_id, coalesce(x.target_unit_id, x.unit_id) AS to_unit, x.due_t,
         CASE
           WHEN min(y.t) IS NOT NULL AND f.end_t IS NOT NULL AND f.end_t >= x.t AND f.end_t < min(y.t) THEN f.end_t
           WHEN min(y.t) IS NOT NULL THEN min(y.t)
           WHEN f.end_t IS NOT NULL AND f.end_t >= x.t THEN f.end_t
         END AS ended_t
  FROM ${typed} x
  JOIN facts0 f ON f.case_id = x.case_id
  LEFT JOIN ${typed} y
    ON y.case_id = x.case_id AND y.type = 'TRANSFERRED' AND y.unit_id = coalesce(x.target_unit_id, x.unit_id)
   AND (y.t > x.t OR (y.t = x.t AND y.event_id > x.event_id))
  WHERE x.type = 'TRANSFERRED'
  GROUP BY x.case_id, x.event_id, x.t, x.target_unit_id, x.unit_id, x.due_t, f.end_t
)` },
];

/**
 * The working days of `facts` over a `facts1` row `f`: past the effective due date (LATE, OVERDUE;
 * the `cd`, `cj` joins) and from receipt to resolution (P2; `cr`, `ce`). Exported so that a
 * statement needing them for a few rows (the late cases of R7, a drill-down list) filters `facts1`
 * first and joins the calendar for those rows only.
 */
export const OVERRUN_DAYS = /* sql */ `CASE WHEN f.status IN ('LATE', 'OVERDUE') AND cj.working_day_index > cd.working_day_index
              THEN cj.working_day_index - cd.working_day_index ELSE 0 END`;
export const OVERRUN_JOINS = /* sql */ `LEFT JOIN dim_calendar cd ON cd.day = f.due_day
  LEFT JOIN dim_calendar cj ON cj.day = f.judged_day`;
export const HANDLING_DAYS = /* sql */ `CASE WHEN f.resolved_t IS NULL THEN NULL
              WHEN ce.working_day_index > cr.working_day_index THEN ce.working_day_index - cr.working_day_index
              ELSE 0 END`;
export const HANDLING_JOINS = `LEFT JOIN dim_calendar cr ON cr.day = ${LOCAL_DAY("f.received_t")}
  LEFT JOIN dim_calendar ce ON ce.day = ${LOCAL_DAY("f.resolved_t")}`;

/**
 * Stage B — the verdicts as of the period: `facts` (status, scope, overrun and handling working
 * days), `consult` (verdict, days late, scope) and `transfer` (the holder's overrun), from
 * `bounds`, `facts0`, `consult_base`, `transfer_base` and `dim_calendar`.
 */
export const CASE_VERDICT_FRAGMENTS: readonly CteFragment[] = [
  { name: "facts1", sql: /* sql */ `facts1 AS (
  SELECT f.*,
         CASE
           WHEN f.withdrawn > 0 THEN 'EXCLUDED'
           WHEN f.supplement_requests > 1 THEN (CASE WHEN f.end_t IS NOT NULL THEN 'LATE' ELSE 'OVERDUE' END)
           WHEN f.end_t IS NOT NULL THEN (
             CASE
               WHEN ${LOCAL_DAY("f.end_t")} < ${LOCAL_DAY("f.due_eff_t")} THEN 'EARLY'
               WHEN ${LOCAL_DAY("f.end_t")} = ${LOCAL_DAY("f.due_eff_t")} THEN 'ON_TIME'
               ELSE 'LATE'
             END)
           WHEN coalesce(f.open_request_t, b.end_t) > f.due_eff_t THEN 'OVERDUE'
           ELSE 'IN_PROGRESS'
         END AS status,
         CASE
           WHEN f.end_t IS NOT NULL THEN ${LOCAL_DAY("f.end_t")}
           WHEN f.open_request_t IS NOT NULL AND f.supplement_requests = 1 THEN ${LOCAL_DAY("f.open_request_t")}
           ELSE b.last_day
         END AS judged_day,
         ${LOCAL_DAY("f.due_eff_t")} AS due_day,
         f.received_t >= b.start_t AS received_in_period,
         f.withdrawn = 0 AND (f.received_t >= b.start_t OR f.end_t IS NULL OR f.end_t >= b.start_t) AS in_scope,
         f.resolved_t IS NOT NULL AND f.resolved_t >= b.start_t AS resolved_in_period
  FROM facts0 f
  CROSS JOIN bounds b
)` },
  { name: "facts", sql: /* sql */ `facts AS (
  SELECT f.*,
         ${OVERRUN_DAYS} AS overrun_days,
         ${HANDLING_DAYS} AS handling_days
  FROM facts1 f
  ${OVERRUN_JOINS}
  ${HANDLING_JOINS}
)` },
  { name: "consult0", sql: /* sql */ `consult0 AS (
  SELECT q.case_id, q.consulted, q.requested_t, q.due_t, q.answered_t,
         CASE
           WHEN q.answered_t IS NOT NULL THEN (
             CASE WHEN q.due_t IS NULL OR ${LOCAL_DAY("q.answered_t")} <= ${LOCAL_DAY("q.due_t")} THEN 'ON_TIME' ELSE 'LATE' END)
           WHEN q.due_t IS NOT NULL AND b.end_t > q.due_t THEN 'OVERDUE'
           ELSE 'PENDING'
         END AS verdict,
         CASE WHEN q.answered_t IS NOT NULL THEN ${LOCAL_DAY("q.answered_t")} ELSE b.last_day END AS judged_day,
         (q.requested_t >= b.start_t OR q.answered_t IS NULL OR q.answered_t >= b.start_t) AS in_scope
  FROM consult_base q
  CROSS JOIN bounds b
)` },
  { name: "consult", sql: /* sql */ `consult AS (
  SELECT c.*,
         CASE WHEN c.verdict IN ('LATE', 'OVERDUE') AND cj.working_day_index > cd.working_day_index
              THEN cj.working_day_index - cd.working_day_index ELSE 0 END AS days_late
  FROM consult0 c
  LEFT JOIN dim_calendar cd ON cd.day = ${LOCAL_DAY("c.due_t")}
  LEFT JOIN dim_calendar cj ON cj.day = c.judged_day
)` },
  { name: "transfer", sql: /* sql */ `transfer AS (
  SELECT t.case_id, t.to_unit,
         CASE WHEN t.due_t IS NOT NULL AND cj.working_day_index > cd.working_day_index
              THEN cj.working_day_index - cd.working_day_index ELSE 0 END AS overrun_days
  FROM transfer_base t
  CROSS JOIN bounds b
  LEFT JOIN dim_calendar cd ON cd.day = ${LOCAL_DAY("t.due_t")}
  LEFT JOIN dim_calendar cj ON cj.day = CASE WHEN t.ended_t IS NULL THEN b.last_day ELSE ${LOCAL_DAY("t.ended_t")} END
)` },
];

/** The columns of `facts0`, in order (checked against the engine by sql-staged.test.ts). */
export const FACTS0_COLUMNS = [
  "case_id", "unit_id", "procedure_code", "field", "channel", "received_t", "due_eff_t", "end_t", "resolved_t",
  "withdrawn", "withdrawn_t", "last_t", "supplement_requests", "open_request_t", "apologies", "online_payments",
  "consult_requests", "consulted_units", "refused_t", ...FACT_FLAGS, "rating_satisfied",
] as const;
export const CONSULT_BASE_COLUMNS = ["case_id", "consulted", "requested_t", "due_t", "answered_t"] as const;
export const TRANSFER_BASE_COLUMNS = ["case_id", "to_unit", "due_t", "ended_t"] as const;

/**
 * Marks a CTE that the engine should inline rather than materialise (a comment to Trino, which
 * always inlines; `NOT MATERIALIZED` to DuckDB: functions/src/adapters/local/duckdb-engine.ts).
 */
export const INLINE_MARK = "AS /* inline */ (";

/**
 * The fragments as one CTE list, with some replaced by `name AS (select)` (staged scoring), every
 * definition marked for inlining when `inline` is set.
 */
export function cteList(fragments: readonly CteFragment[], replace: Readonly<Record<string, string>> = {}, options: { inline?: boolean } = {}): string {
  const as = options.inline ? INLINE_MARK : "AS (";
  return fragments
    .map((f) => (f.name in replace ? `${f.name} ${as}\n${replace[f.name]}\n)` : options.inline ? f.sql.replace(`${f.name} AS (`, `${f.name} ${as}`) : f.sql))
    .join(",\n");
}

/** Every fact from the curated events in one CTE list (the single-statement form). */
export const CASE_FACTS_CTE = cteList([EV_FRAGMENT, BOUNDS_FRAGMENT, ...caseBaseFragments(), ...CASE_VERDICT_FRAGMENTS]);

/**
 * The facts of a period from precomputed stage-A rows: `sources` are SELECTs giving the columns of
 * `facts0`, `consult_base` and `transfer_base` for the cases as of the period end.
 */
export function caseFactsOver(sources: { readonly facts0: string; readonly consult_base: string; readonly transfer_base: string }, options: { inline?: boolean } = {}): string {
  const stageA: CteFragment[] = [
    { name: "facts0", sql: "" },
    { name: "consult_base", sql: "" },
    { name: "transfer_base", sql: "" },
  ];
  return cteList([BOUNDS_FRAGMENT, ...stageA, ...CASE_VERDICT_FRAGMENTS], sources, options);
}
