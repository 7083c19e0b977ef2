import type { Actor, StoredSurveyResult } from "../../ports/admin.js";
import { parse } from "csv-parse/sync";
import { isPeriodId, parsePeriod } from "@scorecard/shared";
import { looksLikeFormula } from "@scorecard/shared/admin/csv";
import type { SurveyImportReport, SurveyResult } from "@scorecard/shared/contracts/admin";
import { type AdminDeps, AdminError, type FieldError, auditEntry, flushAudit } from "./common.js";

/** The columns of the satisfaction-survey CSV (methodology §5, criterion 8): header row required. */
export const SURVEY_COLUMNS = ["unitId", "period", "share", "respondents", "evidence"] as const;
const REQUIRED = new Set(["unitId", "period", "share", "evidence"]);
export const MAX_SURVEY_ROWS = 5000;

export interface SurveyRow {
  readonly unitId: string;
  readonly period: string;
  readonly share: number;
  readonly respondents: number | null;
  readonly evidence: string;
  /** Line of the row in the file (1 = the header). */
  readonly row: number;
}

/**
 * Parse and validate every row; any error refuses the whole file (nothing is stored) with errors
 * naming the row (1 = the header) and the column. A cell that a spreadsheet would run as a formula
 * (= + - @ tab CR) is rejected, not stored.
 */
export function parseSurveyCsv(deps: Pick<AdminDeps, "catalog">, text: string): SurveyRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: false }) as unknown as typeof records;
  } catch (e) {
    throw new AdminError("INVALID", `The CSV could not be read: ${(e as Error).message}`, [{ code: "MALFORMED_CSV", field: "body", message: (e as Error).message }]);
  }
  const errors: FieldError[] = [];
  const err = (row: number, column: string, code: string, message: string) => errors.push({ code, field: column, row, column, message: `row ${row}, column ${column}: ${message}` });
  const header = records[0]?.record.map((h) => h.trim());
  if (!header) throw new AdminError("INVALID", "The CSV is empty.", [{ code: "EMPTY_CSV", field: "body", message: "a header row and at least one data row are required" }]);
  header.forEach((h, i) => {
    if (!(SURVEY_COLUMNS as readonly string[]).includes(h)) err(1, h || `#${i + 1}`, "UNKNOWN_COLUMN", `unknown column (expected ${SURVEY_COLUMNS.join(", ")})`);
    else if (header.indexOf(h) !== i) err(1, h, "DUPLICATE_COLUMN", "the column appears twice");
  });
  for (const r of REQUIRED) if (!header.includes(r)) err(1, r, "MISSING_COLUMN", "required column is missing");
  if (records.length < 2) err(2, "unitId", "EMPTY_CSV", "no data rows");
  if (records.length - 1 > MAX_SURVEY_ROWS) err(MAX_SURVEY_ROWS + 2, "unitId", "TOO_MANY_ROWS", `at most ${MAX_SURVEY_ROWS} rows per file`);
  if (errors.length > 0) throw new AdminError("INVALID", `The CSV has ${errors.length} error(s).`, errors);

  const rows: SurveyRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const row = info.lines;
    if (record.length !== header.length) {
      err(row, "*", "COLUMN_COUNT", `${record.length} cells, the header has ${header.length}`);
      continue;
    }
    const cell = (c: string) => {
      const i = header.indexOf(c);
      return i < 0 ? "" : (record[i] as string);
    };
    let bad = false;
    for (const c of header) {
      if (looksLikeFormula(cell(c))) {
        err(row, c, "FORMULA_REJECTED", "starts with = + - @, a tab or a carriage return (a spreadsheet formula)");
        bad = true;
      }
    }
    for (const c of header) {
      // What the JSON routes refuse in typed text (shared/src/contracts/admin-requests.ts humanText), the file may not smuggle in.
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(cell(c))) {
        err(row, c, "INVALID_VALUE", "control characters are not allowed");
        bad = true;
      }
    }
    if (bad) continue;
    const unitId = cell("unitId").trim();
    const period = cell("period").trim();
    const shareText = cell("share").trim();
    const respondentsText = cell("respondents").trim();
    const evidence = cell("evidence").trim();
    if (!isPeriodId(period)) err(row, "period", "INVALID_VALUE", "a period id such as 2024-H1 or 2024");
    else {
      const p = parsePeriod(period);
      const unit = deps.catalog.get(unitId);
      if (!unit || deps.catalog.validIn(unit.tier, p.startDate, p.endDate).every((u) => u.unitId !== unitId)) err(row, "unitId", "UNKNOWN_UNIT", `no unit "${unitId}" in the catalog during ${p.id}`);
    }
    const share = /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(shareText) ? Number(shareText) : Number.NaN;
    if (!(share >= 0 && share <= 1)) err(row, "share", "OUT_OF_RANGE", "a decimal share between 0 and 1 (e.g. 0.87)");
    let respondents: number | null = null;
    if (respondentsText !== "") {
      if (!/^\d{1,7}$/.test(respondentsText)) err(row, "respondents", "INVALID_VALUE", "a whole number of respondents");
      else respondents = Number(respondentsText);
    }
    if (evidence.length === 0 || evidence.length > 500) err(row, "evidence", "INVALID_VALUE", "an evidence reference of 1 to 500 characters");
    const key = `${unitId}|${period}`;
    if (seen.has(key)) err(row, "unitId", "DUPLICATE_ROW", `same unit and period as row ${seen.get(key)}`);
    seen.set(key, row);
    rows.push({ unitId, period: isPeriodId(period) ? parsePeriod(period).id : period, share, respondents, evidence, row });
  }
  if (errors.length > 0) throw new AdminError("INVALID", `The CSV has ${errors.length} error(s).`, errors);
  return rows;
}

