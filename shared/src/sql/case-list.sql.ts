import { DOSSIER_FLAGS, type DossierFlag } from "../facts/indicator-lists.js";
import { CASE_FACTS_CTE } from "./case-facts.sql.js";
import { CASE_STATIC_COLUMNS, CASE_STATIC_JOINS, IMPROPER_CTE } from "./case-indicators.sql.js";
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
 */
export type CaseListPart = "all" | "open" | "finished";

/** The SQL condition of each dossier flag over a row of `facts` with CASE_STATIC_COLUMNS (`f`). */
const FLAG_SQL: Readonly<Record<DossierFlag, string>> = {
  synced: "f.synced_to_national_portal = 1",
  paidOnline: "f.online_payments > 0",
  fee: "f.fee",
  needsResult: "f.needs_result",
  digitizedDossier: "f.digitized_dossier = 1",
  digitizedResult: "f.digitized_result = 1",
  digitallySigned: "f.digitally_signed = 1",
  reusedData: "f.reused_data = 1",
  personalDataStore: "f.personal_data_store = 1",
  populationDatabase: "f.population_database = 1",
  apology: "f.apologies > 0",
  improper: "f.improper",
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

export const caseListSql = (factsCte: string, part: CaseListPart = "all") => /* sql */ `
WITH ${factsCte},
${IMPROPER_CTE},
${FIRST_COMPLAINT_CTE}
SELECT f.case_id, f.field, f.status, f.received_t, f.due_eff_t, f.end_t, f.supplement_requests, f.open_request_t, f.withdrawn_t, f.last_t,
       f.procedure_code, f.channel, f.resolved_t, f.refused_t, f.handling_days, f.overrun_days,
       CASE WHEN f.consult_requests > 0 THEN f.consulted_units ELSE 0 END AS consulted_units,
       ${DOSSIER_FLAGS_SQL} AS flags,
       f.complained_t,
       f.unit_id
FROM (
  SELECT f.*, ${CASE_STATIC_COLUMNS}, k.complained_t
  FROM facts f
  CROSS JOIN bounds b
  ${CASE_STATIC_JOINS}
  LEFT JOIN first_complaint k ON k.case_id = f.case_id
  WHERE (${CASE_IN_LIST})${part === "open" ? " AND NOT f.bucketed" : part === "finished" ? " AND f.bucketed" : ""}
) f`;

export const CASE_LIST_SQL = caseListSql(CASE_FACTS_CTE);
