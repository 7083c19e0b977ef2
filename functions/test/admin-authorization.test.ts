import { parsePeriod } from "@scorecard/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { DEMO_USERS } from "../src/adapters/local/local-identity.js";
import { ADMIN_ROUTES } from "../src/handlers/admin-api.js";
import { createFinding } from "../src/use-cases/admin/findings.js";
import { markImproperReturn } from "../src/use-cases/admin/improper-returns.js";
import { scorePeriod } from "../src/use-cases/score/score-period.js";
import { CaseBuilder } from "./support/events.js";
import { TEST_TOKEN, httpFixture } from "./support/http-fixture.js";

const OWN = "DIST-731"; // the demo officer "officer-bien-hoa" belongs here
type Who = "anonymous" | "source-system" | "chairman" | "home-affairs" | "officer-own" | "officer-other";
const WHO: Who[] = ["anonymous", "source-system", "chairman", "home-affairs", "officer-own", "officer-other"];
const HA = { sub: "setup", role: "home-affairs" };
/** Viet Nam's current year and month (rules as data: a past year or month is closed to changes). */
const THIS_MONTH = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
const THIS_YEAR = Number(THIS_MONTH.slice(0, 4));
/** A methodology version from the first day of next month (a target unchanged: the smallest valid change). */
const NEXT_MONTH = new Date(Date.UTC(THIS_YEAR, Number(THIS_MONTH.slice(5, 7)), 1)).toISOString().slice(0, 10);
const METHODOLOGY_VERSION = { id: "dn-2099.1", effectiveFrom: NEXT_MONTH, nameVi: "Thử", nameEn: "Test", changeVi: "Thử", changeEn: "Test", indicators: { P1: { target: 1 } }, basis: "QĐ 1/QĐ-UBND" };

const json = (o: unknown) => ({ type: "application/json", text: JSON.stringify(o) });
const finding = { unitId: OWN, period: "2024-H1", criterion: "PAR5", deduction: 2, evidence: "Biên bản 15/BB-TTr" };

/**
 * Every admin route × every caller, with the exact status. The one caller allowed to write gets
 * 2xx (each write row runs once successfully); everyone else is refused before anything is read.
 * Officers get 403 even for their own unit: the admin workspace is not unit-scoped (policy.ts).
 */
