/**
 * Words of the pages loaded on demand (login, scorecard, overview, methodology, report, Home
 * Affairs), kept out of the first page's chunk. Same rule as i18n.ts: English is typed by the
 * Vietnamese interface, so a missing key fails the typecheck. Numbers and dates go through format.ts.
 */
import type { Lang } from "./i18n.js";

export interface PageMessages {
  readonly login: {
    readonly title: string;
    readonly lead: string;
    readonly roleHeading: string;
    readonly signInAs: (name: string) => string;
    readonly expired: string;
    readonly failed: string;
    readonly ttl: (minutes: number) => string;
    readonly signedIn: (name: string) => string;
  };
  readonly common: {
    readonly code: string;
    readonly indicator: string;
    readonly numerator: string;
    readonly denominator: string;
    readonly ratio: string;
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
  };
  readonly scorecard: {
    readonly title: string;
    readonly rankOf: (rank: string, n: string) => string;
    readonly totalOf: (max: string) => string;
    readonly vsPrevious: (period: string) => string;
    readonly groupsTitle: string;
    readonly groupsDerived: string;
    readonly indicatorsTitle: string;
    readonly responsibilityTitle: string;
    readonly responsibilityLead: string;
    readonly countsTitle: string;
    readonly casesLink: (n: string) => string;
    readonly allCases: string;
    readonly warningsTitle: string;
    readonly warningsLead: string;
    readonly overdueNow: string;
    readonly dueSoon: (until: string) => string;
    readonly noWarnings: string;
    readonly noneInList: string;
    readonly warningsAsOf: string;
    readonly received: string;
    readonly due: string;
    readonly field: string;
    readonly caseId: string;
    readonly procedure: string;
    readonly notInData: string;
    readonly trend: {
      readonly title: (year: string) => string;
      readonly lead: string;
      readonly caption: (unit: string, year: string) => string;
      readonly chartLabel: (unit: string, year: string, months: string) => string;
      readonly month: string;
      readonly total: string;
      readonly rank: string;
      readonly p1: string;
      readonly p1Axis: string;
      readonly scoredAs: string;
      readonly via: (unitId: string) => string;
      readonly viaNote: string;
      readonly empty: (year: string) => string;
    };
  };
  readonly cases: {
    readonly title: (unit: string) => string;
    readonly lead: string;
    readonly statusFilter: string;
    readonly all: string;
    readonly count: (n: string) => string;
    readonly back: string;
    readonly end: string;
    readonly supplements: string;
    readonly status: string;
    readonly rule: string;
    readonly rules: Readonly<Record<string, string>>;
    readonly statuses: Readonly<Record<string, string>>;
    readonly empty: string;
  };
  readonly overview: {
    readonly title: string;
    readonly lead: string;
    readonly totalsTitle: string;
    readonly inScope: string;
    readonly onTimeRate: string;
    readonly rankingTitle: (tier: string) => string;
    readonly movement: string;
    readonly lateTitle: string;
    readonly lateLead: string;
    readonly warningsTitle: string;
    readonly warningsLead: string;
    readonly overdueNow: string;
    readonly dueSoon: string;
    readonly r7Title: string;
    readonly r7Lead: string;
    readonly overrunShare: string;
    readonly r5Title: string;
    readonly r5Lead: string;
    readonly r9Title: string;
    readonly r9Lead: string;
    readonly headsTitle: string;
    readonly indicatorGap: (code: string) => string;
    readonly noWarnings: string;
    readonly top: (n: number) => string;
  };
  readonly publicUnit: {
    readonly lead: string;
    readonly notFound: string;
    readonly back: string;
  };
  readonly methodology: {
    readonly title: string;
    readonly lead: string;
    readonly version: string;
    readonly effectiveFrom: string;
    readonly sourcesTitle: string;
    readonly groupsTitle: string;
    readonly formula: string;
    readonly formulaNote: string;
    readonly target: string;
    readonly source: string;
    readonly sources: Readonly<Record<string, string>>;
    readonly whenEmpty: Readonly<Record<string, string>>;
    readonly bandsTitle: string;
    readonly bandFrom: (min: string) => string;
    readonly responsibilityTitle: string;
    readonly provisionalNote: string;
    readonly pointsRule: string;
    readonly reformTitle: string;
    readonly manual: string;
    readonly computed: string;
    readonly suppression: string;
  };
  readonly report: {
    readonly title: string;
    readonly subtitle: (tier: string, period: string) => string;
    readonly print: string;
    readonly generated: string;
    readonly summary: string;
    readonly signature: string;
  };
  readonly admin: {
    readonly title: string;
    readonly lead: string;
    readonly sections: Readonly<Record<string, string>>;
    readonly unitId: string;
    readonly criterion: string;
    readonly deduction: string;
    readonly evidence: string;
    readonly headId: string;
    readonly create: string;
    readonly save: string;
    readonly conclude: string;
    readonly noticeNumber: string;
    readonly noticeDate: string;
    readonly locked: string;
    readonly draft: string;
    readonly noFindings: string;
    readonly saved: string;
    readonly conflict: string;
    readonly lockedError: string;
    readonly validation: string;
    readonly load: string;
    readonly manualOnly: string;
    readonly lockedBy: (ids: string) => string;
    readonly heads: { readonly name: string; readonly title: string; readonly from: string; readonly to: string; readonly inOffice: string; readonly add: string; readonly filter: string; readonly demo: string };
    readonly publish: { readonly button: (period: string) => string; readonly versions: string; readonly none: string; readonly draftDiffers: string; readonly draftSame: string; readonly differences: string; readonly noDifferences: string; readonly published: (v: string) => string; readonly explainedBy: string; readonly change: Readonly<Record<string, string>> };
    readonly audit: { readonly when: string; readonly who: string; readonly action: string; readonly entity: string; readonly more: string; readonly csv: string };
  };
}

