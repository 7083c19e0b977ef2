/**
 * Pure views of the chairman's overview (issue 19, item 5): province rates with their change
 * against the previous period, each unit's change through the successor chain when its id is new
 * (the 2024–2025 reorganisations), the best and worst five of a tier with the indicators that cost
 * them the most points, and late rates (never raw counts) wherever units of different size are
 * compared.
 */
import type { Methodology } from "@scorecard/shared/methodology/methodology";
import type { Lang } from "./i18n.js";
import type { PublicRankedUnit } from "./public-ranking.js";
import { rankedRows } from "./ranking-view.js";
import { type Movement, movement, rankMovement } from "./scorecard-view.js";
import { receivedAny } from "./unit-trend.js";
import { type UnitRecord, comparableRows, unitRecord } from "./units.js";
import { type LostPoints, pointsLost } from "./weak-points.js";

/** A ranked unit as the signed-in views read it (exact counts). */
export type Unit = PublicRankedUnit;

export interface ProvinceRates {
  /** Dossiers assessed (early, on time, late, overdue). */
  readonly inScope: number;
  readonly onTimeRate: number | null;
  /** Late or overdue, of those assessed. */
  readonly lateRate: number | null;
  /** Average handling time in working days (P2 over every unit: Σ days / Σ dossiers). */
  readonly handlingDays: number | null;
}

const count = (u: Unit, k: string): number => u.counts[k] ?? 0;
const inScopeOf = (u: Unit): number => count(u, "EARLY") + count(u, "ON_TIME") + count(u, "LATE") + count(u, "OVERDUE");

export function provinceRates(units: readonly Unit[]): ProvinceRates {
  let good = 0;
  let late = 0;
  let days = 0;
  let handled = 0;
  for (const u of units) {
    good += count(u, "EARLY") + count(u, "ON_TIME");
    late += count(u, "LATE") + count(u, "OVERDUE");
    const p2 = u.indicators["P2"];
    if (p2 && p2.status !== "no-data" && p2.numerator !== null && p2.denominator !== null && p2.denominator > 0) {
      days += p2.numerator;
      handled += p2.denominator;
    }
  }
  const inScope = good + late;
  return { inScope, onTimeRate: inScope === 0 ? null : good / inScope, lateRate: inScope === 0 ? null : late / inScope, handlingDays: handled === 0 ? null : days / handled };
}

export interface HeadlineTile {
  readonly id: "inScope" | "onTimeRate" | "lateRate" | "handlingDays";
  readonly value: number | null;
  /** Against the previous period; null when either side has no value (counts: never, see below). */
  readonly change: Movement | null;
}

/**
 * The headline tiles. Rates carry their change coloured by direction (a late rate that falls is
 * better); the number of dossiers carries none: the province itself grew on 1 July 2025, so a
 * count's change would say more about the merger than about the service.
 */
export function headline(current: readonly Unit[], previous: readonly Unit[] | null): HeadlineTile[] {
  const now = provinceRates(current);
  // A previous period in which no unit received a dossier (carried-over ones only) is nothing to compare with.
  const before = previous && previous.some(receivedAny) ? provinceRates(previous) : null;
  return [
    { id: "inScope", value: now.inScope, change: null },
    { id: "onTimeRate", value: now.onTimeRate, change: movement(now.onTimeRate, before?.onTimeRate) },
    { id: "lateRate", value: now.lateRate, change: movement(now.lateRate, before?.lateRate, true) },
    { id: "handlingDays", value: now.handlingDays, change: movement(now.handlingDays, before?.handlingDays, true) },
  ];
}

/** A unit's change against the previous period: its own row, or its predecessor's across a reorganisation. */
export type UnitChange =
  | { readonly kind: "none" }
  /** Its own row, or its one nearest predecessor's (`via`). */
  | { readonly kind: "compared"; readonly total: Movement | null; readonly rank: Movement | null; readonly via: UnitRecord | null }
  /** Merged from several predecessors: no single number to compare with. */
  | { readonly kind: "merged"; readonly from: readonly UnitRecord[] };

export function unitChange(unit: Unit, previous: ReadonlyMap<string, Unit>): UnitChange {
  const { rows, viaPredecessor } = comparableRows(unit.unitId, previous);
  if (rows.length === 0) return { kind: "none" };
  if (rows.length > 1) return { kind: "merged", from: rows.map((r) => unitRecord(r.unitId)).filter((u): u is UnitRecord => u !== undefined) };
  const before = rows[0] as Unit;
  // Its previous row has no dossier received (carried-over ones only): nothing to compare with.
  if (!receivedAny(before)) return { kind: "none" };
  return {
    kind: "compared",
    total: movement(unit.total, before.total),
    rank: rankMovement(unit.rank, before.rank),
    via: viaPredecessor ? (unitRecord(before.unitId) ?? null) : null,
  };
}

export interface ExtremeRow {
  readonly unit: Unit;
  /** The two or three indicators that cost the unit the most points. */
  readonly lost: readonly LostPoints[];
}

/** The best and the worst `n` ranked units of a tier (the worst: the last first), each with the indicators it lost most on. */
export function extremes(units: readonly Unit[], m: Methodology, lang: Lang, n = 5, costs = 3): { readonly best: ExtremeRow[]; readonly worst: ExtremeRow[] } {
  const ranked = rankedRows(units).filter((u) => u.rank !== null);
  const row = (unit: Unit): ExtremeRow => ({ unit, lost: pointsLost(unit, m, lang).slice(0, costs) });
  const best = ranked.slice(0, n);
  const worst = ranked.slice(Math.max(n, ranked.length - n)).reverse();
  return { best: best.map(row), worst: worst.map(row) };
}

export interface LateRate {
  readonly unit: Unit;
  readonly late: number;
  readonly inScope: number;
  readonly rate: number;
}

/**
 * Units by late rate (late or overdue, of the dossiers assessed), highest first, among those with
 * at least `minCases` dossiers assessed: a rate over two dossiers says little.
 */
export function lateRates(units: readonly Unit[], minCases: number, limit = 10): LateRate[] {
  return units
    .map((unit) => ({ unit, late: count(unit, "LATE") + count(unit, "OVERDUE"), inScope: inScopeOf(unit) }))
    .filter((r) => r.inScope >= minCases && r.late > 0)
    .map((r) => ({ ...r, rate: r.late / r.inScope }))
    .sort((a, b) => b.rate - a.rate || b.inScope - a.inScope)
    .slice(0, limit);
}
