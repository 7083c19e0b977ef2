/**
 * Test builders ("mothers") for events, complaints and procedures. Times are written as local
 * Vietnamese wall-clock times ("2024-03-04 09:00") and turned into UTC ISO instants.
 */
import type { CaseEventFlags, Channel, StoredCaseEvent } from "../../src/contracts/case-event.js";
import type { StoredComplaint } from "../../src/contracts/complaint.js";
import type { ProcedureRecord } from "../../src/contracts/procedure.js";

/** "2024-03-04 09:00" (UTC+7) → "2024-03-04T02:00:00.000Z". */
export const at = (local: string): string => new Date(`${local.replace(" ", "T")}:00+07:00`).toISOString();

export const DEPT = "DEPT-STP-2020"; // Sở Tư pháp (valid 2020 → 2025-06-30)
export const DEPT2 = "DEPT-SCT-2020"; // Sở Công Thương
export const TAX = "VERT-THUE-2020";

export class CaseMother {
  readonly events: StoredCaseEvent[] = [];
  private n = 0;
  constructor(
    readonly caseId: string,
    readonly unitId = DEPT,
  ) {}

  private push(type: StoredCaseEvent["type"], local: string, extra: Partial<StoredCaseEvent> = {}): this {
    this.n += 1;
    this.events.push({ eventId: `${this.caseId}-e${this.n}`, caseId: this.caseId, type, occurredAt: at(local), unitId: this.unitId, ...extra });
    return this;
  }

  received(local: string, due: string, opts: { channel?: Channel; field?: string; procedureCode?: string; flags?: CaseEventFlags; unitId?: string } = {}): this {
    return this.push("RECEIVED", local, {
      dueAt: at(due),
      channel: opts.channel ?? "DIRECT",
      field: opts.field ?? "JUSTICE",
      procedureCode: opts.procedureCode ?? "PROC-1",
      ...(opts.flags ? { flags: opts.flags } : {}),
      ...(opts.unitId ? { unitId: opts.unitId } : {}),
    });
  }
  dueDateSet(local: string, due: string): this {
    return this.push("DUE_DATE_SET", local, { dueAt: at(due) });
  }
  supplementRequested(local: string): this {
    return this.push("SUPPLEMENT_REQUESTED", local);
  }
  supplementReceived(local: string): this {
    return this.push("SUPPLEMENT_RECEIVED", local);
  }
  resolved(local: string, flags?: CaseEventFlags): this {
    return this.push("RESOLVED", local, flags ? { flags } : {});
  }
  delivered(local: string): this {
    return this.push("RESULT_DELIVERED", local);
  }
  refused(local: string): this {
    return this.push("REFUSED", local);
  }
  stopped(local: string): this {
    return this.push("STOPPED", local);
  }
  withdrawn(local: string): this {
    return this.push("WITHDRAWN", local);
  }
  apology(local: string): this {
    return this.push("APOLOGY_ISSUED", local);
  }
  paid(local: string, online: boolean): this {
    return this.push("PAYMENT_COMPLETED", local, { flags: { onlinePayment: online } });
  }
  rated(local: string, satisfied: boolean): this {
    return this.push("RATED", local, { rating: { satisfied } });
  }
  transferred(local: string, from: string, to: string, stepDue: string): this {
    return this.push("TRANSFERRED", local, { unitId: from, targetUnitId: to, dueAt: at(stepDue) });
  }
  consultRequested(local: string, to: string, stepDue: string, from = this.unitId): this {
    return this.push("CONSULT_REQUESTED", local, { unitId: from, targetUnitId: to, dueAt: at(stepDue) });
  }
  consultAnswered(local: string, by: string): this {
    return this.push("CONSULT_ANSWERED", local, { unitId: by });
  }
}

export const aCase = (caseId: string, unitId = DEPT) => new CaseMother(caseId, unitId);

export function aComplaint(complaintId: string, received: string, extra: Partial<StoredComplaint> = {}): StoredComplaint {
  return { complaintId, source: "HOTLINE_1022", unitId: DEPT, receivedAt: at(received), ...extra };
}

export function aProcedure(code: string, extra: Partial<ProcedureRecord> = {}): ProcedureRecord {
  return {
    code,
    nameVi: `Thủ tục ${code}`,
    field: "JUSTICE",
    tier: "DEPARTMENT",
    unitIds: [DEPT],
    onlineLevel: "NONE",
    feeBearing: false,
    resultRequired: true,
    validFrom: "2020-01-01",
    ...extra,
  };
}
