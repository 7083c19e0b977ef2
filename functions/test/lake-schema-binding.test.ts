/**
 * Drift between the Glue catalog (shared/src/lake/schema.ts), the SQL and the local engine: the
 * cloud reads exactly the tables lake-schema declares, so every scoring statement must bind against
 * them, the dims the score job writes must load as the declared types, and the local DuckDB views
 * (the twin the SQL is tested on) must have the same columns.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { UnitCatalog } from "@scorecard/shared";
import { SQL_STATEMENTS } from "@scorecard/shared/sql/catalog";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CURATED_EVENTS_TABLE, type LakeColumnType, type LakeTable, QUERY_TABLES } from "@scorecard/shared/lake/schema";
import { DUCKDB_PRELUDE, DuckDbQueryEngine } from "../src/adapters/local/duckdb-engine.js";
import { renderSql } from "../src/adapters/sql-params.js";
import { jsonLinesGz } from "../src/lib/json-lines.js";
import { DOMAIN_DIMS } from "../src/use-cases/score/write-dims.js";

const DUCK_TYPE: Record<string, string> = { string: "VARCHAR", boolean: "BOOLEAN", timestamp: "TIMESTAMP", int: "INTEGER", bigint: "BIGINT", double: "DOUBLE", date: "DATE" };
const GLUE_TYPE: Record<string, LakeColumnType> = Object.fromEntries(Object.entries(DUCK_TYPE).map(([g, d]) => [d, g as LakeColumnType]));

/** The columns Athena sees for a table: its columns, then the partition column. */
const athenaColumns = (t: LakeTable) => [...t.columns, ...(t.partition ? [t.partition] : [])];

let dir: string;
let con: DuckDBConnection;

/** Create the catalog's tables in DuckDB with the catalog's names and types; `drop` leaves one column out. */
async function createCatalog(drop?: { table: string; column: string }) {
  for (const t of QUERY_TABLES) {
    const cols = athenaColumns(t).filter((c) => !(drop && drop.table === t.name && drop.column === c.name));
    await con.run(`CREATE OR REPLACE TABLE ${t.name} (${cols.map((c) => `"${c.name}" ${DUCK_TYPE[c.type]}`).join(", ")})`);
  }
}

const runAll = async () => {
  const failures: string[] = [];
  for (const s of SQL_STATEMENTS) {
    try {
      // Staged statements read relations an earlier statement of the run makes (in order).
      for (const r of s.setup ?? []) await con.run(`CREATE OR REPLACE ${r.kind === "view" ? "VIEW" : "TABLE"} ${r.name} AS ${renderSql(r.sql, r.params)}`);
      await con.run(renderSql(s.sql, s.sampleParams));
    } catch (e) {
      failures.push(`${s.name}: ${(e as Error).message.split("\n")[0]}`);
    } finally {
      for (const r of [...(s.setup ?? [])].reverse()) await con.run(`DROP ${r.kind === "view" ? "VIEW" : "TABLE"} IF EXISTS ${r.name}`);
    }
  }
  return failures;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "scorecard-binding-"));
  con = await (await DuckDBInstance.create(":memory:", { threads: "1" })).connect();
  for (const shim of DUCKDB_PRELUDE) await con.run(shim.sql);
});
afterAll(() => {
  con.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe("Contract: the Glue catalog binds the scoring SQL", () => {
  it("runs every registered statement against tables with exactly the catalog's columns and types", async () => {
    await createCatalog();
    expect(await runAll()).toEqual([]);
  });

  it("fails when the catalog lacks a column the SQL reads (guard: the check above can fail)", async () => {
    for (const drop of [
      { table: "dim_calendar", column: "working_day_index" },
      { table: "dim_calendar", column: "day" },
      { table: "dim_units", column: "valid_from" },
      { table: "curated_complaints", column: "handled_at" },
      { table: "dim_procedures", column: "public_date" },
    ]) {
      await createCatalog(drop);
      expect((await runAll()).length, `${drop.table}.${drop.column}`).toBeGreaterThan(0);
    }
    await createCatalog();
  });

  it("loads the dims the score job writes with the declared types (a date that is not a date fails)", async () => {
    for (const dim of DOMAIN_DIMS) {
      const table = QUERY_TABLES.find((t) => t.name === dim.table) as LakeTable;
      const file = join(dir, `${dim.table}.json.gz`);
      writeFileSync(file, jsonLinesGz(dim.rows({ lake: undefined as never, catalog: new UnitCatalog(), calendar: undefined })));
      const columns = `{${table.columns.map((c) => `'${c.name}': '${DUCK_TYPE[c.type]}'`).join(", ")}}`;
      await con.run(`INSERT INTO ${dim.table} SELECT * FROM read_json('${file}', format = 'newline_delimited', columns = ${columns})`);
      const n = Number((await con.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${dim.table}`)).getRowObjectsJson()[0]?.["n"]);
      expect(n, dim.table).toBe(dim.rows({ lake: undefined as never, catalog: new UnitCatalog(), calendar: undefined }).length);
    }
    expect(await runAll()).toEqual([]);
    const bad = join(dir, "bad.json.gz");
    writeFileSync(bad, jsonLinesGz([{ date: "2024-13-45", day: 1, is_working: true, working_day_index: 1 }]));
    await expect(con.run(`SELECT * FROM read_json('${bad}', format = 'newline_delimited', columns = {'date': 'DATE', 'day': 'BIGINT', 'is_working': 'BOOLEAN', 'working_day_index': 'INTEGER'})`)).rejects.toThrow();
  });
});

describe("Contract: the Glue catalog and the local engine's views have the same columns", () => {
  let engine: DuckDbQueryEngine;
  let lakeRoot: string;
  beforeAll(async () => {
    lakeRoot = mkdtempSync(join(tmpdir(), "scorecard-binding-lake-"));
    engine = await DuckDbQueryEngine.open(lakeRoot, { threads: 1, readers: 1 });
  });
  afterAll(() => {
    engine.close();
    rmSync(lakeRoot, { recursive: true, force: true });
  });

  it.each(QUERY_TABLES.map((t) => [t.name, t] as const))("%s", async (name, table) => {
    const described = (await engine.query(`DESCRIBE ${name}`, {})).rows.map((r) => [String(r["column_name"]), GLUE_TYPE[String(r["column_type"])] ?? String(r["column_type"])]);
    expect(described).toEqual(athenaColumns(table).map((c) => [c.name, c.type]));
  });

  it("covers the partition column of curated_events as a column of the local view", () => {
    expect(athenaColumns(CURATED_EVENTS_TABLE).at(-1)?.name).toBe("month");
  });
});
