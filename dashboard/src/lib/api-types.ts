/**
 * Shapes of the role-checked and admin routes as the dashboard reads them (the server's
 * use-cases in functions/ are the source; only the fields shown here are relied on). Types only.
 */
import type { RankedUnit, RankingSnapshot } from "@scorecard/shared/contracts/api";
import type { PublicationInfo, UnitDifference } from "@scorecard/shared/admin/publication";

// The read and findings routes' shapes are defined once, in shared (the server returns them).
export type {
  CaseRow,
  Finding,
  FindingInput,
  OpenCase,
  TrendPoint,
  UnitCases,
  UnitScorecard,
  UnitTrend,
  UnitWarnings,
  WarningSummary,
} from "@scorecard/shared/contracts/read-api";
export type { PublicationInfo };

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

export type RankingView = RankingSnapshot & { readonly publication?: PublicationInfo };

// ——— Home Affairs (docs/api-admin.md) ———

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
