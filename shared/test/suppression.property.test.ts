/**
 * Small-count suppression against an independent attacker (support/attacker.ts: linear algebra over
 * the public view only — shown values, ratios, points below their maximum, group and total sums,
 * the methodology's identities, earlier published versions). Rows are generated from raw counts
 * with many small counts and small complements (support/ranked-row.ts), scored by shared's
 * scoreUnit under dn-2026.1 and dn-2026.2, as departments and as communes (T1–T3 not applicable).
 *
 * The attacker is shown to find leaks where there are some: in the unsuppressed view, in a view
 * with primary suppression only, and in a republished version checked without its predecessor.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RankedUnit, RankingSnapshot } from "../src/contracts/api.js";
import { DN_2026_1 } from "../src/methodology/dn-2026-1.js";
import { DN_2026_2 } from "../src/methodology/dn-2026-2.js";
import type { Methodology } from "../src/methodology/methodology.js";
import type { PublicRankedUnit, PublicRankingSnapshot } from "../src/publish/public-ranking.js";
import { publicRanking, withheldValues } from "../src/publish/suppression.js";
import { attack, leaks, versionLeaks } from "./support/attacker.js";
import { type Base, movedBase, randomBase, rankedRow } from "./support/ranked-row.js";

const TIERS = ["DEPARTMENT", "COMMUNE"] as const;

interface Case {
  readonly m: Methodology;
  readonly bases: readonly Base[];
  readonly tier: (typeof TIERS)[number];
}
const caseArb: fc.Arbitrary<Case> = fc.record({
  m: fc.constantFrom(DN_2026_1, DN_2026_2),
  bases: fc.array(fc.integer({ min: 1, max: 2 ** 31 - 1 }).map(randomBase), { minLength: 1, maxLength: 3 }),
  tier: fc.constantFrom(...TIERS),
});

const rowsOf = (c: Pick<Case, "m" | "bases" | "tier">): RankedUnit[] => c.bases.map((b, i) => rankedRow(b, c.m, { unitId: `U-${i}`, tier: c.tier }));
const snapshotOf = (m: Methodology, units: RankedUnit[], version: number | null = null): RankingSnapshot => ({
  period: "2024-H1", tier: units[0]?.tier ?? "DEPARTMENT", methodology: m.id, computedAt: "2024-07-01T01:00:00.000Z", dataAsOf: "2024-07-01T00:00:00.000Z",
  status: version === null ? "draft" : "published", version, engine: "sql", units,
});

/** The exact row shaped as a public row (what was served before issue 20). */
const unsuppressed = (u: RankedUnit): PublicRankedUnit => u;

/** Primary suppression only: counts 1–4 and complements d − n of 1–4, with the cell's ratio and points — no complements of identities. */
function primaryOnly(u: RankedUnit): PublicRankedUnit {
  const small = (x: number) => x >= 1 && x <= 4;
  const means = new Set(["P2", "R5D", "R6", "R7"]);
  const indicators = Object.fromEntries(
    Object.entries(u.indicators).map(([c, v]) => {
      const d = !means.has(c) || c === "R7" ? small(v.denominator) && c !== "R7" : small(v.denominator);
      const n = d || (!means.has(c) && small(v.numerator)) || (!means.has(c) && c !== "R8" && small(v.denominator - v.numerator));
      return [c, n ? { ...v, numerator: null, denominator: d ? null : v.denominator, ratio: null, points: v.ratio === null ? v.points : null, suppressed: true as const } : v];
    }),
  );
  const counts = Object.fromEntries(Object.entries(u.counts).map(([k, x]) => [k, small(x) ? null : x]));
  return { ...u, indicators, counts };
}

/** Shown values are the exact ones; withheld ones are null and marked; nothing withheld is written as 0. */
function expectFaithful(pub: PublicRankedUnit, exact: RankedUnit): void {
  for (const [c, v] of Object.entries(exact.indicators)) {
    const p = pub.indicators[c];
    expect(p, c).toBeDefined();
    if (!p) continue;
    for (const k of ["numerator", "denominator", "ratio", "points"] as const) {
      if (p[k] !== null) expect(p[k], `${c}.${k}`).toBe(v[k]);
      else if (v[k] !== null) expect(p.suppressed, `${c}.${k} withheld without the marker`).toBe(true);
    }
    expect(p.max).toBe(v.max);
    expect(p.status).toBe(v.status);
  }
  for (const [k, x] of Object.entries(exact.counts)) if (pub.counts[k] !== null) expect(pub.counts[k]).toBe(x);
  expect(pub.rank).toBe(exact.rank);
}

