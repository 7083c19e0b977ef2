/**
 * The six-monthly and annual reports as documents (issue 24, item 3; docs/adr/0021-reports.md),
 * against the live local server: every number of the report is checked against the independent
 * read routes (rankings, head ratings, reform index) and the change vs the previous half-year is
 * computed here by hand from those routes; a unit officer reads their own unit's report only.
 */
import { parsePeriod } from "@scorecard/shared";
import type { HeadRatings, RankingView, ReformIndexView } from "@scorecard/shared/contracts/read-api";
import type { ReportDocument } from "@scorecard/shared/contracts/reports";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { DEMO_USERS } from "../src/adapters/local/local-identity.js";
import { createFinding } from "../src/use-cases/admin/findings.js";
import { seedHeads } from "../src/use-cases/admin/heads.js";
import { openAction } from "../src/use-cases/admin/corrective-actions.js";
import { submitNarrative } from "../src/use-cases/admin/report-submissions.js";
import { scoreAndRate } from "../src/use-cases/jobs/score-run.js";
import { reportWorkbook } from "../src/local/report-files.js";
import { CaseBuilder } from "./support/events.js";
import { readXlsx } from "./support/xlsx-reader.js";
import { httpFixture } from "./support/http-fixture.js";

const OWN = "DIST-731"; // the demo officer "officer-bien-hoa" belongs here
const OTHER = "DIST-732";
const HA = { sub: "setup", role: "home-affairs" };
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