type Row = [method: string, path: string, body: (() => { type: string; text: string }) | undefined, expected: number[]];
const MATRIX: Row[] = [
  ["GET", "/v1/admin/findings?period=2024-H1", undefined, [401, 403, 200, 200, 403, 403]],
  ["POST", "/v1/admin/findings", () => json(finding), [401, 403, 403, 201, 403, 403]],
  ["GET", "/v1/admin/findings/F-EDIT", undefined, [401, 403, 200, 200, 403, 403]],
  // An object that does not exist: the same 403 for the refused, 404 only for those allowed to read.
  ["GET", "/v1/admin/findings/F-MISSING", undefined, [401, 403, 404, 404, 403, 403]],
  ["PUT", "/v1/admin/findings/F-EDIT", () => json({ ...finding, deduction: 3, version: 1 }), [401, 403, 403, 200, 403, 403]],
  ["POST", "/v1/admin/findings/F-CONCLUDE/conclude", () => json({ noticeNumber: "21/TB-SNV", noticeDate: "2024-06-30", version: 1 }), [401, 403, 403, 200, 403, 403]],
  ["GET", `/v1/admin/criteria/${OWN}/2024-H1`, undefined, [401, 403, 200, 200, 403, 403]],
  ["GET", `/v1/admin/criteria/${OWN}/2024-H1/PAR1`, undefined, [401, 403, 200, 200, 403, 403]],
  ["PUT", `/v1/admin/criteria/${OWN}/2024-H1/PAR1`, () => json({ points: 8, evidence: "Báo cáo 3/BC-UBND", version: 0 }), [401, 403, 403, 200, 403, 403]],
  // Service-index indicators Home Affairs enters (D3, issue 20 item 5): read like criteria, entered by Home Affairs only.
  ["GET", `/v1/admin/indicators/${OWN}/2024-03`, undefined, [401, 403, 200, 200, 403, 403]],
  ["GET", `/v1/admin/indicators/${OWN}/2024-03/D3`, undefined, [401, 403, 200, 200, 403, 403]],
  ["GET", `/v1/admin/indicators/DIST-999/2024-03/D3`, undefined, [401, 403, 404, 404, 403, 403]],
  ["PUT", `/v1/admin/indicators/${OWN}/2024-03/D3`, () => json({ numerator: 40, denominator: 50, evidence: "Báo cáo 12/BC-STP", version: 0 }), [401, 403, 403, 200, 403, 403]],
  // Improper returns (R3 of dn-2026.2): read like findings, marked by Home Affairs only.
  ["GET", "/v1/admin/improper-returns", undefined, [401, 403, 200, 200, 403, 403]],
  ["GET", "/v1/admin/improper-returns/IR-AUTH", undefined, [401, 403, 200, 200, 403, 403]],
  ["GET", "/v1/admin/improper-returns/IR-MISSING", undefined, [401, 403, 404, 404, 403, 403]],
  ["PUT", "/v1/admin/improper-returns/IR-NEW", () => json({ unitId: OWN, basis: { kind: "UPHELD_COMPLAINT", complaintId: "1022-2024-0001" }, version: 0 }), [401, 403, 403, 200, 403, 403]],
  ["POST", "/v1/admin/improper-returns/IR-AUTH/unmark", () => json({ reason: "Kết luận lại", version: 1 }), [401, 403, 403, 200, 403, 403]],
  ["POST", "/v1/admin/survey", () => ({ type: "text/csv", text: `unitId,period,share,respondents,evidence\r\n${OWN},2024-H1,0.87,410,Khảo sát SIPAS 2024\r\n` }), [401, 403, 403, 200, 403, 403]],
  ["GET", "/v1/admin/survey?period=2024-H1", undefined, [401, 403, 200, 200, 403, 403]],
  ["GET", "/v1/admin/heads", undefined, [401, 403, 200, 200, 403, 403]],
  ["GET", `/v1/admin/units/${OWN}/heads`, undefined, [401, 403, 200, 200, 403, 403]],
  ["POST", `/v1/admin/units/${OWN}/heads`, () => json({ name: "Trần Văn An (demo)", title: "Chủ tịch UBND", tenureFrom: "2020-01-01", tenureTo: null }), [401, 403, 403, 201, 403, 403]],
  ["PUT", `/v1/admin/units/${OWN}/heads/HEAD-${OWN}-1`, () => json({ name: "Trần Văn An (demo)", title: "Chủ tịch UBND", tenureFrom: "2020-01-01", tenureTo: "2025-06-30", version: 1 }), [401, 403, 403, 200, 403, 403]],
  ["GET", `/v1/admin/units/${OWN}/heads/HEAD-${OWN}-1/general/2024-H1`, undefined, [401, 403, 200, 200, 403, 403]],
  ["PUT", `/v1/admin/units/${OWN}/heads/HEAD-${OWN}-1/general/2024-H1`, () => json({ points: 24, evidence: "Biên bản đánh giá 7/BB-SNV", version: 0 }), [401, 403, 403, 200, 403, 403]],
  ["POST", "/v1/admin/ratings", () => json({ period: "2024-03" }), [401, 403, 403, 200, 403, 403]],
  ["GET", "/v1/admin/publish/preview?period=2024-03", undefined, [401, 403, 403, 200, 403, 403]],
  ["POST", "/v1/admin/publish", () => json({ period: "2024-03" }), [401, 403, 403, 201, 403, 403]],
  ["GET", "/v1/admin/publications?period=2024-03", undefined, [401, 403, 200, 200, 200, 200]],
  ["GET", "/v1/admin/publications/2024-03/1?tier=DISTRICT", undefined, [401, 403, 200, 200, 200, 200]],
  // corrective actions (issue 24, item 1)
  // Read by the chairman and Home Affairs, opened / accepted / reopened by Home Affairs; a unit's list and report for its own officer (2024-03 is scored above).
  ["GET", "/v1/admin/actions?overdue=false", undefined, [401, 403, 200, 200, 403, 403]],
  ["POST", "/v1/admin/actions", () => json({ actionId: "CA-AUTH", unitId: OWN, basis: { kind: "INDICATOR", indicator: "P1", period: "2024-03" }, deadline: "2099-12-31", required: "Giảm hồ sơ trễ hạn" }), [401, 403, 403, 201, 403, 403]],
  ["GET", "/v1/admin/actions/CA-AUTH", undefined, [401, 403, 200, 200, 403, 403]],
  ["GET", "/v1/admin/actions/CA-MISSING", undefined, [401, 403, 404, 404, 403, 403]],
  ["GET", `/v1/units/${OWN}/actions`, undefined, [401, 403, 200, 200, 200, 403]],
  ["POST", `/v1/units/${OWN}/actions/CA-AUTH/report`, () => json({ text: "Đã rà soát quy trình", version: 1 }), [401, 403, 403, 403, 200, 403]],
  ["POST", `/v1/units/${OWN}/actions/CA-MISSING/report`, () => json({ text: "Đã rà soát", version: 1 }), [401, 403, 403, 403, 404, 403]],
  ["POST", "/v1/admin/actions/CA-AUTH/reopen", () => json({ reason: "Chưa đủ minh chứng", version: 2 }), [401, 403, 403, 200, 403, 403]],
  ["POST", `/v1/units/${OWN}/actions/CA-AUTH/report`, () => json({ text: "Bổ sung minh chứng", version: 3 }), [401, 403, 403, 403, 200, 403]],
  ["POST", "/v1/admin/actions/CA-AUTH/accept", () => json({ version: 4 }), [401, 403, 403, 200, 403, 403]],
  // proposals on heads (issue 24, item 2)
  // Never public, never a unit officer's (own unit or not): read by the chairman and Home Affairs, written by Home Affairs. The head and the concluded finding come from the rows above.
  ["GET", "/v1/admin/proposals", undefined, [401, 403, 200, 200, 403, 403]],
  ["GET", `/v1/admin/proposals?unitId=${OWN}`, undefined, [401, 403, 200, 200, 403, 403]],
  ["POST", "/v1/admin/proposals", () => json({ proposalId: "P-AUTH", unitId: OWN, headId: `HEAD-${OWN}-1`, kind: "REMINDER", basis: [{ kind: "FINDING", findingId: "F-CONCLUDE" }], reason: "Chậm trả hồ sơ" }), [401, 403, 403, 201, 403, 403]],
  ["GET", "/v1/admin/proposals/P-AUTH", undefined, [401, 403, 200, 200, 403, 403]],
  ["GET", "/v1/admin/proposals/P-MISSING", undefined, [401, 403, 404, 404, 403, 403]],
  ["PUT", "/v1/admin/proposals/P-AUTH", () => json({ unitId: OWN, headId: `HEAD-${OWN}-1`, kind: "CRITICISM", basis: [{ kind: "FINDING", findingId: "F-CONCLUDE" }], reason: "Chậm trả hồ sơ nhiều lần", version: 1 }), [401, 403, 403, 200, 403, 403]],
  ["POST", "/v1/admin/proposals/P-AUTH/withdraw", () => json({ reason: "Đơn vị đã khắc phục", version: 2 }), [401, 403, 403, 200, 403, 403]],
  ["POST", "/v1/admin/proposals", () => json({ proposalId: "P-AUTH-D", unitId: OWN, headId: `HEAD-${OWN}-1`, kind: "DISCIPLINE_REVIEW", basis: [{ kind: "FINDING", findingId: "F-CONCLUDE" }], reason: "Vi phạm kéo dài" }), [401, 403, 403, 201, 403, 403]],
  // Decided today (local date): not in the future, not before the proposal.
  ["POST", "/v1/admin/proposals/P-AUTH-D/decide", () => json({ decisionNumber: "5/QĐ-UBND", decisionDate: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10), outcome: "Khiển trách", version: 1 }), [401, 403, 403, 200, 403, 403]],
  // reports and their submission (issue 24, item 3)
  // The submission (D10): the deadline and the tracker for the chairman and Home Affairs, set by Home Affairs; the narrative read by them and the unit's own officer, written by that officer only.
  ["GET", "/v1/admin/reports/2024-H1/deadline", undefined, [401, 403, 200, 200, 403, 403]],
  ["PUT", "/v1/admin/reports/2024-H1/deadline", () => json({ deadline: "2024-07-15", version: 0 }), [401, 403, 403, 200, 403, 403]],
  ["GET", "/v1/admin/reports/2024-H1/submissions?tier=DISTRICT", undefined, [401, 403, 200, 200, 403, 403]],
  ["GET", "/v1/admin/reports/2024-Q1/submissions", undefined, [401, 403, 422, 422, 403, 403]],
  ["GET", `/v1/units/${OWN}/reports/2024-H1/narrative`, undefined, [401, 403, 200, 200, 200, 403]],
  ["PUT", `/v1/units/${OWN}/reports/2024-H1/narrative`, () => json({ text: "Sáu tháng đầu năm 2024: 98% hồ sơ đúng hạn.", version: 0 }), [401, 403, 403, 403, 200, 403]],
  ["PUT", "/v1/units/DIST-732/reports/2024-H1/narrative", () => json({ text: "Báo cáo của đơn vị khác", version: 0 }), [401, 403, 403, 403, 403, 403]],
  // The reports (D10): the province's for the chairman and Home Affairs; a unit's also for its own officers. 2024-H1 is not scored here: 404 once allowed.
  ["GET", "/v1/reports/2024-H1", undefined, [401, 403, 404, 404, 403, 403]],
  ["GET", `/v1/units/${OWN}/reports/2024-H1`, undefined, [401, 403, 404, 404, 404, 403]],
  ["GET", "/v1/reports/2024-H1?version=1", undefined, [401, 403, 404, 404, 403, 403]],
  ["POST", "/v1/reports/publish", () => json({ period: "2024-H1" }), [401, 403, 403, 404, 403, 403]],
  // rules as data (issue 24, item 4)
  // Read by every staff role (the compiled data are public), recorded by Home Affairs only. The year is the current one
  // (a past year is closed; the compiled calendar ends in 2027, so this holds through 2028); the unit change takes effect this month.
  ["GET", "/v1/admin/rules", undefined, [401, 403, 200, 200, 200, 200]],
  ["PUT", "/v1/admin/rules/holidays", () => json({ year: THIS_YEAR, days: [{ date: `${THIS_YEAR}-01-01`, kind: "HOLIDAY", nameVi: "Tết Dương lịch", nameEn: "New Year's Day" }], basis: "Thông báo 1/TB-BNV", version: 0 }), [401, 403, 403, 200, 403, 403]],
  ["POST", "/v1/admin/rules/unit-changes", () => json({ change: { kind: "NEW_UNIT", effectiveFrom: `${THIS_MONTH}-01`, unit: { unitId: "COM-99001-2026", nameVi: "Xã Thử", nameEn: "Test Commune", tier: "COMMUNE", parentId: "PROV-75-2025" } }, basis: "NQ 1/NQ-HĐND", version: 0 }), [401, 403, 403, 200, 403, 403]],
  ["POST", "/v1/admin/rules/methodology/preview", () => json(METHODOLOGY_VERSION), [401, 403, 403, 200, 403, 403]],
  ["POST", "/v1/admin/rules/methodology", () => json({ ...METHODOLOGY_VERSION, version: 0 }), [401, 403, 403, 200, 403, 403]],
  ["GET", "/v1/admin/audit?limit=5", undefined, [401, 403, 200, 200, 403, 403]],
  ["GET", "/v1/admin/audit.csv", undefined, [401, 403, 403, 200, 403, 403]],
];

