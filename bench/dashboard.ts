/**
 * The dashboard's public rankings in headless Chromium (issue 7: "time until the ranking is
 * visible", budget 1 s once the server is warm; first-page JS, budget 150 kB gzip; issue 19 item 11:
 * the first row ≤ 1 s after navigation — goal 0.5 s — and tab and period switches ≤ 300 ms once
 * the data is in the browser). Used by bench/step.ts (`dashboard` step); runs against a server
 * that is already up.
 *
 * 1. **First row**, for each page (the departments at `/`: the default period; the communes at
 *    `/?tier=COMMUNE`): `runs` loads in one tab, run 1 cold (Chromium's cache empty), the rest warm
 *    (HTTP cache as the server's headers allow). Timed from the Node side as `goto` start →
 *    Playwright sees a ranking row (the figure since issue 7), with the page's own phases beside it
 *    (Performance API, a MutationObserver): HTML, periods and ranking arrived, first row in the
 *    DOM, the frame after it (≈ painted), and the long tasks (> 50 ms) until then.
 * 2. **Switches**, timed inside the page from the click (or the select's change) to the new table
 *    in the DOM with its rows, not busy, and the frame after it: departments → communes → departments
 *    → communes → departments (the first switch fetches the communes, the next three find both tiers in the
 *    browser's HTTP cache), then the same with the period (the default → the newest complete
 *    half-year → back → again). `runs - 1` rounds, each on a fresh load of `/` with the browser's
 *    cache emptied first; the page is let idle between switches (the chart redraws after the
 *    table, and is not part of the next switch).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { launchBrowser } from "../e2e/support/browser.js";
import { REPO, round } from "./lib.js";

export interface LoadFigures {
  readonly url: string;
  readonly timeToVisibleRankingMs: { readonly cold: number; readonly warm: readonly number[]; readonly warmMedian: number };
  /** Medians over the warm runs, in ms since navigation start (Performance API, inside the page). */
  readonly warmPhasesMedianMs: Readonly<Record<string, number>>;
  /** Rows and elements on the page once the first rows are shown (warm run). */
  readonly rows: number;
  readonly domElements: number;
}

export interface SwitchFigures {
  /** What was switched, e.g. "tier DEPARTMENT → COMMUNE (fetched)". */
  readonly what: string;
  /** From the input to the new rows in the DOM, per round, ms. */
  readonly inDomMs: readonly number[];
  /** From the input to the frame after (≈ painted), per round, ms. */
  readonly paintedMs: readonly number[];
  readonly paintedMedianMs: number;
  /** Whether the ranking's JSON came from the browser's HTTP cache (no request to the server). */
  readonly fromBrowserCache: boolean;
}

