/**
 * Words of proposals on heads (D8) and of the report submission (D10) — issue 24, items 2 and 3.
 * Vietnamese first; English typed by the same interface, so a missing key fails the typecheck.
 */
import type { Lang } from "../i18n.js";

export interface ProposalsMessages {
  readonly title: string;
  readonly lead: string;
  readonly kinds: { readonly REMINDER: string; readonly CRITICISM: string; readonly DISCIPLINE_REVIEW: string };
  readonly statuses: { readonly PROPOSED: string; readonly DECIDED: string; readonly WITHDRAWN: string };
  readonly newTitle: string;
  readonly head: string;
  readonly headPick: string;
  readonly kind: string;
  readonly basis: string;
  readonly basisHint: string;
  readonly findingsOf: string;
  readonly noConcludedFindings: string;
  readonly ratingOf: string;
  readonly ratingNone: string;
  readonly reason: string;
  readonly record: string;
  readonly list: string;
  readonly none: string;
  readonly basisFinding: (notice: string, date: string, criterion: string, points: string) => string;
  readonly basisRating: (period: string, band: string, total: string) => string;
  readonly basisAction: (required: string, status: string, deadline: string) => string;
  readonly actionStatuses: { readonly OPEN: string; readonly REPORTED: string; readonly ACCEPTED: string; readonly REOPENED: string };
  readonly actionsOf: string;
  readonly noActions: string;
  readonly decision: (number: string, date: string, outcome: string) => string;
  readonly withdrawn: (reason: string) => string;
  readonly recordedAt: (date: string) => string;
  readonly decide: string;
  readonly decisionNumber: string;
  readonly decisionDate: string;
  readonly outcome: string;
  readonly withdraw: string;
  readonly withdrawReason: string;
  /** The column of the head-rating table (chairman, Home Affairs). */
  readonly column: string;
  readonly noneForHead: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly codes: Readonly<Record<string, string>>;
}

export interface SubmissionsMessages {
  readonly title: string;
  readonly lead: string;
  readonly reportPeriod: (period: string) => string;
  readonly deadline: string;
  readonly deadlineNote: string;
  readonly setDeadline: string;
  readonly noDeadline: string;
  readonly deadlineIs: (date: string) => string;
  readonly states: { readonly SUBMITTED: string; readonly SUBMITTED_LATE: string; readonly NOT_SUBMITTED: string; readonly OVERDUE: string };
  readonly counts: string;
  readonly tier: string;
  readonly units: string;
  readonly submittedAt: (date: string) => string;
  readonly revisedAt: (date: string) => string;
  readonly openReport: string;
  readonly none: string;
  readonly narrativeTitle: (period: string) => string;
  readonly narrativeLead: string;
  readonly narrativeText: string;
  readonly submit: string;
  readonly revise: string;
  readonly nothingYet: string;
  readonly chars: (n: string, max: string) => string;
  readonly readOnly: string;
}

