import { describe, expect, it } from "vitest";
import { DONG_NAI_UNITS as UNITS } from "@scorecard/shared/data/units.data";
import { chartLabel } from "../src/lib/unit-names.js";

describe("chartLabel: a unit's name on a chart bar", () => {
  it("drops the province where it only says where the unit is, in both languages", () => {
    expect(chartLabel("Sở Tư pháp tỉnh Đồng Nai")).toBe("Sở Tư pháp");
    expect(chartLabel("Dong Nai Department of Justice")).toBe("Department of Justice");
    expect(chartLabel("Dong Nai Provincial Police")).toBe("Provincial Police");
    expect(chartLabel("People's Committee of Bien Hoa City, Dong Nai")).toBe("People's Committee of Bien Hoa City, Dong Nai");
    expect(chartLabel("Department of Health of Dong Nai Province")).toBe("Department of Health");
  });

  it("keeps the province where it is part of what the unit is", () => {
    for (const name of ["Kho bạc Nhà nước khu vực phụ trách Đồng Nai", "Regional State Treasury covering Dong Nai", "Office of the Dong Nai Provincial People's Committee", "Dong Nai Province", "Dong Nai Province (pre-merger)"]) {
      expect(chartLabel(name)).toBe(name);
    }
  });

  it("never leaves a real unit's label empty or starting with the province", () => {
    for (const u of UNITS) {
      for (const name of [u.nameVi, u.nameEn]) {
        const label = chartLabel(name);
        expect(label.trim().length, name).toBeGreaterThan(3);
        if (!/Province/.test(name)) expect(label.startsWith("Dong Nai"), name).toBe(false);
      }
    }
  });
});
