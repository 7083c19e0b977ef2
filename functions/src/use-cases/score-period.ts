import type { IndicatorValue, Period, RankedUnit, RankingSnapshot, Tier, UnitCatalog } from "@scorecard/shared";
import { CASE_LIST_SQL } from "@scorecard/shared/sql/case-list.sql";
import { PROGRESS_BY_UNIT_SQL } from "@scorecard/shared/sql/progress.sql";
import { toCaseRow } from "./case-rules.js";
import { drilldownKey } from "./read-rankings.js";
import type { Clock, Lake, PublicationStore, QueryEngine, Row, SnapshotStore } from "../ports/index.js";
import { syncPublicJson } from "./published-rankings.js";

export const DEFAULT_METHODOLOGY = "dn-2026.1";
export const SCORED_TIERS: readonly Tier[] = ["DEPARTMENT", "DISTRICT", "COMMUNE", "VERTICAL"];

export interface ScoreDeps {
  readonly engine: QueryEngine;
  readonly snapshots: SnapshotStore;
  readonly lake: Lake;
  readonly catalog: UnitCatalog;
  readonly clock: Clock;
  readonly methodology: string;
  /** Published versions (issue 6): once a period is published, its public JSON stays the published body. */
  readonly publications?: PublicationStore | undefined;
}

const sqlTimestamp = (iso: string) => iso.replace("T", " ").replace(/\.\d+Z$/, "").replace("Z", "");
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** P1: 20 × (early + on time) / cases with a verdict (methodology §3; target 100%). */
export function progressIndicator(c: ProgressCounts | undefined): IndicatorValue {
  const numerator = c ? c.early + c.on_time : 0;
  const denominator = c ? c.early + c.on_time + c.late + c.overdue : 0;
  if (denominator === 0) return { numerator, denominator, ratio: null, points: null, max: 20, status: "no-data" };
  const ratio = numerator / denominator;
  return { numerator, denominator, ratio, points: round(20 * Math.min(1, ratio), 4), max: 20, status: "ok" };
}

export interface ProgressCounts {
  early: number;
  on_time: number;
  late: number;
  overdue: number;
  in_progress: number;
  excluded: number;
}

/**
 * Competition ranking (1, 2, 2, 4) on the total rounded to 2 decimals; ties listed by the
 * Vietnamese collation of the name; units without data are listed last, unranked.
 */
export function rankUnits<T extends { total: number | null; nameVi: string }>(units: readonly T[]): (T & { rank: number | null })[] {
  const collator = new Intl.Collator("vi");
  const sorted = [...units].sort((a, b) => {
    if (a.total === null || b.total === null) return a.total === null ? (b.total === null ? collator.compare(a.nameVi, b.nameVi) : 1) : -1;
    return round(b.total, 2) - round(a.total, 2) || collator.compare(a.nameVi, b.nameVi);
  });
  let prev: number | null = null;
  let prevRank = 0;
  return sorted.map((u, i) => {
    if (u.total === null) return { ...u, rank: null };
    const key = round(u.total, 2);
    const rank = key === prev ? prevRank : i + 1;
    prev = key;
    prevRank = rank;
    return { ...u, rank };
  });
}

/** The dossiers behind each unit's numbers, one private lake object per unit (not under public/). */
async function writeDrilldowns(deps: ScoreDeps, period: Period, rows: readonly Row[]): Promise<void> {
  const byUnit = new Map<string, Row[]>();
  for (const r of rows) {
    const u = String(r["unit_id"]);
    let list = byUnit.get(u);
    if (!list) byUnit.set(u, (list = []));
    list.push(r);
  }
  for (const [unitId, list] of byUnit) {
    await deps.lake.put(drilldownKey(deps.methodology, period.id, unitId), JSON.stringify(list.map(toCaseRow)), "application/json");
  }
}

/** Score one period for every tier: run the SQL, apply the rules, store draft snapshots and public JSON. */
export const scorePeriod =
  (deps: ScoreDeps) =>
  async (period: Period): Promise<RankingSnapshot[]> => {
    const params = { period_start: sqlTimestamp(period.start), period_end: sqlTimestamp(period.end), month_to: period.endDate.slice(0, 7) };
    const result = await deps.engine.query(PROGRESS_BY_UNIT_SQL, params);
    await writeDrilldowns(deps, period, (await deps.engine.query(CASE_LIST_SQL, params)).rows);
    const byUnit = new Map(result.rows.map((r) => [String(r["unit_id"]), r as unknown as ProgressCounts]));
    const computedAt = deps.clock.now().toISOString();
    const snapshots: RankingSnapshot[] = [];
    for (const tier of SCORED_TIERS) {
      const units = deps.catalog.validIn(tier, period.startDate, period.endDate);
      if (units.length === 0) continue;
      const scored = units.map((u) => {
        const c = byUnit.get(u.unitId);
        const p1 = progressIndicator(c);
        return {
          unitId: u.unitId,
          nameVi: u.nameVi,
          nameEn: u.nameEn,
          tier,
          total: p1.points,
          complete: false,
          band: null,
          indicators: { P1: p1 },
          counts: {
            EARLY: c?.early ?? 0,
            ON_TIME: c?.on_time ?? 0,
            LATE: c?.late ?? 0,
            OVERDUE: c?.overdue ?? 0,
            IN_PROGRESS: c?.in_progress ?? 0,
          },
        };
      });
      const snapshot: RankingSnapshot = {
        period: period.id,
        tier,
        methodology: deps.methodology,
        computedAt,
        dataAsOf: period.end < computedAt ? period.end : computedAt,
        status: "draft",
        version: null,
        engine: "sql",
        units: rankUnits(scored) satisfies RankedUnit[],
      };
      await deps.snapshots.putDraft(snapshot);
      await syncPublicJson(deps, deps.methodology, period.id, tier, snapshot);
      snapshots.push(snapshot);
    }
    return snapshots;
  };
