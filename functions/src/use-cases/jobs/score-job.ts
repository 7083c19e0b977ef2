import { type Period, parsePeriod, isPeriodId } from "@scorecard/shared";
import { scheduledPeriodIds } from "@scorecard/shared/time/current-periods";
import type { RatingDeps } from "../ratings/ratings.js";
import { scoreAndRatePeriods } from "./score-run.js";
import type { ScoreDeps } from "../score/score-period.js";
import { type DimWrite, type DimsDeps, writeDims } from "../score/write-dims.js";
import { withRulesInForce } from "../score/rules-in-force.js";
import { stalePeriods, withStale } from "../score/scored-inputs.js";
import { InvalidJobInputError, type JobLog, type RunLock } from "./job-kit.js";

export { InvalidJobInputError, type JobLog };

/** What EventBridge Scheduler sends (`{"job":"score","source":"schedule"}`), or an operator's re-run. */
export interface ScoreJobInput {
  readonly job?: unknown;
  readonly source?: unknown;
  /** Period ids to score instead of the current ones, e.g. `["2024-Q1", "2024-03"]`. */
  readonly periods?: unknown;
}

export interface ScoreJobSummary {
  readonly dims: readonly Pick<DimWrite, "table" | "rows" | "written">[];
  readonly periods: readonly { readonly period: string; readonly tiers: number; readonly units: number }[];
  /** Set when the run did nothing because another scoring run holds the lock. */
  readonly skipped?: "another scoring run is running";
}

/** Some periods could not be scored; the others were. Thrown so that Lambda retries the run and then dead-letters it. */
export class ScoringFailedError extends Error {
  override readonly name = "ScoringFailedError";
  constructor(readonly failures: readonly { readonly period: string; readonly error: unknown }[]) {
    super(`scoring failed for ${failures.map((f) => `${f.period} (${(f.error as Error)?.message ?? String(f.error)})`).join("; ")}`);
  }
}

const MAX_PERIODS = 40;

/**
 * Periods late data reached that one scheduled run scores besides the current ones (newest first;
 * the rest on the next nights): a run must stay within the Lambda's 15 minutes, at about 15 Athena
 * statements a period.
 */
export const MAX_STALE_PER_RUN = 8;

/** The log lines the alarms count (infra's JOB_LOG_MESSAGES names this file): the one-invocation job and the state machine's steps (./score-steps.ts) write them. */
export const SCORE_LOG = {
  skipped: "another scoring run holds the lock: skipping this run",
  periodFailed: "scoring failed",
  runFailed: "scoring run failed",
  scored: "scored",
} as const;

/**
 * The periods a run scores: those named in the input (validated: a bad id is refused with the
 * list of accepted forms), else the current ones in Viet Nam time (shared/src/time/current-periods.ts).
 */
export function periodsOfJob(input: ScoreJobInput | null | undefined, now: Date): Period[] {
  if (input !== null && input !== undefined && (typeof input !== "object" || Array.isArray(input))) {
    throw new InvalidJobInputError(`the score job takes an object such as {"periods":["2024-Q1"]}, not ${JSON.stringify(input)}`);
  }
  if (input?.job !== undefined && input.job !== "score") throw new InvalidJobInputError(`job "${String(input.job)}" sent to the score job`);
  const named = input?.periods;
  if (named === undefined) return scheduledPeriodIds(now).map(parsePeriod);
  if (!Array.isArray(named) || named.length === 0 || named.length > MAX_PERIODS) {
    throw new InvalidJobInputError(`periods: a list of 1 to ${MAX_PERIODS} period ids such as ["2024-03", "2024-Q1", "2024-H1", "2024"]`);
  }
  const bad = named.map((p, i) => [p, i] as const).filter(([p]) => typeof p !== "string" || !isPeriodId(p));
  if (bad.length > 0) {
    throw new InvalidJobInputError(
      `periods: ${bad.map(([p, i]) => `[${i}] ${JSON.stringify(p)}`).join(", ")} ${bad.length === 1 ? "is not a period id" : "are not period ids"}: use 2024-03 (month), 2024-Q1, 2024-H1 or 2024 (year)`,
    );
  }
  return [...new Set(named as string[])].map(parsePeriod);
}

