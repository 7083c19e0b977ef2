/**
 * Shapes of the role-checked read routes (ARCHITECTURE §10) and the Home Affairs findings routes:
 * the server's use cases return them and the dashboard reads them. Types only — one definition,
 * so the two sides cannot drift.
 */
import type { IndicatorValue, RankedUnit } from "./api.js";

/** `GET /v1/units/{unitId}/scorecard?period=`. */
export interface UnitScorecard {
  readonly period: string;
  readonly methodology: string;
  readonly computedAt: string;
  readonly unit: RankedUnit;
  /** Units ranked in the tier that period (for "rank 3 of 21"). */
  readonly rankedUnits: number;
  readonly previous: { readonly period: string; readonly unit: RankedUnit | null } | null;
}

/** One scored month of a unit's trend; `unitId` differs from the one asked for across a merger. */
export interface TrendPoint {
  readonly period: string;
  readonly unitId: string;
  readonly total: number | null;
  readonly rank: number | null;
  readonly rankedUnits: number;
  readonly indicators: RankedUnit["indicators"];
}

/** `GET /v1/units/{unitId}/trend?year=`: the scored months of one year (months without a score are absent). */
export interface UnitTrend {
  readonly unitId: string;
  readonly year: number;
  readonly methodology: string;
  readonly points: readonly TrendPoint[];
}

/** A dossier behind a unit's progress numbers (drill-down, methodology §7). */
export interface CaseRow {
  readonly caseId: string;
  readonly field: string | null;
  readonly status: string;
  readonly receivedAt: string;
  readonly dueAt: string | null;
  readonly endAt: string | null;
  readonly supplementRequests: number;
  /** The rule of methodology §2 that classified the dossier, as a stable code. */
  readonly rule: string;
}

/** `GET /v1/units/{unitId}/cases?period=&status=`. */
export interface UnitCases {
  readonly unitId: string;
  readonly period: string;
  readonly methodology: string;
  readonly indicator?: string;
  readonly cases: readonly CaseRow[];
}

/** An open dossier from the live open-case index. */
export interface OpenCase {
  readonly caseId: string;
  readonly unitId: string;
  readonly procedureCode: string | null;
  readonly field: string | null;
  readonly receivedAt: string | null;
  readonly dueAt: string;
}

/** `GET /v1/units/{unitId}/warnings`: what a unit must act on today (directive D3). */
export interface UnitWarnings {
  readonly unitId: string;
  readonly asOf: string;
  /** Open dossiers past their due date now. */
  readonly overdue: readonly OpenCase[];
  /** Open dossiers due before the end of the 2nd working day from today (local time). */
  readonly dueSoon: readonly OpenCase[];
  readonly dueSoonUntil: string;
}

/** `GET /v1/warnings`: counts per unit valid today (chairman, Home Affairs). */
export interface WarningSummary {
  readonly asOf: string;
  readonly units: readonly { readonly unitId: string; readonly tier: string; readonly nameVi: string; readonly overdue: number; readonly dueSoon: number }[];
}

