/**
 * Issue 10, item 4: XSS strings rendered inert in the real browser (Debian Chromium through
 * playwright-core). Unit names in a ranking snapshot carry script payloads — as a hostile catalog
 * import or a compromised scoring job would write them — and the public ranking page must show them
 * as literal text: no dialog, no injected element, no request to an attacker's host. The page runs
 * under the CSP the server sends (PAGE_SECURITY_HEADERS), which would also block inline script.
 */
import type { Server } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RankedUnit, RankingSnapshot } from "@scorecard/shared";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalServer, listen } from "../functions/src/local/server.js";
import { tempRuntime } from "../functions/test/support/temp-runtime.js";
import { dashboardDist, launchBrowser } from "./support/browser.js";

const root = fileURLToPath(new URL("..", import.meta.url));

const PAYLOADS = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(2)</script>",
  '"><svg onload=alert(3)>',
  "<iframe src=javascript:alert(4)>",
  "{@html '<b>5</b>'} {{constructor.constructor('alert(6)')()}}",
  "<a href=javascript:alert(7)>Sở 7</a>",
  "Sở Tư pháp <style>body{display:none}</style>",
];

describe("Browser: XSS payloads in displayed strings are inert (Chromium)", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let server: Server;
  let base: string;
  let browser: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    env = await tempRuntime();
    const unit = (i: number, name: string): RankedUnit => ({
      unitId: `DEPT-X${i}-2020`,
      nameVi: name,
      nameEn: name,
      tier: "DEPARTMENT",
      rank: i + 1,
      total: 20 - i,
      complete: false,
      band: null,
      indicators: { P1: { numerator: 10 - i, denominator: 10, ratio: (10 - i) / 10, points: 20 - i, max: 20, status: "ok" } },
      counts: { EARLY: 1, ON_TIME: 9 - i, LATE: i, OVERDUE: 0, IN_PROGRESS: 0 },
    });
    const snapshot: RankingSnapshot = {
      period: "2024-H1",
      tier: "DEPARTMENT",
      methodology: env.rt.read.methodology,
      computedAt: "2024-07-01T00:00:00.000Z",
      dataAsOf: "2024-06-30T17:00:00.000Z",
      status: "draft",
      version: null,
      engine: "sql",
      units: PAYLOADS.map((p, i) => unit(i, p)),
    };
    await env.rt.read.snapshots.putDraft(snapshot);
    server = createLocalServer(env.rt, { dashboardDir: dashboardDist });
    base = `http://127.0.0.1:${await listen(server, 0)}`;
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("request", (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith("data:")) foreignRequests.push(r.url());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
    await env?.dispose();
  });

  it("shows every payload as literal text, fires no dialog and injects no element", async () => {
    await page.goto(`${base}/?period=2024-H1&tier=DEPARTMENT`);
    await page.waitForFunction(() => document.body.dataset["state"] === "ready", undefined, { timeout: 20_000 });
    await page.waitForTimeout(500); // give any onerror / onload a chance to fire
    const rows = await page.$$eval("[data-testid=ranking-row]", (trs) => trs.map((tr) => tr.textContent ?? ""));
    expect(rows.length).toBe(PAYLOADS.length);
    for (const p of PAYLOADS) expect(rows.some((t) => t.includes(p)), p).toBe(true);
    expect(dialogs).toEqual([]);
    const injected = await page.evaluate(() => ({
      img: document.querySelectorAll("img[src=x]").length,
      svg: document.querySelectorAll("svg[onload]").length,
      iframe: document.querySelectorAll("iframe").length,
      script: [...document.querySelectorAll("script")].filter((s) => !s.src).length,
      javascriptLinks: [...document.querySelectorAll("a")].filter((a) => a.href.startsWith("javascript:")).length,
      hidden: getComputedStyle(document.body).display === "none",
    }));
    expect(injected).toEqual({ img: 0, svg: 0, iframe: 0, script: 0, javascriptLinks: 0, hidden: false });
    expect(foreignRequests).toEqual([]);
  });

  it("in English too (nameEn), and the page is served under the CSP", async () => {
    const res = await page.goto(`${base}/?period=2024-H1&tier=DEPARTMENT&lang=en`);
    expect(res?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.waitForFunction(() => document.body.dataset["state"] === "ready", undefined, { timeout: 20_000 });
    await page.waitForTimeout(300);
    const text = await page.locator("body").innerText();
    expect(text).toContain("<img src=x onerror=alert(1)>");
    expect(dialogs).toEqual([]);
  });
});
