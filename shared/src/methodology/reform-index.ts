/**
 * The reform index (PAR, methodology §5): a criteria tree, part entered by Home Affairs, part
 * computed from the service index and the responsibility indicators; inspection findings deduct.
 */
import { bandOf, round4, type UnitScore } from "./score.js";
import type { Methodology, ReformComponent } from "./methodology.js";
import type { Period } from "../time/period.js";

/** The reform index is set per half-year and year (methodology §5; Directive 03, D10). */
export const hasReformIndex = (period: Pick<Period, "kind">): boolean => period.kind === "HALF" || period.kind === "YEAR";

/** An inspection finding (Directive 03, clauses 1đ and 4). */
export interface InspectionFinding {
  readonly findingId: string;
  readonly unitId: string;
  readonly headId?: string | undefined;
  /** The period the finding counts in (once, never again). */
  readonly periodId: string;
  /** Criterion code it lowers (e.g. "PAR5"); absent = the template's default criterion. */
  readonly criterion?: string | undefined;
  readonly deduction: number;
  readonly evidence: string;
  readonly noticeNumber?: string | undefined;
  /** Local date of the concluding notice. */
  readonly noticeDate?: string | undefined;
}

/** A finding is concluded — and locked — once its concluding notice is recorded. */
export const isConcluded = (f: InspectionFinding): boolean => f.noticeNumber !== undefined && f.noticeDate !== undefined;

export class CriterionLockedError extends Error {
  override readonly name = "CriterionLockedError";
  constructor(
    readonly unitId: string,
    readonly periodId: string,
    readonly criterion: string,
    readonly findingId: string,
  ) {
    super(`criterion ${criterion} of ${unitId} for ${periodId} is covered by concluded finding ${findingId}: the inspection result stands`);
  }
}

const criterionOf = (m: Methodology, f: InspectionFinding) => f.criterion ?? m.reformIndex.defaultDeductionCriterion;

/**
 * Refuse a manual re-appraisal of a criterion covered by a concluded finding for that unit and
 * period (Directive 03, clause 1đ: "content already covered by a concluding notice is not evaluated again").
 */
export function assertAppraisable(m: Methodology, findings: readonly InspectionFinding[], unitId: string, periodId: string, criterion: string): void {
  const lock = findings.find((f) => isConcluded(f) && f.unitId === unitId && f.periodId === periodId && criterionOf(m, f) === criterion);
  if (lock !== undefined) throw new CriterionLockedError(unitId, periodId, criterion, lock.findingId);
}

export interface CriterionResult {
  readonly code: string;
  readonly max: number;
  readonly source: "MANUAL" | "COMPUTED";
  /** Points before deductions; null when not entered / not computable. */
  readonly base: number | null;
  readonly deduction: number;
  /** max(0, base − deduction); null when base is null. */
  readonly points: number | null;
}

export interface ReformIndexResult {
  readonly unitId: string;
  readonly periodId: string;
  readonly criteria: readonly CriterionResult[];
  readonly total: number;
  /** False while any criterion is missing. */
  readonly complete: boolean;
  readonly band: string;
}

export interface ReformIndexInput {
  readonly score: UnitScore;
  /** Manual criteria entered by Home Affairs (points, 0..max). */
  readonly manual: Readonly<Record<string, number | undefined>>;
  /** Imported survey result as a share, 0..1; null when not imported. */
  readonly survey: number | null;
  readonly findings: readonly InspectionFinding[];
}

/** A component's share (0..1) from the unit's scorecard; null when its inputs are missing. */
function componentShare(m: Methodology, c: ReformComponent, input: ReformIndexInput): number | null {
  const { score } = input;
  const ind = (code: string) => score.indicators[code];
  switch (c.scale) {
    case "POINTS_SHARE": {
      const i = ind(c.ref);
      return i?.points == null || !i.max ? null : i.points / i.max;
    }
    case "RATIO": {
      // Nothing to judge (no late case to apologise for, nobody consulted the unit) = full.
      const i = ind(c.ref);
      if (i === undefined) return null;
      return i.status === "no-data" ? 1 : Math.min(1, i.ratio ?? 0);
    }
    case "ONE_MINUS_RATIO_SUM": {
      const parts = (c.refs ?? []).map(ind);
      if (parts.some((p) => p === undefined)) return null;
      // Under improperReturnsOnly (dn-2026.2) R3 counts over the returns: a unit that returned no
      // dossier has nothing to deduct for it, not a missing criterion — a part with no data deducts
      // nothing, and only when every part has none is the share missing (docs/adr/0015-improper-returns.md).
      // Otherwise (dn-2026.1) any part with no data leaves the share missing, as it always did.
      if (m.switches.improperReturnsOnly === true) {
        if (parts.every((p) => p?.status === "no-data")) return null;
        return Math.max(0, 1 - parts.reduce((s, p) => s + (p?.status === "no-data" ? 0 : (p?.ratio ?? 0)), 0));
      }
      if (parts.some((p) => p?.status === "no-data")) return null;
      return Math.max(0, 1 - parts.reduce((s, p) => s + (p?.ratio ?? 0), 0));
    }
    case "GROUP_SHARE": {
      const g = score.groups[c.ref as keyof typeof score.groups];
      return g === undefined ? null : g.points / g.max;
    }
    case "SURVEY":
      return input.survey === null ? null : Math.min(1, Math.max(0, input.survey));
  }
}

/**
 * Compute the reform index of one unit for one period. Findings are distinct by findingId and
 * count only in their own period; a deduction lowers the criterion it names, not below 0.
 */
export function reformIndex(m: Methodology, input: ReformIndexInput): ReformIndexResult {
  const { unitId, period } = input.score;
  const findings = [...new Map(input.findings.map((f) => [f.findingId, f])).values()].filter((f) => f.unitId === unitId && f.periodId === period);
  const criteria = m.reformIndex.criteria.map((c): CriterionResult => {
    let base: number | null;
    if (c.source === "MANUAL") {
      const v = input.manual[c.code];
      base = v === undefined ? null : Math.min(c.max, Math.max(0, v));
    } else {
      const parts = (c.components ?? []).map((k) => {
        const s = componentShare(m, k, input);
        return s === null ? null : k.points * s;
      });
      base = parts.some((p) => p === null) ? null : round4(Math.min(c.max, parts.reduce((s: number, p) => s + (p ?? 0), 0)));
    }
    const deduction = findings.filter((f) => criterionOf(m, f) === c.code).reduce((s, f) => s + f.deduction, 0);
    return { code: c.code, max: c.max, source: c.source, base, deduction, points: base === null ? null : round4(Math.max(0, base - deduction)) };
  });
  const total = round4(criteria.reduce((s, c) => s + (c.points ?? 0), 0));
  return { unitId, periodId: period, criteria, total, complete: criteria.every((c) => c.points !== null), band: bandOf(m.reformIndex.bands, total) as string };
}
