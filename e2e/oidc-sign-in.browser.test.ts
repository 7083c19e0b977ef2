/**
 * Staff sign-in on AWS, rehearsed here (issue 22, item 1): Chromium against the local runtime told
 * to sign in through a local OpenID provider standing in for Cognito (e2e/support/oidc-provider.ts)
 * — the dashboard code path a deployed stage takes, with /config.json naming the provider. A unit
 * officer signs in through the provider's form (authorization code + PKCE S256), sees their unit's
 * pages and no other unit's (the API refuses the provider's token there), keeps working while the
 * short-lived ID token is renewed with the refresh token, and signs out: tokens gone, the
 * provider's session and refresh token ended, back on the public page. Then the sign-in and
 * callback pages (spinner, access_denied, a forged state) at desktop and phone sizes in both
 * languages, screenshots in .tmp/screenshots/sign-in.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriod } from "@scorecard/shared";
import { compactLake } from "../functions/src/adapters/local/duckdb-compactor.js";
import { LocalRuntime } from "../functions/src/local/runtime.js";
import { scorePeriod } from "../functions/src/use-cases/score/score-period.js";
import { createLocalServer, listen } from "../functions/src/local/server.js";
import { CaseBuilder } from "../functions/test/support/events.js";
import { seriousViolations } from "./support/axe.js";
import { dashboardDist, launchBrowser } from "./support/browser.js";
import { type TestProvider, startTestProvider } from "./support/oidc-provider.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const shots = join(root, ".tmp", "screenshots", "sign-in");
const SOURCE_TOKEN = "e2e-oidc-source-token";
const OWN = "DEPT-STP-2020";
const OTHER = "DIST-731";
/** The ID token's life: renewed a quarter of it (3 s) before it runs out. */
const TOKEN_TTL = 12;
const WAIT = { timeout: 60_000 };

