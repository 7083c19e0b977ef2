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
};
