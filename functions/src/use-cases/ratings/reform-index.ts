/**
 * The reform index (PAR, methodology §5) of every unit of the rated tiers for a half-year or a
 * year: computed criteria from the unit's scored indicators (its ranking snapshot), manual
 * criteria and the survey result entered by Home Affairs, deductions of concluded findings.
 */
import { type GroupCode, type InspectionFinding, type Methodology, type Period, type RankedUnit, type UnitScore, hasReformIndex, reformIndex } from "@scorecard/shared";
import type { ReformIndexUnit } from "@scorecard/shared/contracts/read-api";

export { hasReformIndex };

export interface ReformIndexInputs {
  readonly m: Methodology;
  readonly period: Period;
  readonly units: readonly RankedUnit[];
  /** Manual points entered per unit, by criterion code. */
  readonly manual: ReadonlyMap<string, Readonly<Record<string, number>>>;
  /** Imported survey share (0..1) per unit. */
  readonly survey: ReadonlyMap<string, number>;
  /** Concluded findings of the period (drafts must not be passed: they are not final). */
  readonly findings: readonly InspectionFinding[];
}

/** A ranked unit's row as the shared scorer's UnitScore (what reformIndex reads). */
const asScore = (m: Methodology, period: Period, u: RankedUnit): UnitScore => ({
  unitId: u.unitId,
  tier: u.tier,
  period: period.id,
  methodology: m.id,
  indicators: u.indicators,
  groups: (u.groups ?? {}) as Record<GroupCode, { points: number; max: number }>,
  total: u.total,
  complete: u.complete,
  band: u.band,
  rank: u.rank,
});

export function reformIndexOfPeriod(x: ReformIndexInputs): ReformIndexUnit[] {
  return x.units.map((u) => {
    const r = reformIndex(x.m, { score: asScore(x.m, x.period, u), manual: x.manual.get(u.unitId) ?? {}, survey: x.survey.get(u.unitId) ?? null, findings: x.findings });
    return {
      unitId: u.unitId,
      tier: u.tier,
      nameVi: u.nameVi,
      nameEn: u.nameEn,
      criteria: r.criteria.map((c) => ({ code: c.code, max: c.max, source: c.source, base: c.base, deduction: c.deduction, points: c.points })),
      total: r.total,
      scoredMax: r.criteria.reduce((s, c) => s + (c.points === null ? 0 : c.max), 0),
      complete: r.complete,
      band: r.complete ? r.band : null,
    };
  });
}
