import type { Actor, StoredFinding } from "../../ports/admin.js";
import { isPeriodId, localDateOf, parsePeriod } from "@scorecard/shared";
import type { Finding } from "@scorecard/shared/contracts/admin";
import type { ConclusionInput, FindingInput } from "@scorecard/shared/contracts/admin-requests";
import { type AdminDeps, AdminError, auditEntry, auditRefusal, flushAudit, invalid, isLocalDate, methodologyOf } from "./common.js";
import { lockableCriterion, lockableCodes } from "./manual-indicators.js";

export const findingView = (f: StoredFinding): Finding => ({
  findingId: f.findingId,
  unitId: f.unitId,
  headId: f.headId,
  period: f.periodId,
  criterion: f.criterion,
  deduction: f.deduction,
  evidence: f.evidence,
  noticeNumber: f.noticeNumber,
  noticeDate: f.noticeDate,
  status: f.status,
  version: f.version,
  createdAt: f.createdAt,
  updatedAt: f.updatedAt,
});

/** Domain checks the schema cannot make: the unit, head, period, criterion and the deduction's range. */
async function checkInput(deps: AdminDeps, input: FindingInput): Promise<{ criterion: string }> {
  const m = methodologyOf(deps);
  if (!isPeriodId(input.period)) throw invalid("period", "a period id such as 2024-H1 or 2024");
  const period = parsePeriod(input.period);
  const unit = deps.catalog.get(input.unitId);
  if (!unit || deps.catalog.validIn(unit.tier, period.startDate, period.endDate).every((u) => u.unitId !== unit.unitId)) {
    throw invalid("unitId", `no unit ${input.unitId} in the catalog during ${period.id}`, "UNKNOWN_UNIT");
  }
  const criterion = input.criterion ?? m.reformIndex.defaultDeductionCriterion;
  // A reform-index criterion, or a service-index indicator Home Affairs enters (D3): its conclusion locks it.
  const def = lockableCriterion(m, criterion);
  if (!def) throw invalid("criterion", `one of ${lockableCodes(m).join(", ")}`, "UNKNOWN_CRITERION");
  if (!(input.deduction > 0 && input.deduction <= def.max)) throw invalid("deduction", `more than 0 and at most ${def.max} (the maximum of ${criterion})`, "OUT_OF_RANGE");
  if (input.headId) {
    const roster = await deps.stores.heads.get(input.unitId);
    if (!roster?.heads.some((h) => h.headId === input.headId)) throw invalid("headId", `${input.headId} is not a head of ${input.unitId}`, "UNKNOWN_HEAD");
  }
  return { criterion };
}

/** Why a conditional write on a finding was refused, from the item as it is now. */
async function refusal(deps: AdminDeps, actor: Actor, findingId: string, expectedVersion: number, attempted: unknown, action: string): Promise<AdminError> {
  const now = await deps.stores.findings.get(findingId);
  if (!now) return new AdminError("NOT_FOUND", `No finding ${findingId}.`);
  if (now.status === "CONCLUDED") {
    await auditRefusal(deps, actor, action, "finding", findingId, attempted, "INSPECTION_LOCKED");
    return new AdminError("INSPECTION_LOCKED", `Finding ${findingId} is concluded (notice ${now.noticeNumber} of ${now.noticeDate}): the inspection result stands and cannot be edited.`);
  }
  if (now.version !== expectedVersion) {
    await auditRefusal(deps, actor, action, "finding", findingId, attempted, "VERSION_CONFLICT");
    return new AdminError("VERSION_CONFLICT", `Finding ${findingId} is at version ${now.version}, not ${expectedVersion}: reload and edit again.`);
  }
  return new AdminError("CONCURRENT_CHANGE", `Finding ${findingId} changed while it was being concluded: try again.`);
}

export const listFindings = (deps: AdminDeps) => async (periodId: string, unitId?: string): Promise<Finding[]> =>
  (await deps.stores.findings.listByPeriod(periodId, unitId)).map(findingView).sort((a, b) => (a.unitId + a.findingId < b.unitId + b.findingId ? -1 : 1));

export const getFinding = (deps: AdminDeps) => async (findingId: string): Promise<Finding> => {
  const f = await deps.stores.findings.get(findingId);
  if (!f) throw new AdminError("NOT_FOUND", `No finding ${findingId}.`);
  return findingView(f);
};

/**
 * Record a draft finding. A client-chosen `findingId` makes a double submit harmless: the same
 * content again answers the stored finding; other content under that id is a conflict.
 */
