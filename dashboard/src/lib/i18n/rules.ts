/**
 * Words of the admin section "rules" (issue 24, item 4): the holiday calendar and the unit catalog
 * as data. Vietnamese first; English typed by the same interface, so a missing key fails the typecheck.
 */
import type { Lang } from "../i18n.js";

export interface RulesMessages {
  readonly title: string;
  readonly lead: string;
  readonly holidaysTitle: string;
  readonly holidaysLead: (first: string, last: string) => string;
  readonly unitsTitle: string;
  readonly unitsLead: (count: string) => string;
  readonly versions: string;
  readonly version: string;
  readonly effectiveFrom: string;
  readonly what: string;
  readonly basis: string;
  readonly by: string;
  readonly at: string;
  readonly compiled: string;
  readonly compiledHolidays: string;
  readonly compiledUnits: string;
  readonly yearChange: (year: string, added: string, removed: string) => string;
  readonly roles: Readonly<Record<string, string>>;
  readonly kinds: { readonly NEW_UNIT: string; readonly MERGER: string; readonly RENAME: string; readonly DISSOLUTION: string };
  readonly dayKinds: { readonly HOLIDAY: string; readonly COMPENSATORY_DAY_OFF: string; readonly MAKEUP_WORKDAY: string };
  readonly changeText: (kind: string, closed: string, created: string) => string;
  readonly holidayForm: string;
  readonly year: string;
  readonly yearSource: { readonly COMPILED: string; readonly STORED: string; readonly NEW: string };
  readonly date: string;
  readonly dayKind: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly addDay: string;
  readonly removeDay: (date: string) => string;
  readonly recordYear: (year: string) => string;
  readonly unitForm: string;
  readonly changeKind: string;
  readonly unit: string;
  readonly predecessors: string;
  readonly predecessor: (n: string) => string;
  readonly addPredecessor: string;
  readonly successors: string;
  readonly successor: (n: string) => string;
  readonly addSuccessor: string;
  readonly newUnit: string;
  readonly unitId: string;
  readonly unitIdHint: string;
  readonly tier: string;
  readonly tiers: Readonly<Record<string, string>>;
  readonly parent: string;
  readonly newUnitId: string;
  readonly newNameVi: string;
  readonly newNameEn: string;
  readonly basisHint: string;
  readonly record: string;
  readonly saved: string;
  readonly refused: string;
  readonly conflict: string;
  readonly readOnly: string;
  readonly noVersions: string;
  readonly methodologyTitle: string;
  readonly methodologyLead: (series: string) => string;
  readonly compiledMethodology: (series: string) => string;
  readonly methodologyForm: string;
  readonly versionId: string;
  readonly versionIdHint: string;
  readonly changeVi: string;
  readonly changeEn: string;
  readonly changesJson: string;
  readonly changesJsonHint: string;
  readonly loadJson: string;
  readonly badJson: string;
  readonly previewButton: string;
  readonly publish: string;
  readonly previewTitle: (period: string) => string;
  readonly previewNone: string;
  readonly before: string;
  readonly after: string;
  readonly totalRank: (total: string, rank: string) => string;
  readonly basedOn: (id: string) => string;
  /** Why a field was refused, by the server's code. */
  readonly codes: Readonly<Record<string, string>>;
  /** The names of the fields the server may refuse. */
  readonly fields: Readonly<Record<string, string>>;
}

