/** Words of the admin page (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */

export interface AdminMessages {
  readonly title: string;
  readonly lead: string;
  readonly sections: Readonly<Record<string, string>>;
  readonly unitId: string;
  readonly criterion: string;
  readonly deduction: string;
  readonly evidence: string;
  readonly headId: string;
  readonly create: string;
  readonly save: string;
  readonly conclude: string;
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
  readonly lockedBy: (ids: string) => string;
  readonly heads: { readonly name: string; readonly title: string; readonly from: string; readonly to: string; readonly inOffice: string; readonly add: string; readonly filter: string; readonly demo: string };
  readonly publish: { readonly button: (period: string) => string; readonly versions: string; readonly none: string; readonly draftDiffers: string; readonly draftSame: string; readonly differences: string; readonly noDifferences: string; readonly published: (v: string) => string; readonly explainedBy: string; readonly change: Readonly<Record<string, string>> };
  readonly audit: { readonly when: string; readonly who: string; readonly action: string; readonly entity: string; readonly more: string; readonly csv: string };
}

export const adminVi: AdminMessages = {
  title: "Sở Nội vụ — chấm điểm và công bố",
  lead: "Kết luận kiểm tra, tiêu chí chấm thủ công, người đứng đầu, công bố kết quả và nhật ký thay đổi.",
  sections: { findings: "Kết luận kiểm tra", criteria: "Tiêu chí thủ công", heads: "Người đứng đầu", publish: "Công bố", audit: "Nhật ký" },
  unitId: "Mã đơn vị",
  criterion: "Tiêu chí",
  deduction: "Điểm trừ",
  evidence: "Căn cứ, minh chứng",
  headId: "Mã người đứng đầu (nếu có)",
  create: "Tạo kết luận (bản nháp)",
  save: "Lưu",
  conclude: "Ghi thông báo kết luận (khóa)",
  noticeNumber: "Số thông báo kết luận",
  noticeDate: "Ngày thông báo",
  locked: "Đã khóa",
  draft: "Bản nháp",
  noFindings: "Chưa có kết luận kiểm tra nào trong kỳ.",
  saved: "Đã lưu.",
  conflict: "Bản ghi đã được người khác thay đổi. Đã tải lại bản mới nhất.",
  lockedError: "Bản ghi đã bị khóa bởi thông báo kết luận.",
  validation: "Dữ liệu chưa hợp lệ.",
  load: "Xem",
  manualOnly: "Chỉ tiêu chí chấm thủ công mới nhập được điểm.",
  lockedBy: (ids) => `Khóa bởi kết luận ${ids}`,
  heads: { name: "Họ tên", title: "Chức vụ", from: "Từ ngày", to: "Đến ngày", inOffice: "đang đương nhiệm", add: "Thêm người đứng đầu", filter: "Lọc theo mã đơn vị", demo: "tên mẫu" },
  publish: {
    button: (p) => `Công bố kỳ ${p}`,
    versions: "Các phiên bản đã công bố",
    none: "Kỳ này chưa được công bố.",
    draftDiffers: "Bản nháp hiện tại khác bản đã công bố.",
    draftSame: "Bản nháp trùng với bản đã công bố.",
    differences: "Danh sách thay đổi",
    noDifferences: "Không có thay đổi.",
    published: (v) => `Đã công bố phiên bản ${v}.`,
    explainedBy: "Do chỉ số",
    change: { CHANGED: "Thay đổi", ADDED: "Thêm mới", REMOVED: "Bỏ ra" },
  },
  audit: { when: "Thời điểm", who: "Người thực hiện", action: "Thao tác", entity: "Đối tượng", more: "Xem thêm", csv: "Tải nhật ký (CSV)" },
};

export const adminEn: AdminMessages = {
  title: "Home Affairs — scoring and publication",
  lead: "Inspection findings, manual criteria, heads of unit, publication and the audit log.",
  sections: { findings: "Findings", criteria: "Manual criteria", heads: "Heads of unit", publish: "Publish", audit: "Audit log" },
  unitId: "Unit id",
  criterion: "Criterion",
  deduction: "Deduction",
  evidence: "Evidence",
  headId: "Head id (optional)",
  create: "Create finding (draft)",
  save: "Save",
  conclude: "Record concluding notice (locks)",
  noticeNumber: "Notice number",
  noticeDate: "Notice date",
  locked: "Locked",
  draft: "Draft",
  noFindings: "No inspection finding in this period.",
  saved: "Saved.",
  conflict: "Someone else changed this record. The latest version has been reloaded.",
  lockedError: "This record is locked by a concluding notice.",
  validation: "The input is not valid.",
  load: "Show",
  manualOnly: "Only manual criteria can be appraised.",
  lockedBy: (ids) => `Locked by finding ${ids}`,
  heads: { name: "Name", title: "Title", from: "From", to: "To", inOffice: "in office", add: "Add a head", filter: "Filter by unit id", demo: "demo name" },
  publish: {
    button: (p) => `Publish ${p}`,
    versions: "Published versions",
    none: "This period has not been published.",
    draftDiffers: "The current draft differs from the published version.",
    draftSame: "The current draft matches the published version.",
    differences: "Difference list",
    noDifferences: "No differences.",
    published: (v) => `Published version ${v}.`,
    explainedBy: "Explained by",
    change: { CHANGED: "Changed", ADDED: "Added", REMOVED: "Removed" },
  },
  audit: { when: "When", who: "Who", action: "Action", entity: "Record", more: "Show more", csv: "Download the log (CSV)" },
};
