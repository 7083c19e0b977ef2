import { describe, expect, it } from "vitest";
import { WorkingCalendar, legalDueAt, legalDueDate } from "../src/time/working-days.js";

const cal = new WorkingCalendar();

describe("Class: WorkingCalendar", () => {
  it("Tết 2024: Thu 8 – Wed 14 February are off (holidays + two compensatory days)", () => {
    for (const d of ["2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"]) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay("2024-02-07")).toBe(true);
    expect(cal.isWorkingDay("2024-02-15")).toBe(true);
    // Wed 7 Feb + 1 working day = Thu 15 Feb (8–14 off)
    expect(cal.addWorkingDays("2024-02-07", 1)).toBe("2024-02-15");
    // strictly after 7 Feb up to 16 Feb: 15, 16 = 2
    expect(cal.workingDaysBetween("2024-02-07", "2024-02-16")).toBe(2);
  });

  it("Tết 2025: Mon 27 – Fri 31 January off, so Fri 24 Jan + 1 working day = Mon 3 Feb", () => {
    expect(cal.addWorkingDays("2025-01-24", 1)).toBe("2025-02-03");
    // Fri 24 Jan + 5 working days: Feb 3, 4, 5, 6, 7
    expect(cal.addWorkingDays("2025-01-24", 5)).toBe("2025-02-07");
  });

  it("make-up Saturday 2024-05-04 is worked; the swapped Monday 29 April is off", () => {
    expect(cal.isWorkingDay("2024-05-04")).toBe(true);
    expect(cal.isWorkingDay("2024-05-11")).toBe(false); // an ordinary Saturday
    expect(cal.isWorkingDay("2024-04-29")).toBe(false);
    // Fri 26 Apr + 1: Sat 27, Sun 28, Mon 29 (swapped), Tue 30, Wed 1 May off ⇒ Thu 2 May
    expect(cal.addWorkingDays("2024-04-26", 1)).toBe("2024-05-02");
    // Fri 3 May + 1 = Sat 4 May (make-up working day)
    expect(cal.addWorkingDays("2024-05-03", 1)).toBe("2024-05-04");
    // Thu 2 May → Mon 6 May: Fri 3, Sat 4, Mon 6 = 3
    expect(cal.workingDaysBetween("2024-05-02", "2024-05-06")).toBe(3);
  });

  it("compensatory days off: Mon 3 Jan 2022 (New Year on a Saturday) and the 2025 swap of Fri 2 May", () => {
    expect(cal.isWorkingDay("2022-01-03")).toBe(false);
    expect(cal.isWorkingDay("2025-05-02")).toBe(false);
    expect(cal.isWorkingDay("2025-04-26")).toBe(true); // its make-up Saturday
    // National Day 2024: Mon 2 + Tue 3 Sep off ⇒ Fri 30 Aug + 1 = Wed 4 Sep
    expect(cal.addWorkingDays("2024-08-30", 1)).toBe("2024-09-04");
  });

  it("adding 0 working days returns the date itself, or the next working day", () => {
    expect(cal.addWorkingDays("2024-03-04", 0)).toBe("2024-03-04");
    expect(cal.addWorkingDays("2024-03-09", 0)).toBe("2024-03-11");
    expect(cal.workingDaysBetween("2024-03-11", "2024-03-04")).toBe(0);
  });

  it("refuses negative counts and dates outside the holiday data", () => {
    const bad = -1;
    expect(() => cal.addWorkingDays("2024-03-04", bad)).toThrow(RangeError);
    expect(() => cal.isWorkingDay("2030-01-02")).toThrow(/outside the holiday calendar/);
  });
});

describe("Function: legalDueAt", () => {
  it("counts N working days from the day after receipt and ends at 17:00 local", () => {
    // received Wed 7 Feb 2024 09:00, 1 working day ⇒ Thu 15 Feb 17:00 +07 = 10:00Z
    expect(legalDueAt("2024-02-07T09:00:00+07:00", 1, cal)).toBe("2024-02-15T10:00:00.000Z");
    // received Mon 4 March 2024, 5 working days ⇒ Mon 11 March
    expect(legalDueDate("2024-03-04T09:00:00+07:00", 5, cal)).toBe("2024-03-11");
  });

  it("a receipt on a non-working day counts from the next working day", () => {
    // Sun 10 March ⇒ treated as Mon 11, + 1 ⇒ Tue 12
    expect(legalDueDate("2024-03-10T10:00:00+07:00", 1, cal)).toBe("2024-03-12");
    // Sat 4 May 2024 is a make-up working day ⇒ + 1 = Mon 6 May
    expect(legalDueDate("2024-05-04T10:00:00+07:00", 1, cal)).toBe("2024-05-06");
  });

  it("uses the local date of the receipt: 23:30 local on 31 March is 31 March, not 1 April", () => {
    // 2024-03-31T16:30Z = 23:30 local Sunday ⇒ Mon 1 Apr + 2 = Wed 3 Apr
    expect(legalDueDate("2024-03-31T16:30:00Z", 2, cal)).toBe("2024-04-03");
  });
});
