/**
 * A dossier's timeline in Chromium (issue 20, item 2): the hand-computed dossier of
 * functions/test/case-timeline.test.ts (transferred once, paused once, consulted once late) posted
 * through the events API of a local runtime on a fixed clock, opened by the receiving unit's
 * officer at 1440 × 900 and 390 × 844, in Vietnamese and English: its numbers, no horizontal
 * scrolling, no serious axe violation. Screenshots: .tmp/screenshots/case-timeline-<size>-<lang>.png.
 */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalServer, listen } from "../functions/src/local/server.js";
import { CaseBuilder } from "../functions/test/support/events.js";
import { tempRuntime } from "../functions/test/support/temp-runtime.js";
import { seriousViolations } from "./support/axe.js";
import { dashboardDist, launchBrowser } from "./support/browser.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const shots = join(root, ".tmp", "screenshots");
const TOKEN = "e2e-timeline-token";
const LEAD = "DEPT-STP-2020";

describe("Browser: a dossier's timeline (Chromium, desktop and phone, vi and en)", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let server: Server;
  let base: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    env = await tempRuntime({ clock: { now: () => new Date("2024-04-01T03:00:00.000Z") }, sourceToken: TOKEN });
    server = createLocalServer(env.rt, { dashboardDir: dashboardDist });
    base = `http://127.0.0.1:${await listen(server, 0)}`;
    const events = new CaseBuilder("TL-1", LEAD)
      .received("2024-03-04T09:00:00", "2024-03-15T17:00:00", { applicant: { idNumber: "079123456789", name: "Nguyễn Văn A" } })
      .transferred("2024-03-05T09:00:00", "DEPT-SXD-2020", "2024-03-25T17:00:00")
      .consultRequested("2024-03-06T09:00:00", "VERT-THUE-2020", "2024-03-08T17:00:00", "DEPT-SXD-2020")
      .by("DEPT-SXD-2020", "SUPPLEMENT_REQUESTED", "2024-03-07T09:00:00")
      .by("DEPT-SXD-2020", "SUPPLEMENT_RECEIVED", "2024-03-11T09:00:00")
      .consultAnswered("2024-03-13T10:00:00", "VERT-THUE-2020")
      .by("DEPT-SXD-2020", "RESOLVED", "2024-03-27T10:00:00")
      .build();
    const res = await fetch(`${base}/v1/events`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: JSON.stringify({ events }) });
    expect(res.status).toBe(200);
    browser = await launchBrowser();
    mkdirSync(shots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
    await env?.dispose();
  });

  const SIZES = [[1440, 900, "desktop"], [390, 844, "phone"]] as const;
  for (const [width, height, size] of SIZES) {
    for (const lang of ["vi", "en"] as const) {
      it(`${size} ${width}×${height}, ${lang}: the numbers computed by hand, no sideways scrolling, accessible`, async () => {
        const session = await (await fetch(`${base}/v1/local/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId: "officer-stp" }) })).json();
        const page = await browser.newPage();
        try {
          await page.setViewportSize({ width, height });
          await page.addInitScript((v) => sessionStorage.setItem("scorecard.session", v), JSON.stringify(session));
          await page.goto(`${base}/#/cases/TL-1?unitId=${LEAD}${lang === "en" ? "&lang=en" : ""}`);
          await page.waitForSelector("[data-testid=timeline-summary]", { timeout: 30_000 });
          await page.waitForFunction(() => document.body.dataset["state"] === "ready", undefined, { timeout: 30_000 });

          const holds = await page.$$eval("[data-testid=timeline-hold]", (els) => els.map((e) => [e.getAttribute("data-unit-id"), e.getAttribute("data-working-days")]));
          expect(holds).toEqual([[LEAD, "1"], ["DEPT-SXD-2020", "16"]]);
          const charges = await page.$$eval("[data-testid=timeline-charge]", (els) => els.map((e) => [e.getAttribute("data-unit-id"), e.getAttribute("data-days")]));
          expect(charges).toEqual([["DEPT-SXD-2020", "2"], ["VERT-THUE-2020", "3"], [LEAD, "1"]]);
          expect(await page.locator("[data-testid=timeline-overrun]").textContent()).toBe(lang === "vi" ? "6 ngày làm việc" : "6 working days");
          const text = (await page.textContent("main")) ?? "";
          for (const needle of ["079123456789", "Nguyễn Văn A"]) expect(text).not.toContain(needle);

          const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
          expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
          expect(await seriousViolations(page)).toEqual([]);
          await page.screenshot({ path: join(shots, `case-timeline-${size}-${lang}.png`) });
        } finally {
          await page.close();
        }
      });
    }
  }
});
