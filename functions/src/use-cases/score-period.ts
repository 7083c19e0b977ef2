import {
  type IndicatorValue,
  type Period,
  type RankedUnit,
  type RankingSnapshot,
  type Tier,
  type UnitCatalog,
  type UnitScore,
  WorkingCalendar,
  getMethodology,
  referenceIndicators,
  scoreUnits,
  unitsValidIn,
} from "@scorecard/shared";
import { CASE_LIST_SQL } from "@scorecard/shared/sql/case-list.sql";
import { toCaseRow } from "./case-rules.js";
import { type StatusCounts, indicatorValues, queryIndicatorRows } from "./indicator-rows.js";
import { readReferenceInput } from "./reference-input.js";
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
  /** Working-day calendar (default: shared's holiday data). Must match the engine's dim_calendar. */
  readonly calendar?: WorkingCalendar | undefined;
}

/** Which route computes the indicator counts: the shared SQL (default) or the reference scorer (comparison). */
export type ScoreEngine = "sql" | "reference";

export interface ScoredUnits {
  readonly units: readonly UnitScore[];
  readonly counts: ReadonlyMap<string, StatusCounts>;
  /** Bytes the SQL read, when the engine reports it (null for the reference route). */
  readonly bytesScanned: number | null;
}

const NO_COUNTS: StatusCounts = { EARLY: 0, ON_TIME: 0, LATE: 0, OVERDUE: 0, IN_PROGRESS: 0 };

/**
 * Indicator counts → points, groups, totals, bands and ranks for every unit valid in the period
 * (methodology §3, shared's scoreUnits), by the SQL route or the reference route.
 */
export async function scoreUnitsOf(deps: ScoreDeps, period: Period, engine: ScoreEngine = "sql"): Promise<ScoredUnits> {
  const m = getMethodology(deps.methodology);
  const calendar = deps.calendar ?? new WorkingCalendar();
  const units = unitsValidIn(deps.catalog, period).filter((u) => u.tier !== "PROVINCE");
  if (engine === "reference") {
    const input = await readReferenceInput(deps.engine, period);
    const result = referenceIndicators({ ...input, units: deps.catalog, period, calendar, methodology: m });
    const counts = new Map<string, StatusCounts>();
    for (const f of result.cases) {
      if (!f.inScope || f.status === "EXCLUDED") continue;
      const c = counts.get(f.unitId) ?? { ...NO_COUNTS };
      counts.set(f.unitId, { ...c, [f.status]: c[f.status] + 1 });
    }
    return { units: scoreUnits(m, period.id, result.units), counts, bytesScanned: null };
  }
  const rows = await queryIndicatorRows(deps.engine, period, m);
  const values = indicatorValues(rows, units, m);
  return { units: scoreUnits(m, period.id, values), counts: new Map(values.map((v) => [v.unitId, v.counts])), bytesScanned: rows.bytesScanned };
}

const indicatorValue = (i: IndicatorValue): IndicatorValue => ({ numerator: i.numerator, denominator: i.denominator, ratio: i.ratio, points: i.points, max: i.max, status: i.status });

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

/**
 * Score one period for every tier: run the SQL (or the reference scorer), apply the methodology,
 * store draft snapshots and public JSON, and write the per-unit drill-downs.
 */
export const scorePeriod =
  (deps: ScoreDeps) =>
  async (period: Period, options: { engine?: ScoreEngine } = {}): Promise<RankingSnapshot[]> => {
    const engine = options.engine ?? "sql";
    const params = { period_start: sqlTimestamp(period.start), period_end: sqlTimestamp(period.end), month_to: period.endDate.slice(0, 7) };
    const scored = await scoreUnitsOf(deps, period, engine);
    await writeDrilldowns(deps, period, (await deps.engine.query(CASE_LIST_SQL, params)).rows);
    const computedAt = deps.clock.now().toISOString();
    const snapshots: RankingSnapshot[] = [];
    for (const tier of SCORED_TIERS) {
      const inTier = scored.units.filter((u) => u.tier === tier);
      if (inTier.length === 0) continue;
      const units = inTier.map((s): RankedUnit => {
        const u = deps.catalog.get(s.unitId);
        return {
          unitId: s.unitId,
          nameVi: u?.nameVi ?? s.unitId,
          nameEn: u?.nameEn ?? s.unitId,
          tier,
          rank: s.rank,
          total: s.total,
          complete: s.complete,
          band: s.band,
          indicators: Object.fromEntries(Object.entries(s.indicators).map(([code, i]) => [code, indicatorValue(i)])),
          groups: s.groups,
          counts: { ...(scored.counts.get(s.unitId) ?? NO_COUNTS) },
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
        engine,
        units,
      };
      await deps.snapshots.putDraft(snapshot);
      await syncPublicJson(deps, deps.methodology, period.id, tier, snapshot);
      snapshots.push(snapshot);
    }
    return snapshots;
  };
