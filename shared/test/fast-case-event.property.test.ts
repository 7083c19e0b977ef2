/**
 * The compiled validator (src/contracts/fast-parse.ts) against zod on the case-event contract:
 * on a fast-check corpus of events built from the schema's rules and of events with one or more
 * fields broken, the compiled path accepts exactly what `caseEventSchema` accepts, with the same
 * output (deep-equal, keys in the same order), and `validateCaseEvent` answers what
 * `validate(caseEventSchema, …)` answers, errors included.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CASE_EVENT_TYPES, CHANNELS, caseEventSchema } from "../src/contracts/case-event.js";
import { acceptCaseEvent, validateCaseEvent } from "../src/contracts/case-event-validator.js";
import { NOT_ACCEPTED, compileAcceptor } from "../src/contracts/fast-parse.js";
import { REASON_CODES, reasonDefinition, takesReason } from "../src/contracts/reason-codes.js";
import { toNfc, validate } from "../src/contracts/validation.js";

type Obj = Record<string, unknown>;

/** Every key of a value, in order, at every depth: deep equality that also sees key order and explicit undefined. */
function layout(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(layout);
  if (v !== null && typeof v === "object") return Object.keys(v).map((k) => [k, layout((v as Obj)[k])]);
  return v === undefined ? "<undefined>" : v;
}

// ------------------------------------------------------------------ arbitraries from the schema's rules

/** Characters of the id pattern (letters and digits of any script, . _ : - / #), astral ones included. */
const ID_CHARS = [..."abcxyzABCXYZ0189._:-/#", "đ", "Đ", "ễ", "ư", "Ạ", "٣", "漢", "𝟘", "𐐷"];
/** Characters the id pattern refuses, and combining marks (NFD Vietnamese). */
const BAD_CHARS = [" ", "\t", "\n", "@", "$", "%", "\u0000", "😀", "\u0301", "\u0323", "+", ",", "\u00a0"];

/** Ids the pattern accepts: short ones, and ones of exactly the maximum in code points (astral characters are two UTF-16 units). */
const goodId = (max: number) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.array(fc.constantFrom(...ID_CHARS), { minLength: 1, maxLength: 12 }).map((a) => a.join("")) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...ID_CHARS), { minLength: max, maxLength: max }).map((a) => a.join("")) },
  );
/** Ids of any length around the maximum, and ones with a character the pattern refuses. */
const anyId = (max: number) =>
  fc.oneof(
    { weight: 4, arbitrary: goodId(max) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...ID_CHARS), { minLength: max - 2, maxLength: max + 2 }).map((a) => a.join("")) },
    { weight: 1, arbitrary: fc.constantFrom("", "a".repeat(max + 1), "𝟘".repeat(max), "𝟘".repeat(max + 1)) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...ID_CHARS, ...BAD_CHARS), { minLength: 1, maxLength: 8 }).map((a) => a.join("")) },
  );

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** Instants between 2000 and 2100 with Z or an offset, sometimes with fractions of a second. */
const goodInstant = fc
  .record({
    t: fc.integer({ min: Date.UTC(2000, 0, 1, 12), max: Date.UTC(2100, 11, 31, 0) }),
    off: fc.constantFrom("Z", "+07:00", "-05:30", "+00:00", "+14:00"),
    frac: fc.constantFrom("", ".5", ".123", ".123456789"),
  })
  .map(({ t, off, frac }) => {
    const sign = off === "Z" ? 0 : off.startsWith("-") ? -1 : 1;
    const minutes = off === "Z" ? 0 : sign * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6)));
    const local = new Date(t + minutes * 60_000).toISOString().slice(0, 19);
    return `${local}${frac}${off}`;
  });

