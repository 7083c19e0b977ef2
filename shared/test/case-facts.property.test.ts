import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CaseEventType, StoredCaseEvent } from "../src/contracts/case-event.js";
import { caseFacts } from "../src/facts/case-facts.js";
import { parsePeriod } from "../src/time/period.js";
import { WorkingCalendar } from "../src/time/working-days.js";
import { DEPT, DEPT2, TAX } from "./support/mothers.js";

const cal = new WorkingCalendar();
const PERIODS = ["2024-02", "2024-03", "2024-Q1", "2024-H1"].map(parsePeriod);
const T0 = Date.parse("2024-01-25T00:00:00Z");
const SPAN = 80 * 86_400_000;
const TYPES: CaseEventType[] = [
  "RECEIVED", "DUE_DATE_SET", "SUPPLEMENT_REQUESTED", "SUPPLEMENT_RECEIVED", "RESOLVED", "RESULT_DELIVERED", "REFUSED", "STOPPED",
  "WITHDRAWN", "APOLOGY_ISSUED", "PAYMENT_COMPLETED", "RATED", "TRANSFERRED", "CONSULT_REQUESTED", "CONSULT_ANSWERED",
];

/** A random event of one case; times on a coarse grid so that ties happen. */
const anEvent = (i: number) =>
  fc
    .record({
      type: fc.constantFrom(...TYPES),
      t: fc.integer({ min: 0, max: 160 }).map((k) => T0 + (k * SPAN) / 160),
      due: fc.integer({ min: 0, max: 160 }).map((k) => T0 + (k * SPAN) / 160),
      unit: fc.constantFrom(DEPT, DEPT2, TAX),
      target: fc.constantFrom(DEPT, DEPT2, TAX),
      flag: fc.option(fc.boolean(), { nil: undefined }),
      satisfied: fc.boolean(),
    })
    .map((r): StoredCaseEvent => {
      const withDue = ["RECEIVED", "DUE_DATE_SET", "TRANSFERRED", "CONSULT_REQUESTED"].includes(r.type);
      return {
        eventId: `e${i}`,
        caseId: "C",
        type: r.type,
        occurredAt: new Date(r.t).toISOString(),
        unitId: r.unit,
        ...(withDue ? { dueAt: new Date(r.due).toISOString() } : {}),
        ...(r.type === "RECEIVED" ? { channel: "DIRECT" as const, procedureCode: "P", field: "LAND" } : {}),
        ...(r.type === "TRANSFERRED" || r.type === "CONSULT_REQUESTED" ? { targetUnitId: r.target } : {}),
        ...(r.type === "RATED" ? { rating: { satisfied: r.satisfied } } : {}),
        ...(r.flag !== undefined ? { flags: { onlinePayment: r.flag, syncedToNationalPortal: r.flag } } : {}),
      };
    });

const aCaseHistory = fc
  .integer({ min: 1, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => anEvent(i))))
  .map((evs) => evs as StoredCaseEvent[]);

describe("Property: caseFacts depends only on the set of distinct events (§2)", () => {
  it("any permutation or duplication of a case's events gives the same facts", () => {
    fc.assert(
      fc.property(aCaseHistory, fc.constantFrom(...PERIODS), fc.infiniteStream(fc.nat()), (events, period, rnd) => {
        const dup = [...events, ...events.filter(() => rnd.next().value % 2 === 0)];
        const shuffled = dup
          .map((e) => ({ e, k: rnd.next().value }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.e);
        expect(caseFacts(shuffled, period, cal)).toEqual(caseFacts(events, period, cal));
      }),
      { numRuns: 400 },
    );
  });

  it("status and scope stay consistent: verdicts are in-scope-able, excluded cases are never in scope", () => {
    fc.assert(
      fc.property(aCaseHistory, fc.constantFrom(...PERIODS), (events, period) => {
        const f = caseFacts(events, period, cal);
        if (f === null) return;
        expect(f.status === "EXCLUDED").toBe(f.withdrawn);
        if (f.withdrawn) expect(f.inScope).toBe(false);
        expect(f.receivedInPeriod && f.carriedOver).toBe(false);
        if (f.endAt !== null) expect(["EARLY", "ON_TIME", "LATE", "EXCLUDED"]).toContain(f.status);
        else expect(["OVERDUE", "IN_PROGRESS", "EXCLUDED"]).toContain(f.status);
        expect(f.overrunWorkingDays).toBeGreaterThanOrEqual(0);
        if (f.supplementRequests > 1 && !f.withdrawn) expect(["LATE", "OVERDUE"]).toContain(f.status);
      }),
      { numRuns: 400 },
    );
  });
});
