import type { StoredCaseEvent } from "@scorecard/shared";

export interface LiveCaseState {
  readonly caseId: string;
  readonly unitId: string;
  readonly procedureCode: string | null;
  readonly field: string | null;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly open: boolean;
  readonly lastEventAt: string;
  readonly eventCount: number;
}

const FINAL = new Set(["RESOLVED", "RESULT_DELIVERED", "REFUSED", "STOPPED", "WITHDRAWN"]);
const byTimeThenId = (a: StoredCaseEvent, b: StoredCaseEvent) =>
  a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;

/**
 * The live state of a case from the set of its events (order of arrival irrelevant): which unit
 * holds it, its current legal due date, whether it is still open. Undefined until RECEIVED arrives.
 */
export function deriveCaseState(events: readonly StoredCaseEvent[]): LiveCaseState | undefined {
  const distinct = [...new Map(events.map((e) => [e.eventId, e])).values()].sort(byTimeThenId);
  const received = distinct.find((e) => e.type === "RECEIVED");
  if (!received) return undefined;
  const dueSet = distinct.filter((e) => e.type === "DUE_DATE_SET" && e.dueAt).at(-1);
  const last = distinct.at(-1) as StoredCaseEvent;
  return {
    caseId: received.caseId,
    unitId: received.unitId,
    procedureCode: received.procedureCode ?? null,
    field: received.field ?? null,
    receivedAt: received.occurredAt,
    dueAt: dueSet?.dueAt ?? received.dueAt ?? null,
    open: !distinct.some((e) => FINAL.has(e.type)),
    lastEventAt: last.occurredAt,
    eventCount: distinct.length,
  };
}