/** Strings shaped like instants, field by field out of range: 30 February, hour 24, year 1999, no offset… */
const oddInstant = fc
  .record({
    y: fc.constantFrom(1999, 2000, 2024, 2025, 2100, 2101, 99),
    mo: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    h: fc.integer({ min: 0, max: 25 }),
    mi: fc.constantFrom(0, 30, 59, 60),
    s: fc.constantFrom(0, 59, 60),
    frac: fc.constantFrom("", ".", ".5", ".1234567890"),
    off: fc.constantFrom("Z", "z", "+07:00", "+0700", "+07", "", "+24:00", "-12:00", " Z"),
    sep: fc.constantFrom("T", "T", "T", " ", "t"),
  })
  .map(({ y, mo, d, h, mi, s, frac, off, sep }) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}${sep}${pad(h)}:${pad(mi)}:${pad(s)}${frac}${off}`);

const anyInstant = fc.oneof({ weight: 3, arbitrary: goodInstant }, { weight: 2, arbitrary: oddInstant });

const FLAG_KEYS = Object.keys(caseEventSchema.def.shape.flags.unwrap().def.shape);
const flags = fc.dictionary(fc.constantFrom(...FLAG_KEYS), fc.boolean(), { maxKeys: FLAG_KEYS.length });
const goodScore = fc.integer({ min: 1, max: 5 });
const anyScore = fc.oneof(goodScore, fc.constantFrom(0, 6, 2.5, -1));
const ratingOf = (score: fc.Arbitrary<number>) =>
  fc.record({ satisfied: fc.boolean(), progress: score, quality: score, attitude: score }, { requiredKeys: ["satisfied"] });
const FIELD_CHARS = [..."ABCXYZ0189_"];
const stringOf = (chars: readonly string[], minLength: number, maxLength: number) => fc.array(fc.constantFrom(...chars), { minLength, maxLength }).map((a) => a.join(""));
const DIGITS = [..."0123456789"];
const goodField = fc.oneof(fc.constantFrom("LAND", "JUSTICE", "GENERAL", "CONDITIONAL_BUSINESS"), stringOf(FIELD_CHARS, 1, 64));
const anyField = fc.oneof(goodField, stringOf(FIELD_CHARS, 60, 70), fc.constantFrom("land", "LAND USE", ""));
const applicantOf = (loose: boolean) =>
  fc.record(
    {
      idNumber: loose ? fc.oneof(stringOf(DIGITS, 9, 12), fc.string({ maxLength: 40 })) : stringOf(DIGITS, 9, 12),
      name: fc.constantFrom("Nguyễn Văn A", "Trần Thị B", "Nguye\u0302\u0303n Thi\u0323 C", ...(loose ? ["x".repeat(257), "ễ".normalize("NFD").repeat(100)] : [])),
      phone: stringOf(DIGITS, 10, 10),
      email: fc.constant("a@example.vn"),
      address: fc.string({ maxLength: 20 }),
      kind: fc.constantFrom("CITIZEN", "BUSINESS", ...(loose ? ["OTHER"] : [])),
    },
    { requiredKeys: [] },
  );

const OPTIONAL = ["procedureCode", "field", "channel", "dueAt", "flags", "targetUnitId", "rating", "reasonCode", "applicant"] as const;
/** The optional fields `type` requires (caseEventSchema's superRefine). */
const requiredOn = (type: string, key: string) =>
  (type === "RECEIVED" && ["dueAt", "channel", "procedureCode", "field"].includes(key)) ||
  (type === "DUE_DATE_SET" && key === "dueAt") ||
  ((type === "TRANSFERRED" || type === "CONSULT_REQUESTED") && (key === "targetUnitId" || key === "dueAt"));
/** The optional fields `type` allows at all. */
const allowedOn = (type: string, key: string) => (key === "rating" ? type === "RATED" : key === "reasonCode" ? takesReason(type) : true);

/**
 * Events built to the schema's rules, `loose` or not. Not loose: every field valid, the fields the
 * type requires present, a rating only on RATED (always there), a reason only on the types that
 * take one and one that applies to the type. Loose: values drawn from wider sets (odd instants,
 * ids around their maximum, scores out of range…) and optional fields present or absent at random,
 * so some events break a cross-field rule.
 */
const eventOf = (loose: boolean) =>
  fc
    .record({
      eventId: loose ? anyId(128) : goodId(128),
      caseId: loose ? anyId(64) : goodId(64),
      type: fc.constantFrom(...CASE_EVENT_TYPES),
      occurredAt: loose ? anyInstant : goodInstant,
      unitId: loose ? anyId(64) : goodId(64),
      procedureCode: loose ? anyId(64) : goodId(64),
      field: loose ? anyField : goodField,
      channel: fc.constantFrom(...CHANNELS),
      dueAt: loose ? anyInstant : goodInstant,
      flags,
      targetUnitId: loose ? anyId(64) : goodId(64),
      rating: ratingOf(loose ? anyScore : goodScore),
      reasonCode: fc.constantFrom(...REASON_CODES),
      applicant: applicantOf(loose),
      keep: fc.array(fc.boolean(), { minLength: OPTIONAL.length, maxLength: OPTIONAL.length }),
      explicitUndefined: fc.boolean(),
    })
    .map(({ keep, explicitUndefined, ...e }) => {
      const out: Obj = { eventId: e.eventId, caseId: e.caseId, type: e.type, occurredAt: e.occurredAt, unitId: e.unitId };
      OPTIONAL.forEach((key, i) => {
        const present = loose
          ? keep[i]
          : requiredOn(e.type, key) || (key === "rating" && e.type === "RATED") || (allowedOn(e.type, key) && keep[i]);
        if (!present) {
          if (explicitUndefined && !requiredOn(e.type, key)) out[key] = undefined;
          return;
        }
        if (key === "reasonCode" && !loose) {
          const fits = REASON_CODES.filter((c) => reasonDefinition(c)?.appliesTo.includes(e.type as never));
          out[key] = fits[REASON_CODES.indexOf(e.reasonCode) % fits.length];
        } else out[key] = e[key];
      });
      return out;
    });
const validEvent = eventOf(false);
const looseEvent = eventOf(true);

/** Values of the wrong kind, or of the right kind and wrong content. */
const oddValue = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "", " ", "RECEIVED", "2025-01-02T00:00:00Z"),
  fc.constantFrom([], {}, ["a"], { a: 1 }, new Date(0)),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.constant("x".repeat(20_000)),
);

/** Ways to break an event: drop a key, retype a value, add a key, break an id's pattern, decompose a string (NFD)… */
type Mutation = (e: Obj) => void;
const keyOf = (e: Obj) => fc.constantFrom(...Object.keys(e));
const setOwn = (o: Obj, key: string, value: unknown) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

const mutation = (e: Obj): fc.Arbitrary<Mutation> =>
  fc.oneof(
    keyOf(e).map((k) => (o: Obj) => void delete o[k]),
    fc.tuple(keyOf(e), oddValue).map(([k, v]) => (o: Obj) => void (o[k] = v)),
    fc
      .tuple(fc.constantFrom("__proto__", "constructor", "toString", "extra", "eventid", "", "flags "), oddValue)
      .map(([k, v]) => (o: Obj) => void setOwn(o, k, v)),
    fc
      .tuple(fc.constantFrom("eventId", "caseId", "unitId", "procedureCode", "targetUnitId", "field"), fc.constantFrom(...BAD_CHARS), fc.nat())
      .map(([k, bad, at]) => (o: Obj) => {
        if (typeof o[k] !== "string") return;
        const s = o[k] as string;
        const i = at % (s.length + 1);
        o[k] = s.slice(0, i) + bad + s.slice(i);
      }),
    fc.constantFrom(...Object.keys(e)).map((k) => (o: Obj) => {
      if (typeof o[k] === "string") o[k] = (o[k] as string).normalize("NFD");
    }),
    // inside the nested objects: an unknown flag, a flag of the wrong type, a score out of range
    fc
      .tuple(fc.constantFrom("flags", "rating", "applicant"), fc.constantFrom(...FLAG_KEYS, "satisfied", "progress", "idNumber", "kind", "unknown"), oddValue)
      .map(([k, inner, v]) => (o: Obj) => {
        if (o[k] !== null && typeof o[k] === "object") o[k] = { ...(o[k] as Obj), [inner]: v };
      }),
  );

const mutated = validEvent.chain((e) =>
  fc.array(mutation(e), { minLength: 1, maxLength: 3 }).map((ms) => {
    const o: Obj = structuredClone(e);
    for (const m of ms) m(o);
    return o;
  }),
);

/** Inputs that are not events at all. */
const notAnEvent = fc.oneof(
  oddValue,
  validEvent.map((e) => [e]),
  validEvent.map((e) => JSON.stringify(e)),
);

const corpus = fc.oneof(
  { weight: 4, arbitrary: validEvent },
  // the same events without a prototype (zod reads any non-array object)
  { weight: 1, arbitrary: validEvent.map((e) => Object.assign(Object.create(null) as Obj, e)) },
  { weight: 3, arbitrary: looseEvent },
  { weight: 5, arbitrary: mutated },
  { weight: 1, arbitrary: notAnEvent },
);

// ------------------------------------------------------------------ the properties

describe("compiled case-event validator ≡ zod (caseEventSchema)", () => {
  it("accepts exactly what zod accepts, with the same output and the same errors", () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(corpus, (input) => {
        const before = layout(input);
        const zod = validate(caseEventSchema, input);
        const fast = acceptCaseEvent(toNfc(input));
        expect(fast !== NOT_ACCEPTED).toBe(zod.ok);
        if (zod.ok) {
          accepted++;
          expect(fast).toStrictEqual(zod.value);
          expect(layout(fast)).toEqual(layout(zod.value));
        } else rejected++;
        const both = validateCaseEvent(input);
        expect(both).toStrictEqual(zod);
        expect(layout(both)).toEqual(layout(zod));
        expect(layout(input)).toEqual(before); // neither path changes its input
      }),
      { numRuns: 3_000 },
    );
    // The corpus reaches both answers in earnest (a property that only ever sees one of them proves nothing).
    expect(accepted).toBeGreaterThan(1_000);
    expect(rejected).toBeGreaterThan(1_000);
  }, 120_000);

  it("refuses each kind of defect zod refuses (examples)", () => {
    const ok = { eventId: "e-1", caseId: "c/1", type: "RESOLVED", occurredAt: "2025-01-02T13:30:00+07:00", unitId: "DEPT-A" };
    expect(acceptCaseEvent(ok)).toEqual(ok);
    const bad: Obj[] = [
      { ...ok, eventId: "e 1" },
      { ...ok, eventId: "e".repeat(129) },
      { ...ok, occurredAt: "2025-02-30T13:30:00+07:00" },
      { ...ok, occurredAt: "2101-01-01T00:00:00Z" },
      { ...ok, occurredAt: "2025-01-02T13:30:00" },
      { ...ok, type: "CLOSED" },
      { ...ok, extra: 1 },
      { ...ok, flags: { onlinePayment: "yes" } },
      { ...ok, flags: { unknown: true } },
      { ...ok, rating: { satisfied: true } },
      { ...ok, type: "RECEIVED" },
      { ...ok, reasonCode: "OTHER" },
      { ...ok, type: "REFUSED", reasonCode: "UNSPECIFIED" },
      JSON.parse(`{"eventId":"e","caseId":"c","type":"RESOLVED","occurredAt":"2025-01-02T13:30:00Z","unitId":"U","__proto__":{}}`) as Obj,
    ];
    for (const b of bad) {
      expect(validate(caseEventSchema, b).ok).toBe(false);
      expect(acceptCaseEvent(b)).toBe(NOT_ACCEPTED);
    }
    const { unitId: _, ...noUnit } = ok;
    expect(acceptCaseEvent(noUnit)).toBe(NOT_ACCEPTED);
  });

  it("keeps an optional key sent as undefined, drops an absent one, as zod does", () => {
    const ok = { eventId: "e-1", caseId: "c", type: "RESOLVED", occurredAt: "2025-01-02T13:30:00Z", unitId: "U", dueAt: undefined };
    const fast = acceptCaseEvent(ok);
    expect(fast).not.toBe(NOT_ACCEPTED);
    expect(Object.keys(fast as Obj)).toEqual(Object.keys((validate(caseEventSchema, ok) as { value: Obj }).value));
    expect(Object.keys(fast as Obj)).toContain("dueAt");
  });
});

describe("compileAcceptor on shapes the case event does not use (zod runs them itself)", () => {
  const schemas = {
    transform: z.strictObject({ a: z.string().transform((s) => s.length), b: z.number().int().min(0).optional() }),
    preprocess: z.object({ s: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(2)) }),
    defaults: z.object({ n: z.number().default(3), tags: z.array(z.string()).optional() }),
    loose: z.looseObject({ a: z.string() }),
    union: z.object({ u: z.union([z.string().regex(/^x+$/), z.boolean()]) }),
    overwrite: z.object({ s: z.string().trim().toLowerCase().max(3) }),
  };
  const inputs = fc.oneof(
    fc.record({ a: fc.oneof(fc.string(), fc.integer()), b: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.double()) }, { requiredKeys: [] }),
    fc.record({ s: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("  ab ", " A ", "ABCD", " x")) }, { requiredKeys: [] }),
    fc.record({ n: fc.oneof(fc.integer(), fc.constant(undefined)), tags: fc.oneof(fc.array(fc.string()), fc.constant([1])) }, { requiredKeys: [] }),
    fc.record({ u: fc.oneof(fc.constantFrom("x", "xx", "y", ""), fc.boolean(), fc.integer()), extra: fc.integer() }, { requiredKeys: ["u"] }),
  );
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}: same acceptance, same output`, () => {
      const accept = compileAcceptor(schema);
      fc.assert(
        fc.property(inputs, (input) => {
          const r = schema.safeParse(input);
          const fast = accept(input);
          expect(fast !== NOT_ACCEPTED).toBe(r.success);
          if (r.success) expect(layout(fast)).toEqual(layout(r.data));
        }),
        { numRuns: 500 },
      );
    });
  }
});
