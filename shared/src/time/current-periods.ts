/**
 * Which periods a scheduled scoring run recomputes (the local scheduler and the cloud job alike).
 * Dates are local (Asia/Ho_Chi_Minh, docs/adr/0003-fixed-utc7-offset.md).
 */
import { localDateOf } from "./period.js";

const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The month, quarter, half-year and year that contain a local date, in that order.
 * @example currentPeriodIds("2024-08-15") // ["2024-08", "2024-Q3", "2024-H2", "2024"]
 */
export function currentPeriodIds(localDate: string): string[] {
  const m = DATE.exec(localDate);
  if (!m) throw new RangeError(`not a local date (YYYY-MM-DD): ${localDate}`);
  const y = m[1] as string;
  const month = Number(m[2]);
  return [`${y}-${m[2]}`, `${y}-Q${Math.ceil(month / 3)}`, `${y}-H${month <= 6 ? 1 : 2}`, y];
}

const DAY_MS = 86_400_000;

/**
 * The periods a scheduled run scores at `now`: those of today and of yesterday (local time), today's
 * first. A run shortly after midnight on the 1st thus still finishes the month (quarter, ...) that
 * just ended with the events that arrived late on its last day; on other days both lists are the same.
 * @example scheduledPeriodIds(new Date("2024-07-01T01:45:00+07:00")) // ["2024-07", "2024-Q3", "2024-H2", "2024", "2024-06", "2024-Q2", "2024-H1"]
 */
export function scheduledPeriodIds(now: Date): string[] {
  const today = currentPeriodIds(localDateOf(now));
  const yesterday = currentPeriodIds(localDateOf(new Date(now.getTime() - DAY_MS)));
  return [...new Set([...today, ...yesterday])];
}
