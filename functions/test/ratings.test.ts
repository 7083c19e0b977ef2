/**
 * Head ratings and the reform index computed end to end on the June 2024 fixture of
 * head-indicators-sql.test.ts: events in DuckDB, Home Affairs data through the admin use cases
 * (dynalite), `scoreAndRate` as every scoring trigger calls it, and the stored lake objects.
 * Every expected number is computed by hand in the comments.
 */
import type { Clock } from "../src/ports/runtime.js";
import { HEAD_GENERAL_PREFIX, type Actor } from "../src/ports/admin.js";
import { readHeadRatings, readReformIndex } from "../src/use-cases/read/read-ratings.js";
import { scoreAndRate } from "../src/use-cases/jobs/score-run.js";
import { type Head, UnitCatalog, parsePeriod } from "@scorecard/shared";
import type { HeadRatings, HeadRatingView, ReformIndexView } from "@scorecard/shared/contracts/read-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdminDeps } from "../src/use-cases/admin/common.js";
import { appraiseCriterion } from "../src/use-cases/admin/criteria.js";
import { concludeFinding, createFinding } from "../src/use-cases/admin/findings.js";
import { appraiseHeadGeneral } from "../src/use-cases/admin/head-general.js";
import { seedHeads } from "../src/use-cases/admin/heads.js";
import { importSurvey } from "../src/use-cases/admin/survey.js";
import { type RatingDeps, refreshAfterChange } from "../src/use-cases/ratings/ratings.js";
import type { ScoreDeps } from "../src/use-cases/score/score-period.js";
import { FIXTURE_EVENTS, FIXTURE_UNITS } from "./support/head-fixture.js";
import { SqlTables } from "./support/sql-tables.js";
import { tempRuntime } from "./support/temp-runtime.js";

const HA: Actor = { sub: "ha-test", role: "home-affairs" };
const clock: Clock = { now: () => new Date("2024-07-02T03:00:00Z") };
const catalog = new UnitCatalog(FIXTURE_UNITS);
const head = (headId: string, unitId: string, tenureFrom: string, tenureTo: string | null): Head => ({ headId, unitId, name: `${headId} (demo)`, title: "Giám đốc", tenureFrom, tenureTo, demo: true });
// A changes head mid-June: HEAD-A-1 until 15/06 (15 of 30 days: exactly half, rated), HEAD-A-2 from 16/06 (15 days, rated).
const HEADS = [head("HEAD-A-1", "A", "2020-01-01", "2024-06-15"), head("HEAD-A-2", "A", "2024-06-16", null), head("HEAD-B-1", "B", "2020-01-01", null)];

