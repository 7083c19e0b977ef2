// @vitest-environment node
// (jsdom's ArrayBuffer is not WebCrypto's: oauth4webapi's PKCE hashing needs one realm, as in a browser.)
import { createHash, generateKeyPairSync } from "node:crypto";
import { SignJWT, importPKCS8 } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApiClient } from "../src/lib/api.js";
import { takeCallback } from "../src/lib/auth/callback.js";
import { SignInError } from "../src/lib/auth/oidc-flow.js";
import { OidcSession, PENDING_KEY, logoutUrl, renewLead } from "../src/lib/auth/oidc-session.svelte.js";
import type { OidcAuthConfig } from "../src/lib/auth/site-config.js";

const CONFIG: OidcAuthConfig = {
  kind: "oidc",
  issuer: "https://idp.example/pool",
  clientId: "dashboard-client",
  authorizationEndpoint: "https://login.example/oauth2/authorize",
  tokenEndpoint: "https://login.example/oauth2/token",
  logoutEndpoint: "https://login.example/logout",
  logoutStyle: "cognito",
  scopes: ["openid", "email", "profile"],
  bearer: "id_token",
};
const ORIGIN = "https://scorecard.example";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
const signingKey = importPKCS8(privateKey, "RS256");

interface IdClaims {
  nonce?: string;
  groups?: string[];
  unitId?: string;
  lifetime?: number;
  aud?: string;
}
let issued = 0;
async function idToken(c: IdClaims = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  issued += 1;
  return new SignJWT({
    ...(c.nonce ? { nonce: c.nonce } : {}),
    "cognito:groups": c.groups ?? ["unit-officer"],
    ...(c.unitId === undefined ? { "custom:unitId": "DEPT-STP-2020" } : c.unitId ? { "custom:unitId": c.unitId } : {}),
    name: "Cán bộ Sở Tư pháp",
    n: issued,
  })
    .setProtectedHeader({ alg: "RS256", kid: "k1" })
    .setIssuer(CONFIG.issuer)
    .setAudience(c.aud ?? CONFIG.clientId)
    .setSubject("user-17")
    .setIssuedAt(now)
    .setExpirationTime(now + (c.lifetime ?? 3600))
    .sign(await signingKey);
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

/** A token endpoint: each grant answered by `answer`, every request body kept. */
function provider(answer: (form: URLSearchParams) => Promise<Response>) {
  const requests: { url: string; form: URLSearchParams }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const form = new URLSearchParams(String(init?.body ?? ""));
    requests.push({ url, form });
    return answer(form);
  });
  vi.stubGlobal("fetch", fetch);
  return { requests, grants: (type: string) => requests.filter((r) => r.form.get("grant_type") === type) };
}
const tokens = (body: Record<string, unknown>, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "cache-control": "no-store" } });

function session(storage = new MemoryStorage(), config: OidcAuthConfig = CONFIG) {
  return { storage, s: new OidcSession({ config, origin: ORIGIN, storage }) };
}

