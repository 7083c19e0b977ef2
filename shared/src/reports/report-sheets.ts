/**
 * A report document (contracts/reports.ts) as the sheets of one XLSX workbook (issue 24, item 3;
 * docs/adr/0021-reports.md): summary, indicators, head ratings, findings, corrective actions.
 * Pure: the dashboard writes the sheets with write-excel-file's browser build, the CLI with its
 * Node build. Numbers stay numbers (with a number format); text a spreadsheet could take for a
 * formula (= + - @, a tab or a carriage return first) is prefixed with ' (as the audit CSV).
 */
import type { ReportDocument } from "../contracts/reports.js";
import { bandLabel, groupLabel, indicatorLabel } from "../methodology/labels.js";
import type { Lang, Methodology } from "../methodology/methodology.js";

export interface SheetCell {
  readonly value: string | number | null;
  /** An Excel number format: "0.00", "0.0%", "#,##0". */
  readonly format?: string;
  readonly bold?: boolean;
}

export interface ReportSheet {
  /** ≤ 31 characters (Excel's limit). */
  readonly name: string;
  readonly widths: readonly number[];
  readonly rows: readonly (readonly SheetCell[])[];
}

/** The workbook's words, Vietnamese first; English typed by the same interface. */
export interface SheetWords {
  readonly sheets: { readonly summary: string; readonly indicators: string; readonly heads: string; readonly findings: string; readonly actions: string };
  readonly report: { readonly province: string; readonly unit: string };
  readonly meta: {
    readonly report: string;
    readonly period: string;
    readonly previous: string;
    readonly unit: string;
    readonly methodology: string;
    readonly dataAsOf: string;
    readonly builtAt: string;
    readonly status: string;
    readonly draft: string;
    readonly published: (v: number) => string;
  };
  readonly tiers: Readonly<Record<string, string>>;
  readonly col: {
    readonly tier: string;
    readonly unitsCount: string;
    readonly ranked: string;
    readonly meanTotal: string;
    readonly previousMeanTotal: string;
    readonly change: string;
    readonly rank: string;
    readonly unitId: string;
    readonly unitName: string;
    readonly total: string;
    readonly band: string;
    readonly previousTotal: string;
    readonly rankChange: string;
    readonly reform: string;
    readonly reformChange: string;
    readonly code: string;
    readonly indicator: string;
    readonly group: string;
    readonly numerator: string;
    readonly denominator: string;
    readonly value: string;
    readonly points: string;
    readonly max: string;
    readonly previousValue: string;
    readonly previousPoints: string;
    readonly pointsChange: string;
    readonly head: string;
    readonly title: string;
    readonly headStatus: string;
    readonly results: string;
    readonly general: string;
    readonly findingId: string;
    readonly criterion: string;
    readonly deduction: string;
    readonly evidence: string;
    readonly notice: string;
    readonly noticeDate: string;
    readonly actionId: string;
    readonly basis: string;
    readonly basisPeriod: string;
    readonly required: string;
    readonly deadline: string;
    readonly actionStatus: string;
    readonly overdue: string;
    readonly lastReport: string;
  };
  readonly headStatus: Readonly<Record<"RATED" | "PENDING" | "NOT_RATED", string>>;
  readonly basis: Readonly<Record<"FINDING" | "INDICATOR" | "BAND", string>>;
  readonly actionStatus: Readonly<Record<"OPEN" | "REPORTED" | "ACCEPTED" | "REOPENED", string>>;
  readonly yes: string;
  readonly no: string;
  readonly none: string;
  readonly actionsNotKept: string;
}