const RULES_VI = {
  FINISHED_BEFORE_DUE_DATE: "Hoàn thành trước ngày hết hạn",
  FINISHED_ON_DUE_DATE: "Hoàn thành đúng ngày hết hạn",
  FINISHED_AFTER_DUE_DATE: "Hoàn thành sau ngày hết hạn",
  OPEN_PAST_DUE: "Chưa xong, đã quá hạn vào cuối kỳ",
  OPEN_WITHIN_DUE: "Chưa xong, còn trong hạn vào cuối kỳ",
  CLOCK_STOPPED_BY_SUPPLEMENT: "Tạm dừng tính thời gian: đang chờ bổ sung",
  MORE_THAN_ONE_SUPPLEMENT: "Yêu cầu bổ sung quá một lần: tính là trễ hạn",
  WITHDRAWN: "Rút hồ sơ: không tính vào tiến độ",
};
const RULES_EN: typeof RULES_VI = {
  FINISHED_BEFORE_DUE_DATE: "Finished before the due date",
  FINISHED_ON_DUE_DATE: "Finished on the due date",
  FINISHED_AFTER_DUE_DATE: "Finished after the due date",
  OPEN_PAST_DUE: "Still open and past due at the period end",
  OPEN_WITHIN_DUE: "Still open, within the due date at the period end",
  CLOCK_STOPPED_BY_SUPPLEMENT: "Clock stopped: waiting for a supplement",
  MORE_THAN_ONE_SUPPLEMENT: "More than one supplement request: counted as late",
  WITHDRAWN: "Withdrawn: excluded from timeliness",
};

