import type { Clock } from "../../ports/runtime.js";
import type { Lake } from "../../ports/lake.js";
import type { OpenCaseIndex } from "../../ports/read.js";
import { type CaseParties, type Principal, authorizeCase } from "@scorecard/shared/auth/policy";
import type { CaseTimeline, TimelineHold, TimelinePause } from "@scorecard/shared/contracts/case-timeline";
import { type Period, type StoredCaseEvent, type UnitCatalog, WorkingCalendar, attributeDelay, caseFacts, distinctEvents, localDateOf, localMidnightUtc } from "@scorecard/shared";
import { procedureNames } from "./procedure-names.js";

export interface TimelineDeps {
  /** The live event store (a dossier's stored events). */
  readonly openCases: Pick<OpenCaseIndex, "caseEvents">;
  readonly clock: Clock;
  readonly catalog: UnitCatalog;
  readonly calendar?: WorkingCalendar;
  /** The lake, for the procedure names of the ingested catalog (absent: codes only). */
  readonly lake?: Lake | undefined;
}

export type TimelineResult =
  | { readonly kind: "ok"; readonly timeline: CaseTimeline }
  /** The caller may not read this dossier — or it does not exist and the caller is a unit officer: the two are one answer. */
  | { readonly kind: "forbidden" }
  /** No receipt of this dossier is stored (the caller may read any dossier). */
  | { readonly kind: "not-found" };

const iso = (t: number) => new Date(t).toISOString();
const byTime = (a: StoredCaseEvent, b: StoredCaseEvent) => {
  const d = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  return d !== 0 ? d : a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
};

/** The units party to a dossier, from its events (the object of the `case:read` check); undefined when none is stored. */
export function casePartiesOf(events: readonly StoredCaseEvent[]): CaseParties | undefined {
  if (events.length === 0) return undefined;
  const holders = new Set<string>();
  const consulted = new Set<string>();
  for (const e of events) {
    if (e.type === "RECEIVED") holders.add(e.unitId);
    if (e.type === "TRANSFERRED") holders.add(e.unitId).add(e.targetUnitId ?? e.unitId);
    if (e.type === "CONSULT_REQUESTED") consulted.add(e.targetUnitId ?? e.unitId);
  }
  return { holders: [...holders].sort(), consulted: [...consulted].sort() };
}

/**
 * `GET /v1/cases/{caseId}`: a dossier's story from its stored events, judged now with the facts
 * of methodology §2 (shared/src/facts/case-facts.ts) over a span from its receipt to now, and its
 * lateness charged per unit as R7 does (shared/src/facts/delay-attribution.ts). The authorization
 * is part of the use case (fail closed): the caller's right to this dossier is checked on the
 * dossier's parties before anything about it is returned, and a unit officer gets the same
 * answer for another unit's dossier as for a dossier that does not exist.
 *
 * Working days are counted as everywhere else (`workingDaysBetween`): the working days after the
 * local date something began up to and including the local date it ended (today while it goes on).
 * Only the fields listed in the contract leave: no applicant field, no pseudonym, no flags.
 */
