/**
 * Delay attribution (R7): for a late case, the working days by which each holding unit overran
 * the time it was allotted. The algorithm is explained in ./delay-attribution.md.
 */
import type { CaseFacts } from "./case-facts.js";

export interface DelayShare {
  readonly unitId: string;
  /** Working days this unit overran on this case. */
  readonly overrunWorkingDays: number;
  /** Where it came from: a transfer step, a consultation, or the lead unit's remainder. */
  readonly role: "TRANSFER" | "CONSULTATION" | "LEAD";
}

/**
 * Who made a late case late. Empty for cases that are not LATE or OVERDUE.
 * Step holders (transfers, consultations) are charged their own overrun; the receiving (lead)
 * unit is charged what remains of the case's overrun after those, never below 0.
 * @example attributeDelay(facts) // [{ unitId: "VERT-THUE-2020", overrunWorkingDays: 3, role: "CONSULTATION" }, ...]
 */
export function attributeDelay(facts: CaseFacts): DelayShare[] {
  if (facts.status !== "LATE" && facts.status !== "OVERDUE") return [];
  const shares: DelayShare[] = [];
  for (const t of facts.transfers) {
    if (t.overrunWorkingDays > 0) shares.push({ unitId: t.toUnitId, overrunWorkingDays: t.overrunWorkingDays, role: "TRANSFER" });
  }
  for (const c of facts.consultations) {
    if (c.workingDaysLate > 0) shares.push({ unitId: c.consultedUnitId, overrunWorkingDays: c.workingDaysLate, role: "CONSULTATION" });
  }
  const byOthers = shares.reduce((s, x) => s + x.overrunWorkingDays, 0);
  const lead = Math.max(0, facts.overrunWorkingDays - byOthers);
  if (lead > 0) shares.push({ unitId: facts.unitId, overrunWorkingDays: lead, role: "LEAD" });
  return shares;
}

/** Overrun days per unit over many cases (the R7 numerators); the denominator is their sum. */
export function overrunByUnit(cases: readonly CaseFacts[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of cases) {
    if (!f.inScope) continue;
    for (const s of attributeDelay(f)) out.set(s.unitId, (out.get(s.unitId) ?? 0) + s.overrunWorkingDays);
  }
  return out;
}
