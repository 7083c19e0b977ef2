/** Words of the overview page (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */

export interface OverviewMessages {
  readonly title: string;
  readonly lead: string;
  /** Also the printed report's (ReportPage). */
  readonly inScope: string;
  readonly onTimeRate: string;
  readonly tiles: {
    readonly label: string;
    readonly inScope: string;
    readonly onTimeRate: string;
    readonly lateRate: string;
    readonly handlingDays: string;
    readonly overdueNow: string;
    readonly vsPrevious: (period: string) => string;
    readonly noPrevious: string;
    readonly live: string;
  };
  readonly rankingTitle: (tier: string) => string;
  readonly best: string;
  readonly worst: string;
  readonly costs: string;
  readonly nothingLost: string;
  readonly lostPoints: (points: string) => string;
  readonly extremesLead: string;
  readonly fullRanking: (n: string) => string;
  readonly change: string;
  readonly changeRank: string;
  readonly viaPredecessor: string;
  readonly viaPredecessorOf: (name: string) => string;
  readonly mergedFrom: (n: string) => string;
  readonly mergedNote: string;
  readonly newUnit: string;
  readonly changeNote: (period: string) => string;
  readonly profileTitle: string;
  readonly profileLead: string;
  readonly profileUnit: string;
  readonly profileCaption: (unit: string, tier: string) => string;
  readonly tierMedian: string;
  readonly lateTitle: string;
  readonly lateLead: (min: string) => string;
  readonly lateRate: string;
  readonly lateOf: string;
  readonly noLate: string;
  readonly warningsTitle: string;
  readonly warningsLead: string;
  readonly overdueNow: string;
  readonly dueSoon: string;
  readonly r7Title: string;
  readonly r7Lead: string;
  readonly overrunShare: string;
  readonly overrunDays: string;
  readonly r5Title: string;
  readonly r5Lead: string;
  readonly r9Title: string;
  readonly r9Lead: string;
  readonly headsTitle: string;
  readonly indicatorGap: (code: string) => string;
  readonly noWarnings: string;
  readonly exportTitle: string;
  readonly file: {
    readonly unitId: string;
    readonly totalChange: string;
    readonly rankChange: string;
    readonly comparedWith: string;
    readonly itself: string;
    readonly merged: string;
    readonly none: string;
    readonly provisional: string;
    readonly provisionalYes: (asOf: string) => string;
    readonly provisionalNo: string;
  };
}

export const overviewVi: OverviewMessages = {
  title: "Tổng quan toàn tỉnh",
  lead: "Ai đang để người dân, doanh nghiệp chờ, và vì sao.",
  inScope: "Hồ sơ được đánh giá",
  onTimeRate: "Tỷ lệ trước hạn, đúng hạn",
  tiles: {
    label: "Toàn tỉnh trong kỳ",
    inScope: "Hồ sơ được đánh giá",
    onTimeRate: "Tỷ lệ trước hạn, đúng hạn",
    lateRate: "Tỷ lệ trễ hạn, quá hạn",
    handlingDays: "Thời gian giải quyết bình quân",
    overdueNow: "Hồ sơ đang quá hạn",
    vsPrevious: (p) => `so với ${p}`,
    noPrevious: "chưa có kỳ trước để so sánh",
    live: "tình trạng hiện tại",
  },
  rankingTitle: (tier) => `Xếp hạng ${tier}`,
  best: "5 đơn vị dẫn đầu",
  worst: "5 đơn vị thấp nhất",
  costs: "Mất điểm nhiều nhất ở",
  nothingLost: "không mất điểm ở chỉ số nào",
  lostPoints: (p) => `−${p} điểm`,
  extremesLead: "Điểm bị mất của một chỉ số = điểm tối đa − điểm đạt được.",
  fullRanking: (n) => `Bảng xếp hạng đầy đủ (${n} đơn vị)`,
  change: "So với kỳ trước",
  changeRank: "Hạng",
  viaPredecessor: "so với đơn vị tiền thân",
  viaPredecessorOf: (name) => `so với đơn vị tiền thân: ${name}`,
  mergedFrom: (n) => `hợp nhất từ ${n} đơn vị`,
  mergedNote: "Đơn vị hợp nhất từ nhiều đơn vị tiền thân: không có một số liệu kỳ trước để so sánh.",
  newUnit: "đơn vị mới",
  changeNote: (p) => `So với ${p}. Đơn vị có mã mới sau sắp xếp năm 2024–2025 được so với đơn vị tiền thân (ghi rõ); đơn vị hợp nhất từ nhiều đơn vị không được so sánh.`,
  profileTitle: "Sáu nhóm chỉ số so với trung vị cùng nhóm đơn vị",
  profileLead: "Điểm từng nhóm của đơn vị được chọn (thanh) và trung vị của các đơn vị cùng nhóm (vạch).",
  profileUnit: "Đơn vị",
  profileCaption: (unit, tier) => `Điểm sáu nhóm chỉ số của ${unit} và trung vị ${tier}`,
  tierMedian: "Trung vị",
  lateTitle: "Tỷ lệ trễ hạn theo đơn vị",
  lateLead: (min) => `Tỷ lệ hồ sơ trễ hạn, quá hạn trên số hồ sơ được đánh giá, cao nhất trước; chỉ tính đơn vị có từ ${min} hồ sơ trở lên.`,
  lateRate: "Tỷ lệ trễ hạn (%)",
  lateOf: "Trễ/được đánh giá",
  noLate: "Không đơn vị nào có hồ sơ trễ hạn trong kỳ.",
  warningsTitle: "Cảnh báo sớm theo đơn vị",
  warningsLead: "Tình trạng hiện tại: hồ sơ đang quá hạn và sẽ đến hạn trong 2 ngày làm việc — việc cần làm ngay.",
  overdueNow: "Đang quá hạn",
  dueSoon: "Sắp đến hạn",
  r7Title: "Phân định trách nhiệm chậm trễ",
  r7Lead: "Số ngày làm việc mỗi đơn vị vượt thời gian được giao trên các hồ sơ liên thông trễ hạn, và tỷ trọng trong toàn tỉnh.",
  overrunShare: "Tỷ trọng ngày vượt (%)",
  overrunDays: "Ngày làm việc vượt",
  r5Title: "Trả lời lấy ý kiến đúng hạn của cơ quan ngành dọc",
  r5Lead: "Thuế, công an, bảo hiểm xã hội… khi được lấy ý kiến phối hợp.",
  r9Title: "Bốn lĩnh vực phức tạp",
  r9Lead: "Đầu tư, đất đai, xây dựng, kinh doanh có điều kiện.",
  headsTitle: "Người đứng đầu và xếp loại",
  indicatorGap: (code) => `Chưa có số liệu: kỳ này chưa có chỉ số ${code} trong kết quả tính điểm.`,
  noWarnings: "Không có đơn vị nào có hồ sơ quá hạn hoặc sắp đến hạn.",
  exportTitle: "Tổng quan",
  file: {
    unitId: "Mã đơn vị",
    totalChange: "Thay đổi tổng điểm so với kỳ trước (điểm)",
    rankChange: "Thay đổi thứ hạng (bậc, dương là tăng hạng)",
    comparedWith: "So sánh với",
    itself: "chính đơn vị",
    merged: "hợp nhất từ nhiều đơn vị — không so sánh",
    none: "không có số liệu kỳ trước",
    provisional: "Tình trạng kỳ",
    provisionalYes: (asOf) => `Kỳ chưa kết thúc — số liệu tạm tính đến ${asOf}`,
    provisionalNo: "Kỳ đã kết thúc",
  },
};