describe("publicRanking against the attacker", () => {
  it("no count from 1 to 4 (nor complement) can be derived from a public row; shown values are exact", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const exact = rowsOf(c);
        const view = publicRanking(snapshotOf(c.m, exact));
        view.units.forEach((pub, i) => {
          const row = exact[i] as RankedUnit;
          expect(withheldValues(row, c.m).all, "fail-closed fallback used").toBe(false);
          expectFaithful(pub, row);
          expect(leaks(pub, row, c.m), `${row.unitId} seed row`).toEqual([]);
        });
      }),
      { numRuns: 150 },
    );
    // dn-2026.2's rows carry 39 indicators (O3F, O3P, O4): the attacker's elimination takes ≈ 6 s on a shared machine.
  }, 30_000);

  it("no difference from 1 to 4 between two published versions can be derived", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (c, moveSeed) => {
        const v1 = rowsOf(c);
        const v2 = rowsOf({ ...c, bases: c.bases.map((b, i) => movedBase(b, moveSeed + i)) });
        const pub1 = publicRanking(snapshotOf(c.m, v1, 1));
        const pub2 = publicRanking(snapshotOf(c.m, v2, 2), [pub1]);
        expect(pub2.suppression.checkedVersions).toEqual([1]);
        pub2.units.forEach((u, i) => {
          expect(leaks(u, v2[i] as RankedUnit, c.m)).toEqual([]);
          expect(versionLeaks({ pub: pub1.units[i] as PublicRankedUnit, exact: v1[i] as RankedUnit }, { pub: u, exact: v2[i] as RankedUnit }, c.m)).toEqual([]);
        });
      }),
      { numRuns: 100 },
    );
  });

  it("three versions: the third is checked against both earlier ones", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 2 ** 30 }), (c, s) => {
        const v = [c.bases, c.bases.map((b, i) => movedBase(b, s + i)), c.bases.map((b, i) => movedBase(movedBase(b, s + i), s + 7 + i))].map((bases) => rowsOf({ ...c, bases }));
        const pubs: PublicRankingSnapshot[] = [];
        v.forEach((rows, k) => pubs.push(publicRanking(snapshotOf(c.m, rows, k + 1), [...pubs])));
        for (const [a, b] of [[0, 2], [1, 2], [0, 1]] as const) {
          (pubs[b] as PublicRankingSnapshot).units.forEach((u, i) => {
            const before = { pub: (pubs[a] as PublicRankingSnapshot).units[i] as PublicRankedUnit, exact: (v[a] as RankedUnit[])[i] as RankedUnit };
            expect(versionLeaks(before, { pub: u, exact: (v[b] as RankedUnit[])[i] as RankedUnit }, c.m)).toEqual([]);
          });
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("the attacker finds leaks where there are some (the tests above can fail)", () => {
  it("P1 with 2 late of 500 under primary suppression only: R1's 2 comes back from EARLY + ON_TIME, and from S3's ratio", () => {
    const b = randomBase(1);
    const base: Base = { ...b, early: 300, on_time: 198, late: 2, overdue: 0, cx_good: 50, cx_late: 0, late_apology: 0, cx_late_apology: 0, received: 400, s3a: 40 };
    const row = rankedRow(base, DN_2026_1);
    const pub = primaryOnly(row);
    expect(pub.indicators["R1"]?.numerator).toBeNull();
    // 300 + 198 = 498 = P1.n; P1.d − P1.n = 500 − 498 = 2 = R1.n.
    const found = attack(pub, DN_2026_1);
    expect(found.get("n:R1")).toBeCloseTo(2, 6);
    expect(leaks(pub, row, DN_2026_1)).toContain("n:R1 = 2 (derived 2)");
    // The server's view does not give it back.
    expect(leaks(publicRanking(snapshotOf(DN_2026_1, [row])).units[0] as PublicRankedUnit, row, DN_2026_1)).toEqual([]);
  });

  it("the unsuppressed view leaks every small count; primary suppression alone leaks in many rows", () => {
    let rows = 0;
    let withSmall = 0;
    let primaryLeaky = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const m = seed % 2 ? DN_2026_1 : DN_2026_2;
      const row = rankedRow(randomBase(seed), m, { tier: seed % 3 ? "DEPARTMENT" : "COMMUNE" });
      rows++;
      const all = leaks(unsuppressed(row), row, m);
      const smallCounts = Object.values(row.counts).filter((x) => x >= 1 && x <= 4).length;
      if (smallCounts > 0) expect(all.length).toBeGreaterThanOrEqual(smallCounts);
      if (all.length > 0) withSmall++;
      if (leaks(primaryOnly(row), row, m).length > 0) primaryLeaky++;
    }
    expect(withSmall).toBe(rows); // every generated row has small counts
    expect(primaryLeaky).toBeGreaterThan(rows / 4);
  });

  it("a republished version checked without its predecessor leaks differences", () => {
    let leaky = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const m = DN_2026_1;
      const v1 = rankedRow(randomBase(seed), m);
      const v2 = rankedRow(movedBase(randomBase(seed), seed * 7), m);
      const pub1 = publicRanking(snapshotOf(m, [v1], 1)).units[0] as PublicRankedUnit;
      const blind = publicRanking(snapshotOf(m, [v2], 2)).units[0] as PublicRankedUnit;
      if (versionLeaks({ pub: pub1, exact: v1 }, { pub: blind, exact: v2 }, m).length > 0) leaky++;
    }
    expect(leaky).toBeGreaterThan(0);
  });
});
