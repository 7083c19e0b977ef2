/** Words of the corrective actions (issue 24, item 1): Vietnamese first; English typed by the same interface, so a missing key fails the typecheck. */
import type { Lang } from "@scorecard/shared/methodology/methodology";

export interface ActionsMessages {
  readonly title: string;
  readonly lead: string;
  readonly unitTitle: string;
  readonly unitLead: string;
  readonly overviewTitle: string;
  readonly overviewLead: string;
  readonly noActions: string;
  readonly noOverdue: string;
  readonly overdueCount: (n: number) => string;
  readonly status: { readonly OPEN: string; readonly REPORTED: string; readonly ACCEPTED: string; readonly REOPENED: string };
  readonly overdue: { readonly AWAITING_REPORT: string; readonly AWAITING_REVIEW: string };
  readonly basisKind: { readonly FINDING: string; readonly INDICATOR: string; readonly BAND: string };
  readonly basisOf: {
    readonly FINDING: (findingId: string, criterion: string, period: string) => string;
    readonly INDICATOR: (indicator: string, period: string) => string;
    readonly BAND: (band: string, period: string) => string;
  };
  readonly step: { readonly OPENED: string; readonly REPORTED: string; readonly ACCEPTED: string; readonly REOPENED: string };
  readonly by: { readonly "home-affairs": string; readonly "unit-officer": string; readonly other: string };
  readonly deadline: string;
  readonly deadlineOn: (date: string) => string;
  readonly required: string;
  readonly indicator: string;
  readonly indicatorNone: string;
  readonly expected: (indicator: string) => string;
  readonly progressTitle: (indicator: string) => string;
  readonly progressTotal: string;
  readonly noProgress: string;
  readonly col: { readonly period: string; readonly value: string; readonly counts: string; readonly total: string; readonly band: string };
  readonly history: string;
  readonly filters: { readonly status: string; readonly all: string; readonly overdueOnly: string; readonly thisPeriod: string };
  readonly form: {
    readonly title: string;
    readonly unit: string;
    readonly basis: string;
    readonly finding: string;
    readonly noFindings: string;
    readonly band: string;
    readonly indicatorDefault: string;
    readonly open: string;
  };
  readonly report: { readonly title: string; readonly text: string; readonly indicator: string; readonly send: string };
  readonly accept: string;
  readonly acceptNote: string;
  readonly reopen: string;
  readonly reopenReason: string;
  readonly newDeadline: string;
  readonly openUnit: string;
  readonly fromFinding: string;
  readonly outcome: {
    readonly saved: string;
    readonly conflict: string;
    readonly exists: string;
    readonly notFound: string;
    readonly forbidden: string;
    readonly invalid: string;
    readonly network: string;
    readonly other: (status: number, code: string) => string;
  };
  readonly fields: Readonly<Record<string, string>>;
  readonly codes: Readonly<Record<string, string>>;
}

