/** Words of the admin page (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */

export interface AdminMessages {
  readonly title: string;
  readonly lead: string;
  readonly sections: Readonly<Record<string, string>>;
  readonly unit: string;
  /** The province's own committee among the units (not a ranked tier). */
  readonly provinceTier: string;
  readonly unitId: string;
  readonly criterion: string;
  readonly deduction: string;
  readonly evidence: string;
  readonly head: string;
  readonly headNone: string;
  readonly create: string;
  readonly save: string;
  readonly conclude: string;
  readonly concludeConfirm: (notice: string, date: string) => string;
  readonly confirmLock: string;
  readonly cancel: string;
  readonly noticeNumber: string;
  readonly noticeDate: string;
  readonly locked: string;
  readonly draft: string;
  readonly noFindings: string;
  readonly saved: string;
  readonly conflict: string;
  readonly lockedError: string;
  readonly validation: string;
  readonly load: string;
  readonly manualOnly: string;
  readonly computed: string;
  readonly lockedBy: (notices: string) => string;
  readonly notice: (number: string, date: string) => string;
  readonly noticeUnknown: string;
  readonly picker: {
    readonly placeholder: string;
    readonly hint: string;
    readonly none: (query: string) => string;
    readonly count: (shown: string, total: string) => string;
    readonly choose: string;
    readonly chosen: (name: string) => string;
    readonly clear: string;
  };
  /** Field names of the server's validation errors (`errors[].field`). */
  readonly fields: Readonly<Record<string, string>>;
  /** What each error code of a field means (`errors[].code`), in words. */
  readonly codes: Readonly<Record<string, string>>;
  readonly heads: {
    readonly name: string;
    readonly title: string;
    readonly from: string;
    readonly to: string;
    readonly inOffice: string;
    readonly add: string;
    readonly filter: string;
    readonly filterHint: string;
    readonly demo: string;
    readonly shown: (from: string, to: string, total: string) => string;
    readonly none: (query: string) => string;
    readonly previous: string;
    readonly next: string;
    readonly page: (n: string, of: string) => string;
    readonly noHead: string;
    readonly pages: string;
  };
  readonly publish: {
    readonly preview: (period: string) => string;
    readonly previewLead: string;
    readonly previewTitle: (version: string) => string;
    readonly firstVersion: string;
    readonly freezes: (tiers: string) => string;
    readonly confirm: (version: string) => string;
    readonly cancel: string;
    readonly unchanged: (version: string) => string;
    readonly ratingsOnly: string;
    readonly versions: string;
    readonly never: string;
    readonly tierState: (version: string, date: string) => string;
    readonly draftDiffers: string;
    readonly draftSame: string;
    readonly noDraft: string;
    readonly differences: string;
    readonly noDifferences: string;
    readonly published: (v: string) => string;
    readonly explainedBy: string;
    readonly onlyRank: string;
    readonly change: Readonly<Record<string, string>>;
    readonly band: string;
    readonly publishedBy: (who: string) => string;
    readonly conflict: string;
    readonly notScored: string;
    readonly unitsMoved: (n: string) => string;
  };
  /** The service-index indicators Home Affairs enters (D3), with the unit's criteria (issue 20, item 5). */
  readonly indicators: {
    readonly title: string;
    readonly lead: string;
    readonly group: (name: string, max: string) => string;
    readonly numerator: string;
    readonly denominator: string;
    readonly result: string;
    readonly current: string;
    /** "Phiên bản 2 · nhập lúc 10:05 12/01/2026 · bởi Sở Nội vụ". */
    readonly entered: (version: string, when: string) => string;
    readonly by: string;
    /** The seed's actor (the demo's entries). */
    readonly seedActor: string;
    readonly notEntered: string;
    /** "90,0% → 1,8/2 điểm". */
    readonly preview: (ratio: string, points: string, max: string) => string;
    readonly noRequests: string;
    readonly incomplete: string;
    readonly formTitle: (name: string) => string;
    readonly countHint: string;
    readonly evidenceHint: string;
    readonly review: string;
    readonly confirm: (indicator: string, unit: string, period: string, counts: string, result: string) => string;
    readonly confirmSave: string;
    readonly saved: (indicator: string) => string;
    readonly lockedNote: string;
  };
  readonly audit: { readonly when: string; readonly who: string; readonly role: string; readonly action: string; readonly entity: string; readonly entityId: string; readonly more: string; readonly csv: string; readonly before: string; readonly after: string; readonly id: string };
}

