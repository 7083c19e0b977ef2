/**
 * Methodology `dn-2026.1` (spec: ../shared/domain/methodology.md §3–6), effective 2026-01-01; the
 * default until dn-2026.2 (dn-2026-2.ts). Every number here is data; items marked `provisional`
 * were not found in an official text. Its scores are pinned by tests: change nothing that scores
 * (points, targets, empty rules, groups, switches) — a change of rules is a new version.
 * Names, units of measure, directions and readable definitions: indicator-display.ts.
 */
import { indicatorDisplay } from "./indicator-display.js";
import { type Band, type GroupDefinition, type IndicatorDefinition, type IndicatorDisplay, type Methodology, type BilingualText, maxTotalOf } from "./methodology.js";

/** An indicator's rules: everything but its display entry; target 1, "no data" when empty and not provisional unless given. */
type IndicatorRules = Omit<IndicatorDefinition, keyof IndicatorDisplay | "target" | "whenEmpty" | "provisional" | "lowerIsBetter"> &
  Partial<Pick<IndicatorDefinition, "target" | "whenEmpty" | "provisional">>;

/** An indicator: its rules here, its display entry by code; `lowerIsBetter` follows the direction. */
const indicator = (d: IndicatorRules): IndicatorDefinition => {
  const display = indicatorDisplay(d.code);
  return {
    target: 1,
    whenEmpty: "NO_DATA",
    provisional: false,
    ...display,
    ...d,
    ...(display.direction === "lowerIsBetter" ? { lowerIsBetter: true } : {}),
  };
};

const R = (code: string, numerator: string, denominator: string, extra: Partial<IndicatorRules> = {}) =>
  indicator({ code, group: null, rule: { numerator, denominator }, max: null, source: "CASES", ...extra });

const PAYMENT_FORMULA: BilingualText = {
  vi: "min(10; 6·A + min(2; 2,5·B) + 2,5·C), trong đó A, B, C là ba tỷ lệ của nhóm; tỷ lệ có mẫu số bằng 0 được tính là 0",
  en: "min(10, 6·A + min(2, 2.5·B) + 2.5·C), where A, B and C are the group's three ratios; a ratio with a zero denominator counts as 0",
};

const GROUPS: readonly GroupDefinition[] = [
  { code: "CKMB", nameVi: "Công khai, minh bạch", nameEn: "Transparency", shortVi: "Công khai", shortEn: "Transparency", max: 18 },
  { code: "TDGQ", nameVi: "Tiến độ giải quyết", nameEn: "Progress", shortVi: "Tiến độ", shortEn: "Progress", max: 20 },
  { code: "DVCTT", nameVi: "Dịch vụ công trực tuyến", nameEn: "Online service", shortVi: "Trực tuyến", shortEn: "Online", max: 12 },
  // 6 + 2 + 2.5 = 10.5 capped at 10: score.ts has always cut every group at its max (spec correction of 2026-12-07).
  { code: "TTTT", nameVi: "Thanh toán trực tuyến", nameEn: "Online payment", shortVi: "Thanh toán", shortEn: "Payment", max: 10, cap: 10, formula: PAYMENT_FORMULA },
  { code: "SHHS", nameVi: "Số hóa hồ sơ", nameEn: "Digitisation", shortVi: "Số hóa", shortEn: "Digitisation", max: 22 },
  { code: "MDHL", nameVi: "Mức độ hài lòng", nameEn: "Satisfaction", shortVi: "Hài lòng", shortEn: "Satisfaction", max: 18 },
];

const SERVICE_BANDS: readonly Band[] = [
  { code: "EXCELLENT", nameVi: "Xuất sắc", nameEn: "Excellent", min: 90 },
  { code: "GOOD", nameVi: "Tốt", nameEn: "Good", min: 80 },
  { code: "FAIR", nameVi: "Khá", nameEn: "Fair", min: 70 },
  { code: "AVERAGE", nameVi: "Trung bình", nameEn: "Average", min: 50 },
  { code: "WEAK", nameVi: "Yếu", nameEn: "Weak", min: 0 },
];