describe("Use case: scoreAndRate — head ratings (§6) and reform index (§5) on a hand-computed fixture", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let db: SqlTables;
  let admin: AdminDeps;
  let ratings: RatingDeps;
  let score: ScoreDeps;
  const byId = (doc: HeadRatings | undefined) => new Map((doc?.heads ?? []).map((h) => [h.headId, h]));
  const stable = (doc: HeadRatings | undefined) => doc?.heads;

  beforeAll(async () => {
    env = await tempRuntime({ clock });
    db = await SqlTables.open(FIXTURE_UNITS);
    await db.load({ events: FIXTURE_EVENTS });
    admin = { ...env.rt.admin, catalog, clock };
    ratings = admin;
    // The fixture's units, not the runtime's rules in force (rules as data would replace the catalog at each run).
    score = { ...env.rt.score, engine: db.engine, catalog, clock, rules: undefined };
    await seedHeads(admin)(HEADS);
    await appraiseHeadGeneral(admin)(HA, "A", "HEAD-A-1", "2024-06", 0, { points: 25, evidence: "Biên bản đánh giá 06/2024" });
    // Concluded against HEAD-A-1 (−3); a draft against HEAD-A-1 (ignored); concluded against unit A
    // with no head, notice 20/06: inside HEAD-A-2's tenure (−1), outside HEAD-A-1's.
    const conclude = async (findingId: string, input: Parameters<ReturnType<typeof createFinding>>[1], noticeDate: string) => {
      await createFinding(admin)(HA, { findingId, ...input });
      await concludeFinding(admin)(HA, findingId, 1, { noticeNumber: `TB-${findingId}`, noticeDate });
    };
    await conclude("F-H1", { unitId: "A", headId: "HEAD-A-1", period: "2024-06", deduction: 3, evidence: "KL 1/KL-SNV" }, "2024-06-28");
    await createFinding(admin)(HA, { findingId: "F-DRAFT", unitId: "A", headId: "HEAD-A-1", period: "2024-06", deduction: 2, evidence: "KL 2 (dự thảo)" });
    await conclude("F-UNIT", { unitId: "A", period: "2024-06", deduction: 1, evidence: "KL 3/KL-SNV" }, "2024-06-20");
    await scoreAndRate(score, ratings)(parsePeriod("2024-06"));
  });
  afterAll(async () => {
    db.dispose();
    await env.dispose();
  });

  it("rates HEAD-A-1 on June's dossiers A received while they were in office, carried-over ones included (hand-computed)", async () => {
    const h = byId(await readHeadRatings(env.rt.read)("2024-06")).get("HEAD-A-1") as HeadRatingView;
    // Received in June during the tenure (to 15/06): A1 (03/06, online, synced, digitised, early),
    // A2 (03/06, late, apology), A3 (10/06, late, no apology), A4 (10/06, early, not satisfied);
    // carried over, received in May during the tenure: A5 (overdue).
    // Index: T4 1/4 → 1.5 | P1 2/5 → 20 × 0.4 = 8 | O3 ¼ of target ½ → 3 | payment 0 | D2 1/4 → 1 |
    //        S1 6 + S2 6 (no complaint) + S3 r = 1 − 3/5 − 1/4 = 0.15 → 6 × 0.15 / 0.9 = 1 → 26.5
    // Results: 70 × 26.5 / 100 = 18.55; R2 = 1/3 ⇒ −5 × 2/3 = −3.3333;
    //          R5 = 3/4 (B4 31/05, B5 01/06, B1 04/06 on time; B3 28/05 overdue) ⇒ −5 × 0.15 = −0.75;
    //          concluded finding F-H1 ⇒ −3 (the draft F-DRAFT counts nothing) ⇒ 18.55 − 7.0833 = 11.4667
    // General 25 ⇒ total 36.4667 ⇒ below 50: not completed.
    expect(h).toMatchObject({
      status: "RATED",
      pending: null,
      tenure: { from: "2024-06-01", to: "2024-06-15", days: 15, periodDays: 30, casesFrom: "2020-01-01", cases: 4, serviceIndex: 26.5, ratios: { R2: 1 / 3, R5: 0.75 } },
      deductions: { R2: 3.3333, R5: 0.75, findings: 3 },
      results: 11.4667,
      general: 25,
      total: 36.4667,
      band: "NOT_COMPLETED",
      cappedFromExcellent: false,
      unitNameVi: "A",
      tier: "DEPARTMENT",
    });
  });

  it("HEAD-A-2 and HEAD-B-1 are pending: no dossier of their tenure has a verdict yet", async () => {
    const doc = byId(await readHeadRatings(env.rt.read)("2024-06"));
    // HEAD-A-2 (16/06–30/06): A6 in progress only; R5 = 0/1 (B2 answered late) ⇒ −5 × 0.9 = −4.5;
    // F-UNIT (unit A, no head, notice 20/06) ⇒ −1.
    expect(doc.get("HEAD-A-2")).toMatchObject({ status: "PENDING", pending: "NO_CASES", tenure: { cases: 1, serviceIndex: null }, deductions: { R2: 0, R5: 4.5, findings: 1 }, total: null });
    expect(doc.get("HEAD-B-1")).toMatchObject({ status: "PENDING", pending: "NO_CASES", tenure: { cases: 2, serviceIndex: null } });
  });

  it("a head in office over the whole period and before it has exactly the unit's case-based numbers", async () => {
    const unitB = (await env.rt.score.snapshots.get(score.methodology, "2024-06", "DEPARTMENT"))?.units.find((u) => u.unitId === "B");
    const headB = byId(await readHeadRatings(env.rt.read)("2024-06")).get("HEAD-B-1") as HeadRatingView;
    expect(Object.keys(headB.tenure.indicators).length).toBe(16);
    for (const [code, v] of Object.entries(headB.tenure.indicators)) expect(v, code).toEqual(unitB?.indicators[code]);
  });

  it("a Home Affairs change re-rates without the SQL; a concluded finding counts once however often ratings are recomputed", async () => {
    const before = await readHeadRatings(env.rt.read)("2024-06");
    expect(await refreshAfterChange(ratings)(["2024-06", "2024-06"])).toEqual(["2024-06"]);
    await refreshAfterChange(ratings)(["2024-06"]);
    expect(stable(await readHeadRatings(env.rt.read)("2024-06"))).toEqual(stable(before));
    // Concluding the draft adds its 2 points once: 11.4667 − 2 = 9.4667, and stays so.
    await concludeFinding(admin)(HA, "F-DRAFT", 1, { noticeNumber: "TB-F-DRAFT", noticeDate: "2024-07-01" });
    await refreshAfterChange(ratings)(["2024-06"]);
    await refreshAfterChange(ratings)(["2024-06"]);
    await scoreAndRate(score, ratings)(parsePeriod("2024-06"));
    expect(byId(await readHeadRatings(env.rt.read)("2024-06")).get("HEAD-A-1")).toMatchObject({ deductions: { findings: 5 }, results: 9.4667, total: 34.4667 });
  });

  it("re-rating after a write reads the changed unit's criteria consistently, not from a period listing that lags (an index on AWS)", async () => {
    // A listing that has not caught up with the appraisal below (DynamoDB's gsi1 is eventually consistent).
    const stale = await admin.stores.criteria.listByPeriod("2024-06");
    const lagging: RatingDeps = { ...ratings, stores: { ...ratings.stores, criteria: { ...admin.stores.criteria, list: admin.stores.criteria.list.bind(admin.stores.criteria), listByPeriod: async () => stale } } };
    const general = (doc: HeadRatings | undefined) => byId(doc).get("HEAD-A-1")?.general;
    expect(general(await readHeadRatings(env.rt.read)("2024-06"))).toBe(25);
    const current = await env.rt.admin.stores.criteria.get("A", "2024-06", `${HEAD_GENERAL_PREFIX}HEAD-A-1`);
    await appraiseHeadGeneral(admin)(HA, "A", "HEAD-A-1", "2024-06", current?.version ?? 0, { points: 27, evidence: "Biên bản đánh giá lại 06/2024" });
    await refreshAfterChange(lagging)(["2024-06"]);
    expect(general(await readHeadRatings(env.rt.read)("2024-06"))).toBe(25);
    await refreshAfterChange(lagging)(["2024-06"], { unitId: "A" });
    expect(general(await readHeadRatings(env.rt.read)("2024-06"))).toBe(27);
  });

  it("re-rating after a conclusion reads the concluded finding consistently, not from a period listing that lags", async () => {
    await createFinding(admin)(HA, { findingId: "F-LAG", unitId: "A", headId: "HEAD-A-1", period: "2024-06", deduction: 4, evidence: "KL 4/KL-SNV" });
    // The listing as it was before the conclusion (DynamoDB's gsi1 is eventually consistent).
    const stale = await admin.stores.findings.listByPeriod("2024-06");
    const lagging: RatingDeps = { ...ratings, stores: { ...ratings.stores, findings: { ...admin.stores.findings, get: admin.stores.findings.get.bind(admin.stores.findings), listByPeriod: async () => stale } } };
    const deductions = async () => byId(await readHeadRatings(env.rt.read)("2024-06")).get("HEAD-A-1")?.deductions.findings;
    const before = await deductions();
    await concludeFinding(admin)(HA, "F-LAG", 1, { noticeNumber: "TB-F-LAG", noticeDate: "2024-07-01" });
    await refreshAfterChange(lagging)(["2024-06"]);
    expect(await deductions()).toBe(before);
    await refreshAfterChange(lagging)(["2024-06"], { findingId: "F-LAG" });
    expect(await deductions()).toBe((before ?? 0) + 4);
  });

  it("a tenure edited after scoring is pending until the next scoring run (never rated on another head's days)", async () => {
    const roster = await env.rt.admin.stores.heads.get("B");
    await env.rt.admin.stores.heads.put({ ...(roster as NonNullable<typeof roster>), heads: [{ ...(roster?.heads[0] as NonNullable<typeof roster>["heads"][number]), tenureFrom: "2024-06-10" }], version: (roster?.version ?? 0) + 1 }, roster?.version ?? 0);
    await refreshAfterChange(ratings)(["2024-06"]);
    expect(byId(await readHeadRatings(env.rt.read)("2024-06")).get("HEAD-B-1")).toMatchObject({ pending: "RESCORE", tenure: { from: "2024-06-10", cases: null } });
    await scoreAndRate(score, ratings)(parsePeriod("2024-06"));
    // From 10/06 B received B2 (17/06) only (B1 on 04/06 and the carried-over B3–B5 are before).
    expect(byId(await readHeadRatings(env.rt.read)("2024-06")).get("HEAD-B-1")).toMatchObject({ pending: "NO_CASES", tenure: { from: "2024-06-10", cases: 1 } });
  });

  it("no reform index for a month (half-years and years only)", async () => {
    expect(await readReformIndex(env.rt.read)("2024-06")).toBeUndefined();
  });

  it("the reform index of unit A for 2024-H1 (hand-computed)", async () => {
    for (const [criterion, points] of [["PAR1", 8], ["PAR2", 6], ["PAR4", 7], ["PAR5", 10], ["PAR6", 5]] as const) {
      await appraiseCriterion(admin)(HA, "A", "2024-H1", criterion, 0, { points, evidence: `Hồ sơ thẩm định ${criterion}` });
    }
    await importSurvey(admin)(HA, "unitId,period,share,respondents,evidence\r\nA,2024-H1,0.8,100,SIPAS 2024\r\n");
    await createFinding(admin)(HA, { findingId: "F-PAR5", unitId: "A", period: "2024-H1", deduction: 3, evidence: "KL 5/KL-SNV" });
    await concludeFinding(admin)(HA, "F-PAR5", 1, { noticeNumber: "TB-5", noticeDate: "2024-07-01" });
    await createFinding(admin)(HA, { findingId: "F-PAR2-DRAFT", unitId: "A", period: "2024-H1", criterion: "PAR2", deduction: 2, evidence: "dự thảo" });
    await scoreAndRate(score, ratings)(parsePeriod("2024-H1"));
    const doc = (await readReformIndex(env.rt.read)("2024-H1", { unitId: "A" })) as ReformIndexView;
    const a = doc.units[0];
    const points = Object.fromEntries((a?.criteria ?? []).map((c) => [c.code, c.points]));
    // Unit A in H1: received A1–A6 (A5 in May); with a verdict: A1 A4 early, A2 A3 late, A5 overdue.
    // PAR3 (22): P1 2/5 → 8 of 20 ⇒ 8 × 0.4 = 3.2; R2 1/3 ⇒ 4/3 = 1.3333; R3 + R4 = 0 ⇒ 4;
    //   R5 3/5 (B1 B4 B5 on time, B2 late, B3 overdue) ⇒ 4 × 0.6 = 2.4;
    //   S3 r = 1 − 3/5 − 1/6 = 0.2333 → 1.5556 of 6 ⇒ 2 × 1.5556 / 6 = 0.5185  ⇒ 11.4519
    // PAR5: 10 entered − 3 (F-PAR5, PAR5 by default) = 7; PAR2: 6 (the draft deducts nothing)
    // PAR7 (14): online group O3 1/6 → 2 of 12 ⇒ 6 × 2/12 = 1; payment 0; digitisation D2 1/6 → 0.6667 of 22 ⇒ 4 × 0.6667/22 = 0.1212 ⇒ 1.1212
    // PAR8 (20): satisfaction 6 + 6 + 1.5556 = 13.5556 of 18 ⇒ 7.5309; survey 0.8 ⇒ 8 ⇒ 15.5309
    expect(points).toEqual({ PAR1: 8, PAR2: 6, PAR3: 11.4519, PAR4: 7, PAR5: 7, PAR6: 5, PAR7: 1.1212, PAR8: 15.5309 });
    expect(a?.criteria.find((c) => c.code === "PAR5")).toMatchObject({ base: 10, deduction: 3, points: 7 });
    // 8 + 6 + 11.4519 + 7 + 7 + 5 + 1.1212 + 15.5309 = 61.104 ⇒ Average (50 ≤ · < 65)
    expect(a).toMatchObject({ total: 61.104, scoredMax: 100, complete: true, band: "AVERAGE" });
    expect(doc).toMatchObject({ period: "2024-H1", status: "draft", provisional: true });
    // Unit B: nothing entered ⇒ incomplete, manual criteria null, no band on a partial total;
    // PAR3 has no data either (none of B's dossiers has a verdict: P1 is "no data"); PAR7 is
    // computed (14 of 100 points scored); PAR8 waits for the survey.
    const b = (await readReformIndex(env.rt.read)("2024-H1", { unitId: "B" }))?.units[0];
    expect(b).toMatchObject({ complete: false, band: null, scoredMax: 14 });
    expect(b?.criteria.find((c) => c.code === "PAR3")?.points).toBeNull();
    expect(b?.criteria.find((c) => c.code === "PAR1")?.points).toBeNull();
  });
});