export interface DashboardFigures {
  readonly url: string;
  readonly firstPageScripts: readonly { file: string; bytes: number; gzipBytes: number }[];
  readonly jsBytes: number;
  readonly jsGzipBytes: number;
  readonly runs: number;
  /** The departments at `/` (kept at the top level: the issue-7 figure). */
  readonly timeToVisibleRankingMs: LoadFigures["timeToVisibleRankingMs"];
  readonly warmPhasesMedianMs: LoadFigures["warmPhasesMedianMs"];
  readonly loads: Readonly<Record<string, LoadFigures>>;
  readonly switches: readonly SwitchFigures[];
  /** The worst median of the switches whose data was in the browser (the ≤ 300 ms target). */
  readonly cachedSwitchWorstMedianMs: number;
  /** The worst median of every switch, data fetched or not. */
  readonly switchWorstMedianMs: number;
  readonly periods: { readonly default: string; readonly other: string };
  readonly method: string;
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
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

// In-page code as strings: tsx would wrap named functions in a helper the page does not have.

/** Installed before every load: the first row's time, the frame after it, and the long tasks. */
const OBSERVE_LOAD = `(() => {
  const w = window;
  w.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: "longtask", buffered: true });
  } catch {}
  new MutationObserver((_, observer) => {
    if (!document.querySelector("[data-testid=ranking-row]")) return;
    observer.disconnect();
    const inDom = performance.now();
    requestAnimationFrame(() => setTimeout(() => (w.__rows = { inDom, frame: performance.now() }), 0));
  }).observe(document, { childList: true, subtree: true });
})()`;

const PHASES = `(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const arrived = { periodsArrived: NaN, rankingArrived: NaN };
  for (const e of performance.getEntriesByType("resource")) {
    if (e.name.includes("/v1/public/meta")) arrived.periodsArrived = e.responseEnd;
    if (e.name.includes("/v1/public/rankings")) arrived.rankingArrived = e.responseEnd;
  }
  const rows = window.__rows;
  const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
  const long = window.__longTasks.filter((t) => t.start < rows.frame);
  return {
    phases: {
      html: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, firstContentfulPaint: fcp, ...arrived,
      rowsInDom: rows.inDom, rowsNextFrame: rows.frame,
      longTasksUntilRows: long.reduce((s, t) => s + t.duration, 0), longestTaskUntilRows: long.reduce((m, t) => Math.max(m, t.duration), 0),
    },
    rows: document.querySelectorAll("[data-testid=ranking-row]").length,
    domElements: document.querySelectorAll("*").length,
  };
})()`;

/**
 * Switches the tier tab or the period select and resolves when the table shows the new ranking
 * with its rows and is no longer busy (then the next frame): { inDom, painted, fromCache } in ms
 * from the input.
 */
const SWITCH = `async ({ kind, value }) => {
  const ready = () => {
    const table = document.querySelector("[data-testid=ranking-table]");
    return table !== null && table.getAttribute(kind === "tier" ? "data-tier" : "data-period") === value && table.getAttribute("aria-busy") !== "true" && table.querySelector("[data-testid=ranking-row]") !== null;
  };
  const before = performance.getEntriesByType("resource").length;
  const t0 = performance.now();
  const done = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  if (kind === "tier") document.querySelector("[data-testid=tier-tab-" + value + "]").click();
  else {
    const select = document.querySelector("[data-testid=period-select]");
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }
  const inDom = ready() ? performance.now() : await done;
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const painted = performance.now();
  const fetched = performance.getEntriesByType("resource").slice(before).filter((e) => e.name.includes("/v1/public/rankings"));
  return { inDom: inDom - t0, painted: painted - t0, fromCache: fetched.every((e) => e.transferSize === 0) };
}`;

/** The newest complete half-year in the meta's list (the period switch goes there and back). */
export function otherPeriod(periods: readonly string[], defaultPeriod: string, now = new Date()): string {
  const ended = (p: string) => {
    const m = /^(\d{4})-H([12])$/.exec(p);
    if (!m) return false;
    const end = m[2] === "1" ? Date.UTC(Number(m[1]), 6, 1) : Date.UTC(Number(m[1]) + 1, 0, 1);
    return end - 7 * 3_600_000 <= now.getTime();
  };
  return periods.find((p) => ended(p) && p !== defaultPeriod) ?? (periods.find((p) => p !== defaultPeriod) as string);
}

async function measureLoads(page: Page, url: string, runs: number): Promise<LoadFigures> {
  const visible: number[] = [];
  const phases: Record<string, number>[] = [];
  let rows = 0;
  let domElements = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForSelector('[data-testid="ranking-row"]', { state: "visible", timeout: 60_000 });
    visible.push(round(performance.now() - t));
    await page.waitForFunction("window.__rows !== undefined", undefined, { timeout: 10_000 });
    const r = (await page.evaluate(PHASES)) as { phases: Record<string, number>; rows: number; domElements: number };
    phases.push(r.phases);
    rows = r.rows;
    domElements = r.domElements;
  }
  const warm = visible.slice(1);
  const keys = Object.keys(phases[0] ?? {});
  return {
    url,
    timeToVisibleRankingMs: { cold: visible[0] as number, warm, warmMedian: round(median(warm)) },
    warmPhasesMedianMs: Object.fromEntries(keys.map((k) => [k, round(median(phases.slice(1).map((p) => p[k] as number)))])),
    rows,
    domElements,
  };
}

