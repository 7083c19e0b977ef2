/**
 * The head attribution (shared/src/sql/head-indicators.sql.ts: the day rows of the case statement) on DuckDB:
 * 1. a hand-computed fixture (June 2024: no public holiday; local times UTC+7);
 * 2. on generated provinces, the same rows as an independent oracle built from the reference
 *    scorer's case facts, by the single statement and by a scoring run's staged facts. (Summed over
 *    all days the rows are the unit's counts by construction: they are the case statement's rows.)
 */
import { randomUUID } from "node:crypto";
import {
  type CaseFacts,
  WorkingCalendar,
  allCaseFacts,
  complaintFacts,
  DN_2026_1,
  localDateOf,
  parsePeriod,
} from "@scorecard/shared";
import { localDayNumber } from "@scorecard/shared/methodology/head-tenure";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HEAD_DAY_COLUMNS } from "@scorecard/shared/sql/head-indicators.sql";
import { queryHeadDays } from "../src/use-cases/score/indicator-rows.js";
import { openFacts } from "../src/use-cases/score/staged-facts.js";
import { FIXTURE_EVENTS, FIXTURE_UNITS } from "./support/head-fixture.js";
import { type ProvinceSpec, UNITS as GEN_UNITS, province, provinceArb } from "./support/province-gen.js";
import { SqlTables } from "./support/sql-tables.js";

const JUNE = parsePeriod("2024-06");
const nonZero = (counts: Partial<Record<string, number>>) => Object.fromEntries(Object.entries(counts).filter(([, v]) => v !== 0));

describe("SQL head-indicators on a hand-computed fixture (June 2024)", () => {
  let db: SqlTables;
  beforeAll(async () => {
    db = await SqlTables.open(FIXTURE_UNITS);
    await db.load({ events: FIXTURE_EVENTS });
  });
  afterAll(() => db.dispose());

  it("one row per unit and local day of receipt (or of the consultation request) of June's dossiers, counts as of 30/06", async () => {
    const rows = await queryHeadDays(db.engine, JUNE);
    const got = rows.map((r) => [r.unitId, r.day, nonZero(r.counts)]);
    const d = (date: string) => localDayNumber(date);
    expect(got).toEqual([
      // 20/05: A5, carried over into June, overdue
      ["A", d("2024-05-20"), { overdue: 1 }],
      // 28/05: B3's consultation of A, carried over, overdue
      ["A", d("2024-05-28"), { r5_den: 1 }],
      // 31/05 (23:30): B4's consultation, answered on time in June
      ["A", d("2024-05-31"), { r5_num: 1, r5_den: 1 }],
      // 01/06 (00:10): B5's consultation, answered on time
      ["A", d("2024-06-01"), { r5_num: 1, r5_den: 1 }],
      // 03/06: A1 (online, synced, digitised, early) and A2 (late, apology)
      ["A", d("2024-06-03"), { received: 2, t4_num: 1, o3_num: 1, d2_num: 1, early: 1, late: 1, late_apology: 1 }],
      // 04/06: B1's consultation of A, answered on time
      ["A", d("2024-06-04"), { r5_num: 1, r5_den: 1 }],
      // 10/06: A3 (late, no apology) and A4 at 23:30 (early, not satisfied)
      ["A", d("2024-06-10"), { received: 2, s3a_num: 1, early: 1, late: 1 }],
      // 18/06: B2's consultation, answered late
      ["A", d("2024-06-18"), { r5_den: 1 }],
      // 25/06: A6 in progress
      ["A", d("2024-06-25"), { received: 1, in_progress: 1 }],
      // B's dossiers: B3 (25/05), B4 and B5 (31/05) carried over, in progress; B1 and B2 received in June
      ["B", d("2024-05-25"), { in_progress: 1 }],
      ["B", d("2024-05-31"), { in_progress: 2 }],
      ["B", d("2024-06-04"), { received: 1, in_progress: 1 }],
      ["B", d("2024-06-17"), { received: 1, in_progress: 1 }],
    ]);
  });
});

