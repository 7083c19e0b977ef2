/**
 * A unit's months of a year for its trend (issue 19, item 4): every month of the year up to the
 * last one that has begun, in order. A month with no figures of the unit is a gap — never a score
 * or a rank: not scored, no dossier received or assessed (a "hollow" month, whose total would come
 * from carried-over dossiers or complaint indicators alone), or figures of a unit that is not this one's single predecessor or
 * successor in the same tier (a merger or a split: the server's trend then picks one of several
 * units). A month that is not over is marked provisional. Pure.
 */
import type { UnitTrend } from "./api-types.js";
import { isComplete } from "./public-periods.js";
import { type UnitRecord, reorganisationOf, unitRecord } from "./units.js";

export type MonthState =
  /** The unit's own figures, or its one predecessor's / successor's (`via`). */
  | "scored"
  /** Not scored (the server sent no figures). */
  | "missing"
  /** Scored, but the unit received no dossier that month, or none was assessed: nothing to judge. */
  | "hollow"
  /** The figures are of one of several units it was merged from or split into: not comparable. */
  | "reorganised";

export interface TrendMonth {
  /** "2025-01". */
  readonly period: string;
  readonly state: MonthState;
  /** The unit the figures are of, when it is another (predecessor or successor). */
  readonly via: UnitRecord | null;
  readonly total: number | null;
  readonly rank: number | null;
  readonly rankedUnits: number | null;
  /** P1 (dossiers handled early or on time) as a ratio in [0, 1]. */
  readonly p1: number | null;
  /** The month is not over: its figures are provisional. */
  readonly running: boolean;
}

/** The calendar year of a period id ("2024-H1" → 2024); null when the id has no year. */
export function yearOf(periodId: string): number | null {
  const m = /^(\d{4})(?:-|$)/.exec(periodId);
  return m ? Number(m[1]) : null;
}

/**
 * Indicators whose denominator is the dossiers the unit received in the period (T4: synced to the
 * national portal; O3: filed online). When those present all have none, the unit received no
 * dossier that month: what it is scored on is carried over (often long overdue), not its month.
 */
const RECEIVED = ["T4", "O3"] as const;

/** Did the unit receive any dossier in the period of these indicators? (Unknown — neither indicator sent — counts as yes.) */
export function receivedAny(p: { readonly indicators: Readonly<Record<string, { readonly status: string; readonly denominator: number | null } | undefined>> }): boolean {
  const known = RECEIVED.map((c) => p.indicators[c]).filter((v) => v !== undefined);
  return known.length === 0 || known.some((v) => v.status !== "no-data" && (v.denominator ?? 0) > 0);
}

function received(p: UnitTrend["points"][number]): boolean {
  const known = RECEIVED.map((c) => p.indicators[c]).filter((v) => v !== undefined);
  return known.length === 0 || known.some((v) => v.status !== "no-data" && v.denominator > 0);
}

/** Is `other` the one unit standing for `unitId` in `month`, in the same tier? */
function oneToOne(unitId: string, other: string, month: string): UnitRecord | null {
  const self = unitRecord(unitId);
  const them = unitRecord(other);
  if (!self || !them || self.tier !== them.tier) return null;
  const r = reorganisationOf(unitId, month);
  const related = r?.kind === "ended" ? r.successors : r?.kind === "not-yet" ? r.predecessors : [];
  return related.length === 1 && related[0]?.unitId === other ? them : null;
}

/**
 * The months of `year` up to `now`'s month (all twelve for a past year), with their state.
 * @example trendMonths(trend, "DIST-731", 2025, now).find((m) => m.period === "2025-08")?.state === "reorganised"
 */
export function trendMonths(trend: UnitTrend, unitId: string, year: number, now: Date): TrendMonth[] {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const last = local.getUTCFullYear() > year ? 12 : local.getUTCFullYear() < year ? 0 : local.getUTCMonth() + 1;
  const byPeriod = new Map(trend.points.map((p) => [p.period, p]));
  return Array.from({ length: last }, (_, i) => {
    const period = `${year}-${String(i + 1).padStart(2, "0")}`;
    const running = !isComplete(period, now);
    const p = byPeriod.get(period);
    const empty = { period, via: null, total: null, rank: null, rankedUnits: null, p1: null, running };
    if (!p) return { ...empty, state: "missing" as const };
    const via = p.unitId === unitId ? null : oneToOne(unitId, p.unitId, period);
    if (p.unitId !== unitId && !via) return { ...empty, state: "reorganised" as const };
    const p1 = p.indicators["P1"];
    if (p.total === null || !p1 || p1.status === "no-data" || p1.denominator === 0 || p1.ratio === null || !received(p)) return { ...empty, via, state: "hollow" as const };
    return { period, state: "scored" as const, via, total: p.total, rank: p.rank, rankedUnits: p.rankedUnits, p1: p1.ratio, running };
  });
}
