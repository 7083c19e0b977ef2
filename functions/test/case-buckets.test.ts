/**
 * The segments behind the bucketed owner counts (shared/src/sql/case-stages.sql.ts,
 * `segmentSql`): evaluated by DuckDB on generated boundaries and instants, against the definition
 * (how many boundaries are at or before the instant) and the two facts a period's statement relies
 * on — x >= B[i] iff seg(x) >= i + 1, x < B[j] iff seg(x) <= j. The counts themselves are checked
 * against the reference scorer by sql-differential.test.ts and the fixtures (staged routes).
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { OWNER_COUNTS, ownerCounts, ownerPartials } from "@scorecard/shared/sql/case-indicators.sql";
import { MAX_BOUNDARIES, segmentSql } from "@scorecard/shared/sql/case-stages.sql";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("segments of a run's period bounds", () => {
  let instance: DuckDBInstance;
  let con: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(":memory:");
    con = await instance.connect();
  });
  afterAll(() => {
    con.closeSync();
    instance.closeSync();
  });

  const boundariesArb = fc.uniqueArray(fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }), { minLength: 1, maxLength: 30 }).map((b) => b.sort((x, y) => x - y));

  it("count the boundaries at or before an instant (NULL for NULL), so that a period's bounds are comparisons of segments", async () => {
    await fc.assert(
      fc.asyncProperty(
        boundariesArb.chain((b) =>
          fc.tuple(
            fc.constant(b),
            // Instants on, just before and just after the boundaries, and anywhere; NULL sometimes.
            fc.array(fc.oneof(fc.constantFrom(...b), fc.constantFrom(...b).map((x) => x - 0.5), fc.constantFrom(...b).map((x) => x + 0.25), fc.double({ min: 1.5e9, max: 2e9, noNaN: true }), fc.constant(null)), { minLength: 1, maxLength: 20 }),
          ),
        ),
        async ([b, xs]) => {
          const values = xs.map((x) => `(${x === null ? "CAST(NULL AS DOUBLE)" : `CAST(${x} AS DOUBLE)`})`).join(", ");
          const rows = (await con.runAndReadAll(`SELECT x, ${segmentSql("x", b)} AS seg FROM (VALUES ${values}) v(x)`)).getRowObjectsJson();
          rows.forEach((r, k) => {
            const x = xs[k] ?? null;
            const seg = r["seg"] === null ? null : Number(r["seg"]);
            if (x === null) return expect(seg).toBeNull();
            expect(seg).toBe(b.filter((v) => v <= x).length);
            for (let i = 0; i < b.length; i++) {
              expect(x >= (b[i] as number)).toBe((seg as number) >= i + 1);
              expect(x < (b[i] as number)).toBe((seg as number) <= i);
            }
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("refuses boundaries that are not ascending whole seconds, none, or too many", () => {
    expect(() => segmentSql("x", [])).toThrow(/between 1 and/);
    expect(() => segmentSql("x", [2, 1])).toThrow(/ascending whole epoch seconds \(at 1: 1\)/);
    expect(() => segmentSql("x", [1, 1])).toThrow(/ascending/);
    expect(() => segmentSql("x", [1.5])).toThrow(/whole epoch seconds \(at 0: 1.5\)/);
    expect(() => segmentSql("x", Array.from({ length: MAX_BOUNDARIES + 1 }, (_, k) => k))).toThrow(/between 1 and/);
  });
});

describe("owner counts with and without their period condition", () => {
  const columns = Object.keys(OWNER_COUNTS);
  it("every owner count is a count or a sum under one condition, the same in both forms", () => {
    const withCondition = ownerCounts(columns).split(",\n         ");
    const partial = ownerPartials(columns).split(",\n         ");
    expect(withCondition).toHaveLength(columns.length);
    expect(partial).toHaveLength(columns.length);
    // e.g. t4_num: count_if(received_in_period AND synced_to_national_portal = 1) / count_if(synced_to_national_portal = 1)
    expect(withCondition[columns.indexOf("t4_num")]).toBe("count_if(received_in_period AND synced_to_national_portal = 1) AS t4_num");
    expect(partial[columns.indexOf("t4_num")]).toBe("count_if(synced_to_national_portal = 1) AS t4_num");
    expect(withCondition[columns.indexOf("p2_num")]).toBe("sum(CASE WHEN resolved_in_period THEN handling_days ELSE 0 END) AS p2_num");
    expect(partial[columns.indexOf("p2_num")]).toBe("sum(handling_days) AS p2_num");
    // S3A's `bad` depends on the period (a complaint before its end): the bucket keys by it instead.
    expect(partial[columns.indexOf("s3a_num")]).toBe("count(*) AS s3a_num");
    expect(partial.join(" ")).not.toMatch(/\bbad\b|_in_period|in_scope/);
  });
});
