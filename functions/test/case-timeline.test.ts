/**
 * A dossier's timeline (issue 20, item 2): the use case on a hand-computed dossier, transferred
 * once, paused once and consulted once (late), and its object-level authorization.
 *
 * March 2024 has no public holiday; working days: Mon 4 – Fri 8, Mon 11 – Fri 15, Mon 18 – Fri 22,
 * Mon 25 – Fri 29. "Working days from a to b" = the working days after the local date of a up to
 * and including the local date of b (`workingDaysBetween`). Local time = UTC+7.
 *
 *  E1 Mon 4  09:00 RECEIVED by DEPT-STP-2020 (the lead), legal due Fri 15 17:00
 *  E2 Tue 5  09:00 TRANSFERRED to DEPT-SXD-2020, step due Mon 25 17:00
 *  E3 Wed 6  09:00 CONSULT_REQUESTED by DEPT-SXD-2020 of VERT-THUE-2020, step due Fri 8 17:00
 *  E4 Thu 7  09:00 SUPPLEMENT_REQUESTED by DEPT-SXD-2020
 *  E5 Mon 11 09:00 SUPPLEMENT_RECEIVED: the pause lasted 4 × 24 h = 345 600 000 ms
 *                  (2 working days: Fri 8, Mon 11 — for reading; the due date moves by the 96 h)
 *  E6 Wed 13 10:00 CONSULT_ANSWERED by VERT-THUE-2020: late by Mon 11, Tue 12, Wed 13 = 3 working days
 *  E7 Wed 27 10:00 RESOLVED by DEPT-SXD-2020
 *
 *  Effective due = Fri 15 17:00 + 96 h = Tue 19 17:00. Ended Wed 27 ⇒ LATE by Wed 20, Thu 21,
 *  Fri 22, Mon 25, Tue 26, Wed 27 = 6 working days.
 *  Held: DEPT-STP-2020 from Mon 4 to Tue 5 = 1 working day (Tue 5);
 *        DEPT-SXD-2020 from Tue 5 to Wed 27 = Wed 6 – Fri 8 (3) + 11–15 (5) + 18–22 (5) + 25–27 (3) = 16;
 *        1 + 16 = 17 = the dossier's working days from Mon 4 to Wed 27.
 *  Consulted: VERT-THUE-2020 from Wed 6 to Wed 13 = Thu 7, Fri 8, Mon 11, Tue 12, Wed 13 = 5 working days.
 *  R7 charge: DEPT-SXD-2020 overran its step (Mon 25) by Tue 26, Wed 27 = 2 (TRANSFER);
 *             VERT-THUE-2020 by 3 (CONSULTATION); the lead the remainder max(0, 6 − 2 − 3) = 1 (LEAD).
 */
import { gzipSync } from "node:zlib";
import { caseEventSchema, type StoredCaseEvent, UnitCatalog } from "@scorecard/shared";
import type { Principal } from "@scorecard/shared/auth/policy";
import { caseTimelineSchema } from "@scorecard/shared/contracts/case-timeline";
import { describe, expect, it } from "vitest";
import type { Lake } from "../src/ports/lake.js";
import { caseTimeline } from "../src/use-cases/read/case-timeline.js";
import { toStoredEvent } from "../src/use-cases/ingest/pseudonymise.js";
import { CaseBuilder } from "./support/events.js";

const LEAD = "DEPT-STP-2020";
const HOLDER = "DEPT-SXD-2020";
const CONSULTED = "VERT-THUE-2020";
const ID_NUMBER = "079123456789";

const dossier = new CaseBuilder("TL-1", LEAD)
  .received("2024-03-04T09:00:00", "2024-03-15T17:00:00", { applicant: { idNumber: ID_NUMBER, name: "Nguyễn Văn A", phone: "0909000000" } })
  .transferred("2024-03-05T09:00:00", HOLDER, "2024-03-25T17:00:00")
  .consultRequested("2024-03-06T09:00:00", CONSULTED, "2024-03-08T17:00:00", HOLDER)
  .by(HOLDER, "SUPPLEMENT_REQUESTED", "2024-03-07T09:00:00")
  .by(HOLDER, "SUPPLEMENT_RECEIVED", "2024-03-11T09:00:00")
  .consultAnswered("2024-03-13T10:00:00", CONSULTED)
  .by(HOLDER, "RESOLVED", "2024-03-27T10:00:00");
