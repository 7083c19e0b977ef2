/**
 * SQL that Athena (engine v3) accepts (issue 22, item 6; docs/adr/0103-athena-sql-allow-list.md).
 *
 * Every statement text the cloud sends to Athena is collected from the code that sends it (the
 * score and compact handlers on mocked clients: ./support/athena-sql-corpus.ts) and checked by
 * ./support/athena-sql-check.ts: Trino's grammar (dt-sql-parser) for the syntax, Athena's UNLOAD by
 * its documented shape, and an allow-list of the functions, types, operators, keywords, grammar
 * constructs, statement forms and table properties used, each entry citing its Athena or Trino
 * page (./support/athena-sql-allow-list.ts). The scoring SQL's registry (shared/src/sql/catalog.ts,
 * the single-statement variants included) is checked too. The cases at the end plant what Athena
 * refuses — DuckDB functions, `::` casts, constructs not on the list — and see the check fail.
 */
import { type Period, parsePeriod } from "@scorecard/shared";
import { SQL_STATEMENTS } from "@scorecard/shared/sql/catalog";
import { beforeAll, describe, expect, it } from "vitest";
import { renderSql } from "../src/adapters/sql-params.js";
import { sqlTimestamp } from "../src/use-cases/score/staged-facts.js";
import { FUNCTIONS, INTERVAL_FIELDS, KEYWORDS, OPERATORS, STATEMENTS, SYNTAX, TABLE_PROPERTIES, TYPES } from "./support/athena-sql-allow-list.js";
import { type SqlCheck, type SqlInventory, checkAthenaSql } from "./support/athena-sql-check.js";
import { type CapturedStatement, cloudStatements, shapeOf } from "./support/athena-sql-corpus.js";

/** Errors of a statement, [] when Athena would take it. */
const errorsOf = (sql: string) => checkAthenaSql(sql).errors;

let captured: CapturedStatement[] = [];
/** One statement per shape (the same text but for literals and run ids), with how many were sent. */
const shapes = new Map<string, CapturedStatement & { count: number }>();
const catalog = SQL_STATEMENTS.map((s) => ({ origin: `catalog: ${s.name}`, sql: renderSql(s.sql, s.sampleParams) }));
/** The check of every statement (a shape sent by the cloud, or a catalog statement), by its text. */
const checks = new Map<string, SqlCheck>();

beforeAll(async () => {
  captured = await cloudStatements();
  for (const s of captured) {
    const shape = shapeOf(s.sql);
    const seen = shapes.get(shape);
    if (seen) seen.count++;
    else shapes.set(shape, { ...s, count: 1 });
  }
  for (const { sql } of [...shapes.values(), ...catalog]) if (!checks.has(sql)) checks.set(sql, checkAthenaSql(sql));
}, 300_000);

