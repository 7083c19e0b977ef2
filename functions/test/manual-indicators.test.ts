/**
 * The service-index indicators Home Affairs enters (issue 20, item 5): D3 "certified electronic
 * copies" entered as counts through `PUT /v1/admin/indicators/{unitId}/{period}/{indicator}`
 * (validated, versioned, audited, locked by a concluded finding naming it), scored with the
 * computed indicators by every scoring run and at once in the period's draft rankings (a published
 * version stays as frozen), and the `missing` list that says why a total is incomplete.
 */
import { DN_2026_1, DN_2026_2, type IndicatorCounts, type Methodology, type RankingSnapshot, UnitCatalog, parsePeriod, scoreUnits, unitsValidIn } from "@scorecard/shared";
import { publicRankingKey } from "@scorecard/shared/lake/layout";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredCriterion } from "../src/ports/admin.js";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { DEMO_USERS } from "../src/adapters/local/local-identity.js";
import { scoreAndRate } from "../src/use-cases/jobs/score-run.js";
import { manualValuesOf, missingIndicators, rescoreSnapshot, withManualValues } from "../src/use-cases/score/manual-indicators.js";
import { scoreUnitsOf } from "../src/use-cases/score/score-period.js";
import { demoD3Entries, demoMonthCounts } from "../src/seed/manual-indicators.js";
import { CaseBuilder } from "./support/events.js";
import { httpFixture } from "./support/http-fixture.js";

const item = (unitId: string, periodId: string, criterion: string, numerator: number | null, denominator: number | null): StoredCriterion => ({
  unitId,
  periodId,
  criterion,
  points: null,
  numerator,
  denominator,
  evidence: "BC 1",
  lockedBy: [],
  version: 1,
  updatedAt: null,
  lastAudit: null,
});

/** A department with every computed scored indicator full (10 of 10; S3's ratio 1). */
const fullComputed = (m: Methodology): Record<string, IndicatorCounts> =>
  Object.fromEntries(m.indicators.filter((d) => d.source !== "MANUAL").map((d) => [d.code, { numerator: 10, denominator: 10, ...(d.code === "S3" ? { ratio: 1 } : {}) }]));