const EVENTS: StoredCaseEvent[] = dossier.build().map((e) => toStoredEvent(caseEventSchema.parse(e), { pseudonym: (v) => `p-${v}` }));
const PSEUDONYM = `p-${ID_NUMBER}`;

/** The ingested catalog as raw objects (the lake's raw-procedures/): a later version of the code renames it. */
const catalogLake = (): Lake => {
  const line = (nameVi: string, nameEn?: string) => JSON.stringify({ code: "1.000894", nameVi, ...(nameEn ? { nameEn } : {}), field: "CIVIL_STATUS" });
  const objects = new Map<string, Uint8Array>([
    ["raw-procedures/ingest_date=2024-01-02/a.ndjson.gz", gzipSync(`${line("Tên cũ")}\n`)],
    ["raw-procedures/ingest_date=2024-02-01/b.ndjson.gz", gzipSync(`${line("Đăng ký khai sinh", "Birth registration")}\n`)],
  ]);
  return { put: async () => {}, get: async (k) => objects.get(k), list: async (p) => [...objects.keys()].filter((k) => k.startsWith(p)), removePrefix: async () => {} };
};

const timelineAt = (now: string, events: StoredCaseEvent[] = EVENTS, lake: Lake | undefined = catalogLake()) =>
  caseTimeline({ openCases: { caseEvents: async (id) => events.filter((e) => e.caseId === id) }, clock: { now: () => new Date(now) }, catalog: new UnitCatalog(), lake });

const chairman: Principal = { role: "chairman", sub: "c" };
const officer = (unitId: string): Principal => ({ role: "unit-officer", sub: `o-${unitId}`, unitId });

