/**
 * The live state of a dossier and its rows in the open-case index, from the SET of its events
 * (order of arrival and duplicates irrelevant). The rules are methodology §2 as
 * shared/src/facts/case-facts.ts implements them (README there), applied to "now" instead of a
 * period end — functions/test/case-state.property.test.ts checks both agree:
 *
 * - due date: the DUE_DATE_SET with the latest occurredAt (ties: the latest dueAt), else RECEIVED's;
 * - supplement pauses: each SUPPLEMENT_REQUESTED paired with the first SUPPLEMENT_RECEIVED at or
 *   after it; each closed pair adds its length (calendar time, not working days) to the due date;
 *   a single open request stops the clock (not overdue, not due soon); more than one request makes
 *   the dossier late whatever the dates (from the second request on);
 * - holder: the target of the latest TRANSFERRED, else the receiving unit;
 * - consultations: each CONSULT_REQUESTED paired with the first unused CONSULT_ANSWERED by the
 *   consulted unit at or after it; unpaired ones are pending.
 *
 * Nothing here reads a clock: whether a row is overdue is decided when it is read.
 */
import { type StoredCaseEvent, distinctEvents } from "@scorecard/shared";
import type { IndexedOpenCase, PendingConsultation } from "../../ports/read.js";

export interface ConsultationState extends PendingConsultation {
  readonly eventId: string;
  readonly answeredAt: string | null;
}

export interface HolderState {
  readonly unitId: string;
  /** When it got the dossier: the receipt, or the transfer to it. */
  readonly since: string;
  /** The step due date of the transfer that gave it the dossier (null for the receiving unit). */
  readonly stepDueAt: string | null;
  readonly via: "RECEIVED" | "TRANSFERRED";
}

export interface LiveCaseState {
  readonly caseId: string;
  /** The receiving (lead) unit, which answers for the dossier's due date. */
  readonly unitId: string;
  readonly procedureCode: string | null;
  readonly field: string | null;
  readonly receivedAt: string | null;
  /** The legal due date in force (latest DUE_DATE_SET, else RECEIVED's). */
  readonly dueAt: string | null;
  /** Closed supplement pauses, added to `dueAt`. */
  readonly pausedMs: number;
  /** dueAt + pausedMs. */
  readonly effectiveDueAt: string | null;
  readonly supplementRequests: number;
  /** The first request not answered by a SUPPLEMENT_RECEIVED at or after it. */
  readonly openSupplementRequestAt: string | null;
  /** More than one request: the instant of the second one (the dossier is late from then on). */
  readonly lateSince: string | null;
  readonly holder: HolderState;
  readonly consultations: readonly ConsultationState[];
  readonly open: boolean;
  readonly lastEventAt: string;
  readonly eventCount: number;
}

const FINAL = new Set(["RESOLVED", "RESULT_DELIVERED", "REFUSED", "STOPPED", "WITHDRAWN"]);
const iso = (t: number) => new Date(t).toISOString();
const byTimeThenId = (a: StoredCaseEvent, b: StoredCaseEvent) => {
  const d = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  return d !== 0 ? d : a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
};

/** Distinct events by eventId (the facts' choice for a conflicting duplicate), in time order (ties by eventId). */
export const distinctInOrder = (events: readonly StoredCaseEvent[]): StoredCaseEvent[] => distinctEvents(events).sort(byTimeThenId);

/**
 * The live state of a case from the set of its events: who holds it, its due date with the
 * supplement pauses, its consultations, whether it is still open. Undefined until RECEIVED arrives.
 */
