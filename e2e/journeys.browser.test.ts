import { mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedRuntime } from "../functions/src/local/seed.js";
import { createLocalServer, listen } from "../functions/src/local/server.js";
import { tempRuntime } from "../functions/test/support/temp-runtime.js";
import { openAction } from "../functions/src/use-cases/admin/corrective-actions.js";
import { concludeFinding, createFinding } from "../functions/src/use-cases/admin/findings.js";
import { seriousViolations } from "./support/axe.js";
import { dashboardDist, launchBrowser } from "./support/browser.js";
import type { ReportDocument } from "@scorecard/shared/contracts/reports";
import { printReportPdf } from "../functions/src/local/report-files.js";
import { readXlsx } from "../functions/test/support/xlsx-reader.js";
import { renderPdf } from "./support/pdf-render.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const SEEDED_AT = new Date("2026-01-12T03:00:00.000Z");
const shots = join(root, ".tmp", "screenshots");

interface Row {
  unitId: string;
  rank: number | null;
}

/**
 * Each audience's main journey in Chromium against the local runtime with the demo province
 * (ARCHITECTURE §1): the public, a unit officer, the chairman, Home Affairs. Screenshots go to
 * .tmp/screenshots; every page is checked with axe-core (serious or critical violations fail).
 */
describe("Browser journeys (Chromium, local runtime, demo province)", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let server: Server;
  let base: string;
  let browser: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    // The demo as generated on 12 January 2026: January 2024 to yesterday, so 2025-H2 (after the
    // July 2025 reorganisation) is complete — the same history as today's demo, a year shorter to seed.
    env = await tempRuntime({ clock: { now: () => SEEDED_AT } });
    // The half-years, years and current periods only (what these journeys open; the seed's "first"
    // batch, as npm start serves first): scoring every month and quarter doubled the suite's longest setup.
    await seedRuntime(env.rt, { preset: "demo", seed: 2024, periods: "first" });
    server = createLocalServer(env.rt, { dashboardDir: dashboardDist });
    base = `http://127.0.0.1:${await listen(server, 0)}`;
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on("request", (r) => requests.push(r.url()));
    mkdirSync(shots, { recursive: true });
  }, 420_000); // seeding scores every period of the demo, with its head ratings and reform index

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
    await env?.dispose();
  });

  const ready = () => page.waitForFunction(() => document.body.dataset["state"] === "ready", undefined, { timeout: 30_000 });
  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const rows = () =>
    page.$$eval("[data-testid=ranking-row]", (trs) => trs.map((tr) => ({ unitId: tr.getAttribute("data-unit-id") ?? "", text: tr.textContent ?? "" })));
  const api = async (period: string) =>
    ((await (await fetch(`${base}/v1/public/rankings?period=${period}&tier=DEPARTMENT`)).json()) as { units: Row[] }).units;
  const expectAccessible = async (what: string) => expect(await seriousViolations(page), what).toEqual([]);
  /** Each audience gets its own tab: a fresh sessionStorage, so no session leaks between them. */
  const signIn = async (userId: string) => {
    await page.close();
    page = await browser.newPage();
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${base}/#/login`);
    await page.waitForSelector("[data-testid=login-page]", { timeout: 30_000 });
    await page.click(`[data-testid=login-user-${userId}]`);
    await page.waitForSelector("[data-testid=signed-in-user]", { timeout: 30_000 });
  };
  /** Open a view and wait for that view (a hash route keeps the previous page's ready state). */
  const open = async (path: string, testid: string) => {
    await page.goto(`${base}${path}`);
    await page.waitForSelector(`[data-testid=${testid}]`, { timeout: 30_000 });
    await ready();
  };

  describe("the public", () => {
    it("sees the departments of 2024-H1 in the order the API ranked them, in Vietnamese", async () => {
      await page.goto(`${base}/?period=2024-H1&tier=DEPARTMENT`);
      await ready();
      const shown = await rows();
      expect(shown.map((r) => r.unitId)).toEqual((await api("2024-H1")).map((u) => u.unitId));
      expect(await page.locator("html").getAttribute("lang")).toBe("vi");
      expect(await page.locator("[data-testid=as-of]").first().textContent()).toBeTruthy();
      await shot("public-ranking-2024-H1");
      await expectAccessible("rankings page");
    });

    it("changes the ranking when another period is selected, and the URL reproduces the view", async () => {
      const before = (await rows()).map((r) => r.text);
      await page.selectOption("[data-testid=period-select]", "2025-H2");
      await ready();
      await page.waitForSelector("[data-testid=ranking-table][data-period='2025-H2']");
      const after = await rows();
      expect(after.map((r) => r.text)).not.toEqual(before);
      expect(after.map((r) => r.unitId)).toEqual((await api("2025-H2")).map((u) => u.unitId));
      expect(new URL(page.url()).searchParams.get("period")).toBe("2025-H2");
      await shot("public-ranking-2025-H2");
    });

    it("opens a unit's public page and the methodology, with provisional items marked", async () => {
      await open("/#/public/units/DEPT-STP-2020?period=2024-H1&tier=DEPARTMENT", "public-unit-page");
      expect(await page.locator("[data-testid=public-unit-page]").getAttribute("data-unit-id")).toBe("DEPT-STP-2020");
      await expectAccessible("public unit page");
      await shot("public-unit");
      await open("/#/methodology", "methodology-page");
      expect(await page.locator("[data-testid=provisional-mark]").count()).toBeGreaterThan(0);
      await expectAccessible("methodology page");
      await shot("methodology");
    });

    it("prints the A4 half-year report through Chromium as a PDF", async () => {
      await open("/#/report?period=2024-H1&tier=DEPARTMENT", "report-page");
      await page.waitForSelector("[data-testid=report-row]");
      const path = join(shots, "report-2024-H1.pdf");
      await page.pdf({ path, format: "A4", printBackground: true });
      expect(readFileSync(path).subarray(0, 5).toString()).toBe("%PDF-");
      expect(await page.locator("[data-testid=report-row]").count()).toBe((await api("2024-H1")).length);
    });

    it("follows an edited URL and the browser's back button on the same page", async () => {
      const rowIds = () => page.$$eval("[data-testid=report-row]", (trs) => trs.map((tr) => tr.getAttribute("data-unit-id")));
      await page.goto(`${base}/#/report?period=2025-H2&tier=DEPARTMENT`);
      await page.waitForSelector("[data-testid=report-page][data-period='2025-H2'] [data-testid=report-row]", { timeout: 30_000 });
      await ready();
      expect(await rowIds()).toEqual((await api("2025-H2")).map((u) => u.unitId));
      await page.goBack();
      await page.waitForSelector("[data-testid=report-page][data-period='2024-H1'] [data-testid=report-row]", { timeout: 30_000 });
      await ready();
      expect(await rowIds()).toEqual((await api("2024-H1")).map((u) => u.unitId));
    });
  });

  describe("a unit officer (UBND TP. Biên Hòa)", () => {
    it("lands on their own unit's scorecard and opens the dossiers behind a number", async () => {
      await signIn("officer-bien-hoa");
      // The officer lands on their unit at the newest period (Biên Hòa ended with the district tier
      // on 30 June 2025: no data then) and picks 2024-H1 as soon as the selector is there, while
      // the landing scorecard may still be on its way: the choice wins over the late answer.
      await page.selectOption("[data-testid=period-select]", "2024-H1", { timeout: 30_000 });
      await page.waitForSelector("[data-testid=cases-link-all]", { timeout: 30_000 });
      await ready();
      await page.waitForLoadState("networkidle");
      expect(new URL(page.url()).hash).toBe("#/units/DIST-731?period=2024-H1");
      expect(await page.locator("[data-testid=period-select]").inputValue()).toBe("2024-H1");
      expect(await page.locator("[data-testid=scorecard-page]").getAttribute("data-unit-id")).toBe("DIST-731");
      await expectAccessible("unit scorecard");
      await shot("officer-scorecard");
      await page.click("[data-testid=cases-link-all]");
      await page.waitForSelector("[data-testid=case-row]", { timeout: 30_000 });
      await ready();
      const statuses = await page.$$eval("[data-testid=case-row]", (trs) => trs.map((tr) => tr.getAttribute("data-status")));
      expect(statuses.length).toBeGreaterThan(0);
      await expectAccessible("dossier list");
      await shot("officer-cases");
    });

    it("follows a number of the scorecard to the records behind it: the list states the scorecard's number, and its file holds every record", async () => {
      const link = (code: string, part: string) => page.locator(`[data-testid=list-link][data-code=${code}][data-part=${part}]`);
      // The scorecard's number as shown (1.234 in Vietnamese).
      const shown = async (code: string, part: string) => Number(((await link(code, part).evaluate((a) => a.firstChild?.textContent)) ?? "").replace(/\./g, ""));
      for (const [code, part] of [["P1", "numerator"], ["R7", "denominator"]] as const) {
        await open("/#/units/DIST-731?period=2024-H1", "groups-table");
        // No link behind D3 (entered by Home Affairs).
        expect(await page.locator("[data-testid=indicator-row][data-code=D3]").count()).toBe(1);
        expect(await page.locator("[data-testid=list-link][data-code=D3]").count()).toBe(0);
        const number = await shown(code, part);
        await link(code, part).click();
        await page.waitForSelector(`[data-testid=cases-page][data-indicator=${code}][data-part=${part}] [data-testid=list-total]`, { timeout: 30_000 });
        await ready();
        expect(Number(await page.locator("[data-testid=list-total]").getAttribute("data-total")), `${code} ${part}`).toBe(number);
        await expectAccessible(`list ${code} ${part}`);
        await shot(`officer-list-${code}-${part}`);
      }
      // The file of P1's numerator: every record, not only the page on screen.
      await open("/#/units/DIST-731/cases?period=2024-H1&indicator=P1&part=numerator", "cases-table");
      const count = Number(await page.locator("[data-testid=list-total]").getAttribute("data-count"));
      expect(count).toBeGreaterThan(50);
      expect(await page.locator("[data-testid=case-row]").count()).toBe(50);
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.click("[data-testid=cases-export-csv]")]);
      const lines = readFileSync(await download.path(), "utf8").split("\r\n");
      const header = lines.findIndex((l) => l.startsWith("Mã hồ sơ"));
      expect(lines.slice(header + 1).filter((l) => l !== "")).toHaveLength(count);
      // No page scrolls sideways on a phone: the table keeps to its own box.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    it("never requests another unit's drill-down, even when the URL asks for it", async () => {
      requests.length = 0;
      await page.goto(`${base}/#/units/DIST-732/cases?period=2024-H1`);
      await page.waitForSelector("[data-testid=forbidden]", { timeout: 30_000 });
      expect(requests.filter((u) => u.includes("/v1/units/DIST-732"))).toEqual([]);
    });
  });

  describe("the chairman", () => {
    it("sees the province overview: totals, rankings, late dossiers and early warnings", async () => {
      await signIn("chairman");
      await open("/#/overview?period=2025-H2&tier=DEPARTMENT", "overview-page");
      await page.waitForSelector("[data-testid=province-totals]");
      expect(await page.locator("[data-testid=overview-row]").count()).toBeGreaterThan(5);
      // Heads of unit (methodology §6): some rated, some pending (demo general criteria for some heads only).
      await page.waitForSelector("[data-testid=head-ratings] [data-testid=head-rating]", { timeout: 30_000 });
      expect(await page.locator("[data-testid=head-rating][data-status=RATED]").count()).toBeGreaterThan(0);
      expect(await page.locator("[data-testid=head-rating][data-status=PENDING]").count()).toBeGreaterThan(0);
      // The reform index (§5) of the half-year, eight fields per unit.
      await page.waitForSelector("[data-testid=reform-index] [data-testid=reform-row]", { timeout: 30_000 });
      expect(await page.locator("[data-testid=reform-row]").first().locator("td[data-criterion]").count()).toBe(8);
      await expectAccessible("overview");
      await shot("chairman-overview");
    });
  });

  describe("Home Affairs", () => {
    it("records an inspection finding, concludes it, and sees it locked", async () => {
      await signIn("home-affairs");
      await open("/#/admin/findings?period=2025-H2", "finding-form");
      await expectAccessible("findings workspace");
      await page.fill("#f-unit", "DEPT-SXD-202507");
      await page.fill("#f-deduction", "1.5");
      await page.fill("#f-evidence", "Biên bản kiểm tra công vụ số 12/BB-SNV (demo)");
      await page.click("[data-testid=finding-create]");
      const finding = page.locator("[data-testid=finding][data-status=DRAFT]").first();
      await finding.waitFor({ timeout: 15_000 });
      await finding.locator("[data-testid=notice-number]").fill("45/TB-SNV");
      await finding.locator("[data-testid=notice-date]").fill("2025-11-20");
      await finding.locator("[data-testid=finding-conclude]").click();
      // Recording the notice locks the finding for good: the page asks to confirm first.
      await finding.locator("[data-testid=conclude-confirm-yes]").click();
      await page.locator("[data-testid=finding][data-status=CONCLUDED] [data-testid=finding-locked]").first().waitFor({ timeout: 15_000 });
      await shot("home-affairs-finding-locked");
    });

    // corrective actions (issue 24, item 1)
    let actionId = "";
    it("opens a corrective action from a concluded finding of Biên Hòa, with P1's numbers since beside it", async () => {
      // The concluded finding (the findings journey above concludes one through the page; this one through the use case).
      const HA = { sub: "journey-home-affairs", role: "home-affairs" };
      await createFinding(env.rt.admin)(HA, { findingId: "F-CA-BH", unitId: "DIST-731", period: "2024-H1", criterion: "PAR5", deduction: 1, evidence: "Biên bản kiểm tra 7/BB-SNV (demo)" });
      await concludeFinding(env.rt.admin)(HA, "F-CA-BH", 1, { noticeNumber: "7/TB-SNV", noticeDate: "2024-07-15" });
      await signIn("home-affairs");
      await page.setViewportSize({ width: 1440, height: 900 });
      await open("/#/admin/actions?period=2024-H1&unitId=DIST-731", "action-form");
      await page.locator("#a-finding option[value=F-CA-BH]").waitFor({ state: "attached", timeout: 15_000 });
      await page.selectOption("#a-finding", "F-CA-BH");
      await page.fill("#a-deadline", "2026-03-31");
      await page.selectOption("#a-indicator", "P1");
      await page.fill("#a-required", "Rà soát quy trình tiếp nhận, giảm hồ sơ trễ hạn (demo)");
      await page.click("[data-testid=action-open]");
      const opened = page.locator("[data-testid=action][data-status=OPEN]", { hasText: "F-CA-BH" });
      await opened.waitFor({ timeout: 15_000 });
      actionId = (await opened.getAttribute("data-action-id"))!;
      // Beside it: P1 of 2024-H1 and the later half-years the city was scored in.
      expect(await opened.locator("[data-testid=action-progress] tbody tr").count()).toBeGreaterThan(0);
      await expectAccessible("corrective actions section");
      await shot("home-affairs-actions-vi-1440");
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot("home-affairs-actions-vi-390");
    });

    it("the Biên Hòa officer reports on the corrective action from the scorecard (English, phone); Home Affairs accepts it", async () => {
      expect(actionId).not.toBe("");
      await signIn("officer-bien-hoa");
      await page.setViewportSize({ width: 390, height: 844 });
      await open("/#/units/DIST-731?period=2024-H1", "scorecard-page");
      await page.click("[data-testid=lang-en]");
      const mine = page.locator(`[data-testid=unit-actions] [data-testid=action][data-action-id='${actionId}']`);
      await mine.waitFor({ timeout: 15_000 });
      await mine.locator("[data-testid=action-report-text]").fill("Added a second reception desk and a daily check of dossiers near their due date (demo)");
      await mine.locator("[data-testid=action-report-send]").click();
      await page.locator(`[data-testid=unit-actions] [data-testid=action][data-action-id='${actionId}'][data-status=REPORTED]`).waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAccessible("unit scorecard with its corrective actions");
      await mine.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, "officer-action-reported-en-390.png") });

      // Home Affairs accepts it: closed.
      await signIn("home-affairs");
      await page.setViewportSize({ width: 1440, height: 900 });
      await open("/#/admin/actions?period=2024-H1", "actions-list");
      const reported = page.locator(`[data-testid=action][data-action-id='${actionId}'][data-status=REPORTED]`);
      await reported.locator("[data-testid=action-accept]").click();
      await page.locator(`[data-testid=action][data-action-id='${actionId}'][data-status=ACCEPTED]`).waitFor({ timeout: 15_000 });
      const entries = ((await (await fetch(`${base}/v1/admin/actions/${actionId}`, { headers: { authorization: `Bearer ${await env.rt.identity.issue({ id: "home-affairs", name: "HA", role: "home-affairs" })}` } })).json()) as { steps: { kind: string }[]; version: number });
      expect([entries.steps.map((s) => s.kind), entries.version]).toEqual([["OPENED", "REPORTED", "ACCEPTED"], 3]);
    });

    it("shows an overdue corrective action on the chairman's overview, and on the unit's scorecard", async () => {
      // Opened on 1 December 2025 (an earlier clock) with a deadline of 31 December: on the runtime's 12 January 2026 it is overdue.
      const earlier = { ...env.rt.admin, clock: { now: () => new Date("2025-12-01T03:00:00.000Z") } };
      await openAction(earlier)({ sub: "journey-home-affairs", role: "home-affairs" }, {
        actionId: "CA-OVERDUE-SXD",
        unitId: "DEPT-SXD-202507",
        basis: { kind: "INDICATOR", indicator: "P1", period: "2025-H2" },
        deadline: "2025-12-31",
        required: "Giải quyết dứt điểm hồ sơ quá hạn (demo)",
      });
      await signIn("chairman");
      await page.setViewportSize({ width: 390, height: 844 });
      await open("/#/overview?period=2025-H2&tier=DEPARTMENT", "overview-page");
      const item = page.locator("[data-testid=overdue-action][data-action-id=CA-OVERDUE-SXD]");
      await item.waitFor({ timeout: 15_000 });
      expect(await page.locator("[data-testid=overdue-actions]").getAttribute("data-count")).toBe("1");
      expect(await item.textContent()).toContain("chờ đơn vị báo cáo");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAccessible("overview with overdue actions");
      await page.locator("[data-testid=overdue-actions]").scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, "chairman-overdue-actions-vi-390.png") });
      await item.locator("[data-testid=overdue-action-unit]").click();
      await page.locator("[data-testid=unit-actions] [data-action-id=CA-OVERDUE-SXD][data-overdue=AWAITING_REPORT]").waitFor({ timeout: 15_000 });
      await page.setViewportSize({ width: 1280, height: 900 });
    });
    // proposals on heads (issue 24, item 2)
    /** Home Affairs' writes the journeys set up through the API (a journey run alone with -t has no earlier journey's data). */
    const asHomeAffairs = async (method: string, path: string, body?: unknown) => {
      const login = (await (await fetch(`${base}/v1/local/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId: "home-affairs" }) })).json()) as { token: string };
      const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${login.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const out = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(out)}`);
      return out;
    };
    const phoneAndLanguages = async (name: string, waitEn: () => Promise<unknown>) => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await shot(`${name}-vi-1440`);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at 390 px`).toBeLessThanOrEqual(390);
      await shot(`${name}-vi-390`);
      await page.click("[data-testid=lang-en]");
      await waitEn();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at 390 px, English`).toBeLessThanOrEqual(390);
      await shot(`${name}-en-390`);
      await page.setViewportSize({ width: 1440, height: 900 });
      await shot(`${name}-en-1440`);
      await page.click("[data-testid=lang-vi]");
      await page.setViewportSize({ width: 1280, height: 900 });
    };

    it("records a proposal on a head citing a concluded finding and the rating; the chairman sees it beside the head's band, the public never", async () => {
      // A head rated in 2025-H2 and a concluded finding of their unit (set up through the API).
      const ratings = (await asHomeAffairs("GET", "/v1/head-ratings?period=2025-H2&tier=DEPARTMENT")) as { heads: { headId: string; unitId: string; band: string | null }[] };
      const head = ratings.heads.find((h) => h.band !== null);
      if (!head) throw new Error("no rated head in 2025-H2");
      const f = await asHomeAffairs("POST", "/v1/admin/findings", { findingId: "F-PROPOSAL-JOURNEY", unitId: head.unitId, period: "2025-H2", criterion: "PAR5", deduction: 1, evidence: "Biên bản kiểm tra 31/BB-SNV (demo)" });
      await asHomeAffairs("POST", "/v1/admin/findings/F-PROPOSAL-JOURNEY/conclude", { noticeNumber: "52/TB-SNV", noticeDate: "2026-01-05", version: f["version"] });

      await signIn("home-affairs");
      await open("/#/admin/proposals?period=2025-H2", "proposal-form");
      await page.fill("#p-unit", head.unitId);
      await page.selectOption("[data-testid=proposal-head]", head.headId);
      await page.selectOption("[data-testid=proposal-kind]", "CRITICISM");
      // The unit's findings arrive after the unit is chosen (slow on a loaded machine): wait for the one to cite.
      const cite = page.locator("[data-testid=proposal-finding][data-finding-id=F-PROPOSAL-JOURNEY] input");
      await cite.waitFor({ timeout: 30_000 });
      await cite.check();
      await page.check("[data-testid=proposal-rating]");
      const reason = "Chậm trả kết quả, kết luận kiểm tra 52/TB-SNV (demo)";
      await page.fill("[data-testid=proposal-reason]", reason);
      await page.click("[data-testid=proposal-create]");
      const card = page.locator("[data-testid=proposal][data-kind=CRITICISM][data-status=PROPOSED]").first();
      await card.waitFor({ timeout: 15_000 });
      expect(await card.locator("[data-testid=proposal-basis-item]").evaluateAll((li) => li.map((x) => x.getAttribute("data-kind")))).toEqual(["FINDING", "HEAD_RATING"]);
      await expectAccessible("proposals section");
      await phoneAndLanguages("home-affairs-proposals", () => page.locator("[data-testid=proposal-form] h3", { hasText: "Record a proposal" }).waitFor({ timeout: 15_000 }));

      // Never public: the public payloads of the period do not carry it.
      for (const path of ["/v1/public/meta", "/v1/public/rankings?period=2025-H2&tier=DEPARTMENT"]) expect(await (await fetch(`${base}${path}`)).text(), path).not.toContain("52/TB-SNV");

      await signIn("chairman");
      await open("/#/overview?period=2025-H2&tier=DEPARTMENT", "overview-page");
      const row = page.locator(`[data-testid=head-rating][data-head-id="${head.headId}"]`);
      const proposal = row.locator("[data-testid=head-proposal][data-kind=CRITICISM][data-status=PROPOSED]");
      await proposal.waitFor({ timeout: 30_000 });
      expect(await proposal.locator("[data-testid=proposal-basis-item]").count()).toBe(2);
      // (axe on the whole overview takes 4 s: the chairman's journey above checks that page.)
      await row.screenshot({ path: join(shots, "chairman-head-proposals.png") });
    });
    // reports and their submission (issue 24, item 3)
    it("sets the 2025-H1 deadline; Biên Hòa's officer submits the narrative; the tracker shows it submitted and the other districts not", async () => {
      await signIn("home-affairs");
      await open("/#/admin/reports?period=2025-H1", "deadline-form");
      await page.fill("[data-testid=deadline-input]", "2026-01-31");
      await page.click("[data-testid=deadline-save]");
      await page.locator("[data-testid=deadline-shown][data-deadline='2026-01-31']").waitFor({ timeout: 15_000 });

      await signIn("officer-bien-hoa");
      await open("/#/units/DIST-731?period=2025-H1", "narrative-form");
      await page.fill("[data-testid=narrative-text]", "Sáu tháng đầu năm 2025, thành phố giải quyết đúng hạn phần lớn hồ sơ; tồn tại: hồ sơ đất đai trễ hạn (demo).");
      await page.click("[data-testid=narrative-submit]");
      await page.locator("[data-testid=narrative-panel][data-state=SUBMITTED]").waitFor({ timeout: 15_000 });
      await expectAccessible("scorecard with the narrative");
      await page.locator("[data-testid=narrative-panel]").screenshot({ path: join(shots, "officer-narrative-submitted.png") });

      await signIn("home-affairs");
      await open("/#/admin/reports?period=2025-H1", "tracker-tier");
      await page.selectOption("[data-testid=tracker-tier]", "DISTRICT");
      await page.locator("[data-testid=tracker-unit][data-unit-id=DIST-731][data-state=SUBMITTED]").waitFor({ timeout: 15_000 });
      const states = await page.$$eval("[data-testid=tracker-unit]", (li) => li.map((x) => [x.getAttribute("data-unit-id"), x.getAttribute("data-state")]));
      // The catalog's 11 districts of 2025-H1; only Biên Hòa has submitted, the deadline (31 Jan 2026) has not passed on 12 Jan 2026.
      expect(states).toHaveLength(11);
      expect(states.filter(([, st]) => st !== "NOT_SUBMITTED")).toEqual([["DIST-731", "SUBMITTED"]]);
      expect(await page.locator("[data-testid=tracker-counts] [data-state=SUBMITTED]").getAttribute("data-count")).toBe("1");
      expect(await page.locator("[data-testid=tracker-unit][data-unit-id=DIST-731] [data-testid=tracker-report-link]").getAttribute("href")).toBe("#/report?period=2025-H1&unitId=DIST-731");
      await expectAccessible("reports section");
      await phoneAndLanguages("home-affairs-reports", () => page.locator("[data-testid=admin-page] h2", { hasText: "Six-monthly and annual reports" }).waitFor({ timeout: 15_000 }));
    });
    it("reads the 2025-H2 province report and Biên Hòa's 2025-H1 report, downloads its XLSX and prints its PDF with every section", async () => {
      await signIn("home-affairs");
      const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem("scorecard.session") ?? "{}") as { token?: string }).token ?? "");
      const report = async (path: string) => (await (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as ReportDocument;
      // The province: every ranked unit's row, as the report route lists them; no sideways scroll on a phone.
      const province = await report("/v1/reports/2025-H2");
      await open("/#/report?period=2025-H2", "report-document");
      await page.locator("[data-testid=report-chart-index][data-drawn=true]").waitFor({ timeout: 15_000 });
      expect(await page.locator("[data-testid=report-unit-row]").count()).toBe(province.units.length);
      // The first screen (the whole page is some 16 000 px of ranking tables); axe runs on the unit's report below, the same components.
      await page.screenshot({ path: join(shots, "report-province-2025-H2.png") });
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 5_000 }).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(shots, "report-province-2025-H2-phone.png") });
      await page.setViewportSize({ width: 1440, height: 900 });

      // Home Affairs freezes it: version 1 is the document as stored, whatever the working one does next.
      const published = await fetch(`${base}/v1/reports/publish`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ period: "2025-H2" }) });
      expect(published.status).toBe(201);
      const v1 = await (await fetch(`${base}${published.headers.get("location")}`, { headers: { authorization: `Bearer ${token}` } })).text();
      expect(JSON.parse(v1)).toMatchObject({ status: "published", version: 1, units: province.units });

      // One unit's half-year, in English once: its total as the route gives it.
      const unit = await report("/v1/units/DIST-731/reports/2025-H1");
      await open("/#/report?period=2025-H1&unitId=DIST-731&lang=en", "report-document");
      await page.locator("[data-testid=report-chart-groups][data-drawn=true]").waitFor({ timeout: 15_000 });
      expect(await page.locator("[data-testid=report-unit-total]").textContent()).toBe((unit.units[0]?.total as number).toFixed(2));
      await shot("report-unit-DIST-731-2025-H1-en");
      await open("/#/report?period=2025-H1&unitId=DIST-731&lang=vi", "report-document");
      await page.setViewportSize({ width: 390, height: 844 });
      // The chart redraws a frame after the resize.
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 5_000 }).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(shots, "report-unit-DIST-731-2025-H1-phone.png"), fullPage: true });
      await page.setViewportSize({ width: 1440, height: 900 });
      await expectAccessible("unit report");

      // The XLSX, read back: the unit's line of the summary sheet holds the route's total as a number.
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), page.click("[data-testid=report-xlsx]")]);
      const book = readXlsx(readFileSync(await download.path()));
      expect(book.map((x) => x.name)).toEqual(["Tóm tắt", "Chỉ số", "Người đứng đầu", "Kết luận kiểm tra", "Biện pháp khắc phục"]);
      expect([...(book[0]?.rows.values() ?? [])].find((r) => r[2] === "DIST-731")?.[4]).toBe(unit.units[0]?.total);

      // The PDF as the CLI prints it, rendered back to a PNG by pdf.js, with every section's heading in it.
      const pdfPage = await browser.newPage();
      const pdf = await printReportPdf(pdfPage, base, { period: "2025-H1", unitId: "DIST-731" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const { text } = await renderPdf(pdfPage, pdf, join(shots, "report-unit-DIST-731-2025-H1-pdf-page1.png"));
      await pdfPage.close();
      const flat = text.replace(/\s+/g, "");
      for (const heading of ["Báo cáo kết quả của đơn vị", "Chỉ số phục vụ người dân, doanh nghiệp", "Các chỉ số thành phần", "Chỉ số cải cách hành chính", "Đánh giá người đứng đầu", "Kết luận kiểm tra", "Biện pháp khắc phục", "Báo cáo của đơn vị"]) {
        expect(flat, heading).toContain(heading.replace(/\s+/g, ""));
      }
    });
    // rules as data (issue 24, item 4)
    it("records a year's days off and a merger as rules (refusals shown beside the row)", async () => {
      await signIn("home-affairs");
      await open("/#/admin/rules", "holiday-form");
      await expectAccessible("rules section");
      await page.setViewportSize({ width: 1440, height: 900 });
      await shot("rules-vi-1440");
      // 2027: a make-up working day on a Tuesday is refused beside its row; as a holiday it is recorded (version 1).
      await page.selectOption("[data-testid=holiday-year]", "2027");
      await page.click("[data-testid=holiday-add]");
      const row = page.locator("[data-testid=holiday-day]").last();
      await row.locator("input[type=date]").fill("2027-03-09");
      await row.locator("select").selectOption("MAKEUP_WORKDAY");
      await row.locator("input[lang=vi]").fill("Ngày nghỉ thêm (demo)");
      await row.locator("input[lang=en]").fill("Extra day off (demo)");
      await page.fill("[data-testid=holiday-basis]", "Thông báo 9/TB-BNV (demo)");
      await page.click("[data-testid=holiday-save]");
      await page.locator("[data-testid=holiday-day-error][data-code=MAKEUP_ON_WEEKDAY]").waitFor({ timeout: 15_000 });
      await expectAccessible("rules section with a refused row");
      await row.locator("select").selectOption("HOLIDAY");
      await page.click("[data-testid=holiday-save]");
      await page.locator("[data-testid=holiday-outcome][data-kind=ok]").waitFor({ timeout: 15_000 });
      expect(await page.locator("[data-testid=holiday-version]").count()).toBe(1);
      // A merger of two wards from this month (the clock's January 2026): one predecessor is refused per field, two are recorded.
      await page.fill("[data-testid=unit-change-from]", "2026-01-01");
      await page.fill("[data-testid=unit-change-predecessor-0-input]", "COM-26017-2025");
      await page.fill("[data-testid=unit-change-id]", "COM-26017-2026");
      await page.fill("[data-testid=unit-change-name-vi]", "Phường Tam Hiệp (demo)");
      await page.fill("[data-testid=unit-change-name-en]", "Tam Hiep Ward (demo)");
      await page.fill("[data-testid=unit-change-parent-input]", "PROV-75-2025");
      await page.fill("[data-testid=unit-change-basis]", "Nghị quyết 5/NQ-HĐND (demo)");
      await page.click("[data-testid=unit-change-save]");
      await page.locator("[data-testid=unit-change-error][data-code=TOO_FEW]").waitFor({ timeout: 15_000 });
      await page.fill("[data-testid=unit-change-predecessor-1-input]", "COM-26020-2025");
      await page.click("[data-testid=unit-change-save]");
      await page.locator("[data-testid=unit-change-outcome][data-kind=ok]").waitFor({ timeout: 15_000 });
      expect(await page.locator("[data-testid=unit-version][data-kind=MERGER]").count()).toBe(1);
      await expectAccessible("rules section after the changes");
      await shot("rules-vi-1440-recorded");
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    it("previews and publishes a methodology version (weights that do not add up refused per field), in Vietnamese and English, on a desktop and a phone", async () => {
      await signIn("home-affairs");
      await open("/#/admin/rules", "methodology-form");
      await page.setViewportSize({ width: 1440, height: 900 });
      // A methodology version from 1 February 2026: weights that do not add up are refused per field at the preview;
      // balanced (P1 25 in TDGQ 25, S3 1 in MDHL 13), the preview ranks the last scored period under it, then it is published.
      await page.fill("[data-testid=methodology-id]", "dn-2026.3");
      await page.fill("[data-testid=methodology-from]", "2026-02-01");
      await page.fill("[data-testid=methodology-name-vi]", "Phương pháp 2026.3 (demo)");
      await page.fill("[data-testid=methodology-name-en]", "Method 2026.3 (demo)");
      await page.fill("[data-testid=methodology-change-vi]", "Tăng trọng số đúng hạn (demo)");
      await page.fill("[data-testid=methodology-change-en]", "More weight on timeliness (demo)");
      await page.fill("[data-testid=methodology-basis]", "Quyết định 3/QĐ-UBND (demo)");
      const balanced = await page.inputValue("[data-testid=methodology-json]");
      await page.fill("[data-testid=methodology-json]", '{"indicators": {"P1": {"max": 25}}}');
      await page.click("[data-testid=methodology-preview]");
      await page.locator("[data-testid=methodology-error][data-field='groups.TDGQ.cap']").waitFor({ timeout: 15_000 });
      await page.fill("[data-testid=methodology-json]", balanced);
      await page.click("[data-testid=methodology-preview]");
      await page.locator("[data-testid=methodology-preview-unit]").first().waitFor({ timeout: 15_000 });
      await shot("rules-vi-1440-preview");
      await page.click("[data-testid=methodology-publish]");
      await page.locator("[data-testid=methodology-outcome][data-kind=ok]").waitFor({ timeout: 15_000 });
      expect(await page.locator("[data-testid=methodology-version][data-id='dn-2026.3']").count()).toBe(1);
      await expectAccessible("rules section after publishing a methodology version");
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot("rules-vi-390");
      await page.click("[data-testid=lang-en]");
      await page.locator("[data-testid=rules-holidays] h3", { hasText: "Holiday calendar" }).waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot("rules-en-390");
      await page.setViewportSize({ width: 1440, height: 900 });
      await shot("rules-en-1440");
      await page.click("[data-testid=lang-vi]");
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    it("opens the publishing and audit sections", async () => {
      for (const section of ["publish", "audit"]) {
        await open(`/#/admin/${section}?period=2025-H2`, "admin-page");
        await page.waitForSelector(`[data-testid=admin-page][data-section=${section}]`);
        expect(await page.locator("[data-testid=admin-page]").getAttribute("data-section")).toBe(section);
        await expectAccessible(`admin ${section}`);
        await shot(`home-affairs-${section}`);
      }
    });
  });
});
