import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { siteConfigSchema } from "@scorecard/shared/contracts/site-config";
import { LOCAL_SITE_CONFIG, loadSiteConfig, parseSiteConfig } from "../src/lib/auth/site-config.js";

const cognito = {
  kind: "oidc",
  issuer: "https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_AbC",
  clientId: "5k2example",
  authorizationEndpoint: "https://scorecard-prod.auth.ap-southeast-1.amazoncognito.com/oauth2/authorize",
  tokenEndpoint: "https://scorecard-prod.auth.ap-southeast-1.amazoncognito.com/oauth2/token",
  logoutEndpoint: "https://scorecard-prod.auth.ap-southeast-1.amazoncognito.com/logout",
  logoutStyle: "cognito",
  scopes: ["openid", "email", "profile"],
  bearer: "id_token",
};

/** Values near the edges of the contract: good ones, and each field bent one way or another. */
const goodUrl = fc.constantFrom("https://a.example/x", "http://127.0.0.1:9000/auth", " https://padded.example ", "HTTPS://UPPER.example", "https://tab\tinside.example");
const badUrl = fc.constantFrom(
  "https:/one-slash.example",
  "http:no-slash.example",
  "ftp://a.example",
  "javascript:alert(1)",
  "https://bad host.example",
  "https://a.example:99999",
  "",
  "relative/path",
);
const field = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) => fc.oneof({ weight: 9, arbitrary: good }, { weight: 1, arbitrary: bad });
const urlish = field(goodUrl, badUrl);
/** The record as it is, or (one time in five) without one of its keys. */
const withoutAKey = (o: Record<string, unknown>) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(o) },
    { weight: 1, arbitrary: fc.constantFrom(...Object.keys(o)).map((k) => Object.fromEntries(Object.entries(o).filter(([key]) => key !== k))) },
  );
const oddValue = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.string({ maxLength: 3 }), fc.constant([]));
const oidcLike = fc
  .record(
  {
    kind: field(fc.constant("oidc"), fc.constantFrom("OIDC", "cognito")),
    issuer: urlish,
    clientId: field(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom("", 7)),
    authorizationEndpoint: urlish,
    tokenEndpoint: urlish,
    logoutEndpoint: urlish,
    logoutStyle: field(fc.constantFrom("cognito", "oidc"), fc.constantFrom("saml", "")),
    scopes: field(fc.array(fc.constantFrom("openid", "email", "profile", "scorecard/read"), { minLength: 1, maxLength: 3 }), fc.constantFrom([], [""], ["openid", 3], "openid")),
    bearer: field(fc.constantFrom("id_token", "access_token"), fc.constantFrom("refresh_token", "ID_TOKEN")),
  })
  .chain(withoutAKey);
const configLike = fc
  .record(
  {
    apiBaseUrl: fc.oneof(fc.constant(""), urlish),
    stage: field(fc.constantFrom("prod", "staging", "local"), fc.constantFrom("", 1)),
    auth: fc.oneof(fc.constant({ kind: "local" }), fc.constant({ kind: "local", extra: true }), { weight: 3, arbitrary: oidcLike }, oddValue),
  })
  .chain(withoutAKey);
const withExtraKey = configLike.chain((c) => fc.oneof({ weight: 3, arbitrary: fc.constant(c) }, { weight: 1, arbitrary: fc.constant({ ...c, unknownKey: 1 }) }));

describe("Module: the site's settings (/config.json)", () => {
  it("gives every value the contract's verdict, and the contract's output for the ones it takes (fast-check, 2 000 values)", () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: withExtraKey }, { weight: 1, arbitrary: oddValue }), (value) => {
        const zod = siteConfigSchema.safeParse(value);
        const ours = parseSiteConfig(value);
        expect(ours !== null, JSON.stringify(value)).toBe(zod.success);
        if (zod.success) expect(ours).toEqual(zod.data);
        if (zod.success && zod.data.auth.kind === "oidc") taken += 1;
      }),
      { numRuns: 2_000 },
    );
    // The sample reaches both verdicts for OpenID settings, not only the refusals.
    expect(taken).toBeGreaterThan(50);
  });

  it("takes Cognito's settings and the local default as they are", () => {
    const aws = { apiBaseUrl: "", stage: "prod", auth: cognito };
    expect(parseSiteConfig(aws)).toEqual(aws);
    expect(parseSiteConfig(LOCAL_SITE_CONFIG)).toEqual(LOCAL_SITE_CONFIG);
    expect(siteConfigSchema.safeParse(aws).success).toBe(true);
  });

  it("refuses a sign-in whose endpoints are not http(s), or that names no scope", () => {
    expect(parseSiteConfig({ apiBaseUrl: "", stage: "prod", auth: { ...cognito, tokenEndpoint: "javascript:alert(1)" } })).toBeNull();
    expect(parseSiteConfig({ apiBaseUrl: "", stage: "prod", auth: { ...cognito, scopes: [] } })).toBeNull();
  });

  it("reads /config.json; answers null for a missing file or one that breaks the contract, and tries a failed request once more", async () => {
    const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });
    expect(await loadSiteConfig(answer(200, LOCAL_SITE_CONFIG))).toEqual(LOCAL_SITE_CONFIG);
    expect(await loadSiteConfig(answer(404, { message: "Not found" }))).toBeNull();
    expect(await loadSiteConfig(answer(200, { apiBaseUrl: "", stage: "prod", auth: { kind: "saml" } }))).toBeNull();
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1) throw new TypeError("Failed to fetch");
      return new Response(JSON.stringify(LOCAL_SITE_CONFIG));
    };
    expect(await loadSiteConfig(flaky)).toEqual(LOCAL_SITE_CONFIG);
    expect(calls).toBe(2);
  });
});