export type ScoreJobDeps = ScoreDeps &
  Pick<DimsDeps, "lake" | "catalog" | "calendar"> &
  Pick<RatingDeps, "stores"> & {
    /** One scoring run at a time (the lake's SCORING_LOCK_KEY in the cloud). */
    readonly lock: RunLock<unknown>;
  };

/**
 * The scheduled scoring run: take the scoring lock (if another run holds it — an invocation by
 * hand, a retry of a run still going — skip: that run scores), bring the calendar and unit
 * dimensions in the lake up to date (only when they changed), then score each period (snapshots,
 * drill-downs, public JSON) with its head ratings and reform index (scoreAndRate, what every place
 * that scores calls). A period that fails does not stop the others; the run then throws, so
 * Lambda retries it (every step is a rewrite, so a retry is safe) and finally dead-letters it,
 * which raises the alarm. The lock is released in every case (a lease of a run that died expires).
 */
export const scoreJob =
  (deps: ScoreJobDeps, log: JobLog = () => undefined) =>
  async (input: ScoreJobInput | null | undefined, owner = "score"): Promise<ScoreJobSummary> => {
    const requested = periodsOfJob(input, deps.clock.now());
    const lease = await deps.lock.acquire(owner);
    if (lease === undefined) {
      log("warn", SCORE_LOG.skipped, { owner });
      return { dims: [], periods: [], skipped: "another scoring run is running" };
    }
    try {
      return await scoreUnderLock(deps, log, input, requested);
    } finally {
      await deps.lock.release(lease).catch((error: unknown) => log("warn", "could not release the scoring lock", { error: (error as Error)?.message ?? String(error) }));
    }
  };

async function scoreUnderLock(stored: ScoreJobDeps, log: JobLog, input: ScoreJobInput | null | undefined, requested: readonly Period[]): Promise<ScoreJobSummary> {
  // The calendar and catalog in force (rules as data), read once: the dims and the run use the same.
  const deps = await withRulesInForce(stored);
  // A scheduled run (no periods named) also scores the periods late events reached (./scored-inputs.ts).
  const named = input?.periods !== undefined;
  const stale = named ? [] : await stalePeriods(deps);
  const periods = withStale(requested, stale, requested.length + MAX_STALE_PER_RUN);
  if (stale.length > 0) log("info", "late events reached scored periods", { periods: stale.map((p) => p.id), scored: periods.length });
  const dims = await writeDims({ lake: deps.lake, catalog: deps.catalog, calendar: deps.calendar })();
  log("info", "dimensions", { dims: dims.map((d) => ({ table: d.table, rows: d.rows, written: d.written, sha256: d.sha256 })) });
  const done: { period: string; tiers: number; units: number }[] = [];
  const failures: { period: string; error: unknown }[] = [];
  // One run over the periods (the facts staged once); a failing period does not stop the others.
  try {
    await scoreAndRatePeriods(deps, deps)(periods, {
      onPeriod: (period, snapshots) => {
        const units = snapshots.reduce((n, s) => n + s.units.length, 0);
        done.push({ period: period.id, tiers: snapshots.length, units });
        log("info", SCORE_LOG.scored, { period: period.id, tiers: snapshots.length, units });
      },
      onPeriodError: (period, error) => {
        failures.push({ period: period.id, error });
        log("error", SCORE_LOG.periodFailed, { period: period.id, error: (error as Error)?.message ?? String(error) });
      },
    });
  } catch (error) {
    // The run's shared step (staging the facts) failed: every period not yet done failed with it.
    for (const period of periods) if (!done.some((d) => d.period === period.id) && !failures.some((f) => f.period === period.id)) failures.push({ period: period.id, error });
    log("error", SCORE_LOG.runFailed, { error: (error as Error)?.message ?? String(error) });
  }
  if (failures.length > 0) throw new ScoringFailedError(failures);
  return { dims: dims.map(({ table, rows, written }) => ({ table, rows, written })), periods: done };
}
