/**
 * Methodology `dn-2026.2`, effective 2026-12-07: dn-2026.1 with the changes below (also in
 * README.md of this folder). Derived from dn-2026.1 — only what differs is written here, so a
 * shared text fixed once reaches both versions and no rule drifts by copy.
 *
 * 1. Online payment capped at 10 (spec correction of 2026-12-07): the group's cap and formula are
 *    data (dn-2026.1 carries them too: its scorer always cut every group at its max, so its scores
 *    already obeyed the correction — no score moves), and the highest total is `maxTotal` = 100.
 * 2. No data is no score (issue 20, item 4): switches.freePointsNeedReceipts is on.
 * 3. Improper returns (issue 20, item 6; docs/adr/0015-improper-returns.md): R3 and R9_R3 count the
 *    returns Home Affairs marked improper over the returns (switches.improperReturnsOnly); only
 *    their definitions are overridden here.
 * 4. Digital measures (issue 20, item 8; Directive 03, D7): O3F, O3P and O4, shown with the
 *    online-service group, not scored (max null).
 */
import { DN_2026_1 } from "./dn-2026-1.js";
import type { Methodology, BilingualText, IndicatorDefinition } from "./methodology.js";

/** What differs from dn-2026.1 (the same list as README.md). */
const CHANGES: readonly BilingualText[] = [
  {
    vi:
      "Nhóm Thanh toán trực tuyến: điểm nhóm là min(10; 6·A + min(2; 2,5·B) + 2,5·C), phần vượt 10 điểm không được tính (đính chính ngày 07/12/2026); " +
      "tổng điểm tối đa của bộ chỉ số là 100, không phải 100,5. Phiên bản 2026.1 cũng đã giới hạn nhóm này ở 10 điểm, nên điểm số không thay đổi.",
    en:
      "Online payment group: it scores min(10, 6·A + min(2, 2.5·B) + 2.5·C), points above 10 are dropped (correction of 7 December 2026); " +
      "the highest possible total is 100, not 100.5. Version 2026.1 already cut the group at 10 points, so no score changes.",
  },
  {
    vi:
      "Không có dữ liệu thì không có điểm. Đơn vị không có hồ sơ, phản ánh, kiến nghị hay thủ tục nào để tính trong kỳ vẫn không có tổng điểm, không xếp loại, " +
      "không xếp hạng, và nay cũng không được điểm ở chỉ số nào. Điểm tối đa dành cho trường hợp không có gì để tính — tiến độ và mức độ hài lòng trong xử lý phản ánh, " +
      "kiến nghị khi không có phản ánh, kiến nghị nào; các chỉ số công khai thủ tục hành chính không áp dụng cho cấp xã — chỉ được tính cho đơn vị có tiếp nhận " +
      "hồ sơ trong kỳ; đơn vị không tiếp nhận hồ sơ nào thì các chỉ số này ghi là chưa có dữ liệu và tổng điểm được đánh dấu chưa đầy đủ.",
    en:
      "No data is no score. A unit with no dossier, complaint or procedure to count in the period still has no total, no band and no rank, and now no points on any indicator either. " +
      "The full points given for having nothing to count — complaints handled on time and complaint satisfaction when there were no complaints; the procedure " +
      "publication indicators that do not apply to communes — go only to units that received dossiers in the period; for a unit that received none, those " +
      "indicators show no data and its total is marked incomplete.",
  },
  {
    vi:
      "Trả hồ sơ không đúng quy định (Chỉ thị 03/CT-UBND, điểm 1đ). Từ chối hay dừng xử lý hồ sơ đúng quy định không còn bị tính là thiếu sót: chỉ số R3 nay là " +
      "tỷ lệ hồ sơ bị trả lại không đúng quy định trên tổng số hồ sơ bị trả lại (từ chối giải quyết hoặc dừng xử lý) trong số hồ sơ tiếp nhận trong kỳ; hồ sơ bị trả lại " +
      "không đúng quy định là hồ sơ được Sở Nội vụ xác định như vậy, căn cứ kết luận thanh tra, kiểm tra, phản ánh, kiến nghị được xác định là đúng hoặc quyết định của Sở Nội vụ. " +
      "Lý do trả lại do đơn vị ghi nhận không tự làm cho việc trả lại trở thành đúng quy định. Chỉ số R3 của các lĩnh vực phức tạp (R9) thay đổi tương tự. " +
      "Thành phần R3 + R4 của chỉ số cải cách hành chính dùng chỉ số R3 mới; đơn vị không trả lại hồ sơ nào thì không bị trừ ở phần R3.",
    en:
      "Improper returns (Directive 03/CT-UBND, clause 1đ). A lawful refusal or stop is no longer counted as a failure: R3 is now the share of the returns " +
      "(dossiers refused or stopped) among the dossiers received in the period that were returned improperly — those the Department of Home Affairs found so, " +
      "on an inspection finding, an upheld complaint or its own decision. The reason a unit records does not make a return lawful by itself. R3 for the complex fields (R9) " +
      "changes alike. The reform index's R3 + R4 component reads the new R3; a unit that returned no dossier has nothing deducted for R3.",
  },
  {
    vi:
      "Chữ ký số và dịch vụ công trực tuyến (Chỉ thị 03/CT-UBND, điểm 2b): hiển thị cùng nhóm Dịch vụ công trực tuyến, không tính điểm, ba tỷ lệ mới — hồ sơ nộp trực tuyến toàn trình, " +
      "hồ sơ nộp trực tuyến một phần (trên số hồ sơ tiếp nhận trong kỳ) và kết quả giải quyết được ký số (trên số hồ sơ giải quyết xong trong kỳ thuộc thủ tục có trả kết quả).",
    en:
      "Digital signatures and online services (Directive 03/CT-UBND, clause 2b): three new shares shown with the online-service group, not scored — dossiers filed fully online, " +
      "dossiers filed partly online (of the dossiers received in the period) and results digitally signed (of the dossiers completed in the period for procedures that issue a result).",
  },
];

