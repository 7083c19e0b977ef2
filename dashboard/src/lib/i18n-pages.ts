/**
 * Words of the pages loaded on demand (login, scorecard, overview, methodology, report, Home
 * Affairs), kept out of the first page's chunk; one file per page under ./i18n/. Same rule as i18n.ts: English is typed by the
 * Vietnamese interface, so a missing key fails the typecheck. Numbers and dates go through format.ts.
 */
import type { Lang } from "./i18n.js";
import { type LoginMessages, loginEn, loginVi } from "./i18n/login.js";
import { type CommonMessages, commonEn, commonVi } from "./i18n/common.js";
import { type ScorecardMessages, scorecardEn, scorecardVi } from "./i18n/scorecard.js";
import { type CasesMessages, casesEn, casesVi } from "./i18n/cases.js";
import { type OverviewMessages, overviewEn, overviewVi } from "./i18n/overview.js";
import { type PublicUnitMessages, publicUnitEn, publicUnitVi } from "./i18n/public-unit.js";
import { type MethodologyMessages, methodologyEn, methodologyVi } from "./i18n/methodology.js";
import { type ReportMessages, reportEn, reportVi } from "./i18n/report.js";
import { type AdminMessages, adminEn, adminVi } from "./i18n/admin.js";
import { type OpenDataMessages, openDataEn, openDataVi } from "./i18n/open-data.js";

export interface PageMessages {
  readonly login: LoginMessages;
  readonly common: CommonMessages;
  readonly scorecard: ScorecardMessages;
  readonly cases: CasesMessages;
  readonly overview: OverviewMessages;
  readonly publicUnit: PublicUnitMessages;
  readonly methodology: MethodologyMessages;
  readonly report: ReportMessages;
  readonly admin: AdminMessages;
  readonly openData: OpenDataMessages;
}

const vi: PageMessages = { login: loginVi, common: commonVi, scorecard: scorecardVi, cases: casesVi, overview: overviewVi, publicUnit: publicUnitVi, methodology: methodologyVi, report: reportVi, admin: adminVi, openData: openDataVi };
const en: PageMessages = { login: loginEn, common: commonEn, scorecard: scorecardEn, cases: casesEn, overview: overviewEn, publicUnit: publicUnitEn, methodology: methodologyEn, report: reportEn, admin: adminEn, openData: openDataEn };

export const PAGE_MESSAGES: Readonly<Record<Lang, PageMessages>> = { vi, en };

// ——— Heads of unit (methodology §6) and the reform index (§5): the overview's sections, a unit's scorecard, the admin form ———

export interface RatingsMessages {
  readonly heads: {
    readonly lead: string;
    readonly caption: (tier: string, period: string) => string;
    readonly name: string;
    readonly unit: string;
    readonly tenure: string;
    readonly tenureDays: (days: string, periodDays: string) => string;
    readonly inOfficeUntilEnd: string;
    readonly cases: (n: string) => string;
    readonly results: (max: string) => string;
    readonly general: (max: string) => string;
    readonly total: string;
    readonly band: string;
    readonly serviceIndex: string;
    readonly incomplete: string;
    readonly deductions: string;
    readonly deduction: Readonly<Record<string, string>>;
    readonly pending: Readonly<Record<"SHORT_TENURE" | "NO_CASES" | "GENERAL_MISSING" | "RESCORE", string>>;
    readonly notRated: string;
    readonly awaiting: string;
    readonly capped: string;
    readonly cappedTag: string;
    readonly demo: string;
    readonly summary: (rated: string, pending: string, notRated: string) => string;
    readonly none: string;
    readonly notComputed: string;
    readonly computedAt: string;
  };
  readonly reform: {
    readonly title: string;
    readonly lead: string;
    readonly provisional: string;
    readonly caption: (tier: string, period: string) => string;
    readonly halfYearsOnly: string;
    readonly open: (period: string) => string;
    readonly notEntered: string;
    readonly computed: string;
    readonly deducted: (points: string) => string;
    readonly incomplete: string;
    readonly partial: (max: string) => string;
    readonly noBand: string;
    readonly none: string;
    readonly notComputed: string;
  };
  /**
   * Where the ratings shown stand against the period's publications (`v`: "V2"; `date`: the day of
   * publication): the working values (never published; published, unchanged or moved since), or
   * the values frozen with a published version.
   */
  readonly publication: {
    readonly never: string;
    readonly publishedAs: (v: string, date: string | null) => string;
    readonly unchanged: (v: string) => string;
    readonly differs: (v: string) => string;
    readonly frozen: (v: string, date: string | null) => string;
    readonly changedSince: string;
    readonly showVersion: (v: string) => string;
    readonly showWorking: string;
  };
  /** The same sections on one unit's scorecard page. */
  readonly unit: {
    readonly headsTitle: string;
    readonly headsNone: string;
    readonly reformNone: string;
    /** A month or a quarter: the link to the scorecard of the half-year that contains it. */
    readonly openHalfYear: (period: string) => string;
    /** …when that half-year has not been scored yet. */
    readonly halfYearNotScored: (period: string) => string;
  };
  readonly general: {
    readonly title: string;
    readonly lead: string;
    readonly head: string;
    readonly choose: string;
    readonly period: string;
    readonly points: (max: string) => string;
    readonly evidence: string;
    readonly save: string;
    readonly recompute: (period: string) => string;
    readonly recomputed: (period: string) => string;
    readonly notScored: string;
  };
}

