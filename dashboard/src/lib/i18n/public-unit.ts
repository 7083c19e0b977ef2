/** Words of the publicUnit page (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */
import type { Lang } from "../i18n.js";
import { type CommonMessages, commonEn, commonVi } from "./common.js";
import { type ScorecardMessages, scorecardEn, scorecardVi } from "./scorecard.js";

export interface PublicUnitMessages {
  readonly lead: string;
  readonly notFound: string;
  readonly back: string;
  readonly standing: string;
  readonly total: (max: string) => string;
  readonly band: string;
  readonly rank: (tier: string) => string;
  readonly rankOf: (rank: string, n: string) => string;
  readonly notRanked: string;
  readonly complete: string;
  readonly incomplete: string;
  readonly change: (period: string) => string;
  readonly noPrevious: (period: string) => string;
  readonly totalChange: string;
  readonly rankChange: string;
  readonly bandBefore: (band: string) => string;
  /** The unit's file (CSV, XLSX): the columns the common words do not name. */
  readonly file: {
    readonly group: string;
    readonly unit: string;
    readonly previousValue: string;
    readonly previousPoints: string;
    readonly responsibilityGroup: string;
  };
}

export const publicUnitVi: PublicUnitMessages = {
  lead: "Chỉ số tổng hợp công khai của đơn vị trong kỳ. Không có dữ liệu từng hồ sơ.",
  notFound: "Không có đơn vị này trong bảng xếp hạng của kỳ.",
  back: "Về bảng xếp hạng",
  standing: "Kết quả của đơn vị",
  total: (max) => `Tổng điểm (tối đa ${max})`,
  band: "Xếp loại",
  rank: (tier) => `Thứ hạng trong nhóm ${tier}`,
  rankOf: (rank, n) => `${rank} trên ${n} đơn vị`,
  notRanked: "Không xếp hạng (không có số liệu)",
  complete: "Đủ chỉ số",
  incomplete: "Chưa đủ chỉ số: tổng điểm chưa đầy đủ",
  change: (period) => `So với ${period}`,
  noPrevious: (period) => `Không có số liệu ${period} để so sánh.`,
  totalChange: "Tổng điểm",
  rankChange: "Thứ hạng",
  bandBefore: (band) => `kỳ trước: ${band}`,
  file: { group: "Nhóm", unit: "Đơn vị đo", previousValue: "Kỳ trước: giá trị", previousPoints: "Kỳ trước: điểm", responsibilityGroup: "Trách nhiệm" },
};

export const publicUnitEn: PublicUnitMessages = {
  lead: "The unit's public aggregate indicators for the period. No dossier-level data.",
  notFound: "This unit is not in the period's ranking.",
  back: "Back to the rankings",
  standing: "The unit's results",
  total: (max) => `Total (out of ${max})`,
  band: "Band",
  rank: (tier) => `Rank among ${tier.toLowerCase()}`,
  rankOf: (rank, n) => `${rank} of ${n} units`,
  notRanked: "Not ranked (no data)",
  complete: "All indicators",
  incomplete: "Some indicators missing: incomplete total",
  change: (period) => `Compared with ${period}`,
  noPrevious: (period) => `No figures for ${period} to compare with.`,
  totalChange: "Total",
  rankChange: "Rank",
  bandBefore: (band) => `previously: ${band}`,
  file: { group: "Group", unit: "Unit of measure", previousValue: "Previous period: value", previousPoints: "Previous period: points", responsibilityGroup: "Responsibility" },
};

export const PUBLIC_UNIT_MESSAGES: Readonly<Record<Lang, PublicUnitMessages>> = { vi: publicUnitVi, en: publicUnitEn };

/** The public unit page's dictionary (`P` of the page): its words only, not every page's (i18n-pages.ts). */
export interface PublicUnitPageMessages {
  readonly common: CommonMessages;
  readonly scorecard: ScorecardMessages;
  readonly publicUnit: PublicUnitMessages;
}
export const PUBLIC_UNIT_PAGE: Readonly<Record<Lang, PublicUnitPageMessages>> = {
  vi: { common: commonVi, scorecard: scorecardVi, publicUnit: publicUnitVi },
  en: { common: commonEn, scorecard: scorecardEn, publicUnit: publicUnitEn },
};
