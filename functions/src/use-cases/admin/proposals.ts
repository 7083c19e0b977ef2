/**
 * Proposals on heads of unit (Directive 03, D8: propose strict handling of heads who break the
 * rules; issue 24, item 2; docs/adr/0020-proposals-and-report-submissions.md).
 *
 * Home Affairs records a proposal — REMINDER (nhắc nhở), CRITICISM (phê bình) or DISCIPLINE_REVIEW
 * (xem xét kỷ luật) — on a head of the unit's roster, resting on one or more bases it names: a
 * concluded finding of the unit (of that head, when the finding names one), the head's rating
 * band in a period, or a corrective action opened against the unit. The server checks each basis
 * and records what it read (the finding's notice, the band, the action's state and deadline), so
 * the proposal says what it rested on even if the ratings or the action move later.
 *
 * Status: PROPOSED → DECIDED (decision number, date, outcome) or WITHDRAWN (reason); only a
 * PROPOSED proposal may be edited, decided or withdrawn. Each change is one conditional write at
 * the expected version carrying its audit entry (the outbox of one, ./common.ts).
 */
import type { Actor } from "../../ports/admin.js";
import type { StoredProposal } from "../../ports/proposals.js";
import { isPeriodId, localDateOf, parsePeriod } from "@scorecard/shared";
import type { Proposal, ProposalBasis, ProposalDecisionInput, ProposalInput, ProposalWithdrawInput } from "@scorecard/shared/contracts/proposals";
import type { HeadRatings } from "@scorecard/shared/contracts/read-api";
import { headRatingsKey } from "@scorecard/shared/lake/layout";
import { readJson } from "../ratings/ratings-docs.js";
import { type AdminDeps, AdminError, auditEntry, auditRefusal, flushAudit, invalid, isLocalDate } from "./common.js";

const ENTITY = "proposal";

