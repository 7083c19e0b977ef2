/**
 * The six-monthly and annual reports' submission (Directive 03, D10: every head reports results to
 * the chairman through Home Affairs every six months and every year; issue 24, item 3;
 * docs/adr/0020-proposals-and-report-submissions.md).
 *
 * - Home Affairs sets a half-year's or a year's deadline: the last local (UTC+7) day on time.
 * - A unit officer attaches their unit's narrative; they may revise it at any time (each revision a
 *   new version). Its first submission is kept (`submittedAt`) and is what on time or late is
 *   judged by: revising a narrative submitted on time does not make it late.
 * - The tracker lists every unit valid in the period (the unit catalog, by tier) with its state.
 *
 * Each write is one conditional write carrying its audit entry (the outbox of one, ./common.ts).
 */
import type { Actor } from "../../ports/admin.js";
import type { StoredNarrative, StoredReportDeadline } from "../../ports/report-submissions.js";
import { RANKED_TIERS, type Period, hasReformIndex, isPeriodId, localDateOf, parsePeriod } from "@scorecard/shared";
import type { Narrative, NarrativeInput, ReportDeadline, ReportDeadlineInput, SubmissionRow, SubmissionState, SubmissionTracker } from "@scorecard/shared/contracts/report-submissions";
import { type AdminDeps, AdminError, auditEntry, auditRefusal, flushAudit, invalid, isLocalDate } from "./common.js";

const store = (deps: AdminDeps) => deps.stores.reportSubmissions;

/** A half-year or a year: the periods a report is due for (D10). */
export function reportPeriod(periodId: string): Period {
  if (!isPeriodId(periodId)) throw invalid("period", "a half-year or a year such as 2025-H2 or 2025");
  const p = parsePeriod(periodId);
  if (!hasReformIndex(p)) throw invalid("period", "reports are due for half-years and years (such as 2025-H2 or 2025), not months or quarters", "OUT_OF_RANGE");
  return p;
}

/**
 * Where a unit stands (all in local dates, UTC+7): submitted on or before the deadline's day →
 * SUBMITTED, after it → SUBMITTED_LATE; nothing submitted → OVERDUE once the deadline's day has
 * passed (from the next local midnight), NOT_SUBMITTED before. No deadline yet: SUBMITTED or NOT_SUBMITTED.
 */
export function submissionState(deadline: string | null, submittedAt: string | null, now: Date): SubmissionState {
  if (submittedAt !== null) return deadline !== null && localDateOf(submittedAt) > deadline ? "SUBMITTED_LATE" : "SUBMITTED";
  return deadline !== null && localDateOf(now) > deadline ? "OVERDUE" : "NOT_SUBMITTED";
}

const deadlineView = (periodId: string, d: StoredReportDeadline | undefined): ReportDeadline => ({
  period: periodId,
  deadline: d?.deadline ?? null,
  note: d?.note ?? null,
  version: d?.version ?? 0,
  updatedAt: d?.updatedAt ?? null,
});

function narrativeView(deps: AdminDeps, unitId: string, periodId: string, n: StoredNarrative | undefined, deadline: string | null): Narrative {
  return {
    unitId,
    period: periodId,
    text: n?.text ?? null,
    version: n?.version ?? 0,
    submittedAt: n?.submittedAt ?? null,
    updatedAt: n?.updatedAt ?? null,
    submittedBy: n?.submittedBy ?? null,
    deadline,
    state: submissionState(deadline, n?.submittedAt ?? null, deps.clock.now()),
  };
}

/** The unit, known and valid on at least one day of the period (a unit dissolved before it reports nothing). */
function checkUnit(deps: AdminDeps, unitId: string, period: Period): void {
  const u = deps.catalog.get(unitId);
  if (!u || deps.catalog.validIn(u.tier, period.startDate, period.endDate).every((x) => x.unitId !== unitId)) {
    throw new AdminError("NOT_FOUND", `No unit ${unitId} in the catalog during ${period.id}.`);
  }
}

export const getReportDeadline = (deps: AdminDeps) => async (periodId: string): Promise<ReportDeadline> => {
  const p = reportPeriod(periodId);
  return deadlineView(p.id, await store(deps).getDeadline(p.id));
};

