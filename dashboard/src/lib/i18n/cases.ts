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

/** The parts of an indicator a list can show. */
export type ListPartName = "numerator" | "denominator";
/** The kinds of record a list holds (shared/src/facts/list-rules.ts). */
export type RecordKindName = "dossier" | "complaint" | "consultation" | "charge" | "unit" | "procedure";

/** The words of a list behind one of a unit's numbers (issue 20, item 1). */
export interface ListMessages {
  /** The page's title: "Tử số: <indicator> (<code>) — <unit>". */
  readonly title: (part: ListPartName, indicator: string, code: string, unit: string) => string;
  readonly parts: Readonly<Record<ListPartName, string>>;
  /** The label of the part's definition (the methodology's words follow): "Tử số của P1". */
  readonly definition: (part: ListPartName, code: string) => string;
  /** Records counted as a reader counts them: "42 hồ sơ", "1 complaint". */
  readonly countOf: (kind: RecordKindName, n: number, formatted: string) => string;
  /** A list that adds values up: "1.830 ngày làm việc, cộng trên 60 hồ sơ". */
  readonly sumOf: (total: string, unit: string, over: string) => string;
  /** The list's number stated at the top: "<number> — bằng tử số của chỉ số <indicator> (<code>) trên phiếu điểm". */
  readonly equals: (number: string, part: ListPartName, indicator: string, code: string) => string;
  /** Under the scorecard's tables: the numbers are links. */
  readonly scorecardHint: string;
  /** What a scorecard's number leads to, for screen readers: "Tử số của <indicator>: xem danh sách". */
  readonly numberLink: (part: ListPartName, indicator: string) => string;
  /** The link to the other part of the same indicator. */
  readonly otherPart: (part: ListPartName) => string;
  /** The link to every dossier of the period (the list without an indicator). */
  readonly progress: string;
  /** The lead of an indicator's list (what every record carries; ids are pseudonyms). */
  readonly lead: string;
  readonly notComputed: (code: string) => string;
  readonly noList: (code: string) => string;
  /** The period's lists were written before indicators had them (the next scoring writes them). */
  readonly notYet: string;
  /** Nothing in the list: the part is 0. */
  readonly none: (part: ListPartName, code: string) => string;
  readonly inNumerator: string;
  readonly yes: string;
  readonly no: string;
  /** What a value counts when the indicator is not in `valueOf`. */
  readonly value: string;
  /** What a list's values count, by indicator (P2 working days, R5D / R7 days late, R6 agencies). */
  readonly valueOf: Readonly<Record<string, string>>;
  readonly shownRecords: (shown: string, total: string) => string;
  readonly showMoreRecords: (n: string) => string;
  readonly moreFailed: string;
  readonly exporting: string;
  readonly exportFailed: string;
  /** Context lines of the file. */
  readonly indicatorLabel: string;
  readonly partLabel: string;
  readonly numberLabel: string;
  readonly recordsLabel: string;
  readonly computedAt: string;
  /** Column words. */
  readonly procedureCode: string;
  readonly channel: string;
  readonly complaintId: string;
  readonly namedCase: string;
  readonly decided: string;
  readonly handled: string;
  readonly verdict: string;
  readonly verdicts: Readonly<Record<string, string>>;
  readonly flagsLabel: string;
  readonly disliked: string;
  readonly reComplained: string;
  readonly dossier: string;
  readonly requested: string;
  readonly stepDue: string;
  readonly answered: string;
  readonly role: string;
  readonly leadUnit: string;
  readonly unit: string;
  readonly unitId: string;
  readonly days: string;
  readonly name: string;
  readonly onlineLevel: string;
  readonly onlineLevels: Readonly<Record<string, string>>;
  readonly decision: string;
  readonly effective: string;
  readonly published: string;
  readonly lastOnline: string;
  readonly lastPaid: string;
  readonly openUnitList: (unit: string) => string;
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
  readonly list: ListMessages;
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
  // The lists behind the other indicators (issue 20, item 1): why a record is in the list.
  RECEIVED_IN_PERIOD: "Tiếp nhận trong kỳ",
  LATE_WITH_APOLOGY: "Trễ hạn, đã gửi thư xin lỗi",
  RETURNED: "Bị trả lại (từ chối giải quyết) hoặc dừng xử lý trước cuối kỳ",
  RETURN_MARKED_IMPROPER: "Bị trả lại, được Sở Nội vụ xác định là không đúng quy định",
  SUPPLEMENT_REQUESTED_MORE_THAN_ONCE: "Yêu cầu bổ sung hồ sơ quá một lần",
  RESOLVED_IN_PERIOD: "Giải quyết xong trong kỳ",
  RESOLVED_NEEDING_RESULT: "Giải quyết xong trong kỳ, thủ tục có trả kết quả",
  RESULT_DIGITIZED: "Kết quả được số hóa",
  RESULT_DIGITALLY_SIGNED: "Kết quả được ký số",
  FILED_FULLY_ONLINE: "Nộp trực tuyến toàn trình",
  FILED_PARTLY_ONLINE: "Nộp trực tuyến một phần",
  SYNCED_TO_NATIONAL_PORTAL: "Đồng bộ lên Cổng Dịch vụ công quốc gia",
  FEE_BEARING_DOSSIER: "Hồ sơ có phí, lệ phí",
  PAID_ONLINE: "Thanh toán phí, lệ phí trực tuyến",
  DOSSIER_DIGITIZED: "Hồ sơ được số hóa (và kết quả, nếu có)",
  DATA_REUSED: "Tái sử dụng dữ liệu đã số hóa",
  PERSONAL_DATA_STORE_USED: "Dùng kho dữ liệu cá nhân",
  POPULATION_DATABASE_USED: "Khai thác Cơ sở dữ liệu quốc gia về dân cư",
  NO_COMPLAINT_NOR_DISSATISFACTION: "Không bị phản ánh, không bị đánh giá không hài lòng",
  COMPLAINED_ABOUT: "Bị phản ánh, kiến nghị trước cuối kỳ",
  RATED_NOT_SATISFIED: "Được đánh giá không hài lòng",
  CONSULTED_OTHER_UNITS: "Có lấy ý kiến cơ quan khác",
  COMPLAINT_RECEIVED: "Phản ánh, kiến nghị tiếp nhận trong kỳ",
  COMPLAINT_ON_TIME: "Tiếp nhận hoặc từ chối và xử lý đúng hạn",
  COMPLAINT_LATE: "Tiếp nhận, từ chối hoặc xử lý quá hạn",
  COMPLAINT_OVERDUE: "Chưa xử lý, đã quá hạn vào cuối kỳ",
  COMPLAINT_PENDING: "Chưa xử lý, còn trong hạn vào cuối kỳ",
  COMPLAINT_WITHOUT_FAULT: "Không quá hạn, không bị phản ánh lại, không bị đánh giá không hài lòng",
  COMPLAINT_DISLIKED: "Người phản ánh không hài lòng với kết quả xử lý",
  COMPLAINT_RECOMPLAINED: "Bị phản ánh lại",
  CONSULTATION_ON_TIME: "Trả lời đúng hạn của bước",
  CONSULTATION_LATE: "Trả lời sau hạn của bước",
  CONSULTATION_OVERDUE: "Chưa trả lời, đã quá hạn của bước vào cuối kỳ",
  DELAY_TRANSFER_STEP: "Giữ hồ sơ quá hạn của bước được chuyển xử lý",
  DELAY_CONSULTATION: "Trả lời ý kiến phối hợp trễ",
  DELAY_LEAD_REMAINDER: "Phần trễ còn lại của hồ sơ (đơn vị tiếp nhận)",
  UNIT_OVERRUN: "Số ngày trễ tính cho đơn vị trong kỳ",
  PROCEDURE_OF_UNIT: "Thủ tục của đơn vị, còn hiệu lực trong kỳ",
  OFFERED_ONLINE: "Cung cấp dịch vụ công trực tuyến",
  ONLINE_DOSSIER_RECEIVED: "Có hồ sơ trực tuyến tiếp nhận trong kỳ",
  FEE_BEARING_PROCEDURE: "Thủ tục có phí, lệ phí",
  PAID_ONLINE_IN_PERIOD: "Có hồ sơ thanh toán trực tuyến trong kỳ",
  PAYMENT_INTEGRATED: "Tích hợp nền tảng thanh toán trực tuyến",
  POPULATION_DB_CONNECTED: "Kết nối Cơ sở dữ liệu quốc gia về dân cư",
  DECIDED_IN_PERIOD: "Quyết định công bố ban hành trong kỳ",
  DECIDED_BEFORE_EFFECT: "Quyết định công bố trước ngày văn bản có hiệu lực ít nhất 5 ngày làm việc",
  PUBLISHED_IN_PERIOD: "Công khai trong kỳ",
  PUBLICATION_OVERDUE: "Chưa công khai, đã quá hạn 5 ngày làm việc",
  PUBLISHED_ON_TIME: "Công khai trong 5 ngày làm việc kể từ ngày quyết định",
  PUBLISHED_BY_PERIOD_END: "Đã công khai trước cuối kỳ",
  CONTENT_COMPLETE: "Nội dung công khai đầy đủ",
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
  RECEIVED_IN_PERIOD: "Received in the period",
  LATE_WITH_APOLOGY: "Late, apology letter sent",
  RETURNED: "Returned (refused) or stopped before the period end",
  RETURN_MARKED_IMPROPER: "Returned, found improper by the Department of Home Affairs",
  SUPPLEMENT_REQUESTED_MORE_THAN_ONCE: "Supplement requested more than once",
  RESOLVED_IN_PERIOD: "Resolved in the period",
  RESOLVED_NEEDING_RESULT: "Resolved in the period, the procedure issues a result",
  RESULT_DIGITIZED: "Result digitised",
  RESULT_DIGITALLY_SIGNED: "Result digitally signed",
  FILED_FULLY_ONLINE: "Filed fully online",
  FILED_PARTLY_ONLINE: "Filed partly online",
  SYNCED_TO_NATIONAL_PORTAL: "Synced to the national public-service portal",
  FEE_BEARING_DOSSIER: "Fees or charges due",
  PAID_ONLINE: "Fees paid online",
  DOSSIER_DIGITIZED: "Dossier digitised (and its result, if any)",
  DATA_REUSED: "Digitised data reused",
  PERSONAL_DATA_STORE_USED: "Personal data store used",
  POPULATION_DATABASE_USED: "National population database used",
  NO_COMPLAINT_NOR_DISSATISFACTION: "No complaint, no 'not satisfied' rating",
  COMPLAINED_ABOUT: "Complained about before the period end",
  RATED_NOT_SATISFIED: "Rated 'not satisfied'",
  CONSULTED_OTHER_UNITS: "Other agencies consulted",
  COMPLAINT_RECEIVED: "Complaint received in the period",
  COMPLAINT_ON_TIME: "Accepted or refused, and handled, on time",
  COMPLAINT_LATE: "Accepted, refused or handled late",
  COMPLAINT_OVERDUE: "Not handled, past its deadline at the period end",
  COMPLAINT_PENDING: "Not handled, within its deadline at the period end",
  COMPLAINT_WITHOUT_FAULT: "Not late, not re-complained, not disliked",
  COMPLAINT_DISLIKED: "The complainant was not satisfied with the handling",
  COMPLAINT_RECOMPLAINED: "Complained about again",
  CONSULTATION_ON_TIME: "Answered by the step due date",
  CONSULTATION_LATE: "Answered after the step due date",
  CONSULTATION_OVERDUE: "Not answered, past the step due date at the period end",
  DELAY_TRANSFER_STEP: "Held a transferred step past its due date",
  DELAY_CONSULTATION: "Answered a consultation late",
  DELAY_LEAD_REMAINDER: "The rest of the dossier's lateness (receiving unit)",
  UNIT_OVERRUN: "Days of lateness charged to the unit in the period",
  PROCEDURE_OF_UNIT: "A procedure of the unit, in force in the period",
  OFFERED_ONLINE: "Offered as an online public service",
  ONLINE_DOSSIER_RECEIVED: "An online dossier received in the period",
  FEE_BEARING_PROCEDURE: "Fees or charges due",
  PAID_ONLINE_IN_PERIOD: "A dossier paid online in the period",
  PAYMENT_INTEGRATED: "Integrated with the online payment platform",
  POPULATION_DB_CONNECTED: "Connected to the national population database",
  DECIDED_IN_PERIOD: "Publication decision dated in the period",
  DECIDED_BEFORE_EFFECT: "Decided at least 5 working days before the legal basis took effect",
  PUBLISHED_IN_PERIOD: "Made public in the period",
  PUBLICATION_OVERDUE: "Not made public, 5-working-day deadline passed",
  PUBLISHED_ON_TIME: "Made public within 5 working days of the decision",
  PUBLISHED_BY_PERIOD_END: "Made public by the period end",
  CONTENT_COMPLETE: "Published content complete",
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

/** What a list's records are called, by kind (Vietnamese counts them without a plural). */
const LIST_NOUNS_VI: Readonly<Record<RecordKindName, string>> = {
  dossier: "hồ sơ",
  complaint: "phản ánh, kiến nghị",
  consultation: "lượt lấy ý kiến",
  charge: "lượt tính ngày trễ",
  unit: "cơ quan, đơn vị",
  procedure: "thủ tục",
};
const LIST_NOUNS_EN: Readonly<Record<RecordKindName, readonly [string, string]>> = {
  dossier: ["dossier", "dossiers"],
  complaint: ["complaint", "complaints"],
  consultation: ["consultation", "consultations"],
  charge: ["delay charge", "delay charges"],
  unit: ["agency or unit", "agencies and units"],
  procedure: ["procedure", "procedures"],
};

export const casesVi: CasesMessages = {
  title: (u) => `Hồ sơ của kỳ — ${u}`,
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
  list: {
    title: (part, name, code, u) => `${part === "numerator" ? "Tử số" : "Mẫu số"}: ${name} (${code}) — ${u}`,
    parts: { numerator: "tử số", denominator: "mẫu số" },
    definition: (part, code) => `${part === "numerator" ? "Tử số" : "Mẫu số"} của ${code}`,
    countOf: (kind, _n, f) => `${f} ${LIST_NOUNS_VI[kind]}`,
    sumOf: (total, unit, over) => `${total} ${unit}, cộng trên ${over}`,
    equals: (n, part, name, code) => `${n} — bằng ${part === "numerator" ? "tử số" : "mẫu số"} của chỉ số ${name} (${code}) trên phiếu điểm`,
    scorecardHint: "Bấm vào một tử số hoặc mẫu số để xem các hồ sơ, phản ánh, lượt lấy ý kiến hay thủ tục đứng sau con số đó.",
    numberLink: (part, name) => `${part === "numerator" ? "Tử số" : "Mẫu số"} của ${name}: xem danh sách`,
    otherPart: (part) => `Xem ${part === "numerator" ? "tử số" : "mẫu số"}`,
    progress: "Mọi hồ sơ của kỳ",
    lead: "Mỗi mục kèm quy tắc của phương pháp đã đưa nó vào danh sách. Mã hồ sơ và mã phản ánh là bí danh, không chứa thông tin cá nhân.",
    notComputed: (code) => `Chỉ số ${code} do Sở Nội vụ nhập: không có hồ sơ nào đứng sau con số này.`,
    noList: (code) => `Chỉ số ${code} chưa có danh sách.`,
    notYet: "Danh sách này chưa có cho kỳ đánh giá: kỳ được tính điểm trước khi có danh sách theo chỉ số, danh sách sẽ có sau lần tính điểm tiếp theo.",
    none: (part, code) => `Không có mục nào: ${part === "numerator" ? "tử số" : "mẫu số"} của ${code} bằng 0.`,
    inNumerator: "Tính vào tử số",
    yes: "có",
    no: "không",
    value: "giá trị",
    valueOf: { P2: "ngày làm việc", R5D: "ngày làm việc trễ", R6: "cơ quan được lấy ý kiến", R7: "ngày làm việc trễ" },
    shownRecords: (a, b) => `Đang hiện ${a}/${b} mục`,
    showMoreRecords: (n) => `Hiện thêm ${n} mục`,
    moreFailed: "Không tải được phần tiếp theo của danh sách. Hãy thử lại.",
    exporting: "Đang lấy toàn bộ danh sách…",
    exportFailed: "Không tải được toàn bộ danh sách để xuất tệp. Hãy thử lại.",
    indicatorLabel: "Chỉ số",
    partLabel: "Phần của chỉ số",
    numberLabel: "Số trên phiếu điểm",
    recordsLabel: "Số mục",
    computedAt: "Tính lúc",
    procedureCode: "Mã thủ tục",
    channel: "Kênh nộp",
    complaintId: "Mã phản ánh (bí danh)",
    namedCase: "Hồ sơ được nêu",
    decided: "Tiếp nhận / từ chối",
    handled: "Xử lý xong",
    verdict: "Đánh giá",
    verdicts: { ON_TIME: "Đúng hạn", LATE: "Trễ hạn", OVERDUE: "Quá hạn", PENDING: "Chưa đến hạn" },
    flagsLabel: "Ghi chú",
    disliked: "không hài lòng",
    reComplained: "bị phản ánh lại",
    dossier: "Hồ sơ",
    requested: "Lấy ý kiến lúc",
    stepDue: "Hạn của bước",
    answered: "Trả lời lúc",
    role: "Vì sao bị tính",
    leadUnit: "Đơn vị tiếp nhận",
    unit: "Cơ quan, đơn vị",
    unitId: "Mã đơn vị",
    days: "Số ngày trễ",
    name: "Tên thủ tục",
    onlineLevel: "Mức trực tuyến",
    onlineLevels: { NONE: "Không trực tuyến", PARTIAL: "Một phần", FULL: "Toàn trình" },
    decision: "Ngày quyết định công bố",
    effective: "Ngày văn bản có hiệu lực",
    published: "Ngày công khai",
    lastOnline: "Hồ sơ trực tuyến gần nhất trong kỳ",
    lastPaid: "Thanh toán trực tuyến gần nhất trong kỳ",
    openUnitList: (u) => `Xem các hồ sơ trễ tính cho ${u}`,
  },
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
  title: (u) => `Dossiers of the period — ${u}`,
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
  waitedLongest: (u, d) => `${u} (${d} working ${String(d) === "1" ? "day" : "days"})`,
  heldNowBy: (u) => `now at ${u}`,
  stillThere: "holds it now",
  chargedTo: (l) => `late: ${l}`,
  notLive: "not in the live record",
  loadingDetail: "loading…",
  openTimeline: (id) => `Open the timeline of dossier ${id}`,
  shown: (a, b) => `Showing ${a} of ${b} dossiers`,
  showMore: (n) => `Show ${n} more`,
  list: {
    title: (part, name, code, u) => `${part === "numerator" ? "Numerator" : "Denominator"}: ${name} (${code}) — ${u}`,
    parts: { numerator: "numerator", denominator: "denominator" },
    definition: (part, code) => `${part === "numerator" ? "Numerator" : "Denominator"} of ${code}`,
    countOf: (kind, n, f) => `${f} ${n === 1 ? LIST_NOUNS_EN[kind][0] : LIST_NOUNS_EN[kind][1]}`,
    sumOf: (total, unit, over) => `${total} ${unit}, summed over ${over}`,
    equals: (n, part, name, code) => `${n} — equal to the ${part} of ${name} (${code}) on the scorecard`,
    scorecardHint: "Select a numerator or a denominator to see the dossiers, complaints, consultations or procedures behind it.",
    numberLink: (part, name) => `${part === "numerator" ? "Numerator" : "Denominator"} of ${name}: see the list`,
    otherPart: (part) => `See the ${part}`,
    progress: "All dossiers of the period",
    lead: "Each record with the methodology's rule that put it in the list. Dossier and complaint ids are pseudonyms and carry no personal data.",
    notComputed: (code) => `${code} is entered by the Department of Home Affairs: no records lie behind this number.`,
    noList: (code) => `${code} has no list yet.`,
    notYet: "This list is not available for the period yet: the period was scored before lists by indicator existed; they come with its next scoring.",
    none: (part, code) => `No records: the ${part} of ${code} is 0.`,
    inNumerator: "In the numerator",
    yes: "yes",
    no: "no",
    value: "value",
    valueOf: { P2: "working days", R5D: "working days late", R6: "agencies consulted", R7: "working days late" },
    shownRecords: (a, b) => `Showing ${a} of ${b} records`,
    showMoreRecords: (n) => `Show ${n} more`,
    moreFailed: "The next part of the list could not be loaded. Please try again.",
    exporting: "Fetching the whole list…",
    exportFailed: "The whole list could not be loaded for the file. Please try again.",
    indicatorLabel: "Indicator",
    partLabel: "Part of the indicator",
    numberLabel: "Number on the scorecard",
    recordsLabel: "Records",
    computedAt: "Computed at",
    procedureCode: "Procedure code",
    channel: "Channel",
    complaintId: "Complaint id (pseudonym)",
    namedCase: "Dossier named",
    decided: "Accepted / refused",
    handled: "Handled",
    verdict: "Verdict",
    verdicts: { ON_TIME: "On time", LATE: "Late", OVERDUE: "Overdue", PENDING: "Not yet due" },
    flagsLabel: "Notes",
    disliked: "not satisfied",
    reComplained: "complained about again",
    dossier: "Dossier",
    requested: "Consulted at",
    stepDue: "Step due",
    answered: "Answered at",
    role: "Why charged",
    leadUnit: "Receiving unit",
    unit: "Agency, unit",
    unitId: "Unit id",
    days: "Days late",
    name: "Procedure",
    onlineLevel: "Online level",
    onlineLevels: { NONE: "Not online", PARTIAL: "Partly online", FULL: "Fully online" },
    decision: "Publication decision",
    effective: "Legal basis in force",
    published: "Made public",
    lastOnline: "Latest online dossier in the period",
    lastPaid: "Latest online payment in the period",
    openUnitList: (u) => `See the late dossiers charged to ${u}`,
  },
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
  days: (n) => `${n} working ${String(n) === "1" ? "day" : "days"}`,
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
