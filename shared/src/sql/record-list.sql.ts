import { COMPLAINT_FLAGS, PROCEDURE_FLAGS, PROVINCE_PARTITION } from "../facts/indicator-lists.js";
import { CASE_FACTS_CTE } from "./case-facts.sql.js";
import { DELAY_CHARGES_CTE } from "./case-indicators.sql.js";
import { type CaseListColumn, type CaseListPart, CASE_LIST_COLUMNS, DOSSIER_LIST_CTES, DOSSIER_LIST_EXPRESSIONS, dossierListFrom } from "./case-list.sql.js";
import { DATED_PROCEDURES_CTE, UNIT_PROCEDURES_CTE } from "./catalog-indicators.sql.js";
import { COMPLAINT_VERDICT_CTES } from "./complaint-indicators.sql.js";

/**
 * The list of a period end (issue 20, item 1; docs/adr/0016-indicator-lists.md): its dossiers
 * (./case-list.sql.ts) and the records behind the units' other indicators, in one statement
 * unloaded per unit (`endListSql`), each row with the columns of all kinds (those of other kinds
 * NULL) and its `kind`; classified by shared/src/facts/indicator-lists.ts:
 *
 * - no `kind` (NULL): a dossier (every dossier-based indicator), under the receiving unit — the
 *   rows and expressions of `caseListSql`; the finished dossiers of a staged run, written once
 *   per run by `caseListSql(…, "finished")`, have no `kind` column at all;
 * - `consultation` (R5, R5D), under the consulted unit: each consultation in the scope of the
 *   list's period, with its verdict and working days late as of the end;
 * - `charge` (R7), under the unit charged: the delay charges of the dossiers late and in scope
 *   (a transfer step or a consultation past its step due date, the lead unit's remainder), each
 *   with the dossier's receipt and end; every charge a second time under the partition
 *   `_province` (`PROVINCE_PARTITION`), R7's denominator (the province's total), `ref_unit` naming
 *   the unit charged;
 * - `complaint` (S1, S2, R8), under the unit named: each complaint received in the period, its
 *   id in `id`, its instants cut at the end, its verdict, and `flags` (disliked, re-complained).
 *
 * One statement per end rather than a dossier list and a records list: the engine's cost is per
 * statement and per file as much as per row (locally a COPY writes a file per unit folder; on
 * Athena each unload is a staging table, its partition values, UNLOADs of ≤ 100 partitions and a
 * DROP), and the records are few beside the dossiers.
 * A shorter period with the same end reads its records out of the list: each keeps what its scope
 * is decided on (request and answer, receipt and end, receipt), and the verdicts depend on the end
 * only. Parameters: those of the facts and {{accept_days}}, {{handle_days}} (the complaints).
 *
 * The catalog entries (T1–T3, O1, O2, MB, MC, D6B), which no end changes, are written once per
 * run (`CATALOG_LIST_SQL` below).
 */

type ColumnType = "VARCHAR" | "DOUBLE" | "BIGINT";

/** The types of a dossier row's columns in an end's list (the union's branches must agree). */
const DOSSIER_TYPES: Readonly<Record<Exclude<CaseListColumn, "unit_id">, ColumnType>> = {
  case_id: "VARCHAR", field: "VARCHAR", status: "VARCHAR", received_t: "DOUBLE", due_eff_t: "DOUBLE", end_t: "DOUBLE", supplement_requests: "BIGINT",
  open_request_t: "DOUBLE", withdrawn_t: "DOUBLE", last_t: "DOUBLE", procedure_code: "VARCHAR", channel: "VARCHAR", resolved_t: "DOUBLE", refused_t: "DOUBLE",
  handling_days: "BIGINT", overrun_days: "BIGINT", consulted_units: "BIGINT", flags: "BIGINT", complained_t: "DOUBLE",
};

/**
 * The columns of an end's list row, in order, with their types: the dossier's (which the records
 * share where they mean the same: `case_id`, `received_t`, `end_t`, `refused_t`; `flags` by kind),
 * then the records' own, `unit_id` (the partition) last.
 */
export const END_LIST_COLUMNS: readonly (readonly [string, ColumnType])[] = [
  ...CASE_LIST_COLUMNS.filter((c) => c !== "unit_id").map((c) => [c, DOSSIER_TYPES[c as Exclude<CaseListColumn, "unit_id">]] as const),
  ["kind", "VARCHAR"],
  ["id", "VARCHAR"],
  ["ref_unit", "VARCHAR"],
  ["lead_unit", "VARCHAR"],
  ["role", "VARCHAR"],
  ["verdict", "VARCHAR"],
  ["days", "BIGINT"],
  ["requested_t", "DOUBLE"],
  ["due_t", "DOUBLE"],
  ["answered_t", "DOUBLE"],
  ["accepted_t", "DOUBLE"],
  ["handled_t", "DOUBLE"],
  ["unit_id", "VARCHAR"],
];

/** One UNION ALL branch: the given columns, every other a typed NULL, in END_LIST_COLUMNS order (the catalog list's: CATALOG_LIST_COLUMNS). */
const branch = (given: Readonly<Record<string, string>>, from: string, columns = END_LIST_COLUMNS) =>
  `SELECT ${columns.map(([c, type]) => `CAST(${given[c] ?? "NULL"} AS ${type}) AS ${c}`).join(", ")}\n  FROM ${from}`;

const bit = (cond: string, value: number) => `CASE WHEN ${cond} THEN ${value} ELSE 0 END`;

const CHARGE = (unit: string) => ({
  kind: "'charge'", case_id: "x.case_id", ref_unit: "x.unit_id", lead_unit: "l.unit_id", role: "x.role", days: "x.days",
  received_t: "l.received_t", end_t: "l.end_t", unit_id: unit,
});

