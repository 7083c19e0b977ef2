import type { Actor } from "../../ports/admin.js";
import type { AppraisalInput, ConclusionInput } from "@scorecard/shared/contracts/admin-requests";
import type { Criterion, Finding, HeadGeneral, SurveyImportReport } from "@scorecard/shared/contracts/admin";
import { type Changed, refreshAfterChange } from "../ratings/ratings.js";
import { AdminError, type AdminDeps } from "./common.js";
import { appraiseCriterion } from "./criteria.js";
import { concludeFinding } from "./findings.js";
import { appraiseHeadGeneral } from "./head-general.js";
import { importSurvey, parseSurveyCsv } from "./survey.js";

/** Where a refresh that failed after a committed change is reported (the handler's logger). */
export type Warn = (message: string, context: Readonly<Record<string, unknown>>) => void;

/**
 * The Home Affairs changes that feed the head ratings and the reform index (a concluded finding, a
 * manual criterion, a head's general criteria, a survey import), each followed by the recomputation
 * of its period's ratings (no SQL). The change itself is committed first: a failed recomputation is
 * reported and healed by the next scoring run, never turned into a failed request.
 */
export function ratedChanges(deps: AdminDeps, warn: Warn) {
  const rerate = async (periods: readonly string[], changed: Changed = {}) => {
    try {
      await refreshAfterChange(deps)(periods, changed);
    } catch (err) {
      warn("ratings not refreshed after a Home Affairs change", { periods, error: (err as Error).message });
    }
  };
  return {
    concludeFinding: async (actor: Actor, findingId: string, expectedVersion: number, input: ConclusionInput): Promise<Finding> => {
      const f = await concludeFinding(deps)(actor, findingId, expectedVersion, input);
      await rerate([f.period], { findingId });
      return f;
    },
    appraiseCriterion: async (actor: Actor, unitId: string, periodId: string, criterion: string, expectedVersion: number, input: AppraisalInput): Promise<Criterion> => {
      const c = await appraiseCriterion(deps)(actor, unitId, periodId, criterion, expectedVersion, input);
      await rerate([c.period], { unitId });
      return c;
    },
    appraiseHeadGeneral: async (actor: Actor, unitId: string, headId: string, periodId: string, expectedVersion: number, input: AppraisalInput): Promise<HeadGeneral> => {
      const g = await appraiseHeadGeneral(deps)(actor, unitId, headId, periodId, expectedVersion, input);
      await rerate([g.period], { unitId });
      return g;
    },
    importSurvey: async (actor: Actor, csv: string): Promise<SurveyImportReport> => {
      const report = await importSurvey(deps)(actor, csv);
      await rerate(parseSurveyCsv(deps, csv).map((r) => r.period));
      return report;
    },
  };
}

/** `POST /v1/admin/ratings`: recompute a period's ratings on request; NO_DRAFT before it is scored. */
export const refreshPeriodRatings =
  (deps: AdminDeps) =>
  async (periodId: string): Promise<{ period: string; refreshed: true }> => {
    const done = await refreshAfterChange(deps)([periodId]);
    if (done[0] === undefined) throw new AdminError("NO_DRAFT", `${periodId} has not been scored yet: nothing to rate.`);
    return { period: done[0], refreshed: true };
  };
