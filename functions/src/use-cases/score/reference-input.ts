/**
 * The reference route's input read from the lake through the query engine (local DuckDB: the
 * curated Parquet, the curated complaints and the procedure catalog), for `score --engine
 * reference` and the bench: the same data the SQL reads, scored by the plain TypeScript oracle.
 * Reads every event up to the period end into memory: for comparison runs, not for production.
 */
import type { QueryEngine, Row } from "../../ports/engine.js";
import type { Period, ProcedureRecord, StoredCaseEvent, StoredComplaint } from "@scorecard/shared";
import { sqlTimestamp } from "./staged-facts.js";

/** Epoch milliseconds of a timestamp column, portable (Trino and DuckDB). */
const ms = (col: string) => `CAST(round(to_unixtime(${col}) * 1000) AS BIGINT) AS ${col}`;
const iso = (v: unknown) => (v === null || v === undefined ? undefined : new Date(Number(v)).toISOString());
const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
const bool = (v: unknown) => (v === null || v === undefined ? undefined : Boolean(v));
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const FLAGS = {
  digitizedDossier: "digitized_dossier", digitizedResult: "digitized_result", digitallySigned: "digitally_signed", reusedData: "reused_data",
  onlinePayment: "online_payment", feeBearing: "fee_bearing", syncedToNationalPortal: "synced_to_national_portal",
  resultRequired: "result_required", personalDataStore: "personal_data_store", populationDatabase: "population_database",
} as const;

function eventOf(r: Row): StoredCaseEvent {
  const flags = defined(Object.fromEntries(Object.entries(FLAGS).map(([k, col]) => [k, bool(r[col])])));
  const satisfied = bool(r["rating_satisfied"]);
  return defined({
    eventId: String(r["event_id"]), caseId: String(r["case_id"]), type: String(r["type"]) as StoredCaseEvent["type"],
    occurredAt: iso(r["occurred_at"]) as string, unitId: String(r["unit_id"]), procedureCode: str(r["procedure_code"]), field: str(r["field"]),
    channel: str(r["channel"]) as StoredCaseEvent["channel"], dueAt: iso(r["due_at"]), targetUnitId: str(r["target_unit_id"]),
    flags: Object.keys(flags).length === 0 ? undefined : flags,
    rating: satisfied === undefined ? undefined : { satisfied },
  });
}

export async function readReferenceInput(
  engine: QueryEngine,
  period: Period,
): Promise<{ events: StoredCaseEvent[]; complaints: StoredComplaint[]; procedures: ProcedureRecord[]; improperReturns: string[] }> {
  const end = sqlTimestamp(period.end);
  const events = await engine.query(
    `SELECT event_id, case_id, type, ${ms("occurred_at")}, unit_id, procedure_code, field, channel, ${ms("due_at")}, target_unit_id,
            ${Object.values(FLAGS).join(", ")}, rating_satisfied
     FROM curated_events WHERE month <= {{month_to}} AND occurred_at < TIMESTAMP {{period_end}}`,
    { month_to: period.endDate.slice(0, 7), period_end: end },
  );
  const complaints = await engine.query(
    `SELECT complaint_id, source, unit_id, ${ms("received_at")}, category, case_id, procedure_code, field,
            ${ms("accepted_at")}, ${ms("refused_at")}, ${ms("handled_at")}, satisfied, re_complained
     FROM curated_complaints WHERE received_at < TIMESTAMP {{period_end}}`,
    { period_end: end },
  );
  const procedures = await engine.query(
    `SELECT code, name_vi, field, tier, online_level, fee_bearing, payment_integrated, result_required, population_db_connected,
            time_limit_days, CAST(valid_from AS VARCHAR) AS valid_from, CAST(valid_to AS VARCHAR) AS valid_to, change_kind,
            CAST(decision_date AS VARCHAR) AS decision_date, CAST(legal_effective_date AS VARCHAR) AS legal_effective_date,
            CAST(public_date AS VARCHAR) AS public_date, content_complete
     FROM dim_procedures`,
    {},
  );
  const unitRows = await engine.query("SELECT code, unit_id FROM dim_procedure_units", {});
  // Home Affairs' marks of improper returns, as the case SQL reads them (R3 of dn-2026.2).
  const marks = await engine.query("SELECT DISTINCT case_id FROM curated_improper_returns WHERE case_id IS NOT NULL", {});
  const unitsOf = new Map<string, string[]>();
  for (const r of unitRows.rows) {
    const list = unitsOf.get(String(r["code"])) ?? [];
    if (!list.includes(String(r["unit_id"]))) list.push(String(r["unit_id"]));
    unitsOf.set(String(r["code"]), list);
  }
  return {
    improperReturns: marks.rows.map((r) => String(r["case_id"])),
    events: events.rows.map(eventOf),
    complaints: complaints.rows.map((r) =>
      defined({
        complaintId: String(r["complaint_id"]), source: String(r["source"]) as StoredComplaint["source"], unitId: String(r["unit_id"]),
        receivedAt: iso(r["received_at"]) as string, category: str(r["category"]) as StoredComplaint["category"], caseId: str(r["case_id"]),
        procedureCode: str(r["procedure_code"]), field: str(r["field"]), acceptedAt: iso(r["accepted_at"]), refusedAt: iso(r["refused_at"]),
        handledAt: iso(r["handled_at"]), satisfied: bool(r["satisfied"]), reComplained: bool(r["re_complained"]),
      }),
    ),
    procedures: procedures.rows.map((r): ProcedureRecord => {
      const code = String(r["code"]);
      const decisionDate = str(r["decision_date"]);
      return defined({
        code, nameVi: String(r["name_vi"]), field: String(r["field"]), tier: String(r["tier"]) as ProcedureRecord["tier"],
        unitIds: unitsOf.get(code), onlineLevel: String(r["online_level"]) as ProcedureRecord["onlineLevel"], feeBearing: r["fee_bearing"] === true,
        paymentIntegrated: bool(r["payment_integrated"]), resultRequired: r["result_required"] === true, populationDbConnected: bool(r["population_db_connected"]),
        timeLimitWorkingDays: r["time_limit_days"] === null ? undefined : Number(r["time_limit_days"]),
        validFrom: String(r["valid_from"]), validTo: str(r["valid_to"]),
        publication:
          decisionDate === undefined
            ? undefined
            : defined({
                changeKind: (str(r["change_kind"]) ?? "AMENDED") as "NEW" | "AMENDED" | "REPEALED", decisionDate,
                legalEffectiveDate: String(r["legal_effective_date"]), publicDate: str(r["public_date"]), contentComplete: r["content_complete"] === true,
              }),
      }) as ProcedureRecord;
    }),
  };
}
