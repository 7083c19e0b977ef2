import { describe, expect, it } from "vitest";
import { createFormatters } from "../src/lib/format.js";
import { MESSAGES } from "../src/lib/i18n.js";
import { afterDistricts, groupPeriods, parsePeriod } from "../src/lib/periods.js";
import { countKeys, indicatorCodes, rankedRows } from "../src/lib/ranking-view.js";
import { hrefOf, parseLocation } from "../src/lib/router.js";
import { aUnit } from "./support/builders.js";

const counts = { early: 1, onTime: 1, late: 0, overdue: 0 };

describe("Function: rankedRows", () => {
  it("orders by rank, keeps the server's order for ties and puts unranked units last", () => {
    const units = [
      aUnit("C", "C", counts, { rank: null }),
      aUnit("B2", "B2", counts, { rank: 2 }),
      aUnit("A", "A", counts, { rank: 1 }),
      aUnit("B1", "B1", counts, { rank: 2 }),
    ];

    expect(rankedRows(units).map((u) => u.unitId)).toEqual(["A", "B2", "B1", "C"]);
  });
});

describe("Function: indicatorCodes / countKeys", () => {
  it("follows the methodology's order and appends unknown codes", () => {
    const noData = { numerator: 0, denominator: 0, ratio: null, points: null, max: null, status: "no-data" as const };
    const scored = { numerator: 1, denominator: 1, ratio: 1, points: 6, max: 6, status: "ok" as const };
    const u1 = aUnit("A", "A", counts, { indicators: { ZZ: noData, S1: scored, P1: aUnit("x", "x", counts).indicators.P1! } });
    const u2 = aUnit("B", "B", counts, { indicators: { T1: scored }, counts: { LATE: 1, EARLY: 2, NEW_KIND: 3 } });

    expect(indicatorCodes([u1, u2])).toEqual(["T1", "P1", "S1", "ZZ"]);
    expect(countKeys([u1, u2])).toEqual(["EARLY", "ON_TIME", "LATE", "OVERDUE", "IN_PROGRESS", "NEW_KIND"]);
  });
});

describe("Function: groupPeriods", () => {
  it("groups by kind in month, quarter, half, year order, newest first, dropping unknown ids", () => {
    const groups = groupPeriods(["2024", "2024-H1", "2023-12", "2024-Q1", "2024-02", "garbage", "2024-H2", "2024-02"]);

    expect(groups.map((g) => [g.kind, g.periods.map((p) => p.id)])).toEqual([
      ["MONTH", ["2024-02", "2023-12"]],
      ["QUARTER", ["2024-Q1"]],
      ["HALF", ["2024-H2", "2024-H1"]],
      ["YEAR", ["2024"]],
    ]);
  });

  it("knows when the district tier no longer exists", () => {
    expect(afterDistricts("2025-Q2")).toBe(false);
    expect(afterDistricts("2025-H2")).toBe(true);
    expect(afterDistricts("2025")).toBe(false);
  });
});

describe("Module: period labels and formats", () => {
  it("names periods in Vietnamese and English", () => {
    const ids = ["2024-03", "2024-Q4", "2024-H2", "2024"];
    expect(ids.map((id) => MESSAGES.vi.period(parsePeriod(id)))).toEqual(["Tháng 3/2024", "Quý IV/2024", "6 tháng cuối năm 2024", "Năm 2024"]);
    expect(ids.map((id) => MESSAGES.en.period(parsePeriod(id)))).toEqual(["March 2024", "Q4 2024", "H2 2024 (Jul–Dec)", "Year 2024"]);
  });

  it("formats numbers with Intl and times in Vietnam time, whatever the reader's zone", () => {
    const vi = createFormatters("vi");
    const en = createFormatters("en");

    expect([vi.score(88.314), vi.percent(0.9735), vi.integer(12345), vi.max(20)]).toEqual(["88,31", "97,4%", "12.345", "20"]);
    expect([en.score(88.314), en.percent(0.9735), en.integer(12345)]).toEqual(["88.31", "97.4%", "12,345"]);
    expect(vi.dateTime("2024-06-30T16:59:00Z")).toBe("23:59 30/06/2024");
    expect(en.dateTime("2024-06-30T16:59:00Z")).toBe("30/06/2024, 23:59");
  });
});

describe("Module: router, the rankings' query string", () => {
  it("reads and writes the view's query string, leaving Vietnamese out", () => {
    const rankings = { page: "rankings" } as const;
    expect(parseLocation("?period=2024-H1&tier=DEPARTMENT", "")).toEqual({ route: rankings, params: { period: "2024-H1", tier: "DEPARTMENT" }, lang: undefined });
    expect(parseLocation("?lang=fr&period=", "")).toEqual({ route: rankings, params: {}, lang: undefined });
    expect(hrefOf(rankings, { period: "2024-H1", tier: "DEPARTMENT" }, "vi")).toBe("?period=2024-H1&tier=DEPARTMENT");
    expect(hrefOf(rankings, { period: "2024-Q1", tier: "COMMUNE" }, "en")).toBe("?period=2024-Q1&tier=COMMUNE&lang=en");
  });
});

describe("Function: fieldLabel", () => {
  it("names a procedure field in the reader's language, and an unknown code as another field", async () => {
    const { fieldLabel } = await import("../src/lib/fields.js");
    expect([fieldLabel("LAND", "vi"), fieldLabel("GENERAL", "vi"), fieldLabel("LAND", "en")]).toEqual(["Đất đai", "Tổng hợp", "Land"]);
    expect(fieldLabel("NEW_FIELD", "vi")).toBe("Lĩnh vực khác (NEW_FIELD)");
    expect(fieldLabel(null, "en")).toBe("—");
  });
});
