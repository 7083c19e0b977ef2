/** Words of the methodology page, written for citizens (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */
import type { Lang } from "../i18n.js";
import { type CommonMessages, commonEn, commonVi } from "./common.js";

export interface MethodologyMessages {
  readonly title: string;
  readonly lead: string;
  readonly version: string;
  readonly versionLine: (number: string, name: string) => string;
  readonly effectiveFrom: string;
  readonly inUse: string;
  readonly otherVersions: string;
  readonly howTitle: string;
  readonly ratioRule: string;
  readonly pointsRule: string;
  readonly totalRule: (max: string) => string;
  readonly example: (points: string) => string;
  readonly ratio: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly maxPoints: string;
  readonly target: string;
  readonly targetName: string;
  readonly measure: string;
  readonly formula: string;
  readonly source: string;
  readonly sources: Readonly<Record<string, string>>;
  readonly whenEmpty: Readonly<Record<string, string>>;
  readonly groupsTitle: (max: string) => string;
  readonly groupMax: (max: string) => string;
  readonly groupFormula: string;
  readonly bandsTitle: string;
  readonly responsibilityTitle: string;
  readonly responsibilityLead: string;
  readonly notScored: string;
  readonly provisionalNote: string;
  readonly reformTitle: string;
  readonly manual: string;
  readonly computed: string;
  readonly changesTitle: string;
  readonly sourcesTitle: string;
  readonly privacyTitle: string;
  readonly suppression: string;
  readonly periodsTitle: string;
  readonly periods: string;
}

export const methodologyVi: MethodologyMessages = {
  title: "Cách tính điểm và xếp hạng",
  lead: "Mỗi cơ quan, đơn vị được chấm điểm từ hồ sơ thủ tục hành chính mà đơn vị giải quyết: tỷ lệ hồ sơ đúng hạn, trực tuyến, số hóa, mức độ hài lòng… Các mục ghi “tạm thời” chưa có trong văn bản chính thức và có thể được điều chỉnh.",
  version: "Phiên bản",
  versionLine: (number, name) => `${number} — ${name}`,
  effectiveFrom: "Áp dụng từ ngày",
  inUse: "Số liệu trên trang được tính theo phiên bản này.",
  otherVersions: "Các phiên bản",
  howTitle: "Cách tính điểm một chỉ số",
  ratioRule: "Tỷ lệ = Tử số ÷ Mẫu số",
  pointsRule: "Điểm = Điểm tối đa × min(1; Tỷ lệ ÷ Mục tiêu)",
  totalRule: (max) => `Tổng điểm = điểm của 6 nhóm cộng lại, tối đa ${max} điểm. Điểm mỗi nhóm là tổng điểm các chỉ số của nhóm, không vượt quá điểm tối đa của nhóm.`,
  example: (points) => `Ví dụ: đơn vị giải quyết đúng hạn 97 trên 100 hồ sơ: tỷ lệ 97%, mục tiêu 100%, điểm tối đa 20, nên được 20 × 0,97 = ${points} điểm.`,
  ratio: "Tỷ lệ",
  numerator: "Tử số",
  denominator: "Mẫu số",
  maxPoints: "Điểm tối đa",
  target: "Mục tiêu",
  targetName: "Mục tiêu (tỷ lệ đạt điểm tối đa)",
  measure: "Đơn vị đo",
  formula: "Cách tính",
  source: "Nguồn số liệu",
  sources: { CASES: "Hồ sơ thủ tục hành chính", CATALOG: "Danh mục thủ tục hành chính", COMPLAINTS: "Phản ánh, kiến nghị", MANUAL: "Sở Nội vụ cập nhật", CONSULTATIONS: "Lấy ý kiến phối hợp giữa các cơ quan" },
  whenEmpty: { NO_DATA: "Không có hồ sơ để tính: ghi “không có số liệu”", ZERO: "Không có hồ sơ để tính: 0 điểm", FULL: "Không phát sinh: đủ điểm" },
  groupsTitle: (max) => `Chỉ số phục vụ người dân, doanh nghiệp (6 nhóm, tối đa ${max} điểm)`,
  groupMax: (max) => `tối đa ${max} điểm`,
  groupFormula: "Điểm nhóm",
  bandsTitle: "Xếp loại theo tổng điểm",
  responsibilityTitle: "Chỉ số trách nhiệm (Chỉ thị 03/CT-UBND)",
  responsibilityLead: "Hiển thị bên cạnh chỉ số phục vụ để đơn vị thấy điểm yếu của mình; không cộng vào tổng điểm.",
  notScored: "không tính điểm",
  provisionalNote: "Tạm thời: chưa có trong văn bản chính thức, có thể điều chỉnh.",
  reformTitle: "Chỉ số cải cách hành chính (khung mặc định)",
  manual: "Sở Nội vụ thẩm định, chấm điểm",
  computed: "Tính tự động từ chỉ số",
  changesTitle: "Điểm mới của phiên bản",
  sourcesTitle: "Căn cứ",
  privacyTitle: "Bảo vệ thông tin cá nhân",
  suppression: "Trang công khai chỉ có số liệu tổng hợp. Số hồ sơ từ 1 đến 4, và giá trị có thể làm lộ số đó, được ẩn để không thể nhận diện cá nhân.",
  periodsTitle: "Kỳ đánh giá",
  periods: "Điểm được tính theo tháng, quý, 6 tháng và năm (giờ Việt Nam). Kỳ chưa kết thúc chỉ có số liệu tạm tính: nhiều hồ sơ chưa đến hạn nên điểm và thứ hạng còn thay đổi.",
};