const vi: PageMessages = {
  login: {
    title: "Đăng nhập",
    lead: "Môi trường chạy thử trên máy: chọn một người dùng mẫu. Trên hệ thống thật, đăng nhập qua tài khoản của tỉnh.",
    roleHeading: "Vai trò",
    signInAs: (name) => `Đăng nhập với tư cách ${name}`,
    expired: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.",
    failed: "Không đăng nhập được. Vui lòng thử lại.",
    ttl: (m) => `Phiên đăng nhập có hiệu lực ${m} phút.`,
    signedIn: (name) => `Đang đăng nhập: ${name}.`,
  },
  common: {
    code: "Mã",
    indicator: "Chỉ số",
    numerator: "Tử số",
    denominator: "Mẫu số",
    ratio: "Tỷ lệ",
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
  },
  scorecard: {
    title: "Phiếu điểm đơn vị",
    rankOf: (r, n) => `Hạng ${r}/${n}`,
    totalOf: (max) => `Tổng điểm (tối đa ${max})`,
    vsPrevious: (p) => `So với ${p}`,
    groupsTitle: "Sáu nhóm chỉ số",
    groupsDerived: "Điểm nhóm cộng từ điểm các chỉ số trong nhóm, không vượt mức tối đa của nhóm.",
    indicatorsTitle: "Chỉ số theo nhóm",
    responsibilityTitle: "Chỉ số trách nhiệm (Chỉ thị 03/CT-UBND)",
    responsibilityLead: "Hiển thị bên cạnh chỉ số phục vụ, không cộng vào tổng điểm.",
    countsTitle: "Hồ sơ theo tình trạng (chỉ số P1)",
    casesLink: (n) => `Xem ${n} hồ sơ`,
    allCases: "Xem toàn bộ hồ sơ và quy tắc phân loại",
    warningsTitle: "Cảnh báo sớm",
    warningsLead: "Hồ sơ đang xử lý đã quá hạn, hoặc đến hạn trong 2 ngày làm việc tới — xử lý ngay để không ảnh hưởng kết quả.",
    overdueNow: "Đã quá hạn",
    dueSoon: (until) => `Đến hạn trước ${until}`,
    noWarnings: "Không có hồ sơ quá hạn hoặc sắp đến hạn.",
    noneInList: "Không có hồ sơ nào.",
    warningsAsOf: "Tình trạng lúc",
    received: "Tiếp nhận",
    due: "Hạn xử lý",
    field: "Lĩnh vực",
    caseId: "Mã hồ sơ (bí danh)",
    procedure: "Mã TTHC",
    notInData: "Chưa có số liệu của đơn vị trong kỳ này.",
    trend: {
      title: (y) => `Diễn biến theo tháng — năm ${y}`,
      lead: "Tổng điểm và tỷ lệ hồ sơ trước hạn, đúng hạn (P1) của từng tháng đã tính điểm.",
      caption: (u, y) => `Diễn biến theo tháng của ${u}, năm ${y}`,
      chartLabel: (u, y, n) => `Biểu đồ đường: tổng điểm và tỷ lệ P1 của ${u} qua ${n} tháng năm ${y}; số liệu trong bảng bên dưới.`,
      month: "Tháng",
      total: "Tổng điểm",
      rank: "Hạng",
      p1: "Tỷ lệ P1 (trước hạn, đúng hạn)",
      p1Axis: "Tỷ lệ P1 (%)",
      scoredAs: "Đơn vị được tính điểm",
      via: (id) => `qua đơn vị tiền thân/kế thừa ${id}`,
      viaNote: "Tháng trước hoặc sau sắp xếp đơn vị (2024–2025) lấy số liệu của đơn vị tiền thân hoặc kế thừa.",
      empty: (y) => `Chưa có tháng nào của năm ${y} được tính điểm.`,
    },
  },
  cases: {
    title: (u) => `Hồ sơ sau chỉ số P1 — ${u}`,
    lead: "Mỗi hồ sơ kèm quy tắc đã phân loại nó (Phương pháp §2). Mã hồ sơ là bí danh, không chứa thông tin cá nhân.",
    statusFilter: "Tình trạng",
    all: "Tất cả",
    count: (n) => `${n} hồ sơ`,
    back: "Về phiếu điểm",
    end: "Kết thúc",
    supplements: "Số lần bổ sung",
    status: "Tình trạng",
    rule: "Quy tắc phân loại",
    rules: RULES_VI,
    statuses: { EARLY: "Trước hạn", ON_TIME: "Đúng hạn", LATE: "Trễ hạn", OVERDUE: "Quá hạn", IN_PROGRESS: "Đang giải quyết", EXCLUDED: "Không tính" },
    empty: "Không có hồ sơ nào khớp bộ lọc.",
  },
  overview: {
    title: "Tổng quan toàn tỉnh",
    lead: "Ai đang để người dân, doanh nghiệp chờ, và vì sao: xếp hạng, trễ hạn, cảnh báo sớm và phân định trách nhiệm.",
    totalsTitle: "Toàn tỉnh trong kỳ",
    inScope: "Hồ sơ được đánh giá",
    onTimeRate: "Tỷ lệ trước hạn, đúng hạn",
    rankingTitle: (tier) => `Xếp hạng ${tier}`,
    movement: "So với kỳ trước",
    lateTitle: "Trễ hạn và quá hạn theo đơn vị",
    lateLead: "Đơn vị có nhiều hồ sơ trễ hạn, quá hạn nhất trong kỳ.",
    warningsTitle: "Cảnh báo sớm theo đơn vị",
    warningsLead: "Từ tình trạng hồ sơ hiện tại: quá hạn ngay bây giờ và đến hạn trong 2 ngày làm việc.",
    overdueNow: "Đang quá hạn",
    dueSoon: "Sắp đến hạn",
    r7Title: "Phân định trách nhiệm chậm trễ (R7)",
    r7Lead: "Số ngày làm việc mỗi đơn vị vượt thời gian được giao trên các hồ sơ liên thông trễ hạn, và tỷ trọng trong toàn tỉnh.",
    overrunShare: "Tỷ trọng ngày vượt",
    r5Title: "Trả lời lấy ý kiến đúng hạn của cơ quan được hỏi (R5, ngành dọc)",
    r5Lead: "Thuế, công an, bảo hiểm xã hội… khi được lấy ý kiến phối hợp.",
    r9Title: "Bốn lĩnh vực phức tạp (R9)",
    r9Lead: "Đầu tư, đất đai, xây dựng, kinh doanh có điều kiện: tỷ lệ trễ hạn, thư xin lỗi, trả lại, bổ sung nhiều lần.",
    headsTitle: "Người đứng đầu và xếp loại",
    indicatorGap: (code) => `Chưa có số liệu: kỳ này chưa có chỉ số ${code} trong kết quả tính điểm.`,
    noWarnings: "Không có đơn vị nào có hồ sơ quá hạn hoặc sắp đến hạn.",
    top: (n) => `${n} đơn vị cao nhất`,
  },
  publicUnit: {
    lead: "Chỉ số tổng hợp công khai của đơn vị trong kỳ. Không có dữ liệu từng hồ sơ.",
    notFound: "Không có đơn vị này trong bảng xếp hạng của kỳ.",
    back: "Về bảng xếp hạng",
  },
  methodology: {
    title: "Phương pháp đánh giá",
    lead: "Cách tính từng chỉ số, điểm, trọng số và xếp loại. Các mục đánh dấu “tạm thời” chưa tìm thấy trong văn bản chính thức và có thể được điều chỉnh.",
    version: "Phiên bản",
    effectiveFrom: "Áp dụng từ",
    sourcesTitle: "Căn cứ",
    groupsTitle: "Chỉ số phục vụ người dân, doanh nghiệp (100 điểm, 6 nhóm)",
    formula: "Cách tính",
    formulaNote: "Công thức ghi bằng tiếng Anh kỹ thuật, đúng như định nghĩa trong mã nguồn.",
    target: "Mục tiêu",
    source: "Nguồn số liệu",
    sources: { CASES: "Hồ sơ", CATALOG: "Danh mục TTHC", COMPLAINTS: "Phản ánh, kiến nghị", MANUAL: "Sở Nội vụ nhập", CONSULTATIONS: "Lấy ý kiến phối hợp" },
    whenEmpty: { NO_DATA: "Không có số liệu khi mẫu số bằng 0", ZERO: "0 điểm khi mẫu số bằng 0", FULL: "Đủ điểm khi không phát sinh" },
    bandsTitle: "Xếp loại",
    bandFrom: (min) => `từ ${min} điểm`,
    responsibilityTitle: "Chỉ số trách nhiệm (Chỉ thị 03/CT-UBND), không tính điểm",
    provisionalNote: "Tạm thời: chưa tìm thấy trong văn bản chính thức, có thể điều chỉnh.",
    pointsRule: "Điểm = tối đa × min(1, tỷ lệ / mục tiêu). Tỷ lệ = tử số / mẫu số.",
    reformTitle: "Chỉ số cải cách hành chính (khung mặc định)",
    manual: "Chấm thủ công",
    computed: "Tính tự động",
    suppression: "Trên trang công khai, số hồ sơ dưới 5 được hiển thị là “<5”.",
  },
  report: {
    title: "Báo cáo kết quả chỉ số phục vụ người dân, doanh nghiệp",
    subtitle: (tier, period) => `${tier} — ${period}`,
    print: "In / lưu PDF",
    generated: "Lập lúc",
    summary: "Tóm tắt",
    signature: "Nơi nhận: Chủ tịch UBND tỉnh (qua Sở Nội vụ) — báo cáo định kỳ 6 tháng, năm (Chỉ thị 03/CT-UBND).",
  },
  admin: {
    title: "Sở Nội vụ — chấm điểm và công bố",
    lead: "Kết luận kiểm tra, tiêu chí chấm thủ công, người đứng đầu, công bố kết quả và nhật ký thay đổi.",
    sections: { findings: "Kết luận kiểm tra", criteria: "Tiêu chí thủ công", heads: "Người đứng đầu", publish: "Công bố", audit: "Nhật ký" },
    unitId: "Mã đơn vị",
    criterion: "Tiêu chí",
    deduction: "Điểm trừ",
    evidence: "Căn cứ, minh chứng",
    headId: "Mã người đứng đầu (nếu có)",
    create: "Tạo kết luận (bản nháp)",
    save: "Lưu",
    conclude: "Ghi thông báo kết luận (khóa)",
    noticeNumber: "Số thông báo kết luận",
    noticeDate: "Ngày thông báo",
    locked: "Đã khóa",
    draft: "Bản nháp",
    noFindings: "Chưa có kết luận kiểm tra nào trong kỳ.",
    saved: "Đã lưu.",
    conflict: "Bản ghi đã được người khác thay đổi. Đã tải lại bản mới nhất.",
    lockedError: "Bản ghi đã bị khóa bởi thông báo kết luận.",
    validation: "Dữ liệu chưa hợp lệ.",
    load: "Xem",
    manualOnly: "Chỉ tiêu chí chấm thủ công mới nhập được điểm.",
    lockedBy: (ids) => `Khóa bởi kết luận ${ids}`,
    heads: { name: "Họ tên", title: "Chức vụ", from: "Từ ngày", to: "Đến ngày", inOffice: "đang đương nhiệm", add: "Thêm người đứng đầu", filter: "Lọc theo mã đơn vị", demo: "tên mẫu" },
    publish: {
      button: (p) => `Công bố kỳ ${p}`,
      versions: "Các phiên bản đã công bố",
      none: "Kỳ này chưa được công bố.",
      draftDiffers: "Bản nháp hiện tại khác bản đã công bố.",
      draftSame: "Bản nháp trùng với bản đã công bố.",
      differences: "Danh sách thay đổi",
      noDifferences: "Không có thay đổi.",
      published: (v) => `Đã công bố phiên bản ${v}.`,
      explainedBy: "Do chỉ số",
      change: { CHANGED: "Thay đổi", ADDED: "Thêm mới", REMOVED: "Bỏ ra" },
    },
    audit: { when: "Thời điểm", who: "Người thực hiện", action: "Thao tác", entity: "Đối tượng", more: "Xem thêm", csv: "Tải nhật ký (CSV)" },
  },
};

