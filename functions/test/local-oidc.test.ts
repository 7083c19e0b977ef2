/**
 * The local runtime with an OpenID provider standing in for Cognito (issue 22, item 1): /config.json
 * tells the dashboard to sign in there, the page's CSP lets it reach the token endpoint, and the
 * API accepts the provider's tokens checked as API Gateway's JWT authorizer checks them (the
 * issuer's published key, issuer, expiry, audience — `aud`, or `client_id` without one), with the
 * role and unit read from `cognito:groups` and `custom:unitId`. Without a provider: the demo login.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type Server, createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type JWK, SignJWT, exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteConfigSchema } from "@scorecard/shared/contracts/site-config";
import { DEMO_USERS, LocalIdentity, type LocalOidcOptions, oidcFromEnv } from "../src/adapters/local/local-identity.js";
import { LocalRuntime } from "../src/local/runtime.js";
import { PAGE_SECURITY_HEADERS, createLocalServer, listen } from "../src/local/server.js";
import { pageHeadersFor } from "../src/local/site-config.js";

const CLIENT = "dashboard-local";

describe("Local runtime: sign-in through an OpenID provider", () => {
  let provider: Server;
  let issuer: string;
  let options: LocalOidcOptions;
  let key: CryptoKey;
  let stranger: CryptoKey;
  let discoveries = 0;
  let dataDir: string;
  let rt: LocalRuntime;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const pair = await generateKeyPair("RS256", { extractable: true });
    key = pair.privateKey;
    stranger = (await generateKeyPair("RS256")).privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    // The provider's discovery document and keys, nothing else (the browser test runs the real flow).
    provider = createServer((req, res) => {
      if (req.url === "/.well-known/openid-configuration") {
        discoveries += 1;
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
      } else if (req.url === "/jwks") res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
      else res.writeHead(404).end();
    });
    issuer = `http://127.0.0.1:${await listen(provider, 0)}`;
    options = {
      auth: {
        kind: "oidc",
        issuer,
        clientId: CLIENT,
        authorizationEndpoint: `${issuer}/auth`,
        tokenEndpoint: `${issuer}/token`,
        logoutEndpoint: `${issuer}/session/end`,
        logoutStyle: "oidc",
        scopes: ["openid", "profile"],
        bearer: "id_token",
      },
    };
    dataDir = mkdtempSync(join(tmpdir(), "scorecard-oidc-"));
    rt = await LocalRuntime.start({ dataDir, persist: false, sourceToken: "test-source-token", oidc: options });
    const dashboardDir = join(dataDir, "dashboard");
    mkdirSync(dashboardDir);
    writeFileSync(join(dashboardDir, "index.html"), "<!doctype html><title>shell</title>");
    server = createLocalServer(rt, { dashboardDir });
    base = `http://127.0.0.1:${await listen(server, 0)}`;
  });

  afterAll(async () => {
    await new Promise((ok) => server?.close(ok));
    await rt?.stop();
    await new Promise((ok) => provider?.close(ok));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const token = (claims: Record<string, unknown>, o: { signer?: CryptoKey; aud?: string | null; iss?: string; expiresIn?: number; kid?: string } = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({ "cognito:groups": ["unit-officer"], "custom:unitId": "DEPT-STP-2020", ...claims })
      .setProtectedHeader({ alg: "RS256", kid: o.kid ?? "k1" })
      .setIssuer(o.iss ?? issuer)
      .setSubject("officer-17")
      .setIssuedAt(now)
      .setExpirationTime(now + (o.expiresIn ?? 300));
    if (o.aud !== null) jwt.setAudience(o.aud ?? CLIENT);
    return jwt.sign(o.signer ?? key);
  };

  it("serves /config.json with the provider's settings (the contract's shape), never cached unasked, and lets the page reach the token endpoint", async () => {
    const res = await fetch(`${base}/config.json`);
    const body: unknown = await res.json();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(siteConfigSchema.parse(body)).toEqual({ apiBaseUrl: "", stage: "local", auth: options.auth });
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(/connect-src ([^;]*)/.exec(csp)?.[1]?.split(" ")).toEqual(["'self'", issuer]);
    // The shell carries the same policy (the page is what fetches the token endpoint).
    expect((await fetch(`${base}/units/x`)).headers.get("content-security-policy")).toBe(csp);
  });

  it("accepts the provider's ID token for a unit officer's own unit and refuses another unit's", async () => {
    const own = await fetch(`${base}/v1/units/DEPT-STP-2020/warnings`, { headers: { authorization: `Bearer ${await token({})}` } });
    const other = await fetch(`${base}/v1/units/DIST-731/warnings`, { headers: { authorization: `Bearer ${await token({})}` } });
    const nobody = await fetch(`${base}/v1/units/DEPT-STP-2020/warnings`);
    expect(own.status).toBe(200);
    expect(other.status).toBe(403);
    expect(nobody.status).toBe(401);
  });

  it("checks each token as API Gateway's JWT authorizer does", async () => {
    const verdict = async (jwt: string | Promise<string>) => (await rt.identity.verify(await jwt)) !== undefined;
    expect(await verdict(token({}))).toBe(true);
    // Cognito's access tokens have no `aud`: their `client_id` must be the app client.
    expect(await verdict(token({ client_id: CLIENT }, { aud: null }))).toBe(true);
    expect(await verdict(token({ client_id: "another-client" }, { aud: null }))).toBe(false);
    expect(await verdict(token({}, { aud: "another-client" }))).toBe(false);
    expect(await verdict(token({}, { signer: stranger }))).toBe(false);
    expect(await verdict(token({}, { expiresIn: -60 }))).toBe(false);
    expect(await verdict(token({}, { iss: `${issuer}/other` }))).toBe(false);
    expect(await verdict("not-a-jwt")).toBe(false);
    // The demo's own tokens still verify (the CLI's `token` command), and the discovery document was read once.
    expect(await verdict(rt.identity.issue(DEMO_USERS[0] ?? DEMO_USERS[1]!))).toBe(true);
    expect(discoveries).toBe(1);
  });

  it("without a provider: the demo login in /config.json and the page policy unchanged", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scorecard-oidc-"));
    try {
      const identity = await LocalIdentity.fromFile(join(dir, "k.jwk"));
      expect(identity.siteConfig).toEqual({ apiBaseUrl: "", stage: "local", auth: { kind: "local" } });
      expect(pageHeadersFor(PAGE_SECURITY_HEADERS, identity.siteConfig)).toBe(PAGE_SECURITY_HEADERS);
      expect(await identity.verify(await token({}))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the provider from the environment, and says which settings are missing", () => {
    expect(oidcFromEnv({})).toBeNull();
    const env = {
      SCORECARD_OIDC_ISSUER: "https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_Ab",
      SCORECARD_OIDC_AUDIENCE: "client-1",
      SCORECARD_OIDC_AUTHORIZATION_ENDPOINT: "https://d.auth.example/oauth2/authorize",
      SCORECARD_OIDC_TOKEN_ENDPOINT: "https://d.auth.example/oauth2/token",
      SCORECARD_OIDC_LOGOUT_ENDPOINT: "https://d.auth.example/logout",
      SCORECARD_OIDC_LOGOUT_STYLE: "cognito",
    };
    expect(oidcFromEnv(env)?.auth).toEqual({
      kind: "oidc",
      issuer: env.SCORECARD_OIDC_ISSUER,
      clientId: "client-1",
      authorizationEndpoint: env.SCORECARD_OIDC_AUTHORIZATION_ENDPOINT,
      tokenEndpoint: env.SCORECARD_OIDC_TOKEN_ENDPOINT,
      logoutEndpoint: env.SCORECARD_OIDC_LOGOUT_ENDPOINT,
      logoutStyle: "cognito",
      scopes: ["openid", "profile", "email"],
      bearer: "id_token",
    });
    expect(() => oidcFromEnv({ ...env, SCORECARD_OIDC_TOKEN_ENDPOINT: undefined })).toThrow(/tokenEndpoint/);
  });
});
