import { describe, expect, it } from "vitest";
import { InvalidPeriodError, isPeriodId, localDateOf, longestPeriodEndingWith, parsePeriod, periodContains, periodsOfYear, previousPeriod } from "../src/time/period.js";

describe("Function: parsePeriod", () => {
  it("cuts a half-year at local midnight (UTC+7): 2024-H1 runs 2023-12-31T17:00Z .. 2024-06-30T17:00Z", () => {
    const p = parsePeriod("2024-H1");
    expect(p).toMatchObject({ kind: "HALF", startDate: "2024-01-01", endDate: "2024-06-30" });
    expect(p.start).toBe("2023-12-31T17:00:00.000Z");
    expect(p.end).toBe("2024-06-30T17:00:00.000Z");
  });

  it("puts 23:30 local on 30 June in H1 and 00:00 local on 1 July in H2", () => {
    expect(periodContains(parsePeriod("2024-H1"), "2024-06-30T23:30:00+07:00")).toBe(true);
    expect(periodContains(parsePeriod("2024-H1"), "2024-07-01T00:00:00+07:00")).toBe(false);
    expect(periodContains(parsePeriod("2024-H2"), "2024-07-01T00:00:00+07:00")).toBe(true);
  });

  it("puts 23:30 local on the last day of February (leap year) in that month", () => {
    expect(periodContains(parsePeriod("2024-02"), "2024-02-29T23:30:00+07:00")).toBe(true);
    expect(localDateOf("2024-02-29T16:30:00Z")).toBe("2024-02-29");
    expect(localDateOf("2024-02-29T17:00:00Z")).toBe("2024-03-01");
  });

  it("parses quarters and years and rejects anything else with a clear error", () => {
    expect(parsePeriod("2025-Q3")).toMatchObject({ startDate: "2025-07-01", endDate: "2025-09-30" });
    expect(parsePeriod("2025")).toMatchObject({ kind: "YEAR", endDate: "2025-12-31" });
    for (const bad of ["2024-13", "2024-Q5", "2024-H3", "24", "2024-1", ""]) {
      expect(() => parsePeriod(bad), bad).toThrow(InvalidPeriodError);
    }
  });

  it("steps back to the previous period of the same kind across year ends", () => {
    expect(previousPeriod(parsePeriod("2025-01")).id).toBe("2024-12");
    expect(previousPeriod(parsePeriod("2025-Q1")).id).toBe("2024-Q4");
    expect(previousPeriod(parsePeriod("2025-H1")).id).toBe("2024-H2");
    expect(previousPeriod(parsePeriod("2025")).id).toBe("2024");
  });
});

describe("Function: periodsOfYear / isPeriodId / localDateOf", () => {
  it("lists months, quarters, halves and the year in display order", () => {
    const ids = periodsOfYear(2024).map((p) => p.id);
    expect(ids).toHaveLength(19);
    expect(ids.slice(10)).toEqual(["2024-11", "2024-12", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024-H1", "2024-H2", "2024"]);
  });

  it("tells valid period ids from invalid ones; years outside 2000–2100 are refused", () => {
    expect([isPeriodId("2024-Q4"), isPeriodId("2024-Q0"), isPeriodId("1999")]).toEqual([true, false, false]);
  });

  it("23:30 local on 31 March is in March and in Q1; 23:30 on 30 June is in June, Q2 and H1", () => {
    expect(periodContains(parsePeriod("2024-03"), "2024-03-31T23:30:00+07:00")).toBe(true);
    expect(periodContains(parsePeriod("2024-Q1"), "2024-03-31T23:30:00+07:00")).toBe(true);
    expect(periodContains(parsePeriod("2024-04"), "2024-03-31T23:30:00+07:00")).toBe(false);
    for (const id of ["2024-06", "2024-Q2", "2024-H1", "2024"]) expect(periodContains(parsePeriod(id), "2024-06-30T23:30:00+07:00"), id).toBe(true);
    expect(localDateOf(new Date("2024-06-30T16:30:00Z"))).toBe("2024-06-30");
    expect(() => localDateOf("not a date")).toThrow(RangeError);
  });

  it("steps back within a year", () => {
    expect(previousPeriod(parsePeriod("2025-03")).id).toBe("2025-02");
    expect(previousPeriod(parsePeriod("2025-Q3")).id).toBe("2025-Q2");
    expect(previousPeriod(parsePeriod("2025-H2")).id).toBe("2025-H1");
  });
});

describe("longestPeriodEndingWith", () => {
  it("is the longest period of the year with the same end", () => {
    for (const year of [2024, 2025]) {
      const all = periodsOfYear(year);
      for (const p of all) {
        const span = longestPeriodEndingWith(p);
        const sameEnd = all.filter((q) => q.end === p.end);
        expect(span.end).toBe(p.end);
        expect(span.start <= p.start).toBe(true);
        expect(sameEnd.every((q) => span.start <= q.start)).toBe(true);
      }
    }
    expect(["2025-12", "2025-Q4", "2025-H2", "2025"].map((id) => longestPeriodEndingWith(parsePeriod(id)).id)).toEqual(["2025", "2025", "2025", "2025"]);
    expect(["2025-06", "2025-03", "2025-09", "2025-02"].map((id) => longestPeriodEndingWith(parsePeriod(id)).id)).toEqual(["2025-H1", "2025-Q1", "2025-Q3", "2025-02"]);
  });
});
