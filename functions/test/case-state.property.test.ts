import fc from "fast-check";
import { type CaseFacts, type StoredCaseEvent, WorkingCalendar, caseFacts, parsePeriod } from "@scorecard/shared";
import { describe, expect, it } from "vitest";
import { type LiveCaseState, deriveCaseState, indexItemsOf, isPaused } from "../src/adapters/dynamodb/case-state.js";
import { toStoredEvent } from "../src/use-cases/ingest/pseudonymise.js";
import { CaseBuilder } from "./support/events.js";
import { caseEventSchema } from "@scorecard/shared";

const hasher = { pseudonym: (v: string) => `p-${v}` };
const stored = (b: CaseBuilder): StoredCaseEvent[] => b.build().map((e) => toStoredEvent(caseEventSchema.parse(e), hasher));

const lifecycles: StoredCaseEvent[][] = [
  stored(new CaseBuilder("S1", "DEPT-STP-2020").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").supplementRequested("2024-03-05T09:00:00").supplementReceived("2024-03-06T09:00:00").dueDateSet("2024-03-06T10:00:00", "2024-03-12T17:00:00").resolved("2024-03-11T09:00:00")),
  stored(new CaseBuilder("S2", "DIST-731").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").dueDateSet("2024-03-05T09:00:00", "2024-03-15T17:00:00")),
  stored(new CaseBuilder("S3", "DIST-731").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").withdrawn("2024-03-05T09:00:00")),
];

describe("Property: the live case state depends only on the set of distinct events", () => {
  it.each(lifecycles.map((events, i) => [i, events] as const))("lifecycle %i: any permutation with duplicates gives the same state", (_, events) => {
    const expected = deriveCaseState(events);
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), fc.array(fc.nat({ max: events.length - 1 }), { maxLength: 6 }), (perm, dupIdx) => {
        const withDups = [...perm, ...dupIdx.map((i) => events[i] as StoredCaseEvent)];
        expect(deriveCaseState(withDups)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("uses the latest DUE_DATE_SET and closes the case on resolution or withdrawal", () => {
    expect(deriveCaseState(lifecycles[0] as StoredCaseEvent[])).toMatchObject({ open: false, dueAt: "2024-03-12T10:00:00.000Z", eventCount: 5 });
    expect(deriveCaseState(lifecycles[1] as StoredCaseEvent[])).toMatchObject({ open: true, dueAt: "2024-03-15T10:00:00.000Z", unitId: "DIST-731" });
    expect(deriveCaseState(lifecycles[2] as StoredCaseEvent[])).toMatchObject({ open: false });
    expect(deriveCaseState([])).toBeUndefined();
  });
});

// ——— Holders, consultations and pauses (issue 20, item 7) ———

const UNITS = ["U-LEAD", "U-B", "U-C"] as const;
const BASE = Date.parse("2024-03-04T02:00:00.000Z"); // Mon 4 March 2024, 09:00 local
const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();
const OTHER_TYPES = ["TRANSFERRED", "CONSULT_REQUESTED", "CONSULT_ANSWERED", "SUPPLEMENT_REQUESTED", "SUPPLEMENT_RECEIVED", "DUE_DATE_SET", "RESOLVED"] as const;

/** A random dossier: a receipt (sometimes two), then up to 9 events of any kind by any unit, on a 10-minute grid (ties happen). */
const lifecycle = fc
  .record({
    receivedAt: fc.integer({ min: 0, max: 30 }),
    secondReceipt: fc.boolean(),
    rest: fc.array(
      fc.record({ type: fc.constantFrom(...OTHER_TYPES), slot: fc.integer({ min: 0, max: 200 }), unit: fc.constantFrom(...UNITS), target: fc.constantFrom(...UNITS), dueDays: fc.integer({ min: 0, max: 12 }) }),
      { maxLength: 9 },
    ),
  })
  .map(({ receivedAt, secondReceipt, rest }): StoredCaseEvent[] => {
    const due = (minutes: number, days: number) => at(minutes + days * 1440);
    const out: StoredCaseEvent[] = [{ eventId: "P-0", caseId: "P", type: "RECEIVED", occurredAt: at(receivedAt * 10), unitId: "U-LEAD", dueAt: due(receivedAt * 10, 5), procedureCode: "1.1", field: "LAND", channel: "DIRECT" }];
    if (secondReceipt) out.push({ eventId: "P-0b", caseId: "P", type: "RECEIVED", occurredAt: at(receivedAt * 10 + 60), unitId: "U-B", dueAt: due(receivedAt * 10, 7) });
    rest.forEach((r, i) => {
      const t = r.slot * 10;
      const withTarget = r.type === "TRANSFERRED" || r.type === "CONSULT_REQUESTED";
      const withDue = withTarget || r.type === "DUE_DATE_SET";
      out.push({ eventId: `P-${i + 1}`, caseId: "P", type: r.type, occurredAt: at(t), unitId: r.unit, ...(withTarget ? { targetUnitId: r.target } : {}), ...(withDue ? { dueAt: due(t, r.dueDays) } : {}) });
    });
    return out;
  });

describe("Property: the open-case index depends only on the set of events, and agrees with the facts", () => {
  const calendar = new WorkingCalendar();
  const year = parsePeriod("2024");

  it("state and index items are the same for any order with duplicates", () => {
    fc.assert(
      fc.property(lifecycle.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), fc.array(fc.nat({ max: events.length - 1 }), { maxLength: 4 }))), ([events, perm, dups]) => {
        const again = [...perm, ...dups.map((i) => events[i] as StoredCaseEvent)];
        const a = deriveCaseState(events) as LiveCaseState;
        expect(deriveCaseState(again)).toEqual(a);
        expect(indexItemsOf(again, deriveCaseState(again) as LiveCaseState)).toEqual(indexItemsOf(events, a));
      }),
      { numRuns: 300 },
    );
  });

  it("the due date, the pauses, the holder and the consultations are those of caseFacts (methodology §2)", () => {
    fc.assert(
      fc.property(lifecycle, (events) => {
        const s = deriveCaseState(events) as LiveCaseState;
        const f = caseFacts(events, year, calendar) as CaseFacts;
        expect([s.dueAt, s.effectiveDueAt, s.pausedMs, s.supplementRequests, s.openSupplementRequestAt, s.unitId, s.receivedAt]).toEqual([f.dueAt, f.effectiveDueAt, f.pausedMs, f.supplementRequests, f.openSupplementRequestAt, f.unitId, f.receivedAt]);
        expect(s.holder.unitId).toBe(f.transfers.at(-1)?.toUnitId ?? f.unitId);
        expect(s.consultations.map((c) => [c.requestedBy, c.consultedUnitId, c.requestedAt, c.stepDueAt, c.answeredAt])).toEqual(f.consultations.map((c) => [c.requestedBy, c.consultedUnitId, c.requestedAt, c.stepDueAt, c.answeredAt]));
        // Open and paused (one open request) ⇔ the facts judge the open dossier at the request.
        if (s.open && f.endAt === null && !f.withdrawn) expect(isPaused(s)).toBe(f.statusRule.includes("open supplement request"));
      }),
      { numRuns: 300 },
    );
  });

  it("at most one live holder row, for the current holder of an open dossier; a live consulted row exactly for each unit with an unanswered consultation", () => {
    fc.assert(
      fc.property(lifecycle, (events) => {
        const s = deriveCaseState(events) as LiveCaseState;
        const items = indexItemsOf(events, s);
        const live = items.filter((i) => i.row !== null);
        expect(live.filter((i) => i.row?.role === "HOLDER").map((i) => i.row?.unitId)).toEqual(s.open ? [s.holder.unitId] : []);
        const waiting = s.open ? [...new Set(s.consultations.filter((c) => c.answeredAt === null).map((c) => c.consultedUnitId))].sort() : [];
        expect(live.filter((i) => i.row?.role === "CONSULTED").map((i) => i.row?.unitId)).toEqual(waiting);
        for (const i of live) expect(i.placement?.gsi1pk).toBe(`${i.row?.pausedSince ? "PAUSED" : "OPEN"}#${i.row?.unitId}`);
        for (const i of items.filter((x) => x.row === null)) expect(i.placement).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it("writers that saw nested sets, their item writes interleaved in any order under `eventCount <= n`, leave exactly the items of the largest set", () => {
    fc.assert(
      fc.property(
        lifecycle.chain((events) => fc.tuple(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), fc.infiniteStream(fc.nat()))),
        ([arrival, picks]) => {
          // Writer i saw the first i events to arrive (sets ordered by inclusion, as each writer queries after its own write).
          const writes: { sk: string; n: number; value: string }[][] = [];
          for (let i = 1; i <= arrival.length; i++) {
            const seen = arrival.slice(0, i);
            const state = deriveCaseState(seen);
            if (!state) continue;
            writes.push([{ sk: "STATE", n: state.eventCount, value: JSON.stringify(state) }, ...indexItemsOf(seen, state).map((x) => ({ sk: x.sk, n: state.eventCount, value: JSON.stringify(x) }))]);
          }
          const table = new Map<string, { n: number; value: string }>();
          const queues = writes.map((w) => [...w]);
          const it = picks[Symbol.iterator]();
          while (queues.some((q) => q.length > 0)) {
            const open = queues.filter((q) => q.length > 0);
            const q = open[(it.next().value as number) % open.length] as typeof queues[number];
            const w = q.shift() as (typeof queues)[number][number];
            const cur = table.get(w.sk);
            if (cur === undefined || cur.n <= w.n) table.set(w.sk, { n: w.n, value: w.value });
          }
          const full = deriveCaseState(arrival) as LiveCaseState;
          const expected = new Map([["STATE", JSON.stringify(full)], ...indexItemsOf(arrival, full).map((x) => [x.sk, JSON.stringify(x)] as [string, string])]);
          expect(new Map([...table].map(([k, v]) => [k, v.value]))).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
