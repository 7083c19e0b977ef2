/**
 * Dossier facts (methodology §2): what one case's events say about it as of the end of a period.
 * Decisions taken where the specification is silent are listed in ./README.md; the SQL in
 * ../sql/case-status.sql.ts implements the same rules and is checked against this code.
 */
import type { CaseEventFlags, CaseEventType, Channel, StoredCaseEvent } from "../contracts/case-event.js";
import { COMPLEX_FIELDS } from "../contracts/case-event.js";
import { type ReasonCodeOrUnspecified, reasonOf } from "../contracts/reason-codes.js";
import { localDateOf, type Period } from "../time/period.js";
import type { WorkingCalendar } from "../time/working-days.js";

export const CASE_STATUSES = ["EARLY", "ON_TIME", "LATE", "OVERDUE", "IN_PROGRESS", "EXCLUDED"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Statuses that are a verdict on timeliness (the P1 / R1 denominator). */
export const VERDICT_STATUSES: readonly CaseStatus[] = ["EARLY", "ON_TIME", "LATE", "OVERDUE"];

export type EndKind = "RESOLVED" | "RESULT_DELIVERED" | "REFUSED" | "STOPPED";

/** Case-level flags: true if any event says true, false if some say false and none true, null if none says. */
export type FlagFacts = { readonly [K in keyof Required<CaseEventFlags>]: boolean | null };

export interface TransferStep {
  readonly eventId: string;
  readonly fromUnitId: string;
  readonly toUnitId: string;
  readonly transferredAt: string;
  readonly stepDueAt: string | null;
  /** When the receiving unit passed the case on, or the case ended; null while still held. */
  readonly endedAt: string | null;
  /** Working days by which the holder overran the step due date (as of the judging time). */
  readonly overrunWorkingDays: number;
}

export type ConsultationVerdict = "ON_TIME" | "LATE" | "OVERDUE" | "PENDING";

export interface Consultation {
  readonly eventId: string;
  readonly requestedBy: string;
  readonly consultedUnitId: string;
  readonly requestedAt: string;
  readonly stepDueAt: string | null;
  readonly answeredAt: string | null;
  /** ON_TIME answered on or before the step due date (local dates); LATE answered after;
   * OVERDUE unanswered at the period end and past due; PENDING unanswered, not yet due. */
  readonly verdict: ConsultationVerdict;
  readonly workingDaysLate: number;
  /** Requested in the period, or earlier and still unanswered at its start (like cases). */
  readonly inScope: boolean;
}

export interface CaseFacts {
  readonly caseId: string;
  readonly periodId: string;
  /** The receiving unit, which owns the case for every case-based indicator. */
  readonly unitId: string;
  readonly procedureCode: string | null;
  readonly field: string | null;
  readonly complexField: boolean;
  readonly channel: Channel | null;
  readonly online: boolean;
  readonly receivedAt: string;
  /** The legal due date in force at the period end (latest DUE_DATE_SET, else RECEIVED's). */
  readonly dueAt: string;
  readonly pausedMs: number;
  /** dueAt + closed supplement pauses. */
  readonly effectiveDueAt: string;
  readonly supplementRequests: number;
  readonly openSupplementRequestAt: string | null;
  readonly endAt: string | null;
  readonly endKind: EndKind | null;
  readonly refusedOrStopped: boolean;
  /** The reason of the first REFUSED / STOPPED (UNSPECIFIED without a code); null when not returned. */
  readonly returnReason: ReasonCodeOrUnspecified | null;
  readonly withdrawn: boolean;
  readonly status: CaseStatus;
  /** The instant the status was judged at: endAt, the open supplement request, or the period end. */
  readonly judgedAt: string;
  /** Which rule of §2 gave the status (explainability, methodology §7). */
  readonly statusRule: string;
  readonly receivedInPeriod: boolean;
  readonly carriedOver: boolean;
  readonly inScope: boolean;
  readonly hasVerdict: boolean;
  /** Working days by which the case is late (0 unless LATE or OVERDUE by dates). */
  readonly overrunWorkingDays: number;
  /** Working days from receipt to resolution, for resolved cases (P2). */
  readonly handlingWorkingDays: number | null;
  readonly apologyIssued: boolean;
  readonly paymentCompleted: boolean;
  readonly paidOnline: boolean;
  readonly flags: FlagFacts;
  readonly rating: { readonly satisfied: boolean; readonly ratedAt: string } | null;
  readonly transfers: readonly TransferStep[];
  readonly consultations: readonly Consultation[];
}

export class CaseFactsError extends Error {
  override readonly name = "CaseFactsError";
}

const FLAG_KEYS = [
  "digitizedDossier",
  "digitizedResult",
  "digitallySigned",
  "reusedData",
  "onlinePayment",
  "feeBearing",
  "syncedToNationalPortal",
  "resultRequired",
  "personalDataStore",
  "populationDatabase",
] as const satisfies readonly (keyof CaseEventFlags)[];

const COMPLEX: ReadonlySet<string> = new Set(COMPLEX_FIELDS);

interface Ev {
  readonly e: StoredCaseEvent;
  readonly t: number;
}

/** A stable text of a value (object keys sorted), used to pick one version of a conflicting duplicate. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "undefined";
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(",")}}`;
}

/** Distinct events by eventId; for a conflicting duplicate the version with the smallest canonical text wins. */
export function distinctEvents(events: readonly StoredCaseEvent[]): StoredCaseEvent[] {
  const byId = new Map<string, { e: StoredCaseEvent; c: string }>();
  for (const e of events) {
    const c = canonical(e);
    const prev = byId.get(e.eventId);
    if (prev === undefined || c < prev.c) byId.set(e.eventId, { e, c });
  }
  return [...byId.values()].map((v) => v.e);
}

const byTime = (a: Ev, b: Ev) => a.t - b.t || (a.e.eventId < b.e.eventId ? -1 : a.e.eventId > b.e.eventId ? 1 : 0);
const iso = (t: number) => new Date(t).toISOString();

/**
 * The facts of one case as of the end of `period`, from its events (any order, duplicates
 * allowed). Only events with occurredAt < period.end count. Returns null when no RECEIVED
 * event happened before the end (the case does not exist yet, or its receipt is missing).
 *
 * @example
 * const f = caseFacts(events, parsePeriod("2024-H1"), new WorkingCalendar());
 * f?.status // "ON_TIME"
 */
export function caseFacts(events: readonly StoredCaseEvent[], period: Period, calendar: WorkingCalendar): CaseFacts | null {
  const startT = Date.parse(period.start);
  const endT = Date.parse(period.end);
  const evs: Ev[] = distinctEvents(events)
    .map((e) => ({ e, t: Date.parse(e.occurredAt) }))
    .filter((x) => x.t < endT)
    .sort(byTime);
  const of = (...types: CaseEventType[]) => evs.filter((x) => types.includes(x.e.type));

  const received = of("RECEIVED")[0];
  if (received === undefined) return null;
  const r = received.e;
  const receivedT = received.t;

  // Due date: the DUE_DATE_SET with the latest occurredAt (ties: the latest dueAt), else RECEIVED's.
  const dueSets = of("DUE_DATE_SET").filter((x) => x.e.dueAt !== undefined);
  let dueIso = r.dueAt;
  let best: { t: number; due: number } | null = null;
  for (const x of dueSets) {
    const due = Date.parse(x.e.dueAt as string);
    if (best === null || x.t > best.t || (x.t === best.t && due > best.due)) {
      best = { t: x.t, due };
      dueIso = x.e.dueAt;
    }
  }
  if (dueIso === undefined) throw new CaseFactsError(`case ${r.caseId}: RECEIVED ${r.eventId} has no dueAt and no DUE_DATE_SET applies`);
  const dueT = Date.parse(dueIso);

  // Supplement pauses: each request paired with the first SUPPLEMENT_RECEIVED at or after it.
  const requests = of("SUPPLEMENT_REQUESTED");
  const supplied = of("SUPPLEMENT_RECEIVED");
  let pausedMs = 0;
  let openRequestT: number | null = null;
  for (const q of requests) {
    const answer = supplied.find((s) => s.t >= q.t);
    if (answer !== undefined) pausedMs += answer.t - q.t;
    else if (openRequestT === null) openRequestT = q.t;
  }
  const effectiveDueT = dueT + pausedMs;

  // End: first RESOLVED, else first RESULT_DELIVERED, else first REFUSED / STOPPED.
  const endEv = of("RESOLVED")[0] ?? of("RESULT_DELIVERED")[0] ?? of("REFUSED", "STOPPED")[0];
  const endKind = (endEv?.e.type ?? null) as EndKind | null;
  const endAtT = endEv?.t ?? null;
  const withdrawn = of("WITHDRAWN").length > 0;

  // Status as of the period end.
  const lastLocalDate = period.endDate;
  let status: CaseStatus;
  let statusRule: string;
  let judgedT: number;
  let overrun = 0;
  if (endAtT !== null) {
    judgedT = endAtT;
  } else if (openRequestT !== null && requests.length === 1) {
    judgedT = openRequestT;
  } else {
    judgedT = endT;
  }
  // Local date of the judging instant; the period end itself (exclusive) is judged on its last day.
  const judgedDate = judgedT === endT ? lastLocalDate : localDateOf(iso(judgedT));
  const dueDate = localDateOf(iso(effectiveDueT));
  if (withdrawn) {
    status = "EXCLUDED";
    statusRule = "§2 withdrawn: excluded from timeliness";
  } else if (requests.length > 1) {
    status = endAtT !== null ? "LATE" : "OVERDUE";
    statusRule = "§2 more than one supplement request ⇒ late";
  } else if (endAtT !== null) {
    const endDate = localDateOf(iso(endAtT));
    status = endDate < dueDate ? "EARLY" : endDate === dueDate ? "ON_TIME" : "LATE";
    statusRule = `§2 finished: end date ${endDate} vs effective due date ${dueDate}`;
  } else {
    status = judgedT > effectiveDueT ? "OVERDUE" : "IN_PROGRESS";
    statusRule =
      openRequestT !== null
        ? "§2 open supplement request: judged at the request time against the due date"
        : "§2 not finished: judged at the period end against the effective due date";
  }
  if (status === "LATE" || status === "OVERDUE") overrun = calendar.workingDaysBetween(dueDate, judgedDate);

  const receivedInPeriod = receivedT >= startT && receivedT < endT;
  const carriedOver = receivedT < startT && (endAtT === null || endAtT >= startT);
  const inScope = !withdrawn && (receivedInPeriod || carriedOver);

  // Flags, OR-ed over the events.
  const flags = Object.fromEntries(
    FLAG_KEYS.map((k) => {
      const values = evs.map((x) => x.e.flags?.[k]).filter((v): v is boolean => v !== undefined);
      return [k, values.length === 0 ? null : values.includes(true)];
    }),
  ) as unknown as FlagFacts;

  const rated = of("RATED").filter((x) => x.e.rating !== undefined);
  const lastRating = rated[rated.length - 1];

  const transfers = transferSteps(of("TRANSFERRED"), evs, endAtT, calendar, lastLocalDate);
  const consultations = consultationsOf(of("CONSULT_REQUESTED"), of("CONSULT_ANSWERED"), startT, endT, calendar, lastLocalDate);

  return {
    caseId: r.caseId,
    periodId: period.id,
    unitId: r.unitId,
    procedureCode: r.procedureCode ?? null,
    field: r.field ?? null,
    complexField: r.field !== undefined && COMPLEX.has(r.field),
    channel: r.channel ?? null,
    online: r.channel === "ONLINE_FULL" || r.channel === "ONLINE_PARTIAL",
    receivedAt: iso(receivedT),
    dueAt: iso(dueT),
    pausedMs,
    effectiveDueAt: iso(effectiveDueT),
    supplementRequests: requests.length,
    openSupplementRequestAt: openRequestT === null ? null : iso(openRequestT),
    endAt: endAtT === null ? null : iso(endAtT),
    endKind,
    refusedOrStopped: of("REFUSED", "STOPPED").length > 0,
    returnReason: (() => {
      const first = of("REFUSED", "STOPPED")[0];
      return first === undefined ? null : reasonOf(first.e);
    })(),
    withdrawn,
    status,
    judgedAt: iso(judgedT),
    statusRule,
    receivedInPeriod,
    carriedOver,
    inScope,
    hasVerdict: VERDICT_STATUSES.includes(status),
    overrunWorkingDays: overrun,
    handlingWorkingDays:
      endAtT !== null && (endKind === "RESOLVED" || endKind === "RESULT_DELIVERED")
        ? calendar.workingDaysBetween(localDateOf(iso(receivedT)), localDateOf(iso(endAtT)))
        : null,
    apologyIssued: of("APOLOGY_ISSUED").length > 0,
    paymentCompleted: of("PAYMENT_COMPLETED").length > 0,
    paidOnline: of("PAYMENT_COMPLETED").some((x) => x.e.flags?.onlinePayment === true),
    flags,
    rating: lastRating === undefined ? null : { satisfied: (lastRating.e.rating as { satisfied: boolean }).satisfied, ratedAt: iso(lastRating.t) },
    transfers,
    consultations,
  };
}

/**
 * Transfer steps: the receiving unit holds the case from the transfer until it transfers the case
 * on (its own TRANSFERRED event) or the case ends; overrun = working days past the step due date
 * at that moment (or at the period's last day while still held).
 */
function transferSteps(transfers: Ev[], all: Ev[], endAtT: number | null, calendar: WorkingCalendar, lastLocalDate: string): TransferStep[] {
  return transfers.map((x) => {
    const to = x.e.targetUnitId ?? x.e.unitId;
    const passedOn = all.find((y) => y.e.type === "TRANSFERRED" && y.e.unitId === to && byTime(y, x) > 0);
    const candidates = [passedOn?.t, endAtT !== null && endAtT >= x.t ? endAtT : undefined].filter((t): t is number => t !== undefined);
    const endedT = candidates.length === 0 ? null : Math.min(...candidates);
    const due = x.e.dueAt ?? null;
    const overrun =
      due === null ? 0 : calendar.workingDaysBetween(localDateOf(due), endedT === null ? lastLocalDate : localDateOf(iso(endedT)));
    return {
      eventId: x.e.eventId,
      fromUnitId: x.e.unitId,
      toUnitId: to,
      transferredAt: iso(x.t),
      stepDueAt: due === null ? null : iso(Date.parse(due)),
      endedAt: endedT === null ? null : iso(endedT),
      overrunWorkingDays: overrun,
    };
  });
}

/**
 * Consultations: requests in time order, each paired with the first not-yet-used answer from the
 * consulted unit at or after it.
 */
function consultationsOf(
  requests: Ev[],
  answers: Ev[],
  startT: number,
  endT: number,
  calendar: WorkingCalendar,
  lastLocalDate: string,
): Consultation[] {
  const used = new Set<string>();
  return requests.map((q) => {
    const consulted = q.e.targetUnitId ?? q.e.unitId;
    const a = answers.find((y) => !used.has(y.e.eventId) && y.e.unitId === consulted && y.t >= q.t);
    if (a !== undefined) used.add(a.e.eventId);
    const due = q.e.dueAt ?? null;
    const dueT = due === null ? null : Date.parse(due);
    const dueDate = due === null ? null : localDateOf(due);
    let verdict: ConsultationVerdict;
    let late = 0;
    if (a !== undefined) {
      const answerDate = localDateOf(iso(a.t));
      verdict = dueDate === null || answerDate <= dueDate ? "ON_TIME" : "LATE";
      if (dueDate !== null) late = calendar.workingDaysBetween(dueDate, answerDate);
    } else {
      verdict = dueT !== null && endT > dueT ? "OVERDUE" : "PENDING";
      if (dueDate !== null) late = calendar.workingDaysBetween(dueDate, lastLocalDate);
    }
    return {
      eventId: q.e.eventId,
      requestedBy: q.e.unitId,
      consultedUnitId: consulted,
      requestedAt: iso(q.t),
      stepDueAt: dueT === null ? null : iso(dueT),
      answeredAt: a === undefined ? null : iso(a.t),
      verdict,
      workingDaysLate: verdict === "LATE" || verdict === "OVERDUE" ? late : 0,
      inScope: (q.t >= startT && q.t < endT) || (q.t < startT && (a === undefined || a.t >= startT)),
    };
  });
}
