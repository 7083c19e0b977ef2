/**
 * The report's files on the command line (issue 24, item 3): the XLSX workbook written with
 * write-excel-file's Node build from the same sheets the dashboard writes (shared/src/reports/report-sheets.ts).
 */
import { DEFAULT_METHODOLOGY_ID, METHODOLOGIES } from "@scorecard/shared";
import type { ReportDocument } from "@scorecard/shared/contracts/reports";
import type { Lang } from "@scorecard/shared/methodology/methodology";
import { reportSheets, workbookSheets } from "@scorecard/shared/reports/report-sheets";

/** The workbook of a report document, in `lang`. */
export async function reportWorkbook(doc: ReportDocument, lang: Lang, unitName?: string): Promise<Buffer> {
  const { default: writeXlsxFile } = await import("write-excel-file/node");
  const m = METHODOLOGIES[doc.methodology] ?? METHODOLOGIES[DEFAULT_METHODOLOGY_ID]!;
  return writeXlsxFile(workbookSheets(reportSheets(doc, m, lang, unitName)), {}).toBuffer();
}

/** What `printReportPdf` needs of a Chromium page (playwright-core's Page). */
export interface PdfPage {
  addInitScript(script: string): Promise<unknown>;
  goto(url: string): Promise<unknown>;
  waitForFunction(f: () => boolean, arg?: undefined, options?: { timeout?: number }): Promise<unknown>;
  evaluate<T>(f: () => T): Promise<T>;
  pdf(options: { path?: string; format: string; printBackground: boolean; margin: Record<string, string> }): Promise<Buffer>;
}

/**
 * The report page printed to an A4 PDF by Chromium (the dashboard's `@media print` layout): signed
 * in as `userId` through the local runtime's demo sign-in, once the document and its charts are drawn.
 * Returns the PDF's bytes; throws when the page could not load the report.
 */
export async function printReportPdf(page: PdfPage, base: string, o: { period: string; unitId?: string | undefined; lang?: Lang; userId?: string; out?: string }): Promise<Buffer> {
  const login = await fetch(`${base}/v1/local/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId: o.userId ?? "home-affairs" }) });
  if (!login.ok) throw new Error(`sign-in as ${o.userId ?? "home-affairs"} refused: ${login.status}`);
  const session = JSON.stringify(await login.json());
  await page.addInitScript(`sessionStorage.setItem("scorecard.session", ${JSON.stringify(session)});`);
  const query = new URLSearchParams({ period: o.period, ...(o.unitId ? { unitId: o.unitId } : {}), ...(o.lang === "en" ? { lang: "en" } : {}) });
  await page.goto(`${base}/#/report?${query.toString()}`);
  // Functions, not strings: the site's Content-Security-Policy refuses string evaluation.
  await page.waitForFunction(
    () => {
      const state = document.body.dataset["state"];
      if (state === "error") return true;
      if (state !== "ready" || document.querySelector("[data-testid=loading-state]") !== null) return false;
      const doc = document.querySelector("[data-testid=report-document]");
      // A notice (not signed in, not allowed, not scored) in place of the document ends the wait too.
      return doc === null || [...doc.querySelectorAll<HTMLElement>("figure.chart")].every((f) => f.dataset["drawn"] === "true");
    },
    undefined,
    { timeout: 60_000 },
  );
  if (!(await page.evaluate(() => document.querySelector("[data-testid=report-document]") !== null))) {
    throw new Error(`the report page could not show ${o.period}${o.unitId ? ` of ${o.unitId}` : ""}: is the period scored, and is it a half-year or a year?`);
  }
  return page.pdf({ ...(o.out ? { path: o.out } : {}), format: "A4", printBackground: true, margin: { top: "12mm", bottom: "14mm", left: "12mm", right: "12mm" } });
}