/** Through the provider and back: begin, the provider's answer at the callback, the code exchanged. */
async function signedIn(claims: IdClaims = {}, refresh: (n: number) => Promise<Response> = async () => tokens({ error: "invalid_grant" }, 400)) {
  const { s, storage } = session();
  const url = new URL(await s.begin({ next: "#/units/DEPT-STP-2020?period=2024-H1", lang: "vi" }));
  const nonce = url.searchParams.get("nonce") ?? "";
  let refreshes = 0;
  const p = provider(async (form) => {
    if (form.get("grant_type") === "refresh_token") return refresh(++refreshes);
    return tokens({ access_token: "at-1", id_token: await idToken({ nonce, ...claims }), refresh_token: "rt-1", token_type: "Bearer", expires_in: 3600 });
  });
  const done = await s.complete(new URLSearchParams({ code: "code-1", state: url.searchParams.get("state") ?? "" }));
  return { s, storage, url, done, p };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("OpenID sign-in (code + PKCE) in the dashboard", () => {
  it("sends the reader to the authorization endpoint with S256 PKCE, state and nonce, keeping only the round trip in sessionStorage", async () => {
    const { s, storage } = session();
    const url = new URL(await s.begin({ next: "#/overview", lang: "en" }));
    const pending = JSON.parse(storage.getItem(PENDING_KEY) ?? "{}") as Record<string, string>;

    expect(url.origin + url.pathname).toBe(CONFIG.authorizationEndpoint);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: "code",
      client_id: "dashboard-client",
      redirect_uri: "https://scorecard.example/auth/callback",
      scope: "openid email profile",
      code_challenge_method: "S256",
      state: pending["state"],
      nonce: pending["nonce"],
    });
    // RFC 7636 §4.2, computed here with Node's own SHA-256: BASE64URL(SHA256(ASCII(code_verifier))).
    expect(url.searchParams.get("code_challenge")).toBe(createHash("sha256").update(pending["verifier"] ?? "").digest("base64url"));
    expect(pending["verifier"]).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(pending["next"]).toBe("#/overview");
    expect(s.signedIn).toBe(false);
  });

  it("exchanges the code with the verifier, reads the role and unit from the ID token, and keeps the tokens in memory only", async () => {
    const { s, storage, done, p } = await signedIn();
    const [exchange] = p.grants("authorization_code");

    expect(p.requests[0]?.url).toBe(CONFIG.tokenEndpoint);
    expect(Object.fromEntries(exchange?.form ?? [])).toMatchObject({ code: "code-1", redirect_uri: "https://scorecard.example/auth/callback", client_id: "dashboard-client" });
    expect(exchange?.form.get("code_verifier")).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(done).toMatchObject({ next: "#/units/DEPT-STP-2020?period=2024-H1", lang: "vi" });
    expect(s.user).toEqual({ id: "user-17", name: "Cán bộ Sở Tư pháp", role: "unit-officer", unitId: "DEPT-STP-2020" });
    // The bearer is the ID token (the one that carries custom:unitId); nothing of it is in storage.
    const bearer = s.token() ?? "";
    expect(bearer.split(".")).toHaveLength(3);
    expect(JSON.parse(atob(bearer.split(".")[1]?.replace(/-/g, "+").replace(/_/g, "/") ?? ""))["custom:unitId"]).toBe("DEPT-STP-2020");
    expect([...storage.items.values()].some((v) => v.includes(bearer.slice(0, 20)) || v.includes("rt-1"))).toBe(false);
    expect(storage.getItem(PENDING_KEY)).toBeNull();
  });

  it("takes the access token as the bearer when the config says so", async () => {
    const { s, storage } = session(new MemoryStorage(), { ...CONFIG, bearer: "access_token" });
    const url = new URL(await s.begin({}));
    provider(async () => tokens({ access_token: "at-9", id_token: await idToken({ nonce: url.searchParams.get("nonce") ?? "" }), token_type: "Bearer", expires_in: 600 }));
    await s.complete(new URLSearchParams({ code: "c", state: url.searchParams.get("state") ?? "" }));
    expect(s.token()).toBe("at-9");
    expect(storage.items.size).toBe(0);
  });

  it("refuses an answer whose state is not this tab's (no request to the provider), one that says access_denied, and a replayed one", async () => {
    const { s } = session();
    const url = new URL(await s.begin({}));
    const p = provider(async () => tokens({}));
    const mismatch = await s.complete(new URLSearchParams({ code: "c", state: "someone-elses" })).catch((e: unknown) => e);
    expect(mismatch).toBeInstanceOf(SignInError);
    expect((mismatch as SignInError).code).toBe("state_mismatch");
    expect(p.requests).toHaveLength(0);

    // The round trip is used once: the same tab must start again.
    const replay = await s.complete(new URLSearchParams({ code: "c", state: url.searchParams.get("state") ?? "" })).catch((e: unknown) => e);
    expect((replay as SignInError).code).toBe("no_pending");

    const again = new URL(await s.begin({}));
    const denied = await s
      .complete(new URLSearchParams({ error: "access_denied", error_description: "User declined", state: again.searchParams.get("state") ?? "" }))
      .catch((e: unknown) => e);
    expect((denied as SignInError).code).toBe("access_denied");
    expect(s.signedIn).toBe(false);
  });

  it("refuses an ID token with another nonce or for another client, and an account in no dashboard group", async () => {
    const attempt = async (claims: IdClaims | ((nonce: string) => IdClaims)) => {
      const { s } = session();
      const url = new URL(await s.begin({}));
      const nonce = url.searchParams.get("nonce") ?? "";
      const c = typeof claims === "function" ? claims(nonce) : { nonce, ...claims };
      provider(async () => tokens({ access_token: "a", id_token: await idToken(c), token_type: "Bearer", expires_in: 60 }));
      const e = await s.complete(new URLSearchParams({ code: "c", state: url.searchParams.get("state") ?? "" })).catch((x: unknown) => x);
      expect(s.signedIn).toBe(false);
      return (e as SignInError).code;
    };
    expect(await attempt(() => ({ nonce: "forged-nonce" }))).toBe("provider");
    expect(await attempt({ aud: "another-client" })).toBe("provider");
    expect(await attempt({ groups: ["visitors"] })).toBe("no_role");
    // A unit officer without a unit is nobody (the API reads the claims the same way).
    expect(await attempt({ unitId: "" })).toBe("no_role");
  });

  it("renews the bearer with the refresh token before it runs out, the rotated refresh token used the next time", async () => {
    // A 2-second ID token: renewed a quarter of its life (0.5 s) before its end.
    expect(renewLead(4_000)).toBe(1_000);
    expect(renewLead(3_600_000)).toBe(60_000);
    const { s, p } = await signedIn({ lifetime: 2 }, async (n) =>
      tokens({ access_token: `at-${n + 1}`, id_token: await idToken({ lifetime: n === 1 ? 2 : 3600 }), refresh_token: `rt-${n + 1}`, token_type: "Bearer", expires_in: 3600 }),
    );
    const first = s.token();
    await vi.waitFor(() => expect(p.grants("refresh_token")).toHaveLength(2), { timeout: 15_000, interval: 100 });
    expect(p.grants("refresh_token").map((r) => r.form.get("refresh_token"))).toEqual(["rt-1", "rt-2"]);
    expect(s.token()).not.toBe(first);
    expect(s.signedIn).toBe(true);
    s.dispose();
  }, 30_000);

  it("on a 401 renews once for all the requests that got it and sends each again with the new bearer", async () => {
    const { s, p } = await signedIn({}, async (n) => tokens({ access_token: `at-r${n}`, id_token: await idToken(), token_type: "Bearer", expires_in: 3600 }));
    const first = s.token();
    const seen: (string | null)[] = [];
    const api = createApiClient({
      fetch: async (_input, init) => {
        const auth = new Headers(init?.headers).get("authorization");
        seen.push(auth);
        return auth === `Bearer ${first}` ? tokens({ code: "UNAUTHORIZED", title: "Unauthorized", status: 401 }, 401) : tokens({ warnings: [], units: [] });
      },
      token: () => s.token(),
      onUnauthorized: () => s.renew(),
    });
    await Promise.all([api.warnings(), api.warnings()]);
    expect(p.grants("refresh_token")).toHaveLength(1);
    expect(seen.filter((a) => a === `Bearer ${first}`)).toHaveLength(2);
    expect(seen.filter((a) => a === `Bearer ${s.token()}`)).toHaveLength(2);
    s.dispose();
  });

  it("ends the session as expired when the provider refuses the refresh token, and the 401 stands", async () => {
    const { s } = await signedIn();
    const onExpire = vi.fn();
    s.watch(onExpire);
    const api = createApiClient({
      fetch: async () => tokens({ code: "UNAUTHORIZED", title: "Unauthorized", status: 401 }, 401),
      token: () => s.token(),
      onUnauthorized: () => s.renew(),
    });
    await expect(api.warnings()).rejects.toMatchObject({ status: 401 });
    expect(s.signedIn).toBe(false);
    expect(s.token()).toBeNull();
    expect(s.expired).toBe(true);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it("signs out: tokens gone, and the provider's logout named as Cognito or as OIDC RP-initiated logout wants it", async () => {
    const { s } = await signedIn();
    const idToken = s.token() ?? "";
    const leave = new URL(s.signOut() ?? "");
    expect(s.token()).toBeNull();
    expect(s.user).toBeNull();
    expect(leave.origin + leave.pathname).toBe(CONFIG.logoutEndpoint);
    expect(Object.fromEntries(leave.searchParams)).toEqual({ client_id: "dashboard-client", logout_uri: "https://scorecard.example/" });

    const oidc = new URL(logoutUrl({ ...CONFIG, logoutStyle: "oidc" }, "https://scorecard.example/", idToken));
    expect(Object.fromEntries(oidc.searchParams)).toEqual({ client_id: "dashboard-client", post_logout_redirect_uri: "https://scorecard.example/", id_token_hint: idToken });
  });

  it("moves the provider's answer out of the address bar into the callback view, in the language the sign-in began in", () => {
    const replaced: string[] = [];
    const win = (pathname: string, search: string) => ({ location: { pathname, search }, history: { replaceState: (_d: unknown, _u: string, url?: string | URL | null) => void replaced.push(String(url)) } });
    const storage = new MemoryStorage();
    storage.setItem(PENDING_KEY, JSON.stringify({ state: "s", nonce: "n", verifier: "v", lang: "en" }));

    const params = takeCallback(win("/auth/callback", "?code=abc&state=s"), storage);
    expect(params?.get("code")).toBe("abc");
    expect(replaced).toEqual(["/#/auth/callback?lang=en"]);
    expect(takeCallback(win("/", "?period=2024-H1"), storage)).toBeNull();
    expect(replaced).toHaveLength(1);
  });
});
