/**
 * Holidays as data (issue 24, item 4; docs/adr/0022-rules-as-data.md): Home Affairs records one
 * year's holidays, compensatory days off and make-up working Saturdays; the compiled calendar
 * (../data/calendar.data.ts) is the initial version and a stored year replaces the compiled one.
 * Pure: the checks and the composition the store's readers and the scoring run share.
 */
import type { CalendarDay } from "../data/records.js";

export const CALENDAR_DAY_KINDS = ["HOLIDAY", "COMPENSATORY_DAY_OFF", "MAKEUP_WORKDAY"] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** A refusal of a rule change, naming the field (`days[3].date`) and the reason. */
export interface RuleError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

const isDate = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
const dayOfWeek = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
const isWeekend = (d: string) => dayOfWeek(d) === 0 || dayOfWeek(d) === 6;

/** Years the calendar covers: [first, last]. */
export function coveredYears(days: readonly CalendarDay[]): { readonly first: number; readonly last: number } {
  const years = days.map((d) => Number(d.date.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
}

/**
 * Why a year's list cannot be recorded (empty: it can). The year must extend the calendar without a
 * gap (a year missing in between would count every weekday of it as working); every date is a real
 * date of that year and appears once (a day is a holiday or a working day, never both); a make-up
 * working day is a Saturday or Sunday (a weekday is worked anyway) and a compensatory day off a
 * weekday (on a weekend it changes nothing); the year has at least one holiday.
 * @example holidayYearErrors(2028, [], { first: 2022, last: 2027 })[0].code === "NO_HOLIDAY"
 */
export function holidayYearErrors(year: number, days: readonly CalendarDay[], covered: { readonly first: number; readonly last: number }): RuleError[] {
  const errors: RuleError[] = [];
  if (!Number.isInteger(year) || year < covered.first || year > covered.last + 1) {
    errors.push({ field: "year", code: "YEAR_NOT_CONTIGUOUS", message: `a year from ${covered.first} to ${covered.last + 1}: the calendar covers ${covered.first}–${covered.last} and a year is added after its last one` });
    return errors;
  }
  const seen = new Map<string, number>();
  days.forEach((d, i) => {
    const at = `days[${i}]`;
    if (!isDate(d.date)) {
      errors.push({ field: `${at}.date`, code: "INVALID_DATE", message: `${d.date} is not a date YYYY-MM-DD` });
      return;
    }
    if (Number(d.date.slice(0, 4)) !== year) errors.push({ field: `${at}.date`, code: "OUTSIDE_YEAR", message: `${d.date} is not in ${year}` });
    const first = seen.get(d.date);
    if (first !== undefined) errors.push({ field: `${at}.date`, code: "DUPLICATE_DATE", message: `${d.date} is already listed at days[${first}]: a day is either off or worked, once` });
    else seen.set(d.date, i);
    if (!(CALENDAR_DAY_KINDS as readonly string[]).includes(d.kind)) errors.push({ field: `${at}.kind`, code: "INVALID_KIND", message: `one of ${CALENDAR_DAY_KINDS.join(", ")}` });
    else if (d.kind === "MAKEUP_WORKDAY" && !isWeekend(d.date)) errors.push({ field: `${at}.kind`, code: "MAKEUP_ON_WEEKDAY", message: `${d.date} is a weekday: a make-up working day is a Saturday or Sunday` });
    else if (d.kind === "COMPENSATORY_DAY_OFF" && isWeekend(d.date)) errors.push({ field: `${at}.kind`, code: "COMPENSATORY_ON_WEEKEND", message: `${d.date} is a Saturday or Sunday: a compensatory day off is a weekday` });
    if (d.nameVi.trim() === "") errors.push({ field: `${at}.nameVi`, code: "REQUIRED", message: "the Vietnamese name" });
    if (d.nameEn.trim() === "") errors.push({ field: `${at}.nameEn`, code: "REQUIRED", message: "the English name" });
  });
  if (!days.some((d) => d.kind === "HOLIDAY")) errors.push({ field: "days", code: "NO_HOLIDAY", message: `${year} lists no public holiday (Tết Dương lịch at least)` });
  return errors;
}

/**
 * The calendar in force: the compiled days with each stored year replacing that year whole, in date
 * order (what WorkingCalendar and dim_calendar are built from).
 */
export function composeCalendarDays(base: readonly CalendarDay[], years: Readonly<Record<string, readonly CalendarDay[]>>): CalendarDay[] {
  const replaced = new Set(Object.keys(years));
  const out = [...base.filter((d) => !replaced.has(d.date.slice(0, 4))), ...Object.values(years).flat()];
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
