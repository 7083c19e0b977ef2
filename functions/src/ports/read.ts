/** The live open-case index (early warnings) and a dossier's stored events (its timeline). */
import type { StoredCaseEvent } from "@scorecard/shared";
import type { OpenCase, PendingConsultation } from "@scorecard/shared/contracts/read-api";

export type { OpenCase, PendingConsultation };

/** A row of the open-case index as stored: an OpenCase without what is decided when it is read (today's lateness, names). */
export type IndexedOpenCase = Omit<OpenCase, "daysLate" | "procedureNameVi" | "procedureNameEn">;

/**
 * The live open-case index (docs/storage.md): for each unit, the open dossiers it holds and those
 * it was consulted on and has not answered, each with the due time that unit is warned against.
 */
export interface OpenCaseIndex {
  /** A unit's rows whose clock runs, due before an instant. */
  openCasesDueBefore(unitId: string, before: string): Promise<IndexedOpenCase[]>;
  /** A unit's held dossiers whose clock is stopped (a supplement requested from the applicant, not received yet). */
  pausedCases(unitId: string): Promise<IndexedOpenCase[]>;
  /** All distinct stored (pseudonymised) events of a dossier, any order; empty when none is stored. */
  caseEvents(caseId: string): Promise<StoredCaseEvent[]>;
}