describe.each([DN_2026_1, DN_2026_2])("scoring with an entered D3 ($id)", (m) => {
  const unit = { unitId: "DEPT-STP-2020", tier: "DEPARTMENT", name: "Sở Tư pháp", values: fullComputed(m) };

  it("everything full and D3 entered 48 of 48: 18 + 20 + 12 + 10 + 22 + 18 = 100, complete, nothing missing", () => {
    const manual = manualValuesOf(m, [item(unit.unitId, "2024-03", "D3", 48, 48), item(unit.unitId, "2024-03", "PAR1", null, null)]);
    const [s] = scoreUnits(m, "2024-03", withManualValues([unit], manual));
    expect(s?.indicators["D3"]).toMatchObject({ numerator: 48, denominator: 48, ratio: 1, points: 2, max: 2, status: "ok" });
    expect(s?.groups).toEqual({ CKMB: { points: 18, max: 18 }, TDGQ: { points: 20, max: 20 }, DVCTT: { points: 12, max: 12 }, TTTT: { points: 10, max: 10 }, SHHS: { points: 22, max: 22 }, MDHL: { points: 18, max: 18 } });
    expect([s?.total, s?.complete, s?.band, s?.rank]).toEqual([100, true, "EXCELLENT", 1]);
    expect(missingIndicators(m, s!)).toEqual([]);
  });

  it("D3 not entered: 98 of 100, incomplete, missing [D3]; 30 of 40 entered: 2 × 0.75 = 1.5 → 99.5", () => {
    const [none] = scoreUnits(m, "2024-03", withManualValues([unit], new Map()));
    expect([none?.total, none?.complete, none?.indicators["D3"]?.status]).toEqual([98, false, "no-data"]);
    expect(missingIndicators(m, none!)).toEqual(["D3"]);
    const [part] = scoreUnits(m, "2024-03", withManualValues([unit], manualValuesOf(m, [item(unit.unitId, "2024-03", "D3", 30, 40)])));
    expect([part?.indicators["D3"]?.points, part?.groups.SHHS.points, part?.total, part?.complete]).toEqual([1.5, 21.5, 99.5, true]);
    // 0 requests entered: the methodology's rule for an empty denominator (NO_DATA) — still missing.
    const [zero] = scoreUnits(m, "2024-03", withManualValues([unit], manualValuesOf(m, [item(unit.unitId, "2024-03", "D3", 0, 0)])));
    expect([zero?.total, zero?.complete, missingIndicators(m, zero!)]).toEqual([98, false, ["D3"]]);
  });

  it("a snapshot scored again with the entries equals scoring the counts with them (ranks move with the totals)", () => {
    const other = { unitId: "DEPT-SYT-2020", tier: "DEPARTMENT", name: "Sở Y tế", values: { ...fullComputed(m), P1: { numerator: 199, denominator: 200 } } };
    const before = scoreUnits(m, "2024-03", [unit, other]);
    // 98 (no D3) ahead of 97.9 (P1 199 of 200, no D3).
    expect(before.map((s) => [s.unitId, s.rank, s.total])).toEqual([["DEPT-STP-2020", 1, 98], ["DEPT-SYT-2020", 2, 97.9]]);
    const snapshot: RankingSnapshot = {
      period: "2024-03", tier: "DEPARTMENT", methodology: m.id, computedAt: "2024-04-01T00:00:00.000Z", dataAsOf: "2024-03-31T17:00:00.000Z", status: "draft", version: null, engine: "sql",
      units: before.map((s) => ({ unitId: s.unitId, nameVi: s.unitId === unit.unitId ? unit.name : other.name, nameEn: s.unitId, tier: "DEPARTMENT", rank: s.rank, total: s.total, complete: s.complete, band: s.band, indicators: s.indicators, groups: s.groups, counts: { EARLY: 1 } })),
    };
    const manual = manualValuesOf(m, [item(other.unitId, "2024-03", "D3", 10, 10)]);
    const again = rescoreSnapshot(m, snapshot, manual);
    const direct = scoreUnits(m, "2024-03", withManualValues([unit, other], manual));
    expect(again.units.map((u) => [u.unitId, u.rank, u.total, u.complete, u.missing])).toEqual(direct.map((s) => [s.unitId, s.rank, s.total, s.complete, missingIndicators(m, s)]));
    // The unit with D3 entered now leads (97.9 + 2 = 99.9 > 98): its rank, and the other's, moved; the rest of the row is kept.
    expect(again.units[0]).toMatchObject({ unitId: "DEPT-SYT-2020", rank: 1, complete: true, missing: [], counts: { EARLY: 1 } });
    expect(again.computedAt).toBe(snapshot.computedAt);
  });
});