export const actionsVi: ActionsMessages = {
  title: "Khắc phục sau kiểm tra",
  lead: "Sở Nội vụ giao đơn vị khắc phục từ một kết luận kiểm tra, một chỉ số hoặc một xếp loại của kỳ; đơn vị báo cáo kết quả; Sở Nội vụ chấp nhận hoặc yêu cầu làm lại (Chỉ thị 03, điểm C5).",
  unitTitle: "Yêu cầu khắc phục",
  unitLead: "Những việc Sở Nội vụ yêu cầu đơn vị khắc phục, hạn báo cáo và số liệu các kỳ sau.",
  overviewTitle: "Yêu cầu khắc phục quá hạn",
  overviewLead: "Đã quá hạn mà chưa được Sở Nội vụ chấp nhận.",
  noActions: "Chưa có yêu cầu khắc phục nào.",
  noOverdue: "Không có yêu cầu khắc phục nào quá hạn.",
  overdueCount: (n) => `${n} yêu cầu quá hạn`,
  status: { OPEN: "Đang chờ đơn vị", REPORTED: "Đơn vị đã báo cáo", ACCEPTED: "Đã chấp nhận", REOPENED: "Yêu cầu làm lại" },
  overdue: { AWAITING_REPORT: "Quá hạn — chờ đơn vị báo cáo", AWAITING_REVIEW: "Quá hạn — chờ Sở Nội vụ xem xét" },
  basisKind: { FINDING: "Kết luận kiểm tra", INDICATOR: "Chỉ số", BAND: "Xếp loại" },
  basisOf: {
    FINDING: (id, criterion, period) => `Kết luận kiểm tra ${id} (${criterion}), ${period}`,
    INDICATOR: (indicator, period) => `Chỉ số ${indicator}, ${period}`,
    BAND: (band, period) => `Xếp loại ${band}, ${period}`,
  },
  step: { OPENED: "Giao khắc phục", REPORTED: "Đơn vị báo cáo", ACCEPTED: "Chấp nhận", REOPENED: "Yêu cầu làm lại" },
  by: { "home-affairs": "Sở Nội vụ", "unit-officer": "Đơn vị", other: "Khác" },
  deadline: "Hạn báo cáo",
  deadlineOn: (d) => `Hạn: ${d}`,
  required: "Nội dung cần khắc phục",
  indicator: "Chỉ số kỳ vọng cải thiện",
  indicatorNone: "Không chọn (theo tổng điểm)",
  expected: (i) => `Chỉ số kỳ vọng cải thiện: ${i}`,
  progressTitle: (i) => `Số liệu ${i} các kỳ sau`,
  progressTotal: "Tổng điểm các kỳ sau",
  noProgress: "Chưa có kỳ nào được chấm điểm cho đơn vị.",
  col: { period: "Kỳ", value: "Giá trị", counts: "Tử số / mẫu số", total: "Tổng điểm", band: "Xếp loại" },
  history: "Diễn biến",
  filters: { status: "Trạng thái", all: "Tất cả", overdueOnly: "Chỉ quá hạn", thisPeriod: "Chỉ kỳ đang chọn" },
  form: {
    title: "Giao khắc phục",
    unit: "Đơn vị",
    basis: "Căn cứ",
    finding: "Kết luận kiểm tra đã kết luận",
    noFindings: "Đơn vị không có kết luận kiểm tra nào đã kết luận trong kỳ này.",
    band: "Xếp loại của đơn vị trong kỳ",
    indicatorDefault: "Mặc định theo căn cứ",
    open: "Giao khắc phục",
  },
  report: { title: "Báo cáo kết quả khắc phục", text: "Đơn vị đã làm gì", indicator: "Chỉ số kỳ vọng cải thiện", send: "Gửi báo cáo" },
  accept: "Chấp nhận",
  acceptNote: "Ghi chú (không bắt buộc)",
  reopen: "Yêu cầu làm lại",
  reopenReason: "Lý do",
  newDeadline: "Hạn mới (không bắt buộc)",
  openUnit: "Xem phiếu điểm đơn vị",
  fromFinding: "Giao khắc phục",
  outcome: {
    saved: "Đã lưu.",
    conflict: "Yêu cầu này vừa được người khác thay đổi. Tải lại để xem bản mới nhất rồi thử lại.",
    exists: "Đã có một yêu cầu khác với mã này.",
    notFound: "Không tìm thấy yêu cầu khắc phục này của đơn vị.",
    forbidden: "Bạn không có quyền thực hiện thao tác này.",
    invalid: "Chưa lưu được — kiểm tra lại:",
    network: "Không kết nối được máy chủ. Thử lại sau.",
    other: (s, c) => `Lỗi ${s} (${c}).`,
  },
  fields: {
    unitId: "Đơn vị",
    basis: "Căn cứ",
    deadline: "Hạn báo cáo",
    required: "Nội dung cần khắc phục",
    indicator: "Chỉ số",
    text: "Nội dung báo cáo",
    reason: "Lý do",
    status: "Trạng thái",
    note: "Ghi chú",
  },
  codes: {
    INVALID_VALUE: "giá trị không hợp lệ",
    OUT_OF_RANGE: "không được trước hôm nay",
    UNKNOWN_UNIT: "đơn vị không tồn tại",
    UNKNOWN_FINDING: "không có kết luận kiểm tra này",
    NOT_CONCLUDED: "kết luận kiểm tra còn là bản nháp",
    RULE_VIOLATED: "không khớp với đơn vị hoặc kỳ đã chọn",
    UNKNOWN_INDICATOR: "không phải chỉ số của bộ tiêu chí",
    UNKNOWN_BAND: "không phải một xếp loại",
    NOT_SCORED: "đơn vị chưa được chấm điểm trong kỳ này",
    ACTION_CLOSED: "yêu cầu đã được chấp nhận, đã đóng",
    WRONG_STATUS: "không làm được ở trạng thái hiện tại",
  },
};

