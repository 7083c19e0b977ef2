/**
 * Instants of the bulk import without Date's parser and formatter: read with `instantMs`
 * (shared/src/contracts/iso-instant.ts), written with `isoOf` — Date.parse and toISOString cost
 * 0.3 and 0.5–0.9 µs, and the import read and wrote each instant several times. Fast-check holds
 * both to Date (functions/test/instant.property.test.ts).
 */
import { VN_OFFSET_MINUTES } from "@scorecard/shared";
import { instantMs } from "@scorecard/shared/contracts/iso-instant";

export { instantMs };

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
