import fc from "fast-check";
import type { StoredCaseEvent } from "@scorecard/shared";
import { describe, expect, it } from "vitest";
import { deriveCaseState } from "../src/adapters/dynamodb/case-state.js";
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
