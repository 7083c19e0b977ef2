import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currentPeriodIds, scheduledPeriodIds } from "../src/time/current-periods.js";
import { localDateOf, parsePeriod, periodContains } from "../src/time/period.js";

describe("Function: currentPeriodIds", () => {
  it("names the month, quarter, half-year and year of a local date", () => {
    expect(currentPeriodIds("2024-08-15")).toEqual(["2024-08", "2024-Q3", "2024-H2", "2024"]);
    expect(currentPeriodIds("2024-01-01")).toEqual(["2024-01", "2024-Q1", "2024-H1", "2024"]);
    expect(currentPeriodIds("2024-06-30")).toEqual(["2024-06", "2024-Q2", "2024-H1", "2024"]);
    expect(currentPeriodIds("2024-12-31")).toEqual(["2024-12", "2024-Q4", "2024-H2", "2024"]);
  });

  it("refuses what is not a date", () => {
    for (const bad of ["2024-13-01", "2024-8-15", "2024-08-15T00:00:00Z", ""]) expect(() => currentPeriodIds(bad), bad).toThrow(RangeError);
  });

  it("names only periods that contain the date (property)", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2001-01-01T00:00:00Z"), max: new Date("2099-12-30T00:00:00Z"), noInvalidDate: true }), (d) => {
        const ids = currentPeriodIds(localDateOf(d));
        expect(ids.map((id) => parsePeriod(id).kind)).toEqual(["MONTH", "QUARTER", "HALF", "YEAR"]);
        for (const id of ids) expect(periodContains(parsePeriod(id), d.toISOString()), id).toBe(true);
      }),
    );
  });
});

describe("Function: scheduledPeriodIds", () => {
  it("uses the Viet Nam date, not UTC: 00:30 on 1 March (UTC+7) is still February in UTC", () => {
    expect(scheduledPeriodIds(new Date("2024-03-01T00:30:00+07:00"))).toEqual(["2024-03", "2024-Q1", "2024-H1", "2024", "2024-02"]);
  });

  it("finishes the half-year and the year that just ended on the night after them", () => {
    expect(scheduledPeriodIds(new Date("2024-07-01T01:45:00+07:00"))).toEqual(["2024-07", "2024-Q3", "2024-H2", "2024", "2024-06", "2024-Q2", "2024-H1"]);
    expect(scheduledPeriodIds(new Date("2025-01-01T01:45:00+07:00"))).toEqual(["2025-01", "2025-Q1", "2025-H1", "2025", "2024-12", "2024-Q4", "2024-H2", "2024"]);
  });

  it("is just today's four periods on any other day", () => {
    expect(scheduledPeriodIds(new Date("2024-08-15T01:45:00+07:00"))).toEqual(["2024-08", "2024-Q3", "2024-H2", "2024"]);
  });
});