export const proposalsVi: ProposalsMessages = {
  title: "Đề xuất xử lý người đứng đầu",
  lead: "Sở Nội vụ đề xuất nhắc nhở, phê bình hoặc xem xét kỷ luật người đứng đầu vi phạm (Chỉ thị 03, mục 8), căn cứ kết luận kiểm tra đã ban hành và kết quả xếp loại. Chỉ Chủ tịch UBND tỉnh và Sở Nội vụ xem được.",
  kinds: { REMINDER: "Nhắc nhở", CRITICISM: "Phê bình", DISCIPLINE_REVIEW: "Xem xét kỷ luật" },
  statuses: { PROPOSED: "Đã đề xuất", DECIDED: "Đã quyết định", WITHDRAWN: "Đã rút" },
  newTitle: "Ghi nhận đề xuất",
  head: "Người đứng đầu",
  headPick: "— chọn người đứng đầu —",
  kind: "Hình thức đề xuất",
  basis: "Căn cứ",
  basisHint: "Chọn ít nhất một căn cứ: kết luận kiểm tra đã ban hành của đơn vị, kết quả xếp loại của người đứng đầu trong kỳ, hoặc yêu cầu khắc phục của đơn vị.",
  findingsOf: "Kết luận kiểm tra đã ban hành (kỳ đang chọn)",
  noConcludedFindings: "Đơn vị chưa có kết luận kiểm tra đã ban hành trong kỳ này.",
  ratingOf: "Kết quả xếp loại trong kỳ đang chọn",
  ratingNone: "Không dùng kết quả xếp loại",
  reason: "Lý do",
  record: "Ghi nhận đề xuất",
  list: "Các đề xuất",
  none: "Chưa có đề xuất nào.",
  basisFinding: (notice, date, criterion, points) => `Kết luận ${notice} ngày ${date} (${criterion}, trừ ${points} điểm)`,
  basisRating: (period, band, total) => `Xếp loại ${period}: ${band} (${total} điểm)`,
  basisAction: (required, status, deadline) => `Yêu cầu khắc phục “${required}” — ${status}, hạn ${deadline}`,
  actionStatuses: { OPEN: "đang thực hiện", REPORTED: "đơn vị đã báo cáo", ACCEPTED: "đã nghiệm thu", REOPENED: "yêu cầu làm lại" },
  actionsOf: "Yêu cầu khắc phục của đơn vị",
  noActions: "Đơn vị chưa có yêu cầu khắc phục nào.",
  decision: (number, date, outcome) => `Quyết định ${number} ngày ${date}: ${outcome}`,
  withdrawn: (reason) => `Đã rút: ${reason}`,
  recordedAt: (date) => `Ghi nhận ngày ${date}`,
  decide: "Ghi nhận quyết định",
  decisionNumber: "Số quyết định",
  decisionDate: "Ngày quyết định",
  outcome: "Nội dung quyết định",
  withdraw: "Rút đề xuất",
  withdrawReason: "Lý do rút",
  column: "Đề xuất xử lý",
  noneForHead: "—",
  fields: { basis: "Căn cứ", reason: "Lý do", decisionNumber: "Số quyết định", decisionDate: "Ngày quyết định", outcome: "Nội dung quyết định", status: "Trạng thái", deadline: "Hạn nộp", text: "Nội dung báo cáo", kind: "Hình thức" },
  codes: {
    UNKNOWN_HEAD: "không phải người đứng đầu của đơn vị",
    UNKNOWN_FINDING: "không tìm thấy kết luận kiểm tra",
    UNKNOWN_ACTION: "không tìm thấy yêu cầu khắc phục",
    NOT_CONCLUDED: "kết luận kiểm tra chưa được ban hành",
    NOT_THIS_UNIT: "căn cứ của đơn vị khác",
    NOT_THIS_HEAD: "kết luận kiểm tra nêu người đứng đầu khác",
    NO_RATINGS: "kỳ này chưa có kết quả xếp loại",
    NOT_RATED: "người đứng đầu chưa được xếp loại trong kỳ này",
    DUPLICATE_BASIS: "căn cứ bị trùng",
    PROPOSAL_CLOSED: "đề xuất đã được quyết định hoặc đã rút, không thể thay đổi",
    REQUIRED: "chưa nhập",
  },
};

export const proposalsEn: ProposalsMessages = {
  title: "Proposals on heads of unit",
  lead: "Home Affairs proposes a reminder, a criticism or a discipline review of a head who broke the rules (Directive 03, item 8), on concluded inspection findings and the head's rating. Seen by the Chairman and Home Affairs only.",
  kinds: { REMINDER: "Reminder", CRITICISM: "Criticism", DISCIPLINE_REVIEW: "Discipline review" },
  statuses: { PROPOSED: "Proposed", DECIDED: "Decided", WITHDRAWN: "Withdrawn" },
  newTitle: "Record a proposal",
  head: "Head of unit",
  headPick: "— choose a head —",
  kind: "Proposed handling",
  basis: "Basis",
  basisHint: "Choose at least one basis: a concluded inspection finding of the unit, the head's rating in the period, or a corrective action of the unit.",
  findingsOf: "Concluded inspection findings (period shown)",
  noConcludedFindings: "The unit has no concluded inspection finding in this period.",
  ratingOf: "Rating in the period shown",
  ratingNone: "Do not cite the rating",
  reason: "Reason",
  record: "Record the proposal",
  list: "Proposals",
  none: "No proposals yet.",
  basisFinding: (notice, date, criterion, points) => `Finding ${notice} of ${date} (${criterion}, −${points} points)`,
  basisRating: (period, band, total) => `Rating ${period}: ${band} (${total} points)`,
  basisAction: (required, status, deadline) => `Corrective action “${required}” — ${status}, due ${deadline}`,
  actionStatuses: { OPEN: "open", REPORTED: "reported by the unit", ACCEPTED: "accepted", REOPENED: "reopened" },
  actionsOf: "The unit's corrective actions",
  noActions: "The unit has no corrective action.",
  decision: (number, date, outcome) => `Decision ${number} of ${date}: ${outcome}`,
  withdrawn: (reason) => `Withdrawn: ${reason}`,
  recordedAt: (date) => `Recorded on ${date}`,
  decide: "Record the decision",
  decisionNumber: "Decision number",
  decisionDate: "Decision date",
  outcome: "What was decided",
  withdraw: "Withdraw",
  withdrawReason: "Why it is withdrawn",
  column: "Proposals",
  noneForHead: "—",
  fields: { basis: "Basis", reason: "Reason", decisionNumber: "Decision number", decisionDate: "Decision date", outcome: "What was decided", status: "Status", deadline: "Deadline", text: "Report text", kind: "Handling" },
  codes: {
    UNKNOWN_HEAD: "not a head of the unit",
    UNKNOWN_FINDING: "no such inspection finding",
    UNKNOWN_ACTION: "no such corrective action",
    NOT_CONCLUDED: "the inspection finding is not concluded",
    NOT_THIS_UNIT: "a basis of another unit",
    NOT_THIS_HEAD: "the inspection finding names another head",
    NO_RATINGS: "no ratings for this period yet",
    NOT_RATED: "the head is not rated in this period",
    DUPLICATE_BASIS: "named twice",
    PROPOSAL_CLOSED: "the proposal is decided or withdrawn: it cannot change",
    REQUIRED: "missing",
  },
};

