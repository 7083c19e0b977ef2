/**
 * Builders for issue 19's public payloads: a unit with the indicators whose units of measure differ
 * (P1 percent, P2 working days, R8 per 1,000, R6 agencies per dossier), and the server's public
 * view of a ranking (withheld values null and marked, `publication` with version and date).
 */
import type { IndicatorValue, RankedUnit, RankingSnapshot } from "@scorecard/shared/contracts/api";
import type { PublicRanking } from "../../src/lib/public-ranking.js";
import { aSnapshot, aUnit, anIndicator, ranked } from "./builders.js";

/** A department with P1 (on time), P2 (mean working days, not scored), R6 and R8 (not scored). */
export function aMeasuredUnit(unitId: string, nameVi: string, o: { onTime: number; days: number; late?: number; perCase?: number; complaints?: number }): RankedUnit {
  const base = aUnit(unitId, nameVi, { early: o.onTime, onTime: 0, late: o.late ?? 2, overdue: 0 }, { nameEn: `${nameVi.replace(/^Sở /, "Department of ")}` });
  const p2: IndicatorValue = { numerator: o.days * 50, denominator: 50, ratio: o.days, points: null, max: null, status: "ok" };
  const r6: IndicatorValue = { numerator: (o.perCase ?? 1.5) * 20, denominator: 20, ratio: o.perCase ?? 1.5, points: null, max: null, status: "ok" };
  return { ...base, indicators: { ...base.indicators, P2: p2, R6: r6, R8: anIndicator(o.complaints ?? 3, 1000, null) } };
}

/** Two departments of 2024-H1 with P2 13.506 working days (the "1.350,6%" of the old pages) and 4.2. */
export function measuredH1(overrides: Partial<RankingSnapshot> = {}): RankingSnapshot {
  return aSnapshot({
    units: ranked([
      aMeasuredUnit("DEPT-STP", "Sở Tư pháp", { onTime: 95, days: 13.506, complaints: 3 }),
      aMeasuredUnit("DEPT-SXD", "Sở Xây dựng", { onTime: 80, days: 4.2, late: 20, complaints: 12 }),
    ]),
    ...overrides,
  });
}

/**
 * The server's public view (issue 20): the first unit's LATE count and P1 numerator withheld (null,
 * marked), and the publication of version 2 on 5 January 2026 (Viet Nam time).
 */
export function publicView(s: RankingSnapshot): PublicRanking {
  const [first, ...rest] = s.units;
  if (!first) return { ...s, publication: { version: 2, publishedAt: "2026-01-04T18:30:00.000Z", draftDiffers: false } };
  const p1 = first.indicators.P1 as IndicatorValue;
  const withheld = {
    ...first,
    counts: { ...first.counts, LATE: null },
    indicators: { ...first.indicators, P1: { ...p1, numerator: null, suppressed: true as const } },
    suppressed: ["counts.LATE", "indicators.P1.numerator"],
  };
  return {
    ...s,
    status: "published",
    version: 2,
    units: [withheld, ...rest],
    suppression: { smallCount: 5, checkedVersions: [1], withheld: 2 },
    publication: { version: 2, publishedAt: "2026-01-04T18:30:00.000Z", draftDiffers: false },
  };
}
