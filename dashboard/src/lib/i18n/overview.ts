/** Words of the overview page (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */

export interface OverviewMessages {
  readonly title: string;
  readonly lead: string;
  readonly totalsTitle: string;
  readonly inScope: string;
  readonly onTimeRate: string;
  readonly rankingTitle: (tier: string) => string;
  readonly movement: string;
  readonly lateTitle: string;
  readonly lateLead: string;
  readonly warningsTitle: string;
  readonly warningsLead: string;
  readonly overdueNow: string;
  readonly dueSoon: string;
  readonly r7Title: string;
  readonly r7Lead: string;
  readonly overrunShare: string;
  readonly r5Title: string;
  readonly r5Lead: string;
  readonly r9Title: string;
  readonly r9Lead: string;
  readonly headsTitle: string;
  readonly indicatorGap: (code: string) => string;
  readonly noWarnings: string;
  readonly top: (n: number) => string;
}

export const overviewVi: OverviewMessages = {
  title: "Tổng quan toàn tỉnh",
  lead: "Ai đang để người dân, doanh nghiệp chờ, và vì sao: xếp hạng, trễ hạn, cảnh báo sớm và phân định trách nhiệm.",
  totalsTitle: "Toàn tỉnh trong kỳ",
  inScope: "Hồ sơ được đánh giá",
  onTimeRate: "Tỷ lệ trước hạn, đúng hạn",
  rankingTitle: (tier) => `Xếp hạng ${tier}`,
  movement: "So với kỳ trước",
  lateTitle: "Trễ hạn và quá hạn theo đơn vị",
  lateLead: "Đơn vị có nhiều hồ sơ trễ hạn, quá hạn nhất trong kỳ.",
  warningsTitle: "Cảnh báo sớm theo đơn vị",
  warningsLead: "Từ tình trạng hồ sơ hiện tại: quá hạn ngay bây giờ và đến hạn trong 2 ngày làm việc.",
  overdueNow: "Đang quá hạn",
  dueSoon: "Sắp đến hạn",
  r7Title: "Phân định trách nhiệm chậm trễ (R7)",
  r7Lead: "Số ngày làm việc mỗi đơn vị vượt thời gian được giao trên các hồ sơ liên thông trễ hạn, và tỷ trọng trong toàn tỉnh.",
  overrunShare: "Tỷ trọng ngày vượt",
  r5Title: "Trả lời lấy ý kiến đúng hạn của cơ quan được hỏi (R5, ngành dọc)",
  r5Lead: "Thuế, công an, bảo hiểm xã hội… khi được lấy ý kiến phối hợp.",
  r9Title: "Bốn lĩnh vực phức tạp (R9)",
  r9Lead: "Đầu tư, đất đai, xây dựng, kinh doanh có điều kiện: tỷ lệ trễ hạn, thư xin lỗi, trả lại, bổ sung nhiều lần.",
  headsTitle: "Người đứng đầu và xếp loại",
  indicatorGap: (code) => `Chưa có số liệu: kỳ này chưa có chỉ số ${code} trong kết quả tính điểm.`,
  noWarnings: "Không có đơn vị nào có hồ sơ quá hạn hoặc sắp đến hạn.",
  top: (n) => `${n} đơn vị cao nhất`,
};

export const overviewEn: OverviewMessages = {
  title: "Province overview",
  lead: "Who keeps citizens and businesses waiting, and why: rankings, late dossiers, early warnings and delay attribution.",
  totalsTitle: "Province totals for the period",
  inScope: "Dossiers assessed",
  onTimeRate: "Early or on-time rate",
  rankingTitle: (tier) => `Ranking: ${tier.toLowerCase()}`,
  movement: "Against the previous period",
  lateTitle: "Late and overdue dossiers by unit",
  lateLead: "Units with the most late and overdue dossiers in the period.",
  warningsTitle: "Early warnings by unit",
  warningsLead: "From the live dossier state: overdue now and due within 2 working days.",
  overdueNow: "Overdue now",
  dueSoon: "Due soon",
  r7Title: "Delay attribution (R7)",
  r7Lead: "Working days each unit overran its allotted step time on late inter-agency dossiers, and its share of the province's overrun.",
  overrunShare: "Share of overrun days",
  r5Title: "Consultation timeliness of consulted agencies (R5, vertical agencies)",
  r5Lead: "Tax, police, social insurance… when their opinion is requested.",
  r9Title: "The four complex fields (R9)",
  r9Lead: "Investment, land, construction, conditional business licensing: late rate, apology coverage, refusals, repeated supplements.",
  headsTitle: "Heads of unit and their ratings",
  indicatorGap: (code) => `No data: indicator ${code} is not in this period's scoring results yet.`,
  noWarnings: "No unit has an overdue or soon-due dossier.",
  top: (n) => `Top ${n} units`,
};
