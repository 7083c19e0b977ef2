/**
 * Lighthouse on the public pages (issue 19, item 11): the npm `lighthouse` package (pinned in the
 * root package.json) driving Debian's Chromium, offline, against a server that is already up.
 * Used by bench/step.ts (`lighthouse` step).
 *
 * Each run launches a fresh headless Chromium (flags as e2e/support/browser.ts: no sandbox, no
 * background networking, no component update …) with a DevTools port, runs Lighthouse's default
 * navigation (cold: Lighthouse clears the origin's cache and storage) with the mobile preset
 * (Lighthouse's default config: Moto G Power emulation, simulated slow 4G, 4× CPU slowdown) or the
 * desktop preset (`desktopConfig`), and keeps the categories' scores and the metrics. A page ×
 * preset is run `runs` times; the figure is the run with the median performance score (as
 * Lighthouse's own docs advise for variance), every run's figures kept beside it.
 *
 * Lighthouse's simulated throttling multiplies the main-thread time it observes: on this shared
 * 2-core box (benchmarkIndex is recorded per run) the mobile figures move with the load average.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse, { desktopConfig } from "lighthouse";
import type * as LH from "lighthouse";
import { chromiumPath } from "../e2e/support/browser.js";
import { REPO, log, round } from "./lib.js";

export type Preset = "mobile" | "desktop";

export interface LighthousePage {
  readonly name: string;
  /** Path and query (and hash) on the server. */
  readonly path: string;
}

export interface LighthouseFigures {
  readonly performance: number;
  readonly accessibility: number;
  readonly bestPractices: number;
  readonly seo: number;
  readonly firstContentfulPaintMs: number;
  readonly largestContentfulPaintMs: number;
  readonly speedIndexMs: number;
  readonly totalBlockingTimeMs: number;
  readonly cumulativeLayoutShift: number;
  readonly mainThreadWorkMs: number;
  readonly bootupTimeMs: number;
  readonly domElements: number;
  readonly totalByteWeight: number;
  /** Bytes the text-compression audit says could be saved. */
  readonly compressionSavingsBytes: number;
  /** Lighthouse's estimate of this machine's speed (a mid-range desktop ≈ 1 000–2 000). */
  readonly benchmarkIndex: number;
  /**
   * From the run's own trace (unthrottled: the presets simulate their slowdown afterwards): the CPU
   * time (thread time, `tdur`) of the page's main-thread tasks, and what total blocking time would be
   * if each task after the first contentful paint took its CPU time × the preset's CPU slowdown (4 on
   * mobile, 1 on desktop) — Σ max(0, slowdown × CPU − 50 ms). Unlike Lighthouse's figures these do
   * not grow when another process holds the core. Null when the trace has no main thread to read.
   */
  readonly trace: TraceCpu | null;
  /** Audits of the four categories that did not pass (score < 0.9; informative ones left out). */
  readonly failing: readonly string[];
  /** Audits Lighthouse could not run (e.g. its trace gatherers against a newer Chromium); none of them is a metric or scored. */
  readonly auditErrors: readonly string[];
  readonly warnings: readonly string[];
}

export interface TraceCpu {
  /** All the page's main-thread tasks from the navigation on, CPU ms. */
  readonly mainThreadCpuMs: number;
  /** The same tasks, wall-clock ms. */
  readonly mainThreadWallMs: number;
  /** Tasks after the first contentful paint of 50 ms or more once slowed down: count, and the longest's CPU ms. */
  readonly longTasks: number;
  readonly longestTaskCpuMs: number;
  /** Σ max(0, slowdown × CPU − 50 ms) over the tasks after the first contentful paint. */
  readonly blockingFromCpuMs: number;
  /**
   * The same sum over every task of the load, before the first paint too. Lighthouse's simulation
   * (Lantern) puts its first contentful paint where the HTML and CSS would paint, blind to content
   * a script renders, so for this app nearly every script task counts in its total blocking time;
   * since the first screen is painted whole (dashboard lib/first-paint.ts) the real first paint
   * comes after most of the work and `blockingFromCpuMs` no longer says how much there is.
   */
  readonly blockingFromCpuWholeLoadMs: number;
  /** The longest task of the whole load, CPU ms. */
  readonly longestTaskWholeLoadCpuMs: number;
}

export interface LighthouseResult {
  readonly page: string;
  readonly url: string;
  readonly preset: Preset;
  readonly median: LighthouseFigures;
  readonly runs: readonly LighthouseFigures[];
}

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
/** Lighthouse's runtime errors that say the run's trace was unusable, not that the page failed. */
const TRANSIENT: ReadonlySet<string> = new Set(["NO_NAVSTART", "NO_FCP", "NO_LCP", "NO_TRACING_STARTED", "NO_RESOURCE_REQUEST", "PROTOCOL_TIMEOUT"]);

