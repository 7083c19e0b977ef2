import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium } from "playwright-core";

/**
 * The built dashboard the browser tests open: `dashboard/dist` (npm test builds it first), or
 * SCORECARD_DASHBOARD_DIST when several people build and test side by side on one machine.
 */
export const dashboardDist: string = process.env["SCORECARD_DASHBOARD_DIST"] ?? fileURLToPath(new URL("../../dashboard/dist", import.meta.url));

/** Debian's Chromium driven by playwright-core (never a downloaded browser build). */
export function chromiumPath(): string {
  const candidates = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error("Chromium not found: apt-get install chromium (npm test does it when run as root)");
  return found;
}

export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "scorecard-chromium-")), {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}