/** An inspection finding as the API shows it (methodology §5; Directive 03, clauses 1đ and 4). */
export interface Finding {
  readonly findingId: string;
  readonly unitId: string;
  readonly headId: string | null;
  readonly period: string;
  readonly criterion: string;
  readonly deduction: number;
  readonly evidence: string;
  readonly noticeNumber: string | null;
  readonly noticeDate: string | null;
  readonly status: "DRAFT" | "CONCLUDED";
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The body of `POST /v1/admin/findings` (and of an edit). */
export interface FindingInput {
  readonly unitId: string;
  readonly headId?: string | null | undefined;
  readonly period: string;
  readonly criterion?: string | undefined;
  readonly deduction: number;
  readonly evidence: string;
}

// ——— Head-of-unit ratings and the reform index (methodology §5, §6) ———

/** Why a head listed for a period has no total (methodology §6). */
export type HeadPendingReason =
  /** in office for less than half of the period: listed, not rated */
  | "SHORT_TENURE"
  /** no dossier received during the tenure has a verdict yet: nothing to rate the results on */
  | "NO_CASES"
  /** the 30 points of general criteria are not entered by Home Affairs yet */
  | "GENERAL_MISSING"
  /** the tenure was edited after the last scoring run: results are recomputed at the next one */
  | "RESCORE";

/**
 * What a head's results were computed on: the period's dossiers (received in it, or carried over
 * into it) that the unit received while the head was in office.
 */
export interface TenureResults {
  /** Local dates (inclusive) of the tenure inside the period, and its length against the period's. */
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly periodDays: number;
  /** Start of the tenure: dossiers received from this date on (carried over into the period included) are the head's. */
  readonly casesFrom: string;
  /** Dossiers the unit received in the period during the tenure; null when not computed (pending RESCORE). */
  readonly cases: number | null;
  /** Service index (/100) over the tenure; null when there is nothing to judge. */
  readonly serviceIndex: number | null;
  /** False when an indicator of the tenure's index is "no data" (as for a unit's total). */
  readonly serviceIndexComplete: boolean;
  /** The ratios the deductions read; null = nothing to judge (no deduction). */
  readonly ratios: { readonly R2: number | null; readonly R5: number | null };
  /** The indicators recomputed on the tenure's cases (the others are the unit's period values). */
  readonly indicators: Readonly<Record<string, IndicatorValue>>;
}

/** One head of unit in a period (methodology §6). Points have 4 decimals. */
export interface HeadRatingView {
  readonly headId: string;
  readonly unitId: string;
  readonly tier: string;
  readonly unitNameVi: string;
  readonly unitNameEn: string;
  readonly name: string;
  readonly title: string;
  /** Fictional demo head. */
  readonly demo: boolean;
  readonly status: "RATED" | "PENDING" | "NOT_RATED";
  /** Why there is no total; null when rated. */
  readonly pending: HeadPendingReason | null;
  readonly tenure: TenureResults;
  /** 70 × index / 100 minus the deductions, floored at 0 (of resultsMax). */
  readonly results: number | null;
  /** R2 and R5 shortfalls and concluded findings against the head (points). */
  readonly deductions: Readonly<Record<string, number>>;
  /** General criteria entered by Home Affairs (of generalMax); null until entered. */
  readonly general: number | null;
  readonly total: number | null;
  readonly band: string | null;
  /** Scored Excellent but rated Good because of the 20 % quota of the tier. */
  readonly cappedFromExcellent: boolean;
}

/**
 * Where a period's ratings stand against its publications: the latest published version whose
 * ratings were frozen with it (publishing a period freezes its head ratings and reform index with
 * its ranking), and whether the working values moved since.
 */
export interface RatingsPublication {
  /** The latest published version with frozen ratings; null when none. */
  readonly version: number | null;
  readonly publishedAt: string | null;
  /** True when the working (draft) values differ from that version's (a finding concluded, criteria entered, late events scored after publication). */
  readonly draftDiffers: boolean;
}

/**
 * `GET /v1/head-ratings?period=&tier=[&version=]` (chairman, Home Affairs) and
 * `GET /v1/units/{unitId}/head-ratings?period=[&version=]` (also the unit's own officers): the
 * working (draft) values, or with `version` those frozen when that version was published.
 */
export interface HeadRatings {
  readonly period: string;
  readonly methodology: string;
  /** When these ratings were computed (a scoring run, or a Home Affairs change). */
  readonly computedAt: string;
  /** When the tenures' results were last scored from the dossiers. */
  readonly scoredAt: string | null;
  readonly status: "draft" | "published";
  /** The published version these values were frozen with; null for the working values. */
  readonly version: number | null;
  /** Where the period's ratings stand against its publications (set by the read API). */
  readonly publication?: RatingsPublication;
  readonly resultsMax: number;
  readonly generalMax: number;
  readonly heads: readonly HeadRatingView[];
}

/** One criterion of the reform index of a unit (methodology §5). */
export interface ReformCriterionView {
  readonly code: string;
  readonly max: number;
  readonly source: "MANUAL" | "COMPUTED";
  /** Points before deductions; null when not entered (manual) or not computable. */
  readonly base: number | null;
  /** Deductions of concluded inspection findings naming the criterion. */
  readonly deduction: number;
  readonly points: number | null;
}

export interface ReformIndexUnit {
  readonly unitId: string;
  readonly tier: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly criteria: readonly ReformCriterionView[];
  /** Sum of the criteria's points (4 decimals), missing criteria counting 0 — see `complete`. */
  readonly total: number;
  /** The maximum of the criteria that have points (100 when complete): `total` is out of this. */
  readonly scoredMax: number;
  /** False while any criterion is missing (not entered, no survey, no data). */
  readonly complete: boolean;
  /** Null while incomplete: a band given to a partial total would be a wrong verdict. */
  readonly band: string | null;
}

/**
 * `GET /v1/reform-index?period=&tier=` (chairman, Home Affairs) and
 * `GET /v1/units/{unitId}/reform-index?period=` (also the unit's own officers); half-years and years only.
 */
export interface ReformIndexView {
  readonly period: string;
  readonly methodology: string;
  readonly computedAt: string;
  readonly status: "draft" | "published";
  /** The published version these values were frozen with; null for the working values. */
  readonly version: number | null;
  /** Where the period's ratings stand against its publications (set by the read API). */
  readonly publication?: RatingsPublication;
  /** The criteria tree is the default template, not a decision of the province (methodology §5). */
  readonly provisional: boolean;
  readonly units: readonly ReformIndexUnit[];
}
