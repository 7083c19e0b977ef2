import { describe, expect, it } from "vitest";
import { DN_2026_1 } from "../src/methodology/dn-2026-1.js";
import { DN_2026_2 } from "../src/methodology/dn-2026-2.js";
import type { Methodology } from "../src/methodology/methodology.js";
import { referenceIndicators, referenceScorecard, type ReferenceInput } from "../src/scoring/reference-scorer.js";
import { parsePeriod } from "../src/time/period.js";
import { WorkingCalendar } from "../src/time/working-days.js";
import { UnitCatalog } from "../src/units/unit.js";
import { DEPT, DEPT2, TAX, aCase, aComplaint, aProcedure, at } from "./support/mothers.js";

/*
 * A small province for March 2024 (no public holiday in March). Sở Tư pháp (DEPT):
 *
 * case | received    | due    | channel / proc / field | what happens                          | status in March
 * D-1  | Mon 4       | Fri 8  | ONLINE_FULL PA         | paid online 5, resolved 7 (e-result)  | EARLY
 * D-2  | Mon 4       | Fri 8  | DIRECT PA              | paid offline, resolved 8              | ON_TIME
 * D-3  | Tue 5       | Mon 11 | ONLINE_PARTIAL PB LAND | resolved Wed 13, apology 14           | LATE (12, 13 ⇒ 2 days)
 * D-4  | Mon 11      | Fri 15 | DIRECT PB LAND         | open; complaint K1 names it           | OVERDUE (18–29 ⇒ 10 days)
 * D-5  | Mon 25      | Fri Apr 5 | DIRECT PA           | open                                  | IN_PROGRESS
 * D-6  | Wed 6       | Mon 11 | DIRECT PA              | withdrawn 8                           | EXCLUDED
 * D-7  | Mon Feb 26  | Mon 4  | DIRECT PA              | resolved Mar 4 (carried over)         | ON_TIME
 * D-8  | Tue 12      | Wed 20 | DIRECT PB LAND         | refused 13                            | EARLY
 * D-9  | Tue 12      | Fri 29 | DIRECT PB              | 2 supplement requests, TAX consulted (due 15, answered 19),
 *      |             |        |                        | DEPT2 consulted (answered 14), resolved 20, rated "not satisfied" | LATE (rule)
 * Sở Công Thương (DEPT2): E-1 received Mon 4 due Fri 8, resolved Wed 6 ⇒ EARLY.
 */
const events = [
  aCase("D-1").received("2024-03-04 09:00", "2024-03-08 17:00", { channel: "ONLINE_FULL", procedureCode: "PA", flags: { syncedToNationalPortal: true, digitizedDossier: true, reusedData: true } })
    .paid("2024-03-05 09:00", true).resolved("2024-03-07 10:00", { digitizedResult: true }),
  aCase("D-2").received("2024-03-04 10:00", "2024-03-08 17:00", { procedureCode: "PA", flags: { syncedToNationalPortal: true } })
    .paid("2024-03-05 09:00", false).resolved("2024-03-08 16:00"),
  aCase("D-3").received("2024-03-05 09:00", "2024-03-11 17:00", { channel: "ONLINE_PARTIAL", procedureCode: "PB", field: "LAND" })
    .resolved("2024-03-13 09:00").apology("2024-03-14 09:00"),
  aCase("D-4").received("2024-03-11 09:00", "2024-03-15 17:00", { procedureCode: "PB", field: "LAND" }),
  aCase("D-5").received("2024-03-25 09:00", "2024-04-05 17:00", { procedureCode: "PA" }),
  aCase("D-6").received("2024-03-06 09:00", "2024-03-11 17:00", { procedureCode: "PA" }).withdrawn("2024-03-08 09:00"),
  aCase("D-7").received("2024-02-26 09:00", "2024-03-04 17:00", { procedureCode: "PA" }).resolved("2024-03-04 11:00"),
  aCase("D-8").received("2024-03-12 09:00", "2024-03-20 17:00", { procedureCode: "PB", field: "LAND" }).refused("2024-03-13 09:00"),
  aCase("D-9").received("2024-03-12 09:00", "2024-03-29 17:00", { procedureCode: "PB" })
    .supplementRequested("2024-03-13 10:00").supplementReceived("2024-03-13 15:00")
    .supplementRequested("2024-03-14 10:00").supplementReceived("2024-03-14 15:00")
    .consultRequested("2024-03-13 09:00", TAX, "2024-03-15 17:00").consultAnswered("2024-03-19 09:00", TAX)
    .consultRequested("2024-03-13 09:00", DEPT2, "2024-03-15 17:00").consultAnswered("2024-03-14 09:00", DEPT2)
    .resolved("2024-03-20 09:00").rated("2024-03-21 09:00", false),
  aCase("E-1", DEPT2).received("2024-03-04 09:00", "2024-03-08 17:00", { procedureCode: "PC" }).resolved("2024-03-06 09:00"),
  // an April event: invisible as of the end of March
  aCase("D-10").received("2024-04-01 08:00", "2024-04-05 17:00", { procedureCode: "PA" }),
].flatMap((c) => c.events);

