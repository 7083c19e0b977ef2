/**
 * Hand-computed fixtures for every indicator, run through the SQL engine (DuckDB): one small
 * province for June 2024 (no holidays in June; 1 June is a Saturday; working days Mon–Fri).
 * Local times (UTC+7). The reference scorer must give the same numbers (checked at the end).
 */
import { randomUUID } from "node:crypto";
import {
  DN_2026_1,
  DN_2026_2,
  type ProcedureRecord,
  type StoredCaseEvent,
  type StoredComplaint,
  UnitCatalog,
  type UnitRecord,
  WorkingCalendar,
  parsePeriod,
  referenceIndicators,
  unitsValidIn,
} from "@scorecard/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indicatorValues, queryIndicatorRows, type SqlUnitIndicators } from "../src/use-cases/score/indicator-rows.js";
import { openFacts } from "../src/use-cases/score/staged-facts.js";
import { SqlTables } from "./support/sql-tables.js";

const unit = (unitId: string, tier: string): UnitRecord => ({ unitId, nameVi: unitId, nameEn: unitId, tier, parentId: null, validFrom: "2020-01-01", validTo: null, successorIds: [] });
const UNITS = [unit("A", "DEPARTMENT"), unit("B", "DEPARTMENT"), unit("C", "COMMUNE")];
const at = (local: string) => new Date(`${local}+07:00`).toISOString();
let seq = 0;
const ev = (caseId: string, type: StoredCaseEvent["type"], local: string, extra: Partial<StoredCaseEvent> = {}): StoredCaseEvent => ({
  eventId: `${caseId}-${++seq}`, caseId, type, occurredAt: at(local), unitId: "A", ...extra,
});
const rec = (caseId: string, local: string, dueLocal: string, code: string, field: string, channel: StoredCaseEvent["channel"], extra: Partial<StoredCaseEvent> = {}) =>
  ev(caseId, "RECEIVED", local, { dueAt: at(dueLocal), procedureCode: code, field, channel, ...extra });

const EVENTS: StoredCaseEvent[] = [
  // A1 early (due 07/06, resolved 05/06), online, fee-bearing P-FEE paid online, every flag true, consults B (answered on time).
  rec("A1", "2024-06-03T09:00:00", "2024-06-07T17:00:00", "P-FEE", "LAND", "ONLINE_FULL", {
    flags: { syncedToNationalPortal: true, digitizedDossier: true, digitizedResult: true, reusedData: true, personalDataStore: true, populationDatabase: true },
  }),
  ev("A1", "CONSULT_REQUESTED", "2024-06-03T10:00:00", { targetUnitId: "B", dueAt: at("2024-06-05T17:00:00") }),
  ev("A1", "CONSULT_ANSWERED", "2024-06-05T18:00:00", { unitId: "B" }), // same local date as the step due → on time
  ev("A1", "PAYMENT_COMPLETED", "2024-06-04T09:00:00", { flags: { onlinePayment: true } }),
  ev("A1", "RESOLVED", "2024-06-05T10:00:00"),
  // A2 late (due 07/06, resolved 12/06: overrun 10, 11, 12/06 = 3 working days), apology; consults B, answered 10/06 after its due 06/06 (late 07, 10/06 = 2).
  rec("A2", "2024-06-03T09:00:00", "2024-06-07T17:00:00", "P-FEE", "LAND", "DIRECT"),
  ev("A2", "CONSULT_REQUESTED", "2024-06-04T09:00:00", { targetUnitId: "B", dueAt: at("2024-06-06T17:00:00") }),
  ev("A2", "CONSULT_ANSWERED", "2024-06-10T09:00:00", { unitId: "B" }),
  ev("A2", "RESOLVED", "2024-06-12T10:00:00"),
  ev("A2", "APOLOGY_ISSUED", "2024-06-12T11:00:00"),
  // A3 two supplement requests (both closed by the same receipt) ⇒ late whatever the dates; resolved 06/06.
  rec("A3", "2024-06-03T09:00:00", "2024-06-07T17:00:00", "P-FREE", "CIVIL_STATUS", "DIRECT"),
  ev("A3", "SUPPLEMENT_REQUESTED", "2024-06-04T09:00:00"),
  ev("A3", "SUPPLEMENT_REQUESTED", "2024-06-04T10:00:00"),
  ev("A3", "SUPPLEMENT_RECEIVED", "2024-06-05T09:00:00"),
  ev("A3", "RESOLVED", "2024-06-06T10:00:00"),
  // A4 carried over from May, open: overdue (due 24/05; overrun 27/05 … 28/06 = 25 working days);
  // transferred to B on 22/05 with step due 23/05, still held by B: B overran 24/05 + 25 = 26 working days.
  rec("A4", "2024-05-20T09:00:00", "2024-05-24T17:00:00", "P-FEE", "LAND", "DIRECT"),
  ev("A4", "TRANSFERRED", "2024-05-22T09:00:00", { targetUnitId: "B", dueAt: at("2024-05-23T17:00:00") }),
  // A5 withdrawn: received (counts in "received"), out of timeliness.
  rec("A5", "2024-06-10T09:00:00", "2024-06-20T17:00:00", "P-FREE", "CIVIL_STATUS", "ONLINE_PARTIAL"),
  ev("A5", "WITHDRAWN", "2024-06-11T09:00:00"),
  // A6 in progress (due 05/07), rated "not satisfied"; consults C, not due yet (pending).
  rec("A6", "2024-06-25T09:00:00", "2024-07-05T17:00:00", "P-FREE", "CIVIL_STATUS", "DIRECT"),
  ev("A6", "RATED", "2024-06-26T09:00:00", { rating: { satisfied: false } }),
  ev("A6", "CONSULT_REQUESTED", "2024-06-26T10:00:00", { targetUnitId: "C", dueAt: at("2024-07-03T17:00:00") }),
  // A7 received 30/06 23:30 (still June), refused 23:45 (early: end date 30/06 < due 10/07); resolved 01/07 00:10 is unseen.
  rec("A7", "2024-06-30T23:30:00", "2024-07-10T17:00:00", "P-FREE", "CIVIL_STATUS", "DIRECT"),
  ev("A7", "REFUSED", "2024-06-30T23:45:00"),
  ev("A7", "RESOLVED", "2024-07-01T00:10:00"),
  // A8 received 01/07 00:10: July, not June.
  rec("A8", "2024-07-01T00:10:00", "2024-07-05T17:00:00", "P-FREE", "CIVIL_STATUS", "DIRECT"),
];
// A duplicate delivery of two events changes nothing.
EVENTS.push({ ...(EVENTS[0] as StoredCaseEvent) }, { ...(EVENTS[7] as StoredCaseEvent) });

