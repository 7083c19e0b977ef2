/**
 * The cloud's scoring run as the steps of a state machine (infra/lib/constructs/scoring-orchestration.ts,
 * docs/adr/0104-scoring-state-machine.md), each step one Lambda invocation well within its 15 minutes:
 *
 * 1. `planScoring`: take the scoring lock, decide the periods (the named ones, or the current ones
 *    in Viet Nam time and the stale ones), write the dimensions and the marks of improper returns,
 *    read what the run scores on, stage the case facts once (Athena CTAS) and write the run-wide
 *    drill-down lists; the periods are handed over in groups of one end each (the periods of one
 *    end share their drill-down list, so one invocation writes it).
 * 2. `scoreGroup`, once per group (the state machine's Map, each group retried on its own): score
 *    the group's periods on the staged facts, with their snapshots, public JSON and ratings
 *    (scoreAndRatePeriods' afterPeriod). A period that fails fails the group, so it is retried.
 * 3. `finishScoring`: record what the scored periods were scored on, log each group's outcome,
 *    drop the staged relations, remove unnamed drill-down lists and release the lock.
 *
 * Everything a later step needs travels in the state (a few KB): the lease, the staged prefix, the
 * run's periods. The local runtime keeps its one-process run (score-run.ts).
 */
import { type Period, isPeriodId, parsePeriod } from "@scorecard/shared";
import type { HeadRoster } from "../../ports/admin.js";
import type { HeadDayRow } from "@scorecard/shared/methodology/head-tenure";
import { syncPublicJson } from "../publish/published-rankings.js";
import { refreshRatings } from "../ratings/ratings.js";
import { DrilldownWriter, type SharedLists } from "../score/drilldown-writer.js";
import { writeImproperReturns } from "../score/improper-returns.js";
import { scoreOnFacts } from "../score/score-period.js";
import { withRulesInForce } from "../score/rules-in-force.js";
import { inputsOf, lakeInputs, recordScoredInputs, stalePeriods, withStale } from "../score/scored-inputs.js";
import { type StagedFacts, plus, stageFacts, stagedFacts } from "../score/staged-facts.js";
import { writeDims } from "../score/write-dims.js";
import { InvalidJobInputError, type JobLog } from "./job-kit.js";
import { MAX_STALE_PER_RUN, SCORE_LOG, type ScoreJobDeps, type ScoreJobInput, periodsOfJob } from "./score-job.js";

/** The run as the plan leaves it: what every later step reads. */
export interface ScoringRun {
  /** Every period of the run, in the order scored (the staged facts were made for exactly these). */
  readonly periods: readonly string[];
  readonly staged: StagedFacts;
  readonly lists: SharedLists;
  /** What each period is scored on (scored-inputs.ts), recorded for the periods that succeed. */
  readonly inputs: Readonly<Record<string, string>>;
  /** The scoring lock's lease (released by the last step). */
  readonly lease: unknown;
}

/** The plan: the run and its groups (the Map's items), or why there is nothing to do. */
export type ScoringPlan =
  | { readonly skipped: false; readonly run: ScoringRun; readonly groups: readonly (readonly string[])[] }
  | { readonly skipped: true; readonly reason: "another scoring run is running" };

/** What a group's invocation did. */
export interface GroupOutcome {
  readonly scored: readonly { readonly period: string; readonly tiers: number; readonly units: number }[];
}

/**
 * A Map item's result: the group's outcome, or — its retries spent — the error the state machine
 * caught for it (`{ Error, Cause }`), with the group.
 */
export type GroupResult = GroupOutcome | { readonly group: readonly string[]; readonly error: { readonly Error?: string; readonly Cause?: string } };

export interface ScoringSummary {
  readonly scored: readonly string[];
  readonly failed: readonly { readonly period: string; readonly error: string }[];
}

/** Some periods of a group failed: the group is retried (every step of a period is a rewrite). */
export class GroupFailedError extends Error {
  override readonly name = "GroupFailedError";
  constructor(readonly failures: readonly { readonly period: string; readonly error: unknown }[]) {
    super(`scoring failed for ${failures.map((f) => `${f.period} (${(f.error as Error)?.message ?? String(f.error)})`).join("; ")}`);
  }
}

