import type { CaseRow, OpenCase, UnitCases, UnitScorecard, UnitWarnings, UnitWithGroups } from "../../src/lib/api-types.js";
/** Small builders ("mothers") for the API payloads the dashboard reads. */
import type { IndicatorValue, Problem, PublicMeta, RankedUnit, RankingSnapshot } from "@scorecard/shared/contracts/api";
import type { HeadRatings, HeadRatingView, ReformCriterionView, RatingsPublication, ReformIndexUnit, ReformIndexView } from "@scorecard/shared/contracts/read-api";
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
    published: [],
    ...overrides,
  };
}

export function aProblem(status: number, code: string, detail = "details"): Problem {
  return { type: "about:blank", title: "Problem", status, code, detail };
}

// ——— Role-checked payloads (issue 7) ———


export function anIndicator(numerator: number, denominator: number, max: number | null, target = 1): IndicatorValue {
  const ratio = denominator === 0 ? null : numerator / denominator;
  return {
    numerator,
    denominator,
    ratio,
    points: ratio === null || max === null ? null : Math.round(max * Math.min(1, ratio / target) * 10_000) / 10_000,
    max,
    status: ratio === null ? "no-data" : "ok",
  };
}

/** A unit with indicators of several groups, responsibility indicators (points null) and group points. */
export function aFullUnit(unitId: string, nameVi: string, counts: Counts, overrides: Partial<UnitWithGroups> = {}): UnitWithGroups {
  const base = aUnit(unitId, nameVi, counts);
  const late = counts.late + counts.overdue;
  const scope = counts.early + counts.onTime + late;
  const indicators: Record<string, IndicatorValue> = {
    T4: anIndicator(90, 100, 6),
    P1: base.indicators.P1 as IndicatorValue,
    O3: anIndicator(30, 100, 6, 0.5),
    D1: anIndicator(3, 4, 6),
    S1: anIndicator(0, 0, 6),
    R1: anIndicator(late, scope, null),
    R2: anIndicator(Math.max(0, late - 1), late, null),
    R5: anIndicator(8, 10, null),
    R7: anIndicator(12, 120, null),
    R9_R1: anIndicator(2, 20, null),
  };
  const pts = (codes: string[]) => codes.reduce((a, c) => a + (indicators[c]?.points ?? 0), 0);
  return {
    ...base,
    indicators,
    total: Math.round((pts(["T4", "P1", "O3", "D1"]) + 6) * 100) / 100,
    complete: false,
    groups: {
      CKMB: { points: pts(["T4"]), max: 18 },
      TDGQ: { points: pts(["P1"]), max: 20 },
      DVCTT: { points: pts(["O3"]), max: 12 },
      TTTT: { points: 0, max: 10 },
      SHHS: { points: pts(["D1"]), max: 22 },
      MDHL: { points: 6, max: 18 },
    },
    ...overrides,
  };
}

export function aScorecard(unit: UnitWithGroups, previous: UnitWithGroups | null, period = "2024-H1", previousPeriod = "2023-H2"): UnitScorecard {
  return {
    period,
    methodology: "dn-2026.1",
    computedAt: "2024-07-15T01:30:00.000Z",
    unit,
    rankedUnits: 21,
    previous: previous ? { period: previousPeriod, unit: previous } : null,
  };
}

export function aCase(caseId: string, status: string, rule: string, overrides: Partial<CaseRow> = {}): CaseRow {
  return {
    caseId,
    field: "JUSTICE",
    status,
    receivedAt: "2024-01-02T03:56:00.000Z",
    dueAt: "2024-01-05T10:00:00.000Z",
    endAt: status === "OVERDUE" || status === "IN_PROGRESS" ? null : "2024-01-04T01:19:00.000Z",
    supplementRequests: rule === "MORE_THAN_ONE_SUPPLEMENT" ? 2 : 0,
    rule,
    ...overrides,
  };
}

export function someCases(unitId: string, period = "2024-H1"): UnitCases {
  return {
    unitId,
    period,
    methodology: "dn-2026.1",
    cases: [
      aCase("C-0001", "EARLY", "FINISHED_BEFORE_DUE_DATE"),
      aCase("C-0002", "ON_TIME", "FINISHED_ON_DUE_DATE"),
      aCase("C-0003", "LATE", "FINISHED_AFTER_DUE_DATE"),
      aCase("C-0004", "LATE", "MORE_THAN_ONE_SUPPLEMENT"),
      aCase("C-0005", "OVERDUE", "OPEN_PAST_DUE"),
      aCase("C-0006", "IN_PROGRESS", "CLOCK_STOPPED_BY_SUPPLEMENT"),
    ],
  };
}