describe("the demo's D3 entries (seed/manual-indicators.ts)", () => {
  const catalog = new UnitCatalog();
  const periods = ["2024-01", "2024-02", "2024-03", "2024-Q1", "2024-H1", "2025-06", "2025-07", "2025-Q3", "2025"].map(parsePeriod);
  const entries = demoD3Entries(catalog, periods, 20240101);
  const of = (unitId: string, period: string) => entries.find((e) => e.unitId === unitId && e.period === period)?.input;

  it("one entry for every unit scored in each period, numerator ≤ denominator, denominator > 0", () => {
    for (const p of periods) {
      const scored = unitsValidIn(catalog, p).filter((u) => u.tier !== "PROVINCE").map((u) => u.unitId).sort();
      expect(entries.filter((e) => e.period === p.id).map((e) => e.unitId).sort(), p.id).toEqual(scored);
    }
    for (const e of entries) {
      expect(e.indicator).toBe("D3");
      expect(e.input.denominator).toBeGreaterThan(0);
      expect(e.input.numerator).toBeLessThanOrEqual(e.input.denominator);
      expect(e.input.evidence).toMatch(/demo/);
    }
  });

  it("a quarter is the sum of its months; a year sums the months the unit existed (a commune merged on 1 July 2025)", () => {
    const sum = (unitId: string, ids: string[]) => ids.map((id) => of(unitId, id)!).reduce((s, c) => ({ numerator: s.numerator + c.numerator, denominator: s.denominator + c.denominator }), { numerator: 0, denominator: 0 });
    for (const u of ["DEPT-STP-2020", "DIST-731"]) expect(of(u, "2024-Q1")).toMatchObject(sum(u, ["2024-01", "2024-02", "2024-03"]));
    const ended = entries.find((e) => e.period === "2025-06" && e.unitId.startsWith("COM-") && !of(e.unitId, "2025-07"))!.unitId;
    const jan = catalog.get(ended)!;
    const year = of(ended, "2025")!;
    const h1 = ["01", "02", "03", "04", "05", "06"].map((mm) => demoMonthCounts(jan, `2025-${mm}`, 20240101)).reduce((s, c) => s + c.denominator, 0);
    expect(year.denominator).toBe(h1);
  });

  it("is the same for the same seed and differs for another; Tết lowers the volume; the electronic share grows", () => {
    expect(demoD3Entries(catalog, periods, 20240101)).toEqual(entries);
    expect(demoD3Entries(catalog, periods, 7)).not.toEqual(entries);
    const communes = catalog.validIn("COMMUNE", "2024-01-01", "2024-12-31").slice(0, 40);
    const total = (month: string) => communes.reduce((s, u) => s + demoMonthCounts(u, month, 1).denominator, 0);
    expect(total("2024-02")).toBeLessThan(0.8 * total("2024-03"));
    const share = (month: string) => communes.reduce((s, u) => s + demoMonthCounts(u, month, 1).numerator, 0) / total(month);
    expect(share("2024-12")).toBeGreaterThan(share("2024-01") + 0.1);
  });
});

