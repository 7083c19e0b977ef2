/**
 * Issue 20, item 3 on the running system: the demo province (January–March 2024, scored through
 * the local runtime's SQL route), one period published twice. Every public output is walked —
 * `GET /v1/public/rankings` for every period of `/v1/public/meta` and every tier (and `latest`),
 * and every file under the lake's `public/` — and none shows a count from 1 to 4, nor lets the
 * independent attacker (shared/test/support/attacker.ts) derive one, nor a difference of 1 to 4
 * between the two published versions. Signed-in roles still read exact figures.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { type RankingSnapshot, parsePeriod } from "@scorecard/shared";
import { methodologyById } from "@scorecard/shared/methodology/registry";
import type { PublicRankedUnit, PublicRankingSnapshot } from "@scorecard/shared/publish/public-ranking";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attack } from "../../shared/test/support/attacker.js";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { DEMO_USERS } from "../src/adapters/local/local-identity.js";
import { seedRuntime } from "../src/local/seed.js";
import { scorePeriod } from "../src/use-cases/score/score-period.js";
import { CaseBuilder } from "./support/events.js";
import { httpFixture } from "./support/http-fixture.js";

/** Numerators that sum days or units, and R7's days: not counts of records. */
const NOT_COUNT_NUMERATORS = new Set(["P2", "R5D", "R6", "R7"]);
const small = (x: number | null | undefined) => typeof x === "number" && Math.round(x) >= 1 && Math.round(x) <= 4;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

/** Every small count shown, and every small count the attacker derives, in a public ranking. */
function findings(where: string, view: PublicRankingSnapshot): string[] {
  const m = methodologyById(view.methodology);
  if (!m) return [`${where}: unknown methodology ${view.methodology}`];
  const out: string[] = [];
  for (const u of view.units) {
    for (const [c, v] of Object.entries(u.indicators)) {
      if (!NOT_COUNT_NUMERATORS.has(c) && small(v.numerator)) out.push(`${where} ${u.unitId} ${c}.numerator = ${v.numerator}`);
      if (c !== "R7" && small(v.denominator)) out.push(`${where} ${u.unitId} ${c}.denominator = ${v.denominator}`);
    }
    for (const [k, x] of Object.entries(u.counts)) if (small(x)) out.push(`${where} ${u.unitId} counts.${k} = ${x}`);
    for (const [form, x] of attack(u, m)) if (small(x)) out.push(`${where} ${u.unitId} derived ${form} = ${x}`);
  }
  return out;
}