export const methodologyEn: MethodologyMessages = {
  title: "How scores and rankings are computed",
  lead: "Each agency and unit is scored on the administrative dossiers it handles: the share handled on time, online, digitised, the applicants' satisfaction… Items marked “provisional” were not found in an official text and may change.",
  version: "Version",
  versionLine: (number, name) => `${number} — ${name}`,
  effectiveFrom: "In force from",
  inUse: "The figures on these pages are computed with this version.",
  otherVersions: "Versions",
  howTitle: "How one indicator is scored",
  ratioRule: "Ratio = Numerator ÷ Denominator",
  pointsRule: "Points = Maximum points × min(1, Ratio ÷ Target)",
  totalRule: (max) => `Total = the six groups' points added up, at most ${max} points. A group's points are its indicators' points added up, never above the group's maximum.`,
  example: (points) => `Example: a unit handled 97 of 100 dossiers on time: a ratio of 97 %, a target of 100 %, a maximum of 20 points, so it gets 20 × 0.97 = ${points} points.`,
  ratio: "Ratio",
  numerator: "Numerator",
  denominator: "Denominator",
  maxPoints: "Maximum points",
  target: "Target",
  targetName: "Target (the ratio that earns full points)",
  measure: "Unit of measure",
  formula: "Formula",
  source: "Data source",
  sources: { CASES: "Administrative dossiers", CATALOG: "Procedure catalogue", COMPLAINTS: "Complaints", MANUAL: "Entered by the Department of Home Affairs", CONSULTATIONS: "Consultations between agencies" },
  whenEmpty: { NO_DATA: "Nothing to count: shown as “no data”", ZERO: "Nothing to count: 0 points", FULL: "None occurred: full points" },
  groupsTitle: (max) => `Public service index (six groups, at most ${max} points)`,
  groupMax: (max) => `at most ${max} points`,
  groupFormula: "Group points",
  bandsTitle: "Bands by total",
  responsibilityTitle: "Responsibility indicators (Directive 03/CT-UBND)",
  responsibilityLead: "Shown beside the service index so that units see their weak points; not added to the total.",
  notScored: "not scored",
  provisionalNote: "Provisional: not found in an official text; may change.",
  reformTitle: "Administrative reform index (default template)",
  manual: "Appraised by the Department of Home Affairs",
  computed: "Computed from the indicators",
  changesTitle: "What is new in this version",
  sourcesTitle: "Legal basis",
  privacyTitle: "Protecting personal data",
  suppression: "Public pages show aggregates only. Counts of dossiers from 1 to 4, and values that would reveal one, are hidden so that no person can be identified.",
  periodsTitle: "Periods",
  periods: "Scores are computed per month, quarter, half-year and year (Vietnam time). A period that is not over has provisional figures only: many dossiers are not due yet, so points and ranks still change.",
};

/** The methodology page's dictionary (`P` of the page): its words only, not every page's (i18n-pages.ts). */
export interface MethodologyPageMessages {
  readonly common: CommonMessages;
  readonly methodology: MethodologyMessages;
}
export const METHODOLOGY_PAGE: Readonly<Record<Lang, MethodologyPageMessages>> = {
  vi: { common: commonVi, methodology: methodologyVi },
  en: { common: commonEn, methodology: methodologyEn },
};
