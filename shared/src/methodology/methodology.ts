/**
 * The shape of a methodology version (methodology §0): rules as data. A change of rules is a new
 * version; published results keep the version they were computed with.
 */
import type { Tier } from "../units/unit.js";

export const SERVICE_GROUPS = ["CKMB", "TDGQ", "DVCTT", "TTTT", "SHHS", "MDHL"] as const;
export type GroupCode = (typeof SERVICE_GROUPS)[number];

/** The interface's languages: Vietnamese first, English second. */
export type Lang = "vi" | "en";

/** A text in both languages. */
export interface BilingualText {
  readonly vi: string;
  readonly en: string;
}

/**
 * What an indicator's ratio (numerator ÷ denominator) measures — a closed set, so that a page or
 * an export knows how to show it (labels.ts: formatKind):
 * - `percent`: a share of a count of dossiers, procedures, complaints or consultations (0–1, shown as %);
 * - `share`: the unit's part of a province-wide total (R7: its share of the province's overrun days; shown as %);
 * - `workingDays`: a mean number of working days (P2, R5D);
 * - `perThousand`: a rate per 1,000 dossiers (R8; the ratio × 1,000);
 * - `unitsPerCase`: a mean number of agencies per dossier (R6).
 */
export const MEASURE_UNITS = ["percent", "share", "workingDays", "perThousand", "unitsPerCase"] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

