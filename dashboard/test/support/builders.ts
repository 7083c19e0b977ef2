/** Small builders ("mothers") for the API payloads the dashboard reads. */
import type { IndicatorValue, Problem, PublicMeta, RankedUnit, RankingSnapshot } from "@scorecard/shared/contracts/api";
import type { Tier } from "@scorecard/shared/units/unit";

export interface Counts {
  readonly early: number;
  readonly onTime: number;
  readonly late: number;
  readonly overdue: number;
  readonly inProgress?: number;
}

/** P1 as the methodology computes it: 20 × (early + on time) / cases in scope. */
export function aP1({ early, onTime, late, overdue }: Counts): IndicatorValue {
  const denominator = early + onTime + late + overdue;
  const numerator = early + onTime;
  const ratio = denominator === 0 ? null : numerator / denominator;
  return {
    numerator,
    denominator,
    ratio,
    points: ratio === null ? null : Math.round(20 * ratio * 10_000) / 10_000,
    max: 20,
    status: ratio === null ? "no-data" : "ok",
  };
}

export function aBand(total: number | null): string | null {
  if (total === null) return null;
  const pct = (total / 20) * 100;
  return pct >= 90 ? "EXCELLENT" : pct >= 80 ? "GOOD" : pct >= 70 ? "FAIR" : pct >= 50 ? "AVERAGE" : "WEAK";
}

export function aUnit(
  unitId: string,
  nameVi: string,
  counts: Counts,
  overrides: Partial<RankedUnit> = {},
): RankedUnit {
  const p1 = aP1(counts);
  return {
    unitId,
    nameVi,
    nameEn: overrides.nameEn ?? `EN ${nameVi}`,
    tier: "DEPARTMENT",
    rank: null,
    total: p1.points,
    complete: true,
    band: aBand(p1.points),
    indicators: { P1: p1 },
    counts: {
      EARLY: counts.early,
      ON_TIME: counts.onTime,
      LATE: counts.late,
      OVERDUE: counts.overdue,
      IN_PROGRESS: counts.inProgress ?? 0,
    },
    ...overrides,
  };
}

/** Ranks units by total (competition ranking, 1, 2, 2, 4), like the server does. */
export function ranked(units: readonly RankedUnit[]): RankedUnit[] {
  const sorted = [...units].sort((a, b) => (b.total ?? -1) - (a.total ?? -1));
  return sorted.map((u) => ({
    ...u,
    rank: u.total === null ? null : 1 + sorted.filter((o) => (o.total ?? -1) > (u.total ?? -1)).length,
  }));
}

export function aSnapshot(overrides: Partial<RankingSnapshot> = {}): RankingSnapshot {
  const tier: Tier = overrides.tier ?? "DEPARTMENT";
  return {
    period: "2024-H1",
    tier,
    methodology: "dn-2026.1",
    computedAt: "2024-07-15T01:30:00.000Z",
    dataAsOf: "2024-06-30T17:00:00.000Z",
    status: "published",
    version: 1,
    engine: "sql",
    units: [],
    ...overrides,
  };
}

/** Three departments for 2024-H1: Tư pháp 97% (GOOD/EXCELLENT), Xây dựng 80%, Tài chính 60%. */
export function departmentsH1(): RankingSnapshot {
  return aSnapshot({
    period: "2024-H1",
    units: ranked([
      aUnit("DEPT-STC", "Sở Tài chính", { early: 30, onTime: 30, late: 30, overdue: 10 }, { nameEn: "Department of Finance" }),
      aUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }, { nameEn: "Department of Justice" }),
      aUnit("DEPT-SXD", "Sở Xây dựng", { early: 40, onTime: 40, late: 15, overdue: 5 }, { nameEn: "Department of Construction" }),
    ]),
  });
}

/** The same departments in 2024-Q1, in a different order. */
export function departmentsQ1(): RankingSnapshot {
  return aSnapshot({
    period: "2024-Q1",
    computedAt: "2024-04-10T02:00:00.000Z",
    dataAsOf: "2024-03-31T17:00:00.000Z",
    units: ranked([
      aUnit("DEPT-STC", "Sở Tài chính", { early: 45, onTime: 50, late: 5, overdue: 0 }),
      aUnit("DEPT-STP", "Sở Tư pháp", { early: 20, onTime: 50, late: 25, overdue: 5 }),
      aUnit("DEPT-SXD", "Sở Xây dựng", { early: 30, onTime: 55, late: 10, overdue: 5 }),
    ]),
  });
}

export function communesH1(): RankingSnapshot {
  return aSnapshot({
    period: "2024-H1",
    tier: "COMMUNE",
    units: ranked([
      aUnit("COM-BH", "Phường Biên Hòa", { early: 10, onTime: 80, late: 10, overdue: 0 }, { tier: "COMMUNE" }),
      aUnit("COM-LT", "Xã Long Thành", { early: 5, onTime: 90, late: 5, overdue: 0 }, { tier: "COMMUNE" }),
    ]),
  });
}

export function aMeta(overrides: Partial<PublicMeta> = {}): PublicMeta {
  return {
    methodology: "dn-2026.1",
    periods: ["2024-06", "2024-05", "2024-Q2", "2024-Q1", "2024-H1", "2023"],
    tiers: ["DEPARTMENT", "DISTRICT", "COMMUNE", "VERTICAL"],
    computedAt: "2024-07-15T01:30:00.000Z",
    ...overrides,
  };
}

export function aProblem(status: number, code: string, detail = "details"): Problem {
  return { type: "about:blank", title: "Problem", status, code, detail };
}
