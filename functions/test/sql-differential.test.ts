/**
 * Differential test (issue 5): on generated provinces, the SQL of shared/src/sql/ run on DuckDB and
 * the reference scorer give identical numerators and denominators for every indicator and unit —
 * the staged route scoring runs (docs/adr/0009; the second period is cut inside a run that ends
 * later) on every province, the single statement on every fourth.
 * Every period is compared under dn-2026.1 and dn-2026.2 (R3 and R9_R3 over Home Affairs' marks of
 * improper returns, the D7 measures O3F, O3P, O4), the edge month also with the portal's switch.
 * On the same provinces and staged run, the lists behind the indicators (issue 20, item 1: the
 * list a run unloads per end — its dossiers and records in one statement — and the run's finished
 * and catalog lists, classified by shared/src/facts/indicator-lists.ts as the read API does) add
 * up, for every computed indicator, unit, period and version, to the numerator and the denominator
 * of both the SQL route and the reference scorer.
 * Provinces: ./support/province-gen.ts. Duplicates are exact copies (compaction keeps one version
 * per eventId and ingestion never stores conflicting versions, so the oracle's tie-break between
 * conflicting versions is out of scope).
 */
import { randomUUID } from "node:crypto";
import { DN_2026_1, DN_2026_2, type Methodology, type Period, WorkingCalendar, longestPeriodEndingWith, parsePeriod, referenceIndicators, unitsValidIn } from "@scorecard/shared";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indicatorValues, queryIndicatorRows } from "../src/use-cases/score/indicator-rows.js";
import { openFacts, sqlTimestamp } from "../src/use-cases/score/staged-facts.js";
import { CASE_LIST_COLUMNS, CASE_LIST_SQL, caseListSql } from "@scorecard/shared/sql/case-list.sql";
import { CATALOG_LIST_SQL, endListSql } from "@scorecard/shared/sql/record-list.sql";
import { isDossierRow } from "@scorecard/shared/facts/indicator-lists";
import { caseInList } from "@scorecard/shared/sql/case-status.sql";
import { CATALOG, type ProvinceSpec, UNITS, province, provinceArb } from "./support/province-gen.js";
import { SqlTables } from "./support/sql-tables.js";
import { countsOf, listTotals } from "./support/list-totals.js";

const CALENDAR = new WorkingCalendar();

const PORTAL: Methodology = { ...DN_2026_1, switches: { ...DN_2026_1.switches, inProgressCountsAsOnTime: true } };

/** Indicator values as plain comparable objects (unit → code → [numerator, denominator, ratio?]). */
const comparable = (units: readonly { unitId: string; values: Readonly<Record<string, { numerator: number; denominator: number; ratio?: number | null | undefined }>> }[]) =>
  Object.fromEntries(units.map((u) => [u.unitId, Object.fromEntries(Object.entries(u.values).map(([k, v]) => [k, v.ratio === undefined ? [v.numerator, v.denominator] : [v.numerator, v.denominator, v.ratio]]))]));

/** A dossier row of an end's list with the dossier list's columns only (the records' columns are empty on it). */
const dossierColumns = (r: Record<string, unknown>) => Object.fromEntries(CASE_LIST_COLUMNS.map((c) => [c, r[c] ?? null]));

/** Drill-down rows as sorted comparable text. */
const listRows = (rows: readonly Record<string, unknown>[]) => rows.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)))).sort();

