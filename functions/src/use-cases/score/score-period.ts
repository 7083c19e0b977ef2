import { DEFAULT_METHODOLOGY_ID } from "@scorecard/shared/methodology/registry";
import type { QueryEngine } from "../../ports/engine.js";
import type { Clock, NewId } from "../../ports/runtime.js";
import type { PublicationStore, SnapshotStore } from "../../ports/snapshots.js";
import type { Lake } from "../../ports/lake.js";
import type { ManualIndicatorSource } from "../../ports/admin.js";
import type { RulesSource } from "../../ports/rules.js";
import { withRulesInForce } from "./rules-in-force.js";
import { methodologyOn } from "@scorecard/shared/rules/methodology-versions";
import {
  type IndicatorValue,
  type Methodology,
  type Period,
  type RankedUnit,
  type RankingSnapshot,
  type ScanMetadata,
  type Tier,
  type UnitCatalog,
  type UnitScore,
  WorkingCalendar,
  getMethodology,
  longestPeriodEndingWith,
  periodsOfYear,
  referenceIndicators,
  scoreUnits,
  unitsValidIn,
} from "@scorecard/shared";
import { caseListSql } from "@scorecard/shared/sql/case-list.sql";
import type { HeadDayRow } from "@scorecard/shared/methodology/head-tenure";
import { type StatusCounts, indicatorValues, queryHeadDays, queryIndicatorRows } from "./indicator-rows.js";
import { readReferenceInput } from "./reference-input.js";
import { type Defer, DrilldownWriter } from "./drilldown-writer.js";
import { type FactsSource, INLINE_FACTS, openFacts, plus, sqlTimestamp } from "./staged-facts.js";
import { openKeptFacts } from "./kept-facts.js";
import { inputsOf, lakeInputs, recordScoredInputs } from "./scored-inputs.js";
import { type ImproperReturnSource, writeImproperReturns } from "./improper-returns.js";
import { missingIndicators, readManualValues, withManualValues } from "./manual-indicators.js";
import type { Serial } from "../../lib/serial.js";

export const DEFAULT_METHODOLOGY = DEFAULT_METHODOLOGY_ID;
export const SCORED_TIERS: readonly Tier[] = ["DEPARTMENT", "DISTRICT", "COMMUNE", "VERTICAL"];

export interface ScoreDeps {
  readonly engine: QueryEngine;
  readonly snapshots: SnapshotStore;
  readonly lake: Lake;
  readonly catalog: UnitCatalog;
  readonly clock: Clock;
  readonly methodology: string;
  /** Published versions (issue 6): once a period is published, its public JSON stays the published body (score-run). */
  readonly publications?: PublicationStore | undefined;
  /** Working-day calendar (default: shared's holiday data). Must match the engine's dim_calendar. */
  readonly calendar?: WorkingCalendar | undefined;
  /**
   * Where a run reads the calendar and the catalog in force (rules as data, issue 24 item 4): read
   * once at the start of a run (./rules-in-force.ts), replacing `catalog` and `calendar`.
   */
  readonly rules?: RulesSource | undefined;
  /** The published versions of the series (rules as data), in order of their effective dates; set from `rules`. */
  readonly methodologyVersions?: readonly Methodology[] | undefined;
  /** A new unique id (a run's staged relations and drill-down folders). */
  readonly newId: NewId;
  /**
   * Keep the case facts in the lake between runs and bring them up to date from the new events
   * (./kept-facts.ts, docs/adr/0023) instead of staging them from every event in each run.
   */
  readonly keptFacts?: boolean | undefined;
  /**
   * The runs of a process on one lake go one after the other (a run's drill-down clean-up assumes
   * no other run is writing lists: DrilldownWriter.collect). Across processes, the cloud job holds
   * the scoring lease (ScoringLock) and the local runtime its data folder (folder-lock.ts).
   */
  readonly oneRunAtATime: Serial;
  /**
   * Home Affairs' marks of improper returns (the admin store): each run writes the marked ones to
   * the lake's `curated_improper_returns` before it stages the facts (./improper-returns.ts).
   * Absent: the table is left as it is (tests, tools without the admin store).
   */
  readonly improperReturns?: ImproperReturnSource | undefined;
  /**
   * The service-index indicators Home Affairs enters (D3; the admin store's criterion items): each
   * period's entries are scored with its computed indicators (./manual-indicators.ts). Absent: none
   * (the indicator is "no data" and every total incomplete).
   */
  readonly manualIndicators?: ManualIndicatorSource | undefined;
}

