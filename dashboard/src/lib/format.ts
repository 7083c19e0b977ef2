/**
 * Number and date formatting as Intl writes it for vi-VN and en-GB (number-text.ts). Times are
 * always shown in Vietnam time, whatever the reader's own time zone, because periods are cut in UTC+7.
 */
import type { Lang } from "./i18n.js";
import { numberText, vietnamDateText, vietnamDateTimeText } from "./number-text.js";

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

/**
 * The dashboard's formatters for a language. Written by hand (number-text.ts), with Intl's exact
 * output: the first Intl call in a tab initialises ICU, 20–130 ms of main-thread work in the task
 * that renders the first ranking (issue 19, item 11).
 */
export function createFormatters(lang: Lang): Formatters {
  return {
    score: (n) => numberText(n, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    max: (n) => numberText(n, lang, { maximumFractionDigits: 2 }),
    integer: (n) => numberText(n, lang, { maximumFractionDigits: 0 }),
    percent: (r) => numberText(r, lang, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    dateTime: (iso) => {
      const t = Date.parse(iso);
      return Number.isNaN(t) ? iso : vietnamDateTimeText(t, lang);
    },
    date: (v) => {
      // A bare local date is the day itself (midnight Vietnam time), not UTC midnight.
      const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+07:00` : v);
      return Number.isNaN(t) ? v : vietnamDateText(t);
    },
  };
}
