/** Words of the cases page (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */

/** The words of a dossier's timeline page (`#/cases/<caseId>`). */
export interface TimelineMessages {
  readonly title: (caseId: string) => string;
  readonly lead: string;
  readonly back: string;
  readonly backToOwn: string;
  readonly forbidden: string;
  readonly missing: (caseId: string) => string;
  readonly summary: string;
  readonly status: string;
  readonly leadUnit: string;
  readonly procedure: string;
  readonly field: string;
  readonly channel: string;
  readonly channels: Readonly<Record<string, string>>;
  readonly received: string;
  readonly legalDue: string;
  readonly effectiveDue: string;
  readonly pausesAdded: (days: string) => string;
  readonly ended: string;
  readonly heldNow: string;
  readonly workingDays: string;
  readonly days: (n: string) => string;
  readonly late: string;
  readonly asOf: (at: string) => string;
  readonly why: string;
  readonly rule: (r: RuleInput) => string;
  readonly holdsTitle: string;
  readonly holdsLead: string;
  readonly holdsCaption: string;
  readonly unit: string;
  readonly role: string;
  readonly roles: Readonly<Record<"LEAD" | "TRANSFER", string>>;
  readonly from: string;
  readonly to: string;
  readonly stillHolds: string;
  readonly stepDue: string;
  readonly overrun: string;
  readonly pausesTitle: string;
  readonly pausesLead: string;
  readonly pausesCaption: string;
  readonly noPauses: string;
  readonly askedBy: string;
  readonly requested: string;
  readonly supplied: string;
  readonly waiting: string;
  readonly length: string;
  readonly hours: (h: string) => string;
  readonly consultTitle: string;
  readonly consultLead: string;
  readonly consultCaption: string;
  readonly noConsultations: string;
  readonly consulted: string;
  readonly answered: string;
  readonly notAnswered: string;
  readonly verdict: string;
  readonly verdicts: Readonly<Record<"ON_TIME" | "LATE" | "OVERDUE" | "PENDING", string>>;
  readonly chargesTitle: string;
  readonly chargesLead: string;
  readonly chargesCaption: string;
  readonly noCharges: string;
  readonly chargeRoles: Readonly<Record<"TRANSFER" | "CONSULTATION" | "LEAD", string>>;
  readonly charged: string;
  readonly eventsTitle: string;
  readonly eventsCaption: string;
  readonly events: Readonly<Record<string, string>>;
  readonly toUnit: (unit: string) => string;
  readonly ofUnit: (unit: string) => string;
  readonly dueBy: (at: string) => string;
  readonly barLabel: string;
  readonly consultedBar: (unit: string, days: string) => string;
}

/** What the explanation of a dossier's status is made of (its dates already formatted). */
export interface RuleInput {
  readonly status: string;
  readonly statusRule: string;
  readonly end: string | null;
  readonly effectiveDue: string;
  readonly overrun: string;
  readonly pausedSince: string | null;
}

export interface CasesMessages {
  readonly title: (unit: string) => string;
  readonly lead: string;
  readonly statusFilter: string;
  readonly all: string;
  readonly count: (n: string) => string;
  readonly back: string;
  readonly end: string;
  readonly supplements: string;
  readonly status: string;
  readonly rule: string;
  readonly rules: Readonly<Record<string, string>>;
  readonly statuses: Readonly<Record<string, string>>;
  readonly empty: string;
  readonly procedure: string;
  readonly daysLate: string;
  readonly waited: string;
  readonly waitedLongest: (unit: string, days: string) => string;
  readonly heldNowBy: (unit: string) => string;
  readonly stillThere: string;
  readonly chargedTo: (list: string) => string;
  readonly notLive: string;
  readonly loadingDetail: string;
  readonly openTimeline: (caseId: string) => string;
  readonly shown: (shown: string, total: string) => string;
  readonly showMore: (n: string) => string;
  readonly timeline: TimelineMessages;
}

