/**
 * Head-of-unit ratings and the reform index, of a tier (the chairman's overview) or of one unit
 * (its scorecard page), and the Home Affairs form for heads' general criteria. A period that has
 * not been rated answers 404 NO_RATINGS: shown as "not computed", never as zeros. The reform index
 * exists for half-years and years only.
 */
import type { HeadRatings, ReformIndexView } from "@scorecard/shared/contracts/read-api";
import { ApiProblemError, type RatingsApi, toApiError } from "../lib/api.js";
import { isPeriodId, parsePeriod } from "../lib/periods.js";
import { Resource } from "./resource.svelte.js";

/** Not computed yet (404 NO_RATINGS) is a state of its own, not an error. */
const notComputed = (e: unknown) => e instanceof ApiProblemError && e.status === 404 && e.code === "NO_RATINGS";

async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (notComputed(e)) return null;
    throw e;
  }
}

/** Does the period have a reform index (half-year or year)? */
export const hasReformIndex = (periodId: string): boolean => isPeriodId(periodId) && ["HALF", "YEAR"].includes(parsePeriod(periodId).kind);

/** The half-year containing a month or a quarter (the year and half-years are themselves). */
export function reformPeriodOf(periodId: string): string | null {
  if (!isPeriodId(periodId)) return null;
  const p = parsePeriod(periodId);
  if (p.kind === "HALF" || p.kind === "YEAR") return p.id;
  return `${p.year}-H${Number(p.startDate.slice(5, 7)) <= 6 ? 1 : 2}`;
}

export interface RatingCounts {
  readonly rated: number;
  readonly pending: number;
  readonly notRated: number;
}

export const countsOf = (r: HeadRatings | null): RatingCounts => ({
  rated: r?.heads.filter((h) => h.status === "RATED").length ?? 0,
  pending: r?.heads.filter((h) => h.status === "PENDING").length ?? 0,
  notRated: r?.heads.filter((h) => h.status === "NOT_RATED").length ?? 0,
});

/** Whose ratings: one tier of the province (the chairman's overview) or one unit (its scorecard). */
export type RatingsScope = { readonly tier: string } | { readonly unitId: string };

/**
 * The period and scope a model shows. Asking again for them makes no request unless the last one
 * failed; asking for others goes through `Resource.load`, which aborts the request still on its
 * way, so a late answer for another period or unit is never shown.
 */
class Asked {
  #key = "";
  #last: readonly [string, RatingsScope] | null = null;

  /** Should `period` and `scope` be requested (false: already shown or on its way)? */
  next(period: string, scope: RatingsScope, resource: Resource<unknown>): boolean {
    const key = JSON.stringify([period, "unitId" in scope ? { unitId: scope.unitId } : { tier: scope.tier }]);
    if (key === this.#key && resource.phase !== "error") return false;
    this.#key = key;
    this.#last = [period, scope];
    return true;
  }

  /** What was asked last, forgotten so that it is asked again (a retry). */
  again(): readonly [string, RatingsScope] | null {
    this.#key = "";
    return this.#last;
  }

  forget(): void {
    this.#key = "";
    this.#last = null;
  }
}

/** Stops the request on its way and drops what is shown (e.g. the server refused the unit). */
function forgetShown(resource: Resource<unknown>, asked: Asked): void {
  resource.dispose();
  resource.data = null;
  asked.forget();
}

/** The heads of one tier, or of one unit, in one period (data null = not computed for that period). */
export class HeadRatingsModel {
  readonly ratings = new Resource<HeadRatings | null>();
  readonly counts: RatingCounts = $derived(countsOf(this.ratings.data));
  readonly #api: RatingsApi;
  readonly #asked = new Asked();

  constructor(api: RatingsApi) {
    this.#api = api;
  }

  async load(period: string, scope: RatingsScope): Promise<void> {
    if (!this.#asked.next(period, scope, this.ratings)) return;
    await this.ratings.load(
      (signal) => orNull("unitId" in scope ? this.#api.unitHeadRatings(scope.unitId, period, signal) : this.#api.headRatings(period, scope.tier, signal)),
      (d) => d === null || d.heads.length === 0,
    );
  }

  retry(): Promise<void> {
    const last = this.#asked.again();
    return last ? this.load(...last) : Promise.resolve();
  }

  clear(): void {
    forgetShown(this.ratings, this.#asked);
  }

  dispose(): void {
    this.ratings.dispose();
  }
}

/** The reform index of one tier, or of one unit, in a half-year or a year. */
export class ReformIndexModel {
  readonly index = new Resource<ReformIndexView | null>();
  /** The period asked for has no reform index (a month or a quarter). */
  notApplicable = $state(false);
  readonly #api: RatingsApi;
  readonly #asked = new Asked();

  constructor(api: RatingsApi) {
    this.#api = api;
  }

  async load(period: string, scope: RatingsScope): Promise<void> {
    if (!this.#asked.next(period, scope, this.index)) return;
    this.notApplicable = !hasReformIndex(period);
    if (this.notApplicable) {
      this.index.set(null, "empty");
      return;
    }
    await this.index.load(
      (signal) => orNull("unitId" in scope ? this.#api.unitReformIndex(scope.unitId, period, signal) : this.#api.reformIndex(period, scope.tier, signal)),
      (d) => d === null || d.units.length === 0,
    );
  }

  retry(): Promise<void> {
    const last = this.#asked.again();
    return last ? this.load(...last) : Promise.resolve();
  }

  clear(): void {
    this.notApplicable = false;
    forgetShown(this.index, this.#asked);
  }

  dispose(): void {
    this.index.dispose();
  }
}

export type RatingsOutcome =
  | { readonly ok: true; readonly message: "saved" | "recomputed"; readonly period: string }
  | { readonly ok: false; readonly code: string; readonly status: number; readonly detail: string | undefined };

/** Home Affairs: enter a head's general criteria for a period; recompute a period's ratings. */
export class HeadGeneralModel {
  busy = $state(false);
  outcome = $state.raw<RatingsOutcome | null>(null);
  readonly #api: RatingsApi;

  constructor(api: RatingsApi) {
    this.#api = api;
  }

  async #run(action: () => Promise<RatingsOutcome>): Promise<void> {
    this.busy = true;
    this.outcome = null;
    try {
      this.outcome = await action();
    } catch (e) {
      const err = toApiError(e);
      this.outcome = err instanceof ApiProblemError ? { ok: false, code: err.code, status: err.status, detail: err.problem.detail } : { ok: false, code: "NETWORK", status: 0, detail: err.message };
    } finally {
      this.busy = false;
    }
  }

  /** Reads the current version first, so that an edit is made on what is stored now. */
  save(unitId: string, headId: string, period: string, points: number, evidence: string): Promise<void> {
    return this.#run(async () => {
      const current = await this.#api.headGeneral(unitId, headId, period);
      const saved = await this.#api.putHeadGeneral(unitId, headId, period, { points, evidence }, current.version);
      return { ok: true, message: "saved", period: saved.period };
    });
  }

  recompute(period: string): Promise<void> {
    return this.#run(async () => {
      const r = await this.#api.refreshRatings(period);
      return { ok: true, message: "recomputed", period: r.period };
    });
  }
}