describe("Athena SQL: what the cloud sends", () => {
  it("the runs sent every statement form, for every period kind, compaction and the drill-down lists", () => {
    const forms = new Set([...shapes.values()].map((s) => checks.get(s.sql)?.inventory.statement));
    expect([...forms].sort()).toEqual(Object.keys(STATEMENTS).sort());
    // A month, a quarter, a half-year and a year: a statement names each period's bounds.
    for (const id of ["2024-07", "2024-Q3", "2024-H2", "2024", "2024-06", "2024-Q2", "2024-H1", "2024-Q1"]) {
      const p: Period = parsePeriod(id);
      expect(captured.some((s) => s.sql.includes(`'${sqlTimestamp(p.start)}'`) && s.sql.includes(`'${sqlTimestamp(p.end)}'`)), id).toBe(true);
    }
    // The drill-down lists: finished, catalog and per-end, each in chunks of at most 100 units and the NULL partition.
    const unloads = captured.filter((s) => s.sql.startsWith("UNLOAD"));
    const folders = new Set(unloads.map((s) => /TO 's3:\/\/[^/]+\/drilldown\/[^/]+\/([^/]+)\//.exec(s.sql)?.[1]));
    expect(folders.size).toBeGreaterThanOrEqual(3);
    expect(unloads.some((s) => s.sql.includes("unit_id IS NULL"))).toBe(true);
    // Compaction: one INSERT per chunk of raw objects (the compactor's default chunk: 800).
    expect(captured.filter((s) => s.sql.startsWith("INSERT INTO curated_events")).map((s) => s.sql.match(/'s3:\/\/[^']+\.ndjson\.gz'/g)?.length)).toEqual([800, 800, 100]);
    expect(captured.some((s) => s.sql.startsWith("CREATE OR REPLACE VIEW"))).toBe(true);
  });

  it("every statement sent is Trino grammar and uses only what the allow-list cites", () => {
    const failures: Record<string, { origin: string; sent: number; errors: readonly string[]; sql: string }> = {};
    for (const [shape, s] of shapes) {
      const check = checks.get(s.sql) as SqlCheck;
      if (check.errors.length > 0) failures[shape.slice(0, 80)] = { origin: s.origin, sent: s.count, errors: check.errors, sql: s.sql.slice(0, 400) };
    }
    expect(failures).toEqual({});
    expect(shapes.size).toBeGreaterThan(30);
    // StartQueryExecution's QueryString: at most 262 144 bytes (https://docs.aws.amazon.com/athena/latest/APIReference/API_StartQueryExecution.html).
    expect(Math.max(...captured.map((s) => Buffer.byteLength(s.sql)))).toBeLessThanOrEqual(262_144);
  });

  it.each(catalog.map((s) => [s.origin, s.sql] as const))("%s, rendered with its sample parameters, passes", (_, sql) => {
    expect(checks.get(sql)?.errors).toEqual([]);
  });

  it("the allow-list holds only what the statements use (an entry no statement needs is removed)", () => {
    const used = [...checks.values()].map((c) => c.inventory);
    expect(used.length).toBeGreaterThan(shapes.size);
    const all = (k: Exclude<keyof SqlInventory, "statement">) => new Set(used.flatMap((i) => [...i[k]]));
    const unused = {
      statements: Object.keys(STATEMENTS).filter((k) => !used.some((i) => i.statement === k)),
      functions: Object.keys(FUNCTIONS).filter((k) => !all("functions").has(k)),
      types: Object.keys(TYPES).filter((k) => !all("types").has(k)),
      intervalFields: Object.keys(INTERVAL_FIELDS).filter((k) => !all("intervalFields").has(k)),
      operators: Object.keys(OPERATORS).filter((k) => !all("operators").has(k)),
      keywords: Object.keys(KEYWORDS).filter((k) => !all("keywords").has(k)),
      syntax: Object.keys(SYNTAX).filter((k) => !all("syntax").has(k)),
      properties: [...Object.keys(TABLE_PROPERTIES["CREATE TABLE AS"]), ...Object.keys(TABLE_PROPERTIES.UNLOAD)].filter((k) => !all("properties").has(k)),
    };
    expect(unused).toEqual({ statements: [], functions: [], types: [], intervalFields: [], operators: [], keywords: [], syntax: [], properties: [] });
  });

  it("every entry cites an Athena or Trino documentation page", () => {
    const entries = [STATEMENTS, FUNCTIONS, TYPES, INTERVAL_FIELDS, OPERATORS, KEYWORDS, SYNTAX, TABLE_PROPERTIES["CREATE TABLE AS"], TABLE_PROPERTIES.UNLOAD].flatMap((m) => Object.values(m));
    for (const e of entries) expect(e.doc).toMatch(/^https:\/\/(docs\.aws\.amazon\.com\/athena\/latest\/ug\/[a-z0-9-]+\.html|trino\.io\/docs\/current\/[a-z/-]+\.html)(#[a-z0-9_-]+)?$/);
  });
});

describe("Athena SQL: the check fails where Athena would", () => {
  const CTAS = (select: string, props = "format = 'PARQUET', external_location = 's3://lake/staging/sc_a/'") => `CREATE TABLE sc_a WITH (${props}) AS\n${select}`;
  it.each([
    ["a DuckDB function: list_value", "SELECT list_value(1, 2) AS l", /function list_value\(\) .*not on the allow-list \(a DuckDB function/],
    ["a DuckDB function: epoch", "SELECT epoch(TIMESTAMP '2024-01-01 00:00:00') AS e", /function epoch\(\) .*DuckDB/],
    ["a DuckDB function: strftime", "SELECT strftime(occurred_at, '%Y-%m') AS m FROM curated_events", /function strftime\(\) .*DuckDB/],
    ["a `::` cast", "SELECT x::INTEGER AS y FROM t", /'::' cast at line 1:9/],
    ["an invented function", "SELECT frobnicate(x) AS y FROM t", /function frobnicate\(\) at line 1:8 is not on the allow-list$/],
    ["a Trino function off the list (date_diff differs between the engines)", "SELECT date_diff('day', a, b) AS d FROM t", /function date_diff\(\)/],
    ["a type off the list (DuckDB's HUGEINT)", "SELECT CAST(x AS HUGEINT) AS y FROM t", /type hugeint \(in CAST\)/],
    ["TRY_CAST", "SELECT TRY_CAST(x AS integer) AS y FROM t", /keyword TRY_CAST/],
    ["AT TIME ZONE", "SELECT x AT TIME ZONE 'Asia/Ho_Chi_Minh' AS y FROM t", /construct AtTimeZone/],
    ["TABLESAMPLE", "SELECT x FROM t TABLESAMPLE BERNOULLI (10)", /keyword TABLESAMPLE/],
    ["LIMIT", "SELECT x FROM t LIMIT 10", /keyword LIMIT/],
    ["LIKE", "SELECT x FROM t WHERE x LIKE 'a%'", /construct Like/],
    ["UNNEST", "SELECT v FROM UNNEST(ARRAY[1, 2]) AS u(v)", /keyword UNNEST|construct Unnest/],
    ["DuckDB's QUALIFY (not Trino grammar)", "SELECT x FROM t QUALIFY row_number() OVER () = 1", /syntax \(Trino grammar\)/],
    ["an interval field off the list", "SELECT TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' DAY AS t", /interval field DAY/],
    ["an operator off the list", "SELECT a % 2 AS m FROM t", /operator % /],
    ["a statement form off the list (DELETE)", "DELETE FROM t WHERE x = 1", /statement form DELETE is not on the allow-list/],
    ["a statement form off the list (CREATE TABLE without AS)", "CREATE TABLE t (a integer)", /construct CreateTable .*not on the allow-list/],
    ["two statements in one text", "SELECT 1 AS a; SELECT 2 AS b", /more than one statement/],
    ["a CTAS property off the list", CTAS("SELECT 1 AS a", "format = 'PARQUET', bucketed_by = ARRAY['a'], external_location = 's3://lake/p/'"), /property bucketed_by of CREATE TABLE AS/],
    ["a CTAS location that is not an S3 folder", CTAS("SELECT 1 AS a", "format = 'PARQUET', external_location = 'staging/sc_a'"), /external_location .* must be an 's3:\/\/bucket\/prefix\/' folder/],
    ["a CTAS column without a name", CTAS("SELECT count(*) FROM t"), /column 1 has no name/],
    ["a CTAS column named twice", CTAS("SELECT a, b AS a FROM t"), /column a twice/],
    ["a CTAS column of type unknown", CTAS("SELECT NULL AS a FROM t"), /column a is a bare NULL/],
    ["a view column without a name", "CREATE OR REPLACE VIEW sc_v AS SELECT x + 1 FROM t", /CREATE VIEW: column 1 has no name/],
    ["an INSERT whose query has fewer columns than its list", "INSERT INTO t (a, b) SELECT 1 AS a", /has 1 columns, the column list names 2/],
    ["an UNLOAD property off the list", "UNLOAD (SELECT 1 AS a) TO 's3://lake/p/' WITH (format = 'JSON', field_delimiter = ',')", /property field_delimiter of UNLOAD/],
    ["an UNLOAD to a location that is not an S3 folder", "UNLOAD (SELECT 1 AS a) TO 'lake/p' WITH (format = 'JSON')", /TO must be followed by an 's3:\/\/bucket\/prefix\/' string/],
    ["an UNLOAD whose query uses a DuckDB function", "UNLOAD (SELECT epoch(t) AS e FROM x) TO 's3://lake/p/' WITH (format = 'JSON')", /function epoch\(\)/],
  ])("%s", (_, sql, error) => {
    const errors = errorsOf(sql);
    expect(errors.some((e) => error.test(e)), errors.join("\n")).toBe(true);
  });

  it("accepts the same constructs where they are on the list (the cases above fail for the planted part only)", () => {
    expect(errorsOf("SELECT CAST(x AS INTEGER) AS y FROM t")).toEqual([]);
    expect(errorsOf("SELECT date_format(occurred_at, '%Y-%m') AS m FROM curated_events")).toEqual([]);
    expect(errorsOf(CTAS("SELECT CAST(NULL AS DOUBLE) AS a, count(*) AS n FROM t"))).toEqual([]);
    expect(errorsOf("UNLOAD (SELECT 1 AS a) TO 's3://lake/p/' WITH (format = 'JSON', compression = 'GZIP', partitioned_by = ARRAY['a'])")).toEqual([]);
    expect(errorsOf("INSERT INTO t (a, b) SELECT 1 AS a, 2 AS b")).toEqual([]);
  });

  it("planted into the statements the cloud sends: a DuckDB function or a `::` cast fails them", () => {
    const first = (prefix: string) => captured.find((s) => s.sql.startsWith(prefix))?.sql as string;
    const insert = first("INSERT INTO curated_events");
    const ctas = captured.find((s) => s.sql.startsWith("CREATE TABLE") && s.sql.includes("to_unixtime("))?.sql as string;
    const unload = first("UNLOAD");
    expect([insert, ctas, unload].map(errorsOf)).toEqual([[], [], []]);
    expect(errorsOf(insert.replace("date_format(", "strftime(")).join("\n")).toMatch(/function strftime\(\) .*DuckDB/);
    expect(errorsOf(ctas.replace("to_unixtime(", "epoch(")).join("\n")).toMatch(/function epoch\(\) .*DuckDB/);
    expect(errorsOf(ctas.replace(/CAST\(([^()]+) AS (\w+)\)/, "$1::$2")).join("\n")).toMatch(/'::' cast/);
    expect(errorsOf(unload.replace("SELECT *", "SELECT list_value(1) AS l, *")).join("\n")).toMatch(/function list_value\(\)/);
  });
});