const RULES_VI = {
  FINISHED_BEFORE_DUE_DATE: "Hoàn thành trước ngày hết hạn",
  FINISHED_ON_DUE_DATE: "Hoàn thành đúng ngày hết hạn",
  FINISHED_AFTER_DUE_DATE: "Hoàn thành sau ngày hết hạn",
  OPEN_PAST_DUE: "Chưa xong, đã quá hạn vào cuối kỳ",
  OPEN_WITHIN_DUE: "Chưa xong, còn trong hạn vào cuối kỳ",
  CLOCK_STOPPED_BY_SUPPLEMENT: "Tạm dừng tính thời gian: đang chờ bổ sung",
  MORE_THAN_ONE_SUPPLEMENT: "Yêu cầu bổ sung quá một lần: tính là trễ hạn",
  WITHDRAWN: "Rút hồ sơ: không tính vào tiến độ",
};
const RULES_EN: typeof RULES_VI = {
  FINISHED_BEFORE_DUE_DATE: "Finished before the due date",
  FINISHED_ON_DUE_DATE: "Finished on the due date",
  FINISHED_AFTER_DUE_DATE: "Finished after the due date",
  OPEN_PAST_DUE: "Still open and past due at the period end",
  OPEN_WITHIN_DUE: "Still open, within the due date at the period end",
  CLOCK_STOPPED_BY_SUPPLEMENT: "Clock stopped: waiting for a supplement",
  MORE_THAN_ONE_SUPPLEMENT: "More than one supplement request: counted as late",
  WITHDRAWN: "Withdrawn: excluded from timeliness",
};

const EVENTS_VI = {
  RECEIVED: "Tiếp nhận",
  TRANSFERRED: "Chuyển xử lý",
  CONSULT_REQUESTED: "Lấy ý kiến phối hợp",
  CONSULT_ANSWERED: "Trả lời ý kiến",
  SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung hồ sơ",
  SUPPLEMENT_RECEIVED: "Nhận hồ sơ bổ sung",
  REFUSED: "Từ chối giải quyết",
  STOPPED: "Dừng giải quyết",
  WITHDRAWN: "Rút hồ sơ",
  RESOLVED: "Có kết quả giải quyết",
  RESULT_DELIVERED: "Trả kết quả",
  APOLOGY_ISSUED: "Gửi thư xin lỗi",
  PAYMENT_COMPLETED: "Thanh toán phí, lệ phí",
  RATED: "Đánh giá mức độ hài lòng",
  DUE_DATE_SET: "Điều chỉnh hạn xử lý",
};
const EVENTS_EN: typeof EVENTS_VI = {
  RECEIVED: "Received",
  TRANSFERRED: "Transferred",
  CONSULT_REQUESTED: "Consultation requested",
  CONSULT_ANSWERED: "Consultation answered",
  SUPPLEMENT_REQUESTED: "Supplement requested from the applicant",
  SUPPLEMENT_RECEIVED: "Supplement received",
  REFUSED: "Refused",
  STOPPED: "Stopped",
  WITHDRAWN: "Withdrawn",
  RESOLVED: "Resolved",
  RESULT_DELIVERED: "Result delivered",
  APOLOGY_ISSUED: "Apology letter sent",
  PAYMENT_COMPLETED: "Fees paid",
  RATED: "Satisfaction rated",
  DUE_DATE_SET: "Due date changed",
};

