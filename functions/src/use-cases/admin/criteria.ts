import type { Actor, StoredCriterion } from "../../ports/admin.js";
import { isPeriodId, parsePeriod } from "@scorecard/shared";
import type { Criterion } from "@scorecard/shared/contracts/admin";
import type { AppraisalInput } from "@scorecard/shared/contracts/admin-requests";
import { type AdminDeps, AdminError, auditEntry, auditRefusal, flushAudit, invalid, methodologyOf } from "./common.js";

function checkTarget(deps: AdminDeps, unitId: string, periodId: string, criterion: string) {
  const m = methodologyOf(deps);
  if (!isPeriodId(periodId)) throw invalid("period", "a period id such as 2024-H1 or 2024");
  const def = m.reformIndex.criteria.find((c) => c.code === criterion);
  if (!def && m.indicators.some((d) => d.code === criterion && d.source === "MANUAL")) {
    throw invalid("criterion", `${criterion} is a service-index indicator Home Affairs enters as counts: /v1/admin/indicators/{unitId}/{period}/${criterion}`, "UNKNOWN_CRITERION");
  }
  if (!def) throw invalid("criterion", `one of ${m.reformIndex.criteria.map((c) => c.code).join(", ")}`, "UNKNOWN_CRITERION");
  if (!deps.catalog.get(unitId)) throw new AdminError("NOT_FOUND", `No unit ${unitId}.`);
  return { def, periodId: parsePeriod(periodId).id };
}

/** The lock tokens on a criterion that belong to a concluded finding (the others are abandoned attempts). */
export async function liveLocks(deps: AdminDeps, c: StoredCriterion): Promise<{ live: string[]; abandoned: string[] }> {
  const live: string[] = [];
  const abandoned: string[] = [];
  for (const token of c.lockedBy) {
    const findingId = token.slice(0, token.lastIndexOf("#"));
    const f = await deps.stores.findings.get(findingId);
    (f?.status === "CONCLUDED" && f.lockToken === token ? live : abandoned).push(token);
  }
  return { live, abandoned };
}

/**
 * Remove abandoned lock tokens safely: first fence the token on its finding (`revoke`, refused once
 * the finding is concluded), so that a slow concluder holding it can never commit afterwards.
 * Returns the findings that turned out to be concluded after all.
 */
export async function clearAbandoned(deps: AdminDeps, c: StoredCriterion, tokens: readonly string[]): Promise<string[]> {
  const concluded: string[] = [];
  for (const token of tokens) {
    const findingId = token.slice(0, token.lastIndexOf("#"));
    if ((await deps.stores.findings.revoke(findingId, token)) !== "ok") {
      const f = await deps.stores.findings.get(findingId);
      if (f?.status === "CONCLUDED" && f.lockToken === token) {
        concluded.push(findingId);
        continue;
      }
      // The finding is gone or concluded with another token: this token can never commit.
    }
    await deps.stores.criteria.unlock(c.unitId, c.periodId, c.criterion, token);
  }
  return concluded;
}

type Def = { readonly code: string; readonly max: number; readonly source: "MANUAL" | "COMPUTED" };
const view = (unitId: string, periodId: string, def: Def, c: StoredCriterion | undefined, live: readonly string[]): Criterion => ({
  unitId,
  period: periodId,
  criterion: def.code,
  max: def.max,
  source: def.source,
  points: c?.points ?? null,
  evidence: c?.evidence ?? null,
  version: c?.version ?? 0,
  lockedBy: live.map((t) => t.slice(0, t.lastIndexOf("#"))),
  locked: live.length > 0,
  updatedAt: c?.updatedAt ?? null,
});

export const getCriterion = (deps: AdminDeps) => async (unitId: string, periodId: string, criterion: string): Promise<Criterion> => {
  const { def, periodId: p } = checkTarget(deps, unitId, periodId, criterion);
  const c = await deps.stores.criteria.get(unitId, p, criterion);
  return view(unitId, p, def, c, c ? (await liveLocks(deps, c)).live : []);
};