const complaint = (id: string, unitId: string, received: string, extra: Partial<StoredComplaint> = {}): StoredComplaint => ({
  complaintId: id, source: "HOTLINE_1022", unitId, receivedAt: at(received), ...extra,
});
// Received 03/06: accept-or-refuse due 05/06 (2 working days), handle due 24/06 (15 working days).
const COMPLAINTS: StoredComplaint[] = [
  complaint("Q1", "A", "2024-06-03T09:00:00", { acceptedAt: at("2024-06-04T09:00:00"), handledAt: at("2024-06-10T09:00:00"), satisfied: true }), // on time
  complaint("Q2", "A", "2024-06-03T09:00:00", { refusedAt: at("2024-06-07T09:00:00") }), // refused after 05/06: late
  complaint("Q3", "A", "2024-06-03T09:00:00", { acceptedAt: at("2024-06-04T09:00:00"), handledAt: at("2024-06-10T09:00:00"), satisfied: false }), // on time, disliked
  complaint("Q4", "A", "2024-06-27T09:00:00"), // accept due 01/07 > 30/06: pending
  complaint("Q5", "A", "2024-06-03T09:00:00", { acceptedAt: at("2024-06-04T09:00:00"), caseId: "A7" }), // handle due 24/06 passed: overdue; names A7
  complaint("Q6", "A", "2024-05-31T09:00:00", { caseId: "A1" }), // May: not in June's counts, but A1 has a complaint (S3A)
  complaint("Q7", "B", "2024-06-05T09:00:00", { refusedAt: at("2024-06-06T09:00:00"), reComplained: true }), // on time, re-complained
];