export const caseTimeline = (deps: TimelineDeps) => {
  const calendar = deps.calendar ?? new WorkingCalendar();
  const names = procedureNames(deps);
  return async (principal: Principal, caseId: string): Promise<TimelineResult> => {
    const events = distinctEvents(await deps.openCases.caseEvents(caseId)).filter((e) => e.caseId === caseId).sort(byTime);
    if (!authorizeCase(principal, casePartiesOf(events)).allowed) return { kind: "forbidden" };
    const received = events.find((e) => e.type === "RECEIVED");
    if (!received) return { kind: "not-found" };

    // The span judged: from the receipt's day to now (or just past the last event, if a source's clock is ahead).
    const nowT = deps.clock.now().getTime();
    const lastT = Math.max(...events.map((e) => Date.parse(e.occurredAt)));
    const endT = Math.max(nowT, lastT + 1);
    const today = localDateOf(iso(endT));
    const startDate = localDateOf(received.occurredAt);
    const span: Period = { id: "live", kind: "MONTH", year: Number(today.slice(0, 4)), startDate, endDate: today, start: localMidnightUtc(startDate), end: iso(endT) };
    const facts = caseFacts(events, span, calendar);
    if (!facts) return { kind: "not-found" };

    const days = (from: string, to: string | null) => calendar.workingDaysBetween(localDateOf(from), to === null ? today : localDateOf(to));
    const withdrawnAt = events.find((e) => e.type === "WITHDRAWN")?.occurredAt ?? null;
    const closedAt = facts.endAt ?? (withdrawnAt === null ? null : iso(Date.parse(withdrawnAt)));

    // Who held it: the receiving unit until its first transfer, then each transfer's target (facts' steps).
    const firstTransfer = facts.transfers[0];
    const leadTo = firstTransfer?.transferredAt ?? closedAt;
    const holds: TimelineHold[] = [
      { unitId: facts.unitId, role: "LEAD", from: facts.receivedAt, to: leadTo, workingDays: days(facts.receivedAt, leadTo), stepDueAt: null, overrunWorkingDays: 0 },
      ...facts.transfers.map((t): TimelineHold => {
        const to = t.endedAt ?? closedAt;
        return { unitId: t.toUnitId, role: "TRANSFER", from: t.transferredAt, to, workingDays: days(t.transferredAt, to), stepDueAt: t.stepDueAt, overrunWorkingDays: t.overrunWorkingDays };
      }),
    ];

    // Supplement pauses, paired as the facts pair them (each request with the first receipt at or after it).
    const supplied = events.filter((e) => e.type === "SUPPLEMENT_RECEIVED").map((e) => Date.parse(e.occurredAt));
    const pauses = events
      .filter((e) => e.type === "SUPPLEMENT_REQUESTED")
      .map((e): TimelinePause => {
        const q = Date.parse(e.occurredAt);
        const s = supplied.find((t) => t >= q);
        return { unitId: e.unitId, requestedAt: iso(q), suppliedAt: s === undefined ? null : iso(s), pausedMs: s === undefined ? 0 : s - q, workingDays: days(iso(q), s === undefined ? null : iso(s)) };
      });

    const mentioned = new Set<string>([facts.unitId]);
    for (const e of events) {
      mentioned.add(e.unitId);
      if (e.targetUnitId) mentioned.add(e.targetUnitId);
    }
    const units: Record<string, { nameVi: string; nameEn: string; tier: string }> = {};
    for (const id of [...mentioned].sort()) {
      const u = deps.catalog.get(id);
      if (u) units[id] = { nameVi: u.nameVi, nameEn: u.nameEn, tier: u.tier };
    }
    const procedure = facts.procedureCode === null ? undefined : (await names()).get(facts.procedureCode);
    const lastTransfer = facts.transfers.at(-1);

    const timeline: CaseTimeline = {
      caseId,
      asOf: iso(endT),
      leadUnitId: facts.unitId,
      procedureCode: facts.procedureCode,
      procedureNameVi: procedure?.nameVi ?? null,
      procedureNameEn: procedure?.nameEn ?? null,
      field: facts.field,
      channel: facts.channel,
      receivedAt: facts.receivedAt,
      dueAt: facts.dueAt,
      effectiveDueAt: facts.effectiveDueAt,
      endAt: facts.endAt,
      endKind: facts.endKind,
      status: facts.status,
      statusRule: facts.statusRule,
      overrunWorkingDays: facts.overrunWorkingDays,
      workingDays: days(facts.receivedAt, closedAt),
      holder: closedAt === null ? (lastTransfer?.toUnitId ?? facts.unitId) : null,
      events: events.map((e) => ({
        eventId: e.eventId,
        type: e.type,
        occurredAt: iso(Date.parse(e.occurredAt)),
        unitId: e.unitId,
        targetUnitId: e.targetUnitId ?? null,
        dueAt: e.dueAt === undefined ? null : iso(Date.parse(e.dueAt)),
      })),
      holds,
      pauses,
      consultations: facts.consultations.map((c) => ({
        requestedBy: c.requestedBy,
        consultedUnitId: c.consultedUnitId,
        requestedAt: c.requestedAt,
        stepDueAt: c.stepDueAt,
        answeredAt: c.answeredAt,
        verdict: c.verdict,
        workingDaysLate: c.workingDaysLate,
        workingDays: days(c.requestedAt, c.answeredAt),
      })),
      charges: attributeDelay(facts).map((s) => ({ unitId: s.unitId, role: s.role, overrunWorkingDays: s.overrunWorkingDays })),
      units,
    };
    return { kind: "ok", timeline };
  };
};
