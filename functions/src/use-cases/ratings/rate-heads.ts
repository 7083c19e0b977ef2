/**
 * Head-of-unit ratings of one period (methodology §6): each head's results over the tenure, the
 * deductions, the general criteria, the Decree 335 bands and the 20 % Excellent cap per tier.
 * Pure orchestration: the inputs are read by ratings.ts; the rules are shared's.
 */
import {
  type Head,
  type InspectionFinding,
  type Methodology,
  type Period,
  type RankedUnit,
  type TenureInPeriod,
  headFindingDeductions,
  isRatable,
  rateHeads,
  tenureIn,
} from "@scorecard/shared";
import type { HeadPendingReason, HeadRatingView, TenureResults } from "@scorecard/shared/contracts/read-api";
import { type HeadDayRow, type TenureScore, inputsOf, sumTenure, tenureScore } from "@scorecard/shared/methodology/head-tenure";


/** Where a head's tenure results come from. */
export type TenureSource = (head: Head, window: TenureInPeriod, unit: RankedUnit) => TenureScore | null;

/**
 * Tenure results scored from the day rows of a scoring run: the rows of the days from the start of
 * the tenure (carried-over dossiers it received included) to its end inside the period.
 */
export function tenureFromDays(m: Methodology, period: Period, rows: readonly HeadDayRow[]): TenureSource {
  const byUnit = new Map<string, HeadDayRow[]>();
  for (const r of rows) {
    let list = byUnit.get(r.unitId);
    if (!list) byUnit.set(r.unitId, (list = []));
    list.push(r);
  }
  return (head, window, unit) =>
    tenureScore(m, period.id, unit, sumTenure(byUnit.get(unit.unitId) ?? [], unit.unitId, head.tenureFrom, window.endDate), inputsOf(unit.indicators));
}

/**
 * Tenure results kept from the previous ratings (a Home Affairs change re-rates without the SQL):
 * only for a head whose tenure inside the period is the one they were scored on; otherwise null
 * (the head is pending until the next scoring run).
 */
export function tenureFromPrevious(previous: readonly HeadRatingView[]): TenureSource {
  const byHead = new Map(previous.map((h) => [`${h.unitId}/${h.headId}`, h]));
  return (head, window) => {
    const p = byHead.get(`${head.unitId}/${head.headId}`);
    if (!p || p.tenure.casesFrom !== head.tenureFrom || p.tenure.from !== window.startDate || p.tenure.to !== window.endDate || p.tenure.cases === null) return null;
    return { cases: p.tenure.cases, serviceIndex: p.tenure.serviceIndex, complete: p.tenure.serviceIndexComplete, ratios: p.tenure.ratios, indicators: p.tenure.indicators };
  };
}

export interface HeadRatingInputs {
  readonly m: Methodology;
  readonly period: Period;
  /** The units of the rated tiers with their scorecard for the period (ranking snapshots). */
  readonly units: ReadonlyMap<string, RankedUnit>;
  readonly heads: readonly Head[];
  /** General criteria entered, by headId. */
  readonly general: ReadonlyMap<string, number>;
  /** The period's findings (drafts are ignored: only concluded findings deduct). */
  readonly findings: readonly InspectionFinding[];
  readonly tenure: TenureSource;
}

const TIER_ORDER = ["DEPARTMENT", "DISTRICT", "COMMUNE", "VERTICAL"];

/**
 * Every head who served in the period in a unit of `units`, rated: results over the tenure,
 * deductions (R2, R5, concluded findings), general criteria, band, the 20 % cap per tier.
 * Listed by tier, unit name (Vietnamese collation), then tenure.
 */
export function rateHeadsOfPeriod(x: HeadRatingInputs): HeadRatingView[] {
  const listed: { head: Head; unit: RankedUnit; window: TenureInPeriod; score: TenureScore | null }[] = [];
  for (const head of x.heads) {
    const unit = x.units.get(head.unitId);
    const window = tenureIn(head, x.period);
    if (!unit || !window) continue;
    listed.push({ head, unit, window, score: x.tenure(head, window, unit) });
  }
  const ratings = rateHeads(
    x.m,
    listed.map(({ head, unit, score }) => ({
      headId: head.headId,
      unitId: head.unitId,
      tier: unit.tier,
      name: head.name,
      ratable: isRatable(head, x.period, x.m.headRating.minTenureShare),
      serviceIndex: score?.serviceIndex ?? null,
      ratios: score?.ratios ?? {},
      findingDeductions: headFindingDeductions(x.findings, head, x.period),
      general: x.general.get(head.headId) ?? null,
    })),
  );
  const collator = new Intl.Collator("vi");
  return listed
    .map(({ head, unit, window, score }, i): HeadRatingView => {
      const r = ratings[i] as (typeof ratings)[number];
      const pending: HeadPendingReason | null =
        r.status === "NOT_RATED" ? "SHORT_TENURE" : r.status === "RATED" ? null : score === null ? "RESCORE" : score.serviceIndex === null ? "NO_CASES" : "GENERAL_MISSING";
      const tenure: TenureResults = {
        from: window.startDate,
        to: window.endDate,
        days: window.days,
        periodDays: window.periodDays,
        casesFrom: head.tenureFrom,
        cases: score?.cases ?? null,
        serviceIndex: score?.serviceIndex ?? null,
        serviceIndexComplete: score?.complete ?? false,
        ratios: score?.ratios ?? { R2: null, R5: null },
        indicators: score?.indicators ?? {},
      };
      return {
        headId: head.headId,
        unitId: head.unitId,
        tier: unit.tier,
        unitNameVi: unit.nameVi,
        unitNameEn: unit.nameEn,
        name: head.name,
        title: head.title,
        demo: head.demo,
        status: r.status,
        pending,
        tenure,
        results: r.results,
        deductions: r.deductions,
        general: r.general,
        total: r.total,
        band: r.band,
        cappedFromExcellent: r.cappedFromExcellent,
      };
    })
    .sort(
      (a, b) =>
        TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) ||
        collator.compare(a.unitNameVi, b.unitNameVi) ||
        (a.tenure.from < b.tenure.from ? -1 : a.tenure.from > b.tenure.from ? 1 : 0),
    );
}
