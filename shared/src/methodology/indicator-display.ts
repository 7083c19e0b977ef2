/**
 * How each indicator is shown (issue 19): long and short names, unit of measure, direction, and
 * what its numerator and denominator count — in Vietnamese (the interface's first language) and
 * English, written for citizens. The rules themselves (points, targets, how the counts are taken)
 * are in the version files (dn-2026-1.ts, …); a version whose indicator changes meaning overrides
 * its entry here.
 *
 * Wording: the numerator is always a subset of the denominator's population, except for the
 * means (P2, R5D, R6: a sum over the denominator's items) and R7 (a unit's part of a province total).
 */
import type { IndicatorDisplay, BilingualText } from "./methodology.js";

const RECEIVED: BilingualText = { vi: "Số hồ sơ tiếp nhận trong kỳ", en: "Dossiers received in the period" };
const JUDGED: BilingualText = {
  vi: "Số hồ sơ đã xác định được tiến độ tính đến cuối kỳ (trước hạn, đúng hạn, trễ hạn, hoặc chưa giải quyết nhưng đã quá hạn), gồm hồ sơ tiếp nhận trong kỳ và hồ sơ kỳ trước chuyển sang",
  en: "Dossiers whose timeliness is known at the end of the period (early, on time, late, or still open past the due date), counting those received in the period and those carried over from earlier periods",
};
const LATE: BilingualText = {
  vi: "Số hồ sơ giải quyết trễ hạn, cộng số hồ sơ chưa giải quyết nhưng đã quá hạn",
  en: "Dossiers handled late, plus dossiers still open past their due date",
};
const PROCEDURES: BilingualText = { vi: "Số thủ tục hành chính của đơn vị", en: "Administrative procedures of the unit" };
const FEE_PROCEDURES: BilingualText = { vi: "Số thủ tục có thu phí, lệ phí của đơn vị", en: "Fee-bearing procedures of the unit" };
const COMPLAINTS: BilingualText = { vi: "Số phản ánh, kiến nghị tiếp nhận trong kỳ", en: "Complaints received in the period" };
const COMPLEX: BilingualText = {
  vi: "thuộc các lĩnh vực đầu tư, đất đai, xây dựng và kinh doanh có điều kiện",
  en: "in the fields of investment, land, construction and conditional business licensing",
};

type Entry = IndicatorDisplay;

const percentUp = { unitOfMeasure: "percent", direction: "higherIsBetter" } as const;
const percentDown = { unitOfMeasure: "percent", direction: "lowerIsBetter" } as const;

