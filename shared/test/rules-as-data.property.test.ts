/**
 * Rules as data (issue 24, item 4), the pure parts: a stored year replaces exactly its year of the
 * calendar; a merger closes its predecessors the day before and the trend of the successor reaches
 * them; a methodology version applies from its date only, and its weights are checked by the
 * compiled validator. Inputs vary with fast-check; the expected values are computed here by hand.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VN_CALENDAR_DAYS } from "../src/data/calendar.data.js";
import { DONG_NAI_UNITS } from "../src/data/units.data.js";
import { DN_2026_2 } from "../src/methodology/dn-2026-2.js";
import { composeCalendarDays, coveredYears, holidayYearErrors } from "../src/rules/holidays.js";
import { deriveMethodology, methodologyOn } from "../src/rules/methodology-versions.js";
import { applyUnitChange, unitChangeErrors } from "../src/rules/unit-changes.js";
import { parsePeriod } from "../src/time/period.js";
import { WorkingCalendar } from "../src/time/working-days.js";
import { UnitCatalog } from "../src/units/unit.js";
import { trendUnits, unitsValidIn } from "../src/units/succession.js";

const COVERED = coveredYears(VN_CALENDAR_DAYS);
const day = (date: string, kind = "HOLIDAY") => ({ date, kind, nameVi: "Ngày", nameEn: "Day" });
const isoDay = (y: number, doy: number) => new Date(Date.UTC(y, 0, 1 + doy)).toISOString().slice(0, 10);

describe("holidays as data", () => {
  it("a stored year replaces that year only: every date of the other years keeps its working-day verdict", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2022, max: 2027 }), fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { minLength: 1, maxLength: 12 }), (year, doys) => {
        const days = doys.map((d) => day(isoDay(year, d)));
        expect(holidayYearErrors(year, days, COVERED)).toEqual([]);
        const before = new WorkingCalendar();
        const after = new WorkingCalendar(composeCalendarDays(VN_CALENDAR_DAYS, { [year]: days }));
        const off = new Set(days.map((d) => d.date));
        for (let y = COVERED.first; y <= COVERED.last; y++) {
          for (let d = 0; d < 365; d += 17) {
            const date = isoDay(y, d);
            if (y !== year) expect(after.isWorkingDay(date)).toBe(before.isWorkingDay(date));
            else if (off.has(date)) expect(after.isWorkingDay(date)).toBe(false);
            else {
              const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
              expect(after.isWorkingDay(date)).toBe(dow !== 0 && dow !== 6);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it("refuses a date outside the year, a date twice, a make-up day on a weekday, a gap year, a year with no holiday", () => {
    expect(holidayYearErrors(2027, [day("2027-01-01"), day("2026-12-31")], COVERED).map((e) => [e.field, e.code])).toEqual([["days[1].date", "OUTSIDE_YEAR"]]);
    expect(holidayYearErrors(2027, [day("2027-01-01"), day("2027-01-01", "COMPENSATORY_DAY_OFF")], COVERED).map((e) => e.code)).toEqual(["DUPLICATE_DATE"]);
    // 2027-03-09 is a Tuesday; 2027-03-13 a Saturday.
    expect(holidayYearErrors(2027, [day("2027-01-01"), day("2027-03-09", "MAKEUP_WORKDAY")], COVERED).map((e) => e.code)).toEqual(["MAKEUP_ON_WEEKDAY"]);
    expect(holidayYearErrors(2027, [day("2027-01-01"), day("2027-03-13", "MAKEUP_WORKDAY")], COVERED)).toEqual([]);
    expect(holidayYearErrors(2027, [day("2027-01-01"), day("2027-03-13", "COMPENSATORY_DAY_OFF")], COVERED).map((e) => e.code)).toEqual(["COMPENSATORY_ON_WEEKEND"]);
    expect(holidayYearErrors(2029, [day("2029-01-01")], COVERED).map((e) => e.code)).toEqual(["YEAR_NOT_CONTIGUOUS"]);
    expect(holidayYearErrors(2028, [day("2028-03-13", "MAKEUP_WORKDAY")], COVERED).map((e) => e.code)).toContain("NO_HOLIDAY");
  });
});

describe("unit changes as data", () => {
  /** Open communes of 2025 (valid from 1 July 2025, no end). */
  const communes = DONG_NAI_UNITS.filter((u) => u.tier === "COMMUNE" && u.validTo === null).map((u) => u.unitId);

  it("a merger of any open communes on any first of a month: they end the day before, the successor begins on it, each period lists one side only, and the successor's trend reaches them", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...communes), { minLength: 2, maxLength: 4 }), fc.integer({ min: 0, max: 17 }), (ids, m) => {
        const month = new Date(Date.UTC(2026, m, 1)).toISOString().slice(0, 7);
        const change = { kind: "MERGER" as const, effectiveFrom: `${month}-01`, predecessorIds: ids, successor: { unitId: "COM-90000-2026", nameVi: "Phường mới", nameEn: "New ward", tier: "COMMUNE", parentId: "PROV-75-2025" } };
        expect(unitChangeErrors(DONG_NAI_UNITS, change)).toEqual([]);
        const catalog = new UnitCatalog(applyUnitChange(DONG_NAI_UNITS, change));
        const dayBefore = new Date(Date.parse(`${month}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        for (const id of ids) expect(catalog.get(id)).toMatchObject({ validTo: dayBefore, successorIds: ["COM-90000-2026"] });
        const prev = parsePeriod(dayBefore.slice(0, 7));
        const from = parsePeriod(month);
        const listed = (p: typeof prev) => new Set(unitsValidIn(catalog, p, "COMMUNE").map((u) => u.unitId));
        expect(ids.every((id) => listed(prev).has(id)) && !listed(prev).has("COM-90000-2026")).toBe(true);
        expect(ids.some((id) => listed(from).has(id)) || !listed(from).has("COM-90000-2026")).toBe(false);
        const trend = trendUnits(catalog, "COM-90000-2026", [prev, from]);
        expect(trend.map((t) => [new Set(t.unitIds), t.viaSuccession])).toEqual([[new Set(ids), true], [new Set(["COM-90000-2026"]), false]]);
        // Periods before the month are listed as without the change (the same units).
        const earlier = parsePeriod("2025-H2");
        expect(unitsValidIn(catalog, earlier).map((u) => u.unitId).filter((id) => id !== "COM-90000-2026")).toEqual(unitsValidIn(new UnitCatalog(), earlier).map((u) => u.unitId));
      }),
      { numRuns: 30 },
    );
  });

  it("refuses an id taken, an unknown or ended predecessor, another tier, a dissolved unit with units under it", () => {
    const successor = { unitId: "COM-25993-2025", nameVi: "x", nameEn: "x", tier: "COMMUNE", parentId: "PROV-75-2025" };
    const codes = (c: Parameters<typeof unitChangeErrors>[1]) => unitChangeErrors(DONG_NAI_UNITS, c).map((e) => [e.field, e.code]);
    expect(codes({ kind: "MERGER", effectiveFrom: "2026-02-01", predecessorIds: ["COM-26017-2025", "COM-25993-2020", "DEPT-STP-202507"], successor })).toEqual([
      ["successor.unitId", "DUPLICATE_UNIT_ID"],
      ["predecessorIds[1]", "UNIT_ENDED"],
      ["predecessorIds[2]", "TIER_MISMATCH"],
    ]);
    expect(codes({ kind: "DISSOLUTION", effectiveFrom: "2026-02-01", unitId: "PROV-75-2025", successorIds: [] }).map(([, c]) => c)).toContain("HAS_UNITS");
  });
});

describe("methodology versions as data", () => {
  const change = { id: "dn-2027.1", effectiveFrom: "2027-04-01", nameVi: "x", nameEn: "x", changeVi: "x", changeEn: "x", indicators: { P1: { max: 25 }, S3: { max: 1 } }, groups: { TDGQ: { max: 25 }, MDHL: { max: 13 } } };

  it("applies from its date: a period starting before it keeps the series, one starting on or after takes the version", () => {
    const { methodology, errors } = deriveMethodology(DN_2026_2, change);
    expect(errors).toEqual([]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), (d) => {
        const start = new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
        expect(methodologyOn(DN_2026_2, [methodology], start).id).toBe(start >= "2027-04-01" ? "dn-2027.1" : "dn-2026.2");
      }),
    );
    expect(methodology.indicators.find((i) => i.code === "P1")?.max).toBe(25);
    expect(methodology.maxTotal).toBe(100);
  });

  it("weights that do not add up are refused by the validator, by code", () => {
    const { errors } = deriveMethodology(DN_2026_2, { ...change, groups: { MDHL: { max: 13 } } });
    expect(errors.map((e) => e.field)).toEqual(expect.arrayContaining(["groups", "groups.TDGQ.cap"]));
    expect(deriveMethodology(DN_2026_2, { ...change, indicators: { ZZ9: { max: 1 } } }).errors[0]).toMatchObject({ field: "indicators.ZZ9", code: "UNKNOWN_INDICATOR" });
    expect(deriveMethodology(DN_2026_2, { ...change, indicators: { ...change.indicators, D3: { manual: false } } }).errors[0]).toMatchObject({ field: "indicators.D3.manual", code: "NOT_COMPUTABLE" });
  });
});