/*
 * Complaints naming DEPT (accept within 2, handle within 15 working days):
 * K1 received Mon 4 (about D-4), accepted 5, handled 20 (due 25) ⇒ ON_TIME, "not satisfied" ⇒ disliked
 * K2 received Thu 28, nothing yet; accept due Mon Apr 1 ⇒ PENDING at the end of March
 * K3 received Fri 1, accepted Thu 7 (due Tue 5) ⇒ LATE
 * K4 received Mon 11, refused Tue 12 ⇒ ON_TIME, re-complained
 */
const complaints = [
  aComplaint("K1", "2024-03-04 09:00", { caseId: "D-4", acceptedAt: at("2024-03-05 09:00"), handledAt: at("2024-03-20 09:00"), satisfied: false }),
  aComplaint("K2", "2024-03-28 09:00"),
  aComplaint("K3", "2024-03-01 09:00", { acceptedAt: at("2024-03-07 09:00") }),
  aComplaint("K4", "2024-03-11 09:00", { refusedAt: at("2024-03-12 09:00"), reComplained: true }),
];

/*
 * Catalog for DEPT: PA (full online, fee-bearing, payment-integrated, result required, population DB;
 * amended by a decision of Fri 1 March, legal basis effective Fri 15 March: 10 working days before ⇒ on time;
 * made public Wed 6 March ≤ deadline Fri 8 March ⇒ on time; complete content).
 * PB (partial online, free, no result; new by a decision of Mon 11 March effective Thu 14: only 3 working
 * days ⇒ late; not made public by 31 March although due Mon 18 March).
 * PD (not online, fee-bearing, not integrated). PC belongs to DEPT2.
 */
const procedures = [
  aProcedure("PA", { onlineLevel: "FULL", feeBearing: true, paymentIntegrated: true, populationDbConnected: true,
    publication: { changeKind: "AMENDED", decisionDate: "2024-03-01", legalEffectiveDate: "2024-03-15", publicDate: "2024-03-06", contentComplete: true } }),
  aProcedure("PB", { onlineLevel: "PARTIAL", resultRequired: false, field: "LAND",
    publication: { changeKind: "NEW", decisionDate: "2024-03-11", legalEffectiveDate: "2024-03-14", contentComplete: false } }),
  aProcedure("PD", { feeBearing: true }),
  aProcedure("PC", { unitIds: [DEPT2] }),
  aProcedure("PX", { unitIds: [DEPT], validFrom: "2024-04-01" }), // not yet valid in March
];

const input: ReferenceInput = {
  events,
  complaints,
  procedures,
  units: new UnitCatalog(),
  period: parsePeriod("2024-03"),
  calendar: new WorkingCalendar(),
  methodology: DN_2026_1,
  manual: { [DEPT]: { D3: { numerator: 1, denominator: 1 } } },
};
const frac = (numerator: number, denominator: number) => ({ numerator, denominator });
const valuesOf = (unitId: string, i: ReferenceInput = input) => {
  const u = referenceIndicators(i).units.find((x) => x.unitId === unitId);
  if (u === undefined) throw new Error(unitId);
  return u.values;
};

