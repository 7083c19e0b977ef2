/** Words of the methodology page (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */

export interface MethodologyMessages {
  readonly title: string;
  readonly lead: string;
  readonly version: string;
  readonly effectiveFrom: string;
  readonly sourcesTitle: string;
  readonly groupsTitle: string;
  readonly formula: string;
  readonly formulaNote: string;
  readonly target: string;
  readonly source: string;
  readonly sources: Readonly<Record<string, string>>;
  readonly whenEmpty: Readonly<Record<string, string>>;
  readonly bandsTitle: string;
  readonly bandFrom: (min: string) => string;
  readonly responsibilityTitle: string;
  readonly provisionalNote: string;
  readonly pointsRule: string;
  readonly reformTitle: string;
  readonly manual: string;
  readonly computed: string;
  readonly suppression: string;
}

export const methodologyVi: MethodologyMessages = {
  title: "Phương pháp đánh giá",
  lead: "Cách tính từng chỉ số, điểm, trọng số và xếp loại. Các mục đánh dấu “tạm thời” chưa tìm thấy trong văn bản chính thức và có thể được điều chỉnh.",
  version: "Phiên bản",
  effectiveFrom: "Áp dụng từ",
  sourcesTitle: "Căn cứ",
  groupsTitle: "Chỉ số phục vụ người dân, doanh nghiệp (100 điểm, 6 nhóm)",
  formula: "Cách tính",
  formulaNote: "Công thức ghi bằng tiếng Anh kỹ thuật, đúng như định nghĩa trong mã nguồn.",
  target: "Mục tiêu",
  source: "Nguồn số liệu",
  sources: { CASES: "Hồ sơ", CATALOG: "Danh mục TTHC", COMPLAINTS: "Phản ánh, kiến nghị", MANUAL: "Sở Nội vụ nhập", CONSULTATIONS: "Lấy ý kiến phối hợp" },
  whenEmpty: { NO_DATA: "Không có số liệu khi mẫu số bằng 0", ZERO: "0 điểm khi mẫu số bằng 0", FULL: "Đủ điểm khi không phát sinh" },
  bandsTitle: "Xếp loại",
  bandFrom: (min) => `từ ${min} điểm`,
  responsibilityTitle: "Chỉ số trách nhiệm (Chỉ thị 03/CT-UBND), không tính điểm",
  provisionalNote: "Tạm thời: chưa tìm thấy trong văn bản chính thức, có thể điều chỉnh.",
  pointsRule: "Điểm = tối đa × min(1, tỷ lệ / mục tiêu). Tỷ lệ = tử số / mẫu số.",
  reformTitle: "Chỉ số cải cách hành chính (khung mặc định)",
  manual: "Chấm thủ công",
  computed: "Tính tự động",
  suppression: "Trên trang công khai, số hồ sơ dưới 5 được hiển thị là “<5”.",
};

export const methodologyEn: MethodologyMessages = {
  title: "Methodology",
  lead: "How each indicator, its points, weights and bands are computed. Items marked “provisional” were not found in an official text and may change.",
  version: "Version",
  effectiveFrom: "Effective from",
  sourcesTitle: "Sources",
  groupsTitle: "Public service index (100 points, six groups)",
  formula: "Formula",
  formulaNote: "Formulas are written in technical English, as defined in the source code.",
  target: "Target",
  source: "Data source",
  sources: { CASES: "Dossiers", CATALOG: "Procedure catalog", COMPLAINTS: "Complaints", MANUAL: "Entered by Home Affairs", CONSULTATIONS: "Consultations" },
  whenEmpty: { NO_DATA: "No data when the denominator is 0", ZERO: "0 points when the denominator is 0", FULL: "Full points when there are none" },
  bandsTitle: "Bands",
  bandFrom: (min) => `from ${min} points`,
  responsibilityTitle: "Responsibility indicators (Directive 03/CT-UBND), not scored",
  provisionalNote: "Provisional: not found in an official text; may change.",
  pointsRule: "Points = max × min(1, ratio / target). Ratio = numerator / denominator.",
  reformTitle: "Administrative reform index (default template)",
  manual: "Appraised manually",
  computed: "Computed",
  suppression: "On public pages, dossier counts below 5 are shown as “<5”.",
};
