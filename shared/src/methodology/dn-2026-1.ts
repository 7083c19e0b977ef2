/**
 * Methodology `dn-2026.1`: the default version (spec: ../shared/domain/methodology.md §3–6).
 * Every number here is data; items marked `provisional` were not found in an official text.
 */
import type { Band, IndicatorDefinition, Methodology } from "./methodology.js";

const ind = (d: Omit<IndicatorDefinition, "target" | "whenEmpty" | "provisional"> & Partial<IndicatorDefinition>): IndicatorDefinition => ({
  target: 1,
  whenEmpty: "NO_DATA",
  provisional: false,
  ...d,
});

const R = (code: string, nameVi: string, nameEn: string, numerator: string, denominator: string, extra: Partial<IndicatorDefinition> = {}) =>
  ind({ code, nameVi, nameEn, group: null, numerator, denominator, max: null, source: "CASES", ...extra });

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
  sources: [
    "Quyết định 766/QĐ-TTg ngày 23/6/2022 và bộ chỉ số công bố trên Cổng DVCQG (6 nhóm, từ 2024)",
    "Quyết định 876/QĐ-BNV (2022) — cấu trúc Chỉ số CCHC",
    "Nghị định 90/2020, 48/2023, 335/2025 — đánh giá, xếp loại",
    "Chỉ thị 03/CT-UBND tỉnh Đồng Nai ngày 4/4/2024",
  ],
  groups: [
    { code: "CKMB", nameVi: "Công khai, minh bạch", nameEn: "Transparency", max: 18 },
    { code: "TDGQ", nameVi: "Tiến độ giải quyết", nameEn: "Progress", max: 20 },
    { code: "DVCTT", nameVi: "Dịch vụ công trực tuyến", nameEn: "Online service", max: 12 },
    { code: "TTTT", nameVi: "Thanh toán trực tuyến", nameEn: "Online payment", max: 10 },
    { code: "SHHS", nameVi: "Số hóa hồ sơ", nameEn: "Digitisation", max: 22 },
    { code: "MDHL", nameVi: "Mức độ hài lòng", nameEn: "Satisfaction", max: 18 },
  ],
  indicators: [
    // Transparency (18)
    ind({ code: "T1", group: "CKMB", max: 6, source: "CATALOG", nameVi: "TTHC công bố đúng hạn", nameEn: "Procedures published on time",
      numerator: "procedures whose publication decision was dated ≥ 5 working days before the legal basis took effect",
      denominator: "procedures added, amended or repealed by a decision dated in the period",
      notApplicableTo: ["COMMUNE"] }),
    ind({ code: "T2", group: "CKMB", max: 4, source: "CATALOG", nameVi: "TTHC cập nhật, công khai đúng hạn", nameEn: "Procedures updated and made public on time",
      numerator: "procedures made public in the period ≤ 5 working days after the decision",
      denominator: "procedures made public in the period + procedures still not public whose 5-working-day deadline passed by the period end",
      notApplicableTo: ["COMMUNE"] }),
    ind({ code: "T3", group: "CKMB", max: 2, source: "CATALOG", nameVi: "TTHC công khai đầy đủ nội dung", nameEn: "Procedures published with full content",
      numerator: "published procedures with complete content", denominator: "procedures published by the period end",
      notApplicableTo: ["COMMUNE"] }),
    ind({ code: "T4", group: "CKMB", max: 6, source: "CASES", nameVi: "Hồ sơ đồng bộ lên Cổng DVCQG", nameEn: "Dossiers synchronised to the national portal",
      numerator: "cases received in the period with syncedToNationalPortal", denominator: "cases received in the period" }),
    // Progress (20)
    ind({ code: "P1", group: "TDGQ", max: 20, source: "CASES", nameVi: "Hồ sơ xử lý trước hạn, đúng hạn", nameEn: "Dossiers handled early or on time",
      numerator: "in-scope cases EARLY or ON_TIME as of the period end",
      denominator: "in-scope cases with a verdict: EARLY + ON_TIME + LATE + OVERDUE (IN_PROGRESS counted only under the switch inProgressCountsAsOnTime)" }),
    ind({ code: "P2", group: "TDGQ", max: null, source: "CASES", nameVi: "Thời gian giải quyết TTHC trung bình", nameEn: "Average handling time",
      numerator: "working days from receipt to resolution, summed over cases resolved in the period", denominator: "cases resolved in the period",
      note: "shown, not scored; ratio = mean working days" }),
    // Online service (12)
    ind({ code: "O1", group: "DVCTT", max: 2, target: 0.8, provisional: true, source: "CATALOG", nameVi: "TTHC cung cấp DVC trực tuyến", nameEn: "Procedures offered online",
      numerator: "procedures of the unit offered online (partial or full)", denominator: "procedures of the unit", note: "split of the 12 points provisional" }),
    ind({ code: "O2", group: "DVCTT", max: 4, provisional: true, source: "CATALOG", nameVi: "DVC trực tuyến có phát sinh hồ sơ", nameEn: "Online procedures that had online dossiers",
      numerator: "online procedures of the unit with ≥ 1 online case received in the period", denominator: "online procedures of the unit" }),
    ind({ code: "O3", group: "DVCTT", max: 6, target: 0.5, provisional: true, source: "CASES", nameVi: "Hồ sơ nộp trực tuyến", nameEn: "Dossiers submitted online",
      numerator: "cases received in the period on channel ONLINE_FULL or ONLINE_PARTIAL", denominator: "cases received in the period" }),
    // Online payment (10) — score = 6·A + min(2, 2.5·B) + 2.5·C, group capped at 10
    ind({ code: "MA", group: "TTTT", max: 6, whenEmpty: "ZERO", source: "CASES", nameVi: "Hồ sơ thanh toán trực tuyến", nameEn: "Dossiers paid online (A)",
      numerator: "fee-bearing cases received in the period with an online PAYMENT_COMPLETED", denominator: "fee-bearing cases received in the period" }),
    ind({ code: "MB", group: "TTTT", max: 2, target: 0.8, whenEmpty: "ZERO", source: "CATALOG", nameVi: "TTHC có giao dịch thanh toán trực tuyến", nameEn: "Fee-bearing procedures with an online payment (B)",
      numerator: "fee-bearing procedures of the unit with ≥ 1 online payment in the period", denominator: "fee-bearing procedures of the unit",
      note: "min(2, 2.5·B) = 2 × min(1, B / 0.8)" }),
    ind({ code: "MC", group: "TTTT", max: 2.5, whenEmpty: "ZERO", source: "CATALOG", nameVi: "TTHC tích hợp thanh toán", nameEn: "Fee-bearing procedures integrated with payment (C)",
      numerator: "fee-bearing procedures of the unit integrated with the payment platform", denominator: "fee-bearing procedures of the unit" }),
    // Digitisation (22)
    ind({ code: "D1", group: "SHHS", max: 6, source: "CASES", nameVi: "Hồ sơ có kết quả điện tử", nameEn: "Dossiers with an electronic result",
      numerator: "cases resolved in the period needing a result with digitizedResult", denominator: "cases resolved in the period needing a result" }),
    ind({ code: "D2", group: "SHHS", max: 4, provisional: true, source: "CASES", nameVi: "Hồ sơ thực hiện số hóa", nameEn: "Dossiers digitised (inputs and result)",
      numerator: "cases received in the period with digitizedDossier and, when a result is required, digitizedResult", denominator: "cases received in the period",
      note: "target 100% (80% in one source)" }),
    ind({ code: "D3", group: "SHHS", max: 2, source: "MANUAL", nameVi: "Chứng thực bản sao điện tử từ bản chính", nameEn: "Certified electronic copies",
      numerator: "entered by Home Affairs", denominator: "entered by Home Affairs" }),
    ind({ code: "D4", group: "SHHS", max: 2, target: 0.8, source: "CASES", nameVi: "Hồ sơ khai thác, sử dụng lại dữ liệu số hóa", nameEn: "Dossiers reusing digitised data",
      numerator: "cases received in the period with reusedData", denominator: "cases received in the period" }),
    ind({ code: "D5", group: "SHHS", max: 4, source: "CASES", nameVi: "Hồ sơ kết nối kho dữ liệu cá nhân", nameEn: "Dossiers linked to the personal data store",
      numerator: "cases received in the period with personalDataStore", denominator: "cases received in the period" }),
    ind({ code: "D6A", group: "SHHS", max: 2, source: "CASES", nameVi: "Hồ sơ sử dụng CSDLQG về dân cư", nameEn: "Dossiers using the population database",
      numerator: "cases received in the period with populationDatabase", denominator: "cases received in the period" }),
    ind({ code: "D6B", group: "SHHS", max: 2, source: "CATALOG", nameVi: "TTHC kết nối CSDLQG về dân cư", nameEn: "Procedures connected to the population database",
      numerator: "procedures of the unit connected to the population database", denominator: "procedures of the unit" }),
    // Satisfaction (18)
    ind({ code: "S1", group: "MDHL", max: 6, whenEmpty: "FULL", source: "COMPLAINTS", nameVi: "Tiến độ xử lý phản ánh, kiến nghị", nameEn: "Complaints handled on time",
      numerator: "complaints received in the period accepted/refused within 2 and handled within 15 working days",
      denominator: "complaints received in the period with a verdict (handled, refused, or past a deadline)" }),
    ind({ code: "S2", group: "MDHL", max: 6, whenEmpty: "FULL", source: "COMPLAINTS", nameVi: "Hài lòng trong xử lý phản ánh, kiến nghị", nameEn: "Complaint handling satisfaction",
      numerator: "complaints received in the period that are none of: disliked, re-complained, overdue", denominator: "complaints received in the period" }),
    ind({ code: "S3", group: "MDHL", max: 6, target: 0.9, whenEmpty: "ZERO", source: "CASES", nameVi: "Hài lòng trong tiếp nhận, giải quyết TTHC", nameEn: "Satisfaction in receiving and resolving dossiers",
      numerator: "cases received in the period with neither a complaint nor a 'not satisfied' rating", denominator: "cases received in the period",
      note: "ratio r = max(0, 1 − R1 − S3A); points = min(6, 6 × r / 0.90)" }),
    ind({ code: "S3A", group: "MDHL", max: null, source: "CASES", nameVi: "Hồ sơ có phản ánh hoặc không hài lòng", nameEn: "Cases with a complaint or a 'not satisfied' rating",
      numerator: "cases received in the period with a complaint naming them or a 'not satisfied' rating", denominator: "cases received in the period",
      note: "shown, not scored; input of S3", lowerIsBetter: true }),
    // Responsibility (Directive 03) — shown beside the index, not part of it
    R("R1", "Tỷ lệ hồ sơ trễ hạn", "Late rate", "in-scope LATE + OVERDUE", "in-scope cases with a verdict (as P1)", { lowerIsBetter: true }),
    R("R2", "Tỷ lệ hồ sơ trễ hạn có thư xin lỗi", "Apology coverage", "late cases (R1 numerator) with APOLOGY_ISSUED before the period end", "late cases (R1 numerator)"),
    R("R3", "Tỷ lệ hồ sơ bị trả lại, dừng xử lý", "Refusal and stop rate", "cases received in the period REFUSED or STOPPED by its end", "cases received in the period", { lowerIsBetter: true }),
    R("R4", "Tỷ lệ hồ sơ yêu cầu bổ sung nhiều lần", "Repeated supplement rate", "cases received in the period with > 1 SUPPLEMENT_REQUESTED", "cases received in the period", { lowerIsBetter: true }),
    R("R5", "Tỷ lệ trả lời lấy ý kiến đúng hạn", "Consultation timeliness (as the consulted unit)",
      "in-scope consultations of this unit answered on or before the step due date", "in-scope consultations of this unit with a verdict (answered, or unanswered past due)", { source: "CONSULTATIONS" }),
    R("R5D", "Số ngày trễ bình quân khi trả lời lấy ý kiến", "Mean working days late of consultation answers",
      "working days late, summed over late and overdue consultations of this unit", "late and overdue consultations of this unit", { source: "CONSULTATIONS", lowerIsBetter: true }),
    R("R6", "Số đơn vị được lấy ý kiến bình quân", "Consultation load (as the lead unit)",
      "distinct consulted units, summed over inter-agency cases received in the period", "cases received in the period with ≥ 1 CONSULT_REQUESTED", { lowerIsBetter: true }),
    R("R7", "Phân định trách nhiệm chậm trễ", "Delay attribution",
      "working days this unit overran its steps on in-scope late cases (see facts/delay-attribution.md)", "working days overrun by all units of the province", { lowerIsBetter: true }),
    R("R8", "Phản ánh, kiến nghị trên 1.000 hồ sơ", "Complaints per 1,000 dossiers", "complaints received in the period naming the unit", "cases received in the period",
      { source: "COMPLAINTS", lowerIsBetter: true, displayScale: 1000 }),
    R("R9_R1", "Lĩnh vực phức tạp: tỷ lệ trễ hạn", "Complex fields: late rate", "R1 numerator, complex fields only", "R1 denominator, complex fields only", { lowerIsBetter: true }),
    R("R9_R2", "Lĩnh vực phức tạp: thư xin lỗi", "Complex fields: apology coverage", "R2 numerator, complex fields only", "R2 denominator, complex fields only"),
    R("R9_R3", "Lĩnh vực phức tạp: trả lại, dừng", "Complex fields: refusal and stop rate", "R3 numerator, complex fields only", "R3 denominator, complex fields only", { lowerIsBetter: true }),
    R("R9_R4", "Lĩnh vực phức tạp: bổ sung nhiều lần", "Complex fields: repeated supplement rate", "R4 numerator, complex fields only", "R4 denominator, complex fields only", { lowerIsBetter: true }),
  ],
  bands: SERVICE_BANDS,
  rankedTiers: ["DEPARTMENT", "DISTRICT", "COMMUNE"],
  switches: { inProgressCountsAsOnTime: false, notApplicableFullPoints: true },
  complaints: { acceptWithinWorkingDays: 2, handleWithinWorkingDays: 15 },
  reformIndex: {
    provisional: true,
    defaultDeductionCriterion: "PAR5",
    criteria: [
      { code: "PAR1", nameVi: "Công tác chỉ đạo, điều hành CCHC", nameEn: "Direction and administration of reform", max: 10, source: "MANUAL" },
      { code: "PAR2", nameVi: "Cải cách thể chế", nameEn: "Institutional reform", max: 8, source: "MANUAL" },
      { code: "PAR3", nameVi: "Cải cách thủ tục hành chính", nameEn: "Administrative procedure reform", max: 22, source: "COMPUTED", components: [
        { ref: "P1", points: 8, scale: "POINTS_SHARE" },
        { ref: "R2", points: 4, scale: "RATIO" },
        { ref: "R3+R4", points: 4, scale: "ONE_MINUS_RATIO_SUM", refs: ["R3", "R4"] },
        { ref: "R5", points: 4, scale: "RATIO" },
        { ref: "S3", points: 2, scale: "POINTS_SHARE" },
      ] },
      { code: "PAR4", nameVi: "Cải cách tổ chức bộ máy", nameEn: "Organisational reform", max: 8, source: "MANUAL" },
      { code: "PAR5", nameVi: "Cải cách chế độ công vụ", nameEn: "Civil service reform", max: 12, source: "MANUAL" },
      { code: "PAR6", nameVi: "Cải cách tài chính công", nameEn: "Public finance reform", max: 6, source: "MANUAL" },
      { code: "PAR7", nameVi: "Xây dựng chính quyền số", nameEn: "Digital government", max: 14, source: "COMPUTED", components: [
        { ref: "DVCTT", points: 6, scale: "GROUP_SHARE" },
        { ref: "TTTT", points: 4, scale: "GROUP_SHARE" },
        { ref: "SHHS", points: 4, scale: "GROUP_SHARE" },
      ] },
      { code: "PAR8", nameVi: "Mức độ hài lòng, điều tra xã hội học", nameEn: "Satisfaction / survey", max: 20, source: "COMPUTED", components: [
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
      { code: "EXCELLENT", nameVi: "Hoàn thành xuất sắc nhiệm vụ", nameEn: "Excellent completion", min: 90 },
      { code: "GOOD", nameVi: "Hoàn thành tốt nhiệm vụ", nameEn: "Good completion", min: 70 },
      { code: "COMPLETED", nameVi: "Hoàn thành nhiệm vụ", nameEn: "Completion", min: 50 },
      { code: "NOT_COMPLETED", nameVi: "Không hoàn thành nhiệm vụ", nameEn: "Not completed", min: 0 },
    ],
    excellentCap: { share: 0.2, band: "EXCELLENT", eligibleBands: ["EXCELLENT", "GOOD"], demoteTo: "GOOD" },
    minTenureShare: 0.5,
  },
};

export const METHODOLOGIES: Readonly<Record<string, Methodology>> = { [DN_2026_1.id]: DN_2026_1 };
export const DEFAULT_METHODOLOGY_ID = DN_2026_1.id;