const COMPLEX_VI = "thuộc các lĩnh vực đầu tư, đất đai, xây dựng và kinh doanh có điều kiện";
const COMPLEX_EN = "in the fields of investment, land, construction and conditional business licensing";
const IMPROPER_VI = "mà Sở Nội vụ xác định là trả lại không đúng quy định (theo kết luận thanh tra, kiểm tra, phản ánh, kiến nghị được xác định là đúng, hoặc quyết định của Sở Nội vụ)";
const IMPROPER_EN = "whose return the Department of Home Affairs found improper (on an inspection finding, an upheld complaint, or its own decision)";
const RETURNS_VI = "đã bị trả lại (từ chối giải quyết) hoặc dừng xử lý tính đến cuối kỳ";
const RETURNS_EN = "that had been returned (refused) or stopped by its end";
const IMPROPER_NOTE =
  "A lawful refusal is not a failure (Directive 03, clause 1đ: 'trả hồ sơ không đúng quy định'): a return counts when Home Affairs marked it improper " +
  "(PUT /v1/admin/improper-returns/{caseId}); the reason code the unit recorded neither makes it lawful nor improper. No return: no data.";

/** R3 and R9_R3 of dn-2026.2: the returns marked improper over the returns (the switch `improperReturnsOnly` computes them). */
const IMPROPER_RETURNS: Readonly<Record<string, Partial<IndicatorDefinition>>> = {
  R3: {
    nameVi: "Tỷ lệ hồ sơ trả lại không đúng quy định",
    nameEn: "Improper return rate",
    shortVi: "Trả lại sai quy định",
    shortEn: "Improper returns",
    numerator: { vi: `Số hồ sơ tiếp nhận trong kỳ ${RETURNS_VI} ${IMPROPER_VI}`, en: `Dossiers received in the period ${RETURNS_EN} ${IMPROPER_EN}` },
    denominator: { vi: `Số hồ sơ tiếp nhận trong kỳ ${RETURNS_VI}`, en: `Dossiers received in the period ${RETURNS_EN}` },
    rule: {
      numerator: "cases received in the period REFUSED or STOPPED by its end that Home Affairs marked improper (curated_improper_returns)",
      denominator: "cases received in the period REFUSED or STOPPED by its end",
    },
    note: IMPROPER_NOTE,
  },
  R9_R3: {
    nameVi: "Lĩnh vực phức tạp: trả lại không đúng quy định",
    nameEn: "Complex fields: improper return rate",
    shortVi: "Phức tạp: trả lại sai",
    shortEn: "Complex: improper returns",
    numerator: { vi: `Số hồ sơ ${COMPLEX_VI} tiếp nhận trong kỳ ${RETURNS_VI} ${IMPROPER_VI}`, en: `Dossiers ${COMPLEX_EN} received in the period ${RETURNS_EN} ${IMPROPER_EN}` },
    denominator: { vi: `Số hồ sơ ${COMPLEX_VI} tiếp nhận trong kỳ ${RETURNS_VI}`, en: `Dossiers ${COMPLEX_EN} received in the period ${RETURNS_EN}` },
    rule: { numerator: "R3 numerator, complex fields only", denominator: "R3 denominator, complex fields only" },
    note: IMPROPER_NOTE,
  },
};

