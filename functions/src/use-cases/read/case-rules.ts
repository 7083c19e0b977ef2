import type { Row } from "../../ports/engine.js";
import type { CaseRow } from "@scorecard/shared/contracts/read-api";

const iso = (t: unknown) => (t === null || t === undefined ? null : new Date(Number(t) * 1000).toISOString());

/**
 * Which rule of methodology §2 classified the dossier — the explanation shown beside each case
 * in the drill-down (codes are translated by the dashboard).
 */
export function ruleOf(r: Row): string {
  const status = String(r["status"]);
  if (status === "EXCLUDED") return "WITHDRAWN";
  if (Number(r["supplement_requests"]) > 1 && (status === "LATE" || status === "OVERDUE")) return "MORE_THAN_ONE_SUPPLEMENT";
  // `!= null`: a drill-down unloaded as JSON may leave a null column out of the line.
  if (status === "IN_PROGRESS") return r["open_request_t"] != null ? "CLOCK_STOPPED_BY_SUPPLEMENT" : "OPEN_WITHIN_DUE";
  if (status === "OVERDUE") return "OPEN_PAST_DUE";
  if (status === "EARLY") return "FINISHED_BEFORE_DUE_DATE";
  if (status === "ON_TIME") return "FINISHED_ON_DUE_DATE";
  return "FINISHED_AFTER_DUE_DATE";
}

export function toCaseRow(r: Row): CaseRow {
  return {
    caseId: String(r["case_id"]),
    field: r["field"] == null ? null : String(r["field"]),
    status: String(r["status"]),
    receivedAt: iso(r["received_t"]) as string,
    dueAt: iso(r["due_eff_t"]),
    endAt: iso(r["end_t"]),
    supplementRequests: Number(r["supplement_requests"] ?? 0),
    rule: ruleOf(r),
  };
}