/** An independent oracle: the same per-(unit, day) counts from the reference scorer's case facts. */
function oracle(p: ReturnType<typeof province>, periodId: string) {
  const period = parsePeriod(periodId);
  const calendar = new WorkingCalendar();
  const facts: CaseFacts[] = allCaseFacts(p.events, period, calendar);
  const complained = new Set(p.complaints.flatMap((c) => complaintFacts(c, period, calendar, DN_2026_1.complaints) ?? []).flatMap((c) => (c.caseId === null ? [] : [c.caseId])));
  const procs = new Map(p.procedures.map((x) => [x.code, x]));
  const improper = new Set(p.improperReturns);
  const out = new Map<string, Record<string, number>>();
  const add = (unitId: string, instant: string, col: string) => {
    const key = `${unitId}|${localDayNumber(localDateOf(instant))}`;
    const row = out.get(key) ?? Object.fromEntries(HEAD_DAY_COLUMNS.map((c) => [c, 0]));
    row[col] = (row[col] ?? 0) + 1;
    out.set(key, row);
  };
  const start = Date.parse(period.start);
  for (const f of facts) {
    for (const c of f.consultations) {
      if (!c.inScope) continue;
      if (c.verdict !== "PENDING") add(c.consultedUnitId, c.requestedAt, "r5_den");
      if (c.verdict === "ON_TIME") add(c.consultedUnitId, c.requestedAt, "r5_num");
    }
    const r = f.receivedInPeriod;
    const proc = f.procedureCode === null ? undefined : procs.get(f.procedureCode);
    const fee = f.flags.feeBearing ?? proc?.feeBearing ?? false;
    const needsResult = f.flags.resultRequired ?? proc?.resultRequired ?? false;
    const late = f.status === "LATE" || f.status === "OVERDUE";
    const resolvedInPeriod = f.handlingWorkingDays !== null && Date.parse(f.endAt as string) >= start;
    const cols: [string, boolean][] = [
      ["received", r], ["t4_num", r && f.flags.syncedToNationalPortal === true], ["o3_num", r && f.online], ["ma_num", r && fee && f.paidOnline], ["ma_den", r && fee],
      ["d2_num", r && f.flags.digitizedDossier === true && (!needsResult || f.flags.digitizedResult === true)], ["d4_num", r && f.flags.reusedData === true],
      ["d5_num", r && f.flags.personalDataStore === true], ["d6a_num", r && f.flags.populationDatabase === true], ["r3_num", r && f.refusedOrStopped],
      ["r3i_num", r && f.refusedOrStopped && improper.has(f.caseId)],
      ["r4_num", r && f.supplementRequests > 1], ["s3a_num", r && (complained.has(f.caseId) || f.rating?.satisfied === false)],
      ["early", f.inScope && f.status === "EARLY"], ["on_time", f.inScope && f.status === "ON_TIME"], ["late", f.inScope && f.status === "LATE"],
      ["overdue", f.inScope && f.status === "OVERDUE"], ["in_progress", f.inScope && f.status === "IN_PROGRESS"], ["late_apology", f.inScope && late && f.apologyIssued],
      ["d1_num", resolvedInPeriod && needsResult && f.flags.digitizedResult === true], ["d1_den", resolvedInPeriod && needsResult],
    ];
    for (const [col, yes] of cols) if (yes) add(f.unitId, f.receivedAt, col);
  }
  return [...out.entries()].map(([k, v]) => [k, nonZero(v)] as const).sort(([a], [b]) => (a < b ? -1 : 1));
}


describe("SQL head-indicators on generated provinces (differential)", () => {
  let db: SqlTables;
  beforeAll(async () => {
    db = await SqlTables.open(GEN_UNITS);
  });
  afterAll(() => db.dispose());

  it("gives the oracle's rows, on the events and on a scoring run's staged facts", async () => {
    await fc.assert(
      fc.asyncProperty(provinceArb, async (spec) => {
        const prov = province(spec as unknown as ProvinceSpec);
        await db.load(prov);
        for (const id of [spec.edgeMonth, spec.extraPeriod]) {
          const period = parsePeriod(id);
          const rows = await queryHeadDays(db.engine, period);
          const got = rows.map((r) => [`${r.unitId}|${r.day}`, nonZero(r.counts)] as const).filter(([, c]) => Object.keys(c).length > 0).sort(([a], [b]) => (a < b ? -1 : 1));
          expect(got, id).toEqual(oracle(prov, id));
          // The scoring run's route: the same rows on the staged facts of a run over both periods.
          const staged = await openFacts(db.engine, [spec.edgeMonth, spec.extraPeriod].map(parsePeriod), { newId: randomUUID });
          try {
            expect(await queryHeadDays(db.engine, period, staged), `${id} staged`).toEqual(rows);
          } finally {
            await staged.close();
          }
        }
      }),
      { numRuns: Number(process.env["HEAD_DIFF_RUNS"] ?? 12), seed: 20267 },
    );
  }, 180_000); // 12 provinces in npm test (HEAD_DIFF_RUNS=100 for a deep run), two periods, both routes: ≈ 35 s on a loaded two-core machine
});