export const createFinding =
  (deps: AdminDeps) =>
  async (actor: Actor, input: FindingInput & { readonly findingId?: string | undefined }): Promise<{ finding: Finding; created: boolean }> => {
    const { criterion } = await checkInput(deps, input);
    const findingId = input.findingId ?? `F-${deps.newId()}`;
    const now = deps.clock.now().toISOString();
    const draft: StoredFinding = {
      findingId,
      unitId: input.unitId,
      headId: input.headId ?? null,
      periodId: parsePeriod(input.period).id,
      criterion,
      deduction: input.deduction,
      evidence: input.evidence,
      noticeNumber: null,
      noticeDate: null,
      status: "DRAFT",
      lockToken: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      lastAudit: null,
    };
    const entry = auditEntry(deps, actor, "finding.create", "finding", findingId, 1, null, findingView(draft));
    const stored = { ...draft, lastAudit: entry };
    if ((await deps.stores.findings.create(stored)) === "ok") {
      await deps.stores.audit.append(entry);
      return { finding: findingView(stored), created: true };
    }
    const existing = await deps.stores.findings.get(findingId);
    const same = existing && existing.unitId === draft.unitId && existing.headId === draft.headId && existing.periodId === draft.periodId && existing.criterion === draft.criterion && existing.deduction === draft.deduction && existing.evidence === draft.evidence;
    if (existing && same) return { finding: findingView(existing), created: false };
    throw new AdminError("ALREADY_EXISTS", `A finding ${findingId} already exists with other content.`);
  };

/** Edit a draft finding at `expectedVersion`. Concluded findings are refused by the storage condition. */
export const updateFinding =
  (deps: AdminDeps) =>
  async (actor: Actor, findingId: string, expectedVersion: number, input: FindingInput): Promise<Finding> => {
    const current = await deps.stores.findings.get(findingId);
    if (!current) throw new AdminError("NOT_FOUND", `No finding ${findingId}.`);
    await flushAudit(deps, current);
    const { criterion } = await checkInput(deps, input);
    // No early "is it concluded?" check on purpose: the condition on the item is the guard.
    const next: StoredFinding = {
      ...current,
      unitId: input.unitId,
      headId: input.headId ?? null,
      periodId: parsePeriod(input.period).id,
      criterion,
      deduction: input.deduction,
      evidence: input.evidence,
      version: expectedVersion + 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    const entry = auditEntry(deps, actor, "finding.update", "finding", findingId, next.version, findingView(current), findingView(next));
    const stored = { ...next, lastAudit: entry };
    if ((await deps.stores.findings.replace(stored, expectedVersion)) !== "ok") {
      throw await refusal(deps, actor, findingId, expectedVersion, input, "finding.update.refused");
    }
    await deps.stores.audit.append(entry);
    return findingView(stored);
  };

/**
 * Record the concluding notice: the finding and the criterion it covers (unit, period) are locked.
 *
 * Order (no transactions; see docs/storage.md "Why this is safe without transactions"):
 * 1. add a fresh lock token to the criterion item — from here on no manual appraisal succeeds;
 * 2. conclude the finding with a conditional write (DRAFT, expected version, token not revoked) —
 *    the commit point;
 * 3. if 2 was refused, remove our token (only ours: a concurrent concluder's token stays).
 * A crash between 1 and 2 or 2 and 3 leaves an extra token: it over-locks (fails safe) until the
 * next appraisal attempt fences it off (`revoke`) and removes it.
 */
export const concludeFinding =
  (deps: AdminDeps) =>
  async (actor: Actor, findingId: string, expectedVersion: number, input: ConclusionInput): Promise<Finding> => {
    if (!isLocalDate(input.noticeDate)) throw invalid("noticeDate", "a date YYYY-MM-DD");
    if (input.noticeDate > localDateOf(deps.clock.now())) throw invalid("noticeDate", "not in the future", "OUT_OF_RANGE");
    const current = await deps.stores.findings.get(findingId);
    if (!current) throw new AdminError("NOT_FOUND", `No finding ${findingId}.`);
    await flushAudit(deps, current);
    // A version the item never had (or no longer has) is stale; the condition below re-checks it.
    if (current.version !== expectedVersion) throw await refusal(deps, actor, findingId, expectedVersion, input, "finding.conclude.refused");
    const token = `${findingId}#${deps.newId()}`;
    const next: StoredFinding = {
      ...current,
      noticeNumber: input.noticeNumber,
      noticeDate: input.noticeDate,
      evidence: input.evidence ?? current.evidence,
      status: "CONCLUDED",
      lockToken: token,
      version: expectedVersion + 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    const entry = auditEntry(deps, actor, "finding.conclude", "finding", findingId, next.version, findingView(current), findingView(next));
    await deps.stores.criteria.lock(current.unitId, current.periodId, current.criterion, token);
    if ((await deps.stores.findings.replace({ ...next, lastAudit: entry }, expectedVersion)) !== "ok") {
      await deps.stores.criteria.unlock(current.unitId, current.periodId, current.criterion, token);
      throw await refusal(deps, actor, findingId, expectedVersion, input, "finding.conclude.refused");
    }
    await deps.stores.audit.append(entry);
    return findingView(next);
  };