export const submissionsVi: SubmissionsMessages = {
  title: "Nộp báo cáo 6 tháng, năm",
  lead: "Người đứng đầu báo cáo kết quả 6 tháng, năm với Chủ tịch UBND tỉnh qua Sở Nội vụ (Chỉ thị 03, mục 10). Sở Nội vụ đặt hạn nộp; đơn vị nộp phần báo cáo của mình trên trang phiếu điểm.",
  reportPeriod: (period) => `Kỳ báo cáo: ${period}`,
  deadline: "Hạn nộp (ngày cuối cùng)",
  deadlineNote: "Văn bản đặt hạn (không bắt buộc)",
  setDeadline: "Lưu hạn nộp",
  noDeadline: "Chưa đặt hạn nộp.",
  deadlineIs: (date) => `Hạn nộp: hết ngày ${date}`,
  states: { SUBMITTED: "Đã nộp", SUBMITTED_LATE: "Nộp muộn", NOT_SUBMITTED: "Chưa nộp", OVERDUE: "Quá hạn" },
  counts: "Số đơn vị theo tình trạng",
  tier: "Cấp",
  units: "Đơn vị phải báo cáo",
  submittedAt: (date) => `Nộp lúc ${date}`,
  revisedAt: (date) => `sửa lúc ${date}`,
  openReport: "Xem báo cáo",
  none: "Không có đơn vị nào của cấp này trong kỳ.",
  narrativeTitle: (period) => `Báo cáo kết quả của đơn vị — ${period}`,
  narrativeLead: "Phần báo cáo của đơn vị gửi Chủ tịch UBND tỉnh qua Sở Nội vụ: kết quả, tồn tại và giải pháp. Có thể sửa sau khi nộp; thời điểm nộp lần đầu được dùng để xét đúng hạn.",
  narrativeText: "Nội dung báo cáo",
  submit: "Nộp báo cáo",
  revise: "Cập nhật báo cáo",
  nothingYet: "Đơn vị chưa nộp báo cáo.",
  chars: (n, max) => `${n}/${max} ký tự`,
  readOnly: "Chỉ cán bộ của đơn vị nộp được báo cáo này.",
};

export const submissionsEn: SubmissionsMessages = {
  title: "Six-monthly and annual reports",
  lead: "Each head reports results every six months and every year to the Chairman through Home Affairs (Directive 03, item 10). Home Affairs sets the deadline; a unit submits its part on its scorecard page.",
  reportPeriod: (period) => `Report period: ${period}`,
  deadline: "Deadline (last day)",
  deadlineNote: "Document setting it (optional)",
  setDeadline: "Save the deadline",
  noDeadline: "No deadline set yet.",
  deadlineIs: (date) => `Deadline: end of ${date}`,
  states: { SUBMITTED: "Submitted", SUBMITTED_LATE: "Submitted late", NOT_SUBMITTED: "Not submitted", OVERDUE: "Overdue" },
  counts: "Units by state",
  tier: "Tier",
  units: "Units due to report",
  submittedAt: (date) => `Submitted ${date}`,
  revisedAt: (date) => `revised ${date}`,
  openReport: "Open the report",
  none: "No unit of this tier in the period.",
  narrativeTitle: (period) => `The unit's report — ${period}`,
  narrativeLead: "The unit's part of the report to the Chairman through Home Affairs: results, shortcomings and remedies. It may be revised after submission; the first submission's time decides whether it was on time.",
  narrativeText: "Report text",
  submit: "Submit the report",
  revise: "Update the report",
  nothingYet: "The unit has not submitted its report.",
  chars: (n, max) => `${n}/${max} characters`,
  readOnly: "Only the unit's own officers can submit this report.",
};

export const PROPOSALS_MESSAGES: Readonly<Record<Lang, ProposalsMessages>> = { vi: proposalsVi, en: proposalsEn };
export const SUBMISSIONS_MESSAGES: Readonly<Record<Lang, SubmissionsMessages>> = { vi: submissionsVi, en: submissionsEn };
