/**
 * The dashboard's words, Vietnamese first. No library: one dictionary per language, and the
 * English one is typed by the Vietnamese one, so a missing key fails the typecheck.
 * Numbers and dates never go through these strings: see `format.ts`.
 */
import type { Period, PeriodKind } from "@scorecard/shared/time/period";

export const LANGS = ["vi", "en"] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (v: unknown): v is Lang => (LANGS as readonly unknown[]).includes(v);

/** BCP 47 locale used by Intl for each language. */
export const INTL_LOCALE: Readonly<Record<Lang, string>> = { vi: "vi-VN", en: "en-GB" };

const ROMAN = ["I", "II", "III", "IV"] as const;

export interface Messages {
  readonly appTitle: string;
  readonly province: string;
  readonly skipToContent: string;
  readonly languageLabel: string;
  readonly langName: Readonly<Record<Lang, string>>;
  readonly rankingsTitle: string;
  readonly rankingsLead: string;
  readonly tierTabsLabel: string;
  readonly tiers: Readonly<Record<string, string>>;
  readonly periodLabel: string;
  readonly periodGroups: Readonly<Record<PeriodKind, string>>;
  readonly period: (p: Period) => string;
  readonly asOf: string;
  readonly computedAt: string;
  readonly vietnamTime: string;
  readonly methodology: string;
  readonly status: Readonly<Record<"draft" | "published", string>>;
  readonly caption: (tier: string, period: string) => string;
  readonly col: {
    readonly rank: string;
    readonly unit: string;
    readonly total: string;
    readonly totalOf: (max: string) => string;
    readonly band: string;
  };
  readonly counts: Readonly<Record<string, string>>;
  readonly countsGroup: string;
  readonly bands: Readonly<Record<string, string>>;
  readonly noBand: string;
  readonly noData: string;
  readonly incomplete: string;
  readonly incompleteNote: string;
  /** Why a total is incomplete: the indicators without data (names and codes). */
  readonly incompleteMissing: (names: string) => string;
  /** The same as a sentence (a unit's scorecard). */
  readonly incompleteBecause: (names: string) => string;
  /** Below a ranking: each indicator missing, and for how many units. */
  readonly missingSummary: (items: string) => string;
  readonly missingItem: (name: string, units: string) => string;
  /** After the code of a missing indicator Home Affairs enters (D3). */
  readonly notEnteredYet: string;
  readonly points: (points: string, max: string) => string;
  readonly chartTitle: string;
  readonly chartLabel: (tier: string, period: string, n: number) => string;
  readonly loading: string;
  readonly loaded: (tier: string, period: string, n: number) => string;
  readonly emptyTitle: string;
  readonly emptyBody: (tier: string, period: string) => string;
  readonly districtsEnded: string;
  readonly noPeriods: string;
  readonly errorTitle: string;
  readonly errorBody: string;
  readonly errorCode: (status: number, code: string) => string;
  readonly networkError: string;
  readonly retry: string;
  readonly footer: string;
  readonly nav: {
    readonly label: string;
    readonly rankings: string;
    readonly methodology: string;
    readonly overview: string;
    readonly myUnit: string;
    readonly admin: string;
    readonly report: string;
    readonly openData: string;
    readonly login: string;
    readonly logout: string;
    readonly signedInAs: (name: string, role: string) => string;
  };
  readonly roles: Readonly<Record<string, string>>;
  readonly suppressedNote: string;
  readonly suppressedLabel: string;
  readonly openData: string;
  readonly downloadsLabel: string;
  readonly downloadCsv: string;
  readonly downloadXlsx: string;
  readonly printReport: string;
  readonly unitDetails: (name: string) => string;
  readonly notFoundTitle: string;
  readonly notFoundBody: string;
  /** The public rankings' search box (diacritics-insensitive). */
  readonly search: {
    readonly label: string;
    readonly hint: string;
    readonly count: (shown: string, total: string) => string;
    readonly none: (query: string) => string;
    readonly clear: string;
  };
  readonly showAll: (n: string) => string;
  readonly showFirst: (n: string) => string;
  readonly columnSetLabel: string;
  readonly columnSets: Readonly<Record<"summary" | "indicators" | "counts", string>>;
  readonly tableRegion: (caption: string) => string;
  readonly scrollHint: string;
  /** A value the small-count rule withholds (shown in its cell). */
  readonly withheld: string;
  readonly withheldLabel: string;
  readonly withheldNote: string;
  readonly maxPoints: (max: string) => string;
  /** Periods: the one not over yet, the notice, the default when nothing is finished. */
  readonly periodRunning: string;
  readonly provisionalTag: string;
  readonly provisional: (asOf: string) => string;
  readonly noCompletePeriod: string;
  readonly published: (version: string, date: string | null) => string;
  readonly draftDiffers: string;
  readonly methodologyVersion: (version: string) => string;
  readonly unknownMethodology: (id: string) => string;
  readonly bandLegend: string;
  readonly bandRange: (min: string, below: string | null) => string;
  readonly chart: {
    readonly all: (n: string) => string;
    readonly topBottom: (n: string, total: string) => string;
    readonly matches: (n: string) => string;
    readonly axis: (max: string) => string;
    readonly gap: (n: string) => string;
  };
  readonly licence: string;
  readonly exportedAt: string;
  /** Files' context lines. */
  readonly fileLabels: { readonly computedAt: string; readonly publication: string; readonly privacy: string; readonly licence: string };
  readonly contextSheet: string;
}

