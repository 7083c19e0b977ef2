/**
 * Corrective actions (issue 24, item 1; Directive 03, clause C5; docs/adr/0019-corrective-actions.md).
 * Home Affairs opens an action against a unit — from a concluded finding of that unit, an indicator
 * of a period, or the unit's band in a period — with a deadline (a local date) and what must change;
 * the unit officer reports what was done; Home Affairs accepts it or reopens it with a reason.
 *
 *   OPEN ──report──▶ REPORTED ──accept──▶ ACCEPTED (closed)
 *   REOPENED ──report──▶ REPORTED ──reopen──▶ REOPENED
 *
 * Each step is one conditional write of the whole item at its expected version, carrying its audit
 * entry (the outbox of one, ./common.ts); a refused write is audited too. Overdue is read, never
 * stored: the deadline has passed (today's local date is after it) and the action is not accepted.
 * Beside each action: the unit's numbers of the named indicator in the basis period and each later
 * scored period of the same kind, from the stored snapshots (the SnapshotStore port).
 */
import type { Actor } from "../../ports/admin.js";
import type { StoredActionStep, StoredCorrectiveAction } from "../../ports/corrective-actions.js";
import { type RankedUnit, isPeriodId, localDateOf, parsePeriod } from "@scorecard/shared";
import type {
  ActionAcceptInput,
  ActionBasis,
  ActionCreateInput,
  ActionProgressPoint,
  ActionReopenInput,
  ActionReportInput,
  ActionStatus,
  CorrectiveAction,
  CorrectiveActionList,
  OverdueKind,
} from "@scorecard/shared/contracts/corrective-actions";
import { type AdminDeps, AdminError, auditEntry, auditRefusal, flushAudit, invalid, isLocalDate, methodologyOf } from "./common.js";

const ENTITY = "corrective-action";

/** Today's local date (Asia/Ho_Chi_Minh, UTC+7) by the deps' clock. */
export const todayOf = (deps: Pick<AdminDeps, "clock">): string => localDateOf(deps.clock.now());

/** Overdue: the deadline's local date has passed and the action is not accepted — waiting for the unit, or for Home Affairs. */
export function overdueOf(a: Pick<StoredCorrectiveAction, "deadline" | "status">, today: string): OverdueKind | null {
  if (a.status === "ACCEPTED" || today <= a.deadline) return null;
  return a.status === "REPORTED" ? "AWAITING_REVIEW" : "AWAITING_REPORT";
}

/** The indicator whose numbers are shown: the unit's last reported one, else Home Affairs'. */
function shownIndicator(a: StoredCorrectiveAction): string | null {
  for (let i = a.steps.length - 1; i >= 0; i--) {
    const s = a.steps[i]!;
    if (s.kind === "REPORTED" && s.indicator) return s.indicator;
  }
  return a.indicator;
}

