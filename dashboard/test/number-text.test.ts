/**
 * The hand-written number and date text (number-text.ts) is Intl's text, character for character,
 * for vi-VN and en-GB and every option shape the dashboard uses: compared with Intl over random
 * doubles, the ICU rounding cases, and instants across the years.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type NumberTextOptions, numberText, vietnamDateText, vietnamDateTimeText } from "../src/lib/number-text.js";

const LOCALES = { vi: "vi-VN", en: "en-GB" } as const;
const LANGS = ["vi", "en"] as const;
/** What format.ts, measure.ts and labels.ts ask for. */
const SHAPES: readonly NumberTextOptions[] = [
  { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  { maximumFractionDigits: 2 },
  { maximumFractionDigits: 0 },
  { maximumFractionDigits: 4 },
  { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 },
  { style: "percent", minimumFractionDigits: 0, maximumFractionDigits: 0 },
  { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  { minimumFractionDigits: 0, maximumFractionDigits: 0 },
];
const intl = (x: number, lang: (typeof LANGS)[number], o: NumberTextOptions) => new Intl.NumberFormat(LOCALES[lang], o).format(x);

describe("numberText: Intl's text without Intl", () => {
  it("matches Intl on the cases where rounding the double and rounding its shortest decimal differ", () => {
    const xs = [0, -0, 1.005, 2.675, 1.125, -1.125, 0.285, 0.145, -0.0004, 0.0005, 99.995, 999.995, 0.9995, 1234567.125, 1e21, 1.5e-7, 123456789012.345, -5, -0.4, 0.5, 1.5, 2.5, 12345.5];
    for (const lang of LANGS) for (const o of SHAPES) for (const x of xs) expect(numberText(x, lang, o), `${x} ${lang} ${JSON.stringify(o)}`).toBe(intl(x, lang, o));
  });

  it("matches Intl on random doubles (scores, ratios, counts, large and tiny values)", () => {
    const value = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
      fc.integer({ min: 0, max: 100000 }).map((n) => n / 200),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(value, fc.constantFrom(...LANGS), fc.constantFrom(...SHAPES), (x, lang, o) => {
        expect(numberText(x, lang, o)).toBe(intl(x, lang, o));
      }),
      { numRuns: 20_000 },
    );
  });

  it("leaves what is not a finite number to Intl", () => {
    for (const x of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) expect(numberText(x, "vi", { maximumFractionDigits: 2 })).toBe(intl(x, "vi", { maximumFractionDigits: 2 }));
  });
});

describe("vietnamDateText / vietnamDateTimeText: Vietnam time as Intl writes it", () => {
  const formats = (lang: "vi" | "en") => ({
    dateTime: new Intl.DateTimeFormat(LOCALES[lang], { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" }),
    date: new Intl.DateTimeFormat(LOCALES[lang], { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }),
  });
  const INTL = { vi: formats("vi"), en: formats("en") };

  it("matches Intl from 1976 to 2100, around midnight and noon in Vietnam", () => {
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(1976, 0, 1), max: Date.UTC(2100, 0, 1) }),
      fc.tuple(fc.integer({ min: 0, max: 60 * 365 }), fc.integer({ min: -2, max: 2 })).map(([d, m]) => Date.UTC(2000, 0, 1) + d * 86_400_000 - 7 * 3_600_000 + m * 60_000),
    );
    fc.assert(
      fc.property(instant, fc.constantFrom(...LANGS), (ms, lang) => {
        expect(vietnamDateTimeText(ms, lang)).toBe(INTL[lang].dateTime.format(ms));
        expect(vietnamDateText(ms)).toBe(INTL[lang].date.format(ms));
      }),
      { numRuns: 5_000 },
    );
  });

  it("writes the day Vietnam is in: 30 June 2024 17:00 UTC is 1 July in Vietnam", () => {
    expect(vietnamDateTimeText(Date.parse("2024-06-30T17:00:00Z"), "vi")).toBe("00:00 01/07/2024");
    expect(vietnamDateTimeText(Date.parse("2024-06-30T16:59:59Z"), "en")).toBe("30/06/2024, 23:59");
  });
});
