/** The live open-case index (early warnings) and a dossier's stored events (its timeline). */
import type { Period, StoredCaseEvent } from "@scorecard/shared";
import type { Row } from "./engine.js";
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

/**
 * The drill-down lists of scoring runs over kept case facts, read on request (docs/adr/0023 point 7;
 * use-cases/score/kept-lists.ts): one unit's (or `_province`'s) rows of an end's list, and a unit's
 * catalog entries, as the lake's list files hold them.
 */
export interface KeptLists {
  /** The rows of the list of `span`'s end for `partition`: every dossier and record of the end (no finished list apart). */
  endRows(span: Period, partition: string): Promise<Row[]>;
  /** The unit's catalog entries over `span` (the catalog list's rows). */
  catalogRows(span: Period, unitId: string): Promise<Row[]>;
}
