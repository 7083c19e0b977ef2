/**
 * CSV for exports and imports that a spreadsheet may open (OWASP "CSV injection"): a cell that
 * starts with = + - @, a tab or a carriage return is a formula to Excel / LibreOffice / Sheets.
 * Pure: no I/O.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Would a spreadsheet read this cell as a formula? */
export const looksLikeFormula = (cell: string): boolean => FORMULA_START.test(cell);

/** Neutralise a cell for export: prefix ' to a formula-looking cell (it then shows as text). */
export const neutraliseCell = (cell: string): string => (looksLikeFormula(cell) ? `'${cell}` : cell);

/** RFC 4180 quoting, after neutralisation. */
export function csvCell(value: unknown): string {
  const s = neutraliseCell(value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rows to CSV text (CRLF line ends, header first), every cell neutralised and quoted as needed.
 * @example toCsv(["a", "b"], [["=1+1", "x,y"]]) === "a,b\r\n'=1+1,\"x,y\"\r\n"
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