export const adminVi: AdminMessages = {
  title: "Sở Nội vụ — chấm điểm và công bố",
  lead: "Kết luận kiểm tra, tiêu chí chấm thủ công, người đứng đầu, công bố kết quả và nhật ký thay đổi.",
  sections: { findings: "Kết luận kiểm tra", criteria: "Tiêu chí thủ công", actions: "Khắc phục", heads: "Người đứng đầu", proposals: "Đề xuất xử lý", reports: "Báo cáo", publish: "Công bố", rules: "Quy tắc chấm điểm", audit: "Nhật ký" },
  unit: "Cơ quan, đơn vị",
  provinceTier: "UBND tỉnh",
  unitId: "Mã đơn vị",
  criterion: "Tiêu chí",
  deduction: "Điểm trừ",
  evidence: "Căn cứ, minh chứng",
  head: "Người đứng đầu (nếu kết luận nêu tên)",
  headNone: "— không nêu —",
  create: "Tạo kết luận (bản nháp)",
  save: "Lưu",
  conclude: "Ghi thông báo kết luận (khóa)",
  concludeConfirm: (n, d) =>
    `Ghi thông báo kết luận số ${n} ngày ${d}? Kết luận và tiêu chí bị trừ điểm sẽ bị khóa, không sửa được nữa; xếp loại người đứng đầu và chỉ số CCHC của kỳ được tính lại.`,
  confirmLock: "Xác nhận và khóa",
  cancel: "Hủy",
  noticeNumber: "Số thông báo kết luận",
  noticeDate: "Ngày thông báo",
  locked: "Đã khóa",
  draft: "Bản nháp",
  noFindings: "Chưa có kết luận kiểm tra nào trong kỳ.",
  saved: "Đã lưu.",
  conflict: "Bản ghi đã được người khác thay đổi. Đã tải lại bản mới nhất.",
  lockedError: "Bản ghi đã bị khóa bởi thông báo kết luận.",
  validation: "Dữ liệu chưa hợp lệ:",
  load: "Xem",
  manualOnly: "Chỉ tiêu chí chấm thủ công mới nhập được điểm.",
  computed: "tính tự động",
  lockedBy: (notices) => `Khóa bởi ${notices}`,
  notice: (n, d) => `thông báo kết luận số ${n} ngày ${d}`,
  noticeUnknown: "một thông báo kết luận",
  picker: {
    placeholder: "Gõ tên đơn vị, có dấu hoặc không dấu",
    hint: "Ví dụ: bien hoa, so tu phap",
    none: (q) => `Không có đơn vị nào có tên khớp với “${q}”.`,
    count: (shown, total) => `${shown}/${total} đơn vị`,
    choose: "Chọn một đơn vị trong danh sách.",
    chosen: (name) => `Đã chọn: ${name}`,
    clear: "Chọn đơn vị khác",
  },
  fields: {
    unitId: "Đơn vị",
    headId: "Người đứng đầu",
    period: "Kỳ đánh giá",
    criterion: "Tiêu chí",
    deduction: "Điểm trừ",
    evidence: "Căn cứ, minh chứng",
    noticeNumber: "Số thông báo kết luận",
    noticeDate: "Ngày thông báo",
    points: "Điểm",
    numerator: "Tử số",
    denominator: "Mẫu số",
    indicator: "Chỉ số",
    name: "Họ tên",
    title: "Chức vụ",
    tenureFrom: "Từ ngày",
    tenureTo: "Đến ngày",
    version: "Phiên bản bản ghi",
    body: "Nội dung gửi lên",
  },
  codes: {
    INVALID_VALUE: "giá trị chưa hợp lệ",
    UNKNOWN_FIELD: "trường không được phép",
    UNKNOWN_UNIT: "đơn vị không tồn tại trong kỳ này",
    UNKNOWN_CRITERION: "tiêu chí không có trong bộ tiêu chí",
    UNKNOWN_INDICATOR: "không phải chỉ số do Sở Nội vụ nhập",
    NOT_COUNT: "phải là số nguyên, không âm",
    ABOVE_DENOMINATOR: "không được lớn hơn mẫu số",
    TOO_LONG: "dài quá 500 ký tự",
    FORMULA: "không được bắt đầu bằng = + - @",
    UNKNOWN_HEAD: "không phải người đứng đầu của đơn vị đã chọn",
    OUT_OF_RANGE: "ngoài phạm vi cho phép",
    NOT_MANUAL: "tiêu chí được tính tự động, không nhập tay",
    OUT_OF_TENURE: "người này không giữ chức vụ trong kỳ",
    TENURE_OVERLAP: "trùng thời gian với người đứng đầu khác của đơn vị",
    REQUIRED: "chưa nhập",
  },
  heads: {
    name: "Họ tên",
    title: "Chức vụ",
    from: "Từ ngày",
    to: "Đến ngày",
    inOffice: "đang đương nhiệm",
    add: "Thêm người đứng đầu",
    filter: "Tìm theo tên đơn vị hoặc tên người",
    filterHint: "Có dấu hoặc không dấu, ví dụ: long thanh",
    demo: "tên mẫu",
    shown: (from, to, total) => `Đơn vị ${from}–${to} trong ${total}`,
    none: (q) => `Không có đơn vị hay người đứng đầu nào khớp với “${q}”.`,
    previous: "Trang trước",
    next: "Trang sau",
    page: (n, of) => `Trang ${n}/${of}`,
    noHead: "Chưa có người đứng đầu",
    pages: "Chuyển trang",
  },
  publish: {
    preview: (p) => `Xem trước khi công bố ${p}`,
    previewLead: "Xem danh sách thay đổi mà lần công bố này sẽ ghi lại, rồi xác nhận. Chưa có gì được công bố cho đến khi bạn xác nhận.",
    previewTitle: (v) => `Nếu công bố bây giờ: phiên bản ${v}`,
    firstVersion: "Đây là lần công bố đầu tiên của kỳ: chưa có phiên bản trước để so sánh.",
    freezes: (tiers) => `Sẽ chốt xếp hạng, xếp loại người đứng đầu và chỉ số CCHC của: ${tiers}.`,
    confirm: (v) => `Xác nhận công bố phiên bản ${v}`,
    cancel: "Hủy",
    unchanged: (v) => `Bản nháp hiện tại trùng với phiên bản ${v} đã công bố (cả số liệu và xếp loại): không có gì mới để công bố.`,
    ratingsOnly: "Số liệu xếp hạng không đổi; xếp loại người đứng đầu hoặc chỉ số CCHC đã thay đổi.",
    versions: "Các phiên bản đã công bố",
    never: "Kỳ này chưa công bố lần nào.",
    tierState: (v, d) => `đã công bố phiên bản ${v} ngày ${d}`,
    draftDiffers: "số liệu hiện tại đã khác bản công bố",
    draftSame: "số liệu hiện tại trùng bản công bố",
    noDraft: "chưa công bố lần nào",
    differences: "Danh sách thay đổi",
    noDifferences: "Không có đơn vị nào thay đổi.",
    published: (v) => `Đã công bố phiên bản ${v}.`,
    explainedBy: "Do chỉ số",
    onlyRank: "chỉ đổi hạng do đơn vị khác thay đổi",
    change: { CHANGED: "Thay đổi", ADDED: "Thêm mới", REMOVED: "Bỏ ra" },
    band: "Xếp loại",
    publishedBy: (who) => `người công bố: ${who}`,
    conflict: "Kỳ vừa được người khác công bố thành phiên bản này. Đã tải lại; hãy xem lại danh sách thay đổi.",
    notScored: "Kỳ này chưa được chấm điểm: chưa có gì để công bố.",
    unitsMoved: (n) => `${n} đơn vị thay đổi`,
  },
  indicators: {
    title: "Chỉ số do Sở Nội vụ nhập",
    lead:
      "Số liệu của đơn vị trong kỳ theo định nghĩa của chỉ số (Bộ chỉ số phục vụ người dân, doanh nghiệp); điểm được tính theo phương pháp như các chỉ số khác. " +
      "Khi lưu, bảng xếp hạng nháp của kỳ được tính lại ngay; phiên bản đã công bố giữ nguyên. Chưa nhập thì tổng điểm của đơn vị chưa đầy đủ (dấu *).",
    group: (name, max) => `Nhóm ${name} · tối đa ${max} điểm`,
    numerator: "Tử số",
    denominator: "Mẫu số",
    result: "Tỷ lệ và điểm",
    current: "Số liệu đang dùng",
    entered: (v, when) => `Phiên bản ${v} · nhập lúc ${when}`,
    by: "bởi",
    seedActor: "bộ sinh dữ liệu mẫu",
    notEntered: "Chưa nhập — tổng điểm của đơn vị chưa đầy đủ.",
    preview: (ratio, points, max) => `${ratio} → ${points}/${max} điểm`,
    noRequests: "Không có yêu cầu nào trong kỳ: chỉ số không có số liệu, tổng điểm chưa đầy đủ",
    incomplete: "chưa tính được",
    formTitle: (name) => `Nhập hoặc sửa số liệu: ${name}`,
    countHint: "Số nguyên, không âm; ví dụ 1.234.",
    evidenceHint: "Số, ngày của báo cáo hoặc văn bản là nguồn số liệu.",
    review: "Lưu số liệu…",
    confirm: (code, unit, period, counts, result) => `Ghi số liệu ${code} của ${unit}, ${period}: ${counts} (${result})? Bảng xếp hạng nháp của kỳ sẽ được tính lại.`,
    confirmSave: "Xác nhận và lưu",
    saved: (code) => `Đã lưu số liệu ${code}; bảng xếp hạng nháp của kỳ đã được tính lại.`,
    lockedNote: "Kết quả kiểm tra giữ nguyên: không nhập, sửa được nữa.",
  },
  audit: { when: "Thời điểm", who: "Người thực hiện", role: "Vai trò", entityId: "Mã đối tượng", action: "Thao tác", entity: "Đối tượng", more: "Xem thêm", csv: "Tải nhật ký (CSV)", before: "Trước", after: "Sau", id: "Mã bản ghi nhật ký" },
};