const en: PageMessages = {
  login: {
    title: "Sign in",
    lead: "Local demo runtime: choose a demo user. In production, users sign in with the province's accounts.",
    roleHeading: "Role",
    signInAs: (name) => `Sign in as ${name}`,
    expired: "Your session has expired. Please sign in again.",
    failed: "Sign-in failed. Please try again.",
    ttl: (m) => `A session lasts ${m} minutes.`,
    signedIn: (name) => `Signed in as ${name}.`,
  },
  common: {
    code: "Code",
    indicator: "Indicator",
    numerator: "Numerator",
    denominator: "Denominator",
    ratio: "Ratio",
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
  },
  scorecard: {
    title: "Unit scorecard",
    rankOf: (r, n) => `Rank ${r} of ${n}`,
    totalOf: (max) => `Total (out of ${max})`,
    vsPrevious: (p) => `Against ${p}`,
    groupsTitle: "The six groups",
    groupsDerived: "Group points are the sum of the group's indicator points, capped at the group's maximum.",
    indicatorsTitle: "Indicators by group",
    responsibilityTitle: "Responsibility indicators (Directive 03/CT-UBND)",
    responsibilityLead: "Shown beside the service index; not part of the total.",
    countsTitle: "Dossiers by status (indicator P1)",
    casesLink: (n) => `See ${n} dossiers`,
    allCases: "See every dossier and the rule that classified it",
    warningsTitle: "Early warning",
    warningsLead: "Open dossiers already past due, or due within the next 2 working days — act now before the numbers worsen.",
    overdueNow: "Overdue now",
    dueSoon: (until) => `Due before ${until}`,
    noWarnings: "No dossier is overdue or due soon.",
    noneInList: "None.",
    warningsAsOf: "State as of",
    received: "Received",
    due: "Due",
    field: "Field",
    caseId: "Dossier id (pseudonym)",
    procedure: "Procedure",
    notInData: "No figures for this unit in this period.",
    trend: {
      title: (y) => `Month by month — ${y}`,
      lead: "The total and the share of dossiers handled early or on time (P1) in each scored month.",
      caption: (u, y) => `Month by month for ${u}, ${y}`,
      chartLabel: (u, y, n) => `Line chart: total and P1 share of ${u} over ${n} months of ${y}; the figures are in the table below.`,
      month: "Month",
      total: "Total",
      rank: "Rank",
      p1: "P1 share (early or on time)",
      p1Axis: "P1 share (%)",
      scoredAs: "Unit scored",
      via: (id) => `via predecessor/successor ${id}`,
      viaNote: "Months before or after the 2024–2025 reorganisation use the figures of the predecessor or successor unit.",
      empty: (y) => `No month of ${y} has been scored yet.`,
    },
  },
  cases: {
    title: (u) => `Dossiers behind P1 — ${u}`,
    lead: "Each dossier with the rule that classified it (methodology §2). Ids are pseudonyms and carry no personal data.",
    statusFilter: "Status",
    all: "All",
    count: (n) => `${n} dossiers`,
    back: "Back to the scorecard",
    end: "Ended",
    supplements: "Supplement requests",
    status: "Status",
    rule: "Classifying rule",
    rules: RULES_EN,
    statuses: { EARLY: "Early", ON_TIME: "On time", LATE: "Late", OVERDUE: "Overdue", IN_PROGRESS: "In progress", EXCLUDED: "Excluded" },
    empty: "No dossier matches the filter.",
  },
  overview: {
    title: "Province overview",
    lead: "Who keeps citizens and businesses waiting, and why: rankings, late dossiers, early warnings and delay attribution.",
    totalsTitle: "Province totals for the period",
    inScope: "Dossiers assessed",
    onTimeRate: "Early or on-time rate",
    rankingTitle: (tier) => `Ranking: ${tier.toLowerCase()}`,
    movement: "Against the previous period",
    lateTitle: "Late and overdue dossiers by unit",
    lateLead: "Units with the most late and overdue dossiers in the period.",
    warningsTitle: "Early warnings by unit",
    warningsLead: "From the live dossier state: overdue now and due within 2 working days.",
    overdueNow: "Overdue now",
    dueSoon: "Due soon",
    r7Title: "Delay attribution (R7)",
    r7Lead: "Working days each unit overran its allotted step time on late inter-agency dossiers, and its share of the province's overrun.",
    overrunShare: "Share of overrun days",
    r5Title: "Consultation timeliness of consulted agencies (R5, vertical agencies)",
    r5Lead: "Tax, police, social insurance… when their opinion is requested.",
    r9Title: "The four complex fields (R9)",
    r9Lead: "Investment, land, construction, conditional business licensing: late rate, apology coverage, refusals, repeated supplements.",
    headsTitle: "Heads of unit and their ratings",
    indicatorGap: (code) => `No data: indicator ${code} is not in this period's scoring results yet.`,
    noWarnings: "No unit has an overdue or soon-due dossier.",
    top: (n) => `Top ${n} units`,
  },
  publicUnit: {
    lead: "The unit's public aggregate indicators for the period. No dossier-level data.",
    notFound: "This unit is not in the period's ranking.",
    back: "Back to the rankings",
  },
  methodology: {
    title: "Methodology",
    lead: "How each indicator, its points, weights and bands are computed. Items marked “provisional” were not found in an official text and may change.",
    version: "Version",
    effectiveFrom: "Effective from",
    sourcesTitle: "Sources",
    groupsTitle: "Public service index (100 points, six groups)",
    formula: "Formula",
    formulaNote: "Formulas are written in technical English, as defined in the source code.",
    target: "Target",
    source: "Data source",
    sources: { CASES: "Dossiers", CATALOG: "Procedure catalog", COMPLAINTS: "Complaints", MANUAL: "Entered by Home Affairs", CONSULTATIONS: "Consultations" },
    whenEmpty: { NO_DATA: "No data when the denominator is 0", ZERO: "0 points when the denominator is 0", FULL: "Full points when there are none" },
    bandsTitle: "Bands",
    bandFrom: (min) => `from ${min} points`,
    responsibilityTitle: "Responsibility indicators (Directive 03/CT-UBND), not scored",
    provisionalNote: "Provisional: not found in an official text; may change.",
    pointsRule: "Points = max × min(1, ratio / target). Ratio = numerator / denominator.",
    reformTitle: "Administrative reform index (default template)",
    manual: "Appraised manually",
    computed: "Computed",
    suppression: "On public pages, dossier counts below 5 are shown as “<5”.",
  },
  report: {
    title: "Public service index — results report",
    subtitle: (tier, period) => `${tier} — ${period}`,
    print: "Print / save as PDF",
    generated: "Generated at",
    summary: "Summary",
    signature: "To: the Chairman of the Provincial People's Committee (via the Dept. of Home Affairs) — six-monthly and annual report (Directive 03/CT-UBND).",
  },
  admin: {
    title: "Home Affairs — scoring and publication",
    lead: "Inspection findings, manual criteria, heads of unit, publication and the audit log.",
    sections: { findings: "Findings", criteria: "Manual criteria", heads: "Heads of unit", publish: "Publish", audit: "Audit log" },
    unitId: "Unit id",
    criterion: "Criterion",
    deduction: "Deduction",
    evidence: "Evidence",
    headId: "Head id (optional)",
    create: "Create finding (draft)",
    save: "Save",
    conclude: "Record concluding notice (locks)",
    noticeNumber: "Notice number",
    noticeDate: "Notice date",
    locked: "Locked",
    draft: "Draft",
    noFindings: "No inspection finding in this period.",
    saved: "Saved.",
    conflict: "Someone else changed this record. The latest version has been reloaded.",
    lockedError: "This record is locked by a concluding notice.",
    validation: "The input is not valid.",
    load: "Show",
    manualOnly: "Only manual criteria can be appraised.",
    lockedBy: (ids) => `Locked by finding ${ids}`,
    heads: { name: "Name", title: "Title", from: "From", to: "To", inOffice: "in office", add: "Add a head", filter: "Filter by unit id", demo: "demo name" },
    publish: {
      button: (p) => `Publish ${p}`,
      versions: "Published versions",
      none: "This period has not been published.",
      draftDiffers: "The current draft differs from the published version.",
      draftSame: "The current draft matches the published version.",
      differences: "Difference list",
      noDifferences: "No differences.",
      published: (v) => `Published version ${v}.`,
      explainedBy: "Explained by",
      change: { CHANGED: "Changed", ADDED: "Added", REMOVED: "Removed" },
    },
    audit: { when: "When", who: "Who", action: "Action", entity: "Record", more: "Show more", csv: "Download the log (CSV)" },
  },
};