export const rulesVi: RulesMessages = {
  title: "Quy tắc chấm điểm",
  lead: "Lịch ngày nghỉ và danh mục đơn vị là dữ liệu Sở Nội vụ cập nhật, không cần phát hành phần mềm mới. Dữ liệu có sẵn là phiên bản 0; mỗi thay đổi là một phiên bản mới, được ghi nhật ký. Lần chấm điểm tiếp theo dùng quy tắc đang có hiệu lực.",
  holidaysTitle: "Lịch ngày nghỉ",
  holidaysLead: (first, last) => `Ngày nghỉ lễ, Tết, nghỉ bù và ngày làm bù của các năm ${first}–${last}; dùng để đếm ngày làm việc (hạn xử lý phản ánh, hạn công khai thủ tục, số ngày trễ).`,
  unitsTitle: "Danh mục đơn vị",
  unitsLead: (count) => `${count} đơn vị qua các lần sắp xếp; mỗi thay đổi có hiệu lực từ một ngày, các kỳ trước ngày đó giữ nguyên.`,
  versions: "Các phiên bản",
  version: "Phiên bản",
  effectiveFrom: "Hiệu lực từ",
  what: "Nội dung",
  basis: "Căn cứ",
  by: "Người cập nhật",
  at: "Thời điểm",
  compiled: "Dữ liệu có sẵn",
  compiledHolidays: "Lịch ngày nghỉ có sẵn theo các thông báo của Bộ Nội vụ",
  compiledUnits: "Danh mục đơn vị qua các lần sắp xếp 2024–2025",
  yearChange: (year, added, removed) => `Năm ${year}: thêm ${added} ngày, bỏ ${removed} ngày`,
  roles: { "home-affairs": "Sở Nội vụ", chairman: "Lãnh đạo UBND tỉnh" },
  kinds: { NEW_UNIT: "Thành lập đơn vị", MERGER: "Hợp nhất", RENAME: "Đổi tên", DISSOLUTION: "Giải thể" },
  dayKinds: { HOLIDAY: "Nghỉ lễ, Tết", COMPENSATORY_DAY_OFF: "Nghỉ bù / hoán đổi", MAKEUP_WORKDAY: "Làm bù" },
  changeText: (kind, closed, created) => `${kind}${closed ? `: ${closed}` : ""}${created ? ` → ${created}` : ""}`,
  holidayForm: "Cập nhật ngày nghỉ của một năm",
  year: "Năm",
  yearSource: { COMPILED: "dữ liệu có sẵn", STORED: "đã cập nhật", NEW: "năm mới" },
  date: "Ngày",
  dayKind: "Loại ngày",
  nameVi: "Tên (tiếng Việt)",
  nameEn: "Tên (tiếng Anh)",
  addDay: "Thêm ngày",
  removeDay: (date) => `Bỏ ngày ${date}`,
  recordYear: (year) => `Lưu lịch năm ${year}`,
  unitForm: "Ghi nhận thay đổi đơn vị",
  changeKind: "Loại thay đổi",
  unit: "Đơn vị",
  predecessors: "Các đơn vị hợp nhất",
  predecessor: (n) => `Đơn vị ${n}`,
  addPredecessor: "Thêm đơn vị",
  successors: "Đơn vị tiếp nhận (nếu có)",
  successor: (n) => `Đơn vị tiếp nhận ${n}`,
  addSuccessor: "Thêm đơn vị tiếp nhận",
  newUnit: "Đơn vị mới",
  unitId: "Mã đơn vị",
  unitIdHint: "Ví dụ COM-26017-2027: cấp, mã, năm thành lập",
  tier: "Cấp",
  tiers: { DEPARTMENT: "Sở, ban, ngành", DISTRICT: "Cấp huyện", COMMUNE: "Cấp xã", VERTICAL: "Ngành dọc" },
  parent: "Đơn vị cấp trên",
  newUnitId: "Mã mới",
  newNameVi: "Tên mới (tiếng Việt)",
  newNameEn: "Tên mới (tiếng Anh)",
  basisHint: "Số, ngày văn bản (ví dụ: Nghị quyết 1234/NQ-UBTVQH15 ngày 16/6/2025)",
  record: "Ghi nhận",
  saved: "Đã lưu. Lần chấm điểm tiếp theo sẽ dùng quy tắc mới.",
  refused: "Chưa lưu được, vui lòng sửa:",
  conflict: "Quy tắc vừa được người khác cập nhật. Đã tải lại, vui lòng kiểm tra và lưu lại.",
  readOnly: "Chỉ Sở Nội vụ được cập nhật quy tắc.",
  noVersions: "Chưa có thay đổi nào: đang dùng dữ liệu có sẵn.",
  methodologyTitle: "Phương pháp chấm điểm",
  methodologyLead: (series) => `Phiên bản mới thay đổi trọng số, ngưỡng, khung xếp loại hoặc chỉ số do Sở Nội vụ nhập, có hiệu lực từ ngày đầu một tháng sắp tới; các kỳ bắt đầu từ ngày đó được chấm theo phiên bản mới, các kỳ trước giữ nguyên (${series}).`,
  compiledMethodology: (series) => `Phương pháp ${series} có sẵn`,
  methodologyForm: "Ban hành phiên bản phương pháp",
  versionId: "Mã phiên bản",
  versionIdHint: "Ví dụ dn-2027.1",
  changeVi: "Nội dung thay đổi (tiếng Việt)",
  changeEn: "Nội dung thay đổi (tiếng Anh)",
  changesJson: "Thay đổi (JSON)",
  changesJsonHint: 'Theo mã: {"indicators": {"P1": {"max": 25}}, "groups": {"TDGQ": {"max": 25}}, "bands": {"GOOD": 78}}; "manual": true để chỉ số do Sở Nội vụ nhập.',
  loadJson: "Tải tệp JSON",
  badJson: "JSON không hợp lệ",
  previewButton: "Xem trước",
  publish: "Ban hành",
  previewTitle: (period) => `Xếp hạng kỳ ${period} nếu chấm theo phiên bản này`,
  previewNone: "Chưa có kỳ nào được chấm trước ngày hiệu lực để xem trước.",
  before: "Hiện tại",
  after: "Theo phiên bản mới",
  totalRank: (total, rank) => `${total} điểm · hạng ${rank}`,
  basedOn: (id) => `sửa từ ${id}`,
  codes: {
    REQUIRED: "bắt buộc",
    INVALID_DATE: "ngày không hợp lệ",
    OUTSIDE_YEAR: "không thuộc năm đang cập nhật",
    DUPLICATE_DATE: "ngày bị trùng",
    MAKEUP_ON_WEEKDAY: "ngày làm bù phải là thứ Bảy hoặc Chủ nhật",
    COMPENSATORY_ON_WEEKEND: "ngày nghỉ bù phải là ngày trong tuần",
    NO_HOLIDAY: "năm chưa có ngày nghỉ lễ nào",
    YEAR_NOT_CONTIGUOUS: "chỉ cập nhật các năm đã có hoặc năm kế tiếp",
    YEAR_CLOSED: "năm đã qua, không sửa được",
    EFFECTIVE_DATE_PAST: "không sớm hơn ngày đầu tháng hiện tại",
    DUPLICATE_UNIT_ID: "mã đã có trong danh mục",
    UNKNOWN_UNIT: "không có trong danh mục",
    UNIT_ENDED: "đơn vị đã chấm dứt",
    NOT_VALID_BEFORE: "đơn vị chưa tồn tại trước ngày hiệu lực",
    NOT_VALID_ON_DATE: "đơn vị không còn hiệu lực vào ngày này",
    TIER_MISMATCH: "khác cấp với đơn vị mới",
    TOO_FEW: "cần ít nhất hai đơn vị",
    DUPLICATE: "bị chọn hai lần",
    HAS_UNITS: "còn đơn vị trực thuộc",
    SELF: "không thể tự tiếp nhận",
    INVALID_TIER: "cấp không hợp lệ",
    INVALID_VALUE: "giá trị không hợp lệ",
    DUPLICATE_ID: "mã đã được dùng",
    EFFECTIVE_DATE_NOT_FUTURE: "phải là ngày đầu một tháng sau hôm nay",
    NOT_AFTER_LAST: "phải sau ngày hiệu lực của phiên bản trước",
    UNKNOWN_INDICATOR: "không có chỉ số này",
    UNKNOWN_GROUP: "không có nhóm này",
    UNKNOWN_BAND: "không có mức xếp loại này",
    NOT_COMPUTABLE: "chỉ số nhập tay, không tính tự động được",
    METHODOLOGY_INVALID: "làm phương pháp không hợp lệ",
    BAD_JSON: "JSON không hợp lệ",
  },
  fields: {
    year: "Năm",
    days: "Danh sách ngày",
    date: "Ngày",
    kind: "Loại",
    nameVi: "Tên tiếng Việt",
    nameEn: "Tên tiếng Anh",
    basis: "Căn cứ",
    effectiveFrom: "Hiệu lực từ",
    unitId: "Đơn vị",
    predecessorIds: "Đơn vị hợp nhất",
    successorIds: "Đơn vị tiếp nhận",
    newUnitId: "Mã mới",
    successor: "Đơn vị mới",
    unit: "Đơn vị mới",
    tier: "Cấp",
    parentId: "Đơn vị cấp trên",
    id: "Mã phiên bản",
    indicators: "Chỉ số",
    groups: "Nhóm",
    bands: "Mức xếp loại",
    changes: "Thay đổi (JSON)",
    max: "điểm tối đa",
    target: "ngưỡng",
    cap: "trần",
    manual: "nhập tay",
  },
};

