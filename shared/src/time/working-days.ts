/**
 * The civil-service working-day calendar: weekends and public holidays off, compensatory days
 * off, make-up Saturdays worked (shared/data/README: a day is a non-working day if it is a
 * Saturday/Sunday or has a HOLIDAY/COMPENSATORY_DAY_OFF row, unless it has a MAKEUP_WORKDAY row).
 */
import { VN_CALENDAR_DAYS } from "../data/calendar.data.js";
import type { CalendarDay } from "../data/records.js";
import { localDateOf } from "./period.js";

export type { CalendarDay } from "../data/records.js";

const DAY_MS = 86_400_000;
const toUtcDay = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtcDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export class WorkingCalendar {
  private readonly off = new Set<string>();
  private readonly makeup = new Set<string>();
  /** First and last year the holiday data covers; arithmetic outside it is refused. */
  readonly firstYear: number;
  readonly lastYear: number;

  constructor(days: readonly CalendarDay[] = VN_CALENDAR_DAYS) {
    for (const d of days) {
      if (d.kind === "MAKEUP_WORKDAY") this.makeup.add(d.date);
      else if (d.kind === "HOLIDAY" || d.kind === "COMPENSATORY_DAY_OFF") this.off.add(d.date);
    }
    const years = days.map((d) => Number(d.date.slice(0, 4)));
    this.firstYear = Math.min(...years);
    this.lastYear = Math.max(...years);
  }

  private covered(date: string): void {
    const y = Number(date.slice(0, 4));
    if (!(y >= this.firstYear && y <= this.lastYear)) {
      throw new RangeError(`date ${date} is outside the holiday calendar (${this.firstYear}–${this.lastYear})`);
    }
  }

  /** Is this local date a working day for state bodies? */
  isWorkingDay(date: string): boolean {
    this.covered(date);
    if (this.makeup.has(date)) return true;
    if (this.off.has(date)) return false;
    const dow = new Date(toUtcDay(date)).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /**
   * The local date `n` working days after `date` (n ≥ 0; n = 0 returns the date itself if it is a
   * working day, else the next working day).
   * @example new WorkingCalendar().addWorkingDays("2024-02-07", 1) === "2024-02-15" // Tết 2024
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`);
    let t = toUtcDay(date);
    while (!this.isWorkingDay(fromUtcDay(t))) t += DAY_MS;
    for (let left = n; left > 0; ) {
      t += DAY_MS;
      if (this.isWorkingDay(fromUtcDay(t))) left--;
    }
    return fromUtcDay(t);
  }

  /**
   * Working days strictly after `from` up to and including `to` (0 when to ≤ from).
   * This is the number of working days by which `to` overruns a due date `from`.
   */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let t = toUtcDay(from) + DAY_MS; t <= toUtcDay(to); t += DAY_MS) {
      if (this.isWorkingDay(fromUtcDay(t))) count++;
    }
    return count;
  }
}

/** Local time of day (UTC+7) at which a legal due date ends: the close of office hours. */
export const DUE_TIME_OF_DAY = "17:00";

/**
 * The legal due date of something received at `receivedAt` with a limit of `n` working days:
 * counting starts on the working day after receipt (a receipt on a non-working day counts as
 * received on the next working day), so the due date is the `n`-th working day after that.
 * Returned as the UTC instant of the close of office hours (17:00 local) on that date.
 * @example legalDueAt("2024-02-07T09:00:00+07:00", 1, cal) === "2024-02-15T10:00:00.000Z" // Tết 2024
 */
export function legalDueAt(receivedAt: string, n: number, calendar: WorkingCalendar): string {
  const date = calendar.addWorkingDays(localDateOf(receivedAt), n);
  return new Date(Date.parse(`${date}T${DUE_TIME_OF_DAY}:00+07:00`)).toISOString();
}

/** The local due date (`YYYY-MM-DD`) for `n` working days after receipt; see {@link legalDueAt}. */
export function legalDueDate(receivedAt: string, n: number, calendar: WorkingCalendar): string {
  return calendar.addWorkingDays(localDateOf(receivedAt), n);
}