export const PAGE_MESSAGES: Readonly<Record<Lang, PageMessages>> = { vi, en };

// ——— Heads of unit (methodology §6) and the reform index (§5): the overview's sections, a unit's scorecard, the admin form ———

export interface RatingsMessages {
  readonly heads: {
    readonly lead: string;
    readonly caption: (tier: string, period: string) => string;
    readonly name: string;
    readonly unit: string;
    readonly tenure: string;
    readonly tenureDays: (days: string, periodDays: string) => string;
    readonly inOfficeUntilEnd: string;
    readonly cases: (n: string) => string;
    readonly results: (max: string) => string;
    readonly general: (max: string) => string;
    readonly total: string;
    readonly band: string;
    readonly serviceIndex: string;
    readonly incomplete: string;
    readonly deductions: string;
    readonly deduction: Readonly<Record<string, string>>;
    readonly pending: Readonly<Record<"SHORT_TENURE" | "NO_CASES" | "GENERAL_MISSING" | "RESCORE", string>>;
    readonly notRated: string;
    readonly awaiting: string;
    readonly capped: string;
    readonly cappedTag: string;
    readonly demo: string;
    readonly summary: (rated: string, pending: string, notRated: string) => string;
    readonly none: string;
    readonly notComputed: string;
    readonly computedAt: string;
  };
  readonly reform: {
    readonly title: string;
    readonly lead: string;
    readonly provisional: string;
    readonly caption: (tier: string, period: string) => string;
    readonly halfYearsOnly: string;
    readonly open: (period: string) => string;
    readonly notEntered: string;
    readonly computed: string;
    readonly deducted: (points: string) => string;
    readonly incomplete: string;
    readonly partial: (max: string) => string;
    readonly noBand: string;
    readonly none: string;
    readonly notComputed: string;
  };
  /**
   * Where the ratings shown stand against the period's publications (`v`: "V2"; `date`: the day of
   * publication): the working values (never published; published, unchanged or moved since), or
   * the values frozen with a published version.
   */
  readonly publication: {
    readonly never: string;
    readonly publishedAs: (v: string, date: string | null) => string;
    readonly unchanged: (v: string) => string;
    readonly differs: (v: string) => string;
    readonly frozen: (v: string, date: string | null) => string;
    readonly changedSince: string;
    readonly showVersion: (v: string) => string;
    readonly showWorking: string;
  };
  /** The same sections on one unit's scorecard page. */
  readonly unit: {
    readonly headsTitle: string;
    readonly headsNone: string;
    readonly reformNone: string;
    /** A month or a quarter: the link to the scorecard of the half-year that contains it. */
    readonly openHalfYear: (period: string) => string;
    /** …when that half-year has not been scored yet. */
    readonly halfYearNotScored: (period: string) => string;
  };
  readonly general: {
    readonly title: string;
    readonly lead: string;
    readonly head: string;
    readonly choose: string;
    readonly period: string;
    readonly points: (max: string) => string;
    readonly evidence: string;
    readonly save: string;
    readonly recompute: (period: string) => string;
    readonly recomputed: (period: string) => string;
    readonly notScored: string;
  };
}