export const casesVi: CasesMessages = {
  title: (u) => `Hồ sơ sau chỉ số P1 — ${u}`,
  lead: "Mỗi hồ sơ kèm quy tắc đã phân loại nó (Phương pháp §2). Mã hồ sơ là bí danh, không chứa thông tin cá nhân.",
  statusFilter: "Tình trạng",
  all: "Tất cả",
  count: (n) => `${n} hồ sơ`,
  back: "Về phiếu điểm",
  end: "Kết thúc",
  supplements: "Số lần bổ sung",
  status: "Tình trạng",
  rule: "Quy tắc phân loại",
  rules: RULES_VI,
  statuses: { EARLY: "Trước hạn", ON_TIME: "Đúng hạn", LATE: "Trễ hạn", OVERDUE: "Quá hạn", IN_PROGRESS: "Đang giải quyết", EXCLUDED: "Không tính" },
  empty: "Không có hồ sơ nào khớp bộ lọc.",
  procedure: "Thủ tục",
  daysLate: "Số ngày trễ",
  waited: "Nằm lâu nhất ở",
  waitedLongest: (u, d) => `${u} (${d} ngày làm việc)`,
  heldNowBy: (u) => `đang ở ${u}`,
  stillThere: "đang giữ",
  chargedTo: (l) => `trễ tính cho ${l}`,
  notLive: "không có trong dữ liệu trực tuyến",
  loadingDetail: "đang tải…",
  openTimeline: (id) => `Xem diễn biến hồ sơ ${id}`,
  shown: (a, b) => `Đang hiện ${a}/${b} hồ sơ`,
  showMore: (n) => `Hiện thêm ${n} hồ sơ`,
  timeline: {
  title: (id) => `Hồ sơ ${id}`,
  lead: "Diễn biến của hồ sơ theo các sự kiện đã nhận: đơn vị nào giữ hồ sơ và bao lâu (ngày làm việc), thời gian tạm dừng chờ bổ sung, lấy ý kiến phối hợp và số ngày trễ tính cho từng đơn vị (chỉ số R7). Mã hồ sơ là bí danh; không có thông tin của người nộp.",
  back: "Về danh sách hồ sơ",
  backToOwn: "Về trang đơn vị của tôi",
  forbidden: "Bạn chỉ xem được hồ sơ do đơn vị mình tiếp nhận, được chuyển đến, hoặc được lấy ý kiến — hồ sơ này không thuộc trường hợp đó, hoặc không có trong dữ liệu trực tuyến.",
  missing: (id) => `Không có hồ sơ ${id} trong dữ liệu trực tuyến (chỉ gồm hồ sơ có sự kiện gửi qua cổng tiếp nhận sự kiện; dữ liệu lịch sử nhập hàng loạt chỉ dùng để chấm điểm).`,
  summary: "Tóm tắt",
  status: "Tình trạng",
  leadUnit: "Đơn vị tiếp nhận (chủ trì)",
  procedure: "Thủ tục",
  field: "Lĩnh vực",
  channel: "Hình thức nộp",
  channels: { DIRECT: "Trực tiếp", ONLINE_FULL: "Trực tuyến toàn trình", ONLINE_PARTIAL: "Trực tuyến một phần", POSTAL: "Qua bưu chính" },
  received: "Tiếp nhận",
  legalDue: "Hạn xử lý theo quy định",
  effectiveDue: "Hạn xử lý sau khi cộng thời gian tạm dừng",
  pausesAdded: (d) => `cộng ${d} tạm dừng chờ bổ sung`,
  ended: "Kết thúc",
  heldNow: "Đang giữ hồ sơ",
  workingDays: "Số ngày làm việc",
  days: (n) => `${n} ngày làm việc`,
  late: "Số ngày trễ",
  asOf: (at) => `Tính đến ${at}.`,
  why: "Vì sao",
  rule: (r) =>
    r.status === "EXCLUDED"
      ? "Người nộp đã rút hồ sơ: không tính vào tiến độ."
      : r.statusRule.includes("more than one supplement")
        ? "Yêu cầu bổ sung hồ sơ quá một lần: tính là trễ hạn, bất kể ngày."
        : r.end !== null
          ? `Kết thúc ${r.end}; hạn (đã cộng thời gian tạm dừng) ${r.effectiveDue}${r.overrun !== "0" ? `: trễ ${r.overrun} ngày làm việc.` : "."}`
          : r.pausedSince !== null
            ? `Đang tạm dừng tính thời gian từ ${r.pausedSince}: chờ người nộp bổ sung hồ sơ (không tính là quá hạn).`
            : r.status === "OVERDUE"
              ? `Chưa có kết quả, đã quá hạn ${r.effectiveDue}: trễ ${r.overrun} ngày làm việc.`
              : `Chưa có kết quả, còn trong hạn (${r.effectiveDue}).`,
  holdsTitle: "Đơn vị giữ hồ sơ",
  holdsLead: "Từ lúc tiếp nhận đến khi kết thúc (hoặc đến hôm nay): mỗi lần chuyển xử lý, đơn vị nhận giữ hồ sơ đến khi chuyển tiếp hoặc kết thúc. Ngày làm việc tính theo lịch làm việc (trừ thứ Bảy, Chủ nhật, ngày lễ, Tết).",
  holdsCaption: "Đơn vị giữ hồ sơ và thời gian giữ",
  unit: "Đơn vị",
  role: "Vai trò",
  roles: { LEAD: "Tiếp nhận, chủ trì", TRANSFER: "Được chuyển xử lý" },
  from: "Từ",
  to: "Đến",
  stillHolds: "đang giữ",
  stepDue: "Hạn của bước",
  overrun: "Trễ so với hạn bước",
  pausesTitle: "Tạm dừng chờ bổ sung",
  pausesLead: "Mỗi lần yêu cầu bổ sung dừng tính thời gian đến khi nhận đủ hồ sơ bổ sung; khoảng thời gian đó được cộng vào hạn xử lý. Yêu cầu bổ sung quá một lần thì hồ sơ tính là trễ hạn.",
  pausesCaption: "Các lần tạm dừng",
  noPauses: "Không có lần yêu cầu bổ sung nào.",
  askedBy: "Đơn vị yêu cầu",
  requested: "Yêu cầu lúc",
  supplied: "Nhận bổ sung lúc",
  waiting: "đang chờ",
  length: "Thời gian dừng",
  hours: (h) => `${h} giờ`,
  consultTitle: "Lấy ý kiến phối hợp",
  consultLead: "Đơn vị được lấy ý kiến phải trả lời trước hạn của bước (Chỉ thị 03/CT-UBND); trả lời sau hạn là trễ.",
  consultCaption: "Các lần lấy ý kiến",
  noConsultations: "Không lấy ý kiến đơn vị nào.",
  consulted: "Đơn vị được lấy ý kiến",
  answered: "Trả lời lúc",
  notAnswered: "chưa trả lời",
  verdict: "Đánh giá",
  verdicts: { ON_TIME: "Đúng hạn", LATE: "Trễ hạn", OVERDUE: "Quá hạn, chưa trả lời", PENDING: "Chưa đến hạn" },
  chargesTitle: "Số ngày trễ tính cho từng đơn vị (R7)",
  chargesLead: "Đơn vị giữ bước (chuyển xử lý, lấy ý kiến) chịu số ngày trễ so với hạn của bước; đơn vị tiếp nhận chịu phần trễ còn lại của hồ sơ.",
  chargesCaption: "Ngày trễ tính cho từng đơn vị",
  noCharges: "Hồ sơ không trễ hạn: không tính ngày trễ cho đơn vị nào.",
  chargeRoles: { TRANSFER: "giữ hồ sơ quá hạn bước", CONSULTATION: "trả lời ý kiến trễ", LEAD: "phần trễ còn lại (đơn vị tiếp nhận)" },
  charged: "Ngày trễ",
  eventsTitle: "Các sự kiện",
  eventsCaption: "Sự kiện theo thời gian",
  events: EVENTS_VI,
  toUnit: (u) => `đến ${u}`,
  ofUnit: (u) => `lấy ý kiến ${u}`,
  dueBy: (at) => `hạn ${at}`,
  barLabel: "Thời gian giữ hồ sơ theo đơn vị",
  consultedBar: (u, d) => `${u} được lấy ý kiến: ${d}`,
},
};