/** An open dossier held by `unitId` (the live index's row, as GET /v1/units/{unitId}/warnings sends it). */
export function anOpenCase(caseId: string, unitId: string, dueAt: string, more: Partial<OpenCase> = {}): OpenCase {
  return {
    caseId,
    unitId,
    role: "HOLDER",
    leadUnitId: unitId,
    procedureCode: "1.001",
    procedureNameVi: null,
    procedureNameEn: null,
    field: "JUSTICE",
    receivedAt: "2024-06-01T02:00:00.000Z",
    dueAt,
    dueRule: "CASE_DUE",
    caseDueAt: dueAt,
    pausedSince: null,
    supplementRequests: 0,
    heldSince: "2024-06-01T02:00:00.000Z",
    daysLate: 0,
    consultations: [],
    ...more,
  };
}

export function someWarnings(unitId: string): UnitWarnings {
  return {
    unitId,
    asOf: "2024-07-01T02:00:00.000Z",
    overdue: [anOpenCase("W-0001", unitId, "2024-06-28T10:00:00.000Z", { daysLate: 1 })],
    dueSoon: [
      anOpenCase("W-0002", unitId, "2024-07-02T10:00:00.000Z", { procedureCode: "1.002", receivedAt: "2024-06-20T02:00:00.000Z", heldSince: "2024-06-20T02:00:00.000Z" }),
      anOpenCase("W-0003", unitId, "2024-07-03T10:00:00.000Z", { procedureCode: null, field: null, receivedAt: null }),
    ],
    dueSoonUntil: "2024-07-03T17:00:00.000Z",
    paused: [],
    consultations: [],
  };
}

// ——— Heads of unit (methodology §6) and the reform index (§5) ———

/** A head of DEPT-STP rated for all of 2024-H1 (overrides change any part of it). */
export const aHeadRating = (headId: string, o: Partial<HeadRatingView> = {}): HeadRatingView => ({
  headId,
  unitId: "DEPT-STP",
  tier: "DEPARTMENT",
  unitNameVi: "Sở Tư pháp",
  unitNameEn: "Department of Justice",
  name: `${headId} Nguyễn Văn Minh (demo)`,
  title: "Giám đốc",
  demo: true,
  status: "RATED",
  pending: null,
  tenure: { from: "2024-01-01", to: "2024-06-30", days: 182, periodDays: 182, casesFrom: "2021-03-01", cases: 120, serviceIndex: 90, serviceIndexComplete: true, ratios: { R2: 1, R5: 1 }, indicators: {} },
  results: 63,
  deductions: { R2: 0, R5: 0, findings: 0 },
  general: 28,
  total: 91,
  band: "EXCELLENT",
  cappedFromExcellent: false,
  ...o,
});

/** Where a period's ratings stand against its publications: never published unless told. */
export const aRatingsPublication = (o: Partial<RatingsPublication> = {}): RatingsPublication => ({ version: null, publishedAt: null, draftDiffers: false, ...o });

/** The ratings document of a period (working values, computed 2 July 2024, never published unless told). */
export const aHeadRatings = (period: string, heads: readonly HeadRatingView[], o: Partial<HeadRatings> = {}): HeadRatings => ({
  period, methodology: "dn-2026.1", computedAt: "2024-07-02T03:00:00.000Z", scoredAt: "2024-07-02T03:00:00.000Z", status: "draft", version: null,
  publication: aRatingsPublication(), resultsMax: 70, generalMax: 30, heads, ...o,
});

/** The 8 criteria of the reform index (maxima 10, 8, 22, 8, 12, 6, 14, 20): points before deductions (null: missing), and deductions. */
export const parCriteria = (points: (number | null)[], deductions: number[] = []): ReformCriterionView[] =>
  [10, 8, 22, 8, 12, 6, 14, 20].map((max, i) => ({
    code: `PAR${i + 1}`,
    max,
    source: [2, 6, 7].includes(i) ? ("COMPUTED" as const) : ("MANUAL" as const),
    base: points[i] ?? null,
    deduction: deductions[i] ?? 0,
    points: points[i] === null || points[i] === undefined ? null : Math.max(0, (points[i] as number) - (deductions[i] ?? 0)),
  }));

export const aReformUnit = (unitId: string, nameVi: string, o: Partial<ReformIndexUnit>): ReformIndexUnit => ({
  unitId, tier: "DEPARTMENT", nameVi, nameEn: nameVi, criteria: [], total: 0, scoredMax: 100, complete: true, band: "GOOD", ...o,
});

export const aReformIndex = (period: string, units: readonly ReformIndexUnit[], o: Partial<ReformIndexView> = {}): ReformIndexView => ({
  period, methodology: "dn-2026.1", computedAt: "2024-07-02T03:00:00.000Z", status: "draft", version: null, publication: aRatingsPublication(), provisional: true, units, ...o,
});
