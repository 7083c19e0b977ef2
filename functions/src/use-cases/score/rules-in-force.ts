import type { Methodology, UnitCatalog, WorkingCalendar } from "@scorecard/shared";
import type { RulesSource } from "../../ports/rules.js";

/** Dependencies that carry the rules a run scores with, and optionally where to read them. */
export interface WithRules {
  readonly catalog: UnitCatalog;
  readonly calendar?: WorkingCalendar | undefined;
  /** The series scored (METHODOLOGY_ID): its published versions are taken from the rules. */
  readonly methodology: string;
  /** The published versions of the series, in order of their effective dates (none: the series itself for every period). */
  readonly methodologyVersions?: readonly Methodology[] | undefined;
  /**
   * Where the run reads the holiday calendar and the unit catalog in force (issue 24, item 4: the
   * admin store). Absent: `catalog` and `calendar` as given (tests, tools without the store).
   */
  readonly rules?: RulesSource | undefined;
}

/**
 * The dependencies with the rules in force read once from their source (`rules` then dropped, so
 * the run's later steps keep these): the SQL's dims and the reference scorer then count with the
 * same calendar and catalog, and each period is scored with the methodology version in force on
 * its start date (../score/score-period.ts `methodologyFor`).
 */
export async function withRulesInForce<D extends WithRules>(deps: D): Promise<D> {
  if (!deps.rules) return deps;
  const r = await deps.rules.load();
  return { ...deps, catalog: r.catalog, calendar: r.calendar, methodologyVersions: r.methodologies[deps.methodology] ?? [], rules: undefined };
}