const RECEIVED: BilingualText = { vi: "Số hồ sơ tiếp nhận trong kỳ", en: "Dossiers received in the period" };

/** A shown, unscored indicator of the online-service group (Directive 03, D7). */
const shown = (d: Pick<IndicatorDefinition, "code" | "nameVi" | "nameEn" | "shortVi" | "shortEn" | "numerator" | "denominator" | "rule" | "note">): IndicatorDefinition => ({
  ...d,
  group: "DVCTT",
  max: null,
  target: 1,
  whenEmpty: "NO_DATA",
  source: "CASES",
  provisional: false,
  unitOfMeasure: "percent",
  direction: "higherIsBetter",
});

/** Directive 03, D7: full and partial online services, digital signatures — after O3, not scored. */
const DIGITAL_MEASURES: readonly IndicatorDefinition[] = [
  shown({
    code: "O3F",
    nameVi: "Hồ sơ nộp trực tuyến toàn trình",
    nameEn: "Dossiers filed fully online",
    shortVi: "Trực tuyến toàn trình",
    shortEn: "Fully online",
    numerator: { vi: "Số hồ sơ tiếp nhận trong kỳ được nộp qua dịch vụ công trực tuyến toàn trình", en: "Dossiers received in the period that were filed through a fully online public service" },
    denominator: RECEIVED,
    rule: { numerator: "cases received in the period on channel ONLINE_FULL", denominator: "cases received in the period" },
    note: "shown, not scored (Directive 03, clause 2b); O3 = O3F + O3P",
  }),
  shown({
    code: "O3P",
    nameVi: "Hồ sơ nộp trực tuyến một phần",
    nameEn: "Dossiers filed partly online",
    shortVi: "Trực tuyến một phần",
    shortEn: "Partly online",
    numerator: { vi: "Số hồ sơ tiếp nhận trong kỳ được nộp qua dịch vụ công trực tuyến một phần", en: "Dossiers received in the period that were filed through a partly online public service" },
    denominator: RECEIVED,
    rule: { numerator: "cases received in the period on channel ONLINE_PARTIAL", denominator: "cases received in the period" },
    note: "shown, not scored (Directive 03, clause 2b); higher is better as an online share, but a move from partly to fully online lowers it: read it with O3F",
  }),
  shown({
    code: "O4",
    nameVi: "Kết quả giải quyết được ký số",
    nameEn: "Results digitally signed",
    shortVi: "Kết quả ký số",
    shortEn: "Digitally signed",
    numerator: {
      vi: "Số hồ sơ giải quyết xong trong kỳ thuộc các thủ tục có trả kết quả mà kết quả được ký số",
      en: "Dossiers completed in the period for procedures that issue a result whose result was digitally signed",
    },
    denominator: {
      vi: "Số hồ sơ giải quyết xong trong kỳ thuộc các thủ tục có trả kết quả",
      en: "Dossiers completed in the period for procedures that issue a result",
    },
    rule: { numerator: "cases resolved in the period needing a result with flags.digitallySigned", denominator: "cases resolved in the period needing a result (as D1)" },
    note: "shown, not scored (Directive 03, clause 2b)",
  }),
];

/** dn-2026.1's indicators with R3 and R9_R3 redefined and the D7 measures after O3. */
const INDICATORS: readonly IndicatorDefinition[] = DN_2026_1.indicators.flatMap((d) => {
  const redefined = IMPROPER_RETURNS[d.code];
  const own = redefined === undefined ? d : { ...d, ...redefined };
  return d.code === "O3" ? [own, ...DIGITAL_MEASURES] : [own];
});

export const DN_2026_2: Methodology = {
  ...DN_2026_1,
  id: "dn-2026.2",
  effectiveFrom: "2026-12-07",
  nameVi: "Bộ chỉ số đánh giá chất lượng phục vụ người dân, doanh nghiệp tỉnh Đồng Nai, phiên bản 2026.2",
  nameEn: "Dong Nai public-service scorecard, version 2026.2",
  changes: CHANGES,
  indicators: INDICATORS,
  switches: { ...DN_2026_1.switches, freePointsNeedReceipts: true, improperReturnsOnly: true },
};
