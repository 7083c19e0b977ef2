/**
 * Instants of the case-event contract read without Date's string parser: `Date.parse` of an ISO
 * string with an offset costs ~0.3–0.5 µs, and the import read each instant three or four times
 * (the clock-skew check, the local day, the UTC form). The usual form —
 * `YYYY-MM-DDTHH:MM:SS[.f to .fffffffff](Z|±HH:MM)` — is computed with `Date.UTC` (which rolls
 * 30 February over to March as Date.parse does); anything else goes to `Date.parse`. A
 * fast-check test holds the two equal (functions/test/instant.property.test.ts).
 */
import { VN_OFFSET_MINUTES } from "@scorecard/shared";

const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
};
const two = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);

/** Milliseconds since the epoch, exactly as `Date.parse(iso)` answers (NaN when it does not read it). */
export function instantMs(iso: string): number {
  const n = iso.length;
  if (n < 20 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45 || iso.charCodeAt(10) !== 84 || iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58) return Date.parse(iso);
  const y = two(iso, 0) * 100 + two(iso, 2);
  const mo = two(iso, 5);
  const d = two(iso, 8);
  const h = two(iso, 11);
  const mi = two(iso, 14);
  const s = two(iso, 17);
  // NaN fails every comparison below: a non-digit takes Date.parse's path.
  if (!(y >= 100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 59)) return Date.parse(iso);
  let i = 19;
  let ms = 0;
  if (iso.charCodeAt(i) === 46) {
    // Date keeps the first three digits of a fraction of up to nine and drops the rest (longer
    // fractions it reads otherwise: Date.parse's path).
    const start = ++i;
    while (i < n && digit(iso, i) >= 0) i++;
    if (i === start || i - start > 9) return Date.parse(iso);
    for (let k = 0; k < 3; k++) ms = ms * 10 + (start + k < i ? digit(iso, start + k) : 0);
  }
  let offsetMin = 0;
  const c = iso.charCodeAt(i);
  if (c === 90 && i + 1 === n) {
    // Z
  } else if ((c === 43 || c === 45) && i + 6 === n && iso.charCodeAt(i + 3) === 58) {
    const oh = two(iso, i + 1);
    const om = two(iso, i + 4);
    if (!(oh <= 23 && om <= 59)) return Date.parse(iso);
    offsetMin = (c === 43 ? 1 : -1) * (oh * 60 + om);
  } else return Date.parse(iso);
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000;
}

const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));
const DAY_MS = 86_400_000;
/** 1970-01-01 to 9999-12-31: four-digit years, the range written here; Date writes the others. */
const LAST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * `new Date(ms).toISOString()`, written without Date (V8's costs ~0.5 µs: more than parsing):
 * the civil date of a day count (H. Hinnant's `civil_from_days`), then the time of day.
 */
export function isoOf(ms: number): string {
  if (!(ms >= 0 && ms <= LAST_MS && Number.isInteger(ms))) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const sec = Math.floor(rest / 1000);
  return `${y}-${TWO[m]}-${TWO[d]}T${TWO[h]}:${TWO[mi]}:${TWO[sec]}.${THREE[rest - sec * 1000]}Z`;
}

/** The day in Vietnam of an instant, as `localDateOf` (shared/src/time/period.ts) reads it. */
export const localDayOf = (ms: number): string => isoOf(ms + VN_OFFSET_MINUTES * 60_000).slice(0, 10);

/** The instant in UTC, as `new Date(iso).toISOString()` writes it. */
export const utcIso = (iso: string): string => isoOf(instantMs(iso));
