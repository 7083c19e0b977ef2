import type { CaseEventInput } from "@scorecard/shared";

/** A small builder ("mother") for the events of one dossier, in local (+07:00) time. */
export class CaseBuilder {
  private readonly events: CaseEventInput[] = [];
  private seq = 0;
  constructor(
    readonly caseId: string,
    readonly unitId: string,
  ) {}

  private add(type: CaseEventInput["type"], local: string, extra: Partial<CaseEventInput> = {}): this {
    this.events.push({ eventId: `${this.caseId}-${++this.seq}`, caseId: this.caseId, type, occurredAt: `${local}+07:00`, unitId: this.unitId, ...extra });
    return this;
  }
  received(local: string, dueLocal: string, extra: Partial<CaseEventInput> = {}) {
    return this.add("RECEIVED", local, { dueAt: `${dueLocal}+07:00`, channel: "ONLINE_FULL", procedureCode: "1.000894", field: "CIVIL_STATUS", ...extra });
  }
  resolved(local: string) {
    return this.add("RESOLVED", local);
  }
  withdrawn(local: string) {
    return this.add("WITHDRAWN", local);
  }
  supplementRequested(local: string) {
    return this.add("SUPPLEMENT_REQUESTED", local);
  }
  supplementReceived(local: string) {
    return this.add("SUPPLEMENT_RECEIVED", local);
  }
  dueDateSet(local: string, dueLocal: string) {
    return this.add("DUE_DATE_SET", local, { dueAt: `${dueLocal}+07:00` });
  }
  /** `by` (default: the receiving unit) gives the dossier to `to` with a step due date. */
  transferred(local: string, to: string, stepDueLocal: string, by = this.unitId) {
    return this.add("TRANSFERRED", local, { unitId: by, targetUnitId: to, dueAt: `${stepDueLocal}+07:00` });
  }
  /** `by` (default: the receiving unit) consults `of` with a step due date. */
  consultRequested(local: string, of: string, stepDueLocal: string, by = this.unitId) {
    return this.add("CONSULT_REQUESTED", local, { unitId: by, targetUnitId: of, dueAt: `${stepDueLocal}+07:00` });
  }
  consultAnswered(local: string, by: string) {
    return this.add("CONSULT_ANSWERED", local, { unitId: by });
  }
  /** An event by another unit than the receiving one (a supplement asked by the holder, a resolution…). */
  by(unitId: string, type: CaseEventInput["type"], local: string) {
    return this.add(type, local, { unitId });
  }
  build(): CaseEventInput[] {
    return [...this.events];
  }
}