export const casesEn: CasesMessages = {
  title: (u) => `Dossiers behind P1 — ${u}`,
  lead: "Each dossier with the rule that classified it (methodology §2). Ids are pseudonyms and carry no personal data.",
  statusFilter: "Status",
  all: "All",
  count: (n) => `${n} dossiers`,
  back: "Back to the scorecard",
  end: "Ended",
  supplements: "Supplement requests",
  status: "Status",
  rule: "Classifying rule",
  rules: RULES_EN,
  statuses: { EARLY: "Early", ON_TIME: "On time", LATE: "Late", OVERDUE: "Overdue", IN_PROGRESS: "In progress", EXCLUDED: "Excluded" },
  empty: "No dossier matches the filter.",
  procedure: "Procedure",
  daysLate: "Days late",
  waited: "Waited longest at",
  waitedLongest: (u, d) => `${u} (${d} working days)`,
  heldNowBy: (u) => `now at ${u}`,
  stillThere: "holds it now",
  chargedTo: (l) => `late: ${l}`,
  notLive: "not in the live record",
  loadingDetail: "loading…",
  openTimeline: (id) => `Open the timeline of dossier ${id}`,
  shown: (a, b) => `Showing ${a} of ${b} dossiers`,
  showMore: (n) => `Show ${n} more`,
  timeline: {
  title: (id) => `Dossier ${id}`,
  lead: "The dossier's story from the events received: which unit held it and for how long (working days), the pauses waiting for the applicant's supplement, the consultations, and the days of lateness charged to each unit (indicator R7). The id is a pseudonym; no applicant data is shown.",
  back: "Back to the dossier list",
  backToOwn: "Back to my unit",
  forbidden: "You can see the dossiers your unit received, was given or was consulted on — this dossier is not one of them, or it is not in the live record.",
  missing: (id) => `No dossier ${id} in the live record (dossiers whose events were posted to the events API; history imported in bulk is used for scoring only).`,
  summary: "Summary",
  status: "Status",
  leadUnit: "Receiving (lead) unit",
  procedure: "Procedure",
  field: "Field",
  channel: "Channel",
  channels: { DIRECT: "In person", ONLINE_FULL: "Fully online", ONLINE_PARTIAL: "Partly online", POSTAL: "By post" },
  received: "Received",
  legalDue: "Legal due date",
  effectiveDue: "Due date with the pauses added",
  pausesAdded: (d) => `plus ${d} of supplement pauses`,
  ended: "Ended",
  heldNow: "Held now by",
  workingDays: "Working days",
  days: (n) => `${n} working days`,
  late: "Days late",
  asOf: (at) => `As of ${at}.`,
  why: "Why",
  rule: (r) =>
    r.status === "EXCLUDED"
      ? "The applicant withdrew the dossier: not counted in timeliness."
      : r.statusRule.includes("more than one supplement")
        ? "A supplement was requested more than once: counted as late, whatever the dates."
        : r.end !== null
          ? `Ended ${r.end}; due (pauses added) ${r.effectiveDue}${r.overrun !== "0" ? `: late by ${r.overrun} working days.` : "."}`
          : r.pausedSince !== null
            ? `Clock stopped since ${r.pausedSince}: waiting for the applicant's supplement (not overdue).`
            : r.status === "OVERDUE"
              ? `Not finished and past its due date ${r.effectiveDue}: late by ${r.overrun} working days.`
              : `Not finished, within its due date (${r.effectiveDue}).`,
  holdsTitle: "Who held the dossier",
  holdsLead: "From receipt to the end (or to today): after each transfer the receiving unit holds the dossier until it passes it on or the dossier ends. Working days follow the working calendar (weekends, public holidays and Tết off).",
  holdsCaption: "Units that held the dossier and for how long",
  unit: "Unit",
  role: "Role",
  roles: { LEAD: "Received it (lead)", TRANSFER: "Given it by a transfer" },
  from: "From",
  to: "To",
  stillHolds: "holds it now",
  stepDue: "Step due",
  overrun: "Past the step due",
  pausesTitle: "Pauses waiting for a supplement",
  pausesLead: "Each supplement request stops the clock until the supplement arrives; that time is added to the due date. More than one request makes the dossier late.",
  pausesCaption: "Supplement pauses",
  noPauses: "No supplement was requested.",
  askedBy: "Asked by",
  requested: "Requested",
  supplied: "Supplied",
  waiting: "waiting",
  length: "Paused for",
  hours: (h) => `${h} h`,
  consultTitle: "Consultations",
  consultLead: "A consulted unit must answer by the step due date (Directive 03/CT-UBND); an answer after it is late.",
  consultCaption: "Consultations of other units",
  noConsultations: "No other unit was consulted.",
  consulted: "Consulted unit",
  answered: "Answered",
  notAnswered: "not answered",
  verdict: "Verdict",
  verdicts: { ON_TIME: "On time", LATE: "Late", OVERDUE: "Overdue, not answered", PENDING: "Not yet due" },
  chargesTitle: "Days of lateness charged to each unit (R7)",
  chargesLead: "A unit holding a step (a transfer, a consultation) is charged its days past the step due date; the receiving unit is charged what remains of the dossier's lateness.",
  chargesCaption: "Days of lateness per unit",
  noCharges: "The dossier is not late: no unit is charged.",
  chargeRoles: { TRANSFER: "held it past the step due date", CONSULTATION: "answered the consultation late", LEAD: "the rest of the lateness (receiving unit)" },
  charged: "Days late",
  eventsTitle: "Events",
  eventsCaption: "Events in time order",
  events: EVENTS_EN,
  toUnit: (u) => `to ${u}`,
  ofUnit: (u) => `of ${u}`,
  dueBy: (at) => `due ${at}`,
  barLabel: "Time held, by unit",
  consultedBar: (u, d) => `${u} consulted: ${d}`,
},
};