/** Which way is better for an indicator's ratio. */
export const DIRECTIONS = ["higherIsBetter", "lowerIsBetter"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface GroupDefinition {
  readonly code: GroupCode;
  /** Long name (the methodology page, tooltips). */
  readonly nameVi: string;
  readonly nameEn: string;
  /** Short name (a table header). */
  readonly shortVi: string;
  readonly shortEn: string;
  /** Points the group is worth; its points never exceed it (score.ts: min(max, Σ indicator points)). */
  readonly max: number;
  /**
   * Set when the group's indicator maxima add up to more than `max` by design and the excess is
   * cut: the group scores min(cap, Σ). Equal to `max` (validate.ts). dn-2026.2: online payment,
   * 6 + 2 + 2.5 = 10.5 capped at 10 (spec correction of 2026-12-07).
   */
  readonly cap?: number;
  /** The group's formula for readers, when it is not the plain sum of its indicators' points. */
  readonly formula?: BilingualText;
}

/** What happens when an indicator's denominator is 0 (its inputs are missing for the unit). */
export type WhenEmpty =
  /** shown as "no data"; the unit's total is marked incomplete (the default rule) */
  | "NO_DATA"
  /** the ratio counts as 0, points 0, status ok (M: "a ratio with a zero denominator is 0"; S3) */
  | "ZERO"
  /** full points, status ok (S1, S2: "6 when there are none") */
  | "FULL";

export type IndicatorSource = "CASES" | "CATALOG" | "COMPLAINTS" | "MANUAL" | "CONSULTATIONS";

/**
 * How an indicator is shown: names, unit of measure, direction, and what its numerator and
 * denominator count, written for citizens (no code names, no file references).
 */
export interface IndicatorDisplay {
  /** Long name (the methodology page, the scorecard's rows, tooltips). */
  readonly nameVi: string;
  readonly nameEn: string;
  /** Short name that fits a table header, e.g. P1 "Đúng hạn" / "On time". */
  readonly shortVi: string;
  readonly shortEn: string;
  readonly unitOfMeasure: MeasureUnit;
  readonly direction: Direction;
  /** What the numerator counts, for readers. */
  readonly numerator: BilingualText;
  /** What the denominator counts, for readers. */
  readonly denominator: BilingualText;
}

export interface IndicatorDefinition extends IndicatorDisplay {
  readonly code: string;
  /** The service-index group; null for responsibility indicators (R1–R9). */
  readonly group: GroupCode | null;
  /** How the counts are taken, in the engineers' words (English; the SQL and the reference scorer implement it). */
  readonly rule: { readonly numerator: string; readonly denominator: string };
  /** Points at or above target; null for indicators shown but not scored. */
  readonly max: number | null;
  /** Ratio at which full points are reached: points = max × min(1, ratio / target). */
  readonly target: number;
  readonly whenEmpty: WhenEmpty;
  readonly source: IndicatorSource;
  /** Not found in an official text: configurable, shown as provisional. */
  readonly provisional: boolean;
  readonly note?: string;
  /** Tiers to which the indicator does not apply (see switches.notApplicableFullPoints). */
  readonly notApplicableTo?: readonly Tier[];
  /** For display: true exactly when `direction` is "lowerIsBetter" (kept for the pages that read it; prefer labels.ts isLowerBetter). */
  readonly lowerIsBetter?: boolean;
  /** For display: the ratio is shown multiplied by this (R8: per 1,000 dossiers; prefer labels.ts formatKind). */
  readonly displayScale?: number;
}

export interface Band {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Short name for a table cell, when the name is long (head-rating bands). */
  readonly shortVi?: string;
  readonly shortEn?: string;
  /** Lower bound, inclusive. */
  readonly min: number;
}

export interface ReformComponent {
  /** An indicator code, a group code, or "SURVEY" (imported survey result, 0–1). */
  readonly ref: string;
  readonly points: number;
  /** How the component is scaled from its reference (see reform-index.ts). */
  readonly scale: "POINTS_SHARE" | "RATIO" | "ONE_MINUS_RATIO_SUM" | "GROUP_SHARE" | "SURVEY";
  /** For ONE_MINUS_RATIO_SUM: the indicators whose ratios are summed. */
  readonly refs?: readonly string[];
}

export interface ReformCriterion {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Short name for a table header. */
  readonly shortVi?: string;
  readonly shortEn?: string;
  readonly max: number;
  readonly source: "MANUAL" | "COMPUTED";
  readonly components?: readonly ReformComponent[];
}

export interface ReformIndexTemplate {
  readonly provisional: boolean;
  readonly criteria: readonly ReformCriterion[];
  /** Criterion that receives inspection deductions when a finding names none. */
  readonly defaultDeductionCriterion: string;
  readonly bands: readonly Band[];
}

export interface HeadRatingRules {
  readonly resultsMax: number;
  readonly generalMax: number;
  /** Deduction per unit of shortfall (a ratio) below each threshold. */
  readonly deductions: readonly { readonly indicator: string; readonly threshold: number; readonly perShortfall: number }[];
  readonly bands: readonly Band[];
  /** At most this share of heads rated Good-or-better in a tier may be Excellent. */
  readonly excellentCap: { readonly share: number; readonly band: string; readonly eligibleBands: readonly string[]; readonly demoteTo: string };
  /** A head in office for less than this share of the period is listed but not rated. */
  readonly minTenureShare: number;
}

export interface Methodology {
  readonly id: string;
  /** First local date from which this version is the default. */
  readonly effectiveFrom: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** What differs from the previous version, newest last (README.md of this folder keeps the same list). */
  readonly changes: readonly BilingualText[];
  readonly sources: readonly string[];
  readonly groups: readonly GroupDefinition[];
  /** The highest possible total: the sum of the groups' maxima (100). Pages show this, not a sum of indicator maxima. */
  readonly maxTotal: number;
  readonly indicators: readonly IndicatorDefinition[];
  readonly bands: readonly Band[];
  /** Tiers that are ranked; VERTICAL is consulted and reported, not ranked by default. */
  readonly rankedTiers: readonly Tier[];
  /** The indicator whose denominator counts the dossiers received in the period (T4; O3 has the same). */
  readonly receivedCasesIndicator: string;
  readonly switches: {
    /** Count in-progress cases (within their due date) as on time in P1/R1, as the national portal does. */
    readonly inProgressCountsAsOnTime: boolean;
    /** Give full points for indicators that do not apply to a tier (commune rule, provisional). */
    readonly notApplicableFullPoints: boolean;
    /**
     * No data is no score (dn-2026.2): the rules that grant points when there is nothing to count
     * — whenEmpty FULL (S1, S2) and notApplicableFullPoints (T1–T3 for communes) — apply only to
     * a unit that received dossiers in the period (denominator of `receivedCasesIndicator` > 0);
     * otherwise the indicator is "no data" (no points, the total incomplete).
     */
    readonly freePointsNeedReceipts: boolean;
    /**
     * Improper returns (dn-2026.2; docs/adr/0015-improper-returns.md): R3 and R9_R3 count the
     * returns (REFUSED or STOPPED) that Home Affairs marked improper, over the returns; absent or
     * false: every return over the dossiers received (dn-2026.1, which does not carry the switch).
     */
    readonly improperReturnsOnly?: boolean;
  };
  readonly complaints: { readonly acceptWithinWorkingDays: number; readonly handleWithinWorkingDays: number };
  readonly reformIndex: ReformIndexTemplate;
  readonly headRating: HeadRatingRules;
}

/**
 * The highest possible total of a methodology: the sum of its groups' maxima.
 * @example maxTotalOf(DN_2026_2.groups) === 100
 */
export function maxTotalOf(groups: readonly Pick<GroupDefinition, "max">[]): number {
  return Math.round(groups.reduce((s, g) => s + g.max, 0) * 1e4) / 1e4;
}

export class UnknownMethodologyError extends Error {
  override readonly name = "UnknownMethodologyError";
  constructor(readonly id: string) {
    super(`unknown methodology "${id}"`);
  }
}
