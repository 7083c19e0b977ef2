/**
 * Shapes of the role-checked, admin and local sign-in routes as the dashboard reads them: the
 * contracts in shared/src/contracts (the server's use cases return the same types). Types only,
 * through subpaths: zod never reaches the bundle.
 */
import type { RankedUnit } from "@scorecard/shared/contracts/api";
import type { Publication } from "@scorecard/shared/contracts/admin";

export type {
  CaseRow,
  OpenCase,
  RankingView,
  TrendPoint,
  UnitCases,
  UnitScorecard,
  UnitTrend,
  UnitWarnings,
  WarningSummary,
} from "@scorecard/shared/contracts/read-api";
export type { DossierRecord, IndicatorList, ListRecord } from "@scorecard/shared/contracts/indicator-lists";
export type { AuditEntry, AuditPage, Criterion, Finding, Head, HeadGeneral, HeadRoster, Publication, PublicationPreview, Publications } from "@scorecard/shared/contracts/admin";
export type { FindingInput } from "@scorecard/shared/contracts/admin-requests";
export type { DemoUser, LocalUsers, LoginResult, StaffRole as Role } from "@scorecard/shared/contracts/local";
export type { PublicationInfo, UnitDifference } from "@scorecard/shared/admin/publication";

/** `POST /v1/admin/publish` answers the new version. */
export type PublishResult = Publication;

/** Group points, when the server sends them (methodology §3: six groups). */
export interface GroupValue {
  readonly points: number | null;
  readonly max: number;
}

/** A ranked unit, possibly with its group points (`groups`, sent once every indicator is computed). */
export type UnitWithGroups = RankedUnit;
