/**
 * What every indicator, group and band is called, what it is measured in and which way is better —
 * read from the methodology version, so pages and exports never keep a list of their own.
 * Pure and small: it imports types only (no zod, no data), so the dashboard can import it by
 * subpath (`@scorecard/shared/methodology/labels`) with `methodologyById` from `…/registry`.
 */
import type { Band, Direction, IndicatorDefinition, Lang, MeasureUnit, Methodology, BilingualText } from "./methodology.js";

/** "short" fits a table header; "long" is the full name (methodology page, row labels, tooltips). */
export type LabelLength = "short" | "long";

/** How a ratio of that unit is shown: Intl style, multiplier, decimals and the words after the number. */
export interface FormatKind {
  readonly unit: MeasureUnit;
  /** `percent`: Intl's percent style (the ratio 0–1 as %); `decimal`: the ratio × scale as a plain number. */
  readonly style: "percent" | "decimal";
  readonly scale: number;
  readonly fractionDigits: number;
  /** Words after the number ("" for percentages). */
  readonly suffix: BilingualText;
}

export const MEASURE_FORMATS: Readonly<Record<MeasureUnit, FormatKind>> = {
  percent: { unit: "percent", style: "percent", scale: 1, fractionDigits: 1, suffix: { vi: "", en: "" } },
  share: { unit: "share", style: "percent", scale: 1, fractionDigits: 1, suffix: { vi: "", en: "" } },
  workingDays: { unit: "workingDays", style: "decimal", scale: 1, fractionDigits: 1, suffix: { vi: "ngày làm việc", en: "working days" } },
  perThousand: { unit: "perThousand", style: "decimal", scale: 1000, fractionDigits: 1, suffix: { vi: "trên 1.000 hồ sơ", en: "per 1,000 dossiers" } },
  unitsPerCase: { unit: "unitsPerCase", style: "decimal", scale: 1, fractionDigits: 2, suffix: { vi: "cơ quan/hồ sơ", en: "agencies per dossier" } },
};

/** The unit of measure in words (a column's tooltip, the methodology page). */
export const MEASURE_UNIT_LABELS: Readonly<Record<MeasureUnit, BilingualText>> = {
  percent: { vi: "tỷ lệ phần trăm", en: "percentage" },
  share: { vi: "phần trong tổng số của toàn tỉnh", en: "share of the province total" },
  workingDays: { vi: "số ngày làm việc bình quân", en: "average working days" },
  perThousand: { vi: "số trên 1.000 hồ sơ", en: "per 1,000 dossiers" },
  unitsPerCase: { vi: "số cơ quan bình quân trên một hồ sơ", en: "average agencies per dossier" },
};

export const DIRECTION_LABELS: Readonly<Record<Direction, BilingualText>> = {
  higherIsBetter: { vi: "càng cao càng tốt", en: "higher is better" },
  lowerIsBetter: { vi: "càng thấp càng tốt", en: "lower is better" },
};

const pick = (t: { nameVi: string; nameEn: string; shortVi?: string | undefined; shortEn?: string | undefined }, lang: Lang, length: LabelLength): string =>
  lang === "en" ? (length === "short" ? (t.shortEn ?? t.nameEn) : t.nameEn) : length === "short" ? (t.shortVi ?? t.nameVi) : t.nameVi;

/** The indicator definition of a code in that version, if it has one. */
export const indicatorOf = (m: Methodology, code: string): IndicatorDefinition | undefined => m.indicators.find((d) => d.code === code);

/**
 * The name of an indicator; a code the version does not know is returned as is.
 * @example indicatorLabel(DN_2026_2, "P1", "vi", "short") === "Đúng hạn"
 */
export function indicatorLabel(m: Methodology, code: string, lang: Lang, length: LabelLength = "long"): string {
  const d = indicatorOf(m, code);
  return d === undefined ? code : pick(d, lang, length);
}