describe("Public outputs of the scored demo withhold every small count", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  let ha: string;
  let chairman: string;
  const PERIOD = "2024-03";
  const get = async <T>(path: string, token?: string): Promise<T> => {
    const res = await fetch(`${fx.base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const publish = async () => {
    const res = await fetch(`${fx.base}/v1/admin/publish`, { method: "POST", headers: { authorization: `Bearer ${ha}`, "content-type": "application/json" }, body: JSON.stringify({ period: PERIOD }) });
    expect(res.status).toBe(201);
  };
  /** The public view of each tier of PERIOD, as served after version 1. */
  const v1 = new Map<string, PublicRankingSnapshot>();
  let tiers: string[] = [];

  beforeAll(async () => {
    fx = await httpFixture();
    await seedRuntime(fx.rt, { preset: "demo", seed: 2024, liveTail: false, to: "2024-03-31" });
    ha = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "home-affairs")!);
    chairman = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "chairman")!);
    tiers = (await get<{ tiers: string[] }>("/v1/public/meta")).tiers;
    await publish();
    for (const tier of tiers) v1.set(tier, await get<PublicRankingSnapshot>(`/v1/public/rankings?period=${PERIOD}&tier=${tier}`));
    // Late events: a few more March dossiers for two departments (differences of 1–4), then V2.
    const more = [
      ...new CaseBuilder("SUPP-1", "DEPT-STP-2020").received("2024-03-11T09:00:00", "2024-03-15T17:00:00").resolved("2024-03-13T10:00:00").build(),
      ...new CaseBuilder("SUPP-2", "DEPT-STP-2020").received("2024-03-11T09:00:00", "2024-03-15T17:00:00").resolved("2024-03-20T10:00:00").build(),
      ...new CaseBuilder("SUPP-3", "DEPT-SYT-2020").received("2024-03-12T09:00:00", "2024-03-18T17:00:00").resolved("2024-03-14T10:00:00").build(),
    ];
    expect((await fx.post("/v1/events", JSON.stringify({ events: more }))).status).toBe(200);
    await compactLake(fx.rt.engine, fx.rt.lake.root);
    await scorePeriod(fx.rt.score)(parsePeriod(PERIOD));
    await publish();
  }, 600_000);
  afterAll(() => fx?.close());

  it("the exact rankings signed-in roles read do have small counts (the walk below is not vacuous)", async () => {
    const exact = await get<RankingSnapshot>(`/v1/rankings?period=${PERIOD}&tier=COMMUNE`, chairman);
    const smallOnes = exact.units.flatMap((u) => [...Object.values(u.counts), ...Object.values(u.indicators).flatMap((v) => [v.numerator, v.denominator])]).filter(small);
    expect(smallOnes.length).toBeGreaterThan(10);
    expect("suppression" in exact).toBe(false);
    // The walk's check finds them when they are shown.
    expect(findings("exact", exact as unknown as PublicRankingSnapshot).length).toBeGreaterThan(10);
    // The frozen body of V1 stays exact too.
    const frozen = await get<RankingSnapshot>(`/v1/admin/publications/${PERIOD}/1?tier=COMMUNE`, ha);
    expect(frozen.units.flatMap((u) => Object.values(u.counts)).some(small)).toBe(true);
  });

  it("GET /v1/public/rankings, every period and tier (and latest): no small count shown or derivable", async () => {
    const meta = await get<{ periods: string[]; tiers: string[] }>("/v1/public/meta");
    expect(meta.periods.length).toBeGreaterThanOrEqual(6); // 3 months, Q1, H1, 2024
    const found: string[] = [];
    let withheld = 0;
    for (const period of [...meta.periods, "latest"]) {
      for (const tier of meta.tiers) {
        const view = await get<PublicRankingSnapshot>(`/v1/public/rankings?period=${period}&tier=${tier}`);
        expect(view.suppression.smallCount).toBe(5);
        withheld += view.suppression.withheld;
        found.push(...findings(`${period}/${tier}`, view));
      }
    }
    expect(found).toEqual([]);
    expect(withheld).toBeGreaterThan(0);
  });

  it("every public/**/*.json of the lake: no small count shown or derivable; a published period's file is its public view", async () => {
    const root = join(fx.rt.lake.root, "public");
    const all = files(root).filter((f) => f.endsWith(".json"));
    expect(all.length).toBeGreaterThanOrEqual(6 * tiers.length);
    const found: string[] = [];
    for (const f of all) found.push(...findings(f.slice(root.length), JSON.parse(readFileSync(f, "utf8")) as PublicRankingSnapshot));
    expect(found).toEqual([]);
    for (const tier of tiers) {
      const file = JSON.parse(readFileSync(join(root, fx.rt.score.methodology, PERIOD, `${tier}.json`), "utf8")) as PublicRankingSnapshot;
      const served = await get<PublicRankingSnapshot & { publication: unknown }>(`/v1/public/rankings?period=${PERIOD}&tier=${tier}`);
      expect(file).toMatchObject({ status: "published", version: 2, suppression: { checkedVersions: [1] } });
      expect(file.units).toEqual(served.units);
    }
  });

  it("V2 against V1 as the public saw it: no count differs by 1 to 4 in a way the attacker can compute", async () => {
    const found: string[] = [];
    let compared = 0;
    for (const tier of tiers) {
      const before = v1.get(tier) as PublicRankingSnapshot;
      const after = await get<PublicRankingSnapshot>(`/v1/public/rankings?period=${PERIOD}&tier=${tier}`);
      expect(after.version).toBe(2);
      const m = methodologyById(after.methodology);
      if (!m) throw new Error(after.methodology);
      for (const u of after.units) {
        const old = before.units.find((x) => x.unitId === u.unitId) as PublicRankedUnit | undefined;
        if (!old) continue;
        const a = attack(old, m);
        for (const [form, x] of attack(u, m)) {
          const y = a.get(form);
          if (y === undefined) continue;
          compared++;
          if (small(Math.abs(x - y))) found.push(`${tier} ${u.unitId} ${form}: ${y} → ${x}`);
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(found).toEqual([]);
    // The late dossiers did move Sở Tư pháp's exact numbers (2 more received): what the public
    // sees of that move is withheld.
    const exact = await get<RankingSnapshot>(`/v1/admin/publications/${PERIOD}/2?tier=DEPARTMENT`, ha);
    const exact1 = await get<RankingSnapshot>(`/v1/admin/publications/${PERIOD}/1?tier=DEPARTMENT`, ha);
    const received = (s: RankingSnapshot) => s.units.find((u) => u.unitId === "DEPT-STP-2020")?.indicators["T4"]?.denominator;
    expect((received(exact) ?? 0) - (received(exact1) ?? 0)).toBe(2);
  });
});