export const SHEET_WORDS: Readonly<Record<Lang, SheetWords>> = {
  vi: {
    sheets: { summary: "Tóm tắt", indicators: "Chỉ số", heads: "Người đứng đầu", findings: "Kết luận kiểm tra", actions: "Biện pháp khắc phục" },
    report: { province: "Báo cáo của tỉnh", unit: "Báo cáo của đơn vị" },
    meta: {
      report: "Báo cáo",
      period: "Kỳ báo cáo",
      previous: "So với kỳ",
      unit: "Đơn vị",
      methodology: "Phương pháp",
      dataAsOf: "Số liệu tính đến",
      builtAt: "Lập lúc",
      status: "Tình trạng",
      draft: "Bản làm việc (chưa công bố)",
      published: (v) => `Đã công bố, phiên bản ${v}`,
    },
    tiers: { DEPARTMENT: "Sở, ban, ngành", DISTRICT: "UBND cấp huyện", COMMUNE: "Xã, phường", VERTICAL: "Cơ quan ngành dọc" },
    col: {
      tier: "Nhóm đơn vị",
      unitsCount: "Số đơn vị",
      ranked: "Được xếp hạng",
      meanTotal: "Điểm trung bình",
      previousMeanTotal: "Điểm trung bình kỳ trước",
      change: "Thay đổi",
      rank: "Hạng",
      unitId: "Mã đơn vị",
      unitName: "Tên đơn vị",
      total: "Tổng điểm",
      band: "Xếp loại",
      previousTotal: "Tổng điểm kỳ trước",
      rankChange: "Thay đổi hạng (+: tăng)",
      reform: "Chỉ số CCHC",
      reformChange: "Thay đổi chỉ số CCHC",
      code: "Mã",
      indicator: "Chỉ số",
      group: "Nhóm",
      numerator: "Tử số",
      denominator: "Mẫu số",
      value: "Giá trị",
      points: "Điểm",
      max: "Điểm tối đa",
      previousValue: "Giá trị kỳ trước",
      previousPoints: "Điểm kỳ trước",
      pointsChange: "Thay đổi điểm",
      head: "Người đứng đầu",
      title: "Chức vụ",
      headStatus: "Tình trạng",
      results: "Điểm kết quả",
      general: "Điểm tiêu chí chung",
      findingId: "Mã kết luận",
      criterion: "Tiêu chí",
      deduction: "Điểm trừ",
      evidence: "Căn cứ",
      notice: "Số thông báo",
      noticeDate: "Ngày thông báo",
      actionId: "Mã biện pháp",
      basis: "Căn cứ",
      basisPeriod: "Kỳ căn cứ",
      required: "Yêu cầu khắc phục",
      deadline: "Hạn",
      actionStatus: "Tình trạng",
      overdue: "Quá hạn",
      lastReport: "Đơn vị báo cáo đã làm",
    },
    headStatus: { RATED: "Đã xếp loại", PENDING: "Chờ đủ dữ liệu", NOT_RATED: "Không xếp loại" },
    basis: { FINDING: "Kết luận kiểm tra", INDICATOR: "Chỉ số", BAND: "Xếp loại" },
    actionStatus: { OPEN: "Đang thực hiện", REPORTED: "Đơn vị đã báo cáo", ACCEPTED: "Đã chấp nhận", REOPENED: "Yêu cầu làm lại" },
    yes: "Có",
    no: "Không",
    none: "Không có",
    actionsNotKept: "Hệ thống này chưa lưu biện pháp khắc phục.",
  },
  en: {
    sheets: { summary: "Summary", indicators: "Indicators", heads: "Heads of unit", findings: "Findings", actions: "Corrective actions" },
    report: { province: "Province report", unit: "Unit report" },
    meta: {
      report: "Report",
      period: "Period",
      previous: "Compared with",
      unit: "Unit",
      methodology: "Methodology",
      dataAsOf: "Data as of",
      builtAt: "Built at",
      status: "Status",
      draft: "Working copy (not published)",
      published: (v) => `Published, version ${v}`,
    },
    tiers: { DEPARTMENT: "Departments", DISTRICT: "District People's Committees", COMMUNE: "Communes and wards", VERTICAL: "Vertical agencies" },
    col: {
      tier: "Tier",
      unitsCount: "Units",
      ranked: "Ranked",
      meanTotal: "Mean total",
      previousMeanTotal: "Previous mean total",
      change: "Change",
      rank: "Rank",
      unitId: "Unit id",
      unitName: "Unit",
      total: "Total",
      band: "Band",
      previousTotal: "Previous total",
      rankChange: "Rank change (+: up)",
      reform: "Reform index",
      reformChange: "Reform index change",
      code: "Code",
      indicator: "Indicator",
      group: "Group",
      numerator: "Numerator",
      denominator: "Denominator",
      value: "Value",
      points: "Points",
      max: "Max points",
      previousValue: "Previous value",
      previousPoints: "Previous points",
      pointsChange: "Points change",
      head: "Head of unit",
      title: "Title",
      headStatus: "Status",
      results: "Results points",
      general: "General criteria points",
      findingId: "Finding id",
      criterion: "Criterion",
      deduction: "Deduction",
      evidence: "Evidence",
      notice: "Notice number",
      noticeDate: "Notice date",
      actionId: "Action id",
      basis: "Basis",
      basisPeriod: "Basis period",
      required: "What must change",
      deadline: "Deadline",
      actionStatus: "Status",
      overdue: "Overdue",
      lastReport: "What the unit reported",
    },
    headStatus: { RATED: "Rated", PENDING: "Pending", NOT_RATED: "Not rated" },
    basis: { FINDING: "Inspection finding", INDICATOR: "Indicator", BAND: "Band" },
    actionStatus: { OPEN: "Open", REPORTED: "Reported by the unit", ACCEPTED: "Accepted", REOPENED: "Reopened" },
    yes: "Yes",
    no: "No",
    none: "None",
    actionsNotKept: "This deployment keeps no corrective actions yet.",
  },
};