const vi: Messages = {
  appTitle: "Chỉ số phục vụ người dân, doanh nghiệp",
  province: "UBND tỉnh Đồng Nai",
  skipToContent: "Bỏ qua, đến nội dung chính",
  languageLabel: "Ngôn ngữ",
  langName: { vi: "Tiếng Việt", en: "English" },
  rankingsTitle: "Xếp hạng",
  rankingsLead:
    "Xếp hạng các cơ quan, đơn vị theo chỉ số phục vụ người dân, doanh nghiệp trong giải quyết thủ tục hành chính (Chỉ thị 03/CT-UBND ngày 04/4/2024).",
  tierTabsLabel: "Nhóm đơn vị",
  tiers: {
    DEPARTMENT: "Sở, ban, ngành",
    DISTRICT: "UBND cấp huyện",
    COMMUNE: "Xã, phường",
    VERTICAL: "Cơ quan ngành dọc",
  },
  periodLabel: "Kỳ đánh giá",
  periodGroups: { MONTH: "Theo tháng", QUARTER: "Theo quý", HALF: "Theo 6 tháng", YEAR: "Theo năm" },
  period: (p) => {
    switch (p.kind) {
      case "MONTH":
        return `Tháng ${Number(p.id.slice(5, 7))}/${p.year}`;
      case "QUARTER":
        return `Quý ${ROMAN[Number(p.id.slice(-1)) - 1]}/${p.year}`;
      case "HALF":
        return p.id.endsWith("H1") ? `6 tháng đầu năm ${p.year}` : `6 tháng cuối năm ${p.year}`;
      case "YEAR":
        return `Năm ${p.year}`;
    }
  },
  asOf: "Số liệu tính đến",
  computedAt: "tính điểm lúc",
  vietnamTime: "giờ Việt Nam",
  methodology: "Phương pháp",
  status: { draft: "Bản nháp, chưa công bố", published: "Đã công bố" },
  caption: (tier, period) => `Xếp hạng ${tier} — ${period}`,
  col: {
    rank: "Hạng",
    unit: "Cơ quan, đơn vị",
    total: "Tổng điểm",
    totalOf: (max) => `Tổng điểm (tối đa ${max})`,
    band: "Xếp loại",
  },
  counts: {
    EARLY: "Trước hạn",
    ON_TIME: "Đúng hạn",
    LATE: "Trễ hạn",
    OVERDUE: "Quá hạn",
    IN_PROGRESS: "Đang giải quyết",
  },
  countsGroup: "Số hồ sơ",
  bands: { EXCELLENT: "Xuất sắc", GOOD: "Tốt", FAIR: "Khá", AVERAGE: "Trung bình", WEAK: "Yếu" },
  noBand: "Chưa xếp loại",
  noData: "Không có số liệu",
  incomplete: "chưa đủ chỉ số",
  incompleteNote: "Tổng điểm chưa đầy đủ: một số chỉ số chưa có số liệu.",
  incompleteMissing: (names) => `chưa đủ chỉ số, thiếu số liệu ${names}`,
  incompleteBecause: (names) => `Tổng điểm chưa đầy đủ: chưa có số liệu ${names}.`,
  missingSummary: (items) => `Chỉ số chưa có số liệu: ${items}.`,
  missingItem: (name, units) => `${name} ở ${units} đơn vị`,
  notEnteredYet: "Sở Nội vụ chưa nhập",
  points: (points, max) => `${points}/${max} điểm`,
  chartTitle: "Biểu đồ tổng điểm",
  chartLabel: (tier, period, n) => `Biểu đồ thanh tổng điểm của ${n} đơn vị, ${tier}, ${period}. Số liệu chi tiết ở bảng bên dưới.`,
  loading: "Đang tải số liệu…",
  loaded: (tier, period, n) => `Đã tải xếp hạng ${tier}, ${period}: ${n} đơn vị.`,
  emptyTitle: "Chưa có số liệu",
  emptyBody: (tier, period) => `Chưa có kết quả xếp hạng ${tier} cho kỳ ${period}.`,
  districtsEnded: "UBND cấp huyện kết thúc hoạt động từ ngày 01/7/2025 theo sắp xếp đơn vị hành chính.",
  noPeriods: "Chưa có kỳ đánh giá nào được tính điểm.",
  errorTitle: "Không tải được số liệu",
  errorBody: "Đã xảy ra lỗi khi tải số liệu. Vui lòng thử lại.",
  errorCode: (status, code) => `Mã lỗi: ${code} (HTTP ${status})`,
  networkError: "Không kết nối được máy chủ.",
  retry: "Thử lại",
  footer: "Số liệu tổng hợp từ Hệ thống thông tin giải quyết thủ tục hành chính tỉnh. Không hiển thị thông tin cá nhân.",
  nav: {
    label: "Điều hướng chính",
    rankings: "Xếp hạng",
    methodology: "Phương pháp",
    overview: "Tổng quan",
    myUnit: "Đơn vị của tôi",
    admin: "Sở Nội vụ",
    report: "Báo cáo in",
    openData: "Dữ liệu mở",
    login: "Đăng nhập",
    logout: "Đăng xuất",
    signedInAs: (name, role) => `Đang đăng nhập: ${name} (${role})`,
  },
  roles: { chairman: "Lãnh đạo UBND tỉnh", "home-affairs": "Sở Nội vụ", "unit-officer": "Cán bộ đơn vị", public: "Công khai" },
  suppressedNote: "Số hồ sơ dưới 5 được hiển thị là “<5” để không thể nhận diện cá nhân.",
  suppressedLabel: "dưới 5",
  openData: "Dữ liệu mở",
  downloadsLabel: "Tải về",
  downloadCsv: "Tải CSV",
  downloadXlsx: "Tải Excel (XLSX)",
  printReport: "Bản in A4",
  unitDetails: (name) => `Chỉ số của ${name}`,
  notFoundTitle: "Không tìm thấy trang",
  notFoundBody: "Địa chỉ này không tương ứng với trang nào.",
  search: {
    label: "Tìm đơn vị",
    hint: "Gõ tên, có dấu hoặc không dấu, ví dụ: bien hoa",
    count: (shown, total) => `${shown}/${total} đơn vị`,
    none: (query) => `Không có đơn vị nào có tên khớp với “${query}”.`,
    clear: "Xóa tìm kiếm",
  },
  showAll: (n) => `Hiện tất cả ${n} đơn vị`,
  showFirst: (n) => `Chỉ hiện ${n} đơn vị đầu`,
  columnSetLabel: "Cột hiển thị",
  columnSets: { summary: "Tóm tắt", indicators: "Tất cả chỉ số", counts: "Số hồ sơ" },
  tableRegion: (caption) => `${caption} (bảng có thể cuộn ngang)`,
  scrollHint: "Kéo ngang bảng để xem thêm cột.",
  withheld: "ẩn",
  withheldLabel: "ẩn để không thể nhận diện cá nhân",
  withheldNote: "“ẩn”: giá trị được ẩn vì có thể làm lộ một số hồ sơ dưới 5.",
  maxPoints: (max) => `tối đa ${max} điểm`,
  periodRunning: "đang diễn ra",
  provisionalTag: "Tạm tính",
  provisional: (asOf) => `Kỳ chưa kết thúc: số liệu tạm tính đến ${asOf} (giờ Việt Nam). Nhiều hồ sơ chưa đến hạn, điểm và thứ hạng sẽ còn thay đổi.`,
  noCompletePeriod: "Chưa có kỳ đánh giá nào kết thúc. Chọn một kỳ để xem số liệu tạm tính.",
  published: (version, date) => `Đã công bố — phiên bản ${version}${date ? `, ${date}` : ""}`,
  draftDiffers: "Số liệu đã thay đổi sau khi công bố; bảng hiển thị phiên bản đã công bố.",
  methodologyVersion: (version) => `Phương pháp ${version}`,
  unknownMethodology: (id) => `Không có mô tả của phương pháp “${id}”: các chỉ số được ghi bằng mã.`,
  bandLegend: "Xếp loại theo tổng điểm",
  bandRange: (min, below) => (below === null ? `từ ${min} điểm` : `từ ${min} đến dưới ${below}`),
  chart: {
    all: (n) => `Tổng điểm của ${n} đơn vị`,
    topBottom: (n, total) => `${n} đơn vị điểm cao nhất và ${n} đơn vị điểm thấp nhất trong ${total} đơn vị; tìm tên để xem đơn vị khác`,
    matches: (n) => `Tổng điểm của ${n} đơn vị tìm được`,
    axis: (max) => `Tổng điểm (tối đa ${max})`,
    gap: (n) => `… ${n} đơn vị ở giữa …`,
  },
  licence: "Giấy phép: CC BY 4.0 — Ghi nguồn: UBND tỉnh Đồng Nai (Scorecard)",
  exportedAt: "Thời điểm tải về",
  fileLabels: { computedAt: "Tính điểm lúc", publication: "Tình trạng công bố", privacy: "Bảo vệ danh tính", licence: "Giấy phép" },
  contextSheet: "Thông tin",
};