describe("D3 over HTTP: the route, its audit and lock, scoring and the refresh of the drafts", () => {
  const OWN = "DIST-731"; // Biên Hòa
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  let ha: string;
  type Problem = { code: string; errors?: { code: string; field: string }[] };
  type Unit = RankingSnapshot["units"][number];
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${fx.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${ha}`, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const d3 = (period: string, unitId = OWN) => `/v1/admin/indicators/${unitId}/${period}/D3`;
  const ranked = async (period: string, unitId = OWN): Promise<Unit> => {
    const view = (await (await call("GET", `/v1/rankings?period=${period}&tier=DISTRICT`)).json()) as RankingSnapshot;
    return view.units.find((u) => u.unitId === unitId)!;
  };
  const problem = async (res: Response) => [res.status, ((await res.json()) as Problem).code];

  beforeAll(async () => {
    fx = await httpFixture();
    ha = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "home-affairs")!);
    const events = ["01", "02", "03"].flatMap((mm, i) =>
      new CaseBuilder(`D3-${mm}`, OWN).received(`2024-${mm}-04T09:00:00`, `2024-${mm}-12T17:00:00`).resolved(`2024-${mm}-0${6 + i}T10:00:00`).build(),
    );
    expect((await fx.post("/v1/events", JSON.stringify({ events }))).status).toBe(200);
    await compactLake(fx.rt.engine, fx.rt.lake.root);
    for (const p of ["2024-03", "2024-Q1"]) await scoreAndRate(fx.rt.score, fx.rt.admin)(parsePeriod(p));
  }, 120_000);
  afterAll(() => fx?.close());

  it("validation: counts, the indicator, the unit and period, the version", async () => {
    const body = { numerator: 45, denominator: 50, evidence: "Báo cáo 12/BC-STP", version: 0 };
    const over = await call("PUT", d3("2024-03"), { ...body, numerator: 51 });
    expect(over.status).toBe(422);
    expect(((await over.json()) as Problem).errors?.[0]).toMatchObject({ field: "numerator", code: "OUT_OF_RANGE" });
    expect(await problem(await call("PUT", d3("2024-03"), { ...body, numerator: -1 }))).toEqual([422, "INVALID_CONTENT"]);
    expect(await problem(await call("PUT", d3("2024-03"), { ...body, denominator: 50.5 }))).toEqual([422, "INVALID_CONTENT"]);
    expect(await problem(await call("PUT", d3("2024-03"), { ...body, points: 2 }))).toEqual([422, "INVALID_CONTENT"]); // strict: points are not entered
    expect(await problem(await call("PUT", d3("2024-03"), { ...body, evidence: "=HYPERLINK(1)" }))).toEqual([422, "INVALID_CONTENT"]);
    const computed = await call("PUT", `/v1/admin/indicators/${OWN}/2024-03/P1`, body);
    expect(((await computed.json()) as Problem).errors?.[0]).toMatchObject({ field: "indicator", code: "NOT_MANUAL" });
    const unknown = await call("PUT", `/v1/admin/indicators/${OWN}/2024-03/ZZ9`, body);
    expect(((await unknown.json()) as Problem).errors?.[0]).toMatchObject({ field: "indicator", code: "UNKNOWN_INDICATOR" });
    // The districts were dissolved on 1 July 2025: Biên Hòa is not scored in 2026-03.
    const gone = await call("PUT", d3("2026-03"), body);
    expect(((await gone.json()) as Problem).errors?.[0]).toMatchObject({ field: "unitId", code: "UNKNOWN_UNIT" });
    expect(await problem(await call("PUT", d3("2024-03", "DIST-999"), body))).toEqual([404, "NOT_FOUND"]);
    expect(await problem(await call("PUT", d3("2024-03"), { numerator: 45, denominator: 50, evidence: "BC" }))).toEqual([428, "VERSION_REQUIRED"]);
    // The criteria route points to this one for D3.
    const asCriterion = await call("PUT", `/v1/admin/criteria/${OWN}/2024-03/D3`, { points: 2, evidence: "BC", version: 0 });
    expect(((await asCriterion.json()) as Problem).errors?.[0]).toMatchObject({ field: "criterion", code: "UNKNOWN_CRITERION" });
    // Nothing was stored by any of these.
    expect(await (await call("GET", d3("2024-03"))).json()).toMatchObject({ numerator: null, denominator: null, points: null, version: 0, locked: false, updatedAt: null, updatedBy: null });
  });

  it("an entry is audited and refreshes the period's draft ranking at once: D3 scored, the total up by its points, `missing` without it, the public JSON too", async () => {
    const before = await ranked("2024-03");
    expect(before.indicators["D3"]?.status).toBe("no-data");
    expect(before.complete).toBe(false);
    expect(before.missing).toContain("D3");
    const res = await call("PUT", d3("2024-03"), { numerator: 45, denominator: 50, evidence: "Báo cáo 12/BC-STP" }, { "if-match": '"0"' });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(await res.json()).toMatchObject({ unitId: OWN, period: "2024-03", indicator: "D3", group: "SHHS", max: 2, numerator: 45, denominator: 50, ratio: 0.9, points: 1.8, version: 1, locked: false, updatedBy: { role: "home-affairs" } });
    // Who entered it and when, read back (the page shows them with the entry).
    const read = (await (await call("GET", d3("2024-03"))).json()) as { updatedBy: { sub: string; role: string } | null; updatedAt: string | null };
    expect([read.updatedBy?.role, typeof read.updatedAt]).toEqual(["home-affairs", "string"]);
    const after = await ranked("2024-03");
    expect(after.indicators["D3"]).toEqual({ numerator: 45, denominator: 50, ratio: 0.9, points: 1.8, max: 2, status: "ok" });
    expect(after.groups?.["SHHS"]?.points).toBeCloseTo((before.groups?.["SHHS"]?.points ?? 0) + 1.8, 4);
    expect(after.total).toBeCloseTo((before.total ?? 0) + 1.8, 4);
    expect(after.missing).toEqual(before.missing?.filter((c) => c !== "D3"));
    expect(after.complete).toBe(after.missing?.length === 0);
    // The public JSON of the (unpublished) period follows the draft, `missing` passed through.
    const publicJson = JSON.parse(new TextDecoder().decode(await fx.rt.lake.get(publicRankingKey(fx.rt.score.methodology, "2024-03", "DISTRICT")))) as { units: Unit[] };
    const pub = publicJson.units.find((u) => u.unitId === OWN)!;
    expect([pub.indicators["D3"]?.points, pub.missing]).toEqual([1.8, after.missing]);
    expect((await (await call("GET", `/v1/public/rankings?period=2024-03&tier=DISTRICT`)).json()) as { units: Unit[] }).toMatchObject({ units: expect.arrayContaining([expect.objectContaining({ unitId: OWN, missing: after.missing })]) });
    // Audited: who, what, before and after.
    const audit = (await (await call("GET", "/v1/admin/audit?limit=20")).json()) as { entries: { action: string; entityType: string; entityId: string; before: unknown; after: unknown; actor: { role: string } }[] };
    expect(audit.entries.find((e) => e.action === "indicator.enter")).toMatchObject({
      entityType: "indicator",
      entityId: `${OWN}/2024-03/D3`,
      before: null,
      after: { numerator: 45, denominator: 50, evidence: "Báo cáo 12/BC-STP", version: 1 },
      actor: { role: "home-affairs" },
    });
    // The same numbers a scoring run gives now (it reads the entry through the port).
    const refreshed = (await fx.rt.score.snapshots.get(fx.rt.score.methodology, "2024-03", "DISTRICT"))!.units;
    await scoreAndRate(fx.rt.score, fx.rt.admin)(parsePeriod("2024-03"));
    expect((await fx.rt.score.snapshots.get(fx.rt.score.methodology, "2024-03", "DISTRICT"))!.units).toEqual(refreshed);
    // A second entry records its before; a stale version is refused and audited.
    expect((await call("PUT", d3("2024-03"), { numerator: 50, denominator: 50, evidence: "Báo cáo 12/BC-STP (sửa)", version: 1 })).status).toBe(200);
    expect((await ranked("2024-03")).indicators["D3"]?.points).toBe(2);
    expect(await problem(await call("PUT", d3("2024-03"), { numerator: 1, denominator: 50, evidence: "x", version: 1 }))).toEqual([409, "VERSION_CONFLICT"]);
    const log = (await (await call("GET", "/v1/admin/audit?limit=20")).json()) as { entries: { action: string; before: unknown; after: unknown }[] };
    expect(log.entries.find((e) => e.action === "indicator.enter" && (e.after as { version: number }).version === 2)?.before).toMatchObject({ numerator: 45, denominator: 50, version: 1 });
    expect(log.entries.some((e) => e.action === "indicator.enter.refused" && (e.after as { refused: string }).refused === "VERSION_CONFLICT")).toBe(true);
  });

  it("a concluded finding naming D3 locks it: 409 CRITERION_LOCKED, the entry stands, the refusal is audited", async () => {
    const finding = { findingId: "F-D3", unitId: OWN, period: "2024-03", criterion: "D3", deduction: 1, evidence: "KL 7/KL-TTr: số liệu chứng thực" };
    expect((await call("POST", "/v1/admin/findings", finding)).status).toBe(201);
    // A deduction above D3's maximum (2) is refused like one above a criterion's.
    expect(((await (await call("POST", "/v1/admin/findings", { ...finding, findingId: "F-D3-BIG", deduction: 2.5 })).json()) as Problem).errors?.[0]).toMatchObject({ field: "deduction", code: "OUT_OF_RANGE" });
    // Before the conclusion the entry can still change.
    expect((await call("PUT", d3("2024-03"), { numerator: 48, denominator: 50, evidence: "BC 12 (bổ sung)", version: 2 })).status).toBe(200);
    expect((await call("POST", "/v1/admin/findings/F-D3/conclude", { noticeNumber: "7/TB-TTr", noticeDate: "2024-06-28" }, { "if-match": '"1"' })).status).toBe(200);
    expect(await problem(await call("PUT", d3("2024-03"), { numerator: 50, denominator: 50, evidence: "BC 13", version: 3 }))).toEqual([409, "CRITERION_LOCKED"]);
    // The lock does not change who made the entry.
    expect(await (await call("GET", d3("2024-03"))).json()).toMatchObject({ numerator: 48, denominator: 50, points: 1.92, version: 3, locked: true, lockedBy: ["F-D3"], updatedBy: { role: "home-affairs" } });
    const list = (await (await call("GET", `/v1/admin/indicators/${OWN}/2024-03`)).json()) as { indicators: { indicator: string; locked: boolean }[] };
    expect(list.indicators).toEqual([expect.objectContaining({ indicator: "D3", locked: true })]);
    const log = (await (await call("GET", "/v1/admin/audit?limit=20")).json()) as { entries: { action: string; after: unknown }[] };
    expect(log.entries.some((e) => e.action === "indicator.enter.refused" && (e.after as { refused: string }).refused === "CRITERION_LOCKED")).toBe(true);
    // The lock is the unit's and period's only: another period is open.
    expect((await call("PUT", d3("2024-02"), { numerator: 10, denominator: 20, evidence: "BC 11", version: 0 })).status).toBe(200);
  });

  it("a published version stays as frozen: the entry moves the draft only (draftDiffers), the public ranking keeps version 1", async () => {
    expect((await call("POST", "/v1/admin/publish", { period: "2024-Q1" })).status).toBe(201);
    const frozen = await (await call("GET", "/v1/admin/publications/2024-Q1/1?tier=DISTRICT")).text();
    const publicBefore = new TextDecoder().decode(await fx.rt.lake.get(publicRankingKey(fx.rt.score.methodology, "2024-Q1", "DISTRICT")));
    expect((await call("PUT", d3("2024-Q1"), { numerator: 120, denominator: 150, evidence: "Báo cáo quý I/2024", version: 0 })).status).toBe(200);
    expect((await ranked("2024-Q1")).indicators["D3"]?.points).toBe(1.6);
    expect(await (await call("GET", "/v1/admin/publications/2024-Q1/1?tier=DISTRICT")).text()).toBe(frozen);
    expect(new TextDecoder().decode(await fx.rt.lake.get(publicRankingKey(fx.rt.score.methodology, "2024-Q1", "DISTRICT")))).toBe(publicBefore);
    const pub = (await (await call("GET", "/v1/public/rankings?period=2024-Q1&tier=DISTRICT")).json()) as { status: string; version: number; publication: { draftDiffers: boolean }; units: Unit[] };
    expect([pub.status, pub.version, pub.publication.draftDiffers]).toEqual(["published", 1, true]);
    expect(pub.units.find((u) => u.unitId === OWN)?.indicators["D3"]?.status).toBe("no-data");
  });

  it("a scoring run reads the entries through the port, on the SQL and the reference route alike", async () => {
    // 2024-02 was never scored: its entry (above) waited for the run.
    const [snap] = (await scoreAndRate(fx.rt.score, fx.rt.admin)(parsePeriod("2024-02"))).filter((s) => s.tier === "DISTRICT");
    expect(snap?.units.find((u) => u.unitId === OWN)?.indicators["D3"]).toMatchObject({ numerator: 10, denominator: 20, points: 1, status: "ok" });
    const reference = await scoreUnitsOf(fx.rt.score, parsePeriod("2024-02"), "reference");
    expect(reference.units.find((u) => u.unitId === OWN)?.indicators["D3"]).toMatchObject({ numerator: 10, denominator: 20, points: 1 });
    // Without the port (a tool without the admin store) there is none.
    const without = await scoreUnitsOf({ ...fx.rt.score, manualIndicators: undefined }, parsePeriod("2024-02"), "sql");
    expect(without.units.find((u) => u.unitId === OWN)?.indicators["D3"]?.status).toBe("no-data");
  });
});
