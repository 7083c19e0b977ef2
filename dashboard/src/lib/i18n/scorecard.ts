/** Words of the scorecard page (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */

export interface ScorecardMessages {
  readonly title: string;
  readonly rankOf: (rank: string, n: string) => string;
  readonly totalOf: (max: string) => string;
  readonly vsPrevious: (period: string) => string;
  readonly groupsTitle: string;
  readonly groupsDerived: string;
  readonly indicatorsTitle: string;
  readonly responsibilityTitle: string;
  readonly responsibilityLead: string;
  readonly countsTitle: string;
  readonly casesLink: (n: string) => string;
  readonly allCases: string;
  readonly warningsTitle: string;
  readonly warningsLead: string;
  readonly overdueNow: string;
  readonly dueSoon: (until: string) => string;
  readonly noWarnings: string;
  readonly noneInList: string;
  readonly warningsAsOf: string;
  readonly received: string;
  readonly due: string;
  readonly field: string;
  readonly caseId: string;
  readonly procedure: string;
  readonly daysLate: (n: string) => string;
  readonly notInData: string;
  readonly vsPredecessor: (name: string) => string;
  readonly comparedWithPredecessor: (name: string, period: string) => string;
  readonly warningsSummary: (overdue: string, dueSoon: string) => string;
  readonly reorg: {
    readonly mergedInto: (date: string) => string;
    readonly splitInto: (n: string, date: string) => string;
    readonly endedOn: (date: string) => string;
    readonly lastPeriod: (period: string) => string;
    readonly noFigures: string;
    readonly tookOver: (date: string) => string;
    readonly notYet: (date: string) => string;
    readonly publicPage: string;
    readonly officerNote: string;
  };
  readonly weak: {
    readonly title: string;
    readonly lead: string;
    readonly indicator: string;
    readonly value: string;
    readonly median: string;
    readonly points: string;
    readonly lost: string;
    readonly below: string;
    readonly none: string;
    readonly noPoints: string;
  };
  readonly trend: {
    readonly title: (year: string) => string;
    readonly lead: string;
    readonly caption: (unit: string, year: string) => string;
    readonly chartLabel: (unit: string, year: string, months: string) => string;
    readonly month: string;
    readonly total: string;
    readonly rank: string;
    readonly p1: string;
    readonly p1Axis: string;
    readonly scoredAs: string;
    readonly via: (unitId: string) => string;
    readonly viaNote: string;
    readonly empty: (year: string) => string;
    readonly gap: Readonly<Record<"missing" | "hollow" | "reorganised", string>>;
    readonly gapNote: string;
    readonly running: string;
  };
}