export const DN_2026_1: Methodology = {
  id: "dn-2026.1",
  effectiveFrom: "2026-01-01",
  nameVi: "Bộ chỉ số đánh giá chất lượng phục vụ người dân, doanh nghiệp tỉnh Đồng Nai, phiên bản 2026.1",
  nameEn: "Dong Nai public-service scorecard, version 2026.1",
  changes: [{ vi: "Phiên bản đầu tiên.", en: "First version." }],
  sources: [
    "Quyết định 766/QĐ-TTg ngày 23/6/2022 và bộ chỉ số công bố trên Cổng DVCQG (6 nhóm, từ 2024)",
    "Quyết định 876/QĐ-BNV (2022) — cấu trúc Chỉ số CCHC",
    "Nghị định 90/2020, 48/2023, 335/2025 — đánh giá, xếp loại",
    "Chỉ thị 03/CT-UBND tỉnh Đồng Nai ngày 4/4/2024",
  ],
  groups: GROUPS,
  maxTotal: maxTotalOf(GROUPS),
  indicators: [
    // Transparency (18)
    indicator({ code: "T1", group: "CKMB", max: 6, source: "CATALOG",
      rule: { numerator: "procedures whose publication decision was dated ≥ 5 working days before the legal basis took effect",
      denominator: "procedures added, amended or repealed by a decision dated in the period" },
      notApplicableTo: ["COMMUNE"] }),
    indicator({ code: "T2", group: "CKMB", max: 4, source: "CATALOG",
      rule: { numerator: "procedures made public in the period ≤ 5 working days after the decision",
      denominator: "procedures made public in the period + procedures still not public whose 5-working-day deadline passed by the period end" },
      notApplicableTo: ["COMMUNE"] }),
    indicator({ code: "T3", group: "CKMB", max: 2, source: "CATALOG",
      rule: { numerator: "published procedures with complete content", denominator: "procedures published by the period end" },
      notApplicableTo: ["COMMUNE"] }),
    indicator({ code: "T4", group: "CKMB", max: 6, source: "CASES",
      rule: { numerator: "cases received in the period with syncedToNationalPortal", denominator: "cases received in the period" } }),
    // Progress (20)
    indicator({ code: "P1", group: "TDGQ", max: 20, source: "CASES",
      rule: { numerator: "in-scope cases EARLY or ON_TIME as of the period end",
      denominator: "in-scope cases with a verdict: EARLY + ON_TIME + LATE + OVERDUE (IN_PROGRESS counted only under the switch inProgressCountsAsOnTime)" } }),
    indicator({ code: "P2", group: "TDGQ", max: null, source: "CASES",
      rule: { numerator: "working days from receipt to resolution, summed over cases resolved in the period", denominator: "cases resolved in the period" },
      note: "shown, not scored; ratio = mean working days" }),
    // Online service (12)
    indicator({ code: "O1", group: "DVCTT", max: 2, target: 0.8, provisional: true, source: "CATALOG",
      rule: { numerator: "procedures of the unit offered online (partial or full)", denominator: "procedures of the unit" }, note: "split of the 12 points provisional" }),
    indicator({ code: "O2", group: "DVCTT", max: 4, provisional: true, source: "CATALOG",
      rule: { numerator: "online procedures of the unit with ≥ 1 online case received in the period", denominator: "online procedures of the unit" } }),
    indicator({ code: "O3", group: "DVCTT", max: 6, target: 0.5, provisional: true, source: "CASES",
      rule: { numerator: "cases received in the period on channel ONLINE_FULL or ONLINE_PARTIAL", denominator: "cases received in the period" } }),
    // Online payment (10) — score = 6·A + min(2, 2.5·B) + 2.5·C, group capped at 10
    indicator({ code: "MA", group: "TTTT", max: 6, whenEmpty: "ZERO", source: "CASES",
      rule: { numerator: "fee-bearing cases received in the period with an online PAYMENT_COMPLETED", denominator: "fee-bearing cases received in the period" } }),
    indicator({ code: "MB", group: "TTTT", max: 2, target: 0.8, whenEmpty: "ZERO", source: "CATALOG",
      rule: { numerator: "fee-bearing procedures of the unit with ≥ 1 online payment in the period", denominator: "fee-bearing procedures of the unit" },
      note: "min(2, 2.5·B) = 2 × min(1, B / 0.8)" }),
    indicator({ code: "MC", group: "TTTT", max: 2.5, whenEmpty: "ZERO", source: "CATALOG",
      rule: { numerator: "fee-bearing procedures of the unit integrated with the payment platform", denominator: "fee-bearing procedures of the unit" } }),
    // Digitisation (22)
    indicator({ code: "D1", group: "SHHS", max: 6, source: "CASES",
      rule: { numerator: "cases resolved in the period needing a result with digitizedResult", denominator: "cases resolved in the period needing a result" } }),
    indicator({ code: "D2", group: "SHHS", max: 4, provisional: true, source: "CASES",
      rule: { numerator: "cases received in the period with digitizedDossier and, when a result is required, digitizedResult", denominator: "cases received in the period" },
      note: "target 100% (80% in one source)" }),
    indicator({ code: "D3", group: "SHHS", max: 2, source: "MANUAL",
      rule: { numerator: "entered by Home Affairs", denominator: "entered by Home Affairs" } }),
    indicator({ code: "D4", group: "SHHS", max: 2, target: 0.8, source: "CASES",
      rule: { numerator: "cases received in the period with reusedData", denominator: "cases received in the period" } }),
    indicator({ code: "D5", group: "SHHS", max: 4, source: "CASES",
      rule: { numerator: "cases received in the period with personalDataStore", denominator: "cases received in the period" } }),
    indicator({ code: "D6A", group: "SHHS", max: 2, source: "CASES",
      rule: { numerator: "cases received in the period with populationDatabase", denominator: "cases received in the period" } }),
    indicator({ code: "D6B", group: "SHHS", max: 2, source: "CATALOG",
      rule: { numerator: "procedures of the unit connected to the population database", denominator: "procedures of the unit" } }),
    // Satisfaction (18)
    indicator({ code: "S1", group: "MDHL", max: 6, whenEmpty: "FULL", source: "COMPLAINTS",
      rule: { numerator: "complaints received in the period accepted/refused within 2 and handled within 15 working days",
      denominator: "complaints received in the period with a verdict (handled, refused, or past a deadline)" } }),
    indicator({ code: "S2", group: "MDHL", max: 6, whenEmpty: "FULL", source: "COMPLAINTS",
      rule: { numerator: "complaints received in the period that are none of: disliked, re-complained, overdue", denominator: "complaints received in the period" } }),
    indicator({ code: "S3", group: "MDHL", max: 6, target: 0.9, whenEmpty: "ZERO", source: "CASES",
      rule: { numerator: "cases received in the period with neither a complaint nor a 'not satisfied' rating", denominator: "cases received in the period" },
      note: "ratio r = max(0, 1 − R1 − S3A); points = min(6, 6 × r / 0.90)" }),
    indicator({ code: "S3A", group: "MDHL", max: null, source: "CASES",
      rule: { numerator: "cases received in the period with a complaint naming them or a 'not satisfied' rating", denominator: "cases received in the period" },
      note: "shown, not scored; input of S3" }),
    // Responsibility (Directive 03) — shown beside the index, not part of it
    R("R1", "in-scope LATE + OVERDUE", "in-scope cases with a verdict (as P1)"),
    R("R2", "late cases (R1 numerator) with APOLOGY_ISSUED before the period end", "late cases (R1 numerator)"),
    R("R3", "cases received in the period REFUSED or STOPPED by its end", "cases received in the period"),
    R("R4", "cases received in the period with > 1 SUPPLEMENT_REQUESTED", "cases received in the period"),
    R("R5", "in-scope consultations of this unit answered on or before the step due date", "in-scope consultations of this unit with a verdict (answered, or unanswered past due)", { source: "CONSULTATIONS" }),
    R("R5D", "working days late, summed over late and overdue consultations of this unit", "late and overdue consultations of this unit", { source: "CONSULTATIONS" }),
    R("R6", "distinct consulted units, summed over inter-agency cases received in the period", "cases received in the period with ≥ 1 CONSULT_REQUESTED"),
    R("R7", "working days this unit overran its steps on in-scope late cases (see facts/delay-attribution.md)", "working days overrun by all units of the province"),
    R("R8", "complaints received in the period naming the unit", "cases received in the period", { source: "COMPLAINTS", displayScale: 1000 }),
    R("R9_R1", "R1 numerator, complex fields only", "R1 denominator, complex fields only"),
    R("R9_R2", "R2 numerator, complex fields only", "R2 denominator, complex fields only"),
    R("R9_R3", "R3 numerator, complex fields only", "R3 denominator, complex fields only"),
    R("R9_R4", "R4 numerator, complex fields only", "R4 denominator, complex fields only"),
  ],
  bands: SERVICE_BANDS,
  rankedTiers: ["DEPARTMENT", "DISTRICT", "COMMUNE"],
  receivedCasesIndicator: "T4",
  switches: { inProgressCountsAsOnTime: false, notApplicableFullPoints: true, freePointsNeedReceipts: false },
  complaints: { acceptWithinWorkingDays: 2, handleWithinWorkingDays: 15 },
  reformIndex: {
    provisional: true,
    defaultDeductionCriterion: "PAR5",
    criteria: [
      { code: "PAR1", nameVi: "Công tác chỉ đạo, điều hành CCHC", nameEn: "Direction and administration of reform", shortVi: "Chỉ đạo, điều hành", shortEn: "Direction", max: 10, source: "MANUAL" },
      { code: "PAR2", nameVi: "Cải cách thể chế", nameEn: "Institutional reform", shortVi: "Thể chế", shortEn: "Institutions", max: 8, source: "MANUAL" },
      { code: "PAR3", nameVi: "Cải cách thủ tục hành chính", nameEn: "Administrative procedure reform", shortVi: "Thủ tục hành chính", shortEn: "Procedures", max: 22, source: "COMPUTED", components: [
        { ref: "P1", points: 8, scale: "POINTS_SHARE" },
        { ref: "R2", points: 4, scale: "RATIO" },
        { ref: "R3+R4", points: 4, scale: "ONE_MINUS_RATIO_SUM", refs: ["R3", "R4"] },
        { ref: "R5", points: 4, scale: "RATIO" },
        { ref: "S3", points: 2, scale: "POINTS_SHARE" },
      ] },
      { code: "PAR4", nameVi: "Cải cách tổ chức bộ máy", nameEn: "Organisational reform", shortVi: "Tổ chức bộ máy", shortEn: "Organisation", max: 8, source: "MANUAL" },
      { code: "PAR5", nameVi: "Cải cách chế độ công vụ", nameEn: "Civil service reform", shortVi: "Công vụ", shortEn: "Civil service", max: 12, source: "MANUAL" },
      { code: "PAR6", nameVi: "Cải cách tài chính công", nameEn: "Public finance reform", shortVi: "Tài chính công", shortEn: "Public finance", max: 6, source: "MANUAL" },
      { code: "PAR7", nameVi: "Xây dựng chính quyền số", nameEn: "Digital government", shortVi: "Chính quyền số", shortEn: "Digital government", max: 14, source: "COMPUTED", components: [
        { ref: "DVCTT", points: 6, scale: "GROUP_SHARE" },
        { ref: "TTTT", points: 4, scale: "GROUP_SHARE" },
        { ref: "SHHS", points: 4, scale: "GROUP_SHARE" },
      ] },
      { code: "PAR8", nameVi: "Mức độ hài lòng, điều tra xã hội học", nameEn: "Satisfaction / survey", shortVi: "Sự hài lòng", shortEn: "Satisfaction", max: 20, source: "COMPUTED", components: [
        { ref: "MDHL", points: 10, scale: "GROUP_SHARE" },
        { ref: "SURVEY", points: 10, scale: "SURVEY" },
      ] },
    ],
    bands: [
      { code: "EXCELLENT", nameVi: "Xuất sắc", nameEn: "Excellent", min: 90 },
      { code: "GOOD", nameVi: "Tốt", nameEn: "Good", min: 80 },
      { code: "FAIR", nameVi: "Khá", nameEn: "Fair", min: 65 },
      { code: "AVERAGE", nameVi: "Trung bình", nameEn: "Average", min: 50 },
      { code: "WEAK", nameVi: "Yếu", nameEn: "Weak", min: 0 },
    ],
  },
  headRating: {
    resultsMax: 70,
    generalMax: 30,
    deductions: [
      { indicator: "R2", threshold: 1, perShortfall: 5 },
      { indicator: "R5", threshold: 0.9, perShortfall: 5 },
    ],
    bands: [
      { code: "EXCELLENT", nameVi: "Hoàn thành xuất sắc nhiệm vụ", nameEn: "Excellent completion", shortVi: "Xuất sắc", shortEn: "Excellent", min: 90 },
      { code: "GOOD", nameVi: "Hoàn thành tốt nhiệm vụ", nameEn: "Good completion", shortVi: "Tốt", shortEn: "Good", min: 70 },
      { code: "COMPLETED", nameVi: "Hoàn thành nhiệm vụ", nameEn: "Completion", shortVi: "Hoàn thành", shortEn: "Completed", min: 50 },
      { code: "NOT_COMPLETED", nameVi: "Không hoàn thành nhiệm vụ", nameEn: "Not completed", shortVi: "Không hoàn thành", shortEn: "Not completed", min: 0 },
    ],
    excellentCap: { share: 0.2, band: "EXCELLENT", eligibleBands: ["EXCELLENT", "GOOD"], demoteTo: "GOOD" },
    minTenureShare: 0.5,
  },
};
