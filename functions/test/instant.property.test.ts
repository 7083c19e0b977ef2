/** instantMs (src/use-cases/ingest/instant.ts) answers what Date.parse answers, on the contract's forms and around them. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDateOf } from "@scorecard/shared";
import { instantMs, isoOf, localDayOf, utcIso } from "../src/use-cases/ingest/instant.js";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
/** Instant-shaped strings, each part drawn in and out of range: days 0–32, hour 24, offsets ±24:60, fractions of 0–10 digits, stray characters. */
const instantLike = fc
  .record({
    y: fc.oneof(fc.integer({ min: 1999, max: 2101 }), fc.constantFrom(0, 99, 100, 275760, 9999)),
    mo: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    h: fc.integer({ min: 0, max: 25 }),
    mi: fc.integer({ min: 0, max: 60 }),
    s: fc.integer({ min: 0, max: 60 }),
    frac: fc.oneof(fc.constant(""), fc.stringMatching(/^\.\d{0,10}$/)),
    off: fc.oneof(
      fc.constantFrom("Z", "z", "", "+0700", "+07", " Z", "Zx"),
      fc.tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([sg, oh, om]) => `${sg}${pad(oh)}:${pad(om)}`),
    ),
    sep: fc.constantFrom("T", "T", "T", "t", " "),
  })
  .map(({ y, mo, d, h, mi, s, frac, off, sep }) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}${sep}${pad(h)}:${pad(mi)}:${pad(s)}${frac}${off}`);

/** Real instants written with an offset, as sources send them. */
const sent = fc
  .tuple(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 11, 31) }), fc.constantFrom("Z", "+07:00", "-05:30", "+14:00", "-12:00"), fc.constantFrom("", ".1", ".12", ".123", ".123456"))
  .map(([t, off, frac]) => {
    const minutes = off === "Z" ? 0 : (off.startsWith("-") ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4)));
    return `${new Date(t + minutes * 60_000).toISOString().slice(0, 19)}${frac}${off}`;
  });

describe("instantMs ≡ Date.parse", () => {
  it("on instant-shaped strings in and out of range", () => {
    fc.assert(
      fc.property(instantLike, (s) => {
        expect(instantMs(s)).toBe(Date.parse(s));
      }),
      { numRuns: 20_000 },
    );
  });
  it("on real instants as sources write them, and their UTC form", () => {
    fc.assert(
      fc.property(sent, (s) => {
        expect(instantMs(s)).toBe(Date.parse(s));
        expect(utcIso(s)).toBe(new Date(s).toISOString());
      }),
      { numRuns: 5_000 },
    );
  });
  it("on any string", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        expect(instantMs(s)).toBe(Date.parse(s));
      }),
    );
  });
  it("isoOf writes what toISOString writes", () => {
    const ms = fc.oneof(
      fc.integer({ min: Date.UTC(1999, 0, 1), max: Date.UTC(2101, 0, 1) }),
      fc.integer({ min: -1000, max: Date.UTC(10000, 0, 2) }),
      fc.constantFrom(0, Date.UTC(2000, 1, 29), Date.UTC(2100, 1, 28, 23, 59, 59, 999), Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1)),
      fc.double({ min: 0, max: 4e12, noNaN: true }),
    );
    fc.assert(
      fc.property(ms, (t) => {
        expect(isoOf(t)).toBe(new Date(t).toISOString());
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1999, 0, 1), max: Date.UTC(2101, 0, 1) }), (t) => {
        expect(localDayOf(t)).toBe(localDateOf(new Date(t)));
      }),
    );
    expect(() => isoOf(Number.NaN)).toThrow(RangeError); // as toISOString: an invalid instant is an error, not text
  });

  it("examples computed by hand", () => {
    expect(instantMs("2025-01-02T13:30:00+07:00")).toBe(Date.UTC(2025, 0, 2, 6, 30));
    expect(instantMs("2025-01-02T13:30:00.123456789Z")).toBe(Date.UTC(2025, 0, 2, 13, 30, 0, 123));
    expect(instantMs("2000-01-01T00:00:00.5-00:30")).toBe(Date.UTC(2000, 0, 1, 0, 30, 0, 500));
  });
});
