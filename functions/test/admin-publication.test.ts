import type { RankingSnapshot } from "@scorecard/shared";
import { publicRanking } from "@scorecard/shared/publish/suppression";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePeriod } from "@scorecard/shared";
import type { UnitDifference } from "@scorecard/shared/admin/publication";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { DEMO_USERS } from "../src/adapters/local/local-identity.js";
import { DEFAULT_METHODOLOGY, scorePeriod } from "../src/use-cases/score/score-period.js";
import { CaseBuilder } from "./support/events.js";
import { httpFixture } from "./support/http-fixture.js";

const BH = "DIST-731"; // Biên Hòa
const LK = "DIST-732"; // Long Khánh
const onTime = (id: string, unit: string) => new CaseBuilder(id, unit).received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-06T10:00:00").build();
const late = (id: string, unit: string) => new CaseBuilder(id, unit).received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-12T10:00:00").build();

describe("Publishing: frozen versions stay byte-identical; the next version lists what moved", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  let ha: string;
  const get = (path: string, token?: string) => fetch(`${fx.base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const publish = (period: string) => fetch(`${fx.base}/v1/admin/publish`, { method: "POST", headers: { authorization: `Bearer ${ha}`, "content-type": "application/json" }, body: JSON.stringify({ period }) });
  const frozen = async (version: number) => (await get(`/v1/admin/publications/2024-03/${version}?tier=DISTRICT`, ha)).text();
  const rescore = async () => {
    await compactLake(fx.rt.engine, fx.rt.lake.root);
    await scorePeriod(fx.rt.score)(parsePeriod("2024-03"));
  };
  const postEvents = async (...cases: ReturnType<typeof onTime>[]) => expect((await fx.post("/v1/events", JSON.stringify({ events: cases.flat() }))).status).toBe(200);
  const publicJson = () => readFileSync(join(fx.rt.lake.root, "public", DEFAULT_METHODOLOGY, "2024-03", "DISTRICT.json"), "utf8");
  /** What the public may see of a frozen version (small counts withheld: docs/suppression.md); V1 has no earlier version. */
  const publicOf = (frozenBody: string) => JSON.stringify(publicRanking(JSON.parse(frozenBody) as RankingSnapshot, []));

  beforeAll(async () => {
    fx = await httpFixture();
    ha = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "home-affairs")!);
    // V1: Biên Hòa 1 on time of 2 (P1 = 10 points), Long Khánh 1 of 1 (20 points).
    await postEvents(onTime("A", BH), late("B", BH), onTime("C", LK));
    await rescore();
  });
  afterAll(() => fx.close());

  let v1: string;

  it("V1 freezes the draft of every tier; the public route serves it as published", async () => {
    const res = await publish("2024-03");
    expect(res.status).toBe(201);
    const body = (await res.json()) as { version: number; label: string; differences: Record<string, unknown> };
    expect(body).toMatchObject({ version: 1, label: "V1", differences: {} });
    v1 = await frozen(1);
    const snap = JSON.parse(v1) as { status: string; version: number; units: { unitId: string; rank: number | null; total: number | null }[] };
    expect(snap).toMatchObject({ status: "published", version: 1 });
    // Full default methodology on these dossiers (online, no flags, no complaints, no catalog); both units
    // received dossiers, so dn-2026.2's no-data rule changes nothing against dn-2026.1:
    // Long Khánh 1/1 early: P1 20 + O3 6 (online 100% ≥ 50% target) + S1 6 + S2 6 (no complaints: full)
    //   + S3 6 (r = 1 − 0 − 0 = 1 → min(6, 6 × 1 / 0.9)) = 44.
    // Biên Hòa 1 of 2 on time: P1 20 × 1/2 = 10 + O3 6 + S1 6 + S2 6 + S3 6 × 0.5 / 0.9 = 3.3333 → 31.3333.
    expect(snap.units.filter((u) => u.total !== null).map((u) => [u.unitId, u.total, u.rank])).toEqual([[LK, 44, 1], [BH, 31.3333, 2]]);
    const pub = (await (await get("/v1/public/rankings?period=2024-03&tier=DISTRICT")).json()) as { status: string; version: number; publication: unknown };
    expect(pub).toMatchObject({ status: "published", version: 1, publication: { version: 1, draftDiffers: false } });
    expect(publicJson()).toBe(publicOf(v1));
  });

  it("new events, and a recompute, leave V1 byte-identical; the draft is flagged as differing", async () => {
    // Biên Hòa +2 on time → 3 of 4 (15 points); Long Khánh +1 late → 1 of 2 (10 points).
    await postEvents(onTime("D", BH), onTime("E", BH), late("F", LK));
    expect(await frozen(1)).toBe(v1);
    await rescore();
    expect(await frozen(1)).toBe(v1);
    expect(publicJson()).toBe(publicOf(v1)); // the static public file too
    const pub = (await (await get("/v1/public/rankings?period=2024-03&tier=DISTRICT")).json()) as { status: string; version: number; units: unknown; publication: unknown };
    expect(pub).toMatchObject({ status: "published", version: 1, publication: { version: 1, draftDiffers: true } });
    expect(JSON.stringify(pub.units)).toBe(JSON.stringify((JSON.parse(publicOf(v1)) as { units: unknown }).units));
    const chairman = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "chairman")!);
    const draft = (await (await get("/v1/rankings?period=2024-03&tier=DISTRICT", chairman)).json()) as { status: string; publication: unknown };
    expect(draft).toMatchObject({ status: "draft", publication: { version: 1, draftDiffers: true } });
  });

  it("V2 lists exactly the units whose numbers moved, and the indicator that explains it", async () => {
    const res = await publish("2024-03");
    expect(res.status).toBe(201);
    const body = (await res.json()) as { version: number; differences: Record<string, UnitDifference[]> };
    expect(body.version).toBe(2);
    // Biên Hòa +2 early → 3 of 4: P1 15; S3 r = 1 − 1/4 = 0.75 → 6 × 0.75 / 0.9 = 5; total 15 + 6 + 6 + 6 + 5 = 38.
    // Long Khánh +1 late → 1 of 2: P1 10; S3 6 × 0.5 / 0.9 = 3.3333; total 31.3333.
    // Counts that moved without moving points (received dossiers: T4, O3, D2…) are listed too.
    const p1 = (n: number, d: number, points: number) => ({ numerator: n, denominator: d, points });
    const expected = [
      {
        tier: "DISTRICT", unitId: BH, nameVi: "Thành phố Biên Hòa", change: "CHANGED",
        total: { before: 31.3333, after: 38 }, rank: { before: 2, after: 1 }, band: null,
        indicators: expect.arrayContaining([
          { code: "P1", before: p1(1, 2, 10), after: p1(3, 4, 15) },
          { code: "S3", before: expect.objectContaining({ points: 3.3333 }), after: expect.objectContaining({ points: 5 }) },
        ]),
        explainedBy: ["P1", "S3"],
      },
      {
        tier: "DISTRICT", unitId: LK, nameVi: "Thành phố Long Khánh", change: "CHANGED",
        total: { before: 44, after: 31.3333 }, rank: { before: 1, after: 2 }, band: null,
        indicators: expect.arrayContaining([
          { code: "P1", before: p1(1, 1, 20), after: p1(1, 2, 10) },
          { code: "S3", before: expect.objectContaining({ points: 6 }), after: expect.objectContaining({ points: 3.3333 }) },
        ]),
        explainedBy: ["P1", "S3"],
      },
    ];
    expect(body.differences["DISTRICT"]).toEqual(expected);
    for (const [tier, list] of Object.entries(body.differences)) if (tier !== "DISTRICT") expect(list, tier).toEqual([]);
    expect(await frozen(1)).toBe(v1); // V1 is still there, unchanged
    expect(JSON.parse(await frozen(2))).toMatchObject({ status: "published", version: 2 });
    const list = (await (await get("/v1/admin/publications?period=2024-03", ha)).json()) as { versions: { version: number; differences: Record<string, UnitDifference[]> }[]; draft: Record<string, { draftDiffers: boolean }> };
    expect(list.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(list.versions[1]!.differences["DISTRICT"]).toEqual(expected);
    expect(list.draft["DISTRICT"]).toEqual({ version: 2, publishedAt: expect.any(String), draftDiffers: false });
  });

  it("publishing unchanged numbers is refused; two concurrent publishers of the same version → one 409", async () => {
    const same = await publish("2024-03");
    expect(same.status).toBe(409);
    expect(((await same.json()) as { code: string }).code).toBe("NO_CHANGES");
    await postEvents(onTime("G", LK));
    await rescore();
    const [a, b] = await Promise.all([publish("2024-03"), publish("2024-03")]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = (await (a.status === 409 ? a : b).json()) as { code: string };
    expect(loser.code).toBe("PUBLISH_CONFLICT");
    expect(await frozen(1)).toBe(v1);
    const versions = ((await (await get("/v1/admin/publications?period=2024-03", ha)).json()) as { versions: { version: number }[] }).versions;
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it("publishing is audited (who, what)", async () => {
    const page = (await (await get("/v1/admin/audit?limit=100", ha)).json()) as { entries: { action: string; actor: { sub: string }; after: { version?: number } }[] };
    const pubs = page.entries.filter((e) => e.action === "publication.create").map((e) => [e.actor.sub, e.after.version]);
    expect(pubs.sort()).toEqual([["home-affairs", 1], ["home-affairs", 2], ["home-affairs", 3]]);
  });
});
