/**
 * A unit's scorecard page: the scorecard of a period and the live early-warning list. A unit
 * officer may only open their own unit: another unit is refused here, before any request, and the
 * server refuses it again (403).
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import { type ApiClient, ApiProblemError } from "../lib/api.js";
import type { DemoUser, UnitScorecard, UnitWarnings } from "../lib/api-types.js";
import type { PagePhase } from "../lib/page-state.svelte.js";
import { Resource } from "./resource.svelte.js";

/** May this user open the drill-down of `unitId`? Unit officers: their own unit only. */
export const mayOpenUnit = (user: DemoUser | null, unitId: string): boolean =>
  user !== null && (user.role !== "unit-officer" || user.unitId === unitId);

export class ScorecardModel {
  readonly meta = new Resource<PublicMeta>();
  readonly card = new Resource<UnitScorecard>();
  readonly warnings = new Resource<UnitWarnings>();
  forbidden = $state(false);
  unitId = $state<string | null>(null);
  period = $state<string | null>(null);

  /** The page's phase: the scorecard decides (warnings have their own notice). */
  readonly phase: PagePhase = $derived(
    this.forbidden ? "ready" : this.meta.phase === "error" ? "error" : this.meta.phase === "loading" ? "loading" : this.card.phase === "loading" || this.warnings.phase === "loading" ? "loading" : this.card.phase,
  );

  readonly #api: ApiClient;
  #key = "";

  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** Loads the scorecard of `unitId` for `period` (the newest scored period when absent). Returns the period shown. */
  async load(user: DemoUser | null, unitId: string, period: string | undefined, meta: () => Promise<PublicMeta>): Promise<string | null> {
    const key = `${unitId}|${period ?? ""}`;
    if (key === this.#key) return this.period;
    this.#key = key;
    this.unitId = unitId;
    this.forbidden = !mayOpenUnit(user, unitId);
    if (this.forbidden) {
      this.card.dispose();
      this.warnings.dispose();
      return null;
    }
    await this.meta.load(() => meta());
    const periods = this.meta.data?.periods ?? [];
    const chosen = period !== undefined && periods.includes(period) ? period : (periods[0] ?? null);
    this.period = chosen;
    if (chosen === null) {
      this.card.set(null as never, "empty");
      return null;
    }
    this.#key = `${unitId}|${chosen}`;
    await Promise.all([
      this.card.load((signal) =>
        this.#api.unitScorecard(unitId, chosen, signal).catch((e: unknown) => {
          // No scorecard for the unit in that period: an empty page, not an error.
          if (e instanceof ApiProblemError && e.status === 404) return null as never;
          throw e;
        }),
        (d) => d === null,
      ),
      this.warnings.load((signal) => this.#api.unitWarnings(unitId, signal)),
    ]);
    return chosen;
  }

  retry(user: DemoUser | null, meta: () => Promise<PublicMeta>): Promise<string | null> {
    const unitId = this.unitId;
    const period = this.period ?? undefined;
    this.#key = "";
    return unitId ? this.load(user, unitId, period, meta) : Promise.resolve(null);
  }

  dispose(): void {
    this.meta.dispose();
    this.card.dispose();
    this.warnings.dispose();
  }
}
