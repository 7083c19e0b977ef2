/**
 * One drill-down list per period end (score-period.ts writeDrilldowns, read-rankings.ts
 * readUnitCases): the list of a shorter period with the same end, read from the longer period's
 * list, equals the period's own list computed by the single statement (an independent route), and
 * the TypeScript twin of CASE_IN_LIST agrees with the SQL.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import fc from "fast-check";
import { longestPeriodEndingWith, parsePeriod } from "@scorecard/shared";
import { CASE_LIST_SQL } from "@scorecard/shared/sql/case-list.sql";
import { CASE_IN_LIST, caseInList } from "@scorecard/shared/sql/case-status.sql";
import { isDossierRow } from "@scorecard/shared/facts/indicator-lists";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { ingestEvents } from "../src/use-cases/ingest/ingest-events.js";
import { type DrilldownPointer, drilldownPrefix, drilldownRunKey, finishedListPrefix } from "@scorecard/shared/lake/layout";
import { drilldownRows, readUnitCases } from "../src/use-cases/read/read-rankings.js";
import { scorePeriods } from "../src/use-cases/score/score-period.js";
import { sqlTimestamp } from "../src/use-cases/score/staged-facts.js";
import { CaseBuilder } from "./support/events.js";
import { tempRuntime } from "./support/temp-runtime.js";
import { existsSync } from "node:fs";
import { join } from "node:path";

const UNIT = "DEPT-STP-2020";

describe("drill-down lists shared by the periods of an end", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  // The lists a staged run writes (the cloud's route); over kept facts a run writes none (indicator-lists.fixtures.test.ts).
  const staged = () => ({ ...env.rt.score, keptFacts: false });
  beforeAll(async () => {
    env = await tempRuntime();
    const events = [
      // Received in January, finished in February: in Q1's list, not in March's.
      ...new CaseBuilder("SP-FEB", UNIT).received("2024-01-15T09:00:00", "2024-01-25T17:00:00").resolved("2024-02-02T10:00:00").build(),
      // Withdrawn in February: EXCLUDED in Q1's list, not in March's.
      ...new CaseBuilder("SP-WD", UNIT).received("2024-01-16T09:00:00", "2024-03-25T17:00:00").withdrawn("2024-02-10T10:00:00").build(),
      // Carried over into March and finished there: in both.
      ...new CaseBuilder("SP-CARRY", UNIT).received("2024-02-20T09:00:00", "2024-03-05T17:00:00").resolved("2024-03-12T10:00:00").build(),
      // Still open at the end of March (received in January): in both, OVERDUE.
      ...new CaseBuilder("SP-OPEN", UNIT).received("2024-01-10T09:00:00", "2024-02-10T17:00:00").build(),
      // Received in March, finished in April (after the end): IN_PROGRESS in both.
      ...new CaseBuilder("SP-APR", UNIT).received("2024-03-28T09:00:00", "2024-04-15T17:00:00").resolved("2024-04-02T10:00:00").build(),
      // Received in March, early.
      ...new CaseBuilder("SP-MAR", UNIT).received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-05T10:00:00").build(),
    ];
    const r = await ingestEvents(env.rt.ingest)(events);
    expect(r.accepted).toBe(events.length);
    await compactLake(env.rt.engine, env.rt.lake.root);
    // March's own list as a run before the lists were shared wrote it (a pointer without `from`),
    // with a row the shared list does not have: it must be removed, and never read.
    const m = env.rt.score.methodology;
    await env.rt.lake.put(`${drilldownPrefix(m, "2024-03")}old-run/unit_id=${UNIT}/part_0.csv`, "case_id,field,status,received_t,due_eff_t,end_t,supplement_requests,open_request_t,withdrawn_t\nSP-STALE,LAND,EARLY,1709251200.0,1709856000.0,1709337600.0,0,,\n");
    await env.rt.lake.put(drilldownRunKey(m, "2024-03"), JSON.stringify({ run: "old-run", computedAt: "2024-04-01T00:00:00.000Z" }));
    expect(await readUnitCases(env.rt.read)(UNIT, "2024-03")).toEqual([expect.objectContaining({ caseId: "SP-STALE" })]);
    // March and Q1 end together; January ends alone; the run's last end is April.
    await scorePeriods(staged())(["2024-01", "2024-03", "2024-Q1", "2024-04"].map(parsePeriod));
  }, 120_000);
  afterAll(async () => {
    await env.dispose();
  });

  const ownList = async (id: string) => {
    const p = parsePeriod(id);
    const rows = (await env.rt.engine.query(CASE_LIST_SQL, { period_start: sqlTimestamp(p.start), period_end: sqlTimestamp(p.end), month_to: p.endDate.slice(0, 7) })).rows;
    return rows.filter((r) => r["unit_id"] === UNIT).map((r) => [String(r["case_id"]), String(r["status"])]).sort();
  };
  const read = async (id: string) => ((await readUnitCases(env.rt.read)(UNIT, id)) ?? []).map((c) => [c.caseId, c.status]).sort();

  it("writes March's list once, as Q1's, and none for March itself (the list March kept from before is removed)", () => {
    const root = (id: string) => join(env.rt.lake.root, drilldownPrefix(env.rt.score.methodology, id));
    expect(existsSync(root("2024-Q1"))).toBe(true);
    expect(existsSync(root("2024-03"))).toBe(false);
    expect(existsSync(root("2024-01"))).toBe(true);
  });

  it("writes the run's finished cases once, named by every end's pointer, and each end's list without them", async () => {
    const m = env.rt.score.methodology;
    const pointer = async (id: string) => JSON.parse(new TextDecoder().decode((await env.rt.lake.get(drilldownRunKey(m, id)))!)) as DrilldownPointer;
    const q1 = await pointer("2024-Q1");
    expect(q1.finished).toBeDefined();
    expect((await pointer("2024-01")).finished).toBe(q1.finished);
    expect((await pointer("2024-04")).finished).toBe(q1.finished);
    const ids = async (prefix: string) => {
      const out: string[] = [];
      // The dossiers only: an end's list holds the records behind the other indicators too (issue 20, item 1: `kind`).
      for (const key of await env.rt.lake.list(prefix)) for (const r of drilldownRows(key, (await env.rt.lake.get(key))!)) if (isDossierRow(r)) out.push(String(r["case_id"]));
      return out.sort();
    };
    // Finished before the run's last end (April), last event in the run's span: the finished list, once each.
    expect(await ids(`${finishedListPrefix(m)}${q1.finished}/`)).toEqual(["SP-APR", "SP-CARRY", "SP-FEB", "SP-MAR", "SP-WD"]);
    // Q1's own list: the cases open at the end of March only.
    expect(await ids(`${drilldownPrefix(m, "2024-Q1")}${q1.run}/`)).toEqual(["SP-APR", "SP-OPEN"]);
  });

  it("reads each period's own list out of the shared one (same rows and statuses as the single statement)", async () => {
    const march = await read("2024-03");
    expect(march).toEqual([["SP-APR", "IN_PROGRESS"], ["SP-CARRY", "LATE"], ["SP-MAR", "EARLY"], ["SP-OPEN", "OVERDUE"]]);
    expect(march).toEqual(await ownList("2024-03"));
    const q1 = await read("2024-Q1");
    expect(q1).toEqual([["SP-APR", "IN_PROGRESS"], ["SP-CARRY", "LATE"], ["SP-FEB", "LATE"], ["SP-MAR", "EARLY"], ["SP-OPEN", "OVERDUE"], ["SP-WD", "EXCLUDED"]]);
    expect(q1).toEqual(await ownList("2024-Q1"));
    expect(await read("2024-01")).toEqual(await ownList("2024-01"));
    expect(await read("2024-04")).toEqual(await ownList("2024-04"));
  });

  it("answers undefined for a period whose end was never scored", async () => {
    expect(await readUnitCases(env.rt.read)(UNIT, "2024-02")).toBeUndefined();
    expect(longestPeriodEndingWith(parsePeriod("2024-02")).id).toBe("2024-02");
  });

  it("keeps a run's finished list while an end's pointer names it, and removes it at the end of the run that drops the last", async () => {
    const m = env.rt.score.methodology;
    const finishedRuns = async () => [...new Set((await env.rt.lake.list(finishedListPrefix(m))).map((k) => k.slice(finishedListPrefix(m).length).split("/")[0]))].sort();
    const named = async (id: string) => (JSON.parse(new TextDecoder().decode((await env.rt.lake.get(drilldownRunKey(m, id)))!)) as DrilldownPointer).finished;
    const [first] = await finishedRuns();
    await scorePeriods(staged())([parsePeriod("2024-04")]);
    const april = await named("2024-04");
    expect(april).not.toBe(first);
    expect(await finishedRuns()).toEqual([first, april].sort()); // January and Q1 still name the first
    expect(await read("2024-04")).toEqual(await ownList("2024-04"));
    await scorePeriods(staged())(["2024-01", "2024-Q1"].map(parsePeriod));
    const q1 = await named("2024-Q1");
    expect(await named("2024-01")).toBe(q1);
    expect(await finishedRuns()).toEqual([april, q1].sort()); // the first is named by nothing now
    // The catalog lists (issue 20, item 1): written once per run like the finished ones, named by each end's pointer.
    const namedCatalog = async (id: string) => (JSON.parse(new TextDecoder().decode((await env.rt.lake.get(drilldownRunKey(m, id)))!)) as DrilldownPointer).catalog;
    expect(await namedCatalog("2024-01")).toBe(await namedCatalog("2024-Q1"));
    expect(await namedCatalog("2024-04")).not.toBe(await namedCatalog("2024-Q1"));
    for (const id of ["2024-01", "2024-03", "2024-Q1", "2024-04"]) expect(await read(id)).toEqual(await ownList(id));
  });

  it("runs started together go one after the other (a run's clean-up must not meet another run's lists half-written)", async () => {
    const log: string[] = [];
    const run = (name: string, ids: readonly string[]) =>
      scorePeriods(staged())(ids.map(parsePeriod), { onStaged: () => log.push(`${name} staged`), onPeriod: (p) => log.push(`${name} ${p.id}`) });
    await Promise.all([run("A", ["2024-01", "2024-Q1"]), run("B", ["2024-04"]), run("C", ["2024-03"])]);
    expect(log).toEqual(["A staged", "A 2024-01", "A 2024-Q1", "B staged", "B 2024-04", "C staged", "C 2024-03"]);
    for (const id of ["2024-01", "2024-03", "2024-Q1", "2024-04"]) expect(await read(id)).toEqual(await ownList(id));
  });
});

describe("caseInList: the TypeScript twin of CASE_IN_LIST", () => {
  it("agrees with the SQL on numbers and on the CSV text of a drill-down file", async () => {
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    const t = fc.integer({ min: 1_700_000_000, max: 1_700_000_100 });
    await fc.assert(
      fc.asyncProperty(t, fc.option(t, { nil: null }), fc.option(t, { nil: null }), t, async (received, end, withdrawn, start) => {
        const lit = (v: number | null) => (v === null ? "CAST(NULL AS DOUBLE)" : `CAST(${v} AS DOUBLE)`);
        const sql = `SELECT (${CASE_IN_LIST}) AS k FROM (SELECT ${lit(received)} >= ${start} AS received_in_period, ${lit(end)} AS end_t, ${lit(withdrawn)} AS withdrawn_t) f CROSS JOIN (SELECT CAST(${start} AS DOUBLE) AS start_t) b`;
        const expected = (await con.runAndReadAll(sql)).getRows()[0]?.[0];
        expect(caseInList({ received_t: received, end_t: end, withdrawn_t: withdrawn }, start)).toBe(expected);
        const text = (v: number | null) => (v === null ? null : `${v}.0`);
        expect(caseInList({ received_t: text(received), end_t: text(end), withdrawn_t: text(withdrawn) }, start)).toBe(expected);
      }),
      { numRuns: 300 },
    );
    con.closeSync();
  });
});
