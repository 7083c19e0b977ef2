/**
 * The report's workbook in the browser (issue 24, item 3): write-excel-file's browser build and
 * the shared sheets (shared/src/reports/report-sheets.ts), both loaded only when the reader asks
 * for the file — neither is in the report page's own chunk.
 */
import type { ReportDocument } from "@scorecard/shared/contracts/reports";
import type { Lang, Methodology } from "@scorecard/shared/methodology/methodology";

export async function downloadReportXlsx(doc: ReportDocument, m: Methodology, lang: Lang, fileName: string, unitName?: string): Promise<void> {
  const [{ default: writeXlsxFile }, { reportSheets, workbookSheets }] = await Promise.all([import("write-excel-file/browser"), import("@scorecard/shared/reports/report-sheets")]);
  const sheets = workbookSheets(reportSheets(doc, m, lang, unitName));
  await writeXlsxFile(sheets, {}).toFile(fileName);
}
