/**
 * Shapes of the role-checked and admin routes as the dashboard reads them (the server's
 * use-cases in functions/ are the source; only the fields shown here are relied on). Types only.
 */
import type { RankedUnit, RankingSnapshot } from "@scorecard/shared/contracts/api";
import type { UnitDifference } from "@scorecard/shared/admin/publication";

export type Role = "chairman" | "home-affairs" | "unit-officer";

export interface DemoUser {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly unitId?: string;
}

export interface LocalUsers {
  readonly users: readonly DemoUser[];
  readonly tokenTtlSeconds: number;
}

export interface LoginResult {
  readonly token: string;
  readonly user: DemoUser;
  readonly expiresAt: string;
}

/** Group points, when the server sends them (methodology §3: six groups). */
export interface GroupValue {
  readonly points: number | null;
  readonly max: number;
}

/** A ranked unit, possibly with its group points (`groups`, sent once every indicator is computed). */
export type UnitWithGroups = RankedUnit;

export interface PublicationInfo {
  readonly version: number | null;
  readonly publishedAt: string | null;
  readonly draftDiffers: boolean;
}

export type RankingView = RankingSnapshot & { readonly publication?: PublicationInfo };

export interface UnitScorecard {
  readonly period: string;
  readonly methodology: string;
  readonly computedAt: string;
  readonly unit: UnitWithGroups;
  readonly rankedUnits: number;
  readonly previous: { readonly period: string; readonly unit: UnitWithGroups | null } | null;
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

export interface CaseRow {
  readonly caseId: string;
  readonly field: string | null;
  readonly status: string;
  readonly receivedAt: string;
  readonly dueAt: string | null;
  readonly endAt: string | null;
  readonly supplementRequests: number;
  readonly rule: string;
}

export interface UnitCases {
  readonly unitId: string;
  readonly period: string;
  readonly methodology?: string;
  readonly cases: readonly CaseRow[];
}

export interface OpenCase {
  readonly caseId: string;
  readonly unitId: string;
  readonly procedureCode: string | null;
  readonly field: string | null;
  readonly receivedAt: string | null;
  readonly dueAt: string;
}

export interface UnitWarnings {
  readonly unitId: string;
  readonly asOf: string;
  readonly overdue: readonly OpenCase[];
  readonly dueSoon: readonly OpenCase[];
  readonly dueSoonUntil: string;
}

export interface WarningSummary {
  readonly asOf: string;
  readonly units: readonly { readonly unitId: string; readonly tier: string; readonly nameVi: string; readonly overdue: number; readonly dueSoon: number }[];
}

// ——— Home Affairs (docs/api-admin.md) ———

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

export interface FindingInput {
  readonly unitId: string;
  readonly headId?: string | null;
  readonly period: string;
  readonly criterion?: string;
  readonly deduction: number;
  readonly evidence: string;
}

export interface Criterion {
  readonly unitId: string;
  readonly period: string;
  readonly criterion: string;
  readonly max: number;
  readonly source: "MANUAL" | "COMPUTED";
  readonly points: number | null;
  readonly evidence: string | null;
  readonly version: number;
  readonly lockedBy: readonly string[];
  readonly locked: boolean;
  readonly updatedAt: string | null;
}

export interface Head {
  readonly headId: string;
  readonly unitId: string;
  readonly name: string;
  readonly title: string;
  readonly tenureFrom: string;
  readonly tenureTo: string | null;
  readonly demo?: boolean;
}

export interface HeadRoster {
  readonly unitId: string;
  readonly version: number;
  readonly heads: readonly Head[];
}

export interface Publication {
  readonly period: string;
  readonly version: number;
  readonly label?: string;
  readonly publishedAt: string;
  readonly tiers?: readonly string[];
  readonly differences: Readonly<Record<string, readonly UnitDifference[]>>;
}

export interface Publications {
  readonly period: string;
  readonly versions: readonly Publication[];
  readonly draft: Readonly<Record<string, PublicationInfo>>;
}

export interface PublishResult {
  readonly version: number;
  readonly label?: string;
  readonly differences: Readonly<Record<string, readonly UnitDifference[]>>;
}

export interface AuditEntry {
  readonly auditId: string;
  readonly at: string;
  readonly actor: { readonly sub: string; readonly role: string };
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  readonly next: string | null;
}

export type { UnitDifference };