/** Import a validated survey file: one conditional write per unit and period, each audited. */
export const importSurvey =
  (deps: AdminDeps) =>
  async (actor: Actor, text: string): Promise<SurveyImportReport> => {
    const rows = parseSurveyCsv(deps, text);
    const importId = deps.newId();
    const byPeriod = new Map<string, Map<string, StoredSurveyResult>>();
    for (const p of new Set(rows.map((r) => r.period))) byPeriod.set(p, new Map((await deps.stores.surveys.list(p)).map((s) => [s.unitId, s])));
    const conflicts: FieldError[] = [];
    let imported = 0;
    for (const r of rows) {
      const current = byPeriod.get(r.period)?.get(r.unitId);
      await flushAudit(deps, current);
      const version = (current?.version ?? 0) + 1;
      const next: StoredSurveyResult = { unitId: r.unitId, periodId: r.period, share: r.share, respondents: r.respondents, evidence: r.evidence, importId, updatedAt: deps.clock.now().toISOString(), version, lastAudit: null };
      const show = (s: StoredSurveyResult | undefined) => (s ? { share: s.share, respondents: s.respondents, evidence: s.evidence, importId: s.importId, version: s.version } : null);
      const entry = auditEntry(deps, actor, "survey.import", "survey", `${r.period}/${r.unitId}`, version, show(current), show(next));
      if ((await deps.stores.surveys.put({ ...next, lastAudit: entry }, current?.version ?? 0)) === "ok") {
        await deps.stores.audit.append(entry);
        imported++;
      } else {
        conflicts.push({ code: "CONCURRENT_CHANGE", field: "unitId", row: r.row, column: "unitId", message: `row ${r.row}: ${r.unitId} / ${r.period} was changed by another import meanwhile; not stored, import the row again` });
      }
    }
    return { importId, rows: rows.length, imported, conflicts };
  };

export const listSurvey = (deps: AdminDeps) => async (periodId: string): Promise<SurveyResult[]> =>
  (await deps.stores.surveys.list(parsePeriod(periodId).id)).map((s) => ({ unitId: s.unitId, period: s.periodId, share: s.share, respondents: s.respondents, evidence: s.evidence, importId: s.importId, version: s.version, updatedAt: s.updatedAt }));
