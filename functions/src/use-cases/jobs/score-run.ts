/**
 * A scoring run as every trigger runs it (CLI, scheduler, seed, npm start, the cloud job): the
 * periods scored in one run (use-cases/score: the case facts staged once), and after each period
 * its public JSON (use-cases/publish) and, on the run's facts, its head ratings and reform index
 * (use-cases/ratings). The stages stay apart; this is where they are put one after the other.
 */
import type { HeadRoster } from "../../ports/admin.js";
import type { Period } from "@scorecard/shared";
import type { HeadDayRow } from "@scorecard/shared/methodology/head-tenure";
import { syncPublicJson } from "../publish/published-rankings.js";
import { type RatingDeps, refreshRatings } from "../ratings/ratings.js";
import { type ScoreDeps, type ScoreEngine, type ScoreRunOptions, scorePeriods } from "../score/score-period.js";
import { withRulesInForce } from "../score/rules-in-force.js";

/**
 * The scoring run of one period: score it, write its public JSON, run the head-attribution SQL,
 * then rate the heads and compute the reform index. Returns the snapshots.
 */
export const scoreAndRate =
  (score: ScoreDeps, ratings: RatingDeps) =>
  async (period: Period, options: { engine?: ScoreEngine } = {}) =>
    scoreAndRatePeriods(score, ratings)([period], options);

/**
 * One scoring run over several periods (scorePeriods: the case facts staged once), each period's
 * public JSON written and the period rated on the run's facts right after its snapshots are
 * stored. The head rosters are read once per run.
 */
export const scoreAndRatePeriods =
  (scoreDeps: ScoreDeps, ratingDeps: RatingDeps) =>
  async (periods: readonly Period[], options: Omit<ScoreRunOptions, "afterPeriod" | "withHeadDays"> = {}) => {
    // The calendar and catalog in force (rules as data), read once for the run: scoring and ratings use them.
    const score = await withRulesInForce(scoreDeps);
    const ratings = score === scoreDeps ? ratingDeps : { ...ratingDeps, catalog: score.catalog };
    let rosters: Promise<HeadRoster[]> | undefined;
    // The head-attribution rows of each period, queried with its engine work, rated after its snapshots.
    const days = new Map<string, readonly HeadDayRow[]>();
    return scorePeriods(score)(periods, {
      ...options,
      withHeadDays: (period, rows) => {
        days.set(period.id, rows);
      },
      afterPeriod: async (period, snapshots) => {
        // A published period's public JSON stays the published body (syncPublicJson).
        for (const s of snapshots) await syncPublicJson(score, score.methodology, period.id, s.tier, s);
        rosters ??= ratings.stores.heads.list();
        const heads = await rosters;
        const rows = days.get(period.id);
        days.delete(period.id);
        await refreshRatings(ratings)(period, { ...(rows ? { days: rows } : {}), rosters: heads, snapshots });
      },
    });
  };
