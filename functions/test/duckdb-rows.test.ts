import { DuckDBInstance, DuckDBTypeId, type DuckDBResultReader } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRows, rowsOf } from "../src/adapters/local/duckdb-engine.js";

/** The route rowsOf replaced: DuckDB's row objects, counts and decimals turned into numbers. */
function rowObjects(reader: DuckDBResultReader) {
  const numeric = new Set(
    reader.columnNames().filter((_, i) => [DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT, DuckDBTypeId.DECIMAL].includes(reader.columnTypes()[i]!.typeId)),
  );
  return reader.getRowObjectsJson().map((row: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...row };
    for (const k of numeric) if (out[k] !== null) out[k] = Number(out[k]);
    return out;
  });
}

describe("DuckDB result rows, read column by column", () => {
  let instance: DuckDBInstance;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(":memory:");
  });
  afterAll(() => instance.closeSync());

  it("gives every type our statements return as the row objects did: counts and decimals as numbers, dates and instants as text, nulls", async () => {
    const con = await instance.connect();
    const sql = `
      SELECT * FROM (VALUES
        ('U1', 12::BIGINT, 0.25::DOUBLE, 3.50::DECIMAL(9,2), TRUE, DATE '2025-03-31', TIMESTAMP '2025-03-31 17:00:00', 7::INTEGER, 18446744073709551615::UBIGINT, 'a"b\\c', 1e-7::DOUBLE, TIMESTAMP '2025-03-31 17:00:00.125'),
        (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
      ) v(unit_id, n, ratio, d, ok, day, instant, i, big, quoted, tiny, ms)
      -- a statement may end with a comment`;
    const reader = await con.runAndReadAll(sql);
    const expected = rowObjects(reader);
    expect(rowsOf(reader)).toEqual(expected);
    // One statement, rendered to JSON by DuckDB (not a second, native read).
    const sent: string[] = [];
    const spy = { runAndReadAll: (text: string) => (sent.push(text), con.runAndReadAll(text)) } as unknown as typeof con;
    expect(await readRows(spy, sql)).toEqual(expected);
    expect(sent.map((t) => t.slice(0, 30))).toEqual(["SELECT CAST(to_json(r) AS VARC"]);
    expect(expected[0]).toEqual({
      unit_id: "U1", n: 12, ratio: 0.25, d: 3.5, ok: true, day: "2025-03-31", instant: "2025-03-31 17:00:00", i: 7, big: 18446744073709551615,
      quoted: 'a"b\\c', tiny: 1e-7, ms: "2025-03-31 17:00:00.125",
    });
    expect(Object.values(expected[1]!).every((v) => v === null)).toBe(true);
    con.closeSync();
  });

  it("reads a result JSON cannot carry (NaN, Infinity) the native way, and fails a bad statement with its own error", async () => {
    const con = await instance.connect();
    const sql = "SELECT 'NaN'::DOUBLE AS nan, 'inf'::DOUBLE AS inf, 1 AS one";
    expect(await readRows(con, sql)).toEqual(rowObjects(await con.runAndReadAll(sql)).map((r) => ({ ...r, nan: NaN, inf: Infinity })));
    await expect(readRows(con, "SELECT no_such_column FROM (VALUES (1)) v(x)")).rejects.toThrow(/no_such_column/);
    expect(await readRows(con, "SELECT 1 AS x WHERE FALSE")).toEqual([]);
    con.closeSync();
  });

  it("keeps every row and column of a grouped result (the shape of the head attribution)", async () => {
    const con = await instance.connect();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom("A", "B", "C"), fc.integer({ min: 0, max: 40 }), fc.option(fc.integer({ min: -5, max: 5 }))), { maxLength: 60 }), async (data) => {
        const values = data.length === 0 ? "SELECT 'A' AS unit_id, 0 AS day, 1 AS x WHERE FALSE" : `SELECT * FROM (VALUES ${data.map(([u, d, x]) => `('${u}', ${d}, ${x ?? "NULL"})`).join(", ")}) v(unit_id, day, x)`;
        const reader = await con.runAndReadAll(`SELECT unit_id, day, count(*) AS n, sum(x) AS s, count_if(x > 0) AS pos FROM (${values}) t GROUP BY unit_id, day ORDER BY unit_id, day`);
        const rows = rowsOf(reader);
        expect(rows).toEqual(rowObjects(reader));
        expect(await readRows(con, `SELECT unit_id, day, count(*) AS n, sum(x) AS s, count_if(x > 0) AS pos FROM (${values}) t GROUP BY unit_id, day ORDER BY unit_id, day`)).toEqual(rows);
        expect(rows.reduce((a, r) => a + Number(r["n"]), 0)).toBe(data.length);
      }),
      { numRuns: 60 },
    );
    con.closeSync();
  });
});
