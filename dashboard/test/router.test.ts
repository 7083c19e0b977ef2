import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Route, hrefOf, parseLocation } from "../src/lib/router.js";

const split = (href: string) => (href.startsWith("#") ? { search: "", hash: href } : { search: href === "?" ? "" : href, hash: "" });
const unitId = fc.constantFrom("DEPT-STP-2020", "DIST-731", "COM-26041-2025", "VERT-THUE-2020", "DEPT-SNNMT-202507");
const route: fc.Arbitrary<Route> = fc.oneof(
  fc.constant<Route>({ page: "rankings" }),
  fc.constantFrom<Route>({ page: "login" }, { page: "methodology" }, { page: "report" }, { page: "overview" }),
  unitId.map((id): Route => ({ page: "unit", unitId: id })),
  unitId.map((id): Route => ({ page: "cases", unitId: id })),
  unitId.map((id): Route => ({ page: "public-unit", unitId: id })),
  fc.constantFrom<Route>(...(["findings", "criteria", "heads", "publish", "audit"] as const).map((section): Route => ({ page: "admin", section }))),
);
const param = fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined });

describe("Module: router", () => {
  it("every view's URL reads back to the same view, params and language (property)", () => {
    fc.assert(
      fc.property(route, param, param, param, fc.constantFrom("vi" as const, "en" as const), (r, period, tier, status, lang) => {
        const params = { ...(period ? { period } : {}), ...(tier ? { tier } : {}), ...(status ? { status } : {}) };
        const { search, hash } = split(hrefOf(r, params, lang));
        const loc = parseLocation(search, hash);
        expect(loc.route).toEqual(r);
        expect(loc.params).toEqual(params);
        expect(loc.lang ?? "vi").toBe(lang);
      }),
    );
  });

  it("keeps the rankings' original URL and routes the rest in the hash", () => {
    expect(hrefOf({ page: "rankings" }, { period: "2024-H1", tier: "DEPARTMENT" }, "en")).toBe("?period=2024-H1&tier=DEPARTMENT&lang=en");
    expect(hrefOf({ page: "report" }, { period: "2024-H1", tier: "DEPARTMENT" })).toBe("#/report?period=2024-H1&tier=DEPARTMENT");
    expect(parseLocation("", "#/rankings?period=2024-H1").route).toEqual({ page: "rankings" });
    expect(parseLocation("", "#/units/not a unit").route.page).toBe("not-found");
    expect(parseLocation("", "#/admin").route).toEqual({ page: "admin", section: "findings" });
    expect(parseLocation("?period=2024-H1", "#section").params).toEqual({ period: "2024-H1" });
  });
});
