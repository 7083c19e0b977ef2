import { type Actor, type StoredCriterion, headGeneralCode } from "../../ports/admin.js";
import { isPeriodId, parsePeriod, tenureIn } from "@scorecard/shared";
import type { HeadGeneral } from "@scorecard/shared/contracts/admin";
import type { AppraisalInput } from "@scorecard/shared/contracts/admin-requests";
import { type AdminDeps, AdminError, auditEntry, auditRefusal, flushAudit, invalid, methodologyOf } from "./common.js";

/**
 * The 30 points of general criteria of a head of unit for a period (methodology §6), entered by
 * Home Affairs. Stored as a manual criterion of the head's unit and period under the code
 * `HEAD#<headId>` (docs/storage.md): the same versioned, audited, conditional item as the reform
 * index's manual criteria, in the unit's partition. No inspection finding locks these: a finding
 * against a head is deducted from the results (70), not from the general criteria.
 */

const view = (unitId: string, headId: string, period: string, max: number, c: StoredCriterion | undefined): HeadGeneral => ({
  unitId,
  headId,
  period,
  max,
  points: c?.points ?? null,
  evidence: c?.evidence ?? null,
  version: c?.version ?? 0,
  updatedAt: c?.updatedAt ?? null,
});

/** The unit, the head in its roster, a period in which the head served. */
async function checkTarget(deps: AdminDeps, unitId: string, headId: string, periodId: string) {
  if (!isPeriodId(periodId)) throw invalid("period", "a period id such as 2024-H1 or 2024");
  if (!deps.catalog.get(unitId)) throw new AdminError("NOT_FOUND", `No unit ${unitId}.`);
  const period = parsePeriod(periodId);
  const head = (await deps.stores.heads.get(unitId))?.heads.find((h) => h.headId === headId);
  if (!head) throw new AdminError("NOT_FOUND", `No head ${headId} in ${unitId}.`);
  if (tenureIn({ ...head, unitId }, period) === null) throw invalid("period", `${headId} was not in office during ${period.id}`, "OUT_OF_TENURE");
  return { period };
}

export const getHeadGeneral = (deps: AdminDeps) => async (unitId: string, headId: string, periodId: string): Promise<HeadGeneral> => {
  const { period } = await checkTarget(deps, unitId, headId, periodId);
  const max = methodologyOf(deps).headRating.generalMax;
  return view(unitId, headId, period.id, max, await deps.stores.criteria.get(unitId, period.id, headGeneralCode(headId)));
};

/**
 * Enter (or change, at `expectedVersion`) a head's general criteria for a period: 0..generalMax
 * points with an evidence reference. Audited; a concurrent change is a VERSION_CONFLICT.
 */
export const appraiseHeadGeneral =
  (deps: AdminDeps) =>
  async (actor: Actor, unitId: string, headId: string, periodId: string, expectedVersion: number, input: AppraisalInput): Promise<HeadGeneral> => {
    const { period } = await checkTarget(deps, unitId, headId, periodId);
    const max = methodologyOf(deps).headRating.generalMax;
    if (!(input.points >= 0 && input.points <= max)) throw invalid("points", `between 0 and ${max}`, "OUT_OF_RANGE");
    const code = headGeneralCode(headId);
    const entityId = `${unitId}/${period.id}/${headId}`;
    const current = await deps.stores.criteria.get(unitId, period.id, code);
    await flushAudit(deps, current);
    const next: StoredCriterion = {
      unitId,
      periodId: period.id,
      criterion: code,
      points: input.points,
      evidence: input.evidence,
      lockedBy: [],
      version: expectedVersion + 1,
      updatedAt: deps.clock.now().toISOString(),
      lastAudit: null,
    };
    const before = current && current.version > 0 ? { points: current.points, evidence: current.evidence, version: current.version } : null;
    const entry = auditEntry(deps, actor, "head.general.appraise", "head-general", entityId, next.version, before, { points: next.points, evidence: next.evidence, version: next.version });
    if ((await deps.stores.criteria.appraise({ ...next, lastAudit: entry }, expectedVersion)) === "ok") {
      await deps.stores.audit.append(entry);
      return view(unitId, headId, period.id, max, next);
    }
    await auditRefusal(deps, actor, "head.general.appraise.refused", "head-general", entityId, input, "VERSION_CONFLICT");
    const now = await deps.stores.criteria.get(unitId, period.id, code);
    throw new AdminError("VERSION_CONFLICT", `The general criteria of ${headId} for ${period.id} are at version ${now?.version ?? 0}, not ${expectedVersion}: reload and enter them again.`);
  };
