/** Words of the files the dashboard writes — exports and open data (Vietnamese first; English typed by the same interface). Loaded with the code that writes files, not with the first page. */
import type { Lang } from "../i18n.js";

/** Open-data files: the columns naming the ranking, and the dictionary's headers. */
export interface OpenDataFileMessages {
  readonly versionHeader: string;
  readonly period: string;
  readonly tier: string;
  readonly version: string;
  readonly methodology: string;
  readonly columnId: string;
  readonly columnHeader: string;
  readonly columnUnit: string;
  readonly columnMeaning: string;
}

/** Files (exports, open data): column headers, units and meanings. */
export interface DataMessages {
  readonly unitIdHeader: string;
  readonly completeHeader: string;
  readonly withheldHeader: string;
  readonly pointsUnit: string;
  readonly dossiersUnit: string;
  readonly plainNumber: string;
  readonly valueWord: string;
  readonly pointsWord: string;
  readonly yes: string;
  readonly no: string;
  readonly maxOf: (max: string) => string;
  readonly rank: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly total: string;
  readonly band: (bands: string) => string;
  readonly complete: string;
  readonly group: (name: string, formula: string | null) => string;
  readonly ratio: (numerator: string, denominator: string, lowerIsBetter: boolean) => string;
  readonly points: (max: string, target: string) => string;
  readonly unknownIndicator: string;
  readonly count: (what: string) => string;
  readonly withheld: string;
}

export const openDataFileVi: OpenDataFileMessages = {
  versionHeader: "Phiên bản công bố",
  period: "Mã kỳ đánh giá: 2024-03 (tháng), 2024-Q1 (quý), 2024-H1 (6 tháng), 2024 (năm).",
  tier: "Nhóm đơn vị được xếp hạng cùng nhau.",
  version: "Số phiên bản công bố của kỳ; để trống khi số liệu chưa được công bố (bản nháp).",
  methodology: "Mã phiên bản phương pháp dùng để tính điểm.",
  columnId: "Mã cột",
  columnHeader: "Tên cột",
  columnUnit: "Đơn vị đo",
  columnMeaning: "Ý nghĩa",
};

export const openDataFileEn: OpenDataFileMessages = {
  versionHeader: "Published version",
  period: "Period code: 2024-03 (month), 2024-Q1 (quarter), 2024-H1 (half-year), 2024 (year).",
  tier: "The tier of units ranked together.",
  version: "The period's published version number; empty when the figures are not published (a draft).",
  methodology: "The code of the methodology version the scores were computed with.",
  columnId: "Column code",
  columnHeader: "Column name",
  columnUnit: "Unit of measure",
  columnMeaning: "Meaning",
};

export const dataVi: DataMessages = {
  unitIdHeader: "Mã đơn vị",
  completeHeader: "Đủ chỉ số",
  withheldHeader: "Ô để trống do ẩn số nhỏ",
  pointsUnit: "điểm",
  dossiersUnit: "hồ sơ",
  plainNumber: "số",
  valueWord: "giá trị",
  pointsWord: "điểm",
  yes: "Có",
  no: "Không",
  maxOf: (max) => `tối đa ${max}`,
  rank: "Thứ hạng trong nhóm đơn vị (1 là cao nhất; các đơn vị bằng điểm cùng hạng); để trống khi đơn vị không có số liệu để xếp hạng.",
  unitId: "Mã định danh của đơn vị trong hệ thống, không đổi giữa các kỳ.",
  unitName: "Tên cơ quan, đơn vị.",
  total: "Tổng điểm chỉ số phục vụ người dân, doanh nghiệp: tổng điểm của 6 nhóm chỉ số.",
  band: (bands) => `Xếp loại theo tổng điểm${bands ? `: ${bands}` : ""}.`,
  complete: "“Không” khi một số chỉ số chưa có số liệu: tổng điểm chưa đầy đủ.",
  group: (name, formula) => `Điểm nhóm “${name}”: tổng điểm các chỉ số của nhóm, không vượt quá điểm tối đa của nhóm${formula ? ` (${formula})` : ""}.`,
  ratio: (numerator, denominator, lowerIsBetter) => `${numerator}, chia cho: ${denominator}. ${lowerIsBetter ? "Càng thấp càng tốt." : "Càng cao càng tốt."}`,
  points: (max, target) => `Điểm của chỉ số: tối đa ${max} × min(1; tỷ lệ ÷ mục tiêu ${target}).`,
  unknownIndicator: "Chỉ số không có trong mô tả phương pháp: giá trị ghi dạng số.",
  count: (what) => `Số hồ sơ “${what}” tính đến cuối kỳ.`,
  withheld: "Tên các ô để trống vì giá trị bị ẩn: số hồ sơ từ 1 đến 4, hoặc giá trị có thể làm lộ số đó.",
};

export const dataEn: DataMessages = {
  unitIdHeader: "Unit code",
  completeHeader: "All indicators",
  withheldHeader: "Cells left empty (small numbers hidden)",
  pointsUnit: "points",
  dossiersUnit: "dossiers",
  plainNumber: "number",
  valueWord: "value",
  pointsWord: "points",
  yes: "Yes",
  no: "No",
  maxOf: (max) => `out of ${max}`,
  rank: "Rank within the tier (1 is the highest; units with equal totals share a rank); empty when the unit has no data to be ranked on.",
  unitId: "The unit's identifier in the system, the same in every period.",
  unitName: "Name of the agency or unit.",
  total: "Public service index total: the sum of the six groups' points.",
  band: (bands) => `Band by total${bands ? `: ${bands}` : ""}.`,
  complete: "“No” when some indicators have no data yet: the total is incomplete.",
  group: (name, formula) => `Points of the group “${name}”: its indicators' points added up, never above the group's maximum${formula ? ` (${formula})` : ""}.`,
  ratio: (numerator, denominator, lowerIsBetter) => `${numerator}, divided by: ${denominator}. ${lowerIsBetter ? "Lower is better." : "Higher is better."}`,
  points: (max, target) => `The indicator's points: ${max} × min(1, ratio ÷ target ${target}).`,
  unknownIndicator: "An indicator the methodology does not describe: shown as a plain number.",
  count: (what) => `Dossiers “${what}” as of the end of the period.`,
  withheld: "The cells left empty because their value is hidden: a count from 1 to 4, or a value that would reveal one.",
};

export const DATA_MESSAGES: Readonly<Record<Lang, DataMessages>> = { vi: dataVi, en: dataEn };
export const OPEN_DATA_FILE_MESSAGES: Readonly<Record<Lang, OpenDataFileMessages>> = { vi: openDataFileVi, en: openDataFileEn };
