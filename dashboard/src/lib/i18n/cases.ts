/** Words of the cases page (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */

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
};