/**
 * The name of a service-index group; an unknown code is returned as is.
 * @example groupLabel(DN_2026_2, "TTTT", "en", "short") === "Payment"
 */
export function groupLabel(m: Methodology, code: string, lang: Lang, length: LabelLength = "long"): string {
  const g = m.groups.find((x) => x.code === code);
  return g === undefined ? code : pick(g, lang, length);
}

/**
 * The name of a band among `bands` (m.bands, m.reformIndex.bands or m.headRating.bands); an unknown code as is.
 * @example bandLabel(DN_2026_2.headRating.bands, "GOOD", "vi", "short") === "Tốt"
 */
export function bandLabel(bands: readonly Band[], code: string, lang: Lang, length: LabelLength = "long"): string {
  const b = bands.find((x) => x.code === code);
  return b === undefined ? code : pick(b, lang, length);
}

/** The name of a reform-index criterion (PAR1…); an unknown code as is. */
export function criterionLabel(m: Methodology, code: string, lang: Lang, length: LabelLength = "long"): string {
  const c = m.reformIndex.criteria.find((x) => x.code === code);
  return c === undefined ? code : pick(c, lang, length);
}

/**
 * The unit of measure of an indicator; null for a code the version does not know.
 * @example unitOf(DN_2026_2, "P2") === "workingDays"
 */
export function unitOf(m: Methodology, code: string): MeasureUnit | null {
  return indicatorOf(m, code)?.unitOfMeasure ?? null;
}

/**
 * How to show an indicator's ratio; null for a code the version does not know (show the raw number, never a guessed %).
 * @example formatKind(DN_2026_2, "R8")?.scale === 1000
 */
export function formatKind(m: Methodology, code: string): FormatKind | null {
  const u = unitOf(m, code);
  return u === null ? null : MEASURE_FORMATS[u];
}

/**
 * True when a lower ratio is better (P2, R1, R3, R4, R5D, R6, R7, R8, S3A, R9's late, refusal and supplement rates).
 * Unknown codes: false.
 */
export function isLowerBetter(m: Methodology, code: string): boolean {
  return indicatorOf(m, code)?.direction === "lowerIsBetter";
}

/** Which way is better for an indicator; null for an unknown code. */
export function directionOf(m: Methodology, code: string): Direction | null {
  return indicatorOf(m, code)?.direction ?? null;
}

/**
 * What the numerator and the denominator of an indicator count, for readers; null for an unknown code.
 * @example indicatorDefinitionText(DN_2026_2, "T4", "vi")?.denominator === "Số hồ sơ tiếp nhận trong kỳ"
 */
export function indicatorDefinitionText(m: Methodology, code: string, lang: Lang): { readonly numerator: string; readonly denominator: string } | null {
  const d = indicatorOf(m, code);
  return d === undefined ? null : { numerator: d.numerator[lang], denominator: d.denominator[lang] };
}

const LOCALES: Readonly<Record<Lang, string>> = { vi: "vi-VN", en: "en-GB" };

/**
 * An indicator's ratio as text in its unit: "97,1%", "4,5 ngày làm việc", "2,3 trên 1.000 hồ sơ";
 * "" for null (the page says "no data" in its own words). An unknown code: the ratio as a plain number.
 * @example formatIndicatorValue(DN_2026_2, "P2", 4.52, "en") === "4.5 working days"
 */
export function formatIndicatorValue(m: Methodology, code: string, ratio: number | null, lang: Lang): string {
  if (ratio === null || !Number.isFinite(ratio)) return "";
  const k = formatKind(m, code);
  if (k === null) return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 4 }).format(ratio);
  const n = new Intl.NumberFormat(LOCALES[lang], { style: k.style, minimumFractionDigits: k.fractionDigits, maximumFractionDigits: k.fractionDigits }).format(ratio * k.scale);
  return k.suffix[lang] === "" ? n : `${n} ${k.suffix[lang]}`;
}
