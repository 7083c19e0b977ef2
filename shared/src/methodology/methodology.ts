/**
 * The shape of a methodology version (methodology §0): rules as data. A change of rules is a new
 * version; published results keep the version they were computed with.
 */
import type { Tier } from "../units/unit.js";

export const SERVICE_GROUPS = ["CKMB", "TDGQ", "DVCTT", "TTTT", "SHHS", "MDHL"] as const;
export type GroupCode = (typeof SERVICE_GROUPS)[number];

export interface GroupDefinition {
  readonly code: GroupCode;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Group points are capped at max (the online-payment formula can add up to 10.5). */
  readonly max: number;
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

export interface IndicatorDefinition {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** The service-index group; null for responsibility indicators (R1–R9). */
  readonly group: GroupCode | null;
  readonly numerator: string;
  readonly denominator: string;
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
  /** For display: lower is better (R1, R3, R4, R8). */
  readonly lowerIsBetter?: boolean;
  /** For display: the ratio is shown multiplied by this (R8: per 1,000 dossiers). */
  readonly displayScale?: number;
}

export interface Band {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
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
  readonly sources: readonly string[];
  readonly groups: readonly GroupDefinition[];
  readonly indicators: readonly IndicatorDefinition[];
  readonly bands: readonly Band[];
  /** Tiers that are ranked; VERTICAL is consulted and reported, not ranked by default. */
  readonly rankedTiers: readonly Tier[];
  readonly switches: {
    /** Count in-progress cases (within their due date) as on time in P1/R1, as the national portal does. */
    readonly inProgressCountsAsOnTime: boolean;
    /** Give full points for indicators that do not apply to a tier (commune rule, provisional). */
    readonly notApplicableFullPoints: boolean;
  };
  readonly complaints: { readonly acceptWithinWorkingDays: number; readonly handleWithinWorkingDays: number };
  readonly reformIndex: ReformIndexTemplate;
  readonly headRating: HeadRatingRules;
}

export class UnknownMethodologyError extends Error {
  override readonly name = "UnknownMethodologyError";
  constructor(readonly id: string) {
    super(`unknown methodology "${id}"`);
  }
}