export async function measureDashboard(base: string, options: { runs?: number; dist?: string } = {}): Promise<DashboardFigures> {
  const runs = Math.max(11, options.runs ?? 11);
  const js = firstPageScripts(options.dist);
  const meta = (await (await fetch(`${base}/v1/public/meta`)).json()) as { periods: string[] };
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.addInitScript(OBSERVE_LOAD);
    const departments = await measureLoads(page, `${base}/`, runs);
    const communes = await measureLoads(page, `${base}/?tier=COMMUNE`, runs);

    // Switches: each round on a fresh warm load of the departments at the default period.
    const defaultPeriod = await page.evaluate(`document.querySelector("[data-testid=ranking-table]")?.getAttribute("data-period") ?? ""`) as string;
    const other = otherPeriod(meta.periods, defaultPeriod);
    const sequence = [
      { what: "tier DEPARTMENT → COMMUNE (fetched)", kind: "tier", value: "COMMUNE" },
      { what: "tier COMMUNE → DEPARTMENT (in the browser)", kind: "tier", value: "DEPARTMENT" },
      { what: "tier DEPARTMENT → COMMUNE (in the browser)", kind: "tier", value: "COMMUNE" },
      { what: "tier COMMUNE → DEPARTMENT (in the browser)", kind: "tier", value: "DEPARTMENT" },
      { what: `period ${defaultPeriod} → ${other} (fetched)`, kind: "period", value: other },
      { what: `period ${other} → ${defaultPeriod} (in the browser)`, kind: "period", value: defaultPeriod },
      { what: `period ${defaultPeriod} → ${other} (in the browser)`, kind: "period", value: other },
    ] as const;
    const samples = sequence.map(() => ({ inDom: [] as number[], painted: [] as number[], fromCache: true }));
    for (let i = 0; i < runs - 1; i++) {
      // A fresh load each round (the app's state starts over) on an empty HTTP cache: the load
      // fetches the departments of the default period, the first switch to the communes and the
      // first to the other period ask the server, the others find the JSON in the browser's cache.
      await clearBrowserCache(page);
      await page.goto(`${base}/`, { waitUntil: "commit" });
      await page.waitForSelector('[data-testid="ranking-row"]', { state: "visible", timeout: 60_000 });
      await idle(page); // the chart's work after the first paint is not the switch
      for (const [j, s] of sequence.entries()) {
        const r = (await page.evaluate(`(${SWITCH})(${JSON.stringify({ kind: s.kind, value: s.value })})`)) as { inDom: number; painted: number; fromCache: boolean };
        const sample = samples[j] as (typeof samples)[number];
        sample.inDom.push(round(r.inDom));
        sample.painted.push(round(r.painted));
        sample.fromCache &&= r.fromCache;
        await idle(page); // the chart redraws after the table is painted: not part of the next switch either
      }
    }
    const switches: SwitchFigures[] = sequence.map((s, j) => {
      const sample = samples[j] as (typeof samples)[number];
      return { what: s.what, inDomMs: sample.inDom, paintedMs: sample.painted, paintedMedianMs: round(median(sample.painted)), fromBrowserCache: sample.fromCache };
    });
    return {
      url: `${base}/`,
      firstPageScripts: js,
      jsBytes: js.reduce((s, x) => s + x.bytes, 0),
      jsGzipBytes: js.reduce((s, x) => s + x.gzipBytes, 0),
      runs,
      timeToVisibleRankingMs: departments.timeToVisibleRankingMs,
      warmPhasesMedianMs: departments.warmPhasesMedianMs,
      loads: { departments, communes },
      switches,
      cachedSwitchWorstMedianMs: Math.max(...switches.filter((s) => !s.what.includes("fetched")).map((s) => s.paintedMedianMs)),
      switchWorstMedianMs: Math.max(...switches.map((s) => s.paintedMedianMs)),
      periods: { default: defaultPeriod, other },
      method:
        "headless Chromium (Debian, playwright-core), 1280×900, one tab. Loads: page.goto(commit) → waitForSelector(ranking row, visible), timed in Node; run 1 cold, the rest warm; phases from the page's Performance API. Switches: inside the page, from the click / change event to the table showing the new tier or period with rows and aria-busy false, then one frame; each round starts on an emptied browser cache, so the first switch to the communes and the first to the other period ask the server ('fetched'), the others find the JSON in the HTTP cache (max-age=60; fromBrowserCache says whether every round did); the page is let idle (requestIdleCallback twice) before each switch",
    };
  } finally {
    await browser.close();
  }
}

/** Drops the browser's HTTP cache (scripts included: the round's first load fetches everything again). */
async function clearBrowserCache(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("Network.clearBrowserCache");
  } finally {
    await cdp.detach();
  }
}

/** Resolves when the page has been idle twice in a row (at most 2 s each), then 50 ms. */
async function idle(page: Page): Promise<void> {
  await page.evaluate(`new Promise((r) => requestIdleCallback(() => requestIdleCallback(r, { timeout: 2000 }), { timeout: 2000 }))`);
  await page.waitForTimeout(50);
}
