/** Words of the report page (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */

export interface ReportMessages {
  readonly title: string;
  readonly subtitle: (tier: string, period: string) => string;
  readonly print: string;
  readonly generated: string;
  readonly status: string;
  readonly totalsWithheld: string;
  readonly summary: string;
  readonly signature: string;
  /** The six-monthly and annual report as a document (issue 24, item 3). */
  readonly doc: ReportDocWords;
}

export interface ReportDocWords {
  readonly provinceTitle: (period: string) => string;
  readonly unitTitle: (period: string) => string;
  readonly compared: (previous: string) => string;
  readonly pdf: string;
  readonly xlsx: string;
  readonly xlsxBusy: string;
  readonly xlsxFailed: string;
  readonly draft: string;
  readonly published: (v: number) => string;
  readonly builtAt: string;
  readonly signIn: string;
  readonly signInLink: string;
  readonly notAllowed: string;
  readonly notScored: (period: string) => string;
  readonly notReportPeriod: string;
  readonly sections: {
    readonly index: string;
    readonly groups: string;
    readonly indicators: string;
    readonly ranking: string;
    readonly reform: string;
    readonly heads: string;
    readonly findings: string;
    readonly actions: string;
    readonly narrative: string;
  };
  readonly col: {
    readonly tier: string;
    readonly ranked: string;
    readonly meanTotal: string;
    readonly previous: string;
    readonly change: string;
    readonly rank: string;
    readonly unit: string;
    readonly total: string;
    readonly band: string;
    readonly reform: string;
    readonly group: string;
    readonly points: string;
    readonly indicator: string;
    readonly value: string;
    readonly mean: string;
    readonly head: string;
    readonly status: string;
    readonly criterion: string;
    readonly deduction: string;
    readonly notice: string;
    readonly basis: string;
    readonly required: string;
    readonly deadline: string;
    readonly lastReport: string;
  };
  readonly rankOf: (rank: string, of: string) => string;
  readonly thisPeriod: string;
  readonly previousPeriod: string;
  readonly chartIndex: string;
  readonly chartGroups: string;
  readonly chartAxis: string;
  readonly none: string;
  readonly actionsNotKept: string;
  readonly overdue: string;
  readonly noNarrative: string;
  readonly narrativeNotKept: string;
  readonly submittedAt: string;
  readonly headStatus: Readonly<Record<"RATED" | "PENDING" | "NOT_RATED", string>>;
  readonly actionStatus: Readonly<Record<"OPEN" | "REPORTED" | "ACCEPTED" | "REOPENED", string>>;
  readonly basis: Readonly<Record<"FINDING" | "INDICATOR" | "BAND", string>>;
  readonly newUnit: string;
}

export const reportVi: ReportMessages = {
  title: "Báo cáo kết quả chỉ số phục vụ người dân, doanh nghiệp",
  subtitle: (tier, period) => `${tier} — ${period}`,
  print: "In / lưu PDF",
  generated: "Lập lúc",
  status: "Tình trạng công bố",
  totalsWithheld: "“—”: không cộng được vì số hồ sơ của một số đơn vị được ẩn (số nhỏ, bảo vệ danh tính).",
  summary: "Tóm tắt",
  signature: "Nơi nhận: Chủ tịch UBND tỉnh (qua Sở Nội vụ) — báo cáo định kỳ 6 tháng, năm (Chỉ thị 03/CT-UBND).",
  doc: {
    provinceTitle: (p) => `Báo cáo kết quả thực hiện Chỉ thị 03/CT-UBND — ${p}`,
    unitTitle: (p) => `Báo cáo kết quả của đơn vị — ${p}`,
    compared: (p) => `So sánh với ${p}`,
    pdf: "Tải PDF",
    xlsx: "Tải Excel",
    xlsxBusy: "Đang tạo tệp Excel…",
    xlsxFailed: "Không tạo được tệp Excel. Vui lòng thử lại.",
    draft: "Bản làm việc (chưa công bố)",
    published: (v) => `Đã công bố, phiên bản ${v}`,
    builtAt: "Lập lúc",
    signIn: "Báo cáo đầy đủ (người đứng đầu, kết luận kiểm tra, biện pháp khắc phục) dành cho người đã đăng nhập.",
    signInLink: "Đăng nhập",
    notAllowed: "Tài khoản này không được xem báo cáo này.",
    notScored: (p) => `Chưa có số liệu ${p}: kỳ này chưa được tính điểm.`,
    notReportPeriod: "Báo cáo lập theo 6 tháng hoặc theo năm: chọn một kỳ 6 tháng hoặc một năm.",
    sections: {
      index: "Chỉ số phục vụ người dân, doanh nghiệp",
      groups: "Điểm theo nhóm tiêu chí",
      indicators: "Các chỉ số thành phần",
      ranking: "Xếp hạng các đơn vị",
      reform: "Chỉ số cải cách hành chính",
      heads: "Đánh giá người đứng đầu",
      findings: "Kết luận kiểm tra",
      actions: "Biện pháp khắc phục",
      narrative: "Báo cáo của đơn vị",
    },
    col: {
      tier: "Nhóm đơn vị",
      ranked: "Số đơn vị xếp hạng",
      meanTotal: "Điểm trung bình",
      previous: "Kỳ trước",
      change: "Thay đổi",
      rank: "Hạng",
      unit: "Đơn vị",
      total: "Tổng điểm",
      band: "Xếp loại",
      reform: "Chỉ số CCHC",
      group: "Nhóm tiêu chí",
      points: "Điểm",
      indicator: "Chỉ số",
      value: "Giá trị",
      mean: "Trung bình",
      head: "Người đứng đầu",
      status: "Tình trạng",
      criterion: "Tiêu chí",
      deduction: "Điểm trừ",
      notice: "Thông báo",
      basis: "Căn cứ",
      required: "Yêu cầu khắc phục",
      deadline: "Hạn",
      lastReport: "Đơn vị đã làm",
    },
    rankOf: (r, of) => `${r}/${of}`,
    thisPeriod: "Kỳ này",
    previousPeriod: "Kỳ trước",
    chartIndex: "Điểm trung bình theo nhóm đơn vị, kỳ này và kỳ trước",
    chartGroups: "Điểm theo nhóm tiêu chí, kỳ này và kỳ trước",
    chartAxis: "Điểm",
    none: "Không có.",
    actionsNotKept: "Hệ thống này chưa lưu biện pháp khắc phục: mục này được bỏ qua.",
    overdue: "Quá hạn",
    noNarrative: "Đơn vị chưa nộp báo cáo của kỳ này.",
    narrativeNotKept: "Hệ thống này chưa lưu báo cáo của đơn vị: mục này được bỏ qua.",
    submittedAt: "Nộp lúc",
    headStatus: { RATED: "Đã xếp loại", PENDING: "Chờ đủ dữ liệu", NOT_RATED: "Không xếp loại" },
    actionStatus: { OPEN: "Đang thực hiện", REPORTED: "Đơn vị đã báo cáo", ACCEPTED: "Đã chấp nhận", REOPENED: "Yêu cầu làm lại" },
    basis: { FINDING: "Kết luận kiểm tra", INDICATOR: "Chỉ số", BAND: "Xếp loại" },
    newUnit: "mới",
  },
};

