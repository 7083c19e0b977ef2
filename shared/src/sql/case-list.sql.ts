import { DOSSIER_FLAGS, type DossierFlag } from "../facts/indicator-lists.js";
import { CASE_FACTS_CTE, HANDLING_DAYS, HANDLING_JOINS, OVERRUN_DAYS, OVERRUN_JOINS } from "./case-facts.sql.js";
import { CASE_STATIC, CASE_STATIC_JOINS, IMPROPER_CTE } from "./case-indicators.sql.js";
import { CASE_IN_LIST } from "./case-status.sql.js";

/**
 * The dossiers behind a unit's numbers: every in-scope case of the period with its status and the
 * instants that decided it (epoch seconds), for the unit drill-down (methodology §7) — and what
 * every dossier-based indicator of any period with this end decides on (issue 20, item 1;
 * shared/src/facts/indicator-lists.ts classifies the rows): resolution and return instants,
 * handling and overrun working days, consulted units, the first complaint naming the dossier, and
 * the case-level flags as one integer `flags` (the bits of `DOSSIER_FLAGS`).
 *
 * Unordered: the scoring run unloads it per unit and the reader sorts a unit's rows. `unit_id`
 * comes last: Athena's partitioned UNLOAD wants the partition column at the end of the select list.
 * A shorter period with the same end is the subset of rows for which `caseInList(row, its start)`
 * holds (./case-status.sql.ts), so a scoring run writes one list per end (`longestPeriodEndingWith`).
 *
 * `part` (staged facts, which mark the finished cases whose last event is in the period
 * `bucketed`): "finished" keeps those rows only and "open" the others. A finished case's row is the
 * same in the list of every end after its last event — its facts, status, working days and flags
 * do not move, and `complained_t` is the first complaint whenever it came (a reader compares it
 * with its period's end) — so a run writes the finished rows of its whole span once and each end's
 * "open" rows; the reader of a period ending at E takes the finished rows with `last_t` before E.
 * An end's rows are unloaded with the records behind the unit's other indicators, in one statement
 * (`endListSql`, ./record-list.sql.ts: the same expressions and rows); the finished ones alone.
 */
export type CaseListPart = "all" | "open" | "finished";

/** The SQL condition of each dossier flag over a row of `facts1` (`f`) and CASE_STATIC_JOINS. */
const FLAG_SQL: Readonly<Record<DossierFlag, string>> = {
  synced: "f.synced_to_national_portal = 1",
  paidOnline: "f.online_payments > 0",
  fee: CASE_STATIC.fee,
  needsResult: CASE_STATIC.needs_result,
  digitizedDossier: "f.digitized_dossier = 1",
  digitizedResult: "f.digitized_result = 1",
  digitallySigned: "f.digitally_signed = 1",
  reusedData: "f.reused_data = 1",
  personalDataStore: "f.personal_data_store = 1",
  populationDatabase: "f.population_database = 1",
  apology: "f.apologies > 0",
  improper: CASE_STATIC.improper,
  ratedUnsatisfied: "f.rating_satisfied = FALSE",
  consulted: "f.consult_requests > 0",
};

/** `flags`: the sum of the bits whose condition holds (a NULL condition is false). */
export const DOSSIER_FLAGS_SQL = (Object.keys(DOSSIER_FLAGS) as DossierFlag[]).map((k) => `CASE WHEN ${FLAG_SQL[k]} THEN ${DOSSIER_FLAGS[k]} ELSE 0 END`).join("\n         + ");

/** The first complaint naming each dossier, whenever it came (S3A counts it when before the period's end). */
export const FIRST_COMPLAINT_CTE = /* sql */ `first_complaint AS (
  SELECT case_id, min(to_unixtime(received_at)) AS complained_t
  FROM curated_complaints
  WHERE case_id IS NOT NULL
  GROUP BY case_id
)`;

/** The columns of a dossier list row, in order (`unit_id`, the partition, last). */
export const CASE_LIST_COLUMNS = [
  "case_id", "field", "status", "received_t", "due_eff_t", "end_t", "supplement_requests", "open_request_t", "withdrawn_t", "last_t",
  "procedure_code", "channel", "resolved_t", "refused_t", "handling_days", "overrun_days", "consulted_units", "flags", "complained_t", "unit_id",
] as const;

/** The CTEs a dossier list reads besides the facts. */
export const DOSSIER_LIST_CTES = `${IMPROPER_CTE},\n${FIRST_COMPLAINT_CTE}`;

export type CaseListColumn = (typeof CASE_LIST_COLUMNS)[number];

/**
 * Each column of a dossier row as an expression over `dossierListFrom`: the row of `facts1` as
 * `f`, the working days of `facts` (the calendar joins), the catalog and marks (CASE_STATIC), the
 * first complaint `k`.
 */
export const DOSSIER_LIST_EXPRESSIONS: Readonly<Record<CaseListColumn, string>> = {
  ...(Object.fromEntries(CASE_LIST_COLUMNS.map((c) => [c, `f.${c}`])) as Record<CaseListColumn, string>),
  handling_days: HANDLING_DAYS,
  overrun_days: OVERRUN_DAYS,
  consulted_units: "CASE WHEN f.consult_requests > 0 THEN f.consulted_units ELSE 0 END",
  flags: DOSSIER_FLAGS_SQL,
  complained_t: "k.complained_t",
};

/**
 * The list's rows (FROM and WHERE): the rows of `facts1` in the list of the period of `b` — the
 * status needs no working-day count — with the calendar, the catalog, the marks and the first
 * complaint left-joined (the condition reads `f` and `b` alone: an engine filters before the joins).
 */
export const dossierListFrom = (part: CaseListPart) => /* sql */ `facts1 f
CROSS JOIN bounds b
${OVERRUN_JOINS}
${HANDLING_JOINS}
${CASE_STATIC_JOINS}
LEFT JOIN first_complaint k ON k.case_id = f.case_id
WHERE (${CASE_IN_LIST})${part === "open" ? " AND NOT f.bucketed" : part === "finished" ? " AND f.bucketed" : ""}`;

/** The dossiers of a period's list (a staged run's finished ones: `part` "finished"; an end's open ones: ./record-list.sql.ts). */
export const caseListSql = (factsCte: string, part: CaseListPart = "all") => /* sql */ `
WITH ${factsCte},
${DOSSIER_LIST_CTES}
SELECT ${CASE_LIST_COLUMNS.map((c) => (DOSSIER_LIST_EXPRESSIONS[c] === `f.${c}` ? `f.${c}` : `${DOSSIER_LIST_EXPRESSIONS[c]} AS ${c}`)).join(",\n       ")}
FROM ${dossierListFrom(part)}`;

export const CASE_LIST_SQL = caseListSql(CASE_FACTS_CTE);