export const scorecardVi: ScorecardMessages = {
  title: "Phiếu điểm đơn vị",
  rankOf: (r, n) => `Hạng ${r}/${n}`,
  totalOf: (max) => `Tổng điểm (tối đa ${max})`,
  vsPrevious: (p) => `So với ${p}`,
  groupsTitle: "Sáu nhóm chỉ số",
  groupsDerived: "Điểm nhóm cộng từ điểm các chỉ số trong nhóm, không vượt mức tối đa của nhóm.",
  indicatorsTitle: "Chỉ số theo nhóm",
  responsibilityTitle: "Chỉ số trách nhiệm (Chỉ thị 03/CT-UBND)",
  responsibilityLead: "Hiển thị bên cạnh chỉ số phục vụ, không cộng vào tổng điểm.",
  countsTitle: "Hồ sơ theo tình trạng (chỉ số P1)",
  casesLink: (n) => `Xem ${n} hồ sơ`,
  allCases: "Xem toàn bộ hồ sơ và quy tắc phân loại",
  warningsTitle: "Cảnh báo sớm",
  warningsLead: "Hồ sơ đang xử lý đã quá hạn, hoặc đến hạn trong 2 ngày làm việc tới — xử lý ngay để không ảnh hưởng kết quả.",
  overdueNow: "Đã quá hạn",
  dueSoon: (until) => `Đến hạn trước ${until}`,
  noWarnings: "Không có hồ sơ quá hạn hoặc sắp đến hạn.",
  noneInList: "Không có hồ sơ nào.",
  warningsAsOf: "Tình trạng lúc",
  received: "Tiếp nhận",
  due: "Hạn xử lý",
  field: "Lĩnh vực",
  caseId: "Mã hồ sơ (bí danh)",
  procedure: "Thủ tục",
  daysLate: (n) => `trễ ${n} ngày làm việc`,
  notInData: "Chưa có số liệu của đơn vị trong kỳ này.",
  vsPredecessor: (name) => `so với đơn vị tiền thân: ${name}`,
  comparedWithPredecessor: (name, p) => `Cột “Kỳ trước” là số liệu ${p} của đơn vị tiền thân: ${name}.`,
  warningsSummary: (o, d) => `${o} hồ sơ đã quá hạn, ${d} hồ sơ đến hạn trong 2 ngày làm việc tới.`,
  reorg: {
    mergedInto: (date) => `Đơn vị đã sáp nhập vào đơn vị sau từ ${date}:`,
    splitInto: (n, date) => `Đơn vị đã kết thúc hoạt động từ ${date}; địa bàn và nhiệm vụ chuyển cho ${n} đơn vị:`,
    endedOn: (date) => `Đơn vị đã kết thúc hoạt động từ ${date}.`,
    lastPeriod: (p) => `Xem số liệu của đơn vị: ${p}`,
    noFigures: "Trong kỳ này đơn vị không còn hoạt động nên không có số liệu.",
    tookOver: (date) => `Đơn vị được tổ chức lại từ ${date}, kế thừa:`,
    notYet: (date) => `Đơn vị bắt đầu hoạt động từ ${date}; trước đó là:`,
    publicPage: "trang công khai",
    officerNote: "Tài khoản của bạn gắn với đơn vị cũ: để xem số liệu chi tiết của đơn vị kế thừa, Sở Nội vụ cần chuyển tài khoản sang đơn vị đó.",
  },
  weak: {
    title: "Điểm yếu cần cải thiện",
    lead: "Các chỉ số làm đơn vị mất nhiều điểm nhất (điểm tối đa − điểm đạt được), và các chỉ số kém hơn trung vị của các đơn vị cùng nhóm.",
    indicator: "Chỉ số",
    value: "Giá trị của đơn vị",
    median: "Trung vị cùng nhóm",
    points: "Điểm / tối đa",
    lost: "Điểm bị mất",
    below: "kém hơn trung vị",
    none: "Đơn vị không mất điểm ở chỉ số nào và không kém hơn trung vị ở chỉ số nào.",
    noPoints: "không tính điểm",
  },
  trend: {
    title: (y) => `Diễn biến theo tháng — năm ${y}`,
    lead: "Tổng điểm và tỷ lệ hồ sơ trước hạn, đúng hạn (P1) của từng tháng đã tính điểm.",
    caption: (u, y) => `Diễn biến theo tháng của ${u}, năm ${y}`,
    chartLabel: (u, y, n) => `Biểu đồ đường: tổng điểm và tỷ lệ P1 của ${u} qua ${n} tháng năm ${y}; số liệu trong bảng bên dưới.`,
    month: "Tháng",
    total: "Tổng điểm",
    rank: "Hạng",
    p1: "Tỷ lệ P1 (trước hạn, đúng hạn)",
    p1Axis: "Tỷ lệ P1 (%)",
    scoredAs: "Đơn vị được tính điểm",
    via: (id) => `qua đơn vị tiền thân/kế thừa ${id}`,
    viaNote: "Tháng trước hoặc sau sắp xếp đơn vị (2024–2025) lấy số liệu của đơn vị tiền thân hoặc kế thừa.",
    empty: (y) => `Chưa có tháng nào của năm ${y} được tính điểm.`,
    gap: {
      missing: "Chưa tính điểm",
      hollow: "Không có hồ sơ tiếp nhận hoặc được đánh giá",
      reorganised: "Sáp nhập/chia tách: không so sánh được",
    },
    gapNote: "Tháng không có số liệu của đơn vị để trống trên biểu đồ (không vẽ điểm, không xếp hạng). Tháng có hồ sơ của nhiều đơn vị tiền thân hoặc kế thừa cũng để trống.",
    running: "tạm tính",
  },
};