/** An end's list: its dossiers that are not written once per run (`part`: "open" in a staged run, else "all") and its records. */
export const endListSql = (factsCte: string, part: Exclude<CaseListPart, "finished"> = "all") => /* sql */ `
WITH ${factsCte},
${DOSSIER_LIST_CTES},
${COMPLAINT_VERDICT_CTES},
${DELAY_CHARGES_CTE},
all_charges AS (
  SELECT unit_id, case_id, role, days FROM charges
  UNION ALL
  SELECT unit_id, case_id, 'LEAD' AS role, days FROM lead_charges WHERE days > 0
)
${branch(DOSSIER_LIST_EXPRESSIONS, dossierListFrom(part))}
UNION ALL
${branch(
  { kind: "'consultation'", case_id: "c.case_id", verdict: "c.verdict", days: "c.days_late", requested_t: "c.requested_t", due_t: "c.due_t", answered_t: "c.answered_t", unit_id: "c.consulted" },
  "consult c\n  WHERE c.in_scope",
)}
UNION ALL
${branch(CHARGE("x.unit_id"), "all_charges x JOIN late_cases l ON l.case_id = x.case_id")}
UNION ALL
${branch(CHARGE(`'${PROVINCE_PARTITION}'`), "all_charges x JOIN late_cases l ON l.case_id = x.case_id")}
UNION ALL
${branch(
  {
    kind: "'complaint'", id: "v.complaint_id", case_id: "v.case_id", verdict: "v.verdict", received_t: "v.received_t", accepted_t: "v.accepted_t", refused_t: "v.refused_t",
    handled_t: "v.handled_t",
    flags: `${bit("v.handled_t IS NOT NULL AND coalesce(v.satisfied = FALSE, FALSE)", COMPLAINT_FLAGS.disliked)} + ${bit("coalesce(v.re_complained, FALSE)", COMPLAINT_FLAGS.reComplained)}`,
    unit_id: "v.unit_id",
  },
  "verdicts v",
)}`;

/** The columns of a catalog list row, in order, with their types (`unit_id`, the partition, last). */
export const CATALOG_LIST_COLUMNS: readonly (readonly [string, ColumnType])[] = [
  ["kind", "VARCHAR"],
  ["id", "VARCHAR"],
  ["online_level", "VARCHAR"],
  ["valid_from", "VARCHAR"],
  ["valid_to", "VARCHAR"],
  ["decision_date", "VARCHAR"],
  ["legal_effective_date", "VARCHAR"],
  ["public_date", "VARCHAR"],
  ["t2_deadline", "VARCHAR"],
  ["flags", "BIGINT"],
  ["unit_id", "VARCHAR"],
];

/**
 * The catalog entries behind T1–T3, O1, O2, MB, MC and D6B, once per scoring run: each procedure
 * of each unit valid on some day of the run's span ({{start_date}}–{{end_date}}: the earliest
 * start and the last end of the periods whose lists the run writes), with its dates, the
 * working-day tests of T1 and T2 (`flags`) and T2's publication deadline `t2_deadline` — the 6th
 * working day after the decision, the first day on which "5 working days" have passed (the
 * catalog statement's `last_idx >= dec_pre + 6`). None of it depends on a period: the classifier
 * compares the dates with each period's (validity, decision, publication, deadline), and O2 / MB's
 * "a dossier received online / paid online in the period" is read from the unit's dossier list.
 */
export const CATALOG_LIST_SQL = /* sql */ `
WITH ${UNIT_PROCEDURES_CTE},
${DATED_PROCEDURES_CTE}
${branch(
  {
    kind: "'procedure'", id: "d.code", online_level: "d.online_level", valid_from: "d.valid_from", valid_to: "d.valid_to", decision_date: "d.decision_date",
    legal_effective_date: "d.legal_effective_date", public_date: "d.public_date", t2_deadline: "cdl.\"date\"",
    flags: [
      bit("d.fee_bearing", PROCEDURE_FLAGS.feeBearing),
      bit("d.payment_integrated", PROCEDURE_FLAGS.paymentIntegrated),
      bit("d.population_db_connected", PROCEDURE_FLAGS.populationDbConnected),
      bit("d.content_complete", PROCEDURE_FLAGS.contentComplete),
      bit("d.eff_idx - d.dec_idx >= 5", PROCEDURE_FLAGS.t1OnTime),
      bit("d.pub_pre <= d.dec_pre + 5", PROCEDURE_FLAGS.t2OnTime),
    ].join(" + "),
    unit_id: "d.unit_id",
  },
  "dated d\n  LEFT JOIN dim_calendar cdl ON cdl.working_day_index = d.dec_pre + 6 AND cdl.is_working",
  CATALOG_LIST_COLUMNS,
)}`;

export const END_LIST_SQL = endListSql(CASE_FACTS_CTE);

/**
 * One partition's rows of an end's whole list (`endListSql(…, "all")`): `{{unit_id}}` is a unit or
 * the province's charges (`_province`). Read on request from kept case facts (docs/adr/0023)
 * instead of written by the scoring run; the same rows as the partition's files.
 */
export const partitionEndListSql = (factsCte: string) => /* sql */ `
SELECT * FROM (${endListSql(factsCte, "all")}
) AS end_list WHERE end_list.unit_id = {{unit_id}}`;

/** One unit's catalog entries (CATALOG_LIST_SQL's rows of `{{unit_id}}`), read on request. */
export const UNIT_CATALOG_LIST_SQL = /* sql */ `
SELECT * FROM (${CATALOG_LIST_SQL}
) AS catalog_list WHERE catalog_list.unit_id = {{unit_id}}`;
