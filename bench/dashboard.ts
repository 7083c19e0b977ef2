/**
 * The dashboard's first page in headless Chromium (issue 7: "time until the ranking is visible",
 * budget 1 s once the server is warm; first-page JS, budget 150 kB gzip). Used by bench/step.ts
 * (`dashboard` step); runs against a server that is already up.
 *
 * Each run opens `/` (the public rankings: newest period, departments) in the same tab and waits
 * until a ranking row is visible, measured from the Node side as `goto` start → Playwright sees the
 * row (as before), plus the page's own phases from the Performance API and a MutationObserver:
 * when the HTML, the list of periods and the ranking had arrived, when the first row entered the
 * DOM, and the frame after that (≈ painted). Run 1 is cold (Chromium's cache empty); the figure
 * is the median of the warm runs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "../e2e/support/browser.js";
import { REPO, round } from "./lib.js";

export interface DashboardFigures {
  readonly url: string;
  readonly firstPageScripts: readonly { file: string; bytes: number; gzipBytes: number }[];
  readonly jsBytes: number;
  readonly jsGzipBytes: number;
  readonly runs: number;
  readonly timeToVisibleRankingMs: { readonly cold: number; readonly warm: readonly number[]; readonly warmMedian: number };
  /** Medians over the warm runs, in ms since navigation start (Performance API, inside the page). */
  readonly warmPhasesMedianMs: Readonly<Record<string, number>>;
  readonly method: string;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** The first page's JS: index.html's module script and its modulepreloads, gzip -6. */
export function firstPageScripts(dist = join(REPO, "dashboard", "dist")) {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const scripts = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
  return scripts.map((s) => {
    const b = readFileSync(join(dist, s));
    return { file: s, bytes: b.length, gzipBytes: gzipSync(b, { level: 6 }).length };
  });
}

export async function measureDashboard(base: string, options: { runs?: number } = {}): Promise<DashboardFigures> {
  const runs = Math.max(6, options.runs ?? 8);
  const js = firstPageScripts();
  const browser = await launchBrowser();
  const visible: number[] = [];
  const phases: Record<string, number>[] = [];
  try {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __rows?: { inDom: number; frame: number } };
      new MutationObserver((_, observer) => {
        if (!document.querySelector("[data-testid=ranking-row]")) return;
        observer.disconnect();
        const inDom = performance.now();
        requestAnimationFrame(() => setTimeout(() => (w.__rows = { inDom, frame: performance.now() }), 0));
      }).observe(document, { childList: true, subtree: true });
    });
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await page.goto(`${base}/`, { waitUntil: "commit" });
      await page.waitForSelector('[data-testid="ranking-row"]', { state: "visible", timeout: 60_000 });
      visible.push(round(performance.now() - t));
      await page.waitForFunction(() => (window as unknown as { __rows?: unknown }).__rows !== undefined, undefined, { timeout: 10_000 });
      phases.push(
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        await page.evaluate(() => {
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
          const arrived: Record<string, number> = { periodsArrived: Number.NaN, rankingArrived: Number.NaN };
          for (const e of performance.getEntriesByType("resource") as PerformanceResourceTiming[]) {
            if (e.name.includes("/v1/public/meta")) arrived["periodsArrived"] = e.responseEnd;
            if (e.name.includes("/v1/public/rankings")) arrived["rankingArrived"] = e.responseEnd;
          }
          const rows = (window as unknown as { __rows: { inDom: number; frame: number } }).__rows;
          const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN;
          return { html: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, firstContentfulPaint: fcp, ...arrived, rowsInDom: rows.inDom, rowsNextFrame: rows.frame };
        }),
      );
    }
  } finally {
    await browser.close();
  }
  const warm = visible.slice(1);
  const keys = Object.keys(phases[0] ?? {});
  return {
    url: `${base}/`,
    firstPageScripts: js,
    jsBytes: js.reduce((s, x) => s + x.bytes, 0),
    jsGzipBytes: js.reduce((s, x) => s + x.gzipBytes, 0),
    runs,
    timeToVisibleRankingMs: { cold: visible[0] as number, warm, warmMedian: round(median(warm)) },
    warmPhasesMedianMs: Object.fromEntries(keys.map((k) => [k, round(median(phases.slice(1).map((p) => p[k] as number)))])),
    method:
      "headless Chromium (Debian, playwright-core), 1280×900, one tab; each run: page.goto('/', commit) → waitForSelector(ranking row, visible), timed in Node; run 1 cold, the rest warm (HTTP cache as the server's headers allow); phases from the page's Performance API",
  };
}