describe("Authorization matrix of the admin API: every route × every role, against the live local server", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  const tokens = new Map<Who, string | undefined>();

  beforeAll(async () => {
    fx = await httpFixture();
    await fx.post("/v1/events", JSON.stringify({ events: new CaseBuilder("ADM-1", OWN).received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-06T10:00:00").build() }));
    await compactLake(fx.rt.engine, fx.rt.lake.root);
    await scorePeriod(fx.rt.score)(parsePeriod("2024-03"));
    await createFinding(fx.rt.admin)(HA, { ...finding, findingId: "F-EDIT" });
    await createFinding(fx.rt.admin)(HA, { ...finding, findingId: "F-CONCLUDE" });
    await markImproperReturn(fx.rt.admin)(HA, "IR-AUTH", 0, { unitId: OWN, basis: { kind: "INSPECTION_FINDING", findingId: "F-EDIT" } });
    const issue = async (id: string) => fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === id)!);
    tokens.set("anonymous", undefined);
    tokens.set("source-system", TEST_TOKEN);
    tokens.set("chairman", await issue("chairman"));
    tokens.set("home-affairs", await issue("home-affairs"));
    tokens.set("officer-own", await issue("officer-bien-hoa"));
    tokens.set("officer-other", await issue("officer-stp"));
  });
  afterAll(() => fx.close());

  it("covers every admin route", () => {
    const covered = new Set(MATRIX.map(([m, p]) => `${m} ${p.split("?")[0]}`));
    for (const key of ADMIN_ROUTES) {
      const [method, path] = key.split(" ") as [string, string];
      const re = new RegExp(`^${method} ${path.replace(/\{\w+\}/g, "[^/]+").replace(".", "\\.")}$`);
      expect([...covered].some((c) => re.test(c)), key).toBe(true);
    }
  });

  for (const [method, path, body, expected] of MATRIX) {
    it.each(WHO.map((who, i) => [who, expected[i]] as const))(`${method} ${path} as %s → %i`, async (who, status) => {
      const token = tokens.get(who);
      const b = body?.();
      const res = await fetch(`${fx.base}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(b ? { "content-type": b.type } : {}) },
        ...(b ? { body: b.text } : {}),
      });
      const text = await res.text();
      expect(res.status, text).toBe(status);
      if ((status ?? 0) >= 400) expect(res.headers.get("content-type")).toContain("application/problem+json");
    });
  }
});
