/**
 * Numbers and Vietnam-time dates as text, written out by hand with exactly the output of
 * `Intl.NumberFormat` / `Intl.DateTimeFormat` for vi-VN and en-GB and the options the dashboard
 * uses (issue 19, item 11). Why not Intl: the first Intl call in a tab initialises ICU — 20–130 ms
 * of main-thread work on the project machine (the first NumberFormat alone), in the task that
 * renders the first ranking, which Lighthouse's mobile run counts four times over as blocking time.
 * Anything else (non-finite numbers, other locales) goes to Intl. Pure; compared with Intl over
 * many values by test/number-text.test.ts.
 *
 * Rounding as ICU does it: on the shortest decimal that reads back as the same double (what
 * `String(x)` prints: 1.005 is "1.005", so 2 digits give 1.01, where `toFixed` gives 1.00), half
 * away from zero; a percentage moves the decimal point, it never multiplies the double; a negative
 * number that rounds to zero keeps its sign ("-0"), as Intl's default `signDisplay` does.
 */
import type { Lang } from "./i18n.js";

interface Separators {
  readonly decimal: string;
  readonly group: string;
}

const SEPARATORS: Readonly<Record<Lang, Separators>> = { vi: { decimal: ",", group: "." }, en: { decimal: ".", group: "," } };
const LOCALES: Readonly<Record<Lang, string>> = { vi: "vi-VN", en: "en-GB" };

export interface NumberTextOptions {
  readonly minimumFractionDigits?: number;
  readonly maximumFractionDigits: number;
  /** "percent": the ratio × 100 with a "%" (no space in either language). */
  readonly style?: "decimal" | "percent";
}

/** |x| as its integer and fraction digits, from the shortest round-trip representation, times 10^shift. */
function digitsOf(x: number, shift: number): { int: string; frac: string } {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x)));
  if (!m) throw new Error(`not a finite number: ${x}`);
  const lead = m[1] as string;
  let digits = lead + (m[2] ?? "");
  let point = lead.length + Number(m[3] ?? 0) + shift;
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  return { int: digits.slice(0, point).replace(/^0+(?=\d)/, ""), frac: digits.slice(point) };
}

/** Adds one to a string of decimal digits ("199" → "200", "99" → "100"). */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === "9") i--;
  if (i < 0) return `1${"0".repeat(digits.length)}`;
  return `${digits.slice(0, i)}${Number(digits[i]) + 1}${"0".repeat(digits.length - i - 1)}`;
}

/** "1234567" → "1.234.567" (groups of three from the right). */
function grouped(int: string, separator: string): string {
  let out = "";
  for (let end = int.length; end > 0; end -= 3) out = int.slice(Math.max(0, end - 3), end) + (out === "" ? "" : separator + out);
  return out;
}

/** A number as Intl.NumberFormat(vi-VN | en-GB, options) writes it. */
export function numberText(x: number, lang: Lang, options: NumberTextOptions): string {
  const percent = options.style === "percent";
  if (!Number.isFinite(x)) return new Intl.NumberFormat(LOCALES[lang], options).format(x);
  const min = options.minimumFractionDigits ?? 0;
  const max = Math.max(min, options.maximumFractionDigits);
  let { int, frac } = digitsOf(x, percent ? 2 : 0);
  if (frac.length > max) {
    const up = (frac[max] as string) >= "5";
    frac = frac.slice(0, max);
    if (up) {
      const next = increment(int + frac);
      int = next.slice(0, next.length - max);
      frac = next.slice(next.length - max);
    }
  }
  frac = frac.replace(/0+$/, "");
  if (frac.length < min) frac += "0".repeat(min - frac.length);
  const sep = SEPARATORS[lang];
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  return `${sign}${grouped(int, sep.group)}${frac === "" ? "" : sep.decimal + frac}${percent ? "%" : ""}`;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000; // Asia/Ho_Chi_Minh: UTC+7, no summer time since 1975
const two = (n: number) => String(n).padStart(2, "0");

/** An instant (ms) as Vietnam's calendar date, "dd/mm/yyyy" (both languages). */
export function vietnamDateText(ms: number): string {
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** An instant (ms) as date and 24-hour time in Vietnam: "14:05 01/07/2024" (vi-VN), "01/07/2024, 14:05" (en-GB). */
export function vietnamDateTimeText(ms: number, lang: Lang): string {
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  const date = vietnamDateText(ms);
  return lang === "vi" ? `${time} ${date}` : `${date}, ${time}`;
}