export const INDICATOR_DISPLAY: Readonly<Record<string, Entry>> = {
  T1: {
    nameVi: "TTHC công bố đúng hạn",
    nameEn: "Procedures published on time",
    shortVi: "Công bố đúng hạn",
    shortEn: "Published on time",
    ...percentUp,
    numerator: {
      vi: "Số thủ tục hành chính có quyết định công bố được ban hành đúng hạn, tức là ít nhất 5 ngày làm việc trước ngày văn bản quy định có hiệu lực",
      en: "Procedures whose publication decision was issued on time, that is at least 5 working days before the regulation behind it took effect",
    },
    denominator: {
      vi: "Số thủ tục hành chính được ban hành mới, sửa đổi, bổ sung hoặc bãi bỏ theo quyết định ký trong kỳ",
      en: "Procedures added, amended or repealed by a decision signed in the period",
    },
  },
  T2: {
    nameVi: "TTHC cập nhật, công khai đúng hạn",
    nameEn: "Procedures updated and made public on time",
    shortVi: "Công khai đúng hạn",
    shortEn: "Made public on time",
    ...percentUp,
    numerator: {
      vi: "Số thủ tục hành chính được công khai trong kỳ, chậm nhất 5 ngày làm việc sau ngày có quyết định công bố",
      en: "Procedures made public in the period within 5 working days of their publication decision",
    },
    denominator: {
      vi: "Số thủ tục hành chính được công khai trong kỳ, cộng số thủ tục đã quá thời hạn 5 ngày làm việc mà đến cuối kỳ vẫn chưa được công khai",
      en: "Procedures made public in the period, plus procedures still not public at the end of the period although their 5-working-day deadline has passed",
    },
  },
  T3: {
    nameVi: "TTHC công khai đầy đủ nội dung",
    nameEn: "Procedures published with full content",
    shortVi: "Công khai đầy đủ",
    shortEn: "Full content",
    ...percentUp,
    numerator: {
      vi: "Số thủ tục hành chính đã công khai với đầy đủ các nội dung theo quy định",
      en: "Published procedures that show every item of content the rules require",
    },
    denominator: { vi: "Số thủ tục hành chính đã được công khai tính đến cuối kỳ", en: "Procedures published by the end of the period" },
  },
  T4: {
    nameVi: "Hồ sơ đồng bộ lên Cổng DVCQG",
    nameEn: "Dossiers synchronised to the national portal",
    shortVi: "Đồng bộ Cổng quốc gia",
    shortEn: "Synced to portal",
    ...percentUp,
    numerator: {
      vi: "Số hồ sơ tiếp nhận trong kỳ đã được đồng bộ lên Cổng Dịch vụ công quốc gia",
      en: "Dossiers received in the period that were synchronised to the National Public Service Portal",
    },
    denominator: RECEIVED,
  },
  P1: {
    nameVi: "Hồ sơ xử lý trước hạn, đúng hạn",
    nameEn: "Dossiers handled early or on time",
    shortVi: "Đúng hạn",
    shortEn: "On time",
    ...percentUp,
    numerator: {
      vi: "Số hồ sơ đã giải quyết trước hạn hoặc đúng hạn, tính đến cuối kỳ",
      en: "Dossiers handled early or on time, as of the end of the period",
    },
    denominator: JUDGED,
  },
  P2: {
    nameVi: "Thời gian giải quyết TTHC trung bình",
    nameEn: "Average handling time",
    shortVi: "Thời gian giải quyết",
    shortEn: "Handling time",
    unitOfMeasure: "workingDays",
    direction: "lowerIsBetter",
    numerator: {
      vi: "Tổng số ngày làm việc từ khi tiếp nhận đến khi có kết quả, cộng trên các hồ sơ giải quyết xong trong kỳ",
      en: "Working days from receipt to result, added up over the dossiers completed in the period",
    },
    denominator: { vi: "Số hồ sơ giải quyết xong trong kỳ", en: "Dossiers completed in the period" },
  },
  O1: {
    nameVi: "TTHC cung cấp DVC trực tuyến",
    nameEn: "Procedures offered online",
    shortVi: "Thủ tục trực tuyến",
    shortEn: "Offered online",
    ...percentUp,
    numerator: {
      vi: "Số thủ tục hành chính của đơn vị được cung cấp dịch vụ công trực tuyến, một phần hoặc toàn trình",
      en: "Procedures of the unit offered as an online public service, partly or fully online",
    },
    denominator: PROCEDURES,
  },
  O2: {
    nameVi: "DVC trực tuyến có phát sinh hồ sơ",
    nameEn: "Online procedures that had online dossiers",
    shortVi: "Có hồ sơ trực tuyến",
    shortEn: "Used online",
    ...percentUp,
    numerator: {
      vi: "Số thủ tục có dịch vụ công trực tuyến đã nhận được ít nhất một hồ sơ nộp trực tuyến trong kỳ",
      en: "Procedures offered online that received at least one online dossier in the period",
    },
    denominator: { vi: "Số thủ tục hành chính của đơn vị có cung cấp dịch vụ công trực tuyến", en: "Procedures of the unit offered online" },
  },
  O3: {
    nameVi: "Hồ sơ nộp trực tuyến",
    nameEn: "Dossiers submitted online",
    shortVi: "Nộp trực tuyến",
    shortEn: "Filed online",
    ...percentUp,
    numerator: {
      vi: "Số hồ sơ tiếp nhận trong kỳ được nộp trực tuyến, một phần hoặc toàn trình",
      en: "Dossiers received in the period that were submitted online, partly or fully",
    },
    denominator: RECEIVED,
  },
  MA: {
    nameVi: "Hồ sơ thanh toán trực tuyến",
    nameEn: "Dossiers paid online (A)",
    shortVi: "Thanh toán trực tuyến",
    shortEn: "Paid online",
    ...percentUp,
    numerator: {
      vi: "Số hồ sơ có thu phí, lệ phí tiếp nhận trong kỳ đã được thanh toán trực tuyến",
      en: "Fee-bearing dossiers received in the period that were paid online",
    },
    denominator: { vi: "Số hồ sơ có thu phí, lệ phí tiếp nhận trong kỳ", en: "Fee-bearing dossiers received in the period" },
  },
  MB: {
    nameVi: "TTHC có giao dịch thanh toán trực tuyến",
    nameEn: "Fee-bearing procedures with an online payment (B)",
    shortVi: "Thủ tục có thanh toán",
    shortEn: "With online payments",
    ...percentUp,
    numerator: {
      vi: "Số thủ tục có thu phí, lệ phí của đơn vị có ít nhất một giao dịch thanh toán trực tuyến trong kỳ",
      en: "Fee-bearing procedures of the unit with at least one online payment in the period",
    },
    denominator: FEE_PROCEDURES,
  },
  MC: {
    nameVi: "TTHC tích hợp thanh toán",
    nameEn: "Fee-bearing procedures integrated with payment (C)",
    shortVi: "Tích hợp thanh toán",
    shortEn: "Payment integrated",
    ...percentUp,
    numerator: {
      vi: "Số thủ tục có thu phí, lệ phí của đơn vị đã được tích hợp với nền tảng thanh toán trực tuyến",
      en: "Fee-bearing procedures of the unit integrated with the online payment platform",
    },
    denominator: FEE_PROCEDURES,
  },
  D1: {
    nameVi: "Hồ sơ có kết quả điện tử",
    nameEn: "Dossiers with an electronic result",
    shortVi: "Kết quả điện tử",
    shortEn: "E-result",
    ...percentUp,
    numerator: {
      vi: "Số hồ sơ giải quyết xong trong kỳ được trả kết quả bản điện tử",
      en: "Dossiers completed in the period whose result was issued in electronic form",
    },
    denominator: {
      vi: "Số hồ sơ giải quyết xong trong kỳ thuộc các thủ tục có trả kết quả",
      en: "Dossiers completed in the period for procedures that issue a result",
    },
  },
  D2: {
    nameVi: "Hồ sơ thực hiện số hóa",
    nameEn: "Dossiers digitised (inputs and result)",
    shortVi: "Số hóa hồ sơ",
    shortEn: "Digitised",
    ...percentUp,
    numerator: {
      vi: "Số hồ sơ tiếp nhận trong kỳ đã được số hóa giấy tờ nộp kèm, và số hóa cả kết quả nếu thủ tục có trả kết quả",
      en: "Dossiers received in the period whose documents were digitised, and whose result was digitised too when the procedure issues one",
    },
    denominator: RECEIVED,
  },
  D3: {
    nameVi: "Chứng thực bản sao điện tử từ bản chính",
    nameEn: "Certified electronic copies",
    shortVi: "Chứng thực điện tử",
    shortEn: "E-certified copies",
    ...percentUp,
    numerator: {
      vi: "Số yêu cầu chứng thực bản sao từ bản chính được thực hiện dưới dạng bản sao điện tử, do Sở Nội vụ cập nhật",
      en: "Requests to certify a copy from the original that were done as electronic copies, as entered by the Department of Home Affairs",
    },
    denominator: {
      vi: "Tổng số yêu cầu chứng thực bản sao từ bản chính, do Sở Nội vụ cập nhật",
      en: "All requests to certify a copy from the original, as entered by the Department of Home Affairs",
    },
  },
  D4: {
    nameVi: "Hồ sơ khai thác, sử dụng lại dữ liệu số hóa",
    nameEn: "Dossiers reusing digitised data",
    shortVi: "Dùng lại dữ liệu",
    shortEn: "Data reused",
    ...percentUp,
    numerator: {
      vi: "Số hồ sơ tiếp nhận trong kỳ có khai thác, sử dụng lại thông tin, giấy tờ đã được số hóa trước đó",
      en: "Dossiers received in the period that reused information or documents digitised before",
    },
    denominator: RECEIVED,
  },
  D5: {
    nameVi: "Hồ sơ kết nối kho dữ liệu cá nhân",
    nameEn: "Dossiers linked to the personal data store",
    shortVi: "Kho dữ liệu cá nhân",
    shortEn: "Personal data store",
    ...percentUp,
    numerator: {
      vi: "Số hồ sơ tiếp nhận trong kỳ được kết nối với kho quản lý dữ liệu điện tử của người nộp",
      en: "Dossiers received in the period linked to the applicant's electronic data store",
    },
    denominator: RECEIVED,
  },
  D6A: {
    nameVi: "Hồ sơ sử dụng CSDLQG về dân cư",
    nameEn: "Dossiers using the population database",
    shortVi: "Dùng dữ liệu dân cư",
    shortEn: "Population data used",
    ...percentUp,
    numerator: {
      vi: "Số hồ sơ tiếp nhận trong kỳ có khai thác thông tin từ Cơ sở dữ liệu quốc gia về dân cư",
      en: "Dossiers received in the period that drew on the national population database",
    },
    denominator: RECEIVED,
  },
  D6B: {
    nameVi: "TTHC kết nối CSDLQG về dân cư",
    nameEn: "Procedures connected to the population database",
    shortVi: "Kết nối dữ liệu dân cư",
    shortEn: "Population data linked",
    ...percentUp,
    numerator: {
      vi: "Số thủ tục hành chính của đơn vị đã được kết nối với Cơ sở dữ liệu quốc gia về dân cư",
      en: "Procedures of the unit connected to the national population database",
    },
    denominator: PROCEDURES,
  },
  S1: {
    nameVi: "Tiến độ xử lý phản ánh, kiến nghị",
    nameEn: "Complaints handled on time",
    shortVi: "Xử lý phản ánh đúng hạn",
    shortEn: "Complaints on time",
    ...percentUp,
    numerator: {
      vi: "Số phản ánh, kiến nghị tiếp nhận trong kỳ được tiếp nhận hoặc từ chối tiếp nhận trong 2 ngày làm việc và xử lý xong trong 15 ngày làm việc",
      en: "Complaints received in the period that were accepted or refused within 2 working days and dealt with within 15 working days",
    },
    denominator: {
      vi: "Số phản ánh, kiến nghị tiếp nhận trong kỳ đã xử lý xong, đã bị từ chối hoặc đã quá hạn",
      en: "Complaints received in the period that were dealt with, refused, or are past a deadline",
    },
  },
  S2: {
    nameVi: "Hài lòng trong xử lý phản ánh, kiến nghị",
    nameEn: "Complaint handling satisfaction",
    shortVi: "Hài lòng xử lý phản ánh",
    shortEn: "Complaint satisfaction",
    ...percentUp,
    numerator: {
      vi: "Số phản ánh, kiến nghị tiếp nhận trong kỳ không bị người dân đánh giá không hài lòng, không bị phản ánh lại và không bị quá hạn xử lý",
      en: "Complaints received in the period that the citizen did not rate as unsatisfactory, did not raise again, and that did not run past their deadline",
    },
    denominator: COMPLAINTS,
  },
  S3: {
    nameVi: "Hài lòng trong tiếp nhận, giải quyết TTHC",
    nameEn: "Satisfaction in receiving and resolving dossiers",
    shortVi: "Hài lòng giải quyết hồ sơ",
    shortEn: "Dossier satisfaction",
    ...percentUp,
    numerator: {
      vi: "Số hồ sơ tiếp nhận trong kỳ không bị phản ánh, kiến nghị và không bị đánh giá không hài lòng; tỷ lệ dùng để tính điểm còn trừ thêm tỷ lệ hồ sơ trễ hạn",
      en: "Dossiers received in the period that drew neither a complaint nor an unsatisfied rating; the rate used for the points also subtracts the late rate",
    },
    denominator: RECEIVED,
  },
  S3A: {
    nameVi: "Hồ sơ có phản ánh hoặc không hài lòng",
    nameEn: "Cases with a complaint or a 'not satisfied' rating",
    shortVi: "Phản ánh, không hài lòng",
    shortEn: "Complaint or unsatisfied",
    ...percentDown,
    numerator: {
      vi: "Số hồ sơ tiếp nhận trong kỳ bị phản ánh, kiến nghị hoặc bị người dân đánh giá không hài lòng",
      en: "Dossiers received in the period that drew a complaint or an unsatisfied rating from the applicant",
    },
    denominator: RECEIVED,
  },
  R1: {
    nameVi: "Tỷ lệ hồ sơ trễ hạn",
    nameEn: "Late rate",
    shortVi: "Trễ hạn",
    shortEn: "Late",
    ...percentDown,
    numerator: LATE,
    denominator: JUDGED,
  },
  R2: {
    nameVi: "Tỷ lệ hồ sơ trễ hạn có thư xin lỗi",
    nameEn: "Apology coverage",
    shortVi: "Có thư xin lỗi",
    shortEn: "Apologised",
    ...percentUp,
    numerator: {
      vi: "Số hồ sơ trễ hạn đã có thư xin lỗi gửi người nộp trước cuối kỳ",
      en: "Late dossiers for which a letter of apology was sent to the applicant before the end of the period",
    },
    denominator: LATE,
  },
  R3: {
    nameVi: "Tỷ lệ hồ sơ bị trả lại, dừng xử lý",
    nameEn: "Refusal and stop rate",
    shortVi: "Trả lại, dừng xử lý",
    shortEn: "Returned or stopped",
    ...percentDown,
    numerator: {
      vi: "Số hồ sơ tiếp nhận trong kỳ đã bị trả lại hoặc dừng xử lý tính đến cuối kỳ",
      en: "Dossiers received in the period that had been returned or stopped by its end",
    },
    denominator: RECEIVED,
  },
  R4: {
    nameVi: "Tỷ lệ hồ sơ yêu cầu bổ sung nhiều lần",
    nameEn: "Repeated supplement rate",
    shortVi: "Bổ sung nhiều lần",
    shortEn: "Repeat requests",
    ...percentDown,
    numerator: {
      vi: "Số hồ sơ tiếp nhận trong kỳ bị yêu cầu bổ sung giấy tờ từ hai lần trở lên",
      en: "Dossiers received in the period for which additional documents were requested twice or more",
    },
    denominator: RECEIVED,
  },
  R5: {
    nameVi: "Tỷ lệ trả lời lấy ý kiến đúng hạn",
    nameEn: "Consultation timeliness (as the consulted unit)",
    shortVi: "Trả lời ý kiến đúng hạn",
    shortEn: "Consultations on time",
    ...percentUp,
    numerator: {
      vi: "Số lượt đơn vị được cơ quan khác lấy ý kiến và đã trả lời đúng hoặc trước thời hạn",
      en: "Requests from other agencies for the unit's opinion that it answered by the due date",
    },
    denominator: {
      vi: "Số lượt đơn vị được lấy ý kiến đã có thể đánh giá: đã trả lời, hoặc chưa trả lời nhưng đã quá hạn",
      en: "Requests for the unit's opinion that can be judged: answered, or unanswered past the due date",
    },
  },
  R5D: {
    nameVi: "Số ngày trễ bình quân khi trả lời lấy ý kiến",
    nameEn: "Mean working days late of consultation answers",
    shortVi: "Số ngày trả lời trễ",
    shortEn: "Days late (consultations)",
    unitOfMeasure: "workingDays",
    direction: "lowerIsBetter",
    numerator: {
      vi: "Tổng số ngày làm việc bị trễ, cộng trên các lượt lấy ý kiến mà đơn vị trả lời trễ hoặc chưa trả lời dù đã quá hạn",
      en: "Working days late, added up over the requests for the unit's opinion that it answered late or left unanswered past the due date",
    },
    denominator: {
      vi: "Số lượt lấy ý kiến mà đơn vị trả lời trễ hoặc chưa trả lời dù đã quá hạn",
      en: "Requests for the unit's opinion that it answered late or left unanswered past the due date",
    },
  },
  R6: {
    nameVi: "Số đơn vị được lấy ý kiến bình quân",
    nameEn: "Consultation load (as the lead unit)",
    shortVi: "Số cơ quan phối hợp",
    shortEn: "Agencies consulted",
    unitOfMeasure: "unitsPerCase",
    direction: "lowerIsBetter",
    numerator: {
      vi: "Tổng số cơ quan, đơn vị được lấy ý kiến (mỗi cơ quan chỉ tính một lần trên một hồ sơ), cộng trên các hồ sơ tiếp nhận trong kỳ có lấy ý kiến",
      en: "Agencies consulted (each counted once per dossier), added up over the dossiers received in the period that needed a consultation",
    },
    denominator: {
      vi: "Số hồ sơ tiếp nhận trong kỳ có lấy ý kiến của ít nhất một cơ quan, đơn vị khác",
      en: "Dossiers received in the period on which at least one other agency was consulted",
    },
  },
  R7: {
    nameVi: "Phân định trách nhiệm chậm trễ",
    nameEn: "Delay attribution",
    shortVi: "Tỷ lệ gây chậm trễ",
    shortEn: "Share of delays",
    unitOfMeasure: "share",
    direction: "lowerIsBetter",
    numerator: {
      vi: "Số ngày làm việc đơn vị xử lý vượt thời gian được giao cho phần việc của mình, trên các hồ sơ trễ hạn",
      en: "Working days by which the unit overran the time allotted to its own steps, on late dossiers",
    },
    denominator: {
      vi: "Tổng số ngày làm việc vượt thời gian được giao của mọi cơ quan, đơn vị trong tỉnh, trên các hồ sơ trễ hạn",
      en: "Working days overrun by all agencies of the province, on late dossiers",
    },
  },
  R8: {
    nameVi: "Phản ánh, kiến nghị trên 1.000 hồ sơ",
    nameEn: "Complaints per 1,000 dossiers",
    shortVi: "Phản ánh/1.000 hồ sơ",
    shortEn: "Complaints/1,000",
    unitOfMeasure: "perThousand",
    direction: "lowerIsBetter",
    numerator: { vi: "Số phản ánh, kiến nghị tiếp nhận trong kỳ liên quan đến đơn vị", en: "Complaints received in the period about the unit" },
    denominator: RECEIVED,
  },
  R9_R1: {
    nameVi: "Lĩnh vực phức tạp: tỷ lệ trễ hạn",
    nameEn: "Complex fields: late rate",
    shortVi: "Phức tạp: trễ hạn",
    shortEn: "Complex: late",
    ...percentDown,
    numerator: { vi: `${LATE.vi}, ${COMPLEX.vi}`, en: `${LATE.en}, ${COMPLEX.en}` },
    denominator: {
      vi: `Số hồ sơ ${COMPLEX.vi} đã xác định được tiến độ tính đến cuối kỳ, gồm hồ sơ tiếp nhận trong kỳ và hồ sơ kỳ trước chuyển sang`,
      en: `Dossiers ${COMPLEX.en} whose timeliness is known at the end of the period, counting those received in the period and those carried over`,
    },
  },
  R9_R2: {
    nameVi: "Lĩnh vực phức tạp: thư xin lỗi",
    nameEn: "Complex fields: apology coverage",
    shortVi: "Phức tạp: thư xin lỗi",
    shortEn: "Complex: apologised",
    ...percentUp,
    numerator: { vi: `Số hồ sơ trễ hạn ${COMPLEX.vi} đã có thư xin lỗi gửi người nộp trước cuối kỳ`, en: `Late dossiers ${COMPLEX.en} for which a letter of apology was sent before the end of the period` },
    denominator: { vi: `Số hồ sơ trễ hạn ${COMPLEX.vi}`, en: `Late dossiers ${COMPLEX.en}` },
  },
  R9_R3: {
    nameVi: "Lĩnh vực phức tạp: trả lại, dừng",
    nameEn: "Complex fields: refusal and stop rate",
    shortVi: "Phức tạp: trả lại, dừng",
    shortEn: "Complex: returned",
    ...percentDown,
    numerator: {
      vi: `Số hồ sơ ${COMPLEX.vi} tiếp nhận trong kỳ đã bị trả lại hoặc dừng xử lý tính đến cuối kỳ`,
      en: `Dossiers ${COMPLEX.en} received in the period that had been returned or stopped by its end`,
    },
    denominator: { vi: `Số hồ sơ ${COMPLEX.vi} tiếp nhận trong kỳ`, en: `Dossiers ${COMPLEX.en} received in the period` },
  },
  R9_R4: {
    nameVi: "Lĩnh vực phức tạp: bổ sung nhiều lần",
    nameEn: "Complex fields: repeated supplement rate",
    shortVi: "Phức tạp: bổ sung",
    shortEn: "Complex: repeat requests",
    ...percentDown,
    numerator: {
      vi: `Số hồ sơ ${COMPLEX.vi} tiếp nhận trong kỳ bị yêu cầu bổ sung giấy tờ từ hai lần trở lên`,
      en: `Dossiers ${COMPLEX.en} received in the period for which additional documents were requested twice or more`,
    },
    denominator: { vi: `Số hồ sơ ${COMPLEX.vi} tiếp nhận trong kỳ`, en: `Dossiers ${COMPLEX.en} received in the period` },
  },
};

/**
 * The display entry of an indicator code; throws for a code without one (a version's data is
 * built at load time, so a missing entry fails every test at once).
 */
export function indicatorDisplay(code: string): IndicatorDisplay {
  const d = INDICATOR_DISPLAY[code];
  if (d === undefined) throw new Error(`indicator ${code} has no display entry (shared/src/methodology/indicator-display.ts)`);
  return d;
}
