/**
 * Small-count suppression on rankings the real scorer computes (issue 20, item 3): generated
 * adversarial provinces (support/province-gen.ts: period edges, merged units, consultations,
 * complaints, a small catalog) scored by the reference route of every methodology version, status
 * counts taken as the scoring run takes them. On every tier's ranking:
 *  - the identities the attacker (and the suppression) rely on hold on the exact rows;
 *  - the independent attacker (shared/test/support/attacker.ts) derives no count from 1 to 4 from
 *    the public view, and no difference from 1 to 4 against the previous published version (the
 *    same province with some dossiers added, republished).
 */
import { type Methodology, type RankedUnit, type RankingSnapshot, WorkingCalendar, parsePeriod, referenceIndicators, scoreUnits } from "@scorecard/shared";
import { METHODOLOGY_VERSIONS } from "@scorecard/shared/methodology/registry";
import type { PublicRankedUnit } from "@scorecard/shared/publish/public-ranking";
import { publicRanking } from "@scorecard/shared/publish/suppression";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { identityViolations, leaks, versionLeaks } from "../../shared/test/support/attacker.js";
import { CATALOG, type ProvinceSpec, province, provinceArb } from "./support/province-gen.js";

const CALENDAR = new WorkingCalendar();
const STATUSES = ["EARLY", "ON_TIME", "LATE", "OVERDUE", "IN_PROGRESS"] as const;

/** Every tier's ranking of a period, as the scoring run's reference route builds it (score-period.ts). */
function rankings(prov: ReturnType<typeof province>, periodId: string, m: Methodology): RankingSnapshot[] {
  const period = parsePeriod(periodId);
  const result = referenceIndicators({ ...prov, units: CATALOG, period, calendar: CALENDAR, methodology: m });
  const counts = new Map<string, Record<string, number>>();
  for (const f of result.cases) {
    if (!f.inScope || f.status === "EXCLUDED") continue;
    const c = counts.get(f.unitId) ?? Object.fromEntries(STATUSES.map((s) => [s, 0]));
    c[f.status] = (c[f.status] ?? 0) + 1;
    counts.set(f.unitId, c);
  }
  const scored = scoreUnits(m, period.id, result.units);
  const tiers = [...new Set(scored.map((s) => s.tier))];
  return tiers.map((tier) => ({
    period: period.id, tier: tier as RankingSnapshot["tier"], methodology: m.id, computedAt: "2024-12-01T00:00:00.000Z", dataAsOf: "2024-12-01T00:00:00.000Z",
    status: "published", version: 1, engine: "reference",
    units: scored.filter((s) => s.tier === tier).map((s): RankedUnit => {
      const unit = CATALOG.get(s.unitId);
      return {
        unitId: s.unitId, nameVi: unit?.nameVi ?? s.unitId, nameEn: unit?.nameEn ?? s.unitId, tier: tier as RankedUnit["tier"],
        rank: s.rank, total: s.total, complete: s.complete, band: s.band,
        indicators: Object.fromEntries(Object.entries(s.indicators).map(([c, v]) => [c, { numerator: v.numerator, denominator: v.denominator, ratio: v.ratio, points: v.points, max: v.max, status: v.status }])),
        counts: counts.get(s.unitId) ?? Object.fromEntries(STATUSES.map((x) => [x, 0])),
        groups: s.groups,
      };
    }),
  }));
}

describe("suppression on rankings scored by the reference route of generated provinces", () => {
  it("the identities hold on exact rows, and the attacker derives no small count, nor a small difference from the previous version", () => {
    let rows = 0;
    let withheld = 0;
    fc.assert(
      fc.property(provinceArb, fc.constantFrom(...METHODOLOGY_VERSIONS), fc.nat({ max: 6 }), (spec, m, extra) => {
        const before = province(spec as unknown as ProvinceSpec);
        // V2: the same province with a few more dossiers (late events, corrections), republished.
        const more = spec.cases.slice(0, extra);
        const after = province({ ...(spec as unknown as ProvinceSpec), cases: [...(spec.cases as ProvinceSpec["cases"]), ...(more as ProvinceSpec["cases"])] });
        for (const periodId of [spec.edgeMonth, spec.extraPeriod]) {
          const v1 = rankings(before, periodId, m);
          const v2 = rankings(after, periodId, m).map((s) => ({ ...s, version: 2 }));
          for (const [i, exact1] of v1.entries()) {
            const exact2 = v2[i] as RankingSnapshot;
            const pub1 = publicRanking(exact1);
            const pub2 = publicRanking(exact2, [pub1]);
            withheld += pub1.suppression.withheld;
            for (const [j, row] of exact1.units.entries()) {
              rows++;
              expect(identityViolations(row, m), `${m.id} ${periodId} ${row.unitId}`).toEqual([]);
              expect(leaks(pub1.units[j] as PublicRankedUnit, row, m), `${m.id} ${periodId} ${row.unitId} V1`).toEqual([]);
              const row2 = exact2.units.find((u) => u.unitId === row.unitId) as RankedUnit;
              const k = exact2.units.indexOf(row2);
              expect(leaks(pub2.units[k] as PublicRankedUnit, row2, m), `${m.id} ${periodId} ${row.unitId} V2`).toEqual([]);
              expect(versionLeaks({ pub: pub1.units[j] as PublicRankedUnit, exact: row }, { pub: pub2.units[k] as PublicRankedUnit, exact: row2 }, m)).toEqual([]);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
    expect(rows).toBeGreaterThan(100);
    expect(withheld).toBeGreaterThan(0);
  }, 120_000);
});
