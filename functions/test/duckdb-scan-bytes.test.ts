/**
 * Lake bytes per statement (issue 5: "record bytes read per query"), as Athena bills them: the
 * compressed column chunks of the columns a scan references, in the partitions it does not prune,
 * once per scan. Checked against Parquet footers read independently.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDbQueryEngine, EMPTY_CURATED, scanShape } from "../src/adapters/local/duckdb-engine.js";
import { parquetScans } from "../src/adapters/local/duckdb-scan-bytes.js";

describe("parquetScans (EXPLAIN plan → scans)", () => {
  it("reads projections, filters, partition filter and file count of every READ_PARQUET, nested anywhere", () => {
    const plan = [
      {
        name: "HASH_JOIN",
        children: [
          { extra_info: { Function: "READ_PARQUET", Projections: "case_id", Filters: ["type='RECEIVED'"], "File Filters": "(month <= '2025-03')", "Scanning Files": "3/12" }, children: [] },
          { extra_info: { Function: "READ_PARQUET", Projections: ["unit_id", "received_at"] }, children: [{ extra_info: { Function: "SEQ_SCAN" } }] },
        ],
      },
    ];
    expect(parquetScans(plan)).toEqual([
      { identifiers: ["case_id", "type", "RECEIVED"], fileFilter: "(month <= '2025-03')", filesOf: 12 },
      { identifiers: ["unit_id", "received_at"], fileFilter: null, filesOf: null },
    ]);
  });
});

describe("scanShape: the key of a kept bytes-read figure", () => {
  it("masks instants, dates and numbers, never text literals or names with digits", () => {
    expect(scanShape("SELECT x FROM sc_k2_facts0 WHERE cut_no = 12 AND t < to_unixtime(TIMESTAMP '2025-03-31 17:00:00') AND d >= DATE '2025-01-01' AND month <= '2025-03' AND v > 1.5"))
      .toBe("SELECT x FROM sc_k2_facts0 WHERE cut_no = ? AND t < to_unixtime(TIMESTAMP ?) AND d >= DATE ? AND month <= '2025-03' AND v > ?");
    expect(scanShape("SELECT 'it''s 3' AS s")).toBe("SELECT 'it''s 3' AS s");
  });
});

describe("DuckDB engine: bytesScanned of lake statements", () => {
  let dir: string;
  let engine: DuckDbQueryEngine;
  /** compressed bytes of `columns` in the files of `months`, from the footers (independent route). */
  let footerBytes: (months: string[], columns: string[]) => Promise<number>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "scorecard-bytes-"));
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    for (const [month, n] of [["2025-01", 3000], ["2025-02", 5000]] as const) {
      mkdirSync(join(dir, "curated", "events", `month=${month}`), { recursive: true });
      await db.run(`COPY (
        SELECT * EXCLUDE (event_id, case_id, type, occurred_at, unit_id, month),
               'e-' || i AS event_id, 'c-' || (i // 3) AS case_id, CASE WHEN i % 3 = 0 THEN 'RECEIVED' ELSE 'RESOLVED' END AS type,
               TIMESTAMP '${month}-01 08:00:00' + INTERVAL (i) MINUTE AS occurred_at, 'U' || (i % 7) AS unit_id
        FROM (${EMPTY_CURATED}), range(${n}) r(i)) TO '${join(dir, "curated", "events", `month=${month}`, "events.parquet")}' (FORMAT parquet, COMPRESSION zstd)`);
    }
    footerBytes = async (months, columns) => {
      let sum = 0;
      for (const m of months) {
        const r = await db.runAndReadAll(
          `SELECT coalesce(sum(total_compressed_size), 0) FROM parquet_metadata('${join(dir, "curated", "events", `month=${m}`, "events.parquet")}') WHERE path_in_schema IN (${columns.map((c) => `'${c}'`).join(", ")})`,
        );
        sum += Number(r.getRows()[0]?.[0]);
      }
      return sum;
    };
    engine = await DuckDbQueryEngine.open(dir, { threads: 1 });
  });
  afterAll(() => {
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("counts the referenced columns (projected and filtered) in the partitions read", async () => {
    const r = await engine.query("SELECT count(DISTINCT case_id) AS n FROM curated_events WHERE month <= {{m}} AND type = 'RECEIVED'", { m: "2025-01" });
    expect(r.rows).toEqual([{ n: 1000 }]);
    expect(r.bytesScanned).toBe(await footerBytes(["2025-01"], ["case_id", "type"]));
    expect(r.bytesScanned).toBeGreaterThan(0);
  });

  it("counts every partition without a partition filter, and a relation scanned twice twice", async () => {
    const once = await engine.query("SELECT count(*) AS n FROM curated_events WHERE unit_id = 'U1'", {});
    expect(once.bytesScanned).toBe(await footerBytes(["2025-01", "2025-02"], ["unit_id"]));
    const twice = await engine.query("SELECT count(*) AS n FROM curated_events a JOIN curated_events b ON a.case_id = b.case_id WHERE a.type = 'RECEIVED'", {});
    expect(twice.bytesScanned).toBe((await footerBytes(["2025-01", "2025-02"], ["case_id", "type"])) + (await footerBytes(["2025-01", "2025-02"], ["case_id"])));
  });

  it("keeps a statement's figure across TIMESTAMP and DATE literals, never across partitions or a changed lake", async () => {
    const sql = "SELECT count(*) AS n FROM curated_events WHERE month <= {{m}} AND occurred_at < TIMESTAMP {{end}} AND CAST(occurred_at AS DATE) >= DATE {{from}}";
    const jan = await footerBytes(["2025-01"], ["occurred_at"]);
    const a = await engine.query(sql, { m: "2025-01", end: "2025-01-02 00:00:00", from: "2025-01-01" });
    const b = await engine.query(sql, { m: "2025-01", end: "2025-02-01 00:00:00", from: "2024-12-31" });
    expect([a.bytesScanned, b.bytesScanned]).toEqual([jan, jan]);
    expect(b.rows[0]?.["n"]).toBeGreaterThan(Number(a.rows[0]?.["n"]));
    // Another month literal prunes other files: not the kept figure.
    const both = await engine.query(sql, { m: "2025-02", end: "2025-03-01 00:00:00", from: "2025-01-01" });
    expect(both.bytesScanned).toBe(await footerBytes(["2025-01", "2025-02"], ["occurred_at"]));
    // A new file in the lake: refreshViews drops the kept figures.
    const feb = join(dir, "curated", "events", "month=2025-02", "events.parquet");
    const extra = join(dir, "curated", "events", "month=2025-02", "extra.parquet");
    await engine.exec(`COPY (SELECT * FROM read_parquet('${feb}') LIMIT 100) TO '${extra}' (FORMAT parquet)`);
    try {
      await engine.refreshViews();
      const after = await engine.query(sql, { m: "2025-02", end: "2025-03-01 00:00:00", from: "2025-01-01" });
      expect(after.bytesScanned).toBeGreaterThan(both.bytesScanned ?? 0);
    } finally {
      rmSync(extra);
      await engine.refreshViews();
    }
  });

  it("reports 0 for a statement that reads no lake table, and for creating a view", async () => {
    expect((await engine.query("SELECT 1 AS x", {})).bytesScanned).toBe(0);
    expect(await engine.materialize("t_view", "SELECT * FROM curated_events", {}, "view")).toEqual({ bytesScanned: 0 });
    const table = await engine.materialize("t_table", "SELECT case_id FROM t_view WHERE month = '2025-02'", {}, "table");
    expect(table.bytesScanned).toBe(await footerBytes(["2025-02"], ["case_id"]));
    await engine.drop([
      { name: "t_table", kind: "table" },
      { name: "t_view", kind: "view" },
    ]);
  });
});
