import { CASE_FACTS_CTE } from "./case-facts.sql.js";
import { CASE_IN_LIST } from "./case-status.sql.js";

/**
 * The dossiers behind the progress numbers: every in-scope case of the period with its status and
 * the instants that decided it (epoch seconds), for the unit drill-down (methodology §7). Unordered:
 * the scoring run unloads it per unit and the reader sorts a unit's rows. `unit_id` comes last:
 * Athena's partitioned UNLOAD wants the partition column at the end of the select list. Reads
 * `facts1`: the status needs no working-day count. A shorter period with the same end is the
 * subset of rows for which `caseInList(row, its start)` holds (./case-status.sql.ts), so a
 * scoring run writes one list per end (`longestPeriodEndingWith`).
 *
 * `part` (staged facts, which mark the finished cases whose last event is in the period
 * `bucketed`): "finished" keeps those rows only and "open" the others. A finished case's row is the
 * same in the list of every end after its last event, so a run writes the finished rows of its
 * whole span once and each end's "open" rows; the reader of a period ending at E takes the
 * finished rows with `last_t` before E.
 */
export type CaseListPart = "all" | "open" | "finished";

export const caseListSql = (factsCte: string, part: CaseListPart = "all") => /* sql */ `
WITH ${factsCte}
SELECT f.case_id, f.field, f.status, f.received_t, f.due_eff_t, f.end_t, f.supplement_requests, f.open_request_t, f.withdrawn_t, f.last_t, f.unit_id
FROM facts1 f
CROSS JOIN bounds b
WHERE (${CASE_IN_LIST})${part === "open" ? " AND NOT f.bucketed" : part === "finished" ? " AND f.bucketed" : ""}`;

export const CASE_LIST_SQL = caseListSql(CASE_FACTS_CTE);