export const adminEn: AdminMessages = {
  title: "Home Affairs — scoring and publication",
  lead: "Inspection findings, manual criteria, heads of unit, publication and the audit log.",
  sections: { findings: "Findings", criteria: "Manual criteria", actions: "Corrective actions", heads: "Heads of unit", proposals: "Proposals on heads", reports: "Reports", publish: "Publish", rules: "Scoring rules", audit: "Audit log" },
  unit: "Agency or unit",
  provinceTier: "Provincial People's Committee",
  unitId: "Unit id",
  criterion: "Criterion",
  deduction: "Deduction",
  evidence: "Evidence",
  head: "Head of unit (when the finding names one)",
  headNone: "— none —",
  create: "Create finding (draft)",
  save: "Save",
  conclude: "Record concluding notice (locks)",
  concludeConfirm: (n, d) =>
    `Record concluding notice ${n} of ${d}? The finding and the criterion it deducts from will be locked for good; the period's head ratings and reform index are recomputed.`,
  confirmLock: "Confirm and lock",
  cancel: "Cancel",
  noticeNumber: "Notice number",
  noticeDate: "Notice date",
  locked: "Locked",
  draft: "Draft",
  noFindings: "No inspection finding in this period.",
  saved: "Saved.",
  conflict: "Someone else changed this record. The latest version has been reloaded.",
  lockedError: "This record is locked by a concluding notice.",
  validation: "The input is not valid:",
  load: "Show",
  manualOnly: "Only manual criteria can be appraised.",
  computed: "computed",
  lockedBy: (notices) => `Locked by ${notices}`,
  notice: (n, d) => `concluding notice ${n} of ${d}`,
  noticeUnknown: "a concluding notice",
  picker: {
    placeholder: "Type a unit's name, with or without diacritics",
    hint: "E.g. bien hoa, so tu phap",
    none: (q) => `No unit's name matches “${q}”.`,
    count: (shown, total) => `${shown} of ${total} units`,
    choose: "Choose a unit from the list.",
    chosen: (name) => `Chosen: ${name}`,
    clear: "Choose another unit",
  },
  fields: {
    unitId: "Unit",
    headId: "Head of unit",
    period: "Period",
    criterion: "Criterion",
    deduction: "Deduction",
    evidence: "Evidence",
    noticeNumber: "Notice number",
    noticeDate: "Notice date",
    points: "Points",
    numerator: "Numerator",
    denominator: "Denominator",
    indicator: "Indicator",
    name: "Name",
    title: "Title",
    tenureFrom: "From",
    tenureTo: "To",
    version: "Record version",
    body: "Request",
  },
  codes: {
    INVALID_VALUE: "not a valid value",
    UNKNOWN_FIELD: "not an allowed field",
    UNKNOWN_UNIT: "no such unit in this period",
    UNKNOWN_CRITERION: "not a criterion of the template",
    UNKNOWN_INDICATOR: "not an indicator Home Affairs enters",
    NOT_COUNT: "must be a whole number, 0 or more",
    ABOVE_DENOMINATOR: "must not be more than the denominator",
    TOO_LONG: "longer than 500 characters",
    FORMULA: "must not start with = + - @",
    UNKNOWN_HEAD: "not a head of the chosen unit",
    OUT_OF_RANGE: "out of the allowed range",
    NOT_MANUAL: "computed from the indicators, not entered by hand",
    OUT_OF_TENURE: "this person was not in office during the period",
    TENURE_OVERLAP: "overlaps the tenure of another head of the unit",
    REQUIRED: "missing",
  },
  heads: {
    name: "Name",
    title: "Title",
    from: "From",
    to: "To",
    inOffice: "in office",
    add: "Add a head",
    filter: "Find by unit or person",
    filterHint: "With or without diacritics, e.g. long thanh",
    demo: "demo name",
    shown: (from, to, total) => `Units ${from}–${to} of ${total}`,
    none: (q) => `No unit or head matches “${q}”.`,
    previous: "Previous page",
    next: "Next page",
    page: (n, of) => `Page ${n} of ${of}`,
    noHead: "No head recorded",
    pages: "Pages",
  },
  publish: {
    preview: (p) => `Preview the publication of ${p}`,
    previewLead: "See the difference list this publication will record, then confirm. Nothing is published until you confirm.",
    previewTitle: (v) => `If published now: version ${v}`,
    firstVersion: "This is the period's first publication: there is no earlier version to compare with.",
    freezes: (tiers) => `Freezes the rankings, head ratings and reform index of: ${tiers}.`,
    confirm: (v) => `Confirm: publish version ${v}`,
    cancel: "Cancel",
    unchanged: (v) => `The current draft is the same as published version ${v} (figures and ratings): there is nothing new to publish.`,
    ratingsOnly: "The ranking's figures are unchanged; head ratings or the reform index have changed.",
    versions: "Published versions",
    never: "This period has never been published.",
    tierState: (v, d) => `version ${v} published on ${d}`,
    draftDiffers: "the current figures differ from it",
    draftSame: "the current figures are the same",
    noDraft: "never published",
    differences: "Difference list",
    noDifferences: "No unit changed.",
    published: (v) => `Published version ${v}.`,
    explainedBy: "Because of",
    onlyRank: "rank only, other units moved",
    change: { CHANGED: "Changed", ADDED: "Added", REMOVED: "Removed" },
    band: "Band",
    publishedBy: (who) => `published by ${who}`,
    conflict: "Someone else has just published this period as this version. Reloaded: review the difference list again.",
    notScored: "This period has not been scored: nothing to publish yet.",
    unitsMoved: (n) => `${n} units changed`,
  },
  indicators: {
    title: "Indicators entered by Home Affairs",
    lead:
      "The unit's figures for the period, as the indicator defines them (public-service index); the points are computed by the methodology like any other indicator's. " +
      "Saving scores the period's draft ranking again at once; a published version stays as it is. Until they are entered the unit's total is incomplete (marked *).",
    group: (name, max) => `Group ${name} · up to ${max} points`,
    numerator: "Numerator",
    denominator: "Denominator",
    result: "Ratio and points",
    current: "Figures in use",
    entered: (v, when) => `Version ${v} · entered ${when}`,
    by: "by",
    seedActor: "the demo data generator",
    notEntered: "Not entered — the unit's total is incomplete.",
    preview: (ratio, points, max) => `${ratio} → ${points} of ${max} points`,
    noRequests: "No requests in the period: the indicator has no data, the total is incomplete",
    incomplete: "not computed yet",
    formTitle: (name) => `Enter or correct the figures: ${name}`,
    countHint: "A whole number, 0 or more; e.g. 1,234.",
    evidenceHint: "Number and date of the report or document the figures come from.",
    review: "Save the figures…",
    confirm: (code, unit, period, counts, result) => `Record ${code} of ${unit}, ${period}: ${counts} (${result})? The period's draft ranking will be scored again.`,
    confirmSave: "Confirm and save",
    saved: (code) => `${code} saved; the period's draft ranking has been scored again.`,
    lockedNote: "The inspection result stands: the figures can no longer be entered or changed.",
  },
  audit: { when: "When", who: "Who", role: "Role", entityId: "Record id", action: "Action", entity: "Record", more: "Show more", csv: "Download the log (CSV)", before: "Before", after: "After", id: "Log entry id" },
};