describe("Browser: staff sign in through an OpenID provider standing in for Cognito (Chromium)", () => {
  let dataDir: string;
  let rt: LocalRuntime;
  let server: Server;
  let base: string;
  let idp: TestProvider;
  let browser: BrowserContext;

  beforeAll(async () => {
    // The site's address is registered with the provider (callback, return after sign-out) before either starts.
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startTestProvider({
      siteOrigin: base,
      tokenTtl: TOKEN_TTL,
      accounts: {
        "officer-stp": { name: "Cán bộ Sở Tư pháp (thử)", groups: ["unit-officer"], unitId: OWN },
        "no-role": { name: "Khách (thử)", groups: [] },
      },
    });
    dataDir = mkdtempSync(join(tmpdir(), "scorecard-oidc-e2e-"));
    rt = await LocalRuntime.start({ dataDir, persist: false, sourceToken: SOURCE_TOKEN, clock: { now: () => new Date("2024-04-01T03:00:00.000Z") }, oidc: { auth: idp.auth } });
    server = createLocalServer(rt, { dashboardDir: dashboardDist });
    await listen(server, port);
    // One dossier of the officer's unit, one of another unit only.
    const own = new CaseBuilder("OIDC-1", OWN).received("2024-03-04T09:00:00", "2024-03-15T17:00:00").resolved("2024-03-12T10:00:00").build();
    const other = new CaseBuilder("OIDC-2", OTHER).received("2024-03-05T09:00:00", "2024-03-20T17:00:00").build();
    const posted = await fetch(`${base}/v1/events`, { method: "POST", headers: { authorization: `Bearer ${SOURCE_TOKEN}`, "content-type": "application/json" }, body: JSON.stringify({ events: [...own, ...other] }) });
    expect(posted.status).toBe(200);
    // March 2024 scored: the officer's scorecard has numbers to show.
    await compactLake(rt.engine, rt.lake.root);
    await scorePeriod(rt.score)(parsePeriod("2024-03"));
    browser = await launchBrowser();
    mkdirSync(shots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (server) {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    }
    await rt?.stop();
    await idp?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const onProvider = (page: Page) => page.waitForURL((u) => u.origin === idp.issuer, WAIT);
  /** The provider's sign-in form, when it asks (it does not while its session lasts). */
  const providerSignIn = async (page: Page, login: string) => {
    await onProvider(page);
    await page.fill("input[name=login]", login, WAIT);
    await page.fill("input[name=password]", "any-password");
    await page.click("button[type=submit]");
  };
  const stored = (page: Page) => page.evaluate(() => JSON.stringify({ session: { ...sessionStorage }, local: { ...localStorage } }));

  it("a unit officer signs in (code + PKCE), sees only their unit, keeps working across a token renewal, and signs out everywhere", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    const grants: { type: string | null; verifier: string | null; refreshToken: string | null }[] = [];
    const tokenAnswers: Record<string, unknown>[] = [];
    const bearers: string[] = [];
    let authorizeUrl: URL | null = null;
    page.on("request", (r: Request) => {
      const url = new URL(r.url());
      if (r.url() === idp.auth.tokenEndpoint && r.method() === "POST") {
        const form = new URLSearchParams(r.postData() ?? "");
        grants.push({ type: form.get("grant_type"), verifier: form.get("code_verifier"), refreshToken: form.get("refresh_token") });
      }
      if (url.origin + url.pathname === idp.auth.authorizationEndpoint) authorizeUrl = url;
      // (`headers()` leaves out security headers such as Authorization; `headerValue` has them.)
      if (url.origin === base && url.pathname.startsWith("/v1/"))
        void r.headerValue("authorization").then((auth) => {
          if (auth) bearers.push(auth.replace(/^Bearer /, ""));
        });
    });
    page.on("response", (r) => {
      if (r.url() === idp.auth.tokenEndpoint && r.ok()) void r.json().then((b: Record<string, unknown>) => tokenAnswers.push(b), () => undefined);
    });
    try {
      await page.goto(`${base}/`);
      await page.click("[data-testid=nav-login]", WAIT);
      await page.waitForSelector("[data-testid=sign-in-page][data-kind=oidc]", WAIT);
      await page.click("[data-testid=oidc-sign-in]");
      await providerSignIn(page, "officer-stp");

      // Back at the site: their unit's page, the callback's code gone from the address and the history entry.
      await page.waitForSelector(`[data-testid=scorecard-page][data-unit-id=${OWN}][data-period='2024-03'] [data-testid=groups-table]`, WAIT);
      expect(await page.getAttribute("[data-testid=signed-in-user]", "data-role")).toBe("unit-officer");
      expect(new URL(page.url()).pathname).toBe("/");
      expect(page.url()).not.toMatch(/code=|state=/);
      const asked = authorizeUrl as URL | null;
      expect(asked?.searchParams.get("code_challenge_method")).toBe("S256");
      expect(asked?.searchParams.get("state")).toBeTruthy();
      expect(asked?.searchParams.get("nonce")).toBeTruthy();
      expect(grants[0]).toMatchObject({ type: "authorization_code" });
      expect(grants[0]?.verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);

      // The bearer is the provider's ID token; it is nowhere in the page's storage.
      await expect.poll(() => tokenAnswers.length, WAIT).toBeGreaterThan(0);
      const first = tokenAnswers[0] as { id_token: string; refresh_token: string };
      await expect.poll(() => bearers.includes(first.id_token), WAIT).toBe(true);
      const kept = await stored(page);
      expect(kept).not.toContain(first.id_token.slice(-24));
      expect(kept).not.toContain(first.refresh_token);

      // Their dossier's timeline (an in-app move: the tokens live in this page's memory).
      await page.evaluate(() => (window.location.hash = "#/cases/OIDC-1?unitId=DEPT-STP-2020"));
      await page.waitForSelector("[data-testid=timeline-summary]", WAIT);
      // Another unit's page: the dashboard refuses it, and so does the API with the provider's token.
      await page.evaluate(() => (window.location.hash = "#/units/DIST-731"));
      await page.waitForSelector("[data-testid=forbidden]", WAIT);
      const bearer = bearers.at(-1) ?? "";
      const api = (path: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${bearer}` } }).then((r) => r.status);
      expect(await api(`/v1/units/${OWN}/warnings`)).toBe(200);
      expect(await api("/v1/cases/OIDC-1")).toBe(200);
      expect(await api(`/v1/units/${OTHER}/warnings`)).toBe(403);
      expect(await api("/v1/cases/OIDC-2")).toBe(403);

      // The ID token lives 12 s: renewed with the refresh token before it runs out, and the pages keep working on the new one.
      await expect.poll(() => grants.filter((g) => g.type === "refresh_token").length, { timeout: 90_000, interval: 500 }).toBeGreaterThan(0);
      expect(grants.find((g) => g.type === "refresh_token")?.refreshToken).toBe(first.refresh_token);
      await expect.poll(() => tokenAnswers.length, WAIT).toBeGreaterThan(1);
      const renewed = tokenAnswers.at(-1) as { id_token: string };
      expect(renewed.id_token).not.toBe(first.id_token);
      await page.evaluate(() => (window.location.hash = "#/cases/OIDC-1?unitId=DEPT-STP-2020&lang=en"));
      await page.waitForSelector("[data-testid=timeline-summary]", WAIT);
      await expect.poll(() => bearers.filter((b) => b !== first.id_token).length, WAIT).toBeGreaterThan(0);
      expect(await page.getAttribute("[data-testid=signed-in-user]", "data-role")).toBe("unit-officer");

      // Sign-out: through the provider's logout (its confirmation form), back to the public page, signed out.
      const lastRefresh = [...tokenAnswers].reverse().map((a) => a["refresh_token"]).find((t): t is string => typeof t === "string") ?? "";
      await page.click("[data-testid=logout]");
      await onProvider(page);
      await page.click("button[name=logout][value=yes]", WAIT);
      await page.waitForURL((u) => u.origin === base && u.pathname === "/", WAIT);
      await page.waitForSelector("[data-testid=nav-login]", WAIT);
      expect(await page.locator("[data-testid=signed-in-user]").count()).toBe(0);
      expect(await stored(page)).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
      // The provider's session is over: its refresh token is refused, and signing in asks for the password again.
      const refused = await fetch(idp.auth.tokenEndpoint, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: lastRefresh, client_id: idp.auth.clientId }),
      });
      expect(lastRefresh).not.toBe("");
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toBe("invalid_grant");
      await page.click("[data-testid=nav-login]");
      await page.click("[data-testid=oidc-sign-in]", WAIT);
      await onProvider(page);
      await page.waitForSelector("input[name=login]", WAIT);
    } finally {
      await page.close();
    }
  });

  const SIZES = [[1440, 900, "desktop"], [390, 844, "phone"]] as const;
  const WORDS = {
    vi: { signIn: "Đăng nhập bằng tài khoản của tỉnh", denied: "Yêu cầu đăng nhập bị từ chối", mismatch: "không khớp", tryAgain: "Thử đăng nhập lại", spinner: "Đang đăng nhập…" },
    en: { signIn: "Sign in with your province account", denied: "The sign-in was refused", mismatch: "does not match", tryAgain: "Try signing in again", spinner: "Signing you in…" },
  } as const;
  for (const [width, height, size] of SIZES) {
    for (const lang of ["vi", "en"] as const) {
      it(`${size} ${width}×${height}, ${lang}: the sign-in page, the spinner while signing in, the error pages (access_denied, a forged state) with a way back`, async () => {
        const page = await browser.newPage();
        const w = WORDS[lang];
        const shot = (name: string) => page.screenshot({ path: join(shots, `${name}-${size}-${lang}.png`) });
        const noSidewaysScroll = async () => {
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
          expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
        };
        try {
          // No provider session left by an earlier case: the provider shows its form (and its Cancel link).
          await browser.clearCookies();
          await page.setViewportSize({ width, height });
          await page.goto(`${base}/#/login${lang === "en" ? "?lang=en" : ""}`);
          await page.waitForSelector("[data-testid=oidc-sign-in]", WAIT);
          expect((await page.textContent("[data-testid=oidc-sign-in]"))?.trim()).toBe(w.signIn);
          await noSidewaysScroll();
          expect(await seriousViolations(page)).toEqual([]);
          await shot("sign-in");

          // Cancelled at the provider: it answers error=access_denied.
          await page.click("[data-testid=oidc-sign-in]");
          await onProvider(page);
          await page.click("a[href*='/abort']", WAIT);
          await page.waitForSelector("[data-testid=callback-page][data-error-code=access_denied]", WAIT);
          expect(await page.textContent("[data-testid=callback-error]")).toContain(w.denied);
          expect(await page.locator("html").getAttribute("lang")).toBe(lang);
          await noSidewaysScroll();
          expect(await seriousViolations(page)).toEqual([]);
          await shot("callback-access-denied");

          // An answer whose state is not this tab's sign-in (forged, or from another tab): refused before any token request.
          await page.click("[data-testid=callback-try-again]");
          await page.click("[data-testid=oidc-sign-in]", WAIT);
          await onProvider(page);
          await page.goto(`${base}/auth/callback?code=forged-code&state=forged-state`);
          await page.waitForSelector("[data-testid=callback-page][data-error-code=state_mismatch]", WAIT);
          expect(await page.textContent("[data-testid=callback-error]")).toContain(w.mismatch);
          await shot("callback-state-mismatch");
          await page.click("[data-testid=callback-try-again]");
          await page.waitForSelector("[data-testid=oidc-sign-in]", WAIT);

          // The spinner while the code is exchanged (the token endpoint held back until the screenshot is taken).
          let release = () => {};
          const held = new Promise<void>((ok) => (release = ok));
          await page.route(idp.auth.tokenEndpoint, async (route) => {
            await held;
            await route.continue();
          });
          await page.click("[data-testid=oidc-sign-in]");
          await providerSignIn(page, "officer-stp");
          await page.waitForSelector("[data-testid=signing-in]", WAIT);
          expect((await page.textContent("[data-testid=signing-in]"))?.trim()).toBe(w.spinner);
          await noSidewaysScroll();
          await shot("callback-signing-in");
          release();
          await page.waitForSelector(`[data-testid=scorecard-page][data-unit-id=${OWN}]`, WAIT);
          await page.unroute(idp.auth.tokenEndpoint);
        } finally {
          await page.close();
        }
      });
    }
  }

  it("an account in no dashboard group is told so, and is not signed in", async () => {
    const page = await browser.newPage();
    try {
      // A fresh provider session for this account (the provider's cookie names one account at a time).
      await browser.clearCookies();
      await page.goto(`${base}/#/login`);
      await page.click("[data-testid=oidc-sign-in]", WAIT);
      await providerSignIn(page, "no-role");
      await page.waitForSelector("[data-testid=callback-page][data-error-code=no_role]", WAIT);
      expect(await page.locator("[data-testid=signed-in-user]").count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, "127.0.0.1", () => ok()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((ok) => probe.close(() => ok()));
  return port;
}
