/**
 * Improper returns (issue 20, item 6; Directive 03, clause 1đ; docs/adr/0015-improper-returns.md):
 * Home Affairs marks a dossier's return — a refusal or a stop — as improper, on an inspection
 * finding, an upheld complaint or its own decision, and may withdraw the mark. Each change is one
 * conditional write carrying its audit entry (the outbox of one, ./common.ts), like the other admin
 * writes. The marks reach scoring through the lake: every scoring run writes the marked ones to
 * `curated_improper_returns` (../score/improper-returns.ts), which R3 and R9_R3 of dn-2026.2 read.
 *
 * What the mark does not check, and why: whether the dossier exists or was returned. The dossiers
 * of the bulk history are in the lake only (the live event store holds what came through the
 * events API), which this workspace does not query; a mark on a dossier that was not returned by a
 * period's end changes no number of that period (the SQL counts it only among the returns).
 */
import type { Actor, StoredImproperReturn } from "../../ports/admin.js";
import { localDateOf } from "@scorecard/shared";
import type { ImproperReturn } from "@scorecard/shared/contracts/admin";
import type { ImproperReturnMarkInput, ImproperReturnUnmarkInput } from "@scorecard/shared/contracts/admin-requests";
import { type AdminDeps, AdminError, auditEntry, auditRefusal, flushAudit, invalid, isLocalDate } from "./common.js";

const ENTITY = "improper-return";

export const improperReturnView = (m: StoredImproperReturn): ImproperReturn => ({
  caseId: m.caseId,
  unitId: m.unitId,
  status: m.status,
  basis: m.basis,
  note: m.note,
  unmarkReason: m.unmarkReason,
  version: m.version,
  markedAt: m.markedAt,
  updatedAt: m.updatedAt,
});

/** Every mark, marked or withdrawn, of one unit or all, by dossier id. */
export const listImproperReturns =
  (deps: AdminDeps) =>
  async (unitId?: string): Promise<ImproperReturn[]> =>
    (await deps.stores.improperReturns.list())
      .filter((m) => unitId === undefined || m.unitId === unitId)
      .map(improperReturnView)
      .sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));

export const getImproperReturn = (deps: AdminDeps) => async (caseId: string): Promise<ImproperReturn> => {
  const m = await deps.stores.improperReturns.get(caseId);
  if (!m) throw new AdminError("NOT_FOUND", `No mark on the return of dossier ${caseId}.`);
  return improperReturnView(m);
};

/** Domain checks the schema cannot make: the unit exists, a finding exists and names it, a decision is not dated in the future. */
async function checkMark(deps: AdminDeps, input: ImproperReturnMarkInput): Promise<void> {
  if (!deps.catalog.get(input.unitId)) throw invalid("unitId", `no unit ${input.unitId} in the catalog`, "UNKNOWN_UNIT");
  const basis = input.basis;
  if (basis.kind === "INSPECTION_FINDING") {
    const f = await deps.stores.findings.get(basis.findingId);
    if (!f) throw invalid("basis.findingId", `no finding ${basis.findingId}: record the inspection finding first`, "UNKNOWN_FINDING");
    if (f.unitId !== input.unitId) throw invalid("basis.findingId", `finding ${basis.findingId} is about ${f.unitId}, not ${input.unitId}`, "RULE_VIOLATED");
  }
  if (basis.kind === "HOME_AFFAIRS_DECISION") {
    if (!isLocalDate(basis.decisionDate)) throw invalid("basis.decisionDate", "a date YYYY-MM-DD");
    if (basis.decisionDate > localDateOf(deps.clock.now())) throw invalid("basis.decisionDate", "not in the future", "OUT_OF_RANGE");
  }
}

/** A conditional write refused: audited, and said why (the item as it is now). */
async function refusal(deps: AdminDeps, actor: Actor, caseId: string, expectedVersion: number, attempted: unknown, action: string): Promise<AdminError> {
  const now = await deps.stores.improperReturns.get(caseId);
  await auditRefusal(deps, actor, action, ENTITY, caseId, attempted, "VERSION_CONFLICT");
  return new AdminError("VERSION_CONFLICT", `The mark of dossier ${caseId} is at version ${now?.version ?? 0}, not ${expectedVersion}: reload and try again.`);
}

/**
 * Mark the return of `caseId` improper at `expectedVersion` (0: never marked). Marking a withdrawn
 * mark again, or changing the basis of a mark, is a new version.
 */
export const markImproperReturn =
  (deps: AdminDeps) =>
  async (actor: Actor, caseId: string, expectedVersion: number, input: ImproperReturnMarkInput): Promise<ImproperReturn> => {
    await checkMark(deps, input);
    const current = await deps.stores.improperReturns.get(caseId);
    await flushAudit(deps, current);
    if ((current?.version ?? 0) !== expectedVersion) throw await refusal(deps, actor, caseId, expectedVersion, input, "improper-return.mark.refused");
    const now = deps.clock.now().toISOString();
    const next: StoredImproperReturn = {
      caseId,
      unitId: input.unitId,
      status: "MARKED",
      basis: input.basis,
      note: input.note ?? null,
      unmarkReason: null,
      markedAt: now,
      updatedAt: now,
      version: expectedVersion + 1,
      lastAudit: null,
    };
    const entry = auditEntry(deps, actor, "improper-return.mark", ENTITY, caseId, next.version, current ? improperReturnView(current) : null, improperReturnView(next));
    if ((await deps.stores.improperReturns.put({ ...next, lastAudit: entry }, expectedVersion)) !== "ok") {
      throw await refusal(deps, actor, caseId, expectedVersion, input, "improper-return.mark.refused");
    }
    await deps.stores.audit.append(entry);
    return improperReturnView(next);
  };

/** Withdraw the mark of `caseId` at `expectedVersion`, saying why: its return counts as lawful again. */
export const unmarkImproperReturn =
  (deps: AdminDeps) =>
  async (actor: Actor, caseId: string, expectedVersion: number, input: ImproperReturnUnmarkInput): Promise<ImproperReturn> => {
    const current = await deps.stores.improperReturns.get(caseId);
    if (!current) throw new AdminError("NOT_FOUND", `No mark on the return of dossier ${caseId}.`);
    await flushAudit(deps, current);
    if (current.version !== expectedVersion) throw await refusal(deps, actor, caseId, expectedVersion, input, "improper-return.unmark.refused");
    if (current.status !== "MARKED") throw invalid("caseId", `the return of dossier ${caseId} is not marked (withdrawn at version ${current.version})`, "NOT_MARKED");
    const next: StoredImproperReturn = {
      ...current,
      status: "UNMARKED",
      unmarkReason: input.reason,
      updatedAt: deps.clock.now().toISOString(),
      version: expectedVersion + 1,
      lastAudit: null,
    };
    const entry = auditEntry(deps, actor, "improper-return.unmark", ENTITY, caseId, next.version, improperReturnView(current), improperReturnView(next));
    if ((await deps.stores.improperReturns.put({ ...next, lastAudit: entry }, expectedVersion)) !== "ok") {
      throw await refusal(deps, actor, caseId, expectedVersion, input, "improper-return.unmark.refused");
    }
    await deps.stores.audit.append(entry);
    return improperReturnView(next);
  };