const message = (e: unknown) => (e as Error)?.message ?? String(e);

/** Periods grouped by their end, in the order of their first period: one group's periods share one drill-down list. */
export function groupsByEnd(periods: readonly Period[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const p of periods) groups.set(p.end, [...(groups.get(p.end) ?? []), p.id]);
  return [...groups.values()];
}

const periodsOf = (ids: readonly unknown[]): Period[] => {
  if (!ids.every((p): p is string => typeof p === "string" && isPeriodId(p))) throw new InvalidJobInputError(`not a list of period ids: ${JSON.stringify(ids)}`);
  return ids.map(parsePeriod);
};

/** Step 1: the lock, the periods, the run's shared work (dimensions, marks, inputs, staged facts, run-wide lists). */
export const planScoring =
  (stored: ScoreJobDeps, log: JobLog = () => undefined) =>
  async (input: ScoreJobInput | null | undefined, owner: string): Promise<ScoringPlan> => {
    // The calendar and catalog in force (rules as data): the dims written here.
    const deps = await withRulesInForce(stored);
    const requested = periodsOfJob(input, deps.clock.now());
    const lease = await deps.lock.acquire(owner);
    if (lease === undefined) {
      log("warn", SCORE_LOG.skipped, { owner });
      return { skipped: true, reason: "another scoring run is running" };
    }
    let staged: StagedFacts | undefined;
    let periods: Period[] = [...requested];
    try {
      const named = input?.periods !== undefined;
      const stale = named ? [] : await stalePeriods(deps);
      periods = withStale(requested, stale, requested.length + MAX_STALE_PER_RUN);
      if (stale.length > 0) log("info", "late events reached scored periods", { periods: stale.map((p) => p.id), scored: periods.length });
      const dims = await writeDims({ lake: deps.lake, catalog: deps.catalog, calendar: deps.calendar })();
      log("info", "dimensions", { dims: dims.map((d) => ({ table: d.table, rows: d.rows, written: d.written, sha256: d.sha256 })) });
      await writeImproperReturns(deps)();
      const scoredOn = await lakeInputs(deps.engine);
      staged = await stageFacts(deps.engine, periods, { newId: deps.newId });
      const facts = stagedFacts(deps.engine, periods, staged);
      const lists = await new DrilldownWriter(deps, facts, () => undefined, periods).writeShared(deps.clock.now().toISOString());
      const groups = groupsByEnd(periods);
      log("info", "scoring run planned", { periods: periods.map((p) => p.id), groups: groups.length, stagedSeconds: Math.round(staged.seconds), stagedBytes: staged.bytesScanned });
      return {
        skipped: false,
        run: {
          periods: periods.map((p) => p.id),
          staged: { ...staged, bytesScanned: plus(staged.bytesScanned, lists.bytes) },
          lists: { finished: lists.finished, catalog: lists.catalog },
          inputs: Object.fromEntries(periods.map((p) => [p.id, inputsOf(scoredOn, p)])),
          lease,
        },
        groups,
      };
    } catch (error) {
      log("error", SCORE_LOG.runFailed, { error: message(error) });
      if (staged) await stagedFacts(deps.engine, periods, staged).close().catch(() => undefined);
      await deps.lock.release(lease).catch(() => undefined);
      throw error;
    }
  };

