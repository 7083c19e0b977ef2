/** Words of the open-data page (Vietnamese first; English typed by the same interface, so a missing key fails the typecheck). */
import type { Lang } from "../i18n.js";

export interface OpenDataMessages {
  readonly title: string;
  readonly lead: string;
  readonly downloadsTitle: string;
  readonly downloadsLead: string;
  readonly caption: (period: string) => string;
  readonly tier: string;
  readonly files: string;
  readonly csv: (tier: string) => string;
  readonly json: (tier: string) => string;
  readonly preparing: string;
  readonly saved: (name: string) => string;
  readonly none: (tier: string) => string;
  readonly failed: string;
  readonly dictionaryTitle: string;
  readonly dictionaryLead: string;
  readonly dictionaryCsv: string;
  readonly columnId: string;
  readonly columnName: string;
  readonly unit: string;
  readonly meaning: string;
  readonly licenceTitle: string;
  readonly licenceBody: string;
  readonly apiTitle: string;
  readonly apiBody: string;
  readonly apiMeta: string;
  readonly apiRankings: string;
}

export const openDataVi: OpenDataMessages = {
  title: "Dữ liệu mở",
  lead: "Kết quả xếp hạng công khai của các cơ quan, đơn vị, tải về để sử dụng lại. Chỉ có số liệu tổng hợp, không có thông tin cá nhân.",
  downloadsTitle: "Tải dữ liệu xếp hạng",
  downloadsLead: "Mỗi tệp gồm một dòng cho mỗi đơn vị, với kỳ, nhóm đơn vị và phiên bản công bố trên từng dòng. CSV mở được bằng Excel; JSON kèm từ điển dữ liệu.",
  caption: (period) => `Tệp dữ liệu — ${period}`,
  tier: "Nhóm đơn vị",
  files: "Tệp",
  csv: (tier) => `CSV — ${tier}`,
  json: (tier) => `JSON — ${tier}`,
  preparing: "Đang chuẩn bị tệp…",
  saved: (name) => `Đã tạo tệp ${name}.`,
  none: (tier) => `Kỳ này chưa có kết quả xếp hạng ${tier}.`,
  failed: "Không tải được số liệu để tạo tệp. Vui lòng thử lại.",
  dictionaryTitle: "Từ điển dữ liệu",
  dictionaryLead: "Các cột có thể có trong tệp: tên, đơn vị đo và ý nghĩa. Số được ghi dạng số theo đơn vị đo ghi ở tên cột (phần trăm ghi 97,1 chứ không phải 0,971). Ô bị ẩn để trống và được nêu ở cột cuối.",
  dictionaryCsv: "Tải từ điển dữ liệu (CSV)",
  columnId: "Mã cột",
  columnName: "Tên cột",
  unit: "Đơn vị đo",
  meaning: "Ý nghĩa",
  licenceTitle: "Giấy phép sử dụng",
  licenceBody: "Được sử dụng lại, kể cả cho mục đích thương mại, với điều kiện ghi nguồn.",
  apiTitle: "Lấy dữ liệu tự động",
  apiBody: "Các tệp được tạo từ giao diện lập trình công khai (trả về JSON):",
  apiMeta: "danh sách các kỳ đã có kết quả",
  apiRankings: "xếp hạng của một kỳ và một nhóm đơn vị",
};

export const openDataEn: OpenDataMessages = {
  title: "Open data",
  lead: "The public rankings of agencies and units, to download and reuse. Aggregates only, no personal data.",
  downloadsTitle: "Download the rankings",
  downloadsLead: "Each file has one row per unit, with the period, tier and published version on every row. CSV opens in Excel; JSON carries the data dictionary.",
  caption: (period) => `Data files — ${period}`,
  tier: "Tier",
  files: "Files",
  csv: (tier) => `CSV — ${tier}`,
  json: (tier) => `JSON — ${tier}`,
  preparing: "Preparing the file…",
  saved: (name) => `The file ${name} was created.`,
  none: (tier) => `There is no ranking of ${tier.toLowerCase()} for this period yet.`,
  failed: "The figures for the file could not be loaded. Please try again.",
  dictionaryTitle: "Data dictionary",
  dictionaryLead: "The columns a file may have: name, unit of measure and meaning. Numbers are numbers in the unit the column's name gives (a percentage as 97.1, not 0.971). Hidden cells are empty and named in the last column.",
  dictionaryCsv: "Download the data dictionary (CSV)",
  columnId: "Column code",
  columnName: "Column name",
  unit: "Unit of measure",
  meaning: "Meaning",
  licenceTitle: "Licence",
  licenceBody: "You may reuse the data, commercially too, provided you credit the source.",
  apiTitle: "Automated access",
  apiBody: "The files are built from the public API (it answers JSON):",
  apiMeta: "the periods that have results",
  apiRankings: "the ranking of one period and tier",
};

/** The open-data page's dictionary (`P` of the page): its words only, not every page's (i18n-pages.ts). */
export const OPEN_DATA_PAGE: Readonly<Record<Lang, { readonly openData: OpenDataMessages }>> = {
  vi: { openData: openDataVi },
  en: { openData: openDataEn },
};
