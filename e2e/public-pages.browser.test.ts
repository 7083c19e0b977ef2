/**
 * The public pages in real Chromium (issue 19, item 8): every page of `PAGES` × {1440×900, 390×844}
 * × {vi, en} against the local runtime, checked for what the readers complained about — the page
 * scrolling sideways, the first ranking row below the fold, indicator headers without a name, P2
 * shown as a percentage, English words in Vietnamese pages (and Vietnamese in English ones), and
 * serious or critical axe violations. Screenshots: .tmp/screenshots/public/.
 *
 * One runtime for the file, seeded small on a fixed clock (10 April 2024, 10:00 in Viet Nam: the
 * demo province from January, three complete months, April running) so the suite stays quick and
 * its default period is known; the browser's clock is the same. Q1 2024 is published once (v1).
 *
 * To add the signed-in pages later: a row of `PAGES` with `user` (a demo user id of
 * /v1/local/users); the row is opened after signing in through the login page.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedRuntime } from "../functions/src/local/seed.js";
import { createLocalServer, listen } from "../functions/src/local/server.js";
import { tempRuntime } from "../functions/test/support/temp-runtime.js";
import { seriousViolations } from "./support/axe.js";
import { dashboardDist, launchBrowser } from "./support/browser.js";
import { englishUiWords } from "./support/ui-words.js";
import { fold } from "../dashboard/src/lib/search.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const shots = join(root, ".tmp", "screenshots", "public");
const NOW = new Date("2024-04-10T03:00:00.000Z");

/** A page of the matrix: its URL (`{unit}` stands for a ranked department), the element that says it is there, who is signed in. */
interface MatrixPage {
  readonly name: string;
  readonly path: string;
  readonly ready: string;
  /** A public rankings page: its first row must show at 1440 × 900. */
  readonly rankings?: boolean;
  /** A demo user id to sign in as first (signed-in pages); absent for the public. */
  readonly user?: string;
  /** A page whose first ranking content must show at 1440 × 900 (its test id), other than the rankings' rows. */
  readonly firstRow?: string;
  /** Words of the data that are no untranslated UI (e.g. "demo" in the demo heads' names). */
  readonly allow?: readonly string[];
}

const PAGES: readonly MatrixPage[] = [
  { name: "rankings-departments", path: "/?tier=DEPARTMENT", ready: "ranking-table", rankings: true },
  { name: "rankings-communes", path: "/?tier=COMMUNE", ready: "ranking-table", rankings: true },
  { name: "public-unit", path: "/#/public/units/{unit}", ready: "public-unit-page" },
  { name: "methodology", path: "/#/methodology", ready: "methodology-page" },
  { name: "report", path: "/#/report?tier=DEPARTMENT", ready: "report-page" },
  { name: "open-data", path: "/#/open-data", ready: "open-data-page" },
  // The signed-in pages (issue 19, items 4–7): the chairman's overview, a unit's scorecard, the Home Affairs workspace.
  { name: "login", path: "/#/login", ready: "login-page", allow: ["demo"] },
  { name: "overview", path: "/#/overview", ready: "overview-page", user: "chairman", firstRow: "extreme-row", allow: ["demo"] },
  { name: "unit-officer", path: "/#/units/DEPT-STP-2020", ready: "scorecard-page", user: "officer-stp", allow: ["demo"] },
  { name: "unit-bien-hoa", path: "/#/units/DIST-731", ready: "scorecard-page", user: "officer-bien-hoa", allow: ["demo"] },
  { name: "admin-findings", path: "/#/admin/findings", ready: "finding-form", user: "home-affairs", allow: ["demo"] },
  { name: "admin-criteria", path: "/#/admin/criteria?unitId=DEPT-STP-2020", ready: "criteria-table", user: "home-affairs", allow: ["demo"] },
  { name: "admin-heads", path: "/#/admin/heads", ready: "heads-table", user: "home-affairs", allow: ["demo"] },
  { name: "admin-publish", path: "/#/admin/publish", ready: "draft-state", user: "home-affairs", allow: ["demo"] },
];
const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;
const LANGS = ["vi", "en"] as const;