describe("Reports as documents: the province's and a unit's half-year, checked against the read routes", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  const tokens: Record<string, string> = {};
  const get = async <T>(path: string, who = "home-affairs"): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${fx.base}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    fx = await httpFixture();
    // H1: OWN two dossiers early, OTHER one early and one late. H2: OWN one late and one early, OTHER two early.
    const c = (id: string, unit: string, day: string, resolvedDay: string) =>
      new CaseBuilder(id, unit).received(`${day}T09:00:00`, `${day.slice(0, 8)}${String(Number(day.slice(8)) + 4).padStart(2, "0")}T17:00:00`).resolved(`${resolvedDay}T10:00:00`).build();
    const events = [
      ...c("R-1", OWN, "2024-03-04", "2024-03-06"),
      ...c("R-2", OWN, "2024-03-11", "2024-03-12"),
      ...c("R-3", OTHER, "2024-03-04", "2024-03-05"),
      ...c("R-4", OTHER, "2024-03-11", "2024-03-20"),
      ...c("R-5", OWN, "2024-09-09", "2024-09-20"),
      ...c("R-6", OWN, "2024-09-16", "2024-09-17"),
      ...c("R-7", OTHER, "2024-09-09", "2024-09-10"),
      ...c("R-8", OTHER, "2024-09-16", "2024-09-17"),
    ];
    expect((await fx.post("/v1/events", JSON.stringify({ events }))).status).toBe(200);
    await compactLake(fx.rt.engine, fx.rt.lake.root);
    await seedHeads(fx.rt.admin)([
      { headId: `HEAD-${OWN}-1`, unitId: OWN, name: "Trần Văn An (demo)", title: "Chủ tịch UBND", tenureFrom: "2020-01-01", tenureTo: null, demo: true },
      { headId: `HEAD-${OTHER}-1`, unitId: OTHER, name: "Lê Thị Bình (demo)", title: "Chủ tịch UBND", tenureFrom: "2020-01-01", tenureTo: null, demo: true },
    ]);
    // A concluded finding in 2024-H2 and a draft one (the draft is no part of the report).
    await createFinding(fx.rt.admin)(HA, { findingId: "F-REP", unitId: OWN, period: "2024-H2", criterion: "PAR5", deduction: 2, evidence: "Biên bản 15/BB-TTr" });
    await createFinding(fx.rt.admin)(HA, { findingId: "F-DRAFT", unitId: OWN, period: "2024-H2", criterion: "PAR5", deduction: 1, evidence: "Biên bản 16/BB-TTr" });
    for (const u of DEMO_USERS) tokens[u.id] ??= await fx.rt.identity.issue(u);
    const concluded = await fetch(`${fx.base}/v1/admin/findings/F-REP/conclude`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens["home-affairs"]}`, "content-type": "application/json" },
      body: JSON.stringify({ noticeNumber: "21/TB-SNV", noticeDate: "2024-12-20", version: 1 }),
    });
    expect(concluded.status).toBe(200);
    for (const p of ["2024-H1", "2024-H2"]) await scoreAndRate(fx.rt.score, fx.rt.admin)(parsePeriod(p));
  }, 120_000);
  afterAll(() => fx.close());

  it("the province report's units are the ranking route's, and the change vs 2024-H1 is this period's total minus the last one's", async () => {
    const { status, body: doc } = await get<ReportDocument>("/v1/reports/2024-H2");
    expect(status).toBe(200);
    expect(doc).toMatchObject({ scope: "province", period: "2024-H2", periodKind: "HALF", previousPeriod: "2024-H1", unitId: null, status: "draft" });
    const now = (await get<RankingView>("/v1/rankings?period=2024-H2&tier=DISTRICT", "chairman")).body;
    const before = (await get<RankingView>("/v1/rankings?period=2024-H1&tier=DISTRICT", "chairman")).body;
    const districts = doc.units.filter((u) => u.tier === "DISTRICT");
    expect(districts.map((u) => u.unitId).sort()).toEqual(now.units.map((u) => u.unitId).sort());
    for (const id of [OWN, OTHER]) {
      const line = districts.find((u) => u.unitId === id)!;
      const n = now.units.find((u) => u.unitId === id)!;
      const b = before.units.find((u) => u.unitId === id)!;
      expect(line).toMatchObject({ rank: n.rank, total: n.total, band: n.band, complete: n.complete, groups: n.groups ?? {} });
      for (const [code, v] of Object.entries(n.indicators)) expect(line.indicators[code], `${id} ${code}`).toEqual({ numerator: v.numerator, denominator: v.denominator, ratio: v.ratio, points: v.points, max: v.max, status: v.status });
      expect(line.previous).toMatchObject({ rank: b.rank, total: b.total, band: b.band });
      expect(line.change.total).toBe(r4((n.total as number) - (b.total as number)));
      expect(line.change.rank).toBe((b.rank as number) - (n.rank as number));
    }
    // By hand: OWN had one late dossier in H2 and none in H1, OTHER the other way round, so OWN fell below OTHER.
    const own = districts.find((u) => u.unitId === OWN)!;
    const other = districts.find((u) => u.unitId === OTHER)!;
    expect(own.change.total).toBeLessThan(0);
    expect(other.change.total).toBeGreaterThan(0);
    expect([own.rank, other.rank, own.change.rank, other.change.rank]).toEqual([2, 1, -1, 1]);
    // The tier's mean total: the two ranked districts' totals added and halved.
    const tier = doc.tiers.find((t) => t.tier === "DISTRICT")!;
    expect(tier).toMatchObject({ ranked: 2, meanTotal: r4(((own.total as number) + (other.total as number)) / 2), previousMeanTotal: r4(((own.previous?.total as number) + (other.previous?.total as number)) / 2) });
    expect(tier.change).toBe(r4((tier.meanTotal as number) - (tier.previousMeanTotal as number)));
    // P1 (on-time share): 1 of 2 and 2 of 2 this half-year → a mean of 0.75; 2 of 2 and 1 of 2 before → 0.75.
    expect(own.indicators["P1"]).toMatchObject({ numerator: 1, denominator: 2 });
    expect(tier.indicators["P1"]).toEqual({ mean: 0.75, previousMean: 0.75, units: 2 });
  });

  it("the heads, the reform index and the concluded findings are the read routes' and the admin workspace's", async () => {
    const doc = (await get<ReportDocument>("/v1/reports/2024-H2")).body;
    const heads = (await get<HeadRatings>("/v1/head-ratings?period=2024-H2", "chairman")).body.heads;
    const prevHeads = (await get<HeadRatings>("/v1/head-ratings?period=2024-H1", "chairman")).body.heads;
    expect(doc.heads.map((h) => h.headId).sort()).toEqual(heads.map((h) => h.headId).sort());
    for (const h of heads) {
      const line = doc.heads.find((x) => x.headId === h.headId)!;
      const p = prevHeads.find((x) => x.headId === h.headId)!;
      expect(line).toMatchObject({ status: h.status, results: h.results, total: h.total, band: h.band, previousTotal: p.total });
    }
    // The concluded finding deducts 2 from the head's results: the report shows what the route shows.
    expect(heads.find((h) => h.unitId === OWN)?.deductions).toMatchObject({ findings: 2 });
    const reform = (await get<ReformIndexView>("/v1/reform-index?period=2024-H2", "chairman")).body;
    const prevReform = (await get<ReformIndexView>("/v1/reform-index?period=2024-H1", "chairman")).body;
    for (const id of [OWN, OTHER]) {
      const r = reform.units.find((u) => u.unitId === id)!;
      const pr = prevReform.units.find((u) => u.unitId === id)!;
      const line = doc.units.find((u) => u.unitId === id)!;
      expect(line.reform).toEqual({ total: r.total, scoredMax: r.scoredMax, complete: r.complete, band: r.band });
      expect(line.change.reform).toBe(r4(r.total - pr.total));
    }
    expect(doc.findings.map((f) => [f.findingId, f.status, f.deduction])).toEqual([["F-REP", "CONCLUDED", 2]]);
  });

  it("a unit's report: the unit alone, for its own officer; another unit's is refused; a period not scored or not a half-year is not served", async () => {
    const { status, body } = await get<ReportDocument>(`/v1/units/${OWN}/reports/2024-H2`, "officer-bien-hoa");
    expect(status).toBe(200);
    expect(body).toMatchObject({ scope: "unit", unitId: OWN, narrative: null, narrativeAvailable: true });
    expect(body.units.map((u) => u.unitId)).toEqual([OWN]);
    expect(body.heads.map((h) => h.unitId)).toEqual([OWN]);
    expect(body.tiers.map((t) => t.tier)).toEqual(["DISTRICT"]);
    const province = (await get<ReportDocument>("/v1/reports/2024-H2")).body;
    expect(body.units[0]).toEqual(province.units.find((u) => u.unitId === OWN));
    expect((await get(`/v1/units/${OTHER}/reports/2024-H2`, "officer-bien-hoa")).status).toBe(403);
    expect((await get("/v1/reports/2024-H2", "officer-bien-hoa")).status).toBe(403);
    expect((await get("/v1/reports/2023-H2")).status).toBe(404);
    expect((await get("/v1/reports/2024-Q3")).status).toBe(422);
    expect((await get(`/v1/units/DIST-999/reports/2024-H2`)).status).toBe(404);
  });

  it("the corrective actions of the period with their status, and the unit's narrative as submitted", async () => {
    const before = (await get<ReportDocument>(`/v1/units/${OWN}/reports/2024-H2`)).body;
    expect([before.actions, before.narrative]).toEqual([[], null]);
    await openAction(fx.rt.admin)(HA, { actionId: "A-REP", unitId: OWN, basis: { kind: "FINDING", findingId: "F-REP" }, deadline: "2099-12-31", required: "Rà soát quy trình tiếp nhận (demo)" });
    // An action of another period is no part of this report.
    await openAction(fx.rt.admin)(HA, { actionId: "A-H1", unitId: OWN, basis: { kind: "BAND", band: "WEAK", period: "2024-H1" }, deadline: "2099-12-31", required: "Giữ vững (demo)" });
    await submitNarrative(fx.rt.admin)({ sub: "officer", role: "unit-officer" }, OWN, "2024-H2", 0, { text: "Sáu tháng cuối năm 2024: đã khắc phục (demo)." });
    const doc = (await get<ReportDocument>(`/v1/units/${OWN}/reports/2024-H2`, "officer-bien-hoa")).body;
    expect(doc.actions).toEqual([
      { actionId: "A-REP", unitId: OWN, basisKind: "FINDING", basisPeriod: "2024-H2", indicator: null, required: "Rà soát quy trình tiếp nhận (demo)", deadline: "2099-12-31", status: "OPEN", overdue: false, lastReport: null },
    ]);
    expect(doc.narrative).toMatchObject({ text: "Sáu tháng cuối năm 2024: đã khắc phục (demo).", version: 1 });
    expect((await get<ReportDocument>("/v1/reports/2024-H1")).body.actions?.map((a) => a.actionId)).toEqual(["A-H1"]);
    expect((await get<ReportDocument>("/v1/reports/2024-H2")).body.narrative).toBeNull();
  });

  it("a published report is frozen with its version: served byte for byte after a later change, which needs a new version; unchanged, nothing to publish", async () => {
    const post = (who = "home-affairs") =>
      fetch(`${fx.base}/v1/reports/publish`, { method: "POST", headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" }, body: JSON.stringify({ period: "2024-H2" }) });
    const frozen = async (v: number) => (await fetch(`${fx.base}/v1/reports/2024-H2?version=${v}`, { headers: { authorization: `Bearer ${tokens["chairman"]}` } })).text();
    const first = await post();
    expect(first.status).toBe(201);
    expect(first.headers.get("location")).toBe("/v1/reports/2024-H2?version=1");
    expect(await first.json()).toMatchObject({ period: "2024-H2", version: 1 });
    const v1 = await frozen(1);
    const working = (await get<ReportDocument>("/v1/reports/2024-H2")).body;
    expect({ ...(JSON.parse(v1) as ReportDocument), builtAt: "" }).toEqual({ ...working, builtAt: "", status: "published", version: 1 });
    expect((await post()).status).toBe(409);
    expect((await post("chairman")).status).toBe(403);
    // A second finding concluded: the working report moves, version 1 does not.
    const concluded = await fetch(`${fx.base}/v1/admin/findings/F-DRAFT/conclude`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens["home-affairs"]}`, "content-type": "application/json" },
      body: JSON.stringify({ noticeNumber: "22/TB-SNV", noticeDate: "2024-12-27", version: 1 }),
    });
    expect(concluded.status).toBe(200);
    expect((await get<ReportDocument>("/v1/reports/2024-H2")).body.findings.map((f) => f.findingId)).toEqual(["F-DRAFT", "F-REP"]);
    expect(await frozen(1)).toBe(v1);
    expect((await (await post()).json()) as { version: number }).toMatchObject({ version: 2 });
    expect((JSON.parse(await frozen(2)) as ReportDocument).findings.map((f) => f.findingId)).toEqual(["F-DRAFT", "F-REP"]);
    expect(await frozen(1)).toBe(v1);
    expect((await fetch(`${fx.base}/v1/reports/2024-H2?version=3`, { headers: { authorization: `Bearer ${tokens["chairman"]}` } })).status).toBe(404);
    const audit = (await get<{ entries: { action: string; entityId: string; after: { version?: number } }[] }>("/v1/admin/audit?limit=50")).body.entries;
    expect(audit.filter((e) => e.action === "report.publish").map((e) => [e.entityId, e.after.version])).toEqual([["2024-H2", 2], ["2024-H2", 1]]);
  });

  it("the workbook read back by an independent reader holds the document's numbers as numbers, headers in the language asked for, formula-like text neutralised", async () => {
    const doc = (await get<ReportDocument>("/v1/reports/2024-H2")).body;
    // A finding whose evidence a spreadsheet would take for a formula.
    const planted: ReportDocument = { ...doc, findings: doc.findings.map((f) => ({ ...f, evidence: "=HYPERLINK(\"http://x\")" })) };
    const book = readXlsx(await reportWorkbook(planted, "vi"));
    expect(book.map((s) => s.name)).toEqual(["Tóm tắt", "Chỉ số", "Người đứng đầu", "Kết luận kiểm tra", "Biện pháp khắc phục"]);
    const [summary, indicators, heads, findings] = book as [ReturnType<typeof readXlsx>[number], ReturnType<typeof readXlsx>[number], ReturnType<typeof readXlsx>[number], ReturnType<typeof readXlsx>[number]];
    const rowOf = (sheet: typeof summary, pred: (r: (string | number | undefined)[]) => boolean) => [...sheet.rows.values()].find(pred);
    // Summary: each unit's line (tier, rank, id, name, total, band, previous total, change, rank change, reform, reform change).
    for (const u of doc.units.filter((x) => x.unitId === OWN || x.unitId === OTHER)) {
      const line = rowOf(summary, (r) => r[2] === u.unitId)!;
      expect(line.slice(0, 5)).toEqual(["UBND cấp huyện", u.rank, u.unitId, u.nameVi, u.total]);
      expect([line[6], line[7], line[8], line[9], line[10]]).toEqual([u.previous?.total, u.change.total, u.change.rank, u.reform?.total, u.change.reform]);
      expect(typeof line[4]).toBe("number");
    }
    const tier = doc.tiers.find((t) => t.tier === "DISTRICT")!;
    expect(rowOf(summary, (r) => r[0] === "UBND cấp huyện" && r[1] === tier.units)).toEqual(["UBND cấp huyện", tier.units, tier.ranked, tier.meanTotal, tier.previousMeanTotal, tier.change]);
    // Indicators: OWN's P1 (1 of 2 on time).
    const p1 = rowOf(indicators, (r) => r[0] === OWN && r[2] === "P1")!;
    const own = doc.units.find((u) => u.unitId === OWN)!;
    expect(p1.slice(4, 9)).toEqual([1, 2, 0.5, own.indicators["P1"]?.points, own.indicators["P1"]?.max]);
    expect(p1[9]).toBe(1);
    expect(indicators.rows.get(1)?.slice(0, 4)).toEqual(["Mã đơn vị", "Tên đơn vị", "Mã", "Chỉ số"]);
    // Heads and findings.
    for (const h of doc.heads.filter((x) => x.unitId === OWN)) expect(rowOf(heads, (r) => r[0] === OWN && r[2] === h.name)?.[7]).toBe(h.total ?? undefined);
    expect(rowOf(findings, (r) => r[1] === "F-REP")?.slice(0, 5)).toEqual([OWN, "F-REP", "PAR5", 2, "'=HYPERLINK(\"http://x\")"]);
    // The corrective action opened above (the previous test), overdue or not in words.
    expect(rowOf(book[4]!, (r) => r[1] === "A-REP")?.slice(0, 4)).toEqual([OWN, "A-REP", "Kết luận kiểm tra", "2024-H2"]);
    expect(rowOf(book[4]!, (r) => r[1] === "A-REP")?.slice(6, 9)).toEqual(["2099-12-31", "Đang thực hiện", "Không"]);
    // English on request.
    const unitDoc = (await get<ReportDocument>(`/v1/units/${OWN}/reports/2024-H2`)).body;
    const en = readXlsx(await reportWorkbook(unitDoc, "en", "Bien Hoa City"));
    expect(en.map((s) => s.name)).toEqual(["Summary", "Indicators", "Heads of unit", "Findings", "Corrective actions"]);
    expect([en[0]?.rows.get(1), en[0]?.rows.get(4)]).toEqual([["Report", "Unit report"], ["Unit", "Bien Hoa City"]]);
  });
});