/** Set a period's deadline at `expectedVersion` (0: none set yet). */
export const setReportDeadline =
  (deps: AdminDeps) =>
  async (actor: Actor, periodId: string, expectedVersion: number, input: ReportDeadlineInput): Promise<ReportDeadline> => {
    const p = reportPeriod(periodId);
    if (!isLocalDate(input.deadline)) throw invalid("deadline", "a date YYYY-MM-DD");
    const latest = `${p.year + 2}-${p.endDate.slice(5)}`;
    if (input.deadline < p.startDate || input.deadline > latest) throw invalid("deadline", `between the period's first day ${p.startDate} and ${latest}`, "OUT_OF_RANGE");
    const current = await store(deps).getDeadline(p.id);
    await flushAudit(deps, current);
    const refused = async () => {
      await auditRefusal(deps, actor, "report-deadline.set.refused", "report-deadline", p.id, input, "VERSION_CONFLICT");
      const now = await store(deps).getDeadline(p.id);
      return new AdminError("VERSION_CONFLICT", `The deadline of ${p.id} is at version ${now?.version ?? 0}, not ${expectedVersion}: reload and try again.`);
    };
    if ((current?.version ?? 0) !== expectedVersion) throw await refused();
    const next: StoredReportDeadline = { periodId: p.id, deadline: input.deadline, note: input.note ?? null, updatedAt: deps.clock.now().toISOString(), version: expectedVersion + 1, lastAudit: null };
    const entry = auditEntry(deps, actor, "report-deadline.set", "report-deadline", p.id, next.version, current ? deadlineView(p.id, current) : null, deadlineView(p.id, next));
    if ((await store(deps).putDeadline({ ...next, lastAudit: entry }, expectedVersion)) !== "ok") throw await refused();
    await deps.stores.audit.append(entry);
    return deadlineView(p.id, next);
  };

/**
 * A unit's narrative for a period, with the deadline and its state (text null: nothing submitted).
 * What the per-unit report shows (issue 24, item 3).
 */
export const getNarrative = (deps: AdminDeps) => async (unitId: string, periodId: string): Promise<Narrative> => {
  const p = reportPeriod(periodId);
  checkUnit(deps, unitId, p);
  const [n, d] = await Promise.all([store(deps).getNarrative(p.id, unitId), store(deps).getDeadline(p.id)]);
  return narrativeView(deps, unitId, p.id, n, d?.deadline ?? null);
};

/** Submit (version 0) or revise (its version) a unit's narrative. */
export const submitNarrative =
  (deps: AdminDeps) =>
  async (actor: Actor, unitId: string, periodId: string, expectedVersion: number, input: NarrativeInput): Promise<Narrative> => {
    const p = reportPeriod(periodId);
    checkUnit(deps, unitId, p);
    const id = `${p.id}#${unitId}`;
    const current = await store(deps).getNarrative(p.id, unitId);
    await flushAudit(deps, current);
    const refused = async () => {
      await auditRefusal(deps, actor, "report-narrative.submit.refused", "report-narrative", id, { length: input.text.length }, "VERSION_CONFLICT");
      const now = await store(deps).getNarrative(p.id, unitId);
      return new AdminError("VERSION_CONFLICT", `The narrative of ${unitId} for ${p.id} is at version ${now?.version ?? 0}, not ${expectedVersion}: reload and try again.`);
    };
    if ((current?.version ?? 0) !== expectedVersion) throw await refused();
    const at = deps.clock.now().toISOString();
    const next: StoredNarrative = {
      periodId: p.id,
      unitId,
      text: input.text,
      submittedAt: current?.submittedAt ?? at,
      submittedBy: actor.sub,
      updatedAt: at,
      version: expectedVersion + 1,
      lastAudit: null,
    };
    const deadline = (await store(deps).getDeadline(p.id))?.deadline ?? null;
    const view = (n: StoredNarrative) => narrativeView(deps, unitId, p.id, n, deadline);
    const entry = auditEntry(deps, actor, current ? "report-narrative.revise" : "report-narrative.submit", "report-narrative", id, next.version, current ? view(current) : null, view(next));
    if ((await store(deps).putNarrative({ ...next, lastAudit: entry }, expectedVersion)) !== "ok") throw await refused();
    await deps.stores.audit.append(entry);
    return view(next);
  };

/** Every unit expected to report in the period (optionally of one tier) with its state and the counts per state. */
export const submissionTracker = (deps: AdminDeps) => async (periodId: string, tier?: string): Promise<SubmissionTracker> => {
  const p = reportPeriod(periodId);
  const now = deps.clock.now();
  const [d, narratives] = await Promise.all([store(deps).getDeadline(p.id), store(deps).listNarratives(p.id)]);
  const byUnit = new Map(narratives.map((n) => [n.unitId, n]));
  const deadline = d?.deadline ?? null;
  const tiers = tier === undefined ? RANKED_TIERS : RANKED_TIERS.filter((t) => t === tier);
  const units: SubmissionRow[] = tiers.flatMap((t) =>
    deps.catalog
      .validIn(t, p.startDate, p.endDate)
      .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0))
      .map((u) => {
        const n = byUnit.get(u.unitId);
        return {
          unitId: u.unitId,
          tier: u.tier,
          unitNameVi: u.nameVi,
          unitNameEn: u.nameEn,
          state: submissionState(deadline, n?.submittedAt ?? null, now),
          submittedAt: n?.submittedAt ?? null,
          updatedAt: n?.updatedAt ?? null,
          version: n?.version ?? 0,
        };
      }),
  );
  const counts = { SUBMITTED: 0, SUBMITTED_LATE: 0, NOT_SUBMITTED: 0, OVERDUE: 0 };
  for (const u of units) counts[u.state] += 1;
  return { period: p.id, deadline: deadlineView(p.id, d), asOf: now.toISOString(), counts, units };
};
