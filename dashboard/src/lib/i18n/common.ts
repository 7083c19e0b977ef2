/** Words of the common page (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */
import type { Lang } from "../i18n.js";

export interface CommonMessages {
  readonly code: string;
  readonly indicator: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly ratio: string;
  /** An indicator's value, in its unit of measure. */
  readonly value: string;
  readonly points: string;
  readonly max: string;
  readonly previous: string;
  readonly change: string;
  readonly unit: string;
  readonly tier: string;
  readonly total: string;
  readonly band: string;
  readonly rank: string;
  readonly notScored: string;
  readonly provisional: string;
  readonly lowerIsBetter: string;
  readonly up: string;
  readonly down: string;
  readonly same: string;
  readonly newEntry: string;
  readonly noPrevious: string;
  readonly forbidden: string;
  readonly backToOwn: string;
  readonly exportsLabel: string;
  readonly dataAsOf: string;
  readonly computedAt: string;
}

export const commonVi: CommonMessages = {
  code: "Mã",
  indicator: "Chỉ số",
  numerator: "Tử số",
  denominator: "Mẫu số",
  ratio: "Tỷ lệ",
  value: "Giá trị",
  points: "Điểm",
  max: "Tối đa",
  previous: "Kỳ trước",
  change: "Thay đổi",
  unit: "Cơ quan, đơn vị",
  tier: "Nhóm",
  total: "Tổng điểm",
  band: "Xếp loại",
  rank: "Hạng",
  notScored: "không tính điểm",
  provisional: "tạm thời",
  lowerIsBetter: "càng thấp càng tốt",
  up: "tăng",
  down: "giảm",
  same: "không đổi",
  newEntry: "mới",
  noPrevious: "Không có số liệu kỳ trước.",
  forbidden: "Bạn chỉ được xem số liệu chi tiết của đơn vị mình.",
  backToOwn: "Về trang đơn vị của tôi",
  exportsLabel: "Tải về",
  dataAsOf: "Số liệu tính đến",
  computedAt: "Tính điểm lúc",
};

export const commonEn: CommonMessages = {
  code: "Code",
  indicator: "Indicator",
  numerator: "Numerator",
  denominator: "Denominator",
  ratio: "Ratio",
  value: "Value",
  points: "Points",
  max: "Max",
  previous: "Previous period",
  change: "Change",
  unit: "Agency or unit",
  tier: "Tier",
  total: "Total",
  band: "Band",
  rank: "Rank",
  notScored: "not scored",
  provisional: "provisional",
  lowerIsBetter: "lower is better",
  up: "up",
  down: "down",
  same: "unchanged",
  newEntry: "new",
  noPrevious: "No figures for the previous period.",
  forbidden: "You can only see the details of your own unit.",
  backToOwn: "Go to my unit",
  exportsLabel: "Download",
  dataAsOf: "Figures as of",
  computedAt: "Scored at",
};

/** By language, for the components that need only these words (not every page's: i18n-pages.ts). */
export const COMMON_MESSAGES: Readonly<Record<Lang, CommonMessages>> = { vi: commonVi, en: commonEn };