const ratingsVi: RatingsMessages = {
  heads: {
    lead: "Mỗi người đứng đầu được đánh giá trên hồ sơ của kỳ (tiếp nhận trong kỳ hoặc chuyển tiếp từ kỳ trước) mà đơn vị tiếp nhận trong thời gian người đó giữ chức vụ: kết quả 70 điểm (chỉ số phục vụ, trừ điểm khi thư xin lỗi dưới 100%, trả lời lấy ý kiến đúng hạn dưới 90%, kết luận kiểm tra), tiêu chí chung 30 điểm do Sở Nội vụ nhập. Xếp loại theo Nghị định 335/2025.",
    caption: (tier, period) => `Người đứng đầu — ${tier}, ${period}`,
    name: "Họ tên",
    unit: "Đơn vị",
    tenure: "Giữ chức vụ trong kỳ",
    tenureDays: (days, periodDays) => `${days}/${periodDays} ngày`,
    inOfficeUntilEnd: "đến cuối kỳ",
    cases: (n) => `${n} hồ sơ tiếp nhận`,
    results: (max) => `Kết quả /${max}`,
    general: (max) => `Tiêu chí chung /${max}`,
    total: "Tổng điểm",
    band: "Xếp loại",
    serviceIndex: "chỉ số phục vụ",
    incomplete: "có chỉ số thiếu dữ liệu",
    deductions: "Trừ điểm",
    deduction: { R2: "thư xin lỗi", R5: "trả lời lấy ý kiến", findings: "kết luận kiểm tra" },
    pending: {
      SHORT_TENURE: "Giữ chức vụ dưới nửa kỳ: liệt kê, không xếp loại.",
      NO_CASES: "Chưa có hồ sơ có kết quả trong thời gian giữ chức vụ.",
      GENERAL_MISSING: "Chờ Sở Nội vụ nhập tiêu chí chung.",
      RESCORE: "Thời gian giữ chức vụ vừa được sửa: kết quả tính lại ở lần chấm điểm tới.",
    },
    notRated: "Không xếp loại",
    awaiting: "Chưa xếp loại",
    capped: "Đạt mức Xuất sắc nhưng xếp Tốt: tối đa 20% số người được xếp Tốt trở lên trong cùng cấp được xếp Xuất sắc (Nghị định 335/2025).",
    cappedTag: "giới hạn 20%",
    demo: "tên mẫu",
    summary: (rated, pending, notRated) => `${rated} đã xếp loại · ${pending} chưa đủ điều kiện · ${notRated} không xếp loại`,
    none: "Không có người đứng đầu được xếp loại ở cấp này trong kỳ (cơ quan ngành dọc không được xếp loại).",
    notComputed: "Chưa tính xếp loại người đứng đầu cho kỳ này (kỳ chưa được chấm điểm).",
    computedAt: "Tính lúc",
  },
  reform: {
    title: "Chỉ số cải cách hành chính (PAR Index)",
    lead: "8 lĩnh vực, 100 điểm: tiêu chí 3, 7, 8 tính từ chỉ số của đơn vị; tiêu chí còn lại và kết quả khảo sát do Sở Nội vụ thẩm định, nhập; kết luận kiểm tra đã có thông báo bị trừ vào tiêu chí ghi trong kết luận.",
    provisional: "Khung tiêu chí tạm thời (theo cấu trúc của Bộ Nội vụ): chưa có quyết định của tỉnh.",
    caption: (tier, period) => `Chỉ số CCHC — ${tier}, ${period}`,
    halfYearsOnly: "Chỉ số CCHC được tính theo 6 tháng và theo năm.",
    open: (period) => `Xem ${period}`,
    notEntered: "chưa nhập",
    computed: "tính tự động từ chỉ số",
    deducted: (points) => `trừ ${points}`,
    incomplete: "chưa đủ tiêu chí",
    partial: (max) => `trên ${max} điểm đã có`,
    noBand: "Chưa xếp loại",
    none: "Không có đơn vị nào ở cấp này có chỉ số CCHC (cơ quan ngành dọc không được đánh giá).",
    notComputed: "Chưa tính chỉ số CCHC cho kỳ này (kỳ chưa được chấm điểm).",
  },
  publication: {
    never: "Số liệu làm việc, chưa công bố.",
    publishedAs: (v, date) => `Số liệu làm việc. Kỳ đã được công bố thành ${v}${date ? ` ngày ${date}` : ""}.`,
    unchanged: (v) => `Số liệu làm việc trùng với ${v}.`,
    differs: (v) => `Số liệu làm việc đã khác ${v} (kết luận kiểm tra, tiêu chí nhập thêm hoặc hồ sơ phát sinh sau khi công bố).`,
    frozen: (v, date) => `Số liệu đã chốt khi công bố ${v}${date ? ` (công bố ngày ${date})` : ""}.`,
    changedSince: "Số liệu làm việc đã thay đổi sau đó.",
    showVersion: (v) => `Xem số liệu ${v}`,
    showWorking: "Xem số liệu làm việc",
  },
  unit: {
    headsTitle: "Người đứng đầu đơn vị",
    headsNone: "Đơn vị không có người đứng đầu được xếp loại trong kỳ này (cơ quan ngành dọc không được xếp loại).",
    reformNone: "Đơn vị không có chỉ số CCHC trong kỳ này (cơ quan ngành dọc không được đánh giá).",
    openHalfYear: (period) => `Xem phiếu điểm và chỉ số CCHC ${period}`,
    halfYearNotScored: (period) => `${period} chưa được chấm điểm.`,
  },
  general: {
    title: "Tiêu chí chung của người đứng đầu",
    lead: "30 điểm mỗi kỳ, Sở Nội vụ nhập kèm căn cứ; khi nhập xong, xếp loại của kỳ được tính lại ngay.",
    head: "Người đứng đầu",
    choose: "— chọn —",
    period: "Kỳ",
    points: (max) => `Điểm (0–${max})`,
    evidence: "Căn cứ",
    save: "Lưu tiêu chí chung",
    recompute: (period) => `Tính lại xếp loại kỳ ${period}`,
    recomputed: (period) => `Đã tính lại xếp loại kỳ ${period}.`,
    notScored: "Kỳ này chưa được chấm điểm: chưa có gì để xếp loại.",
  },
};

