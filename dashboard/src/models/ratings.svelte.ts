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
 * The period, scope and version a model shows (version null: the working values; N: the values
 * frozen with published version N). Asking again for them makes no request unless the last one
 * failed; asking for others goes through `Resource.load`, which aborts the request still on its
 * way, so a late answer for another period, unit or version is never shown.
 */
class Asked {
  #key = "";
  #where = "";
  #version: number | null = null;
  #last: readonly [string, RatingsScope, number | null] | null = null;

  /**
   * Should `period` and `scope` at `version` be requested (false: already shown or on its way)?
   * `version` undefined keeps the version chosen for the same period and scope (the working values
   * for another period or scope).
   */
  next(period: string, scope: RatingsScope, version: number | null | undefined, resource: Resource<unknown>): readonly [string, RatingsScope, number | null] | null {
    const where = JSON.stringify([period, "unitId" in scope ? { unitId: scope.unitId } : { tier: scope.tier }]);
    const v = version !== undefined ? version : where === this.#where ? this.#version : null;
    const key = `${where}@${v ?? "working"}`;
    if (key === this.#key && resource.phase !== "error") return null;
    this.#key = key;
    this.#where = where;
    this.#version = v;
    this.#last = [period, scope, v];
    return this.#last;
  }

  /** What was asked last, forgotten so that it is asked again (a retry). */
  again(): readonly [string, RatingsScope, number | null] | null {
    this.#key = "";
    return this.#last;
  }

  /** The period and scope asked last (to ask for them at another version). */
  get last(): readonly [string, RatingsScope, number | null] | null {
    return this.#last;
  }

  forget(): void {
    this.#key = "";
    this.#where = "";
    this.#version = null;
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
  /** The version asked for last: null for the working values. */
  version = $state<number | null>(null);
  readonly #api: RatingsApi;
  readonly #asked = new Asked();

  constructor(api: RatingsApi) {
    this.#api = api;
  }

  /** `version`: null the working values, N those frozen with published version N; absent, as shown for the same period and scope. */
  async load(period: string, scope: RatingsScope, version?: number | null): Promise<void> {
    const asked = this.#asked.next(period, scope, version, this.ratings);
    if (!asked) return;
    const v = (this.version = asked[2]);
    await this.ratings.load(
      (signal) => orNull("unitId" in scope ? this.#api.unitHeadRatings(scope.unitId, period, signal, v) : this.#api.headRatings(period, scope.tier, signal, v)),
      (d) => d === null || d.heads.length === 0,
    );
  }

  /** The period and scope shown, at another version (null: the working values). */
  show(version: number | null): Promise<void> {
    const last = this.#asked.last;
    return last ? this.load(last[0], last[1], version) : Promise.resolve();
  }

  retry(): Promise<void> {
    const last = this.#asked.again();
    return last ? this.load(...last) : Promise.resolve();
  }

  clear(): void {
    this.version = null;
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
  /** The version asked for last: null for the working values. */
  version = $state<number | null>(null);
  readonly #api: RatingsApi;
  readonly #asked = new Asked();

  constructor(api: RatingsApi) {
    this.#api = api;
  }

  /** `version`: null the working values, N those frozen with published version N; absent, as shown for the same period and scope. */
  async load(period: string, scope: RatingsScope, version?: number | null): Promise<void> {
    const asked = this.#asked.next(period, scope, version, this.index);
    if (!asked) return;
    const v = (this.version = asked[2]);
    this.notApplicable = !hasReformIndex(period);
    if (this.notApplicable) {
      this.index.set(null, "empty");
      return;
    }
    await this.index.load(
      (signal) => orNull("unitId" in scope ? this.#api.unitReformIndex(scope.unitId, period, signal, v) : this.#api.reformIndex(period, scope.tier, signal, v)),
      (d) => d === null || d.units.length === 0,
    );
  }

  /** The period and scope shown, at another version (null: the working values). */
  show(version: number | null): Promise<void> {
    const last = this.#asked.last;
    return last ? this.load(last[0], last[1], version) : Promise.resolve();
  }

  retry(): Promise<void> {
    const last = this.#asked.again();
    return last ? this.load(...last) : Promise.resolve();
  }

  clear(): void {
    this.notApplicable = false;
    this.version = null;
    forgetShown(this.index, this.#asked);
  }

  dispose(): void {
    this.index.dispose();
  }
}

export type RatingsOutcome =
  | { readonly ok: true; readonly message: "saved" | "recomputed"; readonly period: string }
  | { readonly ok: false; readonly code: string; readonly status: number; readonly errors?: readonly { readonly field: string; readonly code: string }[] | undefined };

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
      this.outcome = err instanceof ApiProblemError ? { ok: false, code: err.code, status: err.status, errors: err.problem.errors } : { ok: false, code: "NETWORK", status: 0 };
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
