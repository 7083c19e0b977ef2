/**
 * toStoredEvent was rebuilt without the two object spreads (the bulk import's speed). What it
 * stores must not change, down to the order of the keys (the import names its raw objects by the
 * hash of their text): the first implementation is kept here as the oracle.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CaseEventParsed, StoredCaseEvent } from "@scorecard/shared";
import type { KeyedHasher } from "../src/ports/ingest.js";
import { HmacHasher } from "../src/adapters/local/file-hasher.js";
import { toStoredEvent } from "../src/use-cases/ingest/pseudonymise.js";

/** The implementation before the rewrite, verbatim. */
function oracle(e: CaseEventParsed, hasher: KeyedHasher): StoredCaseEvent {
  const utc = (iso: string) => new Date(iso).toISOString();
  const { applicant, ...rest } = e;
  return {
    ...rest,
    eventId: rest.eventId.normalize("NFC"),
    caseId: rest.caseId.normalize("NFC"),
    occurredAt: utc(e.occurredAt),
    ...(e.dueAt !== undefined ? { dueAt: utc(e.dueAt) } : {}),
    ...(applicant?.idNumber ? { applicantPseudonym: hasher.pseudonym(applicant.idNumber) } : {}),
  };
}

const text = fc.oneof(fc.constantFrom("a", "H19.24-0001", "Nguyễn", "Nguye\u0302\u0303n", "DEPT-STP-2020"), fc.string({ minLength: 1, maxLength: 6 }));
const instant = fc
  .tuple(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom("Z", "+07:00", "-05:30"))
  .map(([t, off]) => new Date(t).toISOString().replace("Z", off === "Z" ? "Z" : off));

/** Parsed events: the keys in the schema's order, optional ones absent, present, or present as undefined. */
const parsed = fc
  .record(
    {
      eventId: text,
      caseId: text,
      type: fc.constantFrom("RECEIVED", "RESOLVED", "RATED"),
      occurredAt: instant,
      unitId: text,
      procedureCode: fc.option(text, { nil: undefined }),
      channel: fc.option(fc.constantFrom("DIRECT", "ONLINE_FULL"), { nil: undefined }),
      dueAt: fc.option(instant, { nil: undefined }),
      flags: fc.option(fc.record({ onlinePayment: fc.boolean() }, { requiredKeys: [] }), { nil: undefined }),
      rating: fc.option(fc.record({ satisfied: fc.boolean() }), { nil: undefined }),
      applicant: fc.option(
        fc.record({ idNumber: fc.oneof(fc.constant(""), fc.stringMatching(/^\d{9,12}$/), fc.constant(" 0790 ")), name: text }, { requiredKeys: [] }),
        { nil: undefined },
      ),
    },
    { requiredKeys: ["eventId", "caseId", "type", "occurredAt", "unitId"] },
  )
  .map((e) => e as unknown as CaseEventParsed);

describe("toStoredEvent: the rewrite stores what the first implementation stored", () => {
  const hasher = new HmacHasher(new Uint8Array(32).fill(7));
  it("same keys in the same order, same values, the same JSON", () => {
    fc.assert(
      fc.property(parsed, (e) => {
        const expected = oracle(e, hasher);
        const actual = toStoredEvent(e, hasher);
        expect(actual).toStrictEqual(expected);
        expect(Object.keys(actual)).toEqual(Object.keys(expected));
        expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
      }),
      { numRuns: 2_000 },
    );
  });

  it("drops the applicant, keeps a pseudonym of the ID number only", () => {
    const e = { eventId: "e", caseId: "c", type: "RECEIVED", occurredAt: "2025-01-02T13:30:00+07:00", unitId: "U", applicant: { idNumber: "079", name: "A" } } as CaseEventParsed;
    expect(toStoredEvent(e, hasher)).toEqual({ eventId: "e", caseId: "c", type: "RECEIVED", occurredAt: "2025-01-02T06:30:00.000Z", unitId: "U", applicantPseudonym: hasher.pseudonym("079") });
  });
});
