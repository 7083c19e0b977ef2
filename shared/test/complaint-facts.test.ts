import { describe, expect, it } from "vitest";
import { complaintFacts } from "../src/facts/complaint-facts.js";
import { DN_2026_1 } from "../src/methodology/dn-2026-1.js";
import { parsePeriod } from "../src/time/period.js";
import { WorkingCalendar } from "../src/time/working-days.js";
import { aComplaint, at } from "./support/mothers.js";

const cal = new WorkingCalendar();
const MAR = parsePeriod("2024-03");
const verdict = (c: ReturnType<typeof aComplaint>, period = MAR) => complaintFacts(c, period, cal, DN_2026_1.complaints)?.verdict;

describe("Function: complaintFacts — §3 complaint timeliness: accept or refuse within 2 working days, handle within 15", () => {
  // Received Mon 4 March: accept due Wed 6 March (4 + 2), handle due Mon 25 March (4 + 15 working days).
  const r = "2024-03-04 09:00";

  it("§3 due dates are counted in working days from the receipt", () => {
    const f = complaintFacts(aComplaint("A", r), MAR, cal, DN_2026_1.complaints);
    expect(f).toMatchObject({ acceptDueDate: "2024-03-06", handleDueDate: "2024-03-25", receivedInPeriod: true });
  });

  it("§3 accepted within 2 and handled within 15 working days ⇒ on time; either late ⇒ late", () => {
    expect(verdict(aComplaint("A", r, { acceptedAt: at("2024-03-06 16:00"), handledAt: at("2024-03-25 16:00") }))).toBe("ON_TIME");
    expect(verdict(aComplaint("B", r, { acceptedAt: at("2024-03-07 09:00"), handledAt: at("2024-03-08 09:00") }))).toBe("LATE");
    expect(verdict(aComplaint("C", r, { acceptedAt: at("2024-03-05 09:00"), handledAt: at("2024-03-26 09:00") }))).toBe("LATE");
  });

  it("§3 refused within 2 working days ⇒ on time; refused later ⇒ late", () => {
    expect(verdict(aComplaint("D", r, { refusedAt: at("2024-03-06 09:00") }))).toBe("ON_TIME");
    expect(verdict(aComplaint("E", r, { refusedAt: at("2024-03-07 09:00") }))).toBe("LATE");
  });

  it("§3 open at the period end: past a deadline ⇒ overdue, else pending (no verdict yet)", () => {
    expect(verdict(aComplaint("F", r))).toBe("OVERDUE"); // not accepted by 6 March
    expect(verdict(aComplaint("G", "2024-03-28 09:00"))).toBe("PENDING"); // accept due Mon 1 April
    expect(verdict(aComplaint("H", "2024-03-11 09:00", { acceptedAt: at("2024-03-12 09:00") }))).toBe("PENDING"); // handle due: 12–15, 18–22, 25–29 = 14, Mon 1 April = 15th
    expect(verdict(aComplaint("I", r, { acceptedAt: at("2024-03-05 09:00") }))).toBe("OVERDUE"); // accepted on time, handle due 25 March < 31 March
  });

  it("§3 as of the period end: later steps are not seen; a complaint received after the end does not exist yet", () => {
    const c = aComplaint("J", "2024-02-26 09:00", { acceptedAt: at("2024-02-27 09:00"), handledAt: at("2024-04-02 09:00"), satisfied: false });
    const f = complaintFacts(c, MAR, cal, DN_2026_1.complaints);
    expect(f).toMatchObject({ receivedInPeriod: false, verdict: "OVERDUE", disliked: false }); // handle due 18 March, open at 31 March
    expect(complaintFacts(aComplaint("K", "2024-04-01 09:00"), MAR, cal, DN_2026_1.complaints)).toBeNull();
  });
});
