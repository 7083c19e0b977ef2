/**
 * Kept case facts (issue 23, docs/adr/0023; functions/src/use-cases/score/kept-facts.ts).
 *
 * On generated provinces (./support/province-gen.ts) delivered in 2–4 increments — events in random
 * order, some delivered again in a later increment (compaction keeps the first copy) — the kept
 * facts brought up to date after each increment equal the facts built at once from the same
 * events, relation by relation, row by row; and a scoring run over them gives, for every period
 * end, the reference scorer's numerators and denominators and the staged route's drill-down rows.
 */
import { randomUUID } from "node:crypto";
import { DN_2026_1, type Period, WorkingCalendar, parsePeriod, referenceIndicators, unitsValidIn } from "@scorecard/shared";
import { stageTables } from "@scorecard/shared/sql/case-stages.sql";
import { caseListSql } from "@scorecard/shared/sql/case-list.sql";
import { KEPT_COLUMNS, KEPT_RELATIONS, cutOfEnd, monthCut, monthCuts, touchedCasesSql } from "@scorecard/shared/sql/kept-facts.sql";
import { keptFactsManifestKey } from "@scorecard/shared/lake/layout";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FolderLake } from "../src/adapters/local/folder-lake.js";
import type { Lake } from "../src/ports/lake.js";
import { indicatorValues, queryIndicatorRows } from "../src/use-cases/score/indicator-rows.js";
import { type KeptFacts, keptFactsSource, refreshKeptFacts } from "../src/use-cases/score/kept-facts.js";
import { openFacts, sqlTimestamp } from "../src/use-cases/score/staged-facts.js";
import { CATALOG, type ProvinceSpec, UNITS, province, provinceArb } from "./support/province-gen.js";
import { SqlTables } from "./support/sql-tables.js";

const CALENDAR = new WorkingCalendar();

/** A lake that keeps nothing: the facts are built at once, every time. */
const noManifest = (lake: Lake): Lake => ({ ...lake, get: async (key) => (key === keptFactsManifestKey() ? undefined : lake.get(key)), put: async () => undefined, list: async () => [] });

const comparable = (units: readonly { unitId: string; values: Readonly<Record<string, { numerator: number; denominator: number }>> }[]) =>
  Object.fromEntries(units.map((u) => [u.unitId, Object.fromEntries(Object.entries(u.values).map(([k, v]) => [k, [v.numerator, v.denominator]]))]));

const sortedRows = (rows: readonly Record<string, unknown>[]) => rows.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)))).sort();