export function deriveCaseState(events: readonly StoredCaseEvent[]): LiveCaseState | undefined {
  const distinct = distinctInOrder(events);
  const of = (type: StoredCaseEvent["type"]) => distinct.filter((e) => e.type === type);
  const received = of("RECEIVED")[0];
  if (!received) return undefined;

  // Due date: the DUE_DATE_SET with the latest occurredAt (ties: the latest dueAt), else RECEIVED's.
  let dueIso = received.dueAt ?? null;
  let best: { t: number; due: number } | null = null;
  for (const e of of("DUE_DATE_SET")) {
    if (e.dueAt === undefined) continue;
    const t = Date.parse(e.occurredAt);
    const due = Date.parse(e.dueAt);
    if (best === null || t > best.t || (t === best.t && due > best.due)) {
      best = { t, due };
      dueIso = e.dueAt;
    }
  }

  // Supplement pauses.
  const requests = of("SUPPLEMENT_REQUESTED").map((e) => Date.parse(e.occurredAt));
  const supplied = of("SUPPLEMENT_RECEIVED").map((e) => Date.parse(e.occurredAt));
  let pausedMs = 0;
  let openRequestT: number | null = null;
  for (const q of requests) {
    const answer = supplied.find((s) => s >= q);
    if (answer !== undefined) pausedMs += answer - q;
    else openRequestT ??= q;
  }
  const dueT = dueIso === null ? null : Date.parse(dueIso);

  // Holder: the latest transfer's target, else the receiving unit.
  const lastTransfer = of("TRANSFERRED").at(-1);
  const holder: HolderState = lastTransfer
    ? { unitId: lastTransfer.targetUnitId ?? lastTransfer.unitId, since: iso(Date.parse(lastTransfer.occurredAt)), stepDueAt: lastTransfer.dueAt === undefined ? null : iso(Date.parse(lastTransfer.dueAt)), via: "TRANSFERRED" }
    : { unitId: received.unitId, since: iso(Date.parse(received.occurredAt)), stepDueAt: null, via: "RECEIVED" };

  // Consultations: each request paired with the first unused answer by the consulted unit at or after it.
  const answers = of("CONSULT_ANSWERED");
  const used = new Set<string>();
  const consultations = of("CONSULT_REQUESTED").map((q): ConsultationState => {
    const consulted = q.targetUnitId ?? q.unitId;
    const qt = Date.parse(q.occurredAt);
    const a = answers.find((y) => !used.has(y.eventId) && y.unitId === consulted && Date.parse(y.occurredAt) >= qt);
    if (a !== undefined) used.add(a.eventId);
    return {
      eventId: q.eventId,
      requestedBy: q.unitId,
      consultedUnitId: consulted,
      requestedAt: iso(qt),
      stepDueAt: q.dueAt === undefined ? null : iso(Date.parse(q.dueAt)),
      answeredAt: a === undefined ? null : iso(Date.parse(a.occurredAt)),
    };
  });

  const last = distinct.at(-1) as StoredCaseEvent;
  return {
    caseId: received.caseId,
    unitId: received.unitId,
    procedureCode: received.procedureCode ?? null,
    field: received.field ?? null,
    receivedAt: iso(Date.parse(received.occurredAt)),
    dueAt: dueT === null ? null : iso(dueT),
    pausedMs,
    effectiveDueAt: dueT === null ? null : iso(dueT + pausedMs),
    supplementRequests: requests.length,
    openSupplementRequestAt: openRequestT === null ? null : iso(openRequestT),
    lateSince: requests.length > 1 ? iso(requests[1] as number) : null,
    holder,
    consultations,
    open: !distinct.some((e) => FINAL.has(e.type)),
    lastEventAt: iso(Date.parse(last.occurredAt)),
    eventCount: distinct.length,
  };
}

/** Is the dossier's clock stopped (a single supplement request still open)? */
export const isPaused = (s: LiveCaseState): boolean => s.open && s.supplementRequests === 1 && s.openSupplementRequestAt !== null;

const earliest = (...isos: (string | null)[]): { at: string; i: number } | null => {
  let best: { at: string; i: number } | null = null;
  isos.forEach((at, i) => {
    if (at !== null && (best === null || Date.parse(at) < Date.parse(best.at))) best = { at, i };
  });
  return best;
};

/** Where a row sits in the index: `OPEN#<unit>` by due time, `PAUSED#<unit>` by pause start; null: not listed. */
export interface IndexPlacement {
  readonly gsi1pk: string;
  readonly gsi1sk: string;
}

/** One item of the open-case index of a case: its sort key in the case's partition, its row (null: a tombstone). */
export interface IndexItem {
  readonly sk: string;
  readonly row: IndexedOpenCase | null;
  readonly placement: IndexPlacement | null;
}