const withLang = (path: string, lang: string) => (lang === "vi" ? path : `${path}${path.includes("?") ? "&" : path.includes("#") ? "?" : "?"}lang=${lang}`);

/** What the page shows, measured in the browser. */
interface Measure {
  readonly scrollWidth: number;
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly firstRowBottom: number | null;
  readonly unitNameLines: number;
  readonly nameless: string[];
  readonly p2Percent: string[];
  readonly p2Unit: string | null;
  readonly texts: string[];
  readonly domSize: number;
  readonly cls: number;
}

async function measure(page: Page, lang: string, firstRow = "ranking-row"): Promise<Measure> {
  return page.evaluate(([pageLang, rowId]) => {
    const row = document.querySelector(`[data-testid=${rowId}]`);
    const names = [...document.querySelectorAll<HTMLElement>("[data-testid=ranking-row] th")];
    const lineHeight = (el: HTMLElement) => parseFloat(getComputedStyle(el).lineHeight) || 20;
    const lines = names.map((el) => {
      const cs = getComputedStyle(el);
      return Math.round((el.getBoundingClientRect().height - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom)) / lineHeight(el));
    });
    const headers = [...document.querySelectorAll<HTMLElement>("th[data-indicator]")];
    const nameless = headers.filter((h) => (h.textContent ?? "").replace(/\s+/g, " ").trim() === h.dataset["indicator"] || !h.querySelector(".name")?.textContent?.trim()).map((h) => h.dataset["indicator"] ?? "");
    // P2: its header names working days; no shown P2 value is a percentage.
    const p2Header = document.querySelector<HTMLElement>("th[data-indicator=P2]");
    const p2Index = p2Header ? [...(p2Header.parentElement?.children ?? [])].indexOf(p2Header) : -1;
    const p2Cells = p2Index < 0 ? [] : [...document.querySelectorAll("[data-testid=ranking-row]")].map((r) => r.children[p2Index]?.textContent ?? "");
    const p2Rows = [...document.querySelectorAll<HTMLElement>("[data-testid=indicator-row][data-code=P2] [data-testid=indicator-value]")].map((c) => c.textContent ?? "");
    // Visible text outside elements in another language (language switch, legal sources, code).
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest("script, style, .sr-only, noscript")) continue;
      if ((el.closest("[lang]")?.getAttribute("lang") ?? pageLang) !== pageLang) continue;
      const text = n.textContent?.trim();
      if (text) texts.push(text);
    }
    for (const el of document.querySelectorAll<HTMLElement>("[aria-label], [title]")) {
      if ((el.closest("[lang]")?.getAttribute("lang") ?? pageLang) !== pageLang) continue;
      for (const a of ["aria-label", "title"]) if (el.getAttribute(a)) texts.push(el.getAttribute(a) as string);
    }
    const cls = ((globalThis as unknown as { __cls?: number }).__cls ?? 0);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      innerHeight,
      firstRowBottom: row ? Math.round(row.getBoundingClientRect().bottom) : null,
      unitNameLines: lines.length ? Math.max(...lines) : 0,
      nameless,
      p2Percent: [...p2Cells, ...p2Rows].filter((t) => t.includes("%")),
      p2Unit: p2Header ? p2Header.textContent : null,
      texts,
      domSize: document.querySelectorAll("*").length,
      cls,
    };
  }, [lang, firstRow] as const);
}

