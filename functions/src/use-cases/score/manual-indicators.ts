/**
 * The service-index indicators Home Affairs enters (issue 20, item 5): the methodology's indicators
 * of source MANUAL — D3 "certified electronic copies" in dn-2026.1 and dn-2026.2 — reach scoring
 * as counts, like the computed ones, and are scored by the methodology's rule (shared's scoreUnits:
 * points = max × min(1, ratio ÷ target); a denominator of 0 is "no data").
 *
 * - A scoring run reads the period's entries through a port (`ManualIndicatorSource`: the criterion
 *   items of the period, where the admin use case stores them) and hands them to scoreUnits with the
 *   computed counts (score-period.ts).
 * - A change of an entry refreshes the period's draft snapshots without SQL (`rescoreSnapshot`):
 *   every unit is scored again from the counts its snapshot holds, with the entries of now — the
 *   same numbers a scoring run would give, since it gives scoreUnits the same counts.
 */
import type { ManualIndicatorSource, StoredCriterion } from "../../ports/admin.js";
import { type IndicatorCounts, type IndicatorDefinition, type IndicatorValue, type Methodology, type RankedUnit, type RankingSnapshot, type UnitInput, scoreUnits } from "@scorecard/shared";

/** The indicators Home Affairs enters: those of source MANUAL (D3). */
export const manualIndicatorDefs = (m: Methodology): readonly IndicatorDefinition[] => m.indicators.filter((d) => d.source === "MANUAL");

/** Entered counts by unit, then by indicator code. */
export type ManualValues = ReadonlyMap<string, Readonly<Record<string, IndicatorCounts>>>;

/**
 * The entries among a period's criterion items: the methodology's MANUAL indicators whose two counts
 * are entered (an item that holds only a finding's lock token enters nothing).
 */
export function manualValuesOf(m: Methodology, items: readonly StoredCriterion[]): Map<string, Record<string, IndicatorCounts>> {
  const codes = new Set(manualIndicatorDefs(m).map((d) => d.code));
  const out = new Map<string, Record<string, IndicatorCounts>>();
  for (const c of items) {
    if (!codes.has(c.criterion) || c.numerator == null || c.denominator == null) continue;
    const own = out.get(c.unitId) ?? {};
    own[c.criterion] = { numerator: c.numerator, denominator: c.denominator };
    out.set(c.unitId, own);
  }
  return out;
}

/**
 * The period's entries from the store. `fresh`: one unit's items read consistently (a write just
 * made, which the period's listing — an index on AWS — may not show yet) in place of its listed ones.
 * No source (tests, tools without the admin store): none.
 */
export async function readManualValues(
  source: ManualIndicatorSource | undefined,
  m: Methodology,
  periodId: string,
  fresh?: { readonly unitId: string; readonly items: readonly StoredCriterion[] },
): Promise<ManualValues> {
  if (source === undefined || manualIndicatorDefs(m).length === 0) return new Map();
  const listed = await source.listByPeriod(periodId);
  const items = fresh === undefined ? listed : [...listed.filter((c) => c.unitId !== fresh.unitId), ...fresh.items];
  return manualValuesOf(m, items);
}

/** The units' inputs with their entries (a computed route has no counts for a MANUAL indicator). */
export function withManualValues<T extends UnitInput>(units: readonly T[], manual: ManualValues): T[] {
  if (manual.size === 0) return [...units];
  return units.map((u) => {
    const own = manual.get(u.unitId);
    return own === undefined ? u : { ...u, values: { ...u.values, ...own } };
  });
}

/**
 * The scored indicators without data, in the methodology's order: why a total is incomplete
 * (`complete` is false exactly when this is not empty).
 * @example missingIndicators(DN_2026_2, { indicators: { D3: { status: "no-data", … }, … } }) // ["D3"]
 */
export function missingIndicators(m: Methodology, unit: { readonly indicators: Readonly<Record<string, Pick<IndicatorValue, "status">>> }): string[] {
  return m.indicators.filter((d) => d.max !== null && unit.indicators[d.code]?.status !== "ok").map((d) => d.code);
}

const value = (i: IndicatorValue): IndicatorValue => ({ numerator: i.numerator, denominator: i.denominator, ratio: i.ratio, points: i.points, max: i.max, status: i.status });

/**
 * A tier's draft snapshot scored again with the entries of now: each unit's counts as the snapshot
 * holds them (the computed ones, S3's ratio included), its MANUAL indicators from `manual` (an entry
 * withdrawn or never made: no counts, "no data"), then points, groups, totals, bands and ranks
 * (shared's scoreUnits) — everything else (names, status counts, computedAt, scan) kept.
 */
export function rescoreSnapshot(m: Methodology, snapshot: RankingSnapshot, manual: ManualValues): RankingSnapshot {
  const codes = new Set(manualIndicatorDefs(m).map((d) => d.code));
  const inputs: UnitInput[] = snapshot.units.map((u) => ({
    unitId: u.unitId,
    tier: u.tier,
    name: u.nameVi,
    values: Object.fromEntries(
      Object.entries(u.indicators)
        .filter(([code]) => !codes.has(code))
        .map(([code, v]): [string, IndicatorCounts] => [code, { numerator: v.numerator, denominator: v.denominator, ratio: v.ratio }]),
    ),
  }));
  const byId = new Map(snapshot.units.map((u) => [u.unitId, u]));
  const units = scoreUnits(m, snapshot.period, withManualValues(inputs, manual)).map((s): RankedUnit => {
    const before = byId.get(s.unitId) as RankedUnit;
    return {
      ...before,
      rank: s.rank,
      total: s.total,
      complete: s.complete,
      missing: missingIndicators(m, s),
      band: s.band,
      indicators: Object.fromEntries(Object.entries(s.indicators).map(([code, i]) => [code, value(i)])),
      groups: s.groups,
    };
  });
  return { ...snapshot, units };
}