export const HOLD_PREFIX = "IDX#HOLD#";
export const CONSULT_PREFIX = "IDX#CONSULT#";

/**
 * Every index item the case's events can name — one per unit that received, transferred or was
 * given the dossier (`IDX#HOLD#<unit>`) and one per consulted unit (`IDX#CONSULT#<unit>`) — each
 * either a live row or a tombstone. A smaller set of the same case's events names a subset of these
 * keys, so writing all of them (conditionally on the event count) leaves, whatever the order of
 * the writers, exactly the rows of the largest set (docs/storage.md).
 */
export function indexItemsOf(events: readonly StoredCaseEvent[], state: LiveCaseState): IndexItem[] {
  const distinct = distinctInOrder(events);
  const holderKeys = new Set<string>();
  const consultedKeys = new Set<string>();
  for (const e of distinct) {
    if (e.type === "RECEIVED") holderKeys.add(e.unitId);
    if (e.type === "TRANSFERRED") holderKeys.add(e.unitId).add(e.targetUnitId ?? e.unitId);
    if (e.type === "CONSULT_REQUESTED") consultedKeys.add(e.targetUnitId ?? e.unitId);
  }
  const pending = state.open ? state.consultations.filter((c) => c.answeredAt === null) : [];
  const pendingOut: PendingConsultation[] = pending.map(({ requestedBy, consultedUnitId, requestedAt, stepDueAt }) => ({ requestedBy, consultedUnitId, requestedAt, stepDueAt }));
  const base = {
    caseId: state.caseId,
    leadUnitId: state.unitId,
    procedureCode: state.procedureCode,
    field: state.field,
    receivedAt: state.receivedAt,
    caseDueAt: state.effectiveDueAt,
    supplementRequests: state.supplementRequests,
  };
  const items: IndexItem[] = [];

  for (const unitId of [...holderKeys].sort()) {
    const sk = `${HOLD_PREFIX}${unitId}`;
    const h = state.holder;
    if (!state.open || h.unitId !== unitId) {
      items.push({ sk, row: null, placement: null });
      continue;
    }
    const paused = isPaused(state);
    // The holder acts by the earlier of its own step due date (a transfer's) and the dossier's due
    // date; with more than one supplement request the dossier is late from the second one.
    const own = h.unitId === state.unitId && h.via === "RECEIVED" ? null : h.stepDueAt;
    const due = earliest(state.effectiveDueAt, own, state.lateSince);
    if (due === null) {
      items.push({ sk, row: null, placement: null });
      continue;
    }
    const row: IndexedOpenCase = {
      ...base,
      unitId,
      role: "HOLDER",
      dueAt: due.at,
      dueRule: due.i === 0 ? "CASE_DUE" : due.i === 1 ? "STEP_DUE" : "REPEATED_SUPPLEMENT",
      pausedSince: paused ? state.openSupplementRequestAt : null,
      heldSince: h.since,
      consultations: pendingOut,
    };
    items.push({
      sk,
      row,
      placement: paused ? { gsi1pk: `PAUSED#${unitId}`, gsi1sk: `${row.pausedSince}#${state.caseId}` } : { gsi1pk: `OPEN#${unitId}`, gsi1sk: `${row.dueAt}#${state.caseId}` },
    });
  }

  for (const unitId of [...consultedKeys].sort()) {
    const sk = `${CONSULT_PREFIX}${unitId}`;
    const mine = pendingOut.filter((c) => c.consultedUnitId === unitId);
    // A step without a due date is judged against the dossier's.
    const due = earliest(...mine.map((c) => c.stepDueAt ?? state.effectiveDueAt));
    if (mine.length === 0 || due === null) {
      items.push({ sk, row: null, placement: null });
      continue;
    }
    const row: IndexedOpenCase = {
      ...base,
      unitId,
      role: "CONSULTED",
      dueAt: due.at,
      dueRule: "STEP_DUE",
      pausedSince: null,
      heldSince: mine.map((c) => c.requestedAt).sort()[0] as string,
      consultations: mine,
    };
    items.push({ sk, row, placement: { gsi1pk: `OPEN#${unitId}`, gsi1sk: `${row.dueAt}#${state.caseId}` } });
  }
  return items;
}
