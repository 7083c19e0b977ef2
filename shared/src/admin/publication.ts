/**
 * Published rankings (issue 6, item 6): what moved between two versions of a period's ranking,
 * and whether a draft still carries the published numbers. Pure: no I/O, no clock.
 */
import type { IndicatorValue, RankedUnit, RankingSnapshot } from "../contracts/api.js";

/** One indicator of one unit whose numbers moved between two versions. */
export interface IndicatorChange {
  readonly code: string;
  readonly before: Pick<IndicatorValue, "numerator" | "denominator" | "points"> | null;
  readonly after: Pick<IndicatorValue, "numerator" | "denominator" | "points"> | null;
}

/** One unit whose total, rank, band or indicator numbers moved. */
export interface UnitDifference {
  readonly tier: string;
  readonly unitId: string;
  readonly nameVi: string;
  /** ADDED / REMOVED when the unit is in only one of the two versions. */
  readonly change: "CHANGED" | "ADDED" | "REMOVED";
  readonly total: { readonly before: number | null; readonly after: number | null } | null;
  readonly rank: { readonly before: number | null; readonly after: number | null } | null;
  readonly band: { readonly before: string | null; readonly after: string | null } | null;
  readonly indicators: readonly IndicatorChange[];
  /**
   * The indicators that explain the move: those whose points changed, or — when no points moved —
   * those whose numerator or denominator changed; empty when only the rank moved because other
   * units' totals moved.
   */
  readonly explainedBy: readonly string[];
}

/** Published-version metadata served beside a ranking (never who published it: the payload may be public). */
export interface PublicationInfo {
  /** Latest published version of the period (1, 2, …); null when never published. */
  readonly version: number | null;
  readonly publishedAt: string | null;
  /**
   * True when the current draft's numbers differ from the latest published version (events arrived,
   * or a recompute moved something, after publication): the published version is not replaced.
   */
  readonly draftDiffers: boolean;
}

/**
 * Indicators whose denominator is a province-wide total (R7: the unit's share of the province's
 * overrun days): a late dossier anywhere moves every unit's denominator, so only their numerator
 * and points count as the unit's own change.
 */
const PROVINCE_SHARE_INDICATORS: ReadonlySet<string> = new Set(["R7"]);

const pick = (i: IndicatorValue | undefined) => (i ? { numerator: i.numerator, denominator: i.denominator, points: i.points } : null);
const sameIndicator = (code: string, a: IndicatorValue | undefined, b: IndicatorValue | undefined) =>
  a?.numerator === b?.numerator &&
  (PROVINCE_SHARE_INDICATORS.has(code) || a?.denominator === b?.denominator) &&
  a?.points === b?.points &&
  a?.status === b?.status;
const moved = <T>(before: T, after: T) => (before === after ? null : { before, after });

function unitDifference(tier: string, a: RankedUnit | undefined, b: RankedUnit | undefined): UnitDifference | null {
  const unit = (b ?? a) as RankedUnit;
  const codes = [...new Set([...Object.keys(a?.indicators ?? {}), ...Object.keys(b?.indicators ?? {})])].sort();
  const indicators = codes
    .filter((c) => !sameIndicator(c, a?.indicators[c], b?.indicators[c]))
    .map((code) => ({ code, before: pick(a?.indicators[code]), after: pick(b?.indicators[code]) }));
  const total = moved(a?.total ?? null, b?.total ?? null);
  const rank = moved(a?.rank ?? null, b?.rank ?? null);
  const band = moved(a?.band ?? null, b?.band ?? null);
  if (a && b && !total && !rank && !band && indicators.length === 0) return null;
  return {
    tier,
    unitId: unit.unitId,
    nameVi: unit.nameVi,
    change: a && b ? "CHANGED" : a ? "REMOVED" : "ADDED",
    total,
    rank,
    band,
    indicators,
    // What moved the total: the indicators whose points changed; failing that, every changed count.
    explainedBy: (indicators.some((i) => i.before?.points !== i.after?.points) ? indicators.filter((i) => i.before?.points !== i.after?.points) : indicators).map((i) => i.code),
  };
}

/**
 * The units whose numbers moved from `before` to `after` (same period and tier), by unit id.
 * @example rankingDifferences(v1, v2).map((d) => d.unitId) // ["DIST-731"]
 */
export function rankingDifferences(before: RankingSnapshot | undefined, after: RankingSnapshot): UnitDifference[] {
  const a = new Map((before?.units ?? []).map((u) => [u.unitId, u]));
  const b = new Map(after.units.map((u) => [u.unitId, u]));
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort();
  return ids.map((id) => unitDifference(after.tier, a.get(id), b.get(id))).filter((d): d is UnitDifference => d !== null);
}

/** Do two snapshots of the same tier carry the same numbers (ignoring run times, status and version)? */
export const sameNumbers = (a: RankingSnapshot, b: RankingSnapshot): boolean => rankingDifferences(a, b).length === 0;

/** Version label shown to people: V1, V2, … */
export const versionLabel = (n: number): string => `V${n}`;
