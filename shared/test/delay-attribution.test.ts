import { describe, expect, it } from "vitest";
import { caseFacts } from "../src/facts/case-facts.js";
import { attributeDelay, overrunByUnit } from "../src/facts/delay-attribution.js";
import { parsePeriod } from "../src/time/period.js";
import { WorkingCalendar } from "../src/time/working-days.js";
import { DEPT, DEPT2, TAX, aCase } from "./support/mothers.js";

const cal = new WorkingCalendar();
const MAR = parsePeriod("2024-03");
const factsOf = (c: ReturnType<typeof aCase>) => {
  const f = caseFacts(c.events, MAR, cal);
  if (f === null) throw new Error("no facts");
  return f;
};

// Consultation late by 3 (due Thu 7, answered Tue 12: Fri 8, Mon 11, Tue 12); the case is late by 2
// (due Fri 15, resolved Tue 19: Mon 18, Tue 19). The consulted unit is charged its 3, the lead 2 − 3 < 0 ⇒ 0.
const consulted = aCase("R7-1")
  .received("2024-03-04 09:00", "2024-03-15 17:00")
  .consultRequested("2024-03-05 09:00", TAX, "2024-03-07 17:00")
  .consultAnswered("2024-03-12 10:00", TAX)
  .resolved("2024-03-19 10:00");
// Transfer step late by 2 (due Fri 8, passed back Tue 12); the case is late by 3 (due Fri 15, resolved
// Wed 20: 18, 19, 20) ⇒ DEPT2 2, lead DEPT 3 − 2 = 1.
const transferred = aCase("R7-2")
  .received("2024-03-04 09:00", "2024-03-15 17:00")
  .transferred("2024-03-05 09:00", DEPT, DEPT2, "2024-03-08 17:00")
  .transferred("2024-03-12 09:00", DEPT2, DEPT, "2024-03-20 17:00") // back to the lead, step due 20 March: not overrun
  .resolved("2024-03-20 10:00");
const onTime = aCase("R7-3").received("2024-03-04 09:00", "2024-03-15 17:00").consultRequested("2024-03-05 09:00", TAX, "2024-03-07 17:00").consultAnswered("2024-03-12 10:00", TAX).resolved("2024-03-14 10:00");

describe("Function: attributeDelay — R7 (methodology §4)", () => {
  it("R7 each holding unit is charged the working days it overran its step; the lead gets the remainder, floored at 0", () => {
    expect(attributeDelay(factsOf(consulted))).toEqual([{ unitId: TAX, overrunWorkingDays: 3, role: "CONSULTATION" }]);
    expect(attributeDelay(factsOf(transferred))).toEqual([
      { unitId: DEPT2, overrunWorkingDays: 2, role: "TRANSFER" },
      { unitId: DEPT, overrunWorkingDays: 1, role: "LEAD" },
    ]);
  });

  it("R7 only late cases are attributed: an on-time case with a late consultation charges no one", () => {
    expect(attributeDelay(factsOf(onTime))).toEqual([]);
  });

  it("R7 a unit's overrun-days and its share of the province's overrun", () => {
    const byUnit = overrunByUnit([factsOf(consulted), factsOf(transferred), factsOf(onTime)]);
    // TAX 3, DEPT2 2, DEPT 1 ⇒ province 6: shares 1/2, 1/3, 1/6
    expect(Object.fromEntries(byUnit)).toEqual({ [TAX]: 3, [DEPT2]: 2, [DEPT]: 1 });
  });

  it("R7 a step back to the lead with its own step due is charged like any step", () => {
    // back-transfer due Thu 14, DEPT holds it until Wed 20 ⇒ 15, 18, 19, 20 = 4 as a TRANSFER step;
    // DEPT2 2; the lead remainder 3 − 6 < 0 ⇒ nothing more.
    const c = aCase("R7-5")
      .received("2024-03-04 09:00", "2024-03-15 17:00")
      .transferred("2024-03-05 09:00", DEPT, DEPT2, "2024-03-08 17:00")
      .transferred("2024-03-12 09:00", DEPT2, DEPT, "2024-03-14 17:00")
      .resolved("2024-03-20 10:00");
    expect(attributeDelay(factsOf(c))).toEqual([
      { unitId: DEPT2, overrunWorkingDays: 2, role: "TRANSFER" },
      { unitId: DEPT, overrunWorkingDays: 4, role: "TRANSFER" },
    ]);
  });

  it("R7 an open overdue case is judged on the period's last day", () => {
    // due Fri 15 March, still open at 31 March ⇒ Mon 18 … Fri 29 = 10 working days, all the lead's
    const open = aCase("R7-4").received("2024-03-04 09:00", "2024-03-15 17:00");
    expect(attributeDelay(factsOf(open))).toEqual([{ unitId: DEPT, overrunWorkingDays: 10, role: "LEAD" }]);
  });
});