const PROCEDURES: ProcedureRecord[] = [
  // Decision 03/06, legal effect 12/06 (7 working days later ≥ 5: T1 on time), public 05/06 ≤ deadline 10/06 (T2 on time), complete.
  { code: "P-FEE", nameVi: "P-FEE", field: "LAND", tier: "DEPARTMENT", onlineLevel: "FULL", feeBearing: true, paymentIntegrated: true, resultRequired: true,
    populationDbConnected: true, validFrom: "2020-01-01",
    publication: { changeKind: "AMENDED", decisionDate: "2024-06-03", legalEffectiveDate: "2024-06-12", publicDate: "2024-06-05", contentComplete: true } },
  // Decision 24/06, effect 26/06 (2 working days: T1 late); not public, deadline 01/07 > 30/06: not due for T2.
  { code: "P-FREE", nameVi: "P-FREE", field: "CIVIL_STATUS", tier: "DEPARTMENT", onlineLevel: "NONE", feeBearing: false, resultRequired: false, validFrom: "2020-01-01",
    publication: { changeKind: "NEW", decisionDate: "2024-06-24", legalEffectiveDate: "2024-06-26", contentComplete: false } },
  // B only; decision 10/05, never public, deadline 17/05 ≤ 30/06: due for T2, not on time.
  { code: "P-B", nameVi: "P-B", field: "LAND", tier: "DEPARTMENT", unitIds: ["B"], onlineLevel: "PARTIAL", feeBearing: true, paymentIntegrated: false, resultRequired: false,
    validFrom: "2020-01-01", publication: { changeKind: "NEW", decisionDate: "2024-05-10", legalEffectiveDate: "2024-05-20", contentComplete: true } },
  // Ended 31/05: not valid in June.
  { code: "P-GONE", nameVi: "P-GONE", field: "LAND", tier: "DEPARTMENT", onlineLevel: "FULL", feeBearing: true, resultRequired: true, validFrom: "2020-01-01", validTo: "2024-05-31" },
  // Communes; published in January with incomplete content (T3 0/1).
  { code: "P-COM", nameVi: "P-COM", field: "CIVIL_STATUS", tier: "COMMUNE", onlineLevel: "FULL", feeBearing: false, resultRequired: false, validFrom: "2020-01-01",
    publication: { changeKind: "NEW", decisionDate: "2024-01-05", legalEffectiveDate: "2024-01-20", publicDate: "2024-01-12", contentComplete: false } },
];

const JUNE = parsePeriod("2024-06");
const f = (numerator: number, denominator: number) => ({ numerator, denominator });

/**
 * Both routes of the SQL: the single statement, and a staged run (docs/adr/0009) over June and the
 * third quarter — so June is cut at its end (cases open across 30 June are recomputed from their
 * events before it).
 */
const ROUTES = [
  ["single statement", async (db: SqlTables) => queryIndicatorRows(db.engine, JUNE, DN_2026_1)],
  [
    "staged run (June cut inside a run ending 30 September)",
    async (db: SqlTables) => {
      const run = await openFacts(db.engine, [JUNE, parsePeriod("2024-Q3")], { newId: randomUUID });
      try {
        return await queryIndicatorRows(db.engine, JUNE, DN_2026_1, run);
      } finally {
        await run.close();
      }
    },
  ],
] as const;