/**
 * The methodology a period is scored with: the last published version of the series in force on
 * the period's **start date**, else the series itself (docs/adr/0022-rules-as-data.md).
 */
export const methodologyFor = (deps: Pick<ScoreDeps, "methodology" | "methodologyVersions">, period: Period): Methodology =>
  methodologyOn(getMethodology(deps.methodology), deps.methodologyVersions ?? [], period.startDate);

/** Which route computes the indicator counts: the shared SQL (default) or the reference scorer (comparison). */
export type ScoreEngine = "sql" | "reference";

export interface ScoredUnits {
  readonly units: readonly UnitScore[];
  readonly counts: ReadonlyMap<string, StatusCounts>;
  /** Bytes the SQL read, when the engine reports it (null for the reference route). */
  readonly bytesScanned: number | null;
  /** The head attribution's day rows, from the same statement (null for the reference route). */
  readonly days: readonly HeadDayRow[] | null;
}

const NO_COUNTS: StatusCounts = { EARLY: 0, ON_TIME: 0, LATE: 0, OVERDUE: 0, IN_PROGRESS: 0 };

/**
 * Indicator counts → points, groups, totals, bands and ranks for every unit valid in the period
 * (methodology §3, shared's scoreUnits), by the SQL route or the reference route.
 */
export async function scoreUnitsOf(deps: ScoreDeps, period: Period, engine: ScoreEngine = "sql", facts: FactsSource = INLINE_FACTS): Promise<ScoredUnits> {
  const m = methodologyFor(deps, period);
  const calendar = deps.calendar ?? new WorkingCalendar();
  const units = unitsValidIn(deps.catalog, period).filter((u) => u.tier !== "PROVINCE");
  // Home Affairs' entries (D3) of the period, scored with the computed indicators on both routes.
  const manual = await readManualValues(deps.manualIndicators, m, period.id);
  if (engine === "reference") {
    const input = await readReferenceInput(deps.engine, period);
    const result = referenceIndicators({ ...input, units: deps.catalog, period, calendar, methodology: m, manual: Object.fromEntries(manual) });
    const counts = new Map<string, StatusCounts>();
    for (const f of result.cases) {
      if (!f.inScope || f.status === "EXCLUDED") continue;
      const c = counts.get(f.unitId) ?? { ...NO_COUNTS };
      counts.set(f.unitId, { ...c, [f.status]: c[f.status] + 1 });
    }
    return { units: scoreUnits(m, period.id, result.units), counts, bytesScanned: null, days: null };
  }
  const rows = await queryIndicatorRows(deps.engine, period, m, facts);
  const values = withManualValues(indicatorValues(rows, units, m), manual);
  return { units: scoreUnits(m, period.id, values), counts: new Map(values.map((v) => [v.unitId, v.counts])), bytesScanned: rows.bytesScanned, days: rows.days };
}

const indicatorValue = (i: IndicatorValue): IndicatorValue => ({ numerator: i.numerator, denominator: i.denominator, ratio: i.ratio, points: i.points, max: i.max, status: i.status });

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