export const overviewEn: OverviewMessages = {
  title: "Province overview",
  lead: "Who keeps citizens and businesses waiting, and why.",
  inScope: "Dossiers assessed",
  onTimeRate: "Early or on-time rate",
  tiles: {
    label: "The province in the period",
    inScope: "Dossiers assessed",
    onTimeRate: "Early or on-time rate",
    lateRate: "Late or overdue rate",
    handlingDays: "Average handling time",
    overdueNow: "Dossiers overdue now",
    vsPrevious: (p) => `against ${p}`,
    noPrevious: "no previous period to compare with",
    live: "current state",
  },
  rankingTitle: (tier) => `Ranking: ${tier.toLowerCase()}`,
  best: "The top 5",
  worst: "The bottom 5",
  costs: "Loses most points on",
  nothingLost: "loses no points on any indicator",
  lostPoints: (p) => `−${p} pts`,
  extremesLead: "Points lost on an indicator = its maximum − the points obtained.",
  fullRanking: (n) => `Full ranking (${n} units)`,
  change: "Against the previous period",
  changeRank: "Rank",
  viaPredecessor: "against the predecessor unit",
  viaPredecessorOf: (name) => `against the predecessor unit: ${name}`,
  mergedFrom: (n) => `merged from ${n} units`,
  mergedNote: "A unit merged from several predecessors: there is no single previous figure to compare with.",
  newUnit: "new unit",
  changeNote: (p) => `Against ${p}. Units with a new id after the 2024–2025 reorganisations are compared with their predecessor (marked); units merged from several are not compared.`,
  profileTitle: "The six groups against the tier median",
  profileLead: "Each group's points of the chosen unit (bar) and the median of the units of its tier (mark).",
  profileUnit: "Unit",
  profileCaption: (unit, tier) => `Points of the six groups of ${unit} and the median of ${tier.toLowerCase()}`,
  tierMedian: "Median",
  lateTitle: "Late rate by unit",
  lateLead: (min) => `Share of assessed dossiers that were late or overdue, highest first; units with ${min} or more dossiers only.`,
  lateRate: "Late rate (%)",
  lateOf: "Late/assessed",
  noLate: "No unit has a late dossier in the period.",
  warningsTitle: "Early warnings by unit",
  warningsLead: "The current state: dossiers overdue now and due within 2 working days — what must be done today.",
  overdueNow: "Overdue now",
  dueSoon: "Due soon",
  r7Title: "Delay attribution",
  r7Lead: "Working days each unit overran its allotted step time on late inter-agency dossiers, and its share of the province's overrun.",
  overrunShare: "Share of overrun days (%)",
  overrunDays: "Working days overrun",
  r5Title: "Consultation answers on time by vertical agencies",
  r5Lead: "Tax, police, social insurance… when their opinion is requested.",
  r9Title: "The four complex fields",
  r9Lead: "Investment, land, construction, conditional business licensing.",
  headsTitle: "Heads of unit and their ratings",
  indicatorGap: (code) => `No data: indicator ${code} is not in this period's scoring results yet.`,
  noWarnings: "No unit has an overdue or soon-due dossier.",
  exportTitle: "Overview",
  file: {
    unitId: "Unit id",
    totalChange: "Change of the total against the previous period (points)",
    rankChange: "Change of rank (places, positive is up)",
    comparedWith: "Compared with",
    itself: "the unit itself",
    merged: "merged from several units — not compared",
    none: "no previous figures",
    provisional: "Period",
    provisionalYes: (asOf) => `Not over — provisional figures as of ${asOf}`,
    provisionalNo: "Over",
  },
};
