/**
 * The plain-form reader (src/contracts/iso-instant.ts) and the schema's real-date check built on it
 * (isRealInstant, case-event.ts) answer as Date does: the check is held to its first
 * implementation, kept here verbatim, on instant-shaped strings in and out of range and on any string.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isRealInstant } from "../src/contracts/case-event.js";
import { instantMs, plainInstantMs } from "../src/contracts/iso-instant.js";

/** isRealInstant before it read the plain form itself, verbatim. */
function oracle(s: string): boolean {
  const t = Date.parse(s);
  if (Number.isNaN(t)) return false;
  const [y, m, d] = s.slice(0, 10).split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return y >= 2000 && y <= 2100 && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const instantLike = fc
  .record({
    y: fc.oneof(fc.integer({ min: 1998, max: 2102 }), fc.constantFrom(0, 99, 100, 1900, 2000, 2100, 2400, 9999)),
    mo: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    h: fc.integer({ min: 0, max: 25 }),
    mi: fc.integer({ min: 0, max: 60 }),
    s: fc.integer({ min: 0, max: 60 }),
    frac: fc.oneof(fc.constant(""), fc.stringMatching(/^\.\d{0,11}$/)),
    off: fc.oneof(
      fc.constantFrom("Z", "z", "", "+0700", "+07", " Z", "Zx"),
      fc.tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([sg, oh, om]) => `${sg}${pad(oh)}:${pad(om)}`),
    ),
    sep: fc.constantFrom("T", "T", "T", "t", " ", "-"),
  })
  .map(({ y, mo, d, h, mi, s, frac, off, sep }) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}${sep}${pad(h)}:${pad(mi)}:${pad(s)}${frac}${off}`);

describe("plain-form instants ≡ Date", () => {
  it("plainInstantMs is Date.parse where it answers; instantMs everywhere", () => {
    let plain = 0;
    fc.assert(
      fc.property(fc.oneof(instantLike, fc.string({ maxLength: 30 })), (s) => {
        const t = plainInstantMs(s);
        if (!Number.isNaN(t)) {
          plain++;
          expect(t).toBe(Date.parse(s));
        }
        expect(instantMs(s)).toBe(Date.parse(s));
      }),
      { numRuns: 20_000 },
    );
    expect(plain).toBeGreaterThan(1_000);
  });

  it("isRealInstant answers as its first implementation", () => {
    let real = 0;
    fc.assert(
      fc.property(fc.oneof(instantLike, fc.string({ maxLength: 30 })), (s) => {
        const expected = oracle(s);
        if (expected) real++;
        expect(isRealInstant(s)).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
    expect(real).toBeGreaterThan(1_000);
  });

  it("hand-picked days", () => {
    expect(isRealInstant("2024-02-29T00:00:00Z")).toBe(true);
    expect(isRealInstant("2100-02-29T00:00:00Z")).toBe(false); // 2100 is not a leap year
    expect(isRealInstant("2000-02-29T23:59:59.999+07:00")).toBe(true); // 2000 is
    expect(isRealInstant("2025-04-31T09:00:00+07:00")).toBe(false);
    expect(isRealInstant("2101-01-01T00:00:00Z")).toBe(false);
  });
});
