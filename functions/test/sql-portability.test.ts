import { SQL_STATEMENTS } from "@scorecard/shared/sql/catalog";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DUCKDB_PRELUDE } from "../src/adapters/local/duckdb-engine.js";
import { tempRuntime } from "./support/temp-runtime.js";

describe("SQL portability: one text for Athena (Trino) and DuckDB", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  beforeAll(async () => {
    env = await tempRuntime();
  });
  afterAll(() => env.dispose());

  it.each(SQL_STATEMENTS.map((s) => [s.name, s] as const))("%s runs on DuckDB (empty lake) with the prelude", async (_, s) => {
    const engine = env.rt.engine;
    for (const r of s.setup ?? []) await engine.materialize(r.name, r.sql, r.params, r.kind);
    try {
      await expect(engine.query(s.sql, s.sampleParams)).resolves.toMatchObject({ rows: [] });
    } finally {
      await engine.drop([...(s.setup ?? [])].reverse());
    }
  });

  it("uses no construct that differs between the engines (stack.md §7)", () => {
    for (const s of SQL_STATEMENTS) {
      expect(s.sql, s.name).not.toMatch(/\bdate_diff\s*\(|\belement_at\s*\(|\bformat\s*\(|AT\s+TIME\s+ZONE|\bdate_add\s*\(|TABLESAMPLE|FETCH\s+FIRST/i);
    }
  });

  describe("DuckDB prelude: every shim gives Trino's answer", () => {
    it("lists only the shims the SQL uses", () => {
      const used = DUCKDB_PRELUDE.filter((p) => SQL_STATEMENTS.some((s) => new RegExp(`\\b${p.name}\\s*\\(`).test(s.sql)));
      expect(used.map((p) => p.name)).toEqual(DUCKDB_PRELUDE.map((p) => p.name));
    });
    it("to_unixtime(TIMESTAMP '2024-06-30 17:00:00') = 1719766800 (seconds since the epoch, UTC)", async () => {
      const { rows } = await env.rt.engine.query("SELECT to_unixtime(TIMESTAMP '2024-06-30 17:00:00') AS t", {});
      expect(rows[0]?.["t"]).toBe(1719766800);
    });
  });
});
