/**
 * Every SQL statement the scoring runs, with sample parameter values: the registry that the
 * Trino-dialect parse test and the DuckDB execution tests iterate, so no statement is missed.
 */
import { CASE_INDICATORS_SQL } from "./case-indicators.sql.js";
import { CASE_LIST_SQL } from "./case-list.sql.js";
import { CATALOG_INDICATORS_SQL } from "./catalog-indicators.sql.js";
import { COMPLAINT_INDICATORS_SQL } from "./complaint-indicators.sql.js";
import { HEAD_INDICATORS_SQL } from "./head-indicators.sql.js";
import { PROGRESS_BY_UNIT_SQL } from "./progress.sql.js";

export interface SqlStatement {
  readonly name: string;
  readonly sql: string;
  /** Parameters the statement takes, with a sample value of the right shape. */
  readonly sampleParams: Readonly<Record<string, string | number>>;
}

const PERIOD_PARAMS = { period_start: "2024-06-30 17:00:00", period_end: "2024-12-31 17:00:00", month_to: "2024-12" } as const;
const DATE_PARAMS = { start_date: "2024-07-01", end_date: "2024-12-31" } as const;

export const SQL_STATEMENTS: readonly SqlStatement[] = [
  { name: "progress-by-unit", sql: PROGRESS_BY_UNIT_SQL, sampleParams: PERIOD_PARAMS },
  { name: "case-list", sql: CASE_LIST_SQL, sampleParams: PERIOD_PARAMS },
  { name: "case-indicators", sql: CASE_INDICATORS_SQL, sampleParams: { ...PERIOD_PARAMS, ...DATE_PARAMS } },
  { name: "catalog-indicators", sql: CATALOG_INDICATORS_SQL, sampleParams: DATE_PARAMS },
  {
    name: "complaint-indicators",
    sql: COMPLAINT_INDICATORS_SQL,
    sampleParams: { period_start: PERIOD_PARAMS.period_start, period_end: PERIOD_PARAMS.period_end, accept_days: 2, handle_days: 15 },
  },
  { name: "head-indicators", sql: HEAD_INDICATORS_SQL, sampleParams: PERIOD_PARAMS },
];