describe.each(ROUTES)("SQL indicators on hand-computed fixtures (June 2024): %s", (_, route) => {
  let db: SqlTables;
  let got: Map<string, SqlUnitIndicators>;
  beforeAll(async () => {
    db = await SqlTables.open(UNITS);
    await db.load({ events: EVENTS, complaints: COMPLAINTS, procedures: PROCEDURES });
    const rows = await route(db);
    got = new Map(indicatorValues(rows, UNITS, DN_2026_1).map((u) => [u.unitId, u]));
  });
  afterAll(() => db.dispose());

  it("unit A, cases: received A1 A2 A3 A5 A6 A7 = 6; in scope A1 A7 early, A2 A3 late, A4 overdue, A6 in progress", () => {
    const v = got.get("A")!.values;
    expect(got.get("A")!.counts).toEqual({ EARLY: 2, ON_TIME: 0, LATE: 2, OVERDUE: 1, IN_PROGRESS: 1 });
    expect(v["T4"]).toEqual(f(1, 6)); // A1 synced
    expect(v["P1"]).toEqual(f(2, 5)); // (2 early + 0 on time) / (2 + 2 late + 1 overdue)
    expect(v["P2"]).toEqual(f(12, 3)); // resolved in June: A1 03→05/06 = 2, A2 03→12/06 = 7, A3 03→06/06 = 3 working days
    expect(v["O3"]).toEqual(f(2, 6)); // A1 ONLINE_FULL, A5 ONLINE_PARTIAL
    expect(v["MA"]).toEqual(f(1, 2)); // fee-bearing by the catalog: A1, A2; A1 paid online
    expect(v["D1"]).toEqual(f(1, 2)); // resolved needing a result (P-FEE): A1 (digitised result), A2
    expect(v["D2"]).toEqual(f(1, 6)); // A1: digitised dossier and result
    expect(v["D4"]).toEqual(f(1, 6));
    expect(v["D5"]).toEqual(f(1, 6));
    expect(v["D6A"]).toEqual(f(1, 6));
    expect(v["S3A"]).toEqual(f(3, 6)); // A1 (May complaint Q6), A6 (rated not satisfied), A7 (complaint Q5)
    expect(v["S3"]).toEqual({ numerator: 3, denominator: 6, ratio: 0 }); // r = max(0, 1 − 3/5 − 3/6) = 0
    expect(v["R1"]).toEqual(f(3, 5)); // A2, A3, A4
    expect(v["R2"]).toEqual(f(1, 3)); // A2 apologised
    expect(v["R3"]).toEqual(f(1, 6)); // A7 refused
    expect(v["R4"]).toEqual(f(1, 6)); // A3: two supplement requests
    expect(v["R6"]).toEqual(f(3, 3)); // A1 → B, A2 → B, A6 → C: one consulted unit each
    expect(v["R9_R1"]).toEqual(f(2, 3)); // complex (LAND) in scope: A1 early, A2 late, A4 overdue
    expect(v["R9_R2"]).toEqual(f(1, 2));
    expect(v["R9_R3"]).toEqual(f(0, 2)); // complex received: A1, A2
    expect(v["R9_R4"]).toEqual(f(0, 2));
    expect(v["R5"]).toEqual(f(0, 0));
  });

  it("delay attribution R7: A2 overran 3 days, 2 of them B's late answer ⇒ A 1, B 2; A4's step held by B 26 days ⇒ B 26, lead 25 − 26 < 0 ⇒ 0", () => {
    expect(got.get("A")!.values["R7"]).toEqual(f(1, 29));
    expect(got.get("B")!.values["R7"]).toEqual(f(28, 29));
    expect(got.get("C")!.values["R7"]).toEqual(f(0, 29));
  });

  it("consultations R5 / R5D (as the consulted unit): B answered A1 on time and A2 two working days late; C's is pending", () => {
    expect(got.get("B")!.values["R5"]).toEqual(f(1, 2));
    expect(got.get("B")!.values["R5D"]).toEqual(f(2, 1));
    expect(got.get("C")!.values["R5"]).toEqual(f(0, 0));
  });

  it("complaints S1, S2, R8: A has Q1–Q5 in June (Q4 pending), B has Q7", () => {
    const a = got.get("A")!.values;
    expect(a["S1"]).toEqual(f(2, 4)); // on time Q1, Q3 / judged Q1, Q2, Q3, Q5
    expect(a["S2"]).toEqual(f(2, 5)); // Q1, Q4 are none of late, overdue, disliked, re-complained
    expect(a["R8"]).toEqual(f(5, 6));
    const b = got.get("B")!.values;
    expect(b["S1"]).toEqual(f(1, 1));
    expect(b["S2"]).toEqual(f(0, 1)); // re-complained
    expect(b["R8"]).toEqual(f(1, 0));
  });

  it("catalog T1–T3, O1, O2, MB, MC, D6B: A and B get P-FEE and P-FREE (tier), B also P-B (listed); C gets P-COM; P-GONE ended in May", () => {
    const a = got.get("A")!.values;
    expect([a["T1"], a["T2"], a["T3"]]).toEqual([f(1, 2), f(1, 1), f(1, 1)]);
    expect([a["O1"], a["O2"], a["MB"], a["MC"], a["D6B"]]).toEqual([f(1, 2), f(1, 1), f(1, 1), f(1, 1), f(1, 2)]);
    const b = got.get("B")!.values;
    expect([b["T1"], b["T2"], b["T3"]]).toEqual([f(1, 2), f(1, 2), f(1, 1)]); // T2: P-B due (deadline 17/05) and never public
    expect([b["O1"], b["O2"], b["MB"], b["MC"], b["D6B"]]).toEqual([f(2, 3), f(0, 2), f(0, 2), f(1, 2), f(1, 3)]);
    const c = got.get("C")!.values;
    expect([c["T1"], c["T2"], c["T3"]]).toEqual([f(0, 0), f(0, 0), f(0, 1)]);
    expect([c["O1"], c["O2"], c["MB"], c["MC"], c["D6B"]]).toEqual([f(1, 1), f(0, 1), f(0, 0), f(0, 0), f(0, 1)]);
  });

  it("the reference scorer agrees on every indicator", () => {
    const ref = referenceIndicators({
      events: EVENTS, complaints: COMPLAINTS, procedures: PROCEDURES, units: new UnitCatalog(UNITS), period: JUNE, calendar: new WorkingCalendar(), methodology: DN_2026_1,
    });
    expect(unitsValidIn(new UnitCatalog(UNITS), JUNE).map((u) => u.unitId)).toEqual(["A", "B", "C"]);
    for (const u of ref.units) expect(got.get(u.unitId)!.values, u.unitId).toEqual(u.values);
  });
});