/** Text a spreadsheet could read as a formula gets a leading apostrophe. */
export const neutralise = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

const text = (s: string | null | undefined, bold = false): SheetCell => ({ value: s === null || s === undefined ? null : neutralise(s), ...(bold ? { bold } : {}) });
const num = (n: number | null | undefined, format: string): SheetCell => ({ value: n === null || n === undefined ? null : n, format });
const POINTS = "0.00";
const SHARE = "0.0%";
const COUNT = "#,##0";
const head = (labels: readonly string[]): SheetCell[] => labels.map((l) => text(l, true));

/** The sheets of a report document, in `lang`, with the names of methodology `m`. */
export function reportSheets(doc: ReportDocument, m: Methodology, lang: Lang, unitName?: string): ReportSheet[] {
  const w = SHEET_WORDS[lang];
  const c = w.col;
  const name = (u: { nameVi: string; nameEn: string }) => (lang === "en" ? u.nameEn : u.nameVi);
  const band = (code: string | null, bands = m.bands) => (code === null ? null : bandLabel(bands, code, lang, "short"));
  const tier = (t: string) => w.tiers[t] ?? t;

  const meta: SheetCell[][] = [
    [text(w.meta.report, true), text(doc.scope === "province" ? w.report.province : w.report.unit)],
    [text(w.meta.period, true), text(doc.period)],
    [text(w.meta.previous, true), text(doc.previousPeriod)],
    ...(doc.unitId ? [[text(w.meta.unit, true), text(unitName ?? doc.unitId)]] : []),
    [text(w.meta.methodology, true), text(doc.methodology)],
    [text(w.meta.dataAsOf, true), text(doc.dataAsOf)],
    [text(w.meta.builtAt, true), text(doc.builtAt)],
    [text(w.meta.status, true), text(doc.version === null ? w.meta.draft : w.meta.published(doc.version))],
    [],
  ];
  const tiers: SheetCell[][] = [
    head([c.tier, c.unitsCount, c.ranked, c.meanTotal, c.previousMeanTotal, c.change]),
    ...doc.tiers.map((t) => [text(tier(t.tier)), num(t.units, COUNT), num(t.ranked, COUNT), num(t.meanTotal, POINTS), num(t.previousMeanTotal, POINTS), num(t.change, POINTS)]),
    [],
  ];
  const units: SheetCell[][] = [
    head([c.tier, c.rank, c.unitId, c.unitName, c.total, c.band, c.previousTotal, c.change, c.rankChange, c.reform, c.reformChange]),
    ...doc.units.map((u) => [
      text(tier(u.tier)),
      num(u.rank, COUNT),
      text(u.unitId),
      text(name(u)),
      num(u.total, POINTS),
      text(band(u.band)),
      num(u.previous?.total, POINTS),
      num(u.change.total, POINTS),
      num(u.change.rank, COUNT),
      num(u.reform?.total, POINTS),
      num(u.change.reform, POINTS),
    ]),
  ];
  const summary: ReportSheet = { name: w.sheets.summary, widths: [26, 10, 16, 40, 12, 14, 14, 12, 14, 12, 14], rows: [...meta, ...tiers, ...units] };

  const codes = m.indicators.map((d) => d.code);
  const indicators: ReportSheet = {
    name: w.sheets.indicators,
    widths: [16, 36, 8, 36, 12, 12, 12, 10, 10, 14, 14, 12],
    rows: [
      head([c.unitId, c.unitName, c.code, c.indicator, c.numerator, c.denominator, c.value, c.points, c.max, c.previousValue, c.previousPoints, c.pointsChange]),
      ...doc.units.flatMap((u) =>
        [...codes, ...Object.keys(u.indicators).filter((k) => !codes.includes(k))]
          .filter((code) => u.indicators[code] !== undefined)
          .map((code) => {
            const v = u.indicators[code]!;
            const p = u.previous?.indicators[code];
            return [
              text(u.unitId),
              text(name(u)),
              text(code),
              text(indicatorLabel(m, code, lang, "long")),
              num(v.numerator, COUNT),
              num(v.denominator, COUNT),
              num(v.ratio, SHARE),
              num(v.points, POINTS),
              num(v.max, POINTS),
              num(p?.ratio, SHARE),
              num(p?.points, POINTS),
              num(v.points !== null && p?.points !== null && p?.points !== undefined ? Math.round((v.points - p.points) * 1e4) / 1e4 : null, POINTS),
            ];
          }),
      ),
      [],
      head([c.unitId, c.unitName, c.group, c.points, c.max]),
      ...doc.units.flatMap((u) => Object.entries(u.groups).map(([g, v]) => [text(u.unitId), text(name(u)), text(groupLabel(m, g, lang, "short")), num(v.points, POINTS), num(v.max, POINTS)])),
    ],
  };

  const heads: ReportSheet = {
    name: w.sheets.heads,
    widths: [16, 36, 28, 20, 18, 12, 12, 12, 14, 14, 14, 12],
    rows: [
      head([c.unitId, c.unitName, c.head, c.title, c.headStatus, c.results, c.general, c.total, c.band, c.previousTotal, c.change]),
      ...doc.heads.map((h) => [
        text(h.unitId),
        text(lang === "en" ? h.unitNameEn : h.unitNameVi),
        text(h.name),
        text(h.title),
        text(w.headStatus[h.status]),
        num(h.results, POINTS),
        num(h.general, POINTS),
        num(h.total, POINTS),
        text(band(h.band, m.headRating.bands)),
        num(h.previousTotal, POINTS),
        num(h.change, POINTS),
      ]),
    ],
  };

  const findings: ReportSheet = {
    name: w.sheets.findings,
    widths: [16, 20, 10, 10, 50, 16, 14],
    rows: [
      head([c.unitId, c.findingId, c.criterion, c.deduction, c.evidence, c.notice, c.noticeDate]),
      ...doc.findings.map((f) => [text(f.unitId), text(f.findingId), text(f.criterion), num(f.deduction, POINTS), text(f.evidence), text(f.noticeNumber), text(f.noticeDate)]),
    ],
  };

  const actions: ReportSheet = {
    name: w.sheets.actions,
    widths: [16, 20, 18, 10, 10, 40, 12, 18, 8, 40],
    rows:
      doc.actions === null
        ? [[text(w.actionsNotKept)]]
        : [
            head([c.unitId, c.actionId, c.basis, c.basisPeriod, c.indicator, c.required, c.deadline, c.actionStatus, c.overdue, c.lastReport]),
            ...doc.actions.map((a) => [
              text(a.unitId),
              text(a.actionId),
              text(w.basis[a.basisKind]),
              text(a.basisPeriod),
              text(a.indicator),
              text(a.required),
              text(a.deadline),
              text(w.actionStatus[a.status]),
              text(a.overdue ? w.yes : w.no),
              text(a.lastReport),
            ]),
          ],
  };
  return [summary, indicators, heads, findings, actions];
}

/**
 * Our sheets in write-excel-file's shape (its `Sheet`: the dashboard's browser build and the CLI's
 * Node build take the same): numbers as numbers with their format, headers bold, column widths.
 * Built here once so the two files cannot differ; no import of the library.
 */
export const workbookSheets = (sheets: readonly ReportSheet[]) =>
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