/** Every criterion of the template for a unit and period, appraised or not. */
export const listCriteria = (deps: AdminDeps) => async (unitId: string, periodId: string): Promise<Criterion[]> => {
  const m = methodologyOf(deps);
  const { periodId: p } = checkTarget(deps, unitId, periodId, m.reformIndex.defaultDeductionCriterion);
  const stored = new Map((await deps.stores.criteria.list(unitId, p)).map((c) => [c.criterion, c]));
  const out: Criterion[] = [];
  for (const def of m.reformIndex.criteria) {
    const c = stored.get(def.code);
    out.push(view(unitId, p, def, c, c ? (await liveLocks(deps, c)).live : []));
  }
  return out;
};

/**
 * Appraise a manual criterion (points 0..max, evidence reference) at `expectedVersion` (0 for the
 * first appraisal). Refused with CRITERION_LOCKED by the storage condition when a concluded finding
 * covers the criterion for that unit and period (Directive 03, clause 1đ).
 */
export const appraiseCriterion =
  (deps: AdminDeps) =>
  async (actor: Actor, unitId: string, periodId: string, criterion: string, expectedVersion: number, input: AppraisalInput): Promise<Criterion> => {
    const { def, periodId: p } = checkTarget(deps, unitId, periodId, criterion);
    if (def.source !== "MANUAL") throw invalid("criterion", `${criterion} is computed from the indicators, not appraised by hand`, "NOT_MANUAL");
    if (!(input.points >= 0 && input.points <= def.max)) throw invalid("points", `between 0 and ${def.max} (the maximum of ${criterion})`, "OUT_OF_RANGE");
    for (let attempt = 0; ; attempt++) {
      const current = await deps.stores.criteria.get(unitId, p, criterion);
      await flushAudit(deps, current);
      const next: StoredCriterion = {
        unitId,
        periodId: p,
        criterion,
        points: input.points,
        evidence: input.evidence,
        lockedBy: [],
        version: expectedVersion + 1,
        updatedAt: deps.clock.now().toISOString(),
        lastAudit: null,
      };
      const before = current && current.version > 0 ? { points: current.points, evidence: current.evidence, version: current.version } : null;
      const entry = auditEntry(deps, actor, "criterion.appraise", "criterion", `${unitId}/${p}/${criterion}`, next.version, before, { points: next.points, evidence: next.evidence, version: next.version });
      if ((await deps.stores.criteria.appraise({ ...next, lastAudit: entry }, expectedVersion)) === "ok") {
        await deps.stores.audit.append(entry);
        return view(unitId, p, def, next, []);
      }
      const now = await deps.stores.criteria.get(unitId, p, criterion);
      if (now && now.lockedBy.length > 0) {
        const { live, abandoned } = await liveLocks(deps, now);
        const concluded = [...live.map((t) => t.slice(0, t.lastIndexOf("#"))), ...(attempt === 0 ? await clearAbandoned(deps, now, abandoned) : abandoned)];
        if (concluded.length > 0 || attempt > 0) {
          await auditRefusal(deps, actor, "criterion.appraise.refused", "criterion", `${unitId}/${p}/${criterion}`, input, "CRITERION_LOCKED");
          throw new AdminError("CRITERION_LOCKED", `${criterion} of ${unitId} for ${p} is covered by concluded finding(s) ${concluded.join(", ") || "(a conclusion in progress)"}: the inspection result stands.`);
        }
        continue; // only abandoned tokens were in the way and are gone now: try once more
      }
      await auditRefusal(deps, actor, "criterion.appraise.refused", "criterion", `${unitId}/${p}/${criterion}`, input, "VERSION_CONFLICT");
      throw new AdminError("VERSION_CONFLICT", `${criterion} of ${unitId} for ${p} is at version ${now?.version ?? 0}, not ${expectedVersion}: reload and appraise again.`);
    }
  };
