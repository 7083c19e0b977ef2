/**
 * Shapes of the role-checked read routes (ARCHITECTURE §10) and the Home Affairs findings routes:
 * the server's use cases return them and the dashboard reads them. Types only — one definition,
 * so the two sides cannot drift.
 */
import type { RankedUnit } from "./api.js";

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
