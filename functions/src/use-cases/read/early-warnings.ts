import type { Clock } from "../../ports/runtime.js";
import type { OpenCaseIndex } from "../../ports/read.js";
import { localDateOf, localMidnightUtc, type UnitCatalog, WorkingCalendar } from "@scorecard/shared";
import type { UnitWarnings, WarningSummary } from "@scorecard/shared/contracts/read-api";

/** The early warnings of one unit (the shared read-API contract). */
export type EarlyWarnings = UnitWarnings;


export interface WarningDeps {
  readonly openCases: OpenCaseIndex;
  readonly clock: Clock;
  readonly catalog: UnitCatalog;
  readonly calendar?: WorkingCalendar;
}

/**
 * The early-warning list from the live case state (directive D3): what a unit must act on today
 * before its numbers worsen. Reads the open-case index, never the lake or the query engine.
 */
export const earlyWarnings = (deps: WarningDeps) => {
  const calendar = deps.calendar ?? new WorkingCalendar();
  return async (unitId: string): Promise<EarlyWarnings> => {
    const now = deps.clock.now();
    const today = localDateOf(now);
    const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const until = localMidnightUtc(dayAfter(calendar.addWorkingDays(today, 2)));
    const open = await deps.openCases.openCasesDueBefore(unitId, until);
    const nowIso = now.toISOString();
    return {
      unitId,
      asOf: nowIso,
      overdue: open.filter((c) => c.dueAt < nowIso),
      dueSoon: open.filter((c) => c.dueAt >= nowIso),
      dueSoonUntil: until,
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
      const w = await one(u.unitId);
      if (w.overdue.length + w.dueSoon.length > 0) rows.push({ unitId: u.unitId, tier: u.tier, nameVi: u.nameVi, overdue: w.overdue.length, dueSoon: w.dueSoon.length });
    }
    rows.sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon);
    return { asOf: deps.clock.now().toISOString(), units: rows };
  };
};
