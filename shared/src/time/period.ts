/**
 * Reporting periods (month, quarter, half-year, year) cut at midnight Asia/Ho_Chi_Minh.
 *
 * Viet Nam has kept UTC+7 without daylight saving since 1975, so the offset is a constant
 * (docs/adr/0003-fixed-utc7-offset.md). An event at 2024-06-30T23:30+07:00 belongs to H1.
 */

export type PeriodKind = "MONTH" | "QUARTER" | "HALF" | "YEAR";

export interface Period {
  /** `2024-03`, `2024-Q1`, `2024-H1` or `2024`. */
  readonly id: string;
  readonly kind: PeriodKind;
  readonly year: number;
  /** First local date in the period, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Last local date in the period (inclusive), `YYYY-MM-DD`. */
  readonly endDate: string;
  /** The UTC instant at which the period starts (local midnight), ISO `...Z`. */
  readonly start: string;
  /** The UTC instant at which the next period starts (exclusive end), ISO `...Z`. */
  readonly end: string;
}

export const VN_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;

const PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-H([12]))?$/;

export class InvalidPeriodError extends Error {
  override readonly name = "InvalidPeriodError";
  constructor(readonly input: string) {
    super(`invalid period "${input}": use 2024-03 (month), 2024-Q1, 2024-H1 or 2024 (year)`);
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** UTC instant (ISO) of local midnight at the start of a local date. */
export function localMidnightUtc(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - OFFSET_MS).toISOString();
}

/** The local (UTC+7) calendar date of an instant, `YYYY-MM-DD`. */
export function localDateOf(instant: string | Date): string {
  const t = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(t)) throw new RangeError(`not an instant: ${String(instant)}`);
  return new Date(t + OFFSET_MS).toISOString().slice(0, 10);
}

function build(id: string, kind: PeriodKind, year: number, firstMonth: number, lastMonth: number): Period {
  const startDate = ymd(year, firstMonth, 1);
  const endDate = ymd(year, lastMonth, daysInMonth(year, lastMonth));
  const next = lastMonth === 12 ? ymd(year + 1, 1, 1) : ymd(year, lastMonth + 1, 1);
  return { id, kind, year, startDate, endDate, start: localMidnightUtc(startDate), end: localMidnightUtc(next) };
}

/**
 * Parse a period id.
 * @example parsePeriod("2024-H1").end === "2024-06-30T17:00:00.000Z"
 */
export function parsePeriod(id: string): Period {
  const m = PATTERN.exec(id);
  if (!m) throw new InvalidPeriodError(id);
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) throw new InvalidPeriodError(id);
  if (m[2]) {
    const month = Number(m[2]);
    return build(id, "MONTH", year, month, month);
  }
  if (m[3]) {
    const q = Number(m[3]);
    return build(id, "QUARTER", year, 3 * q - 2, 3 * q);
  }
  if (m[4]) {
    const h = Number(m[4]);
    return build(id, "HALF", year, 6 * h - 5, 6 * h);
  }
  return build(id, "YEAR", year, 1, 12);
}

export function isPeriodId(id: string): boolean {
  try {
    parsePeriod(id);
    return true;
  } catch {
    return false;
  }
}

/** Does the instant fall inside the period (start inclusive, end exclusive)? */
export function periodContains(period: Period, instant: string): boolean {
  const t = Date.parse(instant);
  return t >= Date.parse(period.start) && t < Date.parse(period.end);
}

/** The period of the same kind just before this one (for "movement against the previous period"). */
export function previousPeriod(period: Period): Period {
  const { year, kind, id } = period;
  switch (kind) {
    case "YEAR":
      return parsePeriod(String(year - 1));
    case "HALF":
      return parsePeriod(id.endsWith("H1") ? `${year - 1}-H2` : `${year}-H1`);
    case "QUARTER": {
      const q = Number(id.slice(-1));
      return parsePeriod(q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`);
    }
    case "MONTH": {
      const mo = Number(id.slice(5, 7));
      return parsePeriod(mo === 1 ? `${year - 1}-12` : `${year}-${pad(mo - 1)}`);
    }
  }
}

/**
 * The longest period that ends when `period` ends: the year for December, the first half for
 * June, the quarter for March and September, else the month itself. A dossier's status depends on
 * the period's end only, so the periods sharing an end share their verdicts (one drill-down per end).
 */
export function longestPeriodEndingWith(period: Period): Period {
  const month = Number(period.endDate.slice(5, 7));
  const y = period.year;
  if (month === 12) return parsePeriod(String(y));
  if (month === 6) return parsePeriod(`${y}-H1`);
  if (month % 3 === 0) return parsePeriod(`${y}-Q${month / 3}`);
  return parsePeriod(`${y}-${pad(month)}`);
}

/** All periods of every kind inside a year, in display order: months, quarters, halves, year. */
export function periodsOfYear(year: number): Period[] {
  const ids = [
    ...Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`),
    ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`),
    `${year}-H1`,
    `${year}-H2`,
    String(year),
  ];
  return ids.map(parsePeriod);
}