export interface ScoreRunOptions {
  readonly engine?: ScoreEngine;
  /** false: the single statement per period (comparison and engines without tables). */
  readonly staged?: boolean;
  readonly onStaged?: (seconds: number) => void;
  readonly onPeriod?: (period: Period, snapshots: RankingSnapshot[]) => void;
  /**
   * The head attribution's day rows of a period, handed over after its engine work (the case
   * statement gives them with the unit counts; on the reference route the statement is run for
   * them on the run's facts).
   */
  readonly withHeadDays?: (period: Period, days: readonly HeadDayRow[]) => void | Promise<void>;
  /** What follows a period's snapshots (e.g. its ratings): runs while the next period is computed. */
  readonly afterPeriod?: (period: Period, snapshots: RankingSnapshot[]) => Promise<void>;
  /** Report a period's failure and go on with the others (default: the run stops and throws). */
  readonly onPeriodError?: (period: Period, error: unknown) => void;
  /**
   * Asked before each period: true ends the run there (the periods already computed are still
   * published; the run returns their snapshots). A process stopping (Ctrl-C) ends its runs so.
   */
  readonly stopWhen?: () => boolean;
}

/**
 * Score periods in one run: the case facts are staged once for all of them (one pass over the
 * events, shared/src/sql/case-stages.sql.ts), then per period the indicators, the methodology
 * (points, groups, bands, ranks), the draft snapshots and the drill-downs. What follows a period
 * (its public JSON, its ratings) is the caller's `afterPeriod` (use-cases/jobs/score-run.ts).
 */
export const scorePeriods =
  (deps: ScoreDeps) =>
  (periods: readonly Period[], options: ScoreRunOptions = {}): Promise<RankingSnapshot[]> =>
    // The calendar and catalog in force, read once for the run (a no-op when the caller already did).
    deps.oneRunAtATime(async () => scoreRun(await withRulesInForce(deps), periods, options));

async function scoreRun(deps: ScoreDeps, periods: readonly Period[], options: ScoreRunOptions): Promise<RankingSnapshot[]> {
  // The marks of improper returns as they are now: the table the case SQL joins (R3 of dn-2026.2).
  if (periods.length > 0) await writeImproperReturns(deps)();
  // What the run scores on, recorded per published period (./scored-inputs.ts: late events).
  const scoredOn = periods.length === 0 ? null : await lakeInputs(deps.engine);
  const inputs: Record<string, string> = {};
  // Kept facts (docs/adr/0023) where the deployment keeps them, else staged from the events for this run.
  const facts =
    deps.keptFacts === true && options.staged !== false && periods.length > 0
      ? await openKeptFacts(deps, periods)
      : await openFacts(deps.engine, periods, { staged: options.staged ?? true, newId: deps.newId });
  options.onStaged?.(facts.seconds);
  // Clean-ups that nothing in the run waits for (old drill-down runs): awaited, and their errors
  // thrown, when the run ends.
  const pending: Promise<void>[] = [];
  const defer: Defer = (p) => {
    p.catch(() => undefined);
    pending.push(p);
  };
  let done = false;
  // The drill-down lists of the run (one per end, and the finished cases once).
  const drilldowns = new DrilldownWriter(deps, facts, defer, periods);
  try {
    const all = await scoreOnFacts(deps, periods, facts, drilldowns, {
      ...options,
      onPeriod: (period, snapshots) => {
        if (scoredOn) inputs[period.id] = inputsOf(scoredOn, period);
        options.onPeriod?.(period, snapshots);
      },
    });
    done = true;
    return all;
  } finally {
    defer(drilldowns.collect());
    await facts.close();
    // The periods published so far, also when the run stops: they are scored on these events.
    await recordScoredInputs(deps.lake, deps.methodology, inputs).catch((e: unknown) => {
      if (done) throw e;
    });
    const settled = await Promise.allSettled(pending);
    const failedCleanUp = settled.find((r) => r.status === "rejected");
    // A failed clean-up fails a run that otherwise succeeded; it never hides the run's own error.
    if (done && failedCleanUp) throw failedCleanUp.reason;
  }
}

/**
 * Score `periods` on facts already staged and a drill-down writer over them: the part of a run
 * that one invocation of the cloud's scoring state machine does for its share of the periods
 * (use-cases/jobs/score-steps.ts); the run around it (improper returns, staging, clean-up, the
 * record of what was scored) belongs to the caller. `facts` stays open.
 */