describe("kept facts: month cuts", () => {
  it("numbers a month end by its month and places it at the next local midnight", () => {
    expect(monthCut("2000-01")).toEqual({ no: 0, end: "2000-01-31 17:00:00" });
    expect(monthCut("2024-02")).toEqual({ no: 24 * 12 + 1, end: "2024-02-29 17:00:00" });
    expect(monthCut("2025-12")).toEqual({ no: 25 * 12 + 11, end: "2025-12-31 17:00:00" });
    expect(monthCuts("2024-11", "2025-02").map((c) => c.no)).toEqual([298, 299, 300, 301]);
    expect(() => monthCut("1999-12")).toThrow(/outside/);
    expect(() => monthCut("2025-13")).toThrow(/YYYY-MM/);
  });

  it("gives each period end the cut of the month it closes, and refuses an end that is no month end", () => {
    for (const id of ["2024-06", "2024-Q2", "2024-H1"]) expect(cutOfEnd(parsePeriod(id).end)).toBe(monthCut("2024-06").no);
    expect(cutOfEnd(parsePeriod("2024").end)).toBe(monthCut("2024-12").no);
    expect(() => cutOfEnd("2024-06-30T00:00:00.000Z")).toThrow(/not a month end/);
  });

  it("refuses batch names that could leave their quotes", () => {
    expect(() => touchedCasesSql(["ok-1", "x' OR '1'='1"])).toThrow(/x' OR/);
    expect(() => touchedCasesSql([])).toThrow(/no ingest batch/);
  });
});

describe("kept facts ≡ facts built at once, and score as the reference (differential)", () => {
  let db: SqlTables;
  let lakeDir: string;
  beforeAll(async () => {
    db = await SqlTables.open(UNITS);
    lakeDir = db.dir;
  });
  afterAll(() => db.dispose());

  const rowsOf = async (generation: string) => {
    const g = stageTables(generation);
    const out: Record<string, string[]> = {};
    for (const r of KEPT_RELATIONS) out[r] = sortedRows((await db.engine.query(`SELECT ${KEPT_COLUMNS[r].join(", ")} FROM ${g[r]}`, {})).rows);
    return out;
  };

  it("after every increment, in any order and with duplicates", async () => {
    let runs = 0;
    let increments = 0;
    let updated = 0;
    const arb = fc.record({
      spec: provinceArb,
      parts: fc.integer({ min: 2, max: 4 }),
      seed: fc.array(fc.nat({ max: 1_000 }), { minLength: 64, maxLength: 64 }),
      again: fc.array(fc.nat({ max: 63 }), { maxLength: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ spec, parts, seed, again }) => {
        runs++;
        const prov = province(spec as unknown as ProvinceSpec);
        // The kept facts' lake is the engine's folder (the engine writes the Parquet there); a
        // manifest per property run, so every run starts without kept facts.
        const lake = new FolderLake(lakeDir);
        await lake.removePrefix("facts/");
        try {
          // Increment of each event (random), and the events delivered again in a later increment.
          const part = prov.events.map((_, i) => (seed[i % seed.length]! + i) % parts);
          const delivered: { event: (typeof prov.events)[number]; batch: string }[] = [];
          let kept: KeptFacts | null = null;
          for (let k = 0; k < parts; k++) {
            const mine = prov.events.filter((_, i) => part[i] === k);
            const repeats = k === 0 ? [] : again.map((j) => delivered[j % Math.max(1, delivered.length)]?.event).filter((e) => e !== undefined);
            const batch = `b${k}-${runs}`;
            // Random order inside the batch (the SQL reads sets; the curated copy is the first delivered).
            const order = [...mine, ...repeats].map((e, i) => ({ e, key: seed[(i * 7 + k) % seed.length]! })).sort((a, b) => a.key - b.key).map((x) => x.e);
            const seen = new Set(delivered.map((d) => d.event.eventId));
            const fresh = order.some((e) => !seen.has(e.eventId));
            for (const event of order) delivered.push({ event, batch });
            await db.load({ ...prov, events: delivered.map((d) => d.event), batchOf: (i) => delivered[i]!.batch });
            kept = await refreshKeptFacts({ engine: db.engine, lake, newId: randomUUID });
            increments++;
            if (kept.how === "updated") updated++;
            // An increment of copies only changes nothing (compaction keeps the first copy and its batch).
            expect(kept.how, `increment ${k}`).toBe(k === 0 ? "built" : fresh ? "updated" : "current");
            // Nothing new: the same generation.
            if (k === parts - 1) expect((await refreshKeptFacts({ engine: db.engine, lake, newId: randomUUID })).how).toBe("current");
          }
          const atOnce = await refreshKeptFacts({ engine: db.engine, lake: noManifest(lake), newId: randomUUID });
          expect(atOnce.how).toBe("built");
          expect(await rowsOf(kept!.generation), "kept in increments ≡ built at once").toEqual(await rowsOf(atOnce.generation));

          // Scoring over the kept facts: each period as the reference scorer, lists as the staged route.
          const periods: Period[] = [spec.edgeMonth, spec.extraPeriod].map(parsePeriod);
          const source = await keptFactsSource(db.engine, periods, kept!, randomUUID);
          const staged = await openFacts(db.engine, periods, { newId: randomUUID });
          for (const period of periods) {
            const units = unitsValidIn(CATALOG, period).filter((u) => u.tier !== "PROVINCE");
            const sql = indicatorValues(await queryIndicatorRows(db.engine, period, DN_2026_1, source), units, DN_2026_1);
            const reference = referenceIndicators({ ...prov, units: CATALOG, period, calendar: CALENDAR, methodology: DN_2026_1 });
            expect(comparable(sql), `${period.id} kept ≡ reference`).toEqual(comparable(reference.units));
            const params = { period_start: sqlTimestamp(period.start), period_end: sqlTimestamp(period.end), month_to: period.endDate.slice(0, 7) };
            const list = (await db.engine.query(caseListSql(source.cte(period)), params)).rows;
            expect(sortedRows(list), `${period.id} list kept ≡ staged`).toEqual(sortedRows((await db.engine.query(caseListSql(staged.cte(period)), params)).rows));
          }
          await source.close();
          await staged.close();
        } finally {
          await lake.removePrefix("facts/");
        }
      }),
      { numRuns: Number(process.env["KEPT_RUNS"] ?? 10), seed: Number(process.env["KEPT_SEED"] ?? 2312) },
    );
    console.info(`kept facts: ${runs} provinces, ${increments} increments (${updated} updated in place)`);
    expect(updated).toBeGreaterThan(0);
  }, 300_000);
});
