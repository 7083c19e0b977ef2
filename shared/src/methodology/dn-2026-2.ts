/**
 * Methodology `dn-2026.2`, effective 2026-12-07: dn-2026.1 with the changes below (also in
 * README.md of this folder). Derived from dn-2026.1 — only what differs is written here, so a
 * shared text fixed once reaches both versions and no rule drifts by copy.
 *
 * 1. Online payment capped at 10 (spec correction of 2026-12-07): the group's cap and formula are
 *    data (dn-2026.1 carries them too: its scorer always cut every group at its max, so its scores
 *    already obeyed the correction — no score moves), and the highest total is `maxTotal` = 100.
 * 2. No data is no score (issue 20, item 4): switches.freePointsNeedReceipts is on.
 */
import { DN_2026_1 } from "./dn-2026-1.js";
import type { Methodology, BilingualText } from "./methodology.js";

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
];

export const DN_2026_2: Methodology = {
  ...DN_2026_1,
  id: "dn-2026.2",
  effectiveFrom: "2026-12-07",
  nameVi: "Bộ chỉ số đánh giá chất lượng phục vụ người dân, doanh nghiệp tỉnh Đồng Nai, phiên bản 2026.2",
  nameEn: "Dong Nai public-service scorecard, version 2026.2",
  changes: CHANGES,
  switches: { ...DN_2026_1.switches, freePointsNeedReceipts: true },
};
