import type { Clock } from "../../ports/runtime.js";
import type { Lake } from "../../ports/lake.js";
import type { IndexedOpenCase, OpenCaseIndex } from "../../ports/read.js";
import { localDateOf, localMidnightUtc, type UnitCatalog, WorkingCalendar } from "@scorecard/shared";
import type { OpenCase, UnitWarnings, WarnedConsultation, WarningSummary } from "@scorecard/shared/contracts/read-api";
import { type ProcedureName, procedureNames } from "./procedure-names.js";

/** The early warnings of one unit (the shared read-API contract). */
export type EarlyWarnings = UnitWarnings;

export interface WarningDeps {
  readonly openCases: OpenCaseIndex;
  readonly clock: Clock;
  readonly catalog: UnitCatalog;
  readonly calendar?: WorkingCalendar;
  /** The lake, for the procedure names of the ingested catalog (absent: codes only). */
  readonly lake?: Lake | undefined;
}

/** Sorts after every ISO instant: "due before" it is every row of the partition. */
const EVERY_ROW = "\uffff";
const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** One row per dossier: a unit both holding and consulted on it keeps the row due first (the holder's on a tie). */
function onePerCase(rows: readonly IndexedOpenCase[]): IndexedOpenCase[] {
  const byCase = new Map<string, IndexedOpenCase>();
  for (const r of rows) {
    const prev = byCase.get(r.caseId);
    if (!prev || r.dueAt < prev.dueAt || (r.dueAt === prev.dueAt && r.role === "HOLDER")) byCase.set(r.caseId, r);
  }
  return [...byCase.values()];
}

const byDue = (a: { dueAt: string; caseId: string }, b: { dueAt: string; caseId: string }) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);

/**
 * The early-warning lists from the live open-case index (directive D3): what a unit must act on
 * today before its numbers worsen. A unit sees the open dossiers it holds now (the receiving unit,
 * or the target of the latest transfer — not the units that held it before) and those it was
 * consulted on and has not answered, each against its own due time (OpenCase.dueAt). A dossier
 * whose clock is stopped by an open supplement request is neither overdue nor due soon: it is
 * listed apart (`paused`). Reads the index, never the lake's events or the query engine.
 */
export const earlyWarnings = (deps: WarningDeps) => {
  const calendar = deps.calendar ?? new WorkingCalendar();
  const names = procedureNames(deps);
  return async (unitId: string, options: { readonly details?: boolean } = {}): Promise<EarlyWarnings> => {
    const now = deps.clock.now();
    const nowIso = now.toISOString();
    const today = localDateOf(now);
    const until = localMidnightUtc(dayAfter(calendar.addWorkingDays(today, 2)));
    const details = options.details ?? true;
    // The unit's page reads its whole partition (the pending consultations of dossiers due later are
    // listed too); the province summary only what is due soon.
    const [held, paused, catalog] = await Promise.all([
      deps.openCases.openCasesDueBefore(unitId, details ? EVERY_ROW : until),
      details ? deps.openCases.pausedCases(unitId) : Promise.resolve([]),
      details ? names() : Promise.resolve(new Map<string, ProcedureName>()),
    ]);
    const open = held.filter((r) => r.dueAt < until);
    const view = (r: IndexedOpenCase): OpenCase => {
      const p = r.procedureCode === null ? undefined : catalog.get(r.procedureCode);
      const overdue = r.pausedSince === null && r.dueAt < nowIso;
      return {
        ...r,
        procedureNameVi: p?.nameVi ?? null,
        procedureNameEn: p?.nameEn ?? null,
        daysLate: overdue ? calendar.workingDaysBetween(localDateOf(r.dueAt), today) : 0,
      };
    };
    const rows = onePerCase(open).sort(byDue).map(view);
    const pausedRows = onePerCase(paused)
      .sort((a, b) => ((a.pausedSince ?? "") < (b.pausedSince ?? "") ? -1 : (a.pausedSince ?? "") > (b.pausedSince ?? "") ? 1 : byDue(a, b)))
      .map(view);
    // Pending consultations either side: those the unit waits for on the dossiers it holds, those it must answer.
    const seen = new Set<string>();
    const consultations: WarnedConsultation[] = [];
    for (const r of [...held, ...paused]) {
      const side = r.role === "CONSULTED" ? "TO_ANSWER" : "AWAITING";
      for (const c of r.consultations) {
        const key = `${r.caseId}|${side}|${c.consultedUnitId}|${c.requestedAt}`;
        if (seen.has(key)) continue;
        seen.add(key);
        consultations.push({ caseId: r.caseId, side, ...c, overdue: c.stepDueAt !== null && c.stepDueAt < nowIso });
      }
    }
    const dueKey = (c: WarnedConsultation) => c.stepDueAt ?? EVERY_ROW;
    consultations.sort((a, b) => (dueKey(a) < dueKey(b) ? -1 : dueKey(a) > dueKey(b) ? 1 : a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
    return {
      unitId,
      asOf: nowIso,
      overdue: rows.filter((c) => c.dueAt < nowIso),
      dueSoon: rows.filter((c) => c.dueAt >= nowIso),
      dueSoonUntil: until,
      paused: pausedRows,
      consultations,
    };
  };
};

/** Counts per unit valid today, for the chairman's overview. */
export const earlyWarningSummary = (deps: WarningDeps) => {
  const one = earlyWarnings(deps);
  return async (): Promise<WarningSummary> => {
    const today = localDateOf(deps.clock.now());
    const units = deps.catalog.units.filter((u) => ["DEPARTMENT", "DISTRICT", "COMMUNE", "VERTICAL"].includes(u.tier) && deps.catalog.isValidOn(u.unitId, today));
    const rows = [];
    for (const u of units) {
      const w = await one(u.unitId, { details: false });
      if (w.overdue.length + w.dueSoon.length > 0) rows.push({ unitId: u.unitId, tier: u.tier, nameVi: u.nameVi, overdue: w.overdue.length, dueSoon: w.dueSoon.length });
    }
    rows.sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon);
    return { asOf: deps.clock.now().toISOString(), units: rows };
  };
};