const ratingsEn: RatingsMessages = {
  heads: {
    lead: "Each head is rated on the period's dossiers (received in it, or carried over into it) that their unit received while they were in office: results 70 points (the service index, less deductions for apology coverage below 100 %, consultation answers on time below 90 %, inspection findings), general criteria 30 points entered by Home Affairs. Bands after Decree 335/2025.",
    caption: (tier, period) => `Heads of unit — ${tier}, ${period}`,
    name: "Name",
    unit: "Unit",
    tenure: "In office in the period",
    tenureDays: (days, periodDays) => `${days}/${periodDays} days`,
    inOfficeUntilEnd: "to the end",
    cases: (n) => `${n} dossiers received`,
    results: (max) => `Results /${max}`,
    general: (max) => `General /${max}`,
    total: "Total",
    band: "Rating",
    serviceIndex: "service index",
    incomplete: "some indicators have no data",
    deductions: "Deductions",
    deduction: { R2: "apology letters", R5: "consultation answers", findings: "inspection findings" },
    pending: {
      SHORT_TENURE: "In office for less than half of the period: listed, not rated.",
      NO_CASES: "No dossier with a verdict during the tenure yet.",
      GENERAL_MISSING: "Awaiting the general criteria from Home Affairs.",
      RESCORE: "The tenure was just edited: results are recomputed at the next scoring run.",
    },
    notRated: "Not rated",
    awaiting: "Pending",
    capped: "Scored Excellent, rated Good: at most 20 % of the heads rated Good or better in a tier may be Excellent (Decree 335/2025).",
    cappedTag: "20 % quota",
    demo: "demo name",
    summary: (rated, pending, notRated) => `${rated} rated · ${pending} pending · ${notRated} not rated`,
    none: "No head of unit rated in this tier for this period (vertical agencies are not rated).",
    notComputed: "Head-of-unit ratings have not been computed for this period (it has not been scored).",
    computedAt: "Computed at",
  },
  reform: {
    title: "Administrative reform index (PAR Index)",
    lead: "8 fields, 100 points: fields 3, 7 and 8 are computed from the unit's indicators; the others and the survey result are appraised and entered by Home Affairs; concluded inspection findings deduct from the field they name.",
    provisional: "Provisional criteria tree (the Ministry of Home Affairs' structure): the province's own decision was not found.",
    caption: (tier, period) => `Reform index — ${tier}, ${period}`,
    halfYearsOnly: "The reform index is set per half-year and per year.",
    open: (period) => `Show ${period}`,
    notEntered: "not entered",
    computed: "computed from the indicators",
    deducted: (points) => `less ${points}`,
    incomplete: "criteria missing",
    partial: (max) => `of the ${max} points available`,
    noBand: "Not rated yet",
    none: "No unit of this tier has a reform index (vertical agencies are not assessed).",
    notComputed: "The reform index has not been computed for this period (it has not been scored).",
  },
  publication: {
    never: "Working values, not yet published.",
    publishedAs: (v, date) => `Working values. The period was published as ${v}${date ? ` on ${date}` : ""}.`,
    unchanged: (v) => `The working values are the same as ${v}.`,
    differs: (v) => `The working values differ from ${v} (a finding concluded, criteria entered or late events since publication).`,
    frozen: (v, date) => `Values frozen with ${v}${date ? ` (published ${date})` : ""}.`,
    changedSince: "The working values have changed since.",
    showVersion: (v) => `Show ${v}`,
    showWorking: "Show the working values",
  },
  unit: {
    headsTitle: "Head of unit",
    headsNone: "No head of this unit is rated in this period (vertical agencies are not rated).",
    reformNone: "This unit has no reform index in this period (vertical agencies are not assessed).",
    openHalfYear: (period) => `Show the scorecard and reform index of ${period}`,
    halfYearNotScored: (period) => `${period} has not been scored yet.`,
  },
  general: {
    title: "General criteria of heads of unit",
    lead: "30 points per period, entered by Home Affairs with the evidence; the period's ratings are recomputed as soon as they are saved.",
    head: "Head of unit",
    choose: "— choose —",
    period: "Period",
    points: (max) => `Points (0–${max})`,
    evidence: "Evidence",
    save: "Save the general criteria",
    recompute: (period) => `Recompute the ratings of ${period}`,
    recomputed: (period) => `The ratings of ${period} were recomputed.`,
    notScored: "This period has not been scored: nothing to rate yet.",
  },
};

export const RATINGS_MESSAGES: Readonly<Record<Lang, RatingsMessages>> = { vi: ratingsVi, en: ratingsEn };
