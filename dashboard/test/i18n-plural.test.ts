import { describe, expect, it } from "vitest";
import { casesEn, casesVi } from "../src/lib/i18n/cases";
import { scorecardEn } from "../src/lib/i18n/scorecard";

describe("English counts of working days agree with their number", () => {
  it("one working day, two working days; Vietnamese has no plural", () => {
    expect(casesEn.timeline.days("1")).toBe("1 working day");
    expect(casesEn.timeline.days("2")).toBe("2 working days");
    expect(casesEn.timeline.days("1.5")).toBe("1.5 working days");
    expect(casesEn.waitedLongest("Sở Tư pháp", "1")).toBe("Sở Tư pháp (1 working day)");
    expect(scorecardEn.daysLate("1")).toBe("1 working day late");
    expect(scorecardEn.daysLate("3")).toBe("3 working days late");
    expect(casesVi.timeline.days("1")).toBe("1 ngày làm việc");
  });
});