const ratingsVi: RatingsMessages = {
  heads: {
    lead: "Mỗi người đứng đầu được đánh giá trên hồ sơ của kỳ (tiếp nhận trong kỳ hoặc chuyển tiếp từ kỳ trước) mà đơn vị tiếp nhận trong thời gian người đó giữ chức vụ: kết quả 70 điểm (chỉ số phục vụ, trừ điểm khi thư xin lỗi dưới 100%, trả lời lấy ý kiến đúng hạn dưới 90%, kết luận kiểm tra), tiêu chí chung 30 điểm do Sở Nội vụ nhập. Xếp loại theo Nghị định 335/2025.",
    caption: (tier, period) => `Người đứng đầu — ${tier}, ${period}`,
    name: "Họ tên",
    unit: "Đơn vị",
    tenure: "Giữ chức vụ trong kỳ",
    tenureDays: (days, periodDays) => `${days}/${periodDays} ngày`,
    inOfficeUntilEnd: "đến cuối kỳ",
    cases: (n) => `${n} hồ sơ tiếp nhận`,
    results: (max) => `Kết quả /${max}`,
    general: (max) => `Tiêu chí chung /${max}`,
    total: "Tổng điểm",
    band: "Xếp loại",
    serviceIndex: "chỉ số phục vụ",
    incomplete: "có chỉ số thiếu dữ liệu",
    deductions: "Trừ điểm",
    deduction: { R2: "thư xin lỗi", R5: "trả lời lấy ý kiến", findings: "kết luận kiểm tra" },
    pending: {
      SHORT_TENURE: "Giữ chức vụ dưới nửa kỳ: liệt kê, không xếp loại.",
      NO_CASES: "Chưa có hồ sơ có kết quả trong thời gian giữ chức vụ.",
      GENERAL_MISSING: "Chờ Sở Nội vụ nhập tiêu chí chung.",
      RESCORE: "Thời gian giữ chức vụ vừa được sửa: kết quả tính lại ở lần chấm điểm tới.",
    },
    notRated: "Không xếp loại",
    awaiting: "Chưa xếp loại",
    capped: "Đạt mức Xuất sắc nhưng xếp Tốt: tối đa 20% số người được xếp Tốt trở lên trong cùng cấp được xếp Xuất sắc (Nghị định 335/2025).",
    cappedTag: "giới hạn 20%",
    demo: "tên mẫu",
    summary: (rated, pending, notRated) => `${rated} đã xếp loại · ${pending} chưa đủ điều kiện · ${notRated} không xếp loại`,
    none: "Không có người đứng đầu được xếp loại ở cấp này trong kỳ (cơ quan ngành dọc không được xếp loại).",
    notComputed: "Chưa tính xếp loại người đứng đầu cho kỳ này (kỳ chưa được chấm điểm).",
    computedAt: "Tính lúc",
  },
  reform: {
    title: "Chỉ số cải cách hành chính (PAR Index)",
    lead: "8 lĩnh vực, 100 điểm: tiêu chí 3, 7, 8 tính từ chỉ số của đơn vị; tiêu chí còn lại và kết quả khảo sát do Sở Nội vụ thẩm định, nhập; kết luận kiểm tra đã có thông báo bị trừ vào tiêu chí ghi trong kết luận.",
    provisional: "Khung tiêu chí tạm thời (theo cấu trúc của Bộ Nội vụ): chưa có quyết định của tỉnh.",
    caption: (tier, period) => `Chỉ số CCHC — ${tier}, ${period}`,
    halfYearsOnly: "Chỉ số CCHC được tính theo 6 tháng và theo năm.",
    open: (period) => `Xem ${period}`,
    notEntered: "chưa nhập",
    computed: "tính tự động từ chỉ số",
    deducted: (points) => `trừ ${points}`,
    incomplete: "chưa đủ tiêu chí",
    partial: (max) => `trên ${max} điểm đã có`,
    noBand: "Chưa xếp loại",
    none: "Không có đơn vị nào ở cấp này có chỉ số CCHC (cơ quan ngành dọc không được đánh giá).",
    notComputed: "Chưa tính chỉ số CCHC cho kỳ này (kỳ chưa được chấm điểm).",
  },
  publication: {
    never: "Số liệu làm việc, chưa công bố.",
    publishedAs: (v, date) => `Số liệu làm việc. Kỳ đã được công bố thành ${v}${date ? ` ngày ${date}` : ""}.`,
    unchanged: (v) => `Số liệu làm việc trùng với ${v}.`,
    differs: (v) => `Số liệu làm việc đã khác ${v} (kết luận kiểm tra, tiêu chí nhập thêm hoặc hồ sơ phát sinh sau khi công bố).`,
    frozen: (v, date) => `Số liệu đã chốt khi công bố ${v}${date ? ` (công bố ngày ${date})` : ""}.`,
    changedSince: "Số liệu làm việc đã thay đổi sau đó.",
    showVersion: (v) => `Xem số liệu ${v}`,
    showWorking: "Xem số liệu làm việc",
  },
  unit: {
    headsTitle: "Người đứng đầu đơn vị",
    headsNone: "Đơn vị không có người đứng đầu được xếp loại trong kỳ này (cơ quan ngành dọc không được xếp loại).",
    reformNone: "Đơn vị không có chỉ số CCHC trong kỳ này (cơ quan ngành dọc không được đánh giá).",
    openHalfYear: (period) => `Xem phiếu điểm và chỉ số CCHC ${period}`,
    halfYearNotScored: (period) => `${period} chưa được chấm điểm.`,
  },
  general: {
    title: "Tiêu chí chung của người đứng đầu",
    lead: "30 điểm mỗi kỳ, Sở Nội vụ nhập kèm căn cứ; khi nhập xong, xếp loại của kỳ được tính lại ngay.",
    head: "Người đứng đầu",
    choose: "— chọn —",
    period: "Kỳ",
    points: (max) => `Điểm (0–${max})`,
    evidence: "Căn cứ",
    save: "Lưu tiêu chí chung",
    recompute: (period) => `Tính lại xếp loại kỳ ${period}`,
    recomputed: (period) => `Đã tính lại xếp loại kỳ ${period}.`,
    notScored: "Kỳ này chưa được chấm điểm: chưa có gì để xếp loại.",
  },
};

