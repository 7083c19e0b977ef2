import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTIONS, ANONYMOUS, type Action, ROLES, SOURCE_SYSTEM_SCOPE, authorize, authorizeCase, principalFromClaims } from "../src/auth/policy.js";

const officer = { role: "unit-officer" as const, sub: "o1", unitId: "DIST-731" };

describe("Function: authorize (role × unit × action)", () => {
  it("grants the public only public reads", () => {
    expect(ACTIONS.filter((a) => authorize(ANONYMOUS, a).allowed)).toEqual(["public:read"]);
  });

  it("grants source systems only the public reads and posting events", () => {
    expect(ACTIONS.filter((a) => authorize({ role: "source-system", sub: "one-stop" }, a).allowed)).toEqual(["public:read", "events:write"]);
  });

  it("lets a unit officer read their own unit's data and refuses another unit's", () => {
    for (const a of ["unit:read", "unit:cases:read", "warnings:read", "unit:heads:read", "unit:reform:read", "unit:actions:read", "unit:actions:report", "unit:reports:read", "unit:reports:submit"] as Action[]) {
      expect(authorize(officer, a, { unitId: "DIST-731" }).allowed, a).toBe(true);
      expect(authorize(officer, a, { unitId: "DIST-732" }).allowed, a).toBe(false);
      expect(authorize(officer, a).allowed, `${a} without a unit`).toBe(false);
    }
    expect(authorize({ ...officer, unitId: undefined }, "unit:read", { unitId: "DIST-731" }).allowed).toBe(false);
  });

  it("head ratings and the reform index: province-wide for the chairman and Home Affairs only, a unit officer's own unit only", () => {
    for (const a of ["heads:read", "reform:read"] as Action[]) {
      expect(authorize(officer, a, { unitId: "DIST-731" }).allowed, a).toBe(false);
      expect(authorize({ role: "chairman", sub: "c" }, a).allowed, a).toBe(true);
      expect(authorize({ role: "home-affairs", sub: "h" }, a).allowed, a).toBe(true);
    }
    for (const a of ["unit:heads:read", "unit:reform:read"] as Action[]) {
      expect(authorize(ANONYMOUS, a, { unitId: "DIST-731" }).allowed, a).toBe(false);
      expect(authorize({ role: "source-system", sub: "s" }, a, { unitId: "DIST-731" }).allowed, a).toBe(false);
      expect(authorize({ role: "chairman", sub: "c" }, a, { unitId: "DIST-732" }).allowed, a).toBe(true);
    }
  });

  it("keeps Home Affairs' writes from the chairman (who reads everything)", () => {
    const chairman = { role: "chairman" as const, sub: "c" };
    for (const a of ["findings:write", "findings:conclude", "criteria:write", "returns:mark", "publish", "audit:export", "events:write", "actions:write", "proposals:write", "reports:manage", "rules:write"] as Action[]) {
      expect(authorize(chairman, a).allowed, a).toBe(false);
      expect(authorize({ role: "home-affairs", sub: "h" }, a).allowed, a).toBe(a !== "events:write");
    }
  });

  it("from ranking to action (issue 24): a unit reports on its own actions and submits its own report; proposals on heads stay with Home Affairs and the chairman", () => {
    const chairman = { role: "chairman" as const, sub: "c" };
    const homeAffairs = { role: "home-affairs" as const, sub: "h" };
    // What a unit officer may do to their unit's actions and report, Home Affairs and the chairman may not do for them.
    for (const a of ["unit:actions:report", "unit:reports:submit"] as Action[]) {
      expect(authorize(officer, a, { unitId: "DIST-731" }).allowed, a).toBe(true);
      expect(authorize(homeAffairs, a, { unitId: "DIST-731" }).allowed, a).toBe(false);
      expect(authorize(chairman, a, { unitId: "DIST-731" }).allowed, a).toBe(false);
    }
    for (const a of ["actions:read", "proposals:read", "reports:read"] as Action[]) {
      expect(authorize(officer, a, { unitId: "DIST-731" }).allowed, a).toBe(false);
      expect(authorize(chairman, a).allowed, a).toBe(true);
      expect(authorize(homeAffairs, a).allowed, a).toBe(true);
    }
    for (const a of ["actions:write", "proposals:write", "reports:manage", "rules:write"] as Action[]) expect(authorize(officer, a, { unitId: "DIST-731" }).allowed, a).toBe(false);
  });

  it("fails closed for any role or action it does not know", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...ACTIONS), (role, action) => {
        fc.pre(!(ROLES as readonly string[]).includes(role));
        expect(authorize({ role: role as never, sub: "x" }, action).allowed).toBe(false);
      }),
    );
    expect(authorize({ role: "home-affairs", sub: "h" }, "drop:tables" as Action).allowed).toBe(false);
  });
});

