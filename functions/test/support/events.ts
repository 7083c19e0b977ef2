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
  build(): CaseEventInput[] {
    return [...this.events];
  }
}
