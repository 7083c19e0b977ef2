/**
 * Every SQL statement the scoring runs, with sample parameter values: the registry that the
 * Trino-dialect parse test and the DuckDB execution tests iterate, so no statement is missed.
 */
import { CASE_LIST_SQL } from "./case-list.sql.js";
import { PROGRESS_BY_UNIT_SQL } from "./progress.sql.js";

export interface SqlStatement {
  readonly name: string;
  readonly sql: string;
  /** Parameters the statement takes, with a sample value of the right shape. */
  readonly sampleParams: Readonly<Record<string, string | number>>;
}

const PERIOD_PARAMS = { period_start: "2024-06-30 17:00:00", period_end: "2024-12-31 17:00:00", month_to: "2024-12" } as const;

export const SQL_STATEMENTS: readonly SqlStatement[] = [
  { name: "progress-by-unit", sql: PROGRESS_BY_UNIT_SQL, sampleParams: PERIOD_PARAMS },
  { name: "case-list", sql: CASE_LIST_SQL, sampleParams: PERIOD_PARAMS },
];
