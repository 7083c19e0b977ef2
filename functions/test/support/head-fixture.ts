/**
 * The June 2024 fixture of the head-of-unit tests (head-indicators-sql.test.ts, ratings.test.ts):
 * units A and B (departments); June 2024 has no public holiday; local times are UTC+7.
 */
import type { StoredCaseEvent, UnitRecord } from "@scorecard/shared";

const unit = (unitId: string): UnitRecord => ({ unitId, nameVi: unitId, nameEn: unitId, tier: "DEPARTMENT", parentId: null, validFrom: "2020-01-01", validTo: null, successorIds: [] });
const at = (local: string) => new Date(`${local}+07:00`).toISOString();
let seq = 0;
const ev = (caseId: string, type: StoredCaseEvent["type"], local: string, extra: Partial<StoredCaseEvent> = {}): StoredCaseEvent => ({
  eventId: `${caseId}-${++seq}`, caseId, type, occurredAt: at(local), unitId: caseId.startsWith("B") ? "B" : "A", ...extra,
});
const rec = (caseId: string, local: string, dueLocal: string, extra: Partial<StoredCaseEvent> = {}) =>
  ev(caseId, "RECEIVED", local, { dueAt: at(dueLocal), procedureCode: "P-X", field: "CIVIL_STATUS", channel: "DIRECT", ...extra });

export const FIXTURE_UNITS = [unit("A"), unit("B")];
export const FIXTURE_EVENTS: StoredCaseEvent[] = [
  // A1 received 03/06, online, synced, digitised dossier; resolved 05/06 before its due 07/06: early.
  rec("A1", "2024-06-03T09:00:00", "2024-06-07T17:00:00", { channel: "ONLINE_FULL", flags: { syncedToNationalPortal: true, digitizedDossier: true } }),
  ev("A1", "RESOLVED", "2024-06-05T10:00:00"),
  // A2 received 03/06, resolved 12/06 after its due 07/06: late, with an apology.
  rec("A2", "2024-06-03T10:00:00", "2024-06-07T17:00:00"),
  ev("A2", "RESOLVED", "2024-06-12T10:00:00"),
  ev("A2", "APOLOGY_ISSUED", "2024-06-12T11:00:00"),
  // A3 received 10/06, resolved 19/06 after its due 14/06: late, no apology.
  rec("A3", "2024-06-10T09:00:00", "2024-06-14T17:00:00"),
  ev("A3", "RESOLVED", "2024-06-19T10:00:00"),
  // A4 received 10/06 23:30 (still 10/06 locally), resolved 17/06: early; rated "not satisfied".
  rec("A4", "2024-06-10T23:30:00", "2024-06-20T17:00:00"),
  ev("A4", "RESOLVED", "2024-06-17T10:00:00"),
  ev("A4", "RATED", "2024-06-18T09:00:00", { rating: { satisfied: false } }),
  // A5 received in May, still open past its due 24/05: overdue, carried over into June — the head's who received it.
  rec("A5", "2024-05-20T09:00:00", "2024-05-24T17:00:00"),
  // A6 received 25/06, due 05/07: in progress.
  rec("A6", "2024-06-25T09:00:00", "2024-07-05T17:00:00"),
  // B1 (B, 04/06) consults A on 04/06, step due 06/06, answered 05/06: on time.
  rec("B1", "2024-06-04T09:00:00", "2024-07-05T17:00:00"),
  ev("B1", "CONSULT_REQUESTED", "2024-06-04T10:00:00", { targetUnitId: "A", dueAt: at("2024-06-06T17:00:00") }),
  ev("B1", "CONSULT_ANSWERED", "2024-06-05T09:00:00", { unitId: "A" }),
  // B2 (B, 17/06) consults A on 18/06, step due 20/06, answered 24/06: late.
  rec("B2", "2024-06-17T09:00:00", "2024-07-05T17:00:00"),
  ev("B2", "CONSULT_REQUESTED", "2024-06-18T09:00:00", { targetUnitId: "A", dueAt: at("2024-06-20T17:00:00") }),
  ev("B2", "CONSULT_ANSWERED", "2024-06-24T09:00:00", { unitId: "A" }),
  // B3 (B, May) consults A on 28/05, due 30/05, never answered: overdue, carried over into June.
  rec("B3", "2024-05-25T09:00:00", "2024-07-05T17:00:00"),
  ev("B3", "CONSULT_REQUESTED", "2024-05-28T09:00:00", { targetUnitId: "A", dueAt: at("2024-05-30T17:00:00") }),
  // At the edge of the month: B4 consults A on 31/05 at 23:30 (a May day), B5 on 01/06 at 00:10 (a June day); both answered on time in June.
  rec("B4", "2024-05-31T09:00:00", "2024-07-05T17:00:00"),
  ev("B4", "CONSULT_REQUESTED", "2024-05-31T23:30:00", { targetUnitId: "A", dueAt: at("2024-06-05T17:00:00") }),
  ev("B4", "CONSULT_ANSWERED", "2024-06-03T09:00:00", { unitId: "A" }),
  rec("B5", "2024-05-31T09:00:00", "2024-07-05T17:00:00"),
  ev("B5", "CONSULT_REQUESTED", "2024-06-01T00:10:00", { targetUnitId: "A", dueAt: at("2024-06-05T17:00:00") }),
  ev("B5", "CONSULT_ANSWERED", "2024-06-03T10:00:00", { unitId: "A" }),
];

