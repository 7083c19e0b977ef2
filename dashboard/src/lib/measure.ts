/**
 * An indicator's value in its unit of measure (the methodology's `unitOfMeasure`, through
 * `MEASURE_FORMATS` of labels.ts): 97,1% · 4,5 ngày làm việc · 2,3 trên 1.000 hồ sơ · 1,25 cơ quan/hồ sơ.
 * A code the methodology does not know gets no kind: its ratio is shown as a plain number, never a
 * guessed percentage. The same conventions for the screen and the files: exports write the number
 * in the unit (97.1 for a percentage) with the unit in the column header.
 */
import { type FormatKind, MEASURE_FORMATS } from "@scorecard/shared/methodology/labels";
import type { MeasureUnit } from "@scorecard/shared/methodology/methodology";
import type { Lang } from "./i18n.js";
import { type NumberTextOptions, numberText } from "./number-text.js";

export type { FormatKind };

/** Intl's text for these options, without Intl on the first page (number-text.ts). */
const numberFormat = (lang: Lang, options: NumberTextOptions) => ({ format: (x: number) => numberText(x, lang, options) });

/** The format of a unit of measure; null for none (an unknown indicator). */
export const kindOf = (unit: MeasureUnit | null | undefined): FormatKind | null => (unit ? MEASURE_FORMATS[unit] : null);

const isPercent = (k: FormatKind | null): boolean => k !== null && k.style === "percent";

/** The number without the unit's words: "97,1%", "4,5", "2,3"; an unknown kind: up to 4 decimals. */
export function formatMeasure(kind: FormatKind | null, ratio: number, lang: Lang): string {
  if (kind === null) return numberFormat(lang, { maximumFractionDigits: 4 }).format(ratio);
  return numberFormat(lang, { style: kind.style, minimumFractionDigits: kind.fractionDigits, maximumFractionDigits: kind.fractionDigits }).format(ratio * kind.scale);
}

/** The unit as written in a header: "%" for percentages and shares, else the words ("ngày làm việc"); "" for none. */
export const unitWords = (kind: FormatKind | null, lang: Lang): string => (kind === null ? "" : isPercent(kind) ? "%" : kind.suffix[lang]);

/** The number with its unit: "97,1%", "4,5 ngày làm việc". */
export function formatMeasureFull(kind: FormatKind | null, ratio: number, lang: Lang): string {
  const n = formatMeasure(kind, ratio, lang);
  return kind === null || isPercent(kind) ? n : `${n} ${kind.suffix[lang]}`;
}

const POINTS_OF_PERCENT: Readonly<Record<Lang, string>> = { vi: "điểm %", en: "pp" };

/** A change between two ratios in the unit: percentage points for percentages ("2,1 điểm %"), else "1,2 ngày làm việc". */
export function formatMeasureChange(kind: FormatKind | null, delta: number, lang: Lang): string {
  if (isPercent(kind)) {
    const k = kind as FormatKind;
    return `${numberFormat(lang, { minimumFractionDigits: k.fractionDigits, maximumFractionDigits: k.fractionDigits }).format(delta * 100)} ${POINTS_OF_PERCENT[lang]}`;
  }
  return formatMeasureFull(kind, delta, lang);
}

/** The number an export writes: in the unit (97.14 for 97.14 %; days; per 1,000), one decimal more than shown. */
export function exportMeasure(kind: FormatKind | null, ratio: number): number {
  const scale = kind === null ? 1 : isPercent(kind) ? 100 : kind.scale;
  const digits = kind === null ? 6 : kind.fractionDigits + 1;
  const f = 10 ** digits;
  return Math.round(ratio * scale * f) / f;
}
