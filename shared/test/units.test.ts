import { describe, expect, it } from "vitest";
import { parsePeriod } from "../src/time/period.js";
import { demoHeads, headsOf, isRatable, tenureIn, type Head } from "../src/units/head.js";
import { predecessorChain, predecessorsOf, successorChain, trendUnits, unitsValidIn } from "../src/units/succession.js";
import { UnitCatalog } from "../src/units/unit.js";

const catalog = new UnitCatalog();

describe("Function: unitsValidIn", () => {
  it("§1 a period shows the units valid in it: 21 departments in 2024, districts end on 30 June 2025", () => {
    expect(unitsValidIn(catalog, parsePeriod("2024"), "DEPARTMENT")).toHaveLength(21);
    expect(unitsValidIn(catalog, parsePeriod("2025-H1"), "DISTRICT")).toHaveLength(11);
    expect(unitsValidIn(catalog, parsePeriod("2025-Q3"), "DISTRICT")).toHaveLength(0);
    expect(unitsValidIn(catalog, parsePeriod("2025-08"), "COMMUNE")).toHaveLength(95);
  });

  it("a period that straddles a reform shows the units of both sides", () => {
    // 2025-H1 holds both the pre-March and the March-2025 departments
    const ids = unitsValidIn(catalog, parsePeriod("2025-H1")).map((u) => u.unitId);
    expect(ids).toContain("DEPT-SKHDT-2020");
    expect(ids).toContain("DEPT-STC-202503");
  });
});

describe("Function: successorChain / predecessorChain", () => {
  it("§1 follows successor links across the March and July 2025 reforms", () => {
    expect(successorChain(catalog, "DEPT-SKHDT-2020").map((u) => u.unitId)).toEqual(["DEPT-STC-202503", "DEPT-STC-202507"]);
    expect(predecessorChain(catalog, "DEPT-STC-202507").map((u) => u.unitId).sort()).toEqual(["DEPT-SKHDT-2020", "DEPT-STC-2020", "DEPT-STC-202503"]);
    expect(predecessorsOf(catalog, "DEPT-STC-202503").map((u) => u.unitId).sort()).toEqual(["DEPT-SKHDT-2020", "DEPT-STC-2020"]);
    expect(successorChain(catalog, "NOPE")).toEqual([]);
  });

  it("§1 a trend across the reform follows successor links and is marked as such", () => {
    const periods = ["2024", "2025-Q2", "2025-Q3"].map(parsePeriod);
    const t = trendUnits(catalog, "DEPT-STC-202507", periods);
    expect(t[0]).toMatchObject({ viaSuccession: true });
    expect([...(t[0]?.unitIds ?? [])].sort()).toEqual(["DEPT-SKHDT-2020", "DEPT-STC-2020"]);
    expect(t[1]).toMatchObject({ unitIds: ["DEPT-STC-202503"], viaSuccession: true });
    expect(t[2]).toMatchObject({ unitIds: ["DEPT-STC-202507"], viaSuccession: false });
    expect(trendUnits(catalog, "NOPE", periods).every((p) => p.unitIds.length === 0)).toBe(true);
  });
});

describe("Heads of unit", () => {
  const head = (from: string, to: string | null): Head => ({ headId: "H", unitId: "DEPT-STP-2020", name: "Trần Văn An (demo)", title: "Giám đốc", tenureFrom: from, tenureTo: to, demo: true });

  it("§6 a head in office for less than half of the period is listed but not rated", () => {
    const h1 = parsePeriod("2024-H1"); // 182 days (leap year)
    expect(tenureIn(head("2024-04-01", null), h1)).toMatchObject({ startDate: "2024-04-01", endDate: "2024-06-30", days: 91, periodDays: 182 });
    expect(isRatable(head("2024-04-01", null), h1)).toBe(true); // 91 = half exactly ⇒ rated
    expect(isRatable(head("2024-04-02", null), h1)).toBe(false); // 90 < 91
    expect(tenureIn(head("2023-01-01", "2023-12-31"), h1)).toBeNull();
    expect(isRatable(head("2023-01-01", "2023-12-31"), h1)).toBe(false);
  });

  it("demo heads are deterministic, clearly fictional and cover each unit's validity", () => {
    const a = demoHeads(catalog, 7);
    expect(demoHeads(catalog, 7)).toEqual(a);
    expect(a.every((h) => h.demo && h.name.endsWith(" (demo)"))).toBe(true);
    const changes = a.filter((h) => h.headId.endsWith("-2"));
    expect(changes.length).toBeGreaterThan(10);
    const first = a.find((h) => h.headId === changes[0]?.headId.replace(/-2$/, "-1"));
    // no gap, no overlap between successive heads
    expect(new Date(Date.parse(`${first?.tenureTo}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)).toBe(changes[0]?.tenureFrom);
    const unit = changes[0]?.unitId as string;
    expect(headsOf(a, unit, parsePeriod(changes[0]?.tenureFrom.slice(0, 4) as string)).length).toBeGreaterThanOrEqual(1);
    expect(a.some((h) => h.unitId.startsWith("PROV"))).toBe(false);
  });
});

describe("Class: UnitCatalog", () => {
  it("answers validity on a date and lists the units of a tier in a date range", () => {
    expect(catalog.isValidOn("DEPT-SKHDT-2020", "2025-02-28")).toBe(true);
    expect(catalog.isValidOn("DEPT-SKHDT-2020", "2025-03-01")).toBe(false);
    expect(catalog.isValidOn("NOPE", "2025-03-01")).toBe(false);
    expect(catalog.validIn("DEPARTMENT", "2025-04-01", "2025-04-01")).toHaveLength(15);
  });
});