export const rulesEn: RulesMessages = {
  title: "Scoring rules",
  lead: "The holiday calendar and the unit catalog are data the Department of Home Affairs updates without a software release. The built-in data are version 0; each change is a new version, recorded in the audit log. The next scoring run uses the rules in force.",
  holidaysTitle: "Holiday calendar",
  holidaysLead: (first, last) => `Public holidays, Tết, compensatory days off and make-up working days of ${first}–${last}; used to count working days (complaint deadlines, publication deadlines, days late).`,
  unitsTitle: "Unit catalog",
  unitsLead: (count) => `${count} units across the reorganisations; each change takes effect from a date, periods before it are unchanged.`,
  versions: "Versions",
  version: "Version",
  effectiveFrom: "In force from",
  what: "Change",
  basis: "Basis",
  by: "Recorded by",
  at: "When",
  compiled: "Built-in data",
  compiledHolidays: "The built-in calendar as announced by the Ministry of Home Affairs",
  compiledUnits: "The unit catalog across the 2024–2025 reorganisations",
  yearChange: (year, added, removed) => `${year}: ${added} day(s) added, ${removed} removed`,
  roles: { "home-affairs": "Home Affairs", chairman: "Provincial leadership" },
  kinds: { NEW_UNIT: "New unit", MERGER: "Merger", RENAME: "Rename", DISSOLUTION: "Dissolution" },
  dayKinds: { HOLIDAY: "Public holiday", COMPENSATORY_DAY_OFF: "Compensatory / swapped day off", MAKEUP_WORKDAY: "Make-up working day" },
  changeText: (kind, closed, created) => `${kind}${closed ? `: ${closed}` : ""}${created ? ` → ${created}` : ""}`,
  holidayForm: "Update a year's days off",
  year: "Year",
  yearSource: { COMPILED: "built-in data", STORED: "updated", NEW: "new year" },
  date: "Date",
  dayKind: "Kind of day",
  nameVi: "Name (Vietnamese)",
  nameEn: "Name (English)",
  addDay: "Add a day",
  removeDay: (date) => `Remove ${date}`,
  recordYear: (year) => `Save the ${year} calendar`,
  unitForm: "Record a unit change",
  changeKind: "Kind of change",
  unit: "Unit",
  predecessors: "Units merged",
  predecessor: (n) => `Unit ${n}`,
  addPredecessor: "Add a unit",
  successors: "Units taking over (if any)",
  successor: (n) => `Taking over ${n}`,
  addSuccessor: "Add a unit taking over",
  newUnit: "New unit",
  unitId: "Unit id",
  unitIdHint: "E.g. COM-26017-2027: tier, code, year founded",
  tier: "Tier",
  tiers: { DEPARTMENT: "Departments", DISTRICT: "Districts", COMMUNE: "Communes", VERTICAL: "Vertical agencies" },
  parent: "Parent unit",
  newUnitId: "New id",
  newNameVi: "New name (Vietnamese)",
  newNameEn: "New name (English)",
  basisHint: "Document number and date (e.g. Resolution 1234/NQ-UBTVQH15 of 16 June 2025)",
  record: "Record",
  saved: "Saved. The next scoring run uses the new rules.",
  refused: "Not saved; please correct:",
  conflict: "Someone else has just updated these rules. Reloaded: check and save again.",
  readOnly: "Only the Department of Home Affairs updates the rules.",
  noVersions: "No change yet: the built-in data are in force.",
  methodologyTitle: "Scoring methodology",
  methodologyLead: (series) => `A new version changes weights, thresholds, bands or the indicators Home Affairs enters, in force from the first day of a coming month; periods starting from that day are scored with it, earlier ones keep theirs (${series}).`,
  compiledMethodology: (series) => `The built-in methodology ${series}`,
  methodologyForm: "Publish a methodology version",
  versionId: "Version id",
  versionIdHint: "E.g. dn-2027.1",
  changeVi: "What changes (Vietnamese)",
  changeEn: "What changes (English)",
  changesJson: "Changes (JSON)",
  changesJsonHint: 'By code: {"indicators": {"P1": {"max": 25}}, "groups": {"TDGQ": {"max": 25}}, "bands": {"GOOD": 78}}; "manual": true for an indicator Home Affairs enters.',
  loadJson: "Load a JSON file",
  badJson: "not valid JSON",
  previewButton: "Preview",
  publish: "Publish",
  previewTitle: (period) => `The ranking of ${period} under this version`,
  previewNone: "No period scored before the date to preview.",
  before: "Now",
  after: "Under the new version",
  totalRank: (total, rank) => `${total} points · rank ${rank}`,
  basedOn: (id) => `changes ${id}`,
  codes: {
    REQUIRED: "required",
    INVALID_DATE: "not a valid date",
    OUTSIDE_YEAR: "not in the year being updated",
    DUPLICATE_DATE: "listed twice",
    MAKEUP_ON_WEEKDAY: "a make-up working day is a Saturday or Sunday",
    COMPENSATORY_ON_WEEKEND: "a compensatory day off is a weekday",
    NO_HOLIDAY: "the year has no public holiday",
    YEAR_NOT_CONTIGUOUS: "only a year already covered or the next one",
    YEAR_CLOSED: "the year is over and cannot be changed",
    EFFECTIVE_DATE_PAST: "not before the first day of the current month",
    DUPLICATE_UNIT_ID: "already in the catalog",
    UNKNOWN_UNIT: "not in the catalog",
    UNIT_ENDED: "the unit has already ended",
    NOT_VALID_BEFORE: "the unit does not exist before that date",
    NOT_VALID_ON_DATE: "the unit is not valid on that date",
    TIER_MISMATCH: "of another tier than the new unit",
    TOO_FEW: "at least two units",
    DUPLICATE: "chosen twice",
    HAS_UNITS: "units still report to it",
    SELF: "cannot take over itself",
    INVALID_TIER: "not a valid tier",
    INVALID_VALUE: "not a valid value",
    DUPLICATE_ID: "already used",
    EFFECTIVE_DATE_NOT_FUTURE: "the first day of a month after today",
    NOT_AFTER_LAST: "after the previous version's date",
    UNKNOWN_INDICATOR: "no such indicator",
    UNKNOWN_GROUP: "no such group",
    UNKNOWN_BAND: "no such band",
    NOT_COMPUTABLE: "entered by hand: nothing computes it",
    METHODOLOGY_INVALID: "makes the methodology invalid",
    BAD_JSON: "not valid JSON",
  },
  fields: {
    year: "Year",
    days: "Days",
    date: "Date",
    kind: "Kind",
    nameVi: "Vietnamese name",
    nameEn: "English name",
    basis: "Basis",
    effectiveFrom: "In force from",
    unitId: "Unit",
    predecessorIds: "Units merged",
    successorIds: "Units taking over",
    newUnitId: "New id",
    successor: "New unit",
    unit: "New unit",
    tier: "Tier",
    parentId: "Parent unit",
    id: "Version id",
    indicators: "Indicator",
    groups: "Group",
    bands: "Band",
    changes: "Changes (JSON)",
    max: "maximum points",
    target: "target",
    cap: "cap",
    manual: "entered by hand",
  },
};

export const RULES_MESSAGES: Readonly<Record<Lang, RulesMessages>> = { vi: rulesVi, en: rulesEn };
