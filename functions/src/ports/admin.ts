import type { ReportPublicationStore } from "./report-publications.js";
import type { AuditEntry } from "@scorecard/shared/contracts/admin";
import type { ImproperReturnBasis } from "@scorecard/shared/contracts/admin-requests";
import type { RulesStore } from "./rules.js";
import type { ProposalStore } from "./proposals.js";
import type { ReportSubmissionStore } from "./report-submissions.js";
import type { CorrectiveActionStore } from "./corrective-actions.js";
import type { ConditionalWrite, Versioned } from "./versioned.js";

/** The Home Affairs workspace's stores (issue 6; docs/storage.md "admin items"): findings, criteria, the survey, heads, the audit log. */

/** Who did it: the principal's subject and role (ARCHITECTURE §7: every change is audited). */
export interface Actor {
  readonly sub: string;
  readonly role: string;
}

/** One append-only audit record, as stored and as the API shows it (the wire contract). */
export type { AuditEntry };

/** One page as the store reads it: `next` is absent on the last page (the API answers null). */
export interface AuditPage {
  readonly entries: AuditEntry[];
  /** Opaque cursor for the next (older) page; absent on the last page. */
  readonly next?: string | undefined;
}

/** The audit log: append and read, nothing else (no update, no delete — by design and by IAM). */
export interface AuditLog {
  /** Store the entry once; appending the same entry again changes nothing. */
  append(entry: AuditEntry): Promise<void>;
  /** Newest first, between `from` and `to` (ISO instants, inclusive), `limit` per page. */
  page(query: { readonly from?: string | undefined; readonly to?: string | undefined; readonly limit: number; readonly cursor?: string | undefined }): Promise<AuditPage>;
}

/** The shapes every admin item's store shares: defined once in ./versioned.ts (the issue-24 ports import them from there, not from here). */
export type { ConditionalWrite, Versioned } from "./versioned.js";

