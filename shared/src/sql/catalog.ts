/**
 * Every SQL statement the scoring runs, with sample parameter values: the registry that the
 * Trino-dialect parse test and the DuckDB execution tests iterate, so no statement is missed.
 */
import { CASE_INDICATORS_SQL, caseIndicatorsSql } from "./case-indicators.sql.js";
import { CASE_LIST_SQL, caseListSql } from "./case-list.sql.js";
import {
  STAGE_EVENTS_SQL,
  cutConsultSql,
  cutEventsSql,
  cutFacts0Sql,
  cutTransferSql,
  stageConsultSql,
  stageFacts0OpenSql,
  stageFacts0PendingSql,
  stageFacts0Sql,
  stageBucketsSql,
  stageTables,
  stageTransferSql,
  stageTypedSql,
  stagedFactsCte,
} from "./case-stages.sql.js";
import { CATALOG_INDICATORS_SQL } from "./catalog-indicators.sql.js";
import { COMPLAINT_INDICATORS_SQL } from "./complaint-indicators.sql.js";
import { CATALOG_ROWS_SQL, CATALOG_UNITS_SQL, COMPLAINT_DIGEST_SQL, EVENTS_BY_MONTH_SQL, IMPROPER_RETURNS_DIGEST_SQL } from "./lake-inputs.sql.js";
import { PROGRESS_BY_UNIT_SQL } from "./progress.sql.js";
import { CATALOG_LIST_SQL, END_LIST_SQL, endListSql } from "./record-list.sql.js";

export interface SqlStatement {
  readonly name: string;
  readonly sql: string;
  /** Parameters the statement takes, with a sample value of the right shape. */
  readonly sampleParams: Readonly<Record<string, string | number>>;
  /** Relations the statement reads that an earlier statement of the run materialises (staged scoring), in order. */
  readonly setup?: readonly SetupRelation[];
}

export interface SetupRelation {
  readonly name: string;
  readonly kind: "table" | "view";
  readonly sql: string;
  readonly params: Readonly<Record<string, string | number>>;
}

const PERIOD_PARAMS = { period_start: "2024-06-30 17:00:00", period_end: "2024-12-31 17:00:00", month_to: "2024-12" } as const;
const DATE_PARAMS = { start_date: "2024-07-01", end_date: "2024-12-31" } as const;

/** A sample staged run: the relations in the order `openFacts` makes them (functions/src/use-cases/staged-facts.ts). */
const T = stageTables("sample");
const CUT_ENDS = ["2024-07-31 17:00:00", "2024-09-30 17:00:00"];
const STAGES: readonly SetupRelation[] = [
  { name: T.ev, kind: "view", sql: STAGE_EVENTS_SQL, params: { month_to: PERIOD_PARAMS.month_to, period_end: PERIOD_PARAMS.period_end } },
  { name: T.typed, kind: "table", sql: stageTypedSql(T), params: {} },
  { name: T.facts0, kind: "table", sql: stageFacts0Sql(T), params: {} },
  { name: T.facts0Open, kind: "table", sql: stageFacts0OpenSql(T), params: {} },
  { name: T.consult, kind: "table", sql: stageConsultSql(T), params: {} },
  { name: T.facts0Pending, kind: "table", sql: stageFacts0PendingSql(T), params: {} },
  { name: T.transfer, kind: "table", sql: stageTransferSql(T), params: {} },
  { name: T.cutEv, kind: "table", sql: cutEventsSql(T, CUT_ENDS), params: {} },
  { name: T.cutFacts0, kind: "table", sql: cutFacts0Sql(T), params: {} },
  { name: T.cutConsult, kind: "table", sql: cutConsultSql(T), params: {} },
  { name: T.cutTransfer, kind: "table", sql: cutTransferSql(T), params: {} },
  // The run's period bounds (2024-07-01, -08-01, -10-01, 2025-01-01 local): the sample periods are segments 1..3.
  { name: T.buckets, kind: "table", sql: stageBucketsSql(T, [1719766800, 1722445200, 1727715600, 1735664400]), params: PERIOD_PARAMS },
];
const staged = (name: string, upTo: number): SqlStatement => {
  const r = STAGES[upTo] as SetupRelation;
  return { name, sql: r.sql, sampleParams: r.params, setup: STAGES.slice(0, upTo) };
};

export const SQL_STATEMENTS: readonly SqlStatement[] = [
  { name: "progress-by-unit", sql: PROGRESS_BY_UNIT_SQL, sampleParams: PERIOD_PARAMS },
  { name: "case-list", sql: CASE_LIST_SQL, sampleParams: PERIOD_PARAMS },
  { name: "end-list", sql: END_LIST_SQL, sampleParams: { ...PERIOD_PARAMS, accept_days: 2, handle_days: 15 } },
  { name: "catalog-list", sql: CATALOG_LIST_SQL, sampleParams: DATE_PARAMS },
  { name: "case-indicators", sql: CASE_INDICATORS_SQL, sampleParams: { ...PERIOD_PARAMS, ...DATE_PARAMS } },
  { name: "catalog-indicators", sql: CATALOG_INDICATORS_SQL, sampleParams: DATE_PARAMS },
  {
    name: "complaint-indicators",
    sql: COMPLAINT_INDICATORS_SQL,
    sampleParams: { period_start: PERIOD_PARAMS.period_start, period_end: PERIOD_PARAMS.period_end, accept_days: 2, handle_days: 15 },
  },
  { name: "events-by-month", sql: EVENTS_BY_MONTH_SQL, sampleParams: {} },
  { name: "complaint-digest", sql: COMPLAINT_DIGEST_SQL, sampleParams: {} },
  { name: "improper-returns-digest", sql: IMPROPER_RETURNS_DIGEST_SQL, sampleParams: {} },
  { name: "catalog-rows", sql: CATALOG_ROWS_SQL, sampleParams: {} },
  { name: "catalog-units", sql: CATALOG_UNITS_SQL, sampleParams: {} },
  ...["stage-events", "stage-typed-events", "stage-facts0", "stage-facts0-open", "stage-consult", "stage-facts0-pending", "stage-transfer", "cut-events", "cut-facts0", "cut-consult", "cut-transfer", "stage-buckets"].map((n, i) =>
    staged(n, i),
  ),
  { name: "staged-case-indicators", sql: caseIndicatorsSql(stagedFactsCte(T, 1)), sampleParams: { ...PERIOD_PARAMS, ...DATE_PARAMS }, setup: STAGES },
  // The half-year 2024-H2 as the sample run scores it: its finished cases from the buckets (segments 1..3).
  { name: "bucketed-case-indicators", sql: caseIndicatorsSql(stagedFactsCte(T, null), { table: T.buckets, from: 1, to: 3 }), sampleParams: { ...PERIOD_PARAMS, ...DATE_PARAMS }, setup: STAGES },
  { name: "staged-case-list", sql: caseListSql(stagedFactsCte(T, null)), sampleParams: PERIOD_PARAMS, setup: STAGES },
  { name: "staged-end-list", sql: endListSql(stagedFactsCte(T, 1), "open"), sampleParams: { ...PERIOD_PARAMS, accept_days: 2, handle_days: 15 }, setup: STAGES },
];