/** Step 2: one group's periods on the run's staged facts (throws if any failed: the state machine retries the group). */
export const scoreGroup =
  (stored: ScoreJobDeps, log: JobLog = () => undefined) =>
  async (run: ScoringRun, group: readonly unknown[]): Promise<GroupOutcome> => {
    // The calendar and catalog in force (rules as data), read again by each invocation of the state machine.
    const deps = await withRulesInForce(stored);
    const all = periodsOf(run.periods);
    const periods = periodsOf(group);
    if (!periods.every((p) => run.periods.includes(p.id))) throw new InvalidJobInputError(`the group ${JSON.stringify(group)} is not part of the run`);
    const facts = stagedFacts(deps.engine, all, run.staged);
    const pending: Promise<void>[] = [];
    const drilldowns = new DrilldownWriter(
      deps,
      facts,
      (p) => {
        p.catch(() => undefined);
        pending.push(p);
      },
      all,
      run.lists,
    );
    const scored: { period: string; tiers: number; units: number }[] = [];
    const failures: { period: string; error: unknown }[] = [];
    const days = new Map<string, readonly HeadDayRow[]>();
    let rosters: Promise<HeadRoster[]> | undefined;
    await deps.oneRunAtATime(() =>
      scoreOnFacts(
        deps,
        periods,
        facts,
        drilldowns,
        {
          withHeadDays: (period, rows) => {
            days.set(period.id, rows);
          },
          // As scoreAndRatePeriods does: the public JSON, then the ratings on the run's facts.
          afterPeriod: async (period, snapshots) => {
            for (const s of snapshots) await syncPublicJson(deps, deps.methodology, period.id, s.tier, s);
            rosters ??= deps.stores.heads.list();
            const rows = days.get(period.id);
            days.delete(period.id);
            await refreshRatings(deps)(period, { ...(rows ? { days: rows } : {}), rosters: await rosters });
          },
          onPeriod: (period, snapshots) => {
            const units = snapshots.reduce((n, s) => n + s.units.length, 0);
            scored.push({ period: period.id, tiers: snapshots.length, units });
            log("info", SCORE_LOG.scored, { period: period.id, tiers: snapshots.length, units });
          },
          onPeriodError: (period, error) => {
            failures.push({ period: period.id, error });
            log("error", SCORE_LOG.periodFailed, { period: period.id, error: message(error) });
          },
        },
        all.length,
      ),
    );
    const cleanUps = await Promise.allSettled(pending);
    const failedCleanUp = cleanUps.find((r) => r.status === "rejected");
    if (failures.length > 0) throw new GroupFailedError(failures);
    if (failedCleanUp) throw failedCleanUp.reason;
    return { scored };
  };

/**
 * Step 3: what the run did. Records the inputs of the periods scored, logs a failure line per
 * period of a group whose retries were spent (its own invocation may have died without a word)
 * and the run's summary, drops the staged relations, removes the drill-down lists no pointer names
 * and releases the lock. The summary is the state machine's output; a period that failed does
 * not fail the run (the alarms read the log lines).
 */
export const finishScoring =
  (deps: ScoreJobDeps, log: JobLog = () => undefined) =>
  async (run: ScoringRun, results: readonly GroupResult[]): Promise<ScoringSummary> => {
    const all = periodsOf(run.periods);
    const scored: string[] = [];
    const failed: { period: string; error: string }[] = [];
    for (const r of results) {
      if ("scored" in r) scored.push(...r.scored.map((s) => s.period));
      else {
        const error = causeOf(r.error);
        for (const period of r.group) {
          failed.push({ period, error });
          log("error", SCORE_LOG.periodFailed, { period, error, retriesSpent: true });
        }
      }
    }
    const problems: unknown[] = [];
    const attempt = async (step: () => Promise<void>) => {
      try {
        await step();
      } catch (e) {
        problems.push(e);
      }
    };
    await attempt(() => recordScoredInputs(deps.lake, deps.methodology, Object.fromEntries(scored.filter((p) => run.inputs[p] !== undefined).map((p) => [p, run.inputs[p] as string]))));
    await attempt(() => stagedFacts(deps.engine, all, run.staged).close());
    await attempt(() => new DrilldownWriter(deps, stagedFacts(deps.engine, all, run.staged), () => undefined, all).collect());
    await attempt(() => deps.lock.release(run.lease as never));
    log(failed.length === 0 && problems.length === 0 ? "info" : "error", "scoring run finished", { scored, failed, cleanUpErrors: problems.map(message) });
    // A clean-up that failed fails the run (the state machine's failure path: the dead-letter queue).
    if (problems.length > 0) throw problems[0];
    return { scored, failed };
  };

/** The error text of a caught Lambda task: its Cause is the function's error as JSON when it threw. */
function causeOf(error: { readonly Error?: string; readonly Cause?: string }): string {
  try {
    const cause = JSON.parse(error.Cause ?? "") as { errorMessage?: unknown };
    if (typeof cause.errorMessage === "string") return cause.errorMessage;
  } catch {
    // Not JSON: a timeout or a service error states its cause as text.
  }
  return [error.Error, error.Cause].filter(Boolean).join(": ") || "unknown error";
}