export interface StoredFinding extends Versioned {
  readonly findingId: string;
  readonly unitId: string;
  readonly headId: string | null;
  readonly periodId: string;
  /** Resolved criterion code (the template's default when the finding named none). */
  readonly criterion: string;
  readonly deduction: number;
  readonly evidence: string;
  readonly noticeNumber: string | null;
  readonly noticeDate: string | null;
  readonly status: "DRAFT" | "CONCLUDED";
  /** The lock token placed on the criterion when the finding was concluded. */
  readonly lockToken: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface FindingStore {
  get(findingId: string): Promise<StoredFinding | undefined>;
  /** Create once (condition: no item with that id). */
  create(finding: StoredFinding): Promise<ConditionalWrite>;
  /**
   * Replace a DRAFT finding whose stored version is `expectedVersion` (condition on the item). When
   * concluding, `lockToken` must not have been revoked (see `revoke`).
   */
  replace(finding: StoredFinding, expectedVersion: number): Promise<ConditionalWrite>;
  /** Findings counted in a period, optionally of one unit. */
  listByPeriod(periodId: string, unitId?: string): Promise<StoredFinding[]>;
  /** Fence off an abandoned lock token: refused (condition) once the finding is concluded. */
  revoke(findingId: string, lockToken: string): Promise<ConditionalWrite>;
}

/**
 * The criterion code under which a head's general criteria (methodology §6, 30 points) are stored
 * beside the unit's manual criteria: `HEAD#<headId>`.
 */
export const HEAD_GENERAL_PREFIX = "HEAD#";

export const headGeneralCode = (headId: string) => `${HEAD_GENERAL_PREFIX}${headId}`;

export interface StoredCriterion extends Versioned {
  readonly unitId: string;
  readonly periodId: string;
  readonly criterion: string;
  /** Manual points (0..max); null while only a lock exists, and for an indicator entry (below). */
  readonly points: number | null;
  /**
   * A service-index indicator entered by Home Affairs (source MANUAL: D3) is stored as a criterion
   * item of its code, so that a concluded finding naming it locks it like any criterion: its counts,
   * numerator ≤ denominator (use-cases/admin/manual-indicators.ts). Absent on the other criteria.
   */
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  readonly evidence: string | null;
  /** Lock tokens `<findingId>#<attempt>` of (possibly in-flight) conclusions covering this criterion. */
  readonly lockedBy: readonly string[];
  readonly updatedAt: string | null;
}

export interface CriterionStore {
  get(unitId: string, periodId: string, criterion: string): Promise<StoredCriterion | undefined>;
  list(unitId: string, periodId: string): Promise<StoredCriterion[]>;
  /** Every unit's criteria of a period (one query; may lag a write by the index's propagation). */
  listByPeriod(periodId: string): Promise<StoredCriterion[]>;
  /** Manual appraisal; condition: no lock token on the item and version = expectedVersion (0 = never appraised). */
  appraise(entry: StoredCriterion, expectedVersion: number): Promise<ConditionalWrite>;
  /** Add / remove one lock token (set semantics; creates the item when absent). */
  lock(unitId: string, periodId: string, criterion: string, token: string): Promise<void>;
  unlock(unitId: string, periodId: string, criterion: string, token: string): Promise<void>;
}

/**
 * Where a scoring run reads the manual indicator entries of a period (D3; issue 20, item 5): the
 * criterion items of the period, of which it keeps the methodology's MANUAL indicators.
 */
export type ManualIndicatorSource = Pick<CriterionStore, "listByPeriod">;

export interface StoredSurveyResult extends Versioned {
  readonly unitId: string;
  readonly periodId: string;
  /** Satisfaction share 0..1 (methodology §5, criterion 8). */
  readonly share: number;
  readonly respondents: number | null;
  readonly evidence: string;
  readonly importId: string;
  readonly updatedAt: string;
}

export interface SurveyStore {
  list(periodId: string): Promise<StoredSurveyResult[]>;
  /** Condition: version = expectedVersion (0 = none yet). */
  put(result: StoredSurveyResult, expectedVersion: number): Promise<ConditionalWrite>;
}

export interface StoredHead {
  readonly headId: string;
  readonly name: string;
  readonly title: string;
  readonly tenureFrom: string;
  readonly tenureTo: string | null;
  readonly demo: boolean;
}

/** All heads of one unit in one item, so that "tenures never overlap" is one conditional write. */
export interface HeadRoster extends Versioned {
  readonly unitId: string;
  readonly heads: readonly StoredHead[];
  readonly updatedAt: string;
}

export interface HeadStore {
  get(unitId: string): Promise<HeadRoster | undefined>;
  list(): Promise<HeadRoster[]>;
  /** Condition: version = expectedVersion (0 = the unit has no roster yet). */
  put(roster: HeadRoster, expectedVersion: number): Promise<ConditionalWrite>;
}

/**
 * A dossier's return marked improper by Home Affairs, or a mark withdrawn (issue 20, item 6;
 * docs/adr/0015-improper-returns.md). One item per dossier; its history is the audit log.
 */
export interface StoredImproperReturn extends Versioned {
  readonly caseId: string;
  /** The unit that returned the dossier. */
  readonly unitId: string;
  readonly status: "MARKED" | "UNMARKED";
  readonly basis: ImproperReturnBasis;
  readonly note: string | null;
  readonly unmarkReason: string | null;
  /** When it was last marked. */
  readonly markedAt: string;
  readonly updatedAt: string;
}

export interface ImproperReturnStore {
  get(caseId: string): Promise<StoredImproperReturn | undefined>;
  /** Every item, marked or withdrawn (one partition: a few thousand at most). */
  list(): Promise<StoredImproperReturn[]>;
  /** Condition: version = expectedVersion (0 = no item yet). */
  put(item: StoredImproperReturn, expectedVersion: number): Promise<ConditionalWrite>;
}

/** The Home Affairs stores, as one bag for wiring. */
export interface AdminStores {
  readonly findings: FindingStore;
  readonly criteria: CriterionStore;
  readonly surveys: SurveyStore;
  readonly heads: HeadStore;
  readonly improperReturns: ImproperReturnStore;
  // corrective actions (issue 24, item 1)
  readonly correctiveActions: CorrectiveActionStore;
  // proposals on heads (issue 24, item 2)
  readonly proposals: ProposalStore;
  // reports and their submission (issue 24, item 3)
  readonly reportPublications: ReportPublicationStore;
  readonly reportSubmissions: ReportSubmissionStore;
  // rules as data (issue 24, item 4)
  readonly rules: RulesStore;
  readonly audit: AuditLog;
}