/** Debian's Chromium with a DevTools port, flags as e2e/support/browser.ts; resolves with the port. */
async function launchChromium(): Promise<{ port: number; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "scorecard-lighthouse-"));
  const child: ChildProcess = spawn(
    chromiumPath(),
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
      "--disable-extensions",
      "--disable-dev-shm-usage",
      "--metrics-recording-only",
      "--mute-audio",
      `--user-data-dir=${profile}`,
      "--remote-debugging-address=127.0.0.1",
      "--remote-debugging-port=0",
      "about:blank",
    ],
    // Its own process group: /usr/bin/chromium is a wrapper script, and the browser's helpers go with it.
    { stdio: ["ignore", "ignore", "pipe"], detached: true },
  );
  let err = "";
  const port = await new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`Chromium gave no DevTools port:\n${err.slice(-2000)}`)), 30_000);
    child.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        ok(Number(m[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`Chromium exited (${code}):\n${err.slice(-2000)}`));
    });
  });
  return {
    port,
    close: async () => {
      const group = (signal: NodeJS.Signals) => {
        try {
          process.kill(-(child.pid as number), signal);
        } catch {
          // already gone
        }
      };
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once("exit", ok));
        group("SIGTERM");
        await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5_000))]);
      }
      group("SIGKILL");
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch {
        // a helper still writing its cache: the folder is in tmp
      }
    },
  };
}

const num = (lhr: LH.Result, id: string) => round(Number(lhr.audits[id]?.numericValue ?? Number.NaN), id === "cumulative-layout-shift" ? 3 : 0);

interface TaskEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly data?: { readonly frame?: string } };
}

/**
 * The page's main thread is the one with the first contentful paint mark; its top-level tasks
 * (`RunTask`) from the navigation start mark on are the load's main-thread work.
 */
export function traceCpu(events: readonly TaskEvent[], slowdown: number): TraceCpu | null {
  const fcp = events.find((e) => e.name === "firstContentfulPaint");
  if (!fcp) return null;
  const onMain = (e: TaskEvent) => e.pid === fcp.pid && e.tid === fcp.tid;
  const starts = events.filter((e) => onMain(e) && e.name === "navigationStart" && e.ts <= fcp.ts).map((e) => e.ts);
  const from = starts.length > 0 ? Math.max(...starts) : 0;
  const tasks = events.filter((e) => onMain(e) && e.name === "RunTask" && e.ph === "X" && e.ts >= from && e.dur !== undefined);
  const ms = (us: number) => us / 1000;
  let cpu = 0;
  let wall = 0;
  let blocking = 0;
  let long = 0;
  let longest = 0;
  let blockingAll = 0;
  let longestAll = 0;
  for (const t of tasks) {
    const c = ms(t.tdur ?? t.dur ?? 0);
    cpu += c;
    wall += ms(t.dur ?? 0);
    blockingAll += Math.max(0, c * slowdown - 50);
    longestAll = Math.max(longestAll, c);
    if (t.ts < fcp.ts) continue;
    const slowed = c * slowdown;
    if (slowed >= 50) long++;
    blocking += Math.max(0, slowed - 50);
    longest = Math.max(longest, c);
  }
  return { mainThreadCpuMs: round(cpu, 0), mainThreadWallMs: round(wall, 0), longTasks: long, longestTaskCpuMs: round(longest, 0), blockingFromCpuMs: round(blocking, 0), blockingFromCpuWholeLoadMs: round(blockingAll, 0), longestTaskWholeLoadCpuMs: round(longestAll, 0) };
}

function figuresOf(lhr: LH.Result, trace: TraceCpu | null): LighthouseFigures {
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failing = CATEGORIES.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 || c !== "performance")
      .map((ref) => lhr.audits[ref.id])
      .filter((a): a is LH.Result["audits"][string] => a !== undefined && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable" && a.scoreDisplayMode !== "manual")
      .map((a) => `${c}/${a.id} (${a.displayValue ?? a.score})`),
  );
  const compression = lhr.audits["uses-text-compression"]?.details as { overallSavingsBytes?: number } | undefined;
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    firstContentfulPaintMs: num(lhr, "first-contentful-paint"),
    largestContentfulPaintMs: num(lhr, "largest-contentful-paint"),
    speedIndexMs: num(lhr, "speed-index"),
    totalBlockingTimeMs: num(lhr, "total-blocking-time"),
    cumulativeLayoutShift: num(lhr, "cumulative-layout-shift"),
    mainThreadWorkMs: num(lhr, "mainthread-work-breakdown"),
    bootupTimeMs: num(lhr, "bootup-time"),
    domElements: num(lhr, "dom-size"),
    totalByteWeight: num(lhr, "total-byte-weight"),
    compressionSavingsBytes: Math.round(compression?.overallSavingsBytes ?? 0),
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    trace,
    failing,
    auditErrors: Object.values(lhr.audits)
      .filter((a) => a.scoreDisplayMode === "error")
      .map((a) => `${a.id}: ${(a.errorMessage ?? "").slice(0, 160)}`),
    warnings: lhr.runWarnings,
  };
}

