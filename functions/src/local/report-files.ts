/**
 * The report's files on the command line (issue 24, item 3): the XLSX workbook written with
 * write-excel-file's Node build from the same sheets the dashboard writes (shared/src/reports/report-sheets.ts).
 */
import { DEFAULT_METHODOLOGY_ID, METHODOLOGIES } from "@scorecard/shared";
import type { ReportDocument } from "@scorecard/shared/contracts/reports";
import type { Lang } from "@scorecard/shared/methodology/methodology";
import { type ReportSheet, reportSheets } from "@scorecard/shared/reports/report-sheets";
import type { Sheet } from "write-excel-file/node";
import type { Readable } from "node:stream";

/** write-excel-file's sheets: numbers as numbers with their format, headers bold, column widths. */
export const toWorkbookSheets = <F>(sheets: readonly ReportSheet[]): Sheet<F>[] =>
  sheets.map((s) => ({
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

/** The workbook of a report document, in `lang`. */
export async function reportWorkbook(doc: ReportDocument, lang: Lang, unitName?: string): Promise<Buffer> {
  const { default: writeXlsxFile } = await import("write-excel-file/node");
  const m = METHODOLOGIES[doc.methodology] ?? METHODOLOGIES[DEFAULT_METHODOLOGY_ID]!;
  return writeXlsxFile(toWorkbookSheets<Readable | Buffer>(reportSheets(doc, m, lang, unitName)), {}).toBuffer();
}
