/**
 * Which period the signed-in pages (overview, unit scorecard, Home Affairs) open on (issue 19,
 * item 4). Pure: the clock is a parameter.
 *
 * - The default is the newest **complete** period the meta lists (its end has passed in Viet Nam
 *   time), in the meta's order — never the month still running, where most dossiers are not due
 *   yet and every unit looks weak. When no listed period is over, the newest one (labelled
 *   provisional wherever it is shown).
 * - A period asked for by name is shown even when it is not over: it is then provisional, with the
 *   time its figures run to.
 * - A unit that ended (merged, dissolved) opens on the newest complete period it existed in.
 */
import { isComplete } from "./public-periods.js";
import { isPeriodId } from "./periods.js";

export { isComplete };

interface MetaPeriods {
  readonly periods: readonly string[];
}

/** True when the period is not over at `now`: its figures are provisional. */
export const isRunning = (periodId: string, now: Date): boolean => isPeriodId(periodId) && !isComplete(periodId, now);

/**
 * The newest complete period of the meta (in its order), optionally among those `keep` accepts;
 * else the first period `keep` accepts (provisional); null when none.
 * @example defaultSignedInPeriod({ periods: ["2024-07", "2024-06"] }, new Date("2024-07-15T03:00:00Z")) === "2024-06"
 */
export function defaultSignedInPeriod(meta: MetaPeriods | null | undefined, now: Date, keep: (periodId: string) => boolean = () => true): string | null {
  const periods = (meta?.periods ?? []).filter(keep);
  return periods.find((p) => isComplete(p, now)) ?? periods[0] ?? null;
}

/** The period asked for when the meta lists it (complete or not), else the default. */
export function chooseSignedInPeriod(meta: MetaPeriods | null | undefined, asked: string | undefined, now: Date, keep?: (periodId: string) => boolean): string | null {
  return asked !== undefined && (meta?.periods ?? []).includes(asked) ? asked : defaultSignedInPeriod(meta, now, keep);
}