describe("Use case: caseTimeline (a dossier transferred once, paused once, consulted once late)", () => {
  it("tells who held it for how many working days, the pause, the consultation and the R7 charge, as computed by hand", async () => {
    const r = await timelineAt("2024-04-01T03:00:00.000Z")(chairman, "TL-1");
    if (r.kind !== "ok") throw new Error(r.kind);
    const t = r.timeline;
    expect(caseTimelineSchema.safeParse(t).success).toBe(true);
    expect(t).toMatchObject({
      caseId: "TL-1",
      leadUnitId: LEAD,
      procedureCode: "1.000894",
      procedureNameVi: "Đăng ký khai sinh",
      procedureNameEn: "Birth registration",
      receivedAt: "2024-03-04T02:00:00.000Z",
      dueAt: "2024-03-15T10:00:00.000Z",
      effectiveDueAt: "2024-03-19T10:00:00.000Z",
      endAt: "2024-03-27T03:00:00.000Z",
      endKind: "RESOLVED",
      status: "LATE",
      overrunWorkingDays: 6,
      workingDays: 17,
      holder: null,
    });
    expect(t.events.map((e) => e.type)).toEqual(["RECEIVED", "TRANSFERRED", "CONSULT_REQUESTED", "SUPPLEMENT_REQUESTED", "SUPPLEMENT_RECEIVED", "CONSULT_ANSWERED", "RESOLVED"]);
    expect(t.holds).toEqual([
      { unitId: LEAD, role: "LEAD", from: "2024-03-04T02:00:00.000Z", to: "2024-03-05T02:00:00.000Z", workingDays: 1, stepDueAt: null, overrunWorkingDays: 0 },
      { unitId: HOLDER, role: "TRANSFER", from: "2024-03-05T02:00:00.000Z", to: "2024-03-27T03:00:00.000Z", workingDays: 16, stepDueAt: "2024-03-25T10:00:00.000Z", overrunWorkingDays: 2 },
    ]);
    expect(t.holds.reduce((s, h) => s + h.workingDays, 0)).toBe(t.workingDays);
    expect(t.pauses).toEqual([{ unitId: HOLDER, requestedAt: "2024-03-07T02:00:00.000Z", suppliedAt: "2024-03-11T02:00:00.000Z", pausedMs: 345_600_000, workingDays: 2 }]);
    expect(t.consultations).toEqual([
      { requestedBy: HOLDER, consultedUnitId: CONSULTED, requestedAt: "2024-03-06T02:00:00.000Z", stepDueAt: "2024-03-08T10:00:00.000Z", answeredAt: "2024-03-13T03:00:00.000Z", verdict: "LATE", workingDaysLate: 3, workingDays: 5 },
    ]);
    expect(t.charges).toEqual([
      { unitId: HOLDER, role: "TRANSFER", overrunWorkingDays: 2 },
      { unitId: CONSULTED, role: "CONSULTATION", overrunWorkingDays: 3 },
      { unitId: LEAD, role: "LEAD", overrunWorkingDays: 1 },
    ]);
    expect(Object.keys(t.units).sort()).toEqual([LEAD, HOLDER, CONSULTED].sort());
    expect(t.units[LEAD]?.nameVi).toBe("Sở Tư pháp tỉnh Đồng Nai");
  });

  it("while it is open: the current holder, its hold running to today, the consultation overdue, nothing charged before the due date", async () => {
    // Tue 12 March 10:00 local: E1–E5 have happened (and not E6, E7).
    const until = EVENTS.filter((e) => e.occurredAt < "2024-03-12T03:00:00.000Z");
    const r = await timelineAt("2024-03-12T03:00:00.000Z", until)(chairman, "TL-1");
    if (r.kind !== "ok") throw new Error(r.kind);
    const t = r.timeline;
    expect([t.status, t.holder, t.effectiveDueAt, t.charges]).toEqual(["IN_PROGRESS", HOLDER, "2024-03-19T10:00:00.000Z", []]);
    // Held since Tue 5: Wed 6, Thu 7, Fri 8, Mon 11, Tue 12 = 5 working days so far.
    expect(t.holds.at(-1)).toMatchObject({ unitId: HOLDER, to: null, workingDays: 5 });
    // Unanswered, due Fri 8: 2 working days late on Tue 12 (Mon 11, Tue 12).
    expect(t.consultations[0]).toMatchObject({ answeredAt: null, verdict: "OVERDUE", workingDaysLate: 2, workingDays: 4 });
  });

  it("returns no applicant data: neither a field nor the pseudonym", async () => {
    expect(EVENTS[0]?.applicantPseudonym).toBe(PSEUDONYM); // the stored event has it
    const r = await timelineAt("2024-04-01T03:00:00.000Z")(chairman, "TL-1");
    const text = JSON.stringify(r);
    for (const needle of ["applicant", PSEUDONYM, ID_NUMBER, "Nguyễn Văn A", "0909000000"]) expect(text).not.toContain(needle);
  });

  it("shows the code alone when the catalog cannot be read", async () => {
    const broken: Lake = { ...catalogLake(), list: async () => Promise.reject(new Error("AccessDenied")) };
    const r = await timelineAt("2024-04-01T03:00:00.000Z", EVENTS, broken)(chairman, "TL-1");
    expect(r.kind === "ok" && [r.timeline.procedureCode, r.timeline.procedureNameVi]).toEqual(["1.000894", null]);
  });
});

describe("Use case: caseTimeline authorizes on the dossier (fail closed)", () => {
  const read = timelineAt("2024-04-01T03:00:00.000Z");
  it("lets the chairman and Home Affairs read any dossier, and says when none is stored", async () => {
    expect((await read(chairman, "TL-1")).kind).toBe("ok");
    expect((await read({ role: "home-affairs", sub: "h" }, "TL-1")).kind).toBe("ok");
    expect((await read(chairman, "NOPE")).kind).toBe("not-found");
  });

  it("lets a unit officer read a dossier their unit received, was given or was consulted on — and nothing else, existing or not", async () => {
    for (const unit of [LEAD, HOLDER, CONSULTED]) expect([unit, (await read(officer(unit), "TL-1")).kind]).toEqual([unit, "ok"]);
    expect((await read(officer("DIST-731"), "TL-1")).kind).toBe("forbidden");
    expect((await read(officer(LEAD), "NOPE")).kind).toBe("forbidden");
    expect((await read({ role: "unit-officer", sub: "x" }, "TL-1")).kind).toBe("forbidden"); // no unit
  });

  it("refuses the public and source systems", async () => {
    expect((await read({ role: "public", sub: "anonymous" }, "TL-1")).kind).toBe("forbidden");
    expect((await read({ role: "source-system", sub: "one-stop" }, "TL-1")).kind).toBe("forbidden");
  });
});