/**
 * A dossier stuck since May: no event after 10 May, so every route takes it from the rows computed
 * over all its events, not from a cut (staged scoring filters the consultations and transfers it
 * reads per period: this is the case that filter must keep). Z1 at A, received Mon 06/05, due Fri
 * 10/05; consults C on 07/05 with the step due 08/05, C answers 10/05 (late: 09, 10/05 = 2 working
 * days); nothing since. June: Z1 is overdue in scope, judged on 30/06 — overrun 13/05 … 28/06 = 15
 * + 20 = 35 working days; C is charged its 2, the lead A the remaining 33. C's consultation lies
 * before June: out of R5's scope.
 */
describe("SQL indicators, a dossier with no event since May (June 2024)", () => {
  const Z1: StoredCaseEvent[] = [
    rec("Z1", "2024-05-06T09:00:00", "2024-05-10T17:00:00", "P-FREE", "CIVIL_STATUS", "DIRECT"),
    ev("Z1", "CONSULT_REQUESTED", "2024-05-07T09:00:00", { targetUnitId: "C", dueAt: at("2024-05-08T17:00:00") }),
    ev("Z1", "CONSULT_ANSWERED", "2024-05-10T09:00:00", { unitId: "C" }),
  ];
  const routes = [
    ...ROUTES,
    ["staged run ending with June (no cut)", async (db: SqlTables) => {
      const run = await openFacts(db.engine, [parsePeriod("2024-05"), JUNE], { newId: randomUUID });
      try {
        return await queryIndicatorRows(db.engine, JUNE, DN_2026_1, run);
      } finally {
        await run.close();
      }
    }],
  ] as const;
  let db: SqlTables;
  beforeAll(async () => {
    db = await SqlTables.open(UNITS);
    await db.load({ events: Z1, complaints: [], procedures: PROCEDURES });
  });
  afterAll(() => db.dispose());

  it.each(routes)("%s: A overdue, R7 A 33 and C 2 of 35, C's R5 empty; the reference agrees", async (_, route) => {
    const got = new Map(indicatorValues(await route(db), UNITS, DN_2026_1).map((u) => [u.unitId, u]));
    expect(got.get("A")!.counts).toEqual({ EARLY: 0, ON_TIME: 0, LATE: 0, OVERDUE: 1, IN_PROGRESS: 0 });
    expect(got.get("A")!.values["R7"]).toEqual(f(33, 35));
    expect(got.get("C")!.values["R7"]).toEqual(f(2, 35));
    expect(got.get("C")!.values["R5"]).toEqual(f(0, 0));
    const ref = referenceIndicators({ events: Z1, complaints: [], procedures: PROCEDURES, units: new UnitCatalog(UNITS), period: JUNE, calendar: new WorkingCalendar(), methodology: DN_2026_1 });
    for (const u of ref.units) expect(got.get(u.unitId)!.values, u.unitId).toEqual(u.values);
  });
});

