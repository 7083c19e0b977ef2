/**
 * The route table's parameters, parsed in one place (functions/src/http/route-input.ts), answer
 * with the codes and details the handlers gave before (docs/api-errors.md): the caller is
 * authorized first, then the parameters are checked in the route's order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../src/adapters/local/local-identity.js";
import { httpFixture } from "./support/http-fixture.js";

const ANY_PERIOD = "a period id such as 2024-03, 2024-Q1, 2024-H1 or 2024";

describe("Parameters: one parser, today's 422s", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  const tokens: Record<string, string> = {};
  const get = async (path: string, who?: string) => {
    const res = await fetch(`${fx.base}${path}`, { headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });
    const body = (await res.json()) as { code?: string; detail?: string };
    return [res.status, body.code, body.detail];
  };

  beforeAll(async () => {
    fx = await httpFixture();
    for (const id of ["chairman", "home-affairs", "officer-bien-hoa"]) tokens[id] = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === id)!);
  });
  afterAll(() => fx.close());

  it.each([
    ["/v1/public/rankings?tier=DISTRICT", undefined, [422, "MISSING_PARAMETER", `Query parameter "period" is required (${ANY_PERIOD}).`]],
    ["/v1/public/rankings?period=&tier=DISTRICT", undefined, [422, "MISSING_PARAMETER", `Query parameter "period" is required (${ANY_PERIOD}).`]],
    ["/v1/public/rankings?period=2024-13&tier=DISTRICT", undefined, [422, "INVALID_PARAMETER", `Query parameter "period": ${ANY_PERIOD}.`]],
    ["/v1/public/rankings?period=2024-03&tier=district", undefined, [422, "INVALID_PARAMETER", 'Query parameter "tier": one of DEPARTMENT, DISTRICT, COMMUNE, VERTICAL.']],
    ["/v1/public/rankings?period=latest&tier=DISTRICT", undefined, [404, "NO_SNAPSHOT", "No period has been scored yet."]],
    ["/v1/public/rankings?period=2024-03&tier=DISTRICT", undefined, [404, "NO_SNAPSHOT", "No ranking has been computed for 2024-03 / DISTRICT yet."]],
    ["/v1/reform-index?period=2024-03", "home-affairs", [422, "INVALID_PARAMETER", 'Query parameter "period": the reform index is set per half-year or year, such as 2024-H1 or 2024.']],
    ["/v1/reform-index?period=2024-Q5", "home-affairs", [422, "INVALID_PARAMETER", `Query parameter "period": ${ANY_PERIOD}.`]],
    ["/v1/head-ratings?period=2024-H1&version=0", "home-affairs", [422, "INVALID_PARAMETER", 'Query parameter "version": a published version number such as 1.']],
    ["/v1/units/DIST-731'/scorecard?period=2024-03", "chairman", [422, "INVALID_PARAMETER", "unitId is not a unit id."]],
    ["/v1/units/DIST-731/cases?period=2024-03&status=NOPE", "chairman", [422, "INVALID_PARAMETER", "status: one of EARLY, ON_TIME, LATE, OVERDUE, IN_PROGRESS, EXCLUDED."]],
    ["/v1/units/DIST-731/trend?year=1999", "chairman", [422, "INVALID_PARAMETER", 'Query parameter "year": a year such as 2025.']],
    ["/v1/units/DIST-999/trend?year=2025", "chairman", [404, "NOT_FOUND", "No unit DIST-999."]],
    ["/v1/admin/findings?period=2024-H9", "home-affairs", [422, "INVALID_PARAMETER", 'Query parameter "period": a period id such as 2024-H1.']],
    ["/v1/admin/findings?period=2024-H9&unitId=x", "home-affairs", [422, "INVALID_PARAMETER", 'Query parameter "unitId": a unit id.']],
    ["/v1/admin/audit?limit=0", "home-affairs", [422, "INVALID_PARAMETER", 'Query parameter "limit": 1 to 200.']],
    ["/v1/admin/audit?from=2024-02-30", "home-affairs", [422, "INVALID_PARAMETER", 'Query parameter "from": an ISO date or instant.']],
    ["/v1/admin/audit.csv?to=March%207%2C%202024", "home-affairs", [422, "INVALID_PARAMETER", 'Query parameter "to": an ISO date or instant.']],
    ["/v1/admin/criteria/DIST-731/2024-13/PAR6", "home-affairs", [422, "INVALID_PARAMETER", "period is not valid."]],
    ["/v1/admin/publications/2024-H1/1", "home-affairs", [422, "MISSING_PARAMETER", 'Query parameter "tier" is required (a tier).']],
    ["/v1/admin/publications/2024-H1/0?tier=DISTRICT", "home-affairs", [422, "INVALID_PARAMETER", "version is not valid."]],
  ] as const)("%s (%s)", async (path, who, expected) => {
    expect(await get(path, who)).toEqual(expected);
  });

  it("authorizes before it validates: the anonymous caller gets 401, another unit's officer 403, whatever the parameters", async () => {
    expect((await get("/v1/rankings?period=2024-13&tier=x"))[0]).toBe(401);
    expect((await get("/v1/units/DIST-732/scorecard?period=2024-13", "officer-bien-hoa"))[0]).toBe(403);
    expect((await get("/v1/units/DIST-731/scorecard?period=2024-13", "officer-bien-hoa")).slice(0, 2)).toEqual([422, "INVALID_PARAMETER"]);
    expect((await get("/v1/admin/audit?limit=0", "chairman")).slice(0, 2)).toEqual([422, "INVALID_PARAMETER"]);
    expect((await get("/v1/admin/audit.csv?from=x", "chairman")).slice(0, 2)).toEqual([403, "FORBIDDEN"]);
  });

  it("takes an optional parameter sent empty as absent, and fills the audit page size", async () => {
    const [status] = await get("/v1/admin/audit?limit=&cursor=", "home-affairs");
    expect(status).toBe(200);
    const page = (await (await fetch(`${fx.base}/v1/admin/audit`, { headers: { authorization: `Bearer ${tokens["home-affairs"]}` } })).json()) as { entries: unknown[]; next: string | null };
    expect(page).toEqual({ entries: [], next: null });
  });
});