export const scorecardEn: ScorecardMessages = {
  title: "Unit scorecard",
  rankOf: (r, n) => `Rank ${r} of ${n}`,
  totalOf: (max) => `Total (out of ${max})`,
  vsPrevious: (p) => `Against ${p}`,
  groupsTitle: "The six groups",
  groupsDerived: "Group points are the sum of the group's indicator points, capped at the group's maximum.",
  indicatorsTitle: "Indicators by group",
  responsibilityTitle: "Responsibility indicators (Directive 03/CT-UBND)",
  responsibilityLead: "Shown beside the service index; not part of the total.",
  countsTitle: "Dossiers by status (indicator P1)",
  casesLink: (n) => `See ${n} dossiers`,
  allCases: "See every dossier and the rule that classified it",
  warningsTitle: "Early warning",
  warningsLead: "Open dossiers already past due, or due within the next 2 working days — act now before the numbers worsen.",
  overdueNow: "Overdue now",
  dueSoon: (until) => `Due before ${until}`,
  noWarnings: "No dossier is overdue or due soon.",
  noneInList: "None.",
  warningsAsOf: "State as of",
  received: "Received",
  due: "Due",
  field: "Field",
  caseId: "Dossier id (pseudonym)",
  procedure: "Procedure",
  daysLate: (n) => `${n} working ${String(n) === "1" ? "day" : "days"} late`,
  notInData: "No figures for this unit in this period.",
  vsPredecessor: (name) => `against the predecessor unit: ${name}`,
  comparedWithPredecessor: (name, p) => `The “Previous period” column holds the ${p} figures of the predecessor unit: ${name}.`,
  warningsSummary: (o, d) => `${o} dossiers overdue, ${d} due within the next 2 working days.`,
  reorg: {
    mergedInto: (date) => `This unit was merged into the following unit on ${date}:`,
    splitInto: (n, date) => `This unit ceased on ${date}; its area and tasks went to ${n} units:`,
    endedOn: (date) => `This unit ceased on ${date}.`,
    lastPeriod: (p) => `See the unit's figures: ${p}`,
    noFigures: "The unit no longer existed in this period, so it has no figures.",
    tookOver: (date) => `This unit was set up on ${date}, taking over from:`,
    notYet: (date) => `This unit exists from ${date}; before that:`,
    publicPage: "public page",
    officerNote: "Your account belongs to the former unit: to see the successor's details, Home Affairs must move your account to it.",
  },
  weak: {
    title: "Weak points to work on",
    lead: "The indicators that cost the unit the most points (maximum − points obtained), and those where it is worse than the median of its tier.",
    indicator: "Indicator",
    value: "The unit's value",
    median: "Tier median",
    points: "Points / max",
    lost: "Points lost",
    below: "worse than the median",
    none: "The unit loses no points on any indicator and is not worse than the median on any.",
    noPoints: "not scored",
  },
  trend: {
    title: (y) => `Month by month — ${y}`,
    lead: "The total and the share of dossiers handled early or on time (P1) in each scored month.",
    caption: (u, y) => `Month by month for ${u}, ${y}`,
    chartLabel: (u, y, n) => `Line chart: total and P1 share of ${u} over ${n} months of ${y}; the figures are in the table below.`,
    month: "Month",
    total: "Total",
    rank: "Rank",
    p1: "P1 share (early or on time)",
    p1Axis: "P1 share (%)",
    scoredAs: "Unit scored",
    via: (id) => `via predecessor/successor ${id}`,
    viaNote: "Months before or after the 2024–2025 reorganisation use the figures of the predecessor or successor unit.",
    empty: (y) => `No month of ${y} has been scored yet.`,
    gap: {
      missing: "Not scored",
      hollow: "No dossier received or assessed",
      reorganised: "Merged or split: not comparable",
    },
    gapNote: "Months without figures of the unit are gaps in the chart (no point, no rank). Months whose figures belong to one of several predecessor or successor units are gaps too.",
    running: "provisional",
  },
};