describe("Function: authorizeCase (the object-level check of case:read)", () => {
  const parties = { holders: ["DIST-732", "DEPT-STP-2020"], consulted: ["DIST-731"] };

  it("lets the chairman and Home Affairs read any dossier, stored or not", () => {
    for (const role of ["chairman", "home-affairs"] as const) {
      expect(authorizeCase({ role, sub: "x" }, parties).allowed).toBe(true);
      expect(authorizeCase({ role, sub: "x" }, undefined).allowed).toBe(true);
    }
  });

  it("lets a unit officer read a dossier their unit holds, held, received or was consulted on, and refuses the rest with one reason", () => {
    expect(authorizeCase({ ...officer, unitId: "DIST-732" }, parties).allowed).toBe(true);
    expect(authorizeCase({ ...officer, unitId: "DEPT-STP-2020" }, parties).allowed).toBe(true);
    expect(authorizeCase(officer, parties).allowed).toBe(true); // consulted
    const other = authorizeCase({ ...officer, unitId: "DIST-733" }, parties);
    const missing = authorizeCase(officer, undefined);
    expect([other.allowed, missing.allowed]).toEqual([false, false]);
    expect(other).toEqual(missing); // a 403 never says whether the dossier exists
    expect(authorizeCase({ ...officer, unitId: undefined }, parties).allowed).toBe(false);
  });

  it("fails closed for every other role, known or not", () => {
    for (const role of ["public", "source-system", "toString", "__proto__"]) expect(authorizeCase({ role: role as never, sub: "x", unitId: "DIST-731" }, parties).allowed).toBe(false);
  });

  it("at the route level, case:read is a role check: the officers' unit is checked on the dossier", () => {
    expect(ACTIONS.filter((a) => a === "case:read").map((a) => [authorize(officer, a).allowed, authorize(ANONYMOUS, a).allowed])).toEqual([[true, false]]);
  });
});

describe("Function: principalFromClaims", () => {
  it("reads Cognito groups and the unit attribute", () => {
    expect(principalFromClaims({ sub: "u", "cognito:groups": ["unit-officer"], "custom:unitId": "DIST-731", name: "A" })).toEqual({ role: "unit-officer", sub: "u", unitId: "DIST-731", name: "A" });
    expect(principalFromClaims({ sub: "u", "cognito:groups": "[chairman]" })).toMatchObject({ role: "chairman" });
  });

  it("treats machine-to-machine tokens with the ingestion scope as a source system", () => {
    expect(principalFromClaims({ client_id: "one-stop-client", scope: `openid ${SOURCE_SYSTEM_SCOPE}` })).toEqual({ role: "source-system", sub: "one-stop-client" });
  });

  it("is the public for no claims, unknown groups, or a unit officer without a unit", () => {
    expect(principalFromClaims(undefined)).toBe(ANONYMOUS);
    expect(principalFromClaims({ sub: "u", "cognito:groups": ["admins"] })).toBe(ANONYMOUS);
    expect(principalFromClaims({ sub: "u", "cognito:groups": ["unit-officer"] })).toBe(ANONYMOUS);
  });

  it("takes the most privileged known group", () => {
    expect(principalFromClaims({ sub: "u", "cognito:groups": ["unit-officer", "home-affairs"], "custom:unitId": "X" })).toMatchObject({ role: "home-affairs" });
  });
});