export async function scoreOnFacts(
  deps: ScoreDeps,
  periods: readonly Period[],
  facts: FactsSource,
  drilldowns: DrilldownWriter,
  options: ScoreRunOptions,
  /** How many periods share the staged facts (the snapshots' scan metadata). */
  runPeriods = periods.length,
): Promise<RankingSnapshot[]> {
  const engine = options.engine ?? "sql";
  // Two stages per period: compute (indicators with the head attribution, drill-down: the engine,
  // one statement at a time), then publish (snapshots, public JSON, afterPeriod: ratings). A period is published
  // while the next one is computed; periods are published in order, one at a time.
  let publishing: Promise<void> = Promise.resolve();
  // The first failure when a failure stops the run (no onPeriodError).
  const run: { stop: { error: unknown } | null } = { stop: null };
  const failed = (period: Period, e: unknown) => {
    if (!options.onPeriodError) run.stop ??= { error: e };
    else options.onPeriodError(period, e);
  };
  const all: RankingSnapshot[] = [];
  try {
    for (const period of periods) {
      if (run.stop || options.stopWhen?.()) break;
      let computed: Computed;
      try {
        computed = await compute(deps, period, engine, facts, drilldowns);
        if (options.withHeadDays) await options.withHeadDays(period, computed.scored.days ?? (await queryHeadDays(deps.engine, period, facts)));
      } catch (e) {
        await publishing;
        failed(period, e);
        continue;
      }
      await publishing;
      if (run.stop) break;
      publishing = publish(deps, period, engine, facts, computed, runPeriods, options.afterPeriod).then(
        (snapshots) => {
          options.onPeriod?.(period, snapshots);
          all.push(...snapshots);
        },
        (e: unknown) => failed(period, e),
      );
    }
    await publishing;
    if (run.stop) throw run.stop.error;
    return all;
  } finally {
    await publishing;
  }
}

/** Score one period for every tier (a run of one period). */
export const scorePeriod =
  (deps: ScoreDeps) =>
  (period: Period, options: { engine?: ScoreEngine; staged?: boolean } = {}): Promise<RankingSnapshot[]> =>
    scorePeriods(deps)([period], options);


interface Computed {
  readonly computedAt: string;
  readonly scored: ScoredUnits;
  readonly drilldownBytes: number | null;
}

/** A period's engine work: the indicators and (once per end in a run) the drill-down list. */
async function compute(deps: ScoreDeps, period: Period, engine: ScoreEngine, facts: FactsSource, drilldowns: DrilldownWriter): Promise<Computed> {
  const computedAt = deps.clock.now().toISOString();
  const scored = await scoreUnitsOf(deps, period, engine, facts);
  const drilldownBytes = await drilldowns.write(longestPeriodEndingWith(period), computedAt);
  return { computedAt, scored, drilldownBytes };
}

/** A computed period's snapshots and what follows them (afterPeriod). */
async function publish(
  deps: ScoreDeps,
  period: Period,
  engine: ScoreEngine,
  facts: FactsSource,
  { computedAt, scored, drilldownBytes }: Computed,
  runPeriods: number,
  afterPeriod: ScoreRunOptions["afterPeriod"],
): Promise<RankingSnapshot[]> {
  const snapshots = await storeSnapshots(deps, period, engine, scored, computedAt, { runBytes: facts.bytesScanned, runPeriods, periodBytes: plus(scored.bytesScanned, drilldownBytes) });
  await afterPeriod?.(period, snapshots);
  return snapshots;
}

async function storeSnapshots(deps: ScoreDeps, period: Period, engine: ScoreEngine, scored: ScoredUnits, computedAt: string, scan: ScanMetadata): Promise<RankingSnapshot[]> {
  const m = methodologyFor(deps, period);
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
        missing: missingIndicators(m, s),
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
      ...(engine === "sql" ? { scan } : {}),
      // A published version of the series (rules as data): named; absent for the series itself, so older snapshots keep their text.
      ...(m.id !== deps.methodology ? { methodologyVersion: m.id } : {}),
    };
    await deps.snapshots.putDraft(snapshot);
    snapshots.push(snapshot);
  }
  return snapshots;
}