const en: Messages = {
  appTitle: "Public service index",
  province: "Dong Nai Provincial People's Committee",
  skipToContent: "Skip to main content",
  languageLabel: "Language",
  langName: { vi: "Tiếng Việt", en: "English" },
  rankingsTitle: "Rankings",
  rankingsLead:
    "Agencies and units ranked by how well they serve citizens and businesses in administrative procedures (Directive 03/CT-UBND of 4 April 2024).",
  tierTabsLabel: "Unit tier",
  tiers: {
    DEPARTMENT: "Departments",
    DISTRICT: "District committees",
    COMMUNE: "Communes and wards",
    VERTICAL: "Vertical agencies",
  },
  periodLabel: "Period",
  periodGroups: { MONTH: "Months", QUARTER: "Quarters", HALF: "Half-years", YEAR: "Years" },
  period: (p) => {
    switch (p.kind) {
      case "MONTH":
        return new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
          new Date(`${p.startDate}T00:00:00Z`),
        );
      case "QUARTER":
        return `Q${p.id.slice(-1)} ${p.year}`;
      case "HALF":
        return p.id.endsWith("H1") ? `H1 ${p.year} (Jan–Jun)` : `H2 ${p.year} (Jul–Dec)`;
      case "YEAR":
        return `Year ${p.year}`;
    }
  },
  asOf: "Figures as of",
  computedAt: "scored at",
  vietnamTime: "Vietnam time",
  methodology: "Methodology",
  status: { draft: "Draft, not yet published", published: "Published" },
  caption: (tier, period) => `Ranking of ${tier.toLowerCase()} — ${period}`,
  col: {
    rank: "Rank",
    unit: "Agency or unit",
    total: "Total",
    totalOf: (max) => `Total (out of ${max})`,
    band: "Band",
  },
  counts: {
    EARLY: "Early",
    ON_TIME: "On time",
    LATE: "Late",
    OVERDUE: "Overdue",
    IN_PROGRESS: "In progress",
  },
  countsGroup: "Dossiers",
  bands: { EXCELLENT: "Excellent", GOOD: "Good", FAIR: "Fair", AVERAGE: "Average", WEAK: "Weak" },
  noBand: "Not banded",
  noData: "No data",
  incomplete: "incomplete",
  incompleteNote: "Incomplete total: some indicators have no data yet.",
  incompleteMissing: (names) => `incomplete, no data for ${names}`,
  incompleteBecause: (names) => `Incomplete total: no data for ${names} yet.`,
  missingSummary: (items) => `Indicators without data: ${items}.`,
  missingItem: (name, units) => `${name} for ${units} ${units === "1" ? "unit" : "units"}`,
  notEnteredYet: "not yet entered by Home Affairs",
  points: (points, max) => `${points}/${max} pts`,
  chartTitle: "Totals chart",
  chartLabel: (tier, period, n) => `Bar chart of the totals of ${n} units, ${tier.toLowerCase()}, ${period}. Details in the table below.`,
  loading: "Loading figures…",
  loaded: (tier, period, n) => `Loaded the ranking of ${tier.toLowerCase()}, ${period}: ${n} units.`,
  emptyTitle: "No figures yet",
  emptyBody: (tier, period) => `No ranking of ${tier.toLowerCase()} has been computed for ${period}.`,
  districtsEnded: "District-level committees ceased on 1 July 2025 with the reorganisation of administrative units.",
  noPeriods: "No period has been scored yet.",
  errorTitle: "The figures could not be loaded",
  errorBody: "Something went wrong while loading the figures. Please try again.",
  errorCode: (status, code) => `Error code: ${code} (HTTP ${status})`,
  networkError: "The server could not be reached.",
  retry: "Try again",
  footer: "Aggregated from the province's administrative-procedure information system. No personal data is shown.",
  nav: {
    label: "Main navigation",
    rankings: "Rankings",
    methodology: "Methodology",
    overview: "Overview",
    myUnit: "My unit",
    admin: "Home Affairs",
    report: "Printable report",
    openData: "Open data",
    login: "Sign in",
    logout: "Sign out",
    signedInAs: (name, role) => `Signed in: ${name} (${role})`,
  },
  roles: { chairman: "Provincial leadership", "home-affairs": "Dept. of Home Affairs", "unit-officer": "Unit officer", public: "Public" },
  suppressedNote: "Dossier counts below 5 are shown as “<5” so that no person can be identified.",
  suppressedLabel: "fewer than 5",
  openData: "Open data",
  downloadsLabel: "Download",
  downloadCsv: "Download CSV",
  downloadXlsx: "Download Excel (XLSX)",
  printReport: "A4 print view",
  unitDetails: (name) => `Indicators of ${name}`,
  notFoundTitle: "Page not found",
  notFoundBody: "This address does not match any page.",
  search: {
    label: "Find a unit",
    hint: "Type a name, with or without diacritics, e.g. bien hoa",
    count: (shown, total) => `${shown} of ${total} units`,
    none: (query) => `No unit's name matches “${query}”.`,
    clear: "Clear the search",
  },
  showAll: (n) => `Show all ${n} units`,
  showFirst: (n) => `Show the first ${n} units only`,
  columnSetLabel: "Columns",
  columnSets: { summary: "Summary", indicators: "All indicators", counts: "Dossier counts" },
  tableRegion: (caption) => `${caption} (scrolls sideways)`,
  scrollHint: "Scroll the table sideways for more columns.",
  withheld: "hidden",
  withheldLabel: "hidden so that no person can be identified",
  withheldNote: "“hidden”: a value withheld because it could reveal a count of dossiers below 5.",
  maxPoints: (max) => `out of ${max} points`,
  periodRunning: "in progress",
  provisionalTag: "Provisional",
  provisional: (asOf) => `This period is not over: provisional figures as of ${asOf} (Vietnam time). Many dossiers are not due yet; points and ranks will change.`,
  noCompletePeriod: "No period has ended yet. Choose a period to see its provisional figures.",
  published: (version, date) => `Published — version ${version}${date ? `, ${date}` : ""}`,
  draftDiffers: "The figures have changed since publication; the table shows the published version.",
  methodologyVersion: (version) => `Methodology ${version}`,
  unknownMethodology: (id) => `No description of methodology “${id}” is available: indicators are shown by their codes.`,
  bandLegend: "Bands by total",
  bandRange: (min, below) => (below === null ? `${min} points or more` : `${min} to under ${below}`),
  chart: {
    all: (n) => `Totals of ${n} units`,
    topBottom: (n, total) => `The ${n} highest and ${n} lowest totals of ${total} units; search a name to see another unit`,
    matches: (n) => `Totals of the ${n} units found`,
    axis: (max) => `Total (out of ${max})`,
    gap: (n) => `… ${n} units in between …`,
  },
  licence: "Licence: CC BY 4.0 — Attribution: Dong Nai Provincial People's Committee (Scorecard)",
  exportedAt: "Downloaded at",
  fileLabels: { computedAt: "Scored at", publication: "Publication", privacy: "Privacy", licence: "Licence" },
  contextSheet: "About",
};

export const MESSAGES: Readonly<Record<Lang, Messages>> = { vi, en };

/** A label from a code-keyed table, or the code itself when the dictionary has none (new indicators). */
export const labelOf = (table: Readonly<Record<string, string>>, code: string): string => table[code] ?? code;
