/**
 * The report's workbook in the browser (issue 24, item 3): write-excel-file's browser build and
 * the shared sheets (shared/src/reports/report-sheets.ts), both loaded only when the reader asks
 * for the file — neither is in the report page's own chunk.
 */
import type { ReportDocument } from "@scorecard/shared/contracts/reports";
import type { Lang, Methodology } from "@scorecard/shared/methodology/methodology";

export async function downloadReportXlsx(doc: ReportDocument, m: Methodology, lang: Lang, fileName: string, unitName?: string): Promise<void> {
  const [{ default: writeXlsxFile }, { reportSheets }] = await Promise.all([import("write-excel-file/browser"), import("@scorecard/shared/reports/report-sheets")]);
  const sheets = reportSheets(doc, m, lang, unitName).map((s) => ({
    sheet: s.name,
    columns: s.widths.map((width) => ({ width })),
    data: s.rows.map((row) =>
      row.map((c) =>
        c.value === null
          ? null
          : typeof c.value === "number"
            ? { value: c.value, type: Number, ...(c.format ? { format: c.format } : {}) }
            : { value: c.value, type: String, ...(c.bold ? { fontWeight: "bold" as const } : {}) },
      ),
    ),
  }));
  await writeXlsxFile(sheets, {}).toFile(fileName);
}
