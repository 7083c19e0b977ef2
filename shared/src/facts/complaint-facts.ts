/**
 * Complaint facts (methodology §3, S1/S2/R8): timeliness of a 1022 / portal complaint as of the
 * end of a period. Accept or refuse within 2 working days of receipt, handle within 15.
 */
import type { StoredComplaint } from "../contracts/complaint.js";
import { localDateOf, type Period } from "../time/period.js";
import type { WorkingCalendar } from "../time/working-days.js";

export type ComplaintVerdict = "ON_TIME" | "LATE" | "OVERDUE" | "PENDING";

export interface ComplaintFacts {
  readonly complaintId: string;
  readonly unitId: string;
  readonly caseId: string | null;
  readonly receivedInPeriod: boolean;
  readonly acceptDueDate: string;
  readonly handleDueDate: string;
  /** ON_TIME / LATE when decided; OVERDUE open past a deadline; PENDING open within them. */
  readonly verdict: ComplaintVerdict;
  /** Handled, and the complainant said they were not satisfied. */
  readonly disliked: boolean;
  readonly reComplained: boolean;
}

/**
 * The facts of one complaint as of the end of `period` (a timestamp at or after the end is
 * treated as not yet happened). Returns null when it was received at or after the end.
 */
export function complaintFacts(
  c: StoredComplaint,
  period: Period,
  calendar: WorkingCalendar,
  limits: { readonly acceptWithinWorkingDays: number; readonly handleWithinWorkingDays: number },
): ComplaintFacts | null {
  const endT = Date.parse(period.end);
  const before = (s: string | undefined) => (s !== undefined && Date.parse(s) < endT ? s : undefined);
  const receivedT = Date.parse(c.receivedAt);
  if (receivedT >= endT) return null;
  const receivedDate = localDateOf(c.receivedAt);
  const acceptDueDate = calendar.addWorkingDays(receivedDate, limits.acceptWithinWorkingDays);
  const handleDueDate = calendar.addWorkingDays(receivedDate, limits.handleWithinWorkingDays);
  const accepted = before(c.acceptedAt);
  const refused = before(c.refusedAt);
  const handled = accepted === undefined ? undefined : before(c.handledAt);
  const decided = accepted ?? refused;
  const decidedOnTime = decided !== undefined && localDateOf(decided) <= acceptDueDate;
  let verdict: ComplaintVerdict;
  if (decided === undefined) verdict = period.endDate > acceptDueDate ? "OVERDUE" : "PENDING";
  else if (refused !== undefined) verdict = decidedOnTime ? "ON_TIME" : "LATE";
  else if (handled !== undefined) verdict = decidedOnTime && localDateOf(handled) <= handleDueDate ? "ON_TIME" : "LATE";
  else if (!decidedOnTime) verdict = "LATE";
  else verdict = period.endDate > handleDueDate ? "OVERDUE" : "PENDING";
  return {
    complaintId: c.complaintId,
    unitId: c.unitId,
    caseId: c.caseId ?? null,
    receivedInPeriod: receivedT >= Date.parse(period.start),
    acceptDueDate,
    handleDueDate,
    verdict,
    disliked: handled !== undefined && c.satisfied === false,
    reComplained: c.reComplained === true,
  };
}
