import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedRuntime } from "../functions/src/local/seed.js";
import { createLocalServer, listen } from "../functions/src/local/server.js";
import { tempRuntime } from "../functions/test/support/temp-runtime.js";
import { launchBrowser } from "./support/browser.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const shots = join(root, ".tmp", "screenshots");

interface Row {
  unitId: string;
  rank: number | null;
}

describe("Browser: the public ranking page on the local runtime (Chromium)", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let server: Server;
  let base: string;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    env = await tempRuntime();
    await seedRuntime(env.rt, { preset: "demo", seed: 2024 });
    server = createLocalServer(env.rt, { dashboardDir: join(root, "dashboard", "dist") });
    base = `http://127.0.0.1:${await listen(server, 0)}`;
    browser = await launchBrowser();
    page = await browser.newPage();
    mkdirSync(shots, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
    await env?.dispose();
  });

  const ready = () => page.waitForFunction(() => document.body.dataset["state"] === "ready", undefined, { timeout: 15_000 });
  const rows = () =>
    page.$$eval("[data-testid=ranking-row]", (trs) => trs.map((tr) => ({ unitId: tr.getAttribute("data-unit-id") ?? "", text: tr.textContent ?? "" })));
  const api = async (period: string) =>
    ((await (await fetch(`${base}/v1/public/rankings?period=${period}&tier=DEPARTMENT`)).json()) as { units: Row[] }).units;

  it("shows the departments of 2024-H1 in the order the API ranked them, in Vietnamese", async () => {
    await page.goto(`${base}/?period=2024-H1&tier=DEPARTMENT`);
    await ready();
    const shown = await rows();
    const expected = await api("2024-H1");
    expect(shown.map((r) => r.unitId)).toEqual(expected.map((u) => u.unitId));
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    expect(await page.locator("[data-testid=as-of]").textContent()).toBeTruthy();
    await page.screenshot({ path: join(shots, "ranking-2024-H1.png"), fullPage: true });
  });

  it("changes the ranking when another period is selected, and the URL reproduces the view", async () => {
    const before = (await rows()).map((r) => r.text);
    await page.selectOption("[data-testid=period-select]", "2025-H2");
    await ready();
    const after = await rows();
    expect(after.map((r) => r.text)).not.toEqual(before);
    expect(after.map((r) => r.unitId)).toEqual((await api("2025-H2")).map((u) => u.unitId));
    expect(new URL(page.url()).searchParams.get("period")).toBe("2025-H2");
    await page.screenshot({ path: join(shots, "ranking-2025-H2.png"), fullPage: true });
  });
});