describe("Function: referenceIndicators — every indicator of every unit", () => {
  const v = valuesOf(DEPT);

  it("§2/§3 P1 = (early + on time) / in-scope cases with a verdict; in progress and excluded count on neither side", () => {
    // in scope: D-1..D-5, D-7, D-8, D-9 (D-6 withdrawn). Verdicts: all but D-5 (in progress) = 7.
    // early/on time: D-1, D-2, D-7, D-8 = 4 ⇒ 4/7
    expect(v["P1"]).toEqual(frac(4, 7));
  });

  it("§2 switch inProgressCountsAsOnTime counts in-progress cases as on time (national portal)", () => {
    const portal: Methodology = { ...DN_2026_1, switches: { ...DN_2026_1.switches, inProgressCountsAsOnTime: true } };
    const w = valuesOf(DEPT, { ...input, methodology: portal });
    // D-5 joins both sides: 5/8; late rate 3/8; complaint K2 (pending) counts as on time: 3/4
    expect([w["P1"], w["R1"], w["S1"]]).toEqual([frac(5, 8), frac(3, 8), frac(3, 4)]);
  });

  it("§3 transparency: T1 1/2, T2 1/2, T3 1/1 from the catalog; T4 synced 2 of 8 received", () => {
    // received in March: D-1, D-2, D-3, D-4, D-5, D-6, D-8, D-9 = 8 (D-7 carried over, D-10 in April)
    expect([v["T1"], v["T2"], v["T3"], v["T4"]]).toEqual([frac(1, 2), frac(1, 2), frac(1, 1), frac(2, 8)]);
  });

  it("§3 P2 average handling time: Σ working days / cases resolved in the period", () => {
    // D-1 3 (5,6,7) + D-2 4 (5,6,7,8) + D-3 6 (6,7,8,11,12,13) + D-7 5 (27,28,29 Feb, 1, 4 Mar) + D-9 6 (13,14,15,18,19,20) = 24 over 5
    expect(v["P2"]).toEqual(frac(24, 5));
  });

  it("§3 online service: O1 2/3 procedures online, O2 2/2 had online dossiers, O3 2/8 dossiers online", () => {
    expect([v["O1"], v["O2"], v["O3"]]).toEqual([frac(2, 3), frac(2, 2), frac(2, 8)]);
  });

  it("§3 online payment: A 1/3 fee-bearing dossiers paid online, B 1/2, C 1/2", () => {
    // fee-bearing (catalog PA) received: D-1, D-2, D-5, D-6 = 4; paid online: D-1 ⇒ 1/4
    expect([v["MA"], v["MB"], v["MC"]]).toEqual([frac(1, 4), frac(1, 2), frac(1, 2)]);
  });

  it("§3 digitisation: D1 1/3, D2 1/8, D3 manual, D4 1/8, D5 0/8, D6 0/8 and 1/3", () => {
    // D1: resolved in March needing a result (PA): D-1, D-2, D-7 ⇒ e-result on D-1 only
    expect([v["D1"], v["D2"], v["D3"], v["D4"], v["D5"], v["D6A"], v["D6B"]]).toEqual([frac(1, 3), frac(1, 8), frac(1, 1), frac(1, 8), frac(0, 8), frac(0, 8), frac(1, 3)]);
  });

  it("§3 satisfaction: S1 2/3 complaints on time (pending K2 not judged), S2 1/4, S3 r = 1 − 3/7 − 2/8", () => {
    expect([v["S1"], v["S2"], v["S3A"]]).toEqual([frac(2, 3), frac(1, 4), frac(2, 8)]);
    // cases with a complaint or a "not satisfied" rating: D-4 (K1), D-9 ⇒ 2/8
    expect(v["S3"]?.numerator).toBe(6);
    expect(v["S3"]?.ratio).toBeCloseTo(1 - 3 / 7 - 2 / 8, 12); // 0.3214…
  });

  it("§4 R1 late 3/7, R2 apology 1/3, R3 refused 1/8, R4 repeated supplement 1/8", () => {
    // late: D-3, D-4 (overdue), D-9 (two supplement requests); apology on D-3
    expect([v["R1"], v["R2"], v["R3"], v["R4"]]).toEqual([frac(3, 7), frac(1, 3), frac(1, 8), frac(1, 8)]);
  });

  it("§4 R5 as the consulted unit, R6 as the lead unit", () => {
    const tax = valuesOf(TAX);
    const dept2 = valuesOf(DEPT2);
    // TAX answered 19 March, due 15 ⇒ late by Mon 18 + Tue 19 = 2; DEPT2 on time
    expect([tax["R5"], tax["R5D"], dept2["R5"], dept2["R5D"]]).toEqual([frac(0, 1), frac(2, 1), frac(1, 1), frac(0, 0)]);
    // D-9 consulted 2 units ⇒ 2 / 1 inter-agency case
    expect(v["R6"]).toEqual(frac(2, 1));
  });

  it("§4 R7 overrun-days and the share of the province's overrun", () => {
    // D-3: 2 (lead), D-4: 10 (lead), D-9: case 0 by dates, TAX 2 ⇒ DEPT 12, TAX 2, province 14
    expect([v["R7"], valuesOf(TAX)["R7"], valuesOf(DEPT2)["R7"]]).toEqual([frac(12, 14), frac(2, 14), frac(0, 14)]);
  });

  it("§4 R8 complaints per 1,000 dossiers: 4 complaints / 8 received", () => {
    expect(v["R8"]).toEqual(frac(4, 8));
  });

  it("§4 R9 R1–R4 restricted to the complex fields (LAND: D-3, D-4, D-8)", () => {
    expect([v["R9_R1"], v["R9_R2"], v["R9_R3"], v["R9_R4"]]).toEqual([frac(2, 3), frac(1, 2), frac(1, 3), frac(0, 3)]);
  });

  it("the other department: one early case", () => {
    const w = valuesOf(DEPT2);
    expect([w["P1"], w["R1"], w["O1"]]).toEqual([frac(1, 1), frac(0, 1), frac(0, 1)]);
  });

  it("every unit valid in the period except the province, with facts for the drill-down", () => {
    const r = referenceIndicators(input);
    expect(r.units.some((u) => u.tier === "PROVINCE")).toBe(false);
    expect(r.units.filter((u) => u.tier === "DISTRICT")).toHaveLength(11);
    expect(r.cases.map((f) => f.caseId).sort()).toEqual(["D-1", "D-2", "D-3", "D-4", "D-5", "D-6", "D-7", "D-8", "D-9", "E-1"]);
    expect(r.complaints).toHaveLength(4);
  });
});

