import { parsePeriod } from "@scorecard/shared";
import { PROGRESS_BY_UNIT_SQL } from "@scorecard/shared/sql/progress.sql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { importEvents } from "../src/use-cases/ingest/import-events.js";
import { progressIndicator } from "../src/use-cases/score/score-period.js";
import { CaseBuilder } from "./support/events.js";
import { tempRuntime } from "./support/temp-runtime.js";

const U = "COM-26041-2024"; // Phường Trung Dũng, valid from 2024-11-01
const V = "DIST-731";

// One dossier per rule of methodology §2, judged for the month 2024-12 (local time, UTC+7).
const cases = [
  // A early: finished 04/12, due 06/12
  new CaseBuilder("A", U).received("2024-12-02T09:00:00", "2024-12-06T17:00:00").resolved("2024-12-04T10:00:00"),
  // B on time: finished 20:00 on the due date (same local date)
  new CaseBuilder("B", U).received("2024-12-02T09:00:00", "2024-12-06T17:00:00").resolved("2024-12-06T20:00:00"),
  // C late: finished 09/12, due 06/12
  new CaseBuilder("C", U).received("2024-12-02T09:00:00", "2024-12-06T17:00:00").resolved("2024-12-09T08:00:00"),
  // D overdue: still open at the end of December, due 06/12
  new CaseBuilder("D", U).received("2024-12-02T09:00:00", "2024-12-06T17:00:00"),
  // E in progress: open, due in January
  new CaseBuilder("E", U).received("2024-12-20T09:00:00", "2025-01-10T17:00:00"),
  // F supplement pause: 05/12 10:00 → 12/12 10:00 = 7 days; due 06/12 17:00 + 7 d = 13/12; finished 12/12 → early
  new CaseBuilder("F", U).received("2024-12-02T09:00:00", "2024-12-06T17:00:00").supplementRequested("2024-12-05T10:00:00").supplementReceived("2024-12-12T10:00:00").resolved("2024-12-12T15:00:00"),
  // G two supplement requests ⇒ late, although finished before the due date
  new CaseBuilder("G", U).received("2024-12-02T09:00:00", "2024-12-20T17:00:00").supplementRequested("2024-12-03T10:00:00").supplementReceived("2024-12-04T10:00:00").supplementRequested("2024-12-05T10:00:00").supplementReceived("2024-12-06T10:00:00").resolved("2024-12-10T10:00:00"),
  // H withdrawn ⇒ excluded from timeliness
  new CaseBuilder("H", U).received("2024-12-02T09:00:00", "2024-12-06T17:00:00").withdrawn("2024-12-03T09:00:00"),
  // I carried over: received in November, open at 1 December, finished late in December
  new CaseBuilder("I", U).received("2024-11-20T09:00:00", "2024-11-28T17:00:00").resolved("2024-12-03T09:00:00"),
  // J finished in November: not in December's scope
  new CaseBuilder("J", U).received("2024-11-20T09:00:00", "2024-11-28T17:00:00").resolved("2024-11-25T09:00:00"),
  // K due date moved to 20/12 by DUE_DATE_SET; finished 16/12 → early
  new CaseBuilder("K", U).received("2024-12-02T09:00:00", "2024-12-06T17:00:00").dueDateSet("2024-12-05T09:00:00", "2024-12-20T17:00:00").resolved("2024-12-16T09:00:00"),
  // L received at 23:30 local on 31/12 (still December), due in January → in progress
  new CaseBuilder("L", U).received("2024-12-31T23:30:00", "2025-01-08T17:00:00"),
  // M finished in January, due 06/12 → as of 31/12 it is overdue (events after the period are unseen)
  new CaseBuilder("M", U).received("2024-12-02T09:00:00", "2024-12-06T17:00:00").resolved("2025-01-02T09:00:00"),
  // N one open supplement request made before the due date: the clock stopped → in progress
  new CaseBuilder("N", U).received("2024-12-02T09:00:00", "2024-12-06T17:00:00").supplementRequested("2024-12-04T09:00:00"),
  // O received 00:10 local on 1 January: January, not December
  new CaseBuilder("O", U).received("2025-01-01T00:10:00", "2025-01-08T17:00:00"),
  // P another unit's early dossier, to check grouping
  new CaseBuilder("P", V).received("2024-12-02T09:00:00", "2024-12-06T17:00:00").resolved("2024-12-03T09:00:00"),
];

describe("SQL: progress (P1) per unit, on DuckDB, against hand-computed statuses", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  beforeAll(async () => {
    env = await tempRuntime();
    const lines = cases.flatMap((c) => c.build()).map((e) => JSON.stringify(e));
    const summary = await importEvents({ ...env.rt.ingest, lake: env.rt.lake })(lines);
    expect(summary.rejected).toBe(0);
    await compactLake(env.rt.engine, env.rt.lake.root);
  });
  afterAll(() => env.dispose());

  it("classifies every dossier of December 2024 as worked out by hand", async () => {
    const p = parsePeriod("2024-12");
    const { rows } = await env.rt.engine.query(PROGRESS_BY_UNIT_SQL, {
      period_start: "2024-11-30 17:00:00",
      period_end: "2024-12-31 17:00:00",
      month_to: p.endDate.slice(0, 7),
    });
    // U: early A F K = 3; on time B = 1; late C G I = 3; overdue D M = 2; in progress E L N = 3; excluded H = 1.
    expect(rows.find((r) => r["unit_id"] === U)).toEqual({ unit_id: U, early: 3, on_time: 1, late: 3, overdue: 2, in_progress: 3, excluded: 1 });
    expect(rows.find((r) => r["unit_id"] === V)).toEqual({ unit_id: V, early: 1, on_time: 0, late: 0, overdue: 0, in_progress: 0, excluded: 0 });
  });

  it("turns the counts into P1 points: 20 × (3 + 1) / (3 + 1 + 3 + 2) = 8.8889", () => {
    const p1 = progressIndicator({ early: 3, on_time: 1, late: 3, overdue: 2, in_progress: 3, excluded: 1 });
    expect(p1).toEqual({ numerator: 4, denominator: 9, ratio: 4 / 9, points: 8.8889, max: 20, status: "ok" });
  });

  it("judges January from January's end: M is late (finished 02/01 after due 06/12), O and E are in scope", async () => {
    const { rows } = await env.rt.engine.query(PROGRESS_BY_UNIT_SQL, {
      period_start: "2024-12-31 17:00:00",
      period_end: "2025-01-31 17:00:00",
      month_to: "2025-01",
    });
    // Carried into January: D (overdue), E, L, M (late), N (open supplement, in progress); received: O.
    // E due 10/01 still open at 31/01 → overdue; L due 08/01 open → overdue; O due 08/01 open → overdue.
    expect(rows.find((r) => r["unit_id"] === U)).toEqual({ unit_id: U, early: 0, on_time: 0, late: 1, overdue: 4, in_progress: 1, excluded: 0 });
  });

  it("reports no data, not zero points, for a unit without dossiers", () => {
    expect(progressIndicator(undefined)).toMatchObject({ numerator: 0, denominator: 0, ratio: null, points: null, status: "no-data" });
  });
});