export const proposalView = (p: StoredProposal): Proposal => ({
  proposalId: p.proposalId,
  unitId: p.unitId,
  headId: p.headId,
  headName: p.headName,
  kind: p.kind,
  basis: p.basis,
  reason: p.reason,
  status: p.status,
  decision: p.decision,
  withdrawReason: p.withdrawReason,
  version: p.version,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

/** Newest first; optionally of one unit. */
export const listProposals =
  (deps: AdminDeps) =>
  async (unitId?: string): Promise<Proposal[]> =>
    (await deps.stores.proposals.list())
      .filter((p) => unitId === undefined || p.unitId === unitId)
      .sort((a, b) => (a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : a.proposalId < b.proposalId ? -1 : 1))
      .map(proposalView);

export const getProposal = (deps: AdminDeps) => async (proposalId: string): Promise<Proposal> => {
  const p = await deps.stores.proposals.get(proposalId);
  if (!p) throw new AdminError("NOT_FOUND", `No proposal ${proposalId}.`);
  return proposalView(p);
};

/**
 * Domain checks the schema cannot make, and what each basis rests on as read now: the unit is in
 * the catalog, the head is on its roster, each finding is concluded and about this unit (and this
 * head when it names one), each rating has a band for this head. Refusals name the field.
 */
async function checkInput(deps: AdminDeps, input: ProposalInput): Promise<{ headName: string; basis: ProposalBasis[] }> {
  if (!deps.catalog.get(input.unitId)) throw invalid("unitId", `no unit ${input.unitId} in the catalog`, "UNKNOWN_UNIT");
  const roster = await deps.stores.heads.get(input.unitId);
  const head = roster?.heads.find((h) => h.headId === input.headId);
  if (!head) throw invalid("headId", `${input.headId} is not a head of ${input.unitId}`, "UNKNOWN_HEAD");
  const seen = new Set<string>();
  const basis: ProposalBasis[] = [];
  for (const [i, b] of input.basis.entries()) {
    const key = b.kind === "FINDING" ? `F#${b.findingId}` : b.kind === "HEAD_RATING" ? `R#${b.period}` : `A#${b.actionId}`;
    if (seen.has(key)) throw invalid(`basis[${i}]`, "named twice", "DUPLICATE_BASIS");
    seen.add(key);
    if (b.kind === "FINDING") {
      const field = `basis[${i}].findingId`;
      const f = await deps.stores.findings.get(b.findingId);
      if (!f) throw invalid(field, `no finding ${b.findingId}`, "UNKNOWN_FINDING");
      if (f.status !== "CONCLUDED") throw invalid(field, `finding ${b.findingId} is not concluded: a proposal rests on a concluded inspection only`, "NOT_CONCLUDED");
      if (f.unitId !== input.unitId) throw invalid(field, `finding ${b.findingId} is about ${f.unitId}, not ${input.unitId}`, "NOT_THIS_UNIT");
      if (f.headId !== null && f.headId !== input.headId) throw invalid(field, `finding ${b.findingId} names head ${f.headId}, not ${input.headId}`, "NOT_THIS_HEAD");
      basis.push({ kind: "FINDING", findingId: f.findingId, period: f.periodId, criterion: f.criterion, deduction: f.deduction, noticeNumber: f.noticeNumber, noticeDate: f.noticeDate });
    } else if (b.kind === "CORRECTIVE_ACTION") {
      const field = `basis[${i}].actionId`;
      const a = await deps.stores.correctiveActions.get(b.actionId);
      if (!a) throw invalid(field, `no corrective action ${b.actionId}`, "UNKNOWN_ACTION");
      if (a.unitId !== input.unitId) throw invalid(field, `corrective action ${b.actionId} is about ${a.unitId}, not ${input.unitId}`, "NOT_THIS_UNIT");
      basis.push({ kind: "CORRECTIVE_ACTION", actionId: a.actionId, status: a.status, deadline: a.deadline, required: a.required });
    } else {
      const field = `basis[${i}].period`;
      if (!isPeriodId(b.period)) throw invalid(field, "a period id such as 2025-H2");
      const period = parsePeriod(b.period).id;
      const doc = await readJson<HeadRatings>(deps.lake, headRatingsKey(deps.methodology, period));
      if (!doc) throw invalid(field, `no head ratings for ${period} yet`, "NO_RATINGS");
      const rating = doc.heads.find((h) => h.headId === input.headId && h.unitId === input.unitId);
      if (!rating) throw invalid(field, `${input.headId} is not rated in ${period}`, "NOT_RATED");
      if (rating.band === null) throw invalid(field, `${input.headId} has no band in ${period} (${rating.status.toLowerCase()})`, "NOT_RATED");
      basis.push({ kind: "HEAD_RATING", period, band: rating.band, total: rating.total });
    }
  }
  return { headName: head.name, basis };
}

/** Why a change of `proposalId` at `expectedVersion` is refused, if it is: not found, closed (decided or withdrawn), stale. */
async function guard(deps: AdminDeps, actor: Actor, proposalId: string, expectedVersion: number, attempted: unknown, action: string): Promise<StoredProposal> {
  const current = await deps.stores.proposals.get(proposalId);
  if (!current) throw new AdminError("NOT_FOUND", `No proposal ${proposalId}.`);
  await flushAudit(deps, current);
  if (current.status !== "PROPOSED") {
    await auditRefusal(deps, actor, action, ENTITY, proposalId, attempted, "PROPOSAL_CLOSED");
    throw invalid("status", `proposal ${proposalId} is ${current.status.toLowerCase()}: it can no longer change`, "PROPOSAL_CLOSED");
  }
  if (current.version !== expectedVersion) throw await stale(deps, actor, proposalId, expectedVersion, attempted, action);
  return current;
}

async function stale(deps: AdminDeps, actor: Actor, proposalId: string, expectedVersion: number, attempted: unknown, action: string): Promise<AdminError> {
  const now = await deps.stores.proposals.get(proposalId);
  await auditRefusal(deps, actor, action, ENTITY, proposalId, attempted, "VERSION_CONFLICT");
  return new AdminError("VERSION_CONFLICT", `Proposal ${proposalId} is at version ${now?.version ?? 0}, not ${expectedVersion}: reload and try again.`);
}

/** Write `next` at `expectedVersion` with its audit entry; refused as stale when the condition fails. */
async function write(deps: AdminDeps, actor: Actor, action: string, current: StoredProposal | undefined, next: StoredProposal, expectedVersion: number, attempted: unknown): Promise<Proposal> {
  const entry = auditEntry(deps, actor, `proposal.${action}`, ENTITY, next.proposalId, next.version, current ? proposalView(current) : null, proposalView(next));
  if ((await deps.stores.proposals.put({ ...next, lastAudit: entry }, expectedVersion)) !== "ok") {
    throw await stale(deps, actor, next.proposalId, expectedVersion, attempted, `proposal.${action}.refused`);
  }
  await deps.stores.audit.append(entry);
  return proposalView(next);
}

/**
 * Record a proposal (PROPOSED, version 1). A client-chosen `proposalId` makes a double submit
 * harmless: the same content again answers the stored proposal; other content under that id is a conflict.
 */
export const createProposal =
  (deps: AdminDeps) =>
  async (actor: Actor, input: ProposalInput & { readonly proposalId?: string | undefined }): Promise<{ proposal: Proposal; created: boolean }> => {
    const { headName, basis } = await checkInput(deps, input);
    const proposalId = input.proposalId ?? `P-${deps.newId()}`;
    const now = deps.clock.now().toISOString();
    const next: StoredProposal = {
      proposalId,
      unitId: input.unitId,
      headId: input.headId,
      headName,
      kind: input.kind,
      basis,
      reason: input.reason,
      status: "PROPOSED",
      decision: null,
      withdrawReason: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
      lastAudit: null,
    };
    const entry = auditEntry(deps, actor, "proposal.create", ENTITY, proposalId, 1, null, proposalView(next));
    if ((await deps.stores.proposals.put({ ...next, lastAudit: entry }, 0)) === "ok") {
      await deps.stores.audit.append(entry);
      return { proposal: proposalView(next), created: true };
    }
    const existing = await deps.stores.proposals.get(proposalId);
    const same =
      existing &&
      existing.unitId === next.unitId &&
      existing.headId === next.headId &&
      existing.kind === next.kind &&
      existing.reason === next.reason &&
      JSON.stringify(existing.basis) === JSON.stringify(next.basis);
    if (existing && same) return { proposal: proposalView(existing), created: false };
    throw new AdminError("ALREADY_EXISTS", `A proposal ${proposalId} already exists with other content.`);
  };

/** Edit a PROPOSED proposal at `expectedVersion` (its bases are checked and read again). */
export const updateProposal =
  (deps: AdminDeps) =>
  async (actor: Actor, proposalId: string, expectedVersion: number, input: ProposalInput): Promise<Proposal> => {
    const current = await guard(deps, actor, proposalId, expectedVersion, input, "proposal.update.refused");
    const { headName, basis } = await checkInput(deps, input);
    const next: StoredProposal = {
      ...current,
      unitId: input.unitId,
      headId: input.headId,
      headName,
      kind: input.kind,
      basis,
      reason: input.reason,
      updatedAt: deps.clock.now().toISOString(),
      version: expectedVersion + 1,
      lastAudit: null,
    };
    return write(deps, actor, "update", current, next, expectedVersion, input);
  };

/** Record the decision on a PROPOSED proposal: DECIDED, final. */
export const decideProposal =
  (deps: AdminDeps) =>
  async (actor: Actor, proposalId: string, expectedVersion: number, input: ProposalDecisionInput): Promise<Proposal> => {
    if (!isLocalDate(input.decisionDate)) throw invalid("decisionDate", "a date YYYY-MM-DD");
    if (input.decisionDate > localDateOf(deps.clock.now())) throw invalid("decisionDate", "not in the future", "OUT_OF_RANGE");
    const current = await guard(deps, actor, proposalId, expectedVersion, input, "proposal.decide.refused");
    if (input.decisionDate < localDateOf(current.createdAt)) throw invalid("decisionDate", `not before the proposal was recorded (${localDateOf(current.createdAt)})`, "OUT_OF_RANGE");
    const next: StoredProposal = {
      ...current,
      status: "DECIDED",
      decision: { decisionNumber: input.decisionNumber, decisionDate: input.decisionDate, outcome: input.outcome },
      updatedAt: deps.clock.now().toISOString(),
      version: expectedVersion + 1,
      lastAudit: null,
    };
    return write(deps, actor, "decide", current, next, expectedVersion, input);
  };

/** Withdraw a PROPOSED proposal, saying why: WITHDRAWN, final. */
export const withdrawProposal =
  (deps: AdminDeps) =>
  async (actor: Actor, proposalId: string, expectedVersion: number, input: ProposalWithdrawInput): Promise<Proposal> => {
    const current = await guard(deps, actor, proposalId, expectedVersion, input, "proposal.withdraw.refused");
    const next: StoredProposal = { ...current, status: "WITHDRAWN", withdrawReason: input.reason, updatedAt: deps.clock.now().toISOString(), version: expectedVersion + 1, lastAudit: null };
    return write(deps, actor, "withdraw", current, next, expectedVersion, input);
  };