const VI_DIACRITICS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe("Public pages in Chromium: layout, names, units, language, accessibility (1440×900 and 390×844, vi and en)", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let server: Server;
  let base: string;
  let browser: BrowserContext;
  let unitId = "";
  const figures: Record<string, unknown> = {};
  const english = englishUiWords();

  beforeAll(async () => {
    env = await tempRuntime({ clock: { now: () => NOW } });
    await seedRuntime(env.rt, { preset: "demo", seed: 2024 });
    server = createLocalServer(env.rt, { dashboardDir: dashboardDist });
    base = `http://127.0.0.1:${await listen(server, 0)}`;
    // Home Affairs publishes Q1 2024 (version 1): the badge names the version and its date.
    const login = (await (await fetch(`${base}/v1/local/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId: "home-affairs" }) })).json()) as { token: string };
    const published = await fetch(`${base}/v1/admin/publish`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${login.token}` }, body: JSON.stringify({ period: "2024-Q1" }) });
    expect(published.status).toBe(201);
    const ranking = (await (await fetch(`${base}/v1/public/rankings?period=2024-03&tier=DEPARTMENT`)).json()) as { units: { unitId: string; rank: number | null }[] };
    unitId = ranking.units.find((u) => u.rank !== null)?.unitId ?? "";
    browser = await launchBrowser();
    // The pages' clock is the runtime's (set once for the context: the cases open their tabs concurrently).
    await browser.clock.setFixedTime(NOW);
    mkdirSync(shots, { recursive: true });
  }, 420_000);

  afterAll(async () => {
    mkdirSync(shots, { recursive: true });
    writeFileSync(join(shots, "figures.json"), `${JSON.stringify(figures, null, 2)}\n`);
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
    await env?.dispose();
  });

  /** A fresh tab at the viewport, on the runtime's clock, collecting layout shifts; signed in when the row says so. */
  async function open(p: MatrixPage, vp: (typeof VIEWPORTS)[number], lang: string): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewportSize({ width: vp.width, height: vp.height });
    await page.addInitScript(() => {
      const g = globalThis as unknown as { __cls: number };
      g.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) g.__cls += e.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    if (p.user) {
      await page.goto(`${base}/#/login`);
      await page.click(`[data-testid=login-user-${p.user}]`);
      await page.waitForSelector("[data-testid=signed-in-user]", { timeout: 60_000 });
    }
    await page.goto(`${base}${withLang(p.path.replace("{unit}", unitId), lang)}`);
    await page.waitForSelector(`[data-testid=${p.ready}]`, { timeout: 60_000 });
    await page.waitForFunction(() => document.body.dataset["state"] === "ready", undefined, { timeout: 60_000 });
    // The chart is drawn after the first paint; give it its moment before measuring the layout.
    await page.waitForTimeout(400);
    return page;
  }

  for (const p of PAGES) {
    for (const vp of VIEWPORTS) {
      for (const lang of LANGS) {
        // The staff's pages in English are checked on the desktop; the citizens' pages at both sizes in both languages (CI's time).
        if (p.user !== undefined && lang === "en" && vp.name === "phone") continue;
        // Each case has its own tab: they run a few at a time (Chromium renders in its own processes).
        it.concurrent(`${p.name}, ${vp.width}×${vp.height}, ${lang}`, async ({ expect }) => {
          const page = await open(p, vp, lang);
          try {
            const m = await measure(page, lang, p.firstRow);
            const key = `${p.name}-${vp.name}-${lang}`;
            figures[key] = { scrollWidth: m.scrollWidth, innerWidth: m.innerWidth, firstRowBottom: m.firstRowBottom, unitNameLines: m.unitNameLines, domSize: m.domSize, cls: Math.round(m.cls * 1000) / 1000 };
            if (p.rankings && vp.name === "desktop") {
              // The chart is drawn when the reader nears it (chart.js loads then): scrolled to, it draws,
              // and the whole-page picture shows it rather than its empty box.
              await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
              await page.waitForFunction(
                () => {
                  const c = document.querySelector<HTMLCanvasElement>("[data-testid=ranking-chart] canvas");
                  const px = c && c.width > 0 ? c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data : undefined;
                  return px !== undefined && px.some((v, i) => i % 4 === 3 && v > 0);
                },
                undefined,
                { timeout: 30_000 },
              );
              await page.evaluate(() => window.scrollTo(0, 0));
            }
            await page.screenshot({ path: join(shots, `${key}.png`), fullPage: p.rankings === true && vp.name === "desktop" });

            // No page scrolls sideways; wide tables scroll in their own box.
            expect(m.scrollWidth, "horizontal overflow").toBeLessThanOrEqual(m.innerWidth);
            if ((p.rankings || p.firstRow) && vp.name === "desktop") {
              expect(m.firstRowBottom, "first ranking row within the viewport").not.toBeNull();
              expect(m.firstRowBottom as number).toBeLessThanOrEqual(m.innerHeight);
            }
            if (p.rankings && vp.name === "desktop") {
              expect(m.unitNameLines, "unit names on at most two lines").toBeLessThanOrEqual(2);
            }
            // Every indicator header has its name; P2 in working days, never a percentage.
            expect(m.nameless, "indicator headers without a name").toEqual([]);
            expect(m.p2Percent, "P2 shown as a percentage").toEqual([]);
            if (m.p2Unit !== null) expect(m.p2Unit).toContain(lang === "vi" ? "ngày làm việc" : "working days");
            // No untranslated string.
            if (lang === "vi") {
              const found = m.texts.flatMap((t) => t.match(/\b[A-Za-z]{4,}\b/g) ?? []).filter((w) => english.has(w.toLowerCase()) && !(p.allow ?? []).includes(w.toLowerCase()));
              expect([...new Set(found)], "English words on a Vietnamese page").toEqual([]);
            } else {
              // A Vietnamese legal clause letter ("clause 1đ") is a name, not an untranslated word.
              const clauseLetters = /(^|[\s(,])\d*đ(?=[\s),.;:]|$)/g;
              expect(m.texts.filter((t) => VI_DIACRITICS.test(t.replace(clauseLetters, "$1"))), "Vietnamese text on an English page").toEqual([]);
            }
            // axe at both sizes in Vietnamese and on the desktop in English: the English phone page has
            // the same elements, names and colours as these three (the words, checked above, differ).
            if (lang === "vi" || vp.name === "desktop") expect(await seriousViolations(page), "axe: serious or critical").toEqual([]);
          } finally {
            await page.close();
          }
        });
      }
    }
  }

  it("the public rankings open on the newest published period (Q1, with its version and day), label the running April provisional, and show March without that label", async () => {
    const page = await open(PAGES[0] as MatrixPage, VIEWPORTS[0], "vi");
    try {
      // Q1 was published: the default, and the badge names the version and the day.
      expect(await page.locator("[data-testid=ranking-table]").getAttribute("data-period")).toBe("2024-Q1");
      expect(await page.locator("[data-testid=publication-status]").textContent()).toBe("Đã công bố — phiên bản 1, 10/04/2024");
      expect(await page.locator("[data-testid=provisional-notice]").count()).toBe(0);
      await page.selectOption("[data-testid=period-select]", "2024-04");
      await page.waitForSelector("[data-testid=ranking-table][data-period='2024-04']", { timeout: 60_000 });
      expect(await page.locator("[data-testid=provisional-notice]").textContent()).toContain("Kỳ chưa kết thúc");
      await page.selectOption("[data-testid=period-select]", "2024-03");
      await page.waitForSelector("[data-testid=ranking-table][data-period='2024-03']", { timeout: 60_000 });
      expect(await page.locator("[data-testid=provisional-notice]").count()).toBe(0);
      // A citizen finds a commune by typing its name without diacritics.
      await page.click("[data-testid=tier-tab-COMMUNE]");
      await page.waitForSelector("[data-testid=ranking-table][data-tier=COMMUNE]", { timeout: 60_000 });
      const names = await page.$$eval("[data-testid=ranking-row] th", (ths) => ths.map((t) => t.textContent?.trim() ?? ""));
      const target = names.find((n) => /[đĐ]|[^\x00-\x7F]/.test(n.split(" ").slice(1).join(" "))) ?? (names[0] as string);
      const query = fold(target).split(" ").slice(1).join(" ");
      await page.fill("[data-testid=unit-search]", query);
      const found = await page.$$eval("[data-testid=ranking-row] th", (ths) => ths.map((t) => t.textContent?.trim() ?? ""));
      expect(found).toContain(target);
      expect(found.length).toBeLessThan(names.length);
      expect(found.every((n) => fold(n).includes(query))).toBe(true);
    } finally {
      await page.close();
    }
  });
});