const ratingsEn: RatingsMessages = {
  heads: {
    lead: "Each head is rated on the period's dossiers (received in it, or carried over into it) that their unit received while they were in office: results 70 points (the service index, less deductions for apology coverage below 100 %, consultation answers on time below 90 %, inspection findings), general criteria 30 points entered by Home Affairs. Bands after Decree 335/2025.",
    caption: (tier, period) => `Heads of unit — ${tier}, ${period}`,
    name: "Name",
    unit: "Unit",
    tenure: "In office in the period",
    tenureDays: (days, periodDays) => `${days}/${periodDays} days`,
    inOfficeUntilEnd: "to the end",
    cases: (n) => `${n} dossiers received`,
    results: (max) => `Results /${max}`,
    general: (max) => `General /${max}`,
    total: "Total",
    band: "Rating",
    serviceIndex: "service index",
    incomplete: "some indicators have no data",
    deductions: "Deductions",
    deduction: { R2: "apology letters", R5: "consultation answers", findings: "inspection findings" },
    pending: {
      SHORT_TENURE: "In office for less than half of the period: listed, not rated.",
      NO_CASES: "No dossier with a verdict during the tenure yet.",
      GENERAL_MISSING: "Awaiting the general criteria from Home Affairs.",
      RESCORE: "The tenure was just edited: results are recomputed at the next scoring run.",
    },
    notRated: "Not rated",
    awaiting: "Pending",
    capped: "Scored Excellent, rated Good: at most 20 % of the heads rated Good or better in a tier may be Excellent (Decree 335/2025).",
    cappedTag: "20 % quota",
    demo: "demo name",
    summary: (rated, pending, notRated) => `${rated} rated · ${pending} pending · ${notRated} not rated`,
    none: "No head of unit rated in this tier for this period (vertical agencies are not rated).",
    notComputed: "Head-of-unit ratings have not been computed for this period (it has not been scored).",
    computedAt: "Computed at",
  },
  reform: {
    title: "Administrative reform index (PAR Index)",
    lead: "8 fields, 100 points: fields 3, 7 and 8 are computed from the unit's indicators; the others and the survey result are appraised and entered by Home Affairs; concluded inspection findings deduct from the field they name.",
    provisional: "Provisional criteria tree (the Ministry of Home Affairs' structure): the province's own decision was not found.",
    caption: (tier, period) => `Reform index — ${tier}, ${period}`,
    halfYearsOnly: "The reform index is set per half-year and per year.",
    open: (period) => `Show ${period}`,
    notEntered: "not entered",
    computed: "computed from the indicators",
    deducted: (points) => `less ${points}`,
    incomplete: "criteria missing",
    partial: (max) => `of the ${max} points available`,
    noBand: "Not rated yet",
    none: "No unit of this tier has a reform index (vertical agencies are not assessed).",
    notComputed: "The reform index has not been computed for this period (it has not been scored).",
  },
  publication: {
    never: "Working values, not yet published.",
    publishedAs: (v, date) => `Working values. The period was published as ${v}${date ? ` on ${date}` : ""}.`,
    unchanged: (v) => `The working values are the same as ${v}.`,
    differs: (v) => `The working values differ from ${v} (a finding concluded, criteria entered or late events since publication).`,
    frozen: (v, date) => `Values frozen with ${v}${date ? ` (published ${date})` : ""}.`,
    changedSince: "The working values have changed since.",
    showVersion: (v) => `Show ${v}`,
    showWorking: "Show the working values",
  },
  unit: {
    headsTitle: "Head of unit",
    headsNone: "No head of this unit is rated in this period (vertical agencies are not rated).",
    reformNone: "This unit has no reform index in this period (vertical agencies are not assessed).",
    openHalfYear: (period) => `Show the scorecard and reform index of ${period}`,
    halfYearNotScored: (period) => `${period} has not been scored yet.`,
  },
  general: {
    title: "General criteria of heads of unit",
    lead: "30 points per period, entered by Home Affairs with the evidence; the period's ratings are recomputed as soon as they are saved.",
    head: "Head of unit",
    choose: "— choose —",
    period: "Period",
    points: (max) => `Points (0–${max})`,
    evidence: "Evidence",
    save: "Save the general criteria",
    recompute: (period) => `Recompute the ratings of ${period}`,
    recomputed: (period) => `The ratings of ${period} were recomputed.`,
    notScored: "This period has not been scored: nothing to rate yet.",
  },
};

export const RATINGS_MESSAGES: Readonly<Record<Lang, RatingsMessages>> = { vi: ratingsVi, en: ratingsEn };