export const reportEn: ReportMessages = {
  title: "Public service index — results report",
  subtitle: (tier, period) => `${tier} — ${period}`,
  print: "Print / save as PDF",
  generated: "Generated at",
  status: "Publication",
  totalsWithheld: "“—”: cannot be added up, as some units' dossier counts are hidden (small numbers, to protect identities).",
  summary: "Summary",
  signature: "To: the Chairman of the Provincial People's Committee (via the Dept. of Home Affairs) — six-monthly and annual report (Directive 03/CT-UBND).",
  doc: {
    provinceTitle: (p) => `Report on Directive 03/CT-UBND — ${p}`,
    unitTitle: (p) => `Unit report — ${p}`,
    compared: (p) => `Compared with ${p}`,
    pdf: "Download PDF",
    xlsx: "Download XLSX",
    xlsxBusy: "Building the workbook…",
    xlsxFailed: "The workbook could not be built. Please try again.",
    draft: "Working copy (not published)",
    published: (v) => `Published, version ${v}`,
    builtAt: "Built at",
    signIn: "The full report (heads of unit, inspection findings, corrective actions) is for signed-in staff.",
    signInLink: "Sign in",
    notAllowed: "This account may not read this report.",
    notScored: (p) => `No numbers for ${p}: the period is not scored yet.`,
    notReportPeriod: "Reports are made per half-year or year: choose a half-year or a year.",
    sections: {
      index: "Public service index",
      groups: "Points by group",
      indicators: "Indicators",
      ranking: "Ranking of the units",
      reform: "Administrative reform index",
      heads: "Heads of unit",
      findings: "Inspection findings",
      actions: "Corrective actions",
      narrative: "The unit's own report",
    },
    col: {
      tier: "Tier",
      ranked: "Units ranked",
      meanTotal: "Mean total",
      previous: "Previous",
      change: "Change",
      rank: "Rank",
      unit: "Unit",
      total: "Total",
      band: "Band",
      reform: "Reform index",
      group: "Group",
      points: "Points",
      indicator: "Indicator",
      value: "Value",
      mean: "Mean",
      head: "Head of unit",
      status: "Status",
      criterion: "Criterion",
      deduction: "Deduction",
      notice: "Notice",
      basis: "Basis",
      required: "What must change",
      deadline: "Deadline",
      lastReport: "What the unit did",
    },
    rankOf: (r, of) => `${r} of ${of}`,
    thisPeriod: "This period",
    previousPeriod: "Previous period",
    chartIndex: "Mean total by tier, this period and the previous one",
    chartGroups: "Points by group, this period and the previous one",
    chartAxis: "Points",
    none: "None.",
    actionsNotKept: "This deployment keeps no corrective actions yet: the section is left out.",
    overdue: "Overdue",
    noNarrative: "The unit has not submitted its report for this period.",
    narrativeNotKept: "This deployment keeps no unit reports yet: the section is left out.",
    submittedAt: "Submitted at",
    headStatus: { RATED: "Rated", PENDING: "Pending", NOT_RATED: "Not rated" },
    actionStatus: { OPEN: "Open", REPORTED: "Reported by the unit", ACCEPTED: "Accepted", REOPENED: "Reopened" },
    basis: { FINDING: "Inspection finding", INDICATOR: "Indicator", BAND: "Band" },
    newUnit: "new",
  },
};
