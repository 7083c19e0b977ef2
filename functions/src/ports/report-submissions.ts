import type { ConditionalWrite, Versioned } from "./versioned.js";

/**
 * The six-monthly and annual reports' submission (Directive 03, D10; issue 24, item 3;
 * docs/adr/0020-proposals-and-report-submissions.md; docs/storage.md "admin items"): a period's
 * deadline set by Home Affairs and each unit's narrative, both versioned and audited like the
 * other admin items. A period's items share one partition, so the tracker reads them in one
 * consistent query.
 */

/** The deadline Home Affairs set for a half-year or a year (a local date, UTC+7). */
export interface StoredReportDeadline extends Versioned {
  readonly periodId: string;
  /** The last local day on which a submission is on time. */
  readonly deadline: string;
  readonly note: string | null;
  readonly updatedAt: string;
}

/** A unit's narrative for a period's report: revised in place (a new version), its first submission kept. */
export interface StoredNarrative extends Versioned {
  readonly periodId: string;
  readonly unitId: string;
  readonly text: string;
  /** When it was first submitted: what on time or late is judged by. */
  readonly submittedAt: string;
  /** The subject of the officer who last wrote it. */
  readonly submittedBy: string;
  readonly updatedAt: string;
}

export interface ReportSubmissionStore {
  getDeadline(periodId: string): Promise<StoredReportDeadline | undefined>;
  /** Condition: version = expectedVersion (0 = no deadline yet). */
  putDeadline(item: StoredReportDeadline, expectedVersion: number): Promise<ConditionalWrite>;
  getNarrative(periodId: string, unitId: string): Promise<StoredNarrative | undefined>;
  /** Every narrative of a period (one consistent query). */
  listNarratives(periodId: string): Promise<StoredNarrative[]>;
  /** Condition: version = expectedVersion (0 = nothing submitted yet). */
  putNarrative(item: StoredNarrative, expectedVersion: number): Promise<ConditionalWrite>;
}
