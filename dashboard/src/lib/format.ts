/**
 * Number and date formatting through Intl (vi-VN, en-GB). Times are always shown in Vietnam
 * time, whatever the reader's own time zone, because periods are cut in UTC+7.
 */
import { INTL_LOCALE, type Lang } from "./i18n.js";

export const VN_TIME_ZONE = "Asia/Ho_Chi_Minh";

export interface Formatters {
  /** Scores: two decimals, as ranks are computed on totals rounded to 2 decimals. */
  readonly score: (n: number) => string;
  /** Maximum points: no forced decimals (20, 100, 2.5). */
  readonly max: (n: number) => string;
  readonly integer: (n: number) => string;
  /** A ratio in [0, 1] as a percentage with one decimal. */
  readonly percent: (ratio: number) => string;
  /** An ISO instant as date and time in Vietnam time. */
  readonly dateTime: (iso: string) => string;
  /** An ISO instant, or a local date `YYYY-MM-DD`, as a date (dd/mm/yyyy) in Vietnam time. */
  readonly date: (isoOrDate: string) => string;
}

/**
 * An instant in Vietnam time as ISO 8601 with its offset: "2024-07-01T00:00:00+07:00" (files name
 * times this way, so that a spreadsheet never shows UTC to a Vietnamese reader). Invalid input as is.
 */
export function isoVietnam(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

export function createFormatters(lang: Lang): Formatters {
  const locale = INTL_LOCALE[lang];
  const score = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const max = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const dateTime = new Intl.DateTimeFormat(locale, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: VN_TIME_ZONE,
  });
  const date = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: VN_TIME_ZONE });
  return {
    score: (n) => score.format(n),
    max: (n) => max.format(n),
    integer: (n) => integer.format(n),
    percent: (r) => percent.format(r),
    dateTime: (iso) => {
      const t = Date.parse(iso);
      return Number.isNaN(t) ? iso : dateTime.format(t);
    },
    date: (v) => {
      // A bare local date is the day itself (midnight Vietnam time), not UTC midnight.
      const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+07:00` : v);
      return Number.isNaN(t) ? v : date.format(t);
    },
  };
}