/** Snapshots read once per call (a tier's snapshot is large; several actions share its periods). */
type Rows = (periodId: string, tier: string) => Promise<readonly RankedUnit[] | undefined>;
function rowsReader(deps: AdminDeps): Rows {
  const cache = new Map<string, Promise<readonly RankedUnit[] | undefined>>();
  return (periodId, tier) => {
    const key = `${periodId}|${tier}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = deps.snapshots.get(deps.methodology, periodId, tier).then((s) => s?.units);
      cache.set(key, hit);
    }
    return hit;
  };
}

/**
 * The unit's numbers of `indicator` (with its total and band) in the basis period and each later
 * scored period of the same kind (months after a month, half-years after a half-year…) that has
 * started by now; periods without the unit's row are left out.
 */
async function progressOf(deps: AdminDeps, rows: Rows, periods: readonly string[], a: StoredCorrectiveAction): Promise<ActionProgressPoint[]> {
  const unit = deps.catalog.get(a.unitId);
  if (!unit) return [];
  const basis = parsePeriod(a.basis.period);
  const now = deps.clock.now().toISOString();
  const later = periods
    .filter(isPeriodId)
    .map(parsePeriod)
    .filter((p) => p.kind === basis.kind && p.start >= basis.start && p.start <= now)
    .sort((x, y) => (x.start < y.start ? -1 : 1));
  const indicator = shownIndicator(a);
  const out: ActionProgressPoint[] = [];
  for (const p of later) {
    const row = (await rows(p.id, unit.tier))?.find((u) => u.unitId === a.unitId);
    if (!row) continue;
    const v = indicator ? row.indicators[indicator] : undefined;
    out.push({
      period: p.id,
      numerator: v?.numerator ?? null,
      denominator: v?.denominator ?? null,
      ratio: v?.ratio ?? null,
      points: v?.points ?? null,
      total: row.total,
      band: row.band,
    });
  }
  return out;
}

function view(deps: AdminDeps, a: StoredCorrectiveAction, today: string, progress: ActionProgressPoint[]): CorrectiveAction {
  const unit = deps.catalog.get(a.unitId);
  return {
    actionId: a.actionId,
    unitId: a.unitId,
    unitNameVi: unit?.nameVi ?? a.unitId,
    unitNameEn: unit?.nameEn ?? a.unitId,
    basis: a.basis,
    indicator: shownIndicator(a),
    required: a.required,
    deadline: a.deadline,
    status: a.status,
    overdue: overdueOf(a, today),
    steps: a.steps.map((s) => ({ ...s, by: { sub: s.by.sub, role: s.by.role } })),
    progress,
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/** The views of these actions, with their numbers (snapshots read once). */
async function views(deps: AdminDeps, actions: readonly StoredCorrectiveAction[]): Promise<CorrectiveAction[]> {
  const today = todayOf(deps);
  if (actions.length === 0) return [];
  const rows = rowsReader(deps);
  const periods = await deps.snapshots.periods(deps.methodology);
  return Promise.all(actions.map(async (a) => view(deps, a, today, await progressOf(deps, rows, periods, a))));
}
const viewOne = async (deps: AdminDeps, a: StoredCorrectiveAction) => (await views(deps, [a]))[0]!;

/** An audit/record view without the numbers (they are read, not changed, by a step). */
const auditView = (a: StoredCorrectiveAction) => ({
  actionId: a.actionId,
  unitId: a.unitId,
  basis: a.basis,
  indicator: a.indicator,
  required: a.required,
  deadline: a.deadline,
  status: a.status,
  lastStep: a.steps[a.steps.length - 1] ?? null,
  version: a.version,
});

export interface ActionFilter {
  readonly period?: string | undefined;
  readonly unitId?: string | undefined;
  readonly status?: ActionStatus | undefined;
  readonly overdue?: boolean | undefined;
}

/**
 * Actions matching every filter given: deadline first (the most pressing first), then id.
 * `period`: the basis's period; `overdue`: overdue now (true) or not (false).
 */
export const listActions =
  (deps: AdminDeps) =>
  async (filter: ActionFilter = {}): Promise<CorrectiveActionList> => {
    const today = todayOf(deps);
    const period = filter.period !== undefined ? parsePeriod(filter.period).id : undefined;
    const kept = (await deps.stores.correctiveActions.list())
      .filter((a) => filter.unitId === undefined || a.unitId === filter.unitId)
      .filter((a) => period === undefined || a.basis.period === period)
      .filter((a) => filter.status === undefined || a.status === filter.status)
      .filter((a) => filter.overdue === undefined || (overdueOf(a, today) !== null) === filter.overdue)
      .sort((x, y) => (x.deadline !== y.deadline ? (x.deadline < y.deadline ? -1 : 1) : x.actionId < y.actionId ? -1 : x.actionId > y.actionId ? 1 : 0));
    return { actions: await views(deps, kept), today };
  };

/** One action; with `unitId` (the unit's own route), an action of another unit is not found. */
export const getAction =
  (deps: AdminDeps) =>
  async (actionId: string, unitId?: string): Promise<CorrectiveAction> => viewOne(deps, await found(deps, actionId, unitId));

async function found(deps: AdminDeps, actionId: string, unitId?: string): Promise<StoredCorrectiveAction> {
  const a = await deps.stores.correctiveActions.get(actionId);
  if (!a || (unitId !== undefined && a.unitId !== unitId)) throw new AdminError("NOT_FOUND", unitId ? `No corrective action ${actionId} of unit ${unitId}.` : `No corrective action ${actionId}.`);
  return a;
}

function checkDeadline(deps: AdminDeps, field: string, deadline: string): void {
  if (!isLocalDate(deadline)) throw invalid(field, "a date YYYY-MM-DD");
  const today = todayOf(deps);
  if (deadline < today) throw invalid(field, `not before today (${today}, Asia/Ho_Chi_Minh)`, "OUT_OF_RANGE");
}

function checkIndicator(deps: AdminDeps, field: string, code: string): void {
  const m = methodologyOf(deps);
  if (!m.indicators.some((i) => i.code === code)) throw invalid(field, `an indicator of ${m.id}: ${m.indicators.map((i) => i.code).join(", ")}`, "UNKNOWN_INDICATOR");
}

/** The basis as stored, checked: a concluded finding of the unit, an indicator of a scored period, or the band the unit had then. */
async function resolveBasis(deps: AdminDeps, input: ActionCreateInput): Promise<{ basis: ActionBasis; defaultIndicator: string | null }> {
  const m = methodologyOf(deps);
  const b = input.basis;
  if (b.kind === "FINDING") {
    const f = await deps.stores.findings.get(b.findingId);
    if (!f) throw invalid("basis.findingId", `no finding ${b.findingId}`, "UNKNOWN_FINDING");
    if (f.unitId !== input.unitId) throw invalid("basis.findingId", `finding ${b.findingId} is about ${f.unitId}, not ${input.unitId}`, "RULE_VIOLATED");
    if (f.status !== "CONCLUDED") throw invalid("basis.findingId", `finding ${b.findingId} is a draft: conclude it first`, "NOT_CONCLUDED");
    const isIndicator = m.indicators.some((i) => i.code === f.criterion);
    return { basis: { kind: "FINDING", period: f.periodId, findingId: f.findingId, criterion: f.criterion, band: null }, defaultIndicator: isIndicator ? f.criterion : null };
  }
  if (!isPeriodId(b.period)) throw invalid("basis.period", "a period id such as 2025-H2 or 2025-12");
  const period = parsePeriod(b.period);
  const unit = deps.catalog.get(input.unitId)!;
  const row = (await deps.snapshots.get(deps.methodology, period.id, unit.tier))?.units.find((u) => u.unitId === input.unitId);
  if (!row) throw invalid("basis.period", `${input.unitId} has no scored row in ${period.id}`, "NOT_SCORED");
  if (b.kind === "INDICATOR") {
    checkIndicator(deps, "basis.indicator", b.indicator);
    return { basis: { kind: "INDICATOR", period: period.id, findingId: null, criterion: b.indicator, band: null }, defaultIndicator: b.indicator };
  }
  const band = m.bands.find((x) => x.code === b.band);
  if (!band) throw invalid("basis.band", `one of ${m.bands.map((x) => x.code).join(", ")}`, "UNKNOWN_BAND");
  if (row.band !== b.band) throw invalid("basis.band", `${input.unitId}'s band in ${period.id} is ${row.band ?? "none"}, not ${b.band}`, "RULE_VIOLATED");
  return { basis: { kind: "BAND", period: period.id, findingId: null, criterion: null, band: b.band }, defaultIndicator: null };
}

/** A conditional write refused: audited, and said why from the item as it is now. */
async function refusal(deps: AdminDeps, actor: Actor, actionId: string, expectedVersion: number, attempted: unknown, action: string): Promise<AdminError> {
  const now = await deps.stores.correctiveActions.get(actionId);
  await auditRefusal(deps, actor, action, ENTITY, actionId, attempted, "VERSION_CONFLICT");
  return new AdminError("VERSION_CONFLICT", `Corrective action ${actionId} is at version ${now?.version ?? 0}, not ${expectedVersion}: reload and try again.`);
}

const sameOpening = (x: StoredCorrectiveAction, y: StoredCorrectiveAction) =>
  x.unitId === y.unitId && JSON.stringify(x.basis) === JSON.stringify(y.basis) && x.indicator === y.indicator && x.required === y.required && x.deadline === y.deadline;

/**
 * Open an action (Home Affairs). A client-chosen `actionId` makes a double submit harmless: the
 * same content again answers the stored action; other content under that id is ALREADY_EXISTS.
 */
export const openAction =
  (deps: AdminDeps) =>
  async (actor: Actor, input: ActionCreateInput): Promise<{ action: CorrectiveAction; created: boolean }> => {
    if (!deps.catalog.get(input.unitId)) throw invalid("unitId", `no unit ${input.unitId} in the catalog`, "UNKNOWN_UNIT");
    const { basis, defaultIndicator } = await resolveBasis(deps, input);
    if (input.indicator !== undefined) checkIndicator(deps, "indicator", input.indicator);
    checkDeadline(deps, "deadline", input.deadline);
    const actionId = input.actionId ?? `CA-${deps.newId()}`;
    const now = deps.clock.now().toISOString();
    const indicator = input.indicator ?? defaultIndicator;
    const opened: StoredCorrectiveAction = {
      actionId,
      unitId: input.unitId,
      basis,
      indicator,
      required: input.required,
      deadline: input.deadline,
      status: "OPEN",
      steps: [{ kind: "OPENED", at: now, by: actor, text: input.required, indicator, deadline: input.deadline }],
      createdAt: now,
      updatedAt: now,
      version: 1,
      lastAudit: null,
    };
    const entry = auditEntry(deps, actor, "corrective-action.open", ENTITY, actionId, 1, null, auditView(opened));
    if ((await deps.stores.correctiveActions.put({ ...opened, lastAudit: entry }, 0)) === "ok") {
      await deps.stores.audit.append(entry);
      return { action: await viewOne(deps, opened), created: true };
    }
    const existing = await deps.stores.correctiveActions.get(actionId);
    if (existing && sameOpening(existing, opened)) return { action: await viewOne(deps, existing), created: false };
    throw new AdminError("ALREADY_EXISTS", `A corrective action ${actionId} already exists with other content.`);
  };

/** One step: read, flush the outbox, check the version, then the status, write at the version, append the audit entry. */
async function step(
  deps: AdminDeps,
  actor: Actor,
  a: StoredCorrectiveAction,
  expectedVersion: number,
  attempted: unknown,
  verb: "report" | "accept" | "reopen",
  allowed: (s: ActionStatus) => string | null,
  change: (a: StoredCorrectiveAction, now: string) => StoredCorrectiveAction,
): Promise<CorrectiveAction> {
  await flushAudit(deps, a);
  const action = `corrective-action.${verb}`;
  if (a.version !== expectedVersion) throw await refusal(deps, actor, a.actionId, expectedVersion, attempted, `${action}.refused`);
  const why = allowed(a.status);
  if (why) {
    const code = a.status === "ACCEPTED" ? "ACTION_CLOSED" : "WRONG_STATUS";
    await auditRefusal(deps, actor, `${action}.refused`, ENTITY, a.actionId, attempted, code);
    throw invalid("status", why, code);
  }
  const next = { ...change(a, deps.clock.now().toISOString()), version: expectedVersion + 1, lastAudit: null };
  const entry = auditEntry(deps, actor, action, ENTITY, a.actionId, next.version, auditView(a), auditView(next));
  if ((await deps.stores.correctiveActions.put({ ...next, lastAudit: entry }, expectedVersion)) !== "ok") {
    throw await refusal(deps, actor, a.actionId, expectedVersion, attempted, `${action}.refused`);
  }
  await deps.stores.audit.append(entry);
  return viewOne(deps, next);
}

const addStep = (a: StoredCorrectiveAction, s: StoredActionStep, status: ActionStatus, more: Partial<StoredCorrectiveAction> = {}): StoredCorrectiveAction => ({
  ...a,
  ...more,
  status,
  steps: [...a.steps, s],
  updatedAt: s.at,
});

/** The unit reports what it did (its own unit's action only: another unit's is not found). */
export const reportAction =
  (deps: AdminDeps) =>
  async (actor: Actor, unitId: string, actionId: string, expectedVersion: number, input: ActionReportInput): Promise<CorrectiveAction> => {
    const a = await found(deps, actionId, unitId);
    if (input.indicator !== undefined) checkIndicator(deps, "indicator", input.indicator);
    return step(
      deps,
      actor,
      a,
      expectedVersion,
      input,
      "report",
      (s) => (s === "ACCEPTED" ? `action ${actionId} was accepted: it is closed` : s === "REPORTED" ? `action ${actionId} is reported and waits for Home Affairs` : null),
      (x, at) => addStep(x, { kind: "REPORTED", at, by: actor, text: input.text, indicator: input.indicator ?? shownIndicator(x), deadline: null }, "REPORTED"),
    );
  };

/** Home Affairs accepts what the unit reported: the action is closed. */
export const acceptAction =
  (deps: AdminDeps) =>
  async (actor: Actor, actionId: string, expectedVersion: number, input: ActionAcceptInput): Promise<CorrectiveAction> => {
    const a = await found(deps, actionId);
    return step(
      deps,
      actor,
      a,
      expectedVersion,
      input,
      "accept",
      (s) => (s === "REPORTED" ? null : s === "ACCEPTED" ? `action ${actionId} is already accepted` : `action ${actionId} has no report to accept (${s})`),
      (x, at) => addStep(x, { kind: "ACCEPTED", at, by: actor, text: input.note ?? null, indicator: null, deadline: null }, "ACCEPTED"),
    );
  };

/** Home Affairs reopens a reported action, saying why (and, if given, with a new deadline): the unit reports again. */
export const reopenAction =
  (deps: AdminDeps) =>
  async (actor: Actor, actionId: string, expectedVersion: number, input: ActionReopenInput): Promise<CorrectiveAction> => {
    const a = await found(deps, actionId);
    if (input.deadline !== undefined) checkDeadline(deps, "deadline", input.deadline);
    return step(
      deps,
      actor,
      a,
      expectedVersion,
      input,
      "reopen",
      (s) => (s === "REPORTED" ? null : s === "ACCEPTED" ? `action ${actionId} was accepted: it is closed` : `action ${actionId} has no report to reopen (${s})`),
      (x, at) => {
        const deadline = input.deadline ?? x.deadline;
        return addStep(x, { kind: "REOPENED", at, by: actor, text: input.reason, indicator: null, deadline }, "REOPENED", { deadline });
      },
    );
  };
