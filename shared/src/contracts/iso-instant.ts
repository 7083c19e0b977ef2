/**
 * The plain form of the contract's instants, read without Date's string parser (`Date.parse` of
 * an ISO string costs ~0.3 µs; the bulk import and the schema's real-date check read each
 * instant several times): `YYYY-MM-DDTHH:MM:SS[.f to .fffffffff](Z|±HH:MM)` with a month of 1–12,
 * a day of 1–31, hours up to 23, minutes and seconds up to 59, an offset up to 23:59. Date.parse
 * reads every such string, as Date.UTC computes it (30 February rolled over to March alike; the
 * first three digits of a fraction kept); fast-check holds the two equal
 * (functions/test/instant.property.test.ts). Other spellings are for Date.parse.
 */

const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
};
const two = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);

/** Milliseconds since the epoch of a plain-form instant (as Date.parse reads it); NaN for any other string. */
export function plainInstantMs(iso: string): number {
  const n = iso.length;
  if (n < 20 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45 || iso.charCodeAt(10) !== 84 || iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58) return Number.NaN;
  const y = two(iso, 0) * 100 + two(iso, 2);
  const mo = two(iso, 5);
  const d = two(iso, 8);
  const h = two(iso, 11);
  const mi = two(iso, 14);
  const s = two(iso, 17);
  // NaN fails every comparison: a non-digit is not the plain form.
  if (!(y >= 100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 59)) return Number.NaN;
  let i = 19;
  let ms = 0;
  if (iso.charCodeAt(i) === 46) {
    // Date keeps the first three digits of a fraction of up to nine (longer ones it reads otherwise).
    const start = ++i;
    while (i < n && digit(iso, i) >= 0) i++;
    if (i === start || i - start > 9) return Number.NaN;
    for (let k = 0; k < 3; k++) ms = ms * 10 + (start + k < i ? digit(iso, start + k) : 0);
  }
  let offsetMin = 0;
  const c = iso.charCodeAt(i);
  if (c === 90 && i + 1 === n) {
    // Z
  } else if ((c === 43 || c === 45) && i + 6 === n && iso.charCodeAt(i + 3) === 58) {
    const oh = two(iso, i + 1);
    const om = two(iso, i + 4);
    if (!(oh <= 23 && om <= 59)) return Number.NaN;
    offsetMin = (c === 43 ? 1 : -1) * (oh * 60 + om);
  } else return Number.NaN;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000;
}

/** Milliseconds since the epoch, exactly as `Date.parse(iso)` answers. */
export function instantMs(iso: string): number {
  const t = plainInstantMs(iso);
  return Number.isNaN(t) ? Date.parse(iso) : t;
}
