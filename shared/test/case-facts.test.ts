import { describe, expect, it } from "vitest";
import { caseFacts, distinctEvents } from "../src/facts/case-facts.js";
import { parsePeriod } from "../src/time/period.js";
import { WorkingCalendar } from "../src/time/working-days.js";
import { DEPT, DEPT2, TAX, aCase, at } from "./support/mothers.js";

// March 2024 has no public holiday: Mon 4, Fri 8, Mon 11, Fri 15, Mon 18 ... Sun 31.
const cal = new WorkingCalendar();
const MAR = parsePeriod("2024-03");
const facts = (events: Parameters<typeof caseFacts>[0], period = MAR) => {
  const f = caseFacts(events, period, cal);
  if (f === null) throw new Error("no facts");
  return f;
};

describe("Function: caseFacts — methodology §2", () => {
  it("§2 receivedAt = first RECEIVED: the earliest receipt sets time, unit, procedure and channel", () => {
    // Prepare: the same dossier received twice (re-sent), first by DEPT on 4 March, then by DEPT2 on 5 March
    const c = aCase("C1")
      .received("2024-03-05 10:00", "2024-03-12 17:00", { unitId: DEPT2, channel: "DIRECT" })
      .received("2024-03-04 09:00", "2024-03-08 17:00", { channel: "ONLINE_FULL", procedureCode: "P-9", field: "LAND" });
    // Act
    const f = facts(c.events);
    // Assess
    expect(f).toMatchObject({ receivedAt: at("2024-03-04 09:00"), unitId: DEPT, channel: "ONLINE_FULL", online: true, procedureCode: "P-9", field: "LAND", complexField: true });
    expect(f.dueAt).toBe(at("2024-03-08 17:00"));
  });

  it("§2 no RECEIVED before the period end ⇒ no facts (the case does not exist yet)", () => {
    const c = aCase("C0").received("2024-04-01 08:00", "2024-04-05 17:00");
    expect(caseFacts(c.events, MAR, cal)).toBeNull();
    expect(caseFacts([], MAR, cal)).toBeNull();
  });

  it("§2 dueAt = latest DUE_DATE_SET before the end (by occurredAt, not by the due it sets)", () => {
    const c = aCase("C2")
      .received("2024-03-04 09:00", "2024-03-08 17:00")
      .dueDateSet("2024-03-05 09:00", "2024-03-14 17:00")
      .dueDateSet("2024-03-06 09:00", "2024-03-12 17:00") // latest set: wins although its due is earlier
      .dueDateSet("2024-04-02 09:00", "2024-04-30 17:00") // after the end of March: ignored
      .resolved("2024-03-12 16:00");
    const f = facts(c.events);
    expect(f.dueAt).toBe(at("2024-03-12 17:00"));
    expect(f.status).toBe("ON_TIME"); // resolved 12 March = due date 12 March
  });

  it("§2 dueAt: two DUE_DATE_SET at the same instant ⇒ the later due date", () => {
    const c = aCase("C3")
      .received("2024-03-04 09:00", "2024-03-08 17:00")
      .dueDateSet("2024-03-05 09:00", "2024-03-11 17:00")
      .dueDateSet("2024-03-05 09:00", "2024-03-13 17:00");
    expect(facts(c.events).dueAt).toBe(at("2024-03-13 17:00"));
  });

  it("§2 dueAt falls back to the RECEIVED due date when no DUE_DATE_SET applies", () => {
    const c = aCase("C4").received("2024-03-04 09:00", "2024-03-08 17:00").resolved("2024-03-07 10:00");
    const f = facts(c.events);
    expect(f.dueAt).toBe(at("2024-03-08 17:00"));
    expect(f.status).toBe("EARLY"); // 7 March < 8 March
  });

  it("§2 endAt priority: RESOLVED, then RESULT_DELIVERED, then REFUSED/STOPPED (first of each kind)", () => {
    const all = aCase("C5")
      .received("2024-03-04 09:00", "2024-03-08 17:00")
      .refused("2024-03-05 09:00")
      .delivered("2024-03-06 09:00")
      .resolved("2024-03-11 09:00")
      .resolved("2024-03-12 09:00");
    expect(facts(all.events)).toMatchObject({ endAt: at("2024-03-11 09:00"), endKind: "RESOLVED", status: "LATE", refusedOrStopped: true });

    const noResolve = aCase("C6").received("2024-03-04 09:00", "2024-03-08 17:00").stopped("2024-03-05 09:00").delivered("2024-03-07 09:00");
    expect(facts(noResolve.events)).toMatchObject({ endAt: at("2024-03-07 09:00"), endKind: "RESULT_DELIVERED" });

    const onlyStops = aCase("C7").received("2024-03-04 09:00", "2024-03-08 17:00").stopped("2024-03-06 09:00").refused("2024-03-05 09:00");
    expect(facts(onlyStops.events)).toMatchObject({ endAt: at("2024-03-05 09:00"), endKind: "REFUSED", status: "EARLY" });
  });

  it("§2 WITHDRAWN cases are excluded from timeliness and out of scope", () => {
    const c = aCase("C8").received("2024-03-04 09:00", "2024-03-08 17:00").withdrawn("2024-03-20 09:00");
    const f = facts(c.events);
    expect(f).toMatchObject({ status: "EXCLUDED", inScope: false, hasVerdict: false, receivedInPeriod: true, withdrawn: true });
    // A withdrawal after the period end does not count yet: in March the case is simply overdue.
    const later = aCase("C9").received("2024-03-04 09:00", "2024-03-08 17:00").withdrawn("2024-04-02 09:00");
    expect(facts(later.events).status).toBe("OVERDUE");
  });

  it("§2 supplement time is added to dueAt: a request→receipt interval moves the due date", () => {
    // Received Mon 4 March, due Fri 8 March 17:00. Supplement requested Tue 5 10:00, received Thu 7 10:00:
    // paused 2 days = 172 800 000 ms ⇒ effective due Sun 10 March 17:00. Resolved Sat 9 March: 9 < 10 ⇒ EARLY
    // (without the pause 9 > 8 would be LATE).
    const c = aCase("C10")
      .received("2024-03-04 09:00", "2024-03-08 17:00")
      .supplementRequested("2024-03-05 10:00")
      .supplementReceived("2024-03-07 10:00")
      .resolved("2024-03-09 10:00");
    const f = facts(c.events);
    expect(f.pausedMs).toBe(2 * 86_400_000);
    expect(f.effectiveDueAt).toBe(at("2024-03-10 17:00"));
    expect(f.status).toBe("EARLY");
  });

  it("§2 more than one supplement request ⇒ late (finished) or overdue (open), whatever the dates", () => {
    const finished = aCase("C11")
      .received("2024-03-04 09:00", "2024-03-29 17:00")
      .supplementRequested("2024-03-05 09:00")
      .supplementReceived("2024-03-05 15:00")
      .supplementRequested("2024-03-06 09:00")
      .supplementReceived("2024-03-06 15:00")
      .resolved("2024-03-07 09:00"); // 3 weeks early by dates
    expect(facts(finished.events)).toMatchObject({ status: "LATE", supplementRequests: 2, statusRule: "§2 more than one supplement request ⇒ late" });
    // overrun by dates: effective due 29 March + 12 h ⇒ 29/30 March, ended 7 March ⇒ 0 working days
    expect(facts(finished.events).overrunWorkingDays).toBe(0);

    const open = aCase("C12")
      .received("2024-03-04 09:00", "2024-04-29 17:00")
      .supplementRequested("2024-03-05 09:00")
      .supplementReceived("2024-03-05 15:00")
      .supplementRequested("2024-03-06 09:00");
    expect(facts(open.events).status).toBe("OVERDUE");
  });

  it("§2 a single open supplement request at period end: its request time is the end time (clock stopped)", () => {
    // Due Wed 20 March; request Fri 15 March still open at 31 March. Judged at 15 March ≤ due ⇒ IN_PROGRESS
    // (judged at the period end it would be overdue).
    const stopped = aCase("C13").received("2024-03-11 09:00", "2024-03-20 17:00").supplementRequested("2024-03-15 10:00");
    expect(facts(stopped.events)).toMatchObject({ status: "IN_PROGRESS", judgedAt: at("2024-03-15 10:00"), openSupplementRequestAt: at("2024-03-15 10:00") });

    // Requested after the due date (Tue 12 March vs due Fri 8 March) ⇒ OVERDUE, overrun Mon 11 + Tue 12 = 2 working days.
    const late = aCase("C14").received("2024-03-01 09:00", "2024-03-08 17:00").supplementRequested("2024-03-12 10:00");
    expect(facts(late.events)).toMatchObject({ status: "OVERDUE", overrunWorkingDays: 2 });
  });

  it("§2 a request is closed by the first SUPPLEMENT_RECEIVED at or after it; earlier receipts do not close it", () => {
    const c = aCase("C15")
      .received("2024-03-04 09:00", "2024-03-08 17:00")
      .supplementReceived("2024-03-04 10:00") // before the request: pairs with nothing
      .supplementRequested("2024-03-05 09:00");
    const f = facts(c.events);
    expect(f.pausedMs).toBe(0);
    expect(f.openSupplementRequestAt).toBe(at("2024-03-05 09:00"));
  });

  it("§2 finished ⇒ early / on time / late by the local date of end vs due (23:30 on the due day is on time)", () => {
    const due = "2024-03-08 17:00";
    const status = (end: string) => facts(aCase(`E${end}`).received("2024-03-04 09:00", due).resolved(end).events).status;
    expect(status("2024-03-07 23:59")).toBe("EARLY");
    expect(status("2024-03-08 23:30")).toBe("ON_TIME"); // after 17:00 but the same local date
    expect(status("2024-03-09 00:30")).toBe("LATE"); // 8 March 17:30 UTC, the next local date
  });

  it("§2 not finished by the end of P ⇒ judged at P's end: open past due is OVERDUE, else IN_PROGRESS", () => {
    const c = aCase("C16").received("2024-03-25 09:00", "2024-03-29 17:00").resolved("2024-04-03 09:00");
    // As of March the April resolution has not happened: open past due.
    expect(facts(c.events, MAR)).toMatchObject({ status: "OVERDUE", endAt: null, judgedAt: MAR.end, overrunWorkingDays: 0 });
    // overrun 0: due Fri 29 March, judged on Sun 31 March ⇒ no working day in between
    expect(facts(c.events, parsePeriod("2024-04"))).toMatchObject({ status: "LATE", overrunWorkingDays: 3 }); // Apr 1, 2, 3

    const open = aCase("C17").received("2024-03-28 09:00", "2024-04-04 17:00");
    expect(facts(open.events)).toMatchObject({ status: "IN_PROGRESS", hasVerdict: false, inScope: true });
  });

  it("§2 carried over: received earlier and still open at P's start is in scope; finished earlier is not", () => {
    const open = aCase("K1").received("2024-02-26 09:00", "2024-03-05 17:00").resolved("2024-03-04 09:00");
    expect(facts(open.events)).toMatchObject({ receivedInPeriod: false, carriedOver: true, inScope: true, status: "EARLY" });
    const done = aCase("K2").received("2024-02-20 09:00", "2024-02-28 17:00").resolved("2024-02-27 09:00");
    expect(facts(done.events)).toMatchObject({ carriedOver: false, inScope: false });
    const stillOpen = aCase("K3").received("2024-02-20 09:00", "2024-02-28 17:00");
    expect(facts(stillOpen.events)).toMatchObject({ carriedOver: true, inScope: true, status: "OVERDUE" });
  });

  it("§1 period boundary: 23:30 local on the last day of a month and of June belongs to that period", () => {
    const c = aCase("B1").received("2024-03-31 23:30", "2024-04-05 17:00");
    expect(facts(c.events, MAR)).toMatchObject({ receivedInPeriod: true, status: "IN_PROGRESS" });
    expect(facts(c.events, parsePeriod("2024-04"))).toMatchObject({ receivedInPeriod: false, carriedOver: true });
    expect(facts(c.events, parsePeriod("2024-Q1")).receivedInPeriod).toBe(true);

    const june = aCase("B2").received("2024-06-25 09:00", "2024-06-28 17:00").resolved("2024-06-30 23:30");
    const h1 = facts(june.events, parsePeriod("2024-H1"));
    expect(h1).toMatchObject({ endAt: at("2024-06-30 23:30"), status: "LATE", overrunWorkingDays: 0 });
    // finished in H1 ⇒ not carried over into H2
    expect(facts(june.events, parsePeriod("2024-H2")).inScope).toBe(false);

    const july = aCase("B3").received("2024-06-25 09:00", "2024-06-28 17:00").resolved("2024-07-01 00:00");
    expect(facts(july.events, parsePeriod("2024-H1")).status).toBe("OVERDUE");
    expect(facts(july.events, parsePeriod("2024-H2"))).toMatchObject({ carriedOver: true, status: "LATE", overrunWorkingDays: 1 }); // Mon 1 July
  });

  it("§2 events arrive in any order and more than once: the facts depend only on the set of distinct events", () => {
    const c = aCase("D1").received("2024-03-04 09:00", "2024-03-08 17:00").supplementRequested("2024-03-05 09:00").supplementReceived("2024-03-06 09:00").resolved("2024-03-09 09:00");
    const shuffled = [...c.events].reverse().concat(c.events);
    expect(facts(shuffled)).toEqual(facts(c.events));
    expect(distinctEvents(shuffled)).toHaveLength(c.events.length);
  });

  it("§2 a conflicting duplicate eventId resolves to one version whatever the order", () => {
    const c = aCase("D2").received("2024-03-04 09:00", "2024-03-08 17:00");
    const a = { ...c.events[0]!, eventId: "X", type: "RESOLVED" as const, occurredAt: at("2024-03-07 09:00") };
    const b = { ...a, occurredAt: at("2024-03-11 09:00") };
    expect(facts([...c.events, a, b])).toEqual(facts([b, ...c.events, a]));
  });

  it("facts: apology, online payment, flags (any true), latest rating", () => {
    const c = aCase("F1")
      .received("2024-03-04 09:00", "2024-03-08 17:00", { flags: { syncedToNationalPortal: false, feeBearing: true } })
      .resolved("2024-03-11 09:00", { syncedToNationalPortal: true, digitizedResult: true })
      .apology("2024-03-12 09:00")
      .paid("2024-03-05 09:00", false)
      .paid("2024-03-06 09:00", true)
      .rated("2024-03-12 10:00", true)
      .rated("2024-03-13 10:00", false);
    const f = facts(c.events);
    expect(f).toMatchObject({ apologyIssued: true, paymentCompleted: true, paidOnline: true, rating: { satisfied: false, ratedAt: at("2024-03-13 10:00") } });
    expect(f.flags).toMatchObject({ syncedToNationalPortal: true, feeBearing: true, digitizedResult: true, reusedData: null });
    expect(f.handlingWorkingDays).toBe(5); // Mar 5, 6, 7, 8, 11
  });

  it("facts: a transfer step is held until the receiver passes it on; overrun against the step due", () => {
    // DEPT → DEPT2 on Tue 5 March, step due Fri 8; DEPT2 sends it back Tue 12 ⇒ overrun Mon 11 + Tue 12 = 2.
    // Second step DEPT → DEPT2 on 13 March due 15 March, still held at the end of March ⇒ overrun
    // Mon 18 … Fri 29 = 10 working days.
    const c = aCase("T1")
      .received("2024-03-04 09:00", "2024-03-15 17:00")
      .transferred("2024-03-05 09:00", DEPT, DEPT2, "2024-03-08 17:00")
      .transferred("2024-03-12 09:00", DEPT2, DEPT, "2024-03-14 17:00")
      .transferred("2024-03-13 09:00", DEPT, DEPT2, "2024-03-15 17:00");
    const f = facts(c.events);
    expect(f.transfers.map((t) => [t.toUnitId, t.endedAt, t.overrunWorkingDays])).toEqual([
      [DEPT2, at("2024-03-12 09:00"), 2],
      [DEPT, at("2024-03-13 09:00"), 0],
      [DEPT2, null, 10],
    ]);
  });

  it("facts: consultations pair each request with the consulted unit's first unused answer", () => {
    // TAX asked twice: 5 March (due 7) answered 12 March ⇒ LATE by Fri 8, Mon 11, Tue 12 = 3;
    // 13 March (due 15) answered 14 March ⇒ ON_TIME. DEPT2 asked 28 March due 29: unanswered ⇒ OVERDUE,
    // 0 working days late by 31 March (Sat 30, Sun 31). DEPT2 asked 29 March due 2 April ⇒ PENDING.
    const c = aCase("Q1")
      .received("2024-03-04 09:00", "2024-04-15 17:00")
      .consultRequested("2024-03-05 09:00", TAX, "2024-03-07 17:00")
      .consultRequested("2024-03-13 09:00", TAX, "2024-03-15 17:00")
      .consultAnswered("2024-03-12 10:00", TAX)
      .consultAnswered("2024-03-14 10:00", TAX)
      .consultRequested("2024-03-28 09:00", DEPT2, "2024-03-29 17:00")
      .consultRequested("2024-03-29 09:00", DEPT2, "2024-04-02 17:00");
    const f = facts(c.events);
    expect(f.consultations.map((q) => [q.consultedUnitId, q.verdict, q.workingDaysLate])).toEqual([
      [TAX, "LATE", 3],
      [TAX, "ON_TIME", 0],
      [DEPT2, "OVERDUE", 0],
      [DEPT2, "PENDING", 0],
    ]);
    // carried-over consultation: requested in March, unanswered ⇒ in scope in April, answered 1 April: 2 days late (Fri 29 → Mon 1 = 1)
    const april = facts([...c.events, ...aCase("Q1x").consultAnswered("2024-04-01 10:00", DEPT2).events.map((e) => ({ ...e, caseId: "Q1" }))], parsePeriod("2024-04"));
    expect(april.consultations[2]).toMatchObject({ verdict: "LATE", workingDaysLate: 1, inScope: true });
    expect(april.consultations[0]?.inScope).toBe(false);
  });

  it("facts: a RECEIVED without a due date and no DUE_DATE_SET is a data error", () => {
    const c = aCase("Z1").received("2024-03-04 09:00", "2024-03-08 17:00");
    const broken = c.events.map((e) => ({ ...e, dueAt: undefined }));
    expect(() => caseFacts(broken, MAR, cal)).toThrow(/no dueAt/);
  });
});