describe("SQL ≡ reference scorer on generated provinces (differential)", () => {
  let db: SqlTables;
  beforeAll(async () => {
    db = await SqlTables.open(UNITS);
  });
  afterAll(() => db.dispose());

  it("gives identical numerators and denominators for every indicator, unit and period", async () => {
    let runs = 0;
    let cases = 0;
    let events = 0;
    let sqlMs = 0;
    let referenceMs = 0;
    let listMs = 0;
    let listSqlMs = 0;
    let listChecks = 0;
    /** Per indicator: how many (unit, period) pairs had a non-zero numerator — the generator must reach every one. */
    const reached: Record<string, number> = {};
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(provinceArb, async (spec) => {
        const prov = province(spec as unknown as ProvinceSpec);
        await db.load(prov);
        runs++;
        cases += spec.cases.length;
        events += prov.events.length;
        // Both routes: the single statement per period, and the staged tables of one run over both periods.
        const periods = [spec.edgeMonth, spec.extraPeriod].map(parsePeriod);
        const staged = await openFacts(db.engine, periods, { newId: randomUUID });
        const paramsOf = (p: Period) => ({ period_start: sqlTimestamp(p.start), period_end: sqlTimestamp(p.end), month_to: p.endDate.slice(0, 7) });
        // The run's finished dossiers (written once) and each end's open dossiers and records, as the drill-down writer unloads them.
        const finished = (await db.engine.query(caseListSql(staged.finishedList!.cte, "finished"), staged.finishedList!.params)).rows;
        const finishedRows = () => finished;
        // The run's catalog entries, once, over its span (the earliest start of its lists to its last end), as the writer unloads them.
        const runSpans = periods.map(longestPeriodEndingWith);
        const catalogRows = (
          await db.engine.query(CATALOG_LIST_SQL, { start_date: runSpans.map((p) => p.startDate).sort()[0]!, end_date: runSpans.map((p) => p.endDate).sort().at(-1)! })
        ).rows;
        const spans = new Map<string, Promise<{ open: Record<string, unknown>[]; records: Record<string, unknown>[] }>>();
        const spanRows = (span: Period) => {
          let rows = spans.get(span.id);
          if (rows === undefined) {
            rows = (async () => {
              // One statement per end: its open dossiers and the records (`kind`).
              const all = (await db.engine.query(endListSql(staged.cte(span), "open"), { ...paramsOf(span), accept_days: 2, handle_days: 15 })).rows;
              return { open: all.filter(isDossierRow).map(dossierColumns), records: all.filter((r) => !isDossierRow(r)) };
            })();
            spans.set(span.id, rows);
          }
          return rows;
        };
        for (const period of periods) {
          const id = period.id;
          let t = Date.now();
          // The single statement (engines without tables) on every fourth province: it is the slower route here.
          const rows = runs % 4 === 1 ? await queryIndicatorRows(db.engine, period, DN_2026_1) : undefined;
          const stagedRows = await queryIndicatorRows(db.engine, period, DN_2026_1, staged);
          sqlMs += Date.now() - t;
          const units = unitsValidIn(CATALOG, period).filter((u) => u.tier !== "PROVINCE");
          // The lists of the period's end as the run unloads them (the finished rows before the period's end).
          const span = longestPeriodEndingWith(period);
          t = Date.now();
          const { open, records } = await spanRows(span);
          const endT = Date.parse(period.end) / 1000;
          const dossierRows = [...open, ...finishedRows().filter((r) => Number(r["last_t"]) < endT)];
          listSqlMs += Date.now() - t;
          for (const m of id === spec.edgeMonth ? [DN_2026_1, DN_2026_2, PORTAL] : [DN_2026_1, DN_2026_2]) {
            t = Date.now();
            const reference = referenceIndicators({ ...prov, units: CATALOG, period, calendar: CALENDAR, methodology: m });
            referenceMs += Date.now() - t;
            const sql = indicatorValues(stagedRows, units, m);
            t = Date.now();
            const lists = listTotals(m, period, units.map((u) => u.unitId), dossierRows, records, catalogRows);
            listMs += Date.now() - t;
            const listLabel = m === PORTAL ? "portal switch" : m.id;
            expect(lists, `${id} lists ≡ reference (${listLabel})`).toEqual(countsOf(m, reference.units));
            expect(lists, `${id} lists ≡ SQL (${listLabel})`).toEqual(countsOf(m, sql));
            listChecks += units.length;
            for (const u of sql) for (const [code, v] of Object.entries(u.values)) if (v.numerator !== 0) reached[`${m.id} ${code}`] = (reached[`${m.id} ${code}`] ?? 0) + 1;
            const label = m === PORTAL ? "portal switch" : m.id;
            expect(comparable(sql), `${id} staged (${label})`).toEqual(comparable(reference.units));
            if (rows) expect(comparable(indicatorValues(rows, units, m)), `${id} single statement (${label})`).toEqual(comparable(reference.units));
          }
        }
        // The drill-down lists of the staged run (score-period.ts DrilldownWriter): each period's
        // list is its end's "open" rows plus the run's finished rows with the last event before the
        // period's end, and equals the period's whole list — the single statement's on every fourth
        // province (the slow route here), the staged one's on the others.
        // Every period the lists serve: the run's, and the longest of each end, which the pointer claims too.
        const served = [...new Map([...periods, ...periods.map(longestPeriodEndingWith)].map((p) => [p.id, p])).values()];
        for (const period of served) {
          const params = paramsOf(period);
          const endT = Date.parse(period.end) / 1000;
          const startT = Date.parse(period.start) / 1000;
          // As the run writes and the reader reads: the list of the longest period with this end.
          const span = longestPeriodEndingWith(period);
          const open = (await spanRows(span)).open.filter((r) => caseInList(r, startT));
          const split = [...open, ...finished.filter((r) => Number(r["last_t"]) < endT && caseInList(r, startT))];
          const whole = (await db.engine.query(runs % 4 === 1 ? CASE_LIST_SQL : caseListSql(staged.cte(period)), params)).rows;
          expect(listRows(split), `${period.id} drill-down list`).toEqual(listRows(whole));
        }
        await staged.close();
      }),
      { numRuns: Number(process.env["DIFF_RUNS"] ?? 80), seed: Number(process.env["DIFF_SEED"] ?? 20265) },
    );
    console.info(
      `differential: ${runs} provinces, ${cases} cases, ${events} events, ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(SQL ${(sqlMs / 1000).toFixed(1)} s, reference ${(referenceMs / 1000).toFixed(1)} s, lists ${(listSqlMs / 1000).toFixed(1)} s SQL + ${(listMs / 1000).toFixed(1)} s classified for ${listChecks} unit-periods); non-zero numerators: ${JSON.stringify(reached)}`,
    );
    expect(runs).toBeGreaterThanOrEqual(Number(process.env["DIFF_RUNS"] ?? 80));
    const codes = [DN_2026_1, DN_2026_2].flatMap((m) => m.indicators.filter((d) => d.source !== "MANUAL").map((d) => `${m.id} ${d.code}`));
    expect(codes.filter((c) => (reached[c] ?? 0) === 0), "indicators the generator never exercised").toEqual([]);
    // npm test's 80 provinces take about 75 s alone (CI's 15-minute budget); DIFF_RUNS=200 and =1000 are the deep runs: 3 s a province at most.
  }, Math.max(600_000, Number(process.env["DIFF_RUNS"] ?? 80) * 3_000));
});