export const actionsEn: ActionsMessages = {
  title: "Corrective actions",
  lead: "Home Affairs asks a unit to correct something — from a concluded finding, an indicator or a band of a period; the unit reports what it did; Home Affairs accepts it or reopens it (Directive 03, clause C5).",
  unitTitle: "Corrective actions",
  unitLead: "What Home Affairs asked this unit to correct, the report deadline and the numbers of the periods since.",
  overviewTitle: "Overdue corrective actions",
  overviewLead: "Past their deadline and not yet accepted by Home Affairs.",
  noActions: "No corrective actions yet.",
  noOverdue: "No corrective action is overdue.",
  overdueCount: (n) => `${n} overdue ${n === 1 ? "action" : "actions"}`,
  status: { OPEN: "Waiting for the unit", REPORTED: "Reported by the unit", ACCEPTED: "Accepted", REOPENED: "Reopened" },
  overdue: { AWAITING_REPORT: "Overdue — waiting for the unit's report", AWAITING_REVIEW: "Overdue — waiting for Home Affairs" },
  basisKind: { FINDING: "Inspection finding", INDICATOR: "Indicator", BAND: "Band" },
  basisOf: {
    FINDING: (id, criterion, period) => `Inspection finding ${id} (${criterion}), ${period}`,
    INDICATOR: (indicator, period) => `Indicator ${indicator}, ${period}`,
    BAND: (band, period) => `Band ${band}, ${period}`,
  },
  step: { OPENED: "Opened", REPORTED: "Reported by the unit", ACCEPTED: "Accepted", REOPENED: "Reopened" },
  by: { "home-affairs": "Home Affairs", "unit-officer": "The unit", other: "Other" },
  deadline: "Report by",
  deadlineOn: (d) => `Due ${d}`,
  required: "What must change",
  indicator: "Indicator expected to move",
  indicatorNone: "None (the total)",
  expected: (i) => `Indicator expected to move: ${i}`,
  progressTitle: (i) => `${i} in the periods since`,
  progressTotal: "Total in the periods since",
  noProgress: "No period has been scored for the unit yet.",
  col: { period: "Period", value: "Value", counts: "Numerator / denominator", total: "Total", band: "Band" },
  history: "History",
  filters: { status: "Status", all: "All", overdueOnly: "Overdue only", thisPeriod: "Selected period only" },
  form: {
    title: "Open a corrective action",
    unit: "Unit",
    basis: "Basis",
    finding: "Concluded inspection finding",
    noFindings: "The unit has no concluded inspection finding in this period.",
    band: "The unit's band in the period",
    indicatorDefault: "The basis's own",
    open: "Open the action",
  },
  report: { title: "Report what was done", text: "What the unit did", indicator: "Indicator expected to move", send: "Send the report" },
  accept: "Accept",
  acceptNote: "Note (optional)",
  reopen: "Reopen",
  reopenReason: "Reason",
  newDeadline: "New deadline (optional)",
  openUnit: "Open the unit's scorecard",
  fromFinding: "Open an action",
  outcome: {
    saved: "Saved.",
    conflict: "Someone else changed this action a moment ago. Reload to see the latest version, then try again.",
    exists: "Another action already has this id.",
    notFound: "This unit has no such corrective action.",
    forbidden: "You may not do this.",
    invalid: "Not saved — please check:",
    network: "The server could not be reached. Try again later.",
    other: (s, c) => `Error ${s} (${c}).`,
  },
  fields: {
    unitId: "Unit",
    basis: "Basis",
    deadline: "Report by",
    required: "What must change",
    indicator: "Indicator",
    text: "Report",
    reason: "Reason",
    status: "Status",
    note: "Note",
  },
  codes: {
    INVALID_VALUE: "not a valid value",
    OUT_OF_RANGE: "must not be before today",
    UNKNOWN_UNIT: "no such unit",
    UNKNOWN_FINDING: "no such finding",
    NOT_CONCLUDED: "the finding is still a draft",
    RULE_VIOLATED: "does not match the unit or the period chosen",
    UNKNOWN_INDICATOR: "not an indicator of the methodology",
    UNKNOWN_BAND: "not a band",
    NOT_SCORED: "the unit was not scored in this period",
    ACTION_CLOSED: "the action was accepted: it is closed",
    WRONG_STATUS: "not possible in its current status",
  },
};

export const ACTIONS_MESSAGES: Readonly<Record<Lang, ActionsMessages>> = { vi: actionsVi, en: actionsEn };