/**
 * Improper returns (issue 20 item 6, docs/adr/0015-improper-returns.md) and the D7 measures (item
 * 8), June 2024, unit A; Home Affairs' marks as the scoring run writes them to
 * `curated_improper_returns`. Local times.
 *
 * - I1 LAND, online (full): received 03/06, refused 05/06 "missing document" — a lawful refusal, not marked.
 * - I2 LAND, online (partial): received 04/06, refused 06/06 "outside remit" — marked improper (an inspection finding).
 * - I3: received 05/06, a supplement request 06/06 never answered, stopped 20/06 "supplement not provided" — a stop, not marked.
 * - I4 online (full): received 10/06, refused 11/06 without a reason (an older source: UNSPECIFIED) — marked improper
 *   (Home Affairs citing an upheld 1022 complaint: the complaint contract carries no outcome, so the mark is Home Affairs').
 * - I5 online (full), P-FEE: received 12/06, resolved 14/06 with a digitally signed result — marked, but never returned: no effect.
 * - I6: received 24/05 (May), refused 03/06 — marked; not received in June: outside June's R3.
 * - I7 postal: received 28/06, refused 01/07 00:10 — marked; not returned by the end of June.
 * - I8 P-FEE (a result is issued): received 03/06, resolved 07/06, result not signed.
 * - I9 P-FREE (no result): received 03/06, resolved 07/06, signed — outside O4's denominator.
 * - A mark on a dossier that does not exist (NOPE).
 *
 * June, unit A: received I1 I2 I3 I4 I5 I7 I8 I9 = 8; returned by 30/06: I1 I2 I3 I4 = 4; marked
 * among them: I2, I4 = 2. dn-2026.1 R3 = 4/8 (every return a failure); dn-2026.2 R3 = 2/4.
 * Complex (LAND): I1, I2 received and returned, I2 marked: R9_R3 2/2 (dn-2026.1), 1/2 (dn-2026.2).
 * O3F = I1 I4 I5 = 3/8, O3P = I2 = 1/8 (O3 = 4/8); O4: resolved needing a result I5 (signed), I8 = 1/2.
 */