/** The run whose performance score is the median (ties: the median total blocking time among them). */
function medianRun(runs: readonly LighthouseFigures[]): LighthouseFigures {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance || a.totalBlockingTimeMs - b.totalBlockingTimeMs);
  return sorted[Math.floor((sorted.length - 1) / 2)] as LighthouseFigures;
}

/**
 * Lighthouse `runs` times on each page × preset. The full report of each page × preset's median
 * run is written to `reportDir` (JSON, for Lighthouse's viewer), with its trace (`….trace.json`, for
 * Chromium's performance panel), when given.
 */
/**
 * One Lighthouse run in a fresh Chromium. A trace Lighthouse could not read (NO_NAVSTART, NO_FCP…,
 * now and then on this box) is run again, up to twice; any other runtime error fails the step.
 */
async function runLighthouse(url: string, preset: Preset, name: string): Promise<LH.RunnerResult> {
  for (let attempt = 1; ; attempt++) {
    const chromium = await launchChromium();
    try {
      const flags: LH.Flags = { port: chromium.port, hostname: "127.0.0.1", output: "json", logLevel: "error", onlyCategories: CATEGORIES, disableFullPageScreenshot: true };
      const r = await lighthouse(url, flags, preset === "desktop" ? desktopConfig : undefined);
      if (!r) throw new Error(`Lighthouse gave no result for ${url}`);
      const error = r.lhr.runtimeError;
      if (error === undefined) return r;
      if (!TRANSIENT.has(error.code) || attempt === 3) throw new Error(`Lighthouse: ${error.code} ${error.message}`);
      log(`  lighthouse ${name}: ${error.code}, run again`);
    } finally {
      await chromium.close();
    }
  }
}

export async function measureLighthouse(
  base: string,
  pages: readonly LighthousePage[],
  options: { runs?: number; presets?: readonly Preset[]; reportDir?: string } = {},
): Promise<LighthouseResult[]> {
  const runs = Math.max(1, options.runs ?? 3);
  const presets = options.presets ?? (["mobile", "desktop"] as const);
  const results: LighthouseResult[] = [];
  if (options.reportDir) mkdirSync(options.reportDir, { recursive: true });
  for (const page of pages) {
    for (const preset of presets) {
      const url = `${base}${page.path}`;
      const figures: LighthouseFigures[] = [];
      const reports: string[] = [];
      const traces: (readonly TaskEvent[])[] = [];
      for (let i = 1; i <= runs; i++) {
        const r = await runLighthouse(url, preset, `${page.name} ${preset} #${i}`);
        const events = (r.artifacts as { Trace?: { traceEvents: TaskEvent[] } }).Trace?.traceEvents ?? [];
        const f = figuresOf(r.lhr, traceCpu(events, preset === "desktop" ? 1 : 4));
        figures.push(f);
        traces.push(events);
        reports.push(typeof r.report === "string" ? r.report : JSON.stringify(r.lhr));
        log(`  lighthouse ${page.name} ${preset} #${i}: performance ${f.performance}, a11y ${f.accessibility}, best practices ${f.bestPractices}, SEO ${f.seo}; TBT ${f.totalBlockingTimeMs} ms, CLS ${f.cumulativeLayoutShift}, LCP ${f.largestContentfulPaintMs} ms, main thread ${f.mainThreadWorkMs} ms, ${f.domElements} elements, benchmarkIndex ${f.benchmarkIndex}; trace: main thread ${f.trace?.mainThreadCpuMs ?? "?"} ms CPU (${f.trace?.mainThreadWallMs ?? "?"} ms wall), longest task ${f.trace?.longestTaskCpuMs ?? "?"} ms CPU, TBT from CPU ${f.trace?.blockingFromCpuMs ?? "?"} ms (whole load ${f.trace?.blockingFromCpuWholeLoadMs ?? "?"} ms, its longest task ${f.trace?.longestTaskWholeLoadCpuMs ?? "?"} ms CPU)`);
      }
      const median = medianRun(figures);
      if (options.reportDir) {
        writeFileSync(join(options.reportDir, `${page.name}-${preset}.json`), reports[figures.indexOf(median)] as string);
        writeFileSync(join(options.reportDir, `${page.name}-${preset}.trace.json`), JSON.stringify({ traceEvents: traces[figures.indexOf(median)] }));
      }
      results.push({ page: page.name, url, preset, median, runs: figures });
    }
  }
  return results;
}

/** Where the step writes the median runs' full reports (ignored by git: .tmp/). */
export const LIGHTHOUSE_REPORTS = join(REPO, ".tmp", "lighthouse");