describe("Function: referenceIndicators — dn-2026.2: improper returns and the D7 measures (issue 20, items 6 and 8)", () => {
  const v22 = (marks: readonly string[], extra: ReferenceInput["events"] = []) =>
    valuesOf(DEPT, { ...input, events: [...events, ...extra], methodology: DN_2026_2, improperReturns: marks });

  it("R3 is the returns marked improper over the returns: D-8 (refused 13 March, LAND) is the only return", () => {
    expect([v22([])["R3"], v22([])["R9_R3"]]).toEqual([frac(0, 1), frac(0, 1)]); // a refusal nobody found improper is lawful
    expect([v22(["D-8"])["R3"], v22(["D-8"])["R9_R3"]]).toEqual([frac(1, 1), frac(1, 1)]);
    // Marks on a dossier never returned (D-1), received in April (D-10) or unknown change nothing.
    expect(v22(["D-1", "D-10", "NOPE"])["R3"]).toEqual(frac(0, 1));
    // dn-2026.1 keeps every return as a failure, marks or not.
    expect(valuesOf(DEPT, { ...input, improperReturns: ["D-8"] })["R3"]).toEqual(frac(1, 8));
  });

  it("O3F 1/8 (D-1 fully online), O3P 1/8 (D-3 partly online); O4 signed results over resolved dossiers needing a result (D-1, D-2, D-7)", () => {
    const w = v22([]);
    expect([w["O3"], w["O3F"], w["O3P"], w["O4"]]).toEqual([frac(2, 8), frac(1, 8), frac(1, 8), frac(0, 3)]);
    const signed = { eventId: "D-1-sig", caseId: "D-1", type: "RESULT_DELIVERED" as const, occurredAt: at("2024-03-07 11:00"), unitId: DEPT, flags: { digitallySigned: true } };
    // D-9 (PB: no result) signed too: outside the denominator.
    const noResult = { ...signed, eventId: "D-9-sig", caseId: "D-9", occurredAt: at("2024-03-20 10:00") };
    expect(v22([], [signed, noResult])["O4"]).toEqual(frac(1, 3));
  });
});

describe("Function: referenceScorecard", () => {
  it("turns the counts into points, totals and ranks (P1 = 20 × 4/7 = 11.4286; S3 = 6 × 0.32143 / 0.9 = 2.1429)", () => {
    const out = referenceScorecard(input);
    const dept = out.find((s) => s.unitId === DEPT);
    expect(dept?.indicators["P1"]).toMatchObject({ numerator: 4, denominator: 7, points: 11.4286, max: 20, status: "ok" });
    expect(dept?.indicators["S3"]?.points).toBe(2.1429);
    // no-data examples keep the unit incomplete: D5/D6A have data (0/8), so look at a commune without cases
    const commune = out.find((s) => s.tier === "COMMUNE");
    expect(commune).toMatchObject({ total: null, rank: null, complete: false });
    const depts = out.filter((s) => s.tier === "DEPARTMENT" && s.rank !== null).map((s) => s.unitId);
    expect(depts).toEqual(expect.arrayContaining([DEPT, DEPT2]));
    expect(out.filter((s) => s.tier === "VERTICAL").every((s) => s.rank === null)).toBe(true);
  });
});