describe("SQL indicators: improper returns (R3, R9_R3) and the D7 measures, June 2024", () => {
  const I: StoredCaseEvent[] = [
    rec("I1", "2024-06-03T09:00:00", "2024-06-14T17:00:00", "P-FREE", "LAND", "ONLINE_FULL"),
    ev("I1", "REFUSED", "2024-06-05T09:00:00", { reasonCode: "MISSING_DOCUMENT" }),
    rec("I2", "2024-06-04T09:00:00", "2024-06-14T17:00:00", "P-FREE", "LAND", "ONLINE_PARTIAL"),
    ev("I2", "REFUSED", "2024-06-06T09:00:00", { reasonCode: "OUTSIDE_REMIT" }),
    rec("I3", "2024-06-05T09:00:00", "2024-06-14T17:00:00", "P-FREE", "CIVIL_STATUS", "DIRECT"),
    ev("I3", "SUPPLEMENT_REQUESTED", "2024-06-06T09:00:00", { reasonCode: "INVALID_DOCUMENT" }),
    ev("I3", "STOPPED", "2024-06-20T09:00:00", { reasonCode: "SUPPLEMENT_NOT_PROVIDED" }),
    rec("I4", "2024-06-10T09:00:00", "2024-06-21T17:00:00", "P-FREE", "CIVIL_STATUS", "ONLINE_FULL"),
    ev("I4", "REFUSED", "2024-06-11T09:00:00"),
    rec("I5", "2024-06-12T09:00:00", "2024-06-21T17:00:00", "P-FEE", "CIVIL_STATUS", "ONLINE_FULL"),
    ev("I5", "RESOLVED", "2024-06-14T09:00:00", { flags: { digitizedResult: true, digitallySigned: true } }),
    rec("I6", "2024-05-24T09:00:00", "2024-06-07T17:00:00", "P-FREE", "CIVIL_STATUS", "DIRECT"),
    ev("I6", "REFUSED", "2024-06-03T09:00:00", { reasonCode: "CONDITIONS_NOT_MET" }),
    rec("I7", "2024-06-28T09:00:00", "2024-07-10T17:00:00", "P-FREE", "CIVIL_STATUS", "POSTAL"),
    ev("I7", "REFUSED", "2024-07-01T00:10:00", { reasonCode: "OTHER" }),
    rec("I8", "2024-06-03T09:00:00", "2024-06-14T17:00:00", "P-FEE", "CIVIL_STATUS", "DIRECT"),
    ev("I8", "RESOLVED", "2024-06-07T09:00:00", { flags: { digitizedResult: true, digitallySigned: false } }),
    rec("I9", "2024-06-03T09:00:00", "2024-06-14T17:00:00", "P-FREE", "CIVIL_STATUS", "DIRECT"),
    ev("I9", "RESOLVED", "2024-06-07T09:00:00", { flags: { digitallySigned: true } }),
  ];
  const MARKS = ["I2", "I4", "I5", "I6", "I7", "NOPE"];
  const routes = [
    ...ROUTES,
    ["staged run of May and June (June the run's last end, May cut)", async (db: SqlTables) => {
      const run = await openFacts(db.engine, [parsePeriod("2024-05"), JUNE], { newId: randomUUID });
      try {
        return await queryIndicatorRows(db.engine, JUNE, DN_2026_1, run);
      } finally {
        await run.close();
      }
    }],
  ] as const;
  let db: SqlTables;
  beforeAll(async () => {
    db = await SqlTables.open(UNITS);
    await db.load({ events: I, complaints: [], procedures: PROCEDURES, improperReturns: MARKS });
  });
  afterAll(() => db.dispose());

  it.each(routes)("%s: R3 4/8 under dn-2026.1, 2/4 under dn-2026.2; R9_R3 2/2 and 1/2; O3F 3/8, O3P 1/8, O4 1/2", async (_, route) => {
    const rows = await route(db);
    const v1 = new Map(indicatorValues(rows, UNITS, DN_2026_1).map((u) => [u.unitId, u.values]));
    const v2 = new Map(indicatorValues(rows, UNITS, DN_2026_2).map((u) => [u.unitId, u.values]));
    expect(v1.get("A")!["R3"]).toEqual(f(4, 8));
    expect(v1.get("A")!["R9_R3"]).toEqual(f(2, 2));
    expect(v2.get("A")!["R3"]).toEqual(f(2, 4));
    expect(v2.get("A")!["R9_R3"]).toEqual(f(1, 2));
    for (const v of [v1, v2]) {
      expect(v.get("A")!["O3"]).toEqual(f(4, 8));
      expect(v.get("A")!["O3F"]).toEqual(f(3, 8));
      expect(v.get("A")!["O3P"]).toEqual(f(1, 8));
      expect(v.get("A")!["O4"]).toEqual(f(1, 2));
      expect(v.get("A")!["D1"]).toEqual(f(2, 2)); // I5, I8: digitised results
      expect(v.get("B")!["R3"]).toEqual(f(0, 0));
    }
    // The reference scorer, fed the same marks, agrees under both versions.
    for (const [m, got] of [[DN_2026_1, v1], [DN_2026_2, v2]] as const) {
      const ref = referenceIndicators({
        events: I, complaints: [], procedures: PROCEDURES, units: new UnitCatalog(UNITS), period: JUNE, calendar: new WorkingCalendar(), methodology: m, improperReturns: MARKS,
      });
      for (const u of ref.units) expect(got.get(u.unitId), `${m.id} ${u.unitId}`).toEqual(u.values);
    }
  });

  it("scores R3 under dn-2026.2 as shown, not scored, lower is better; the D7 measures sit in the online-service group with no points", () => {
    const r3 = DN_2026_2.indicators.find((d) => d.code === "R3")!;
    expect([r3.max, r3.direction, r3.nameEn]).toEqual([null, "lowerIsBetter", "Improper return rate"]);
    expect(DN_2026_1.indicators.find((d) => d.code === "R3")!.nameEn).toBe("Refusal and stop rate");
    const d7 = DN_2026_2.indicators.filter((d) => ["O3F", "O3P", "O4"].includes(d.code));
    expect(d7.map((d) => [d.code, d.group, d.max, d.unitOfMeasure, d.direction])).toEqual([
      ["O3F", "DVCTT", null, "percent", "higherIsBetter"],
      ["O3P", "DVCTT", null, "percent", "higherIsBetter"],
      ["O4", "DVCTT", null, "percent", "higherIsBetter"],
    ]);
    expect(DN_2026_1.indicators.some((d) => ["O3F", "O3P", "O4"].includes(d.code))).toBe(false);
  });

  it("without marks every return is lawful under dn-2026.2 (R3 0/4), and dn-2026.1 does not move", async () => {
    await db.load({ events: I, complaints: [], procedures: PROCEDURES });
    try {
      const rows = await queryIndicatorRows(db.engine, JUNE, DN_2026_1);
      expect(indicatorValues(rows, UNITS, DN_2026_2).find((u) => u.unitId === "A")!.values["R3"]).toEqual(f(0, 4));
      expect(indicatorValues(rows, UNITS, DN_2026_1).find((u) => u.unitId === "A")!.values["R3"]).toEqual(f(4, 8));
    } finally {
      await db.load({ events: I, complaints: [], procedures: PROCEDURES, improperReturns: MARKS });
    }
  });
});
