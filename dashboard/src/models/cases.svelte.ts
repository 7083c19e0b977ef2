/**
 * The dossiers behind a unit's P1 numbers, with the rule that classified each. Same guard as the
 * scorecard: a unit officer never requests another unit's list.
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import { type ApiClient, orNothing } from "../lib/api.js";
import type { DemoUser, UnitCases } from "../lib/api-types.js";
import { LoadSequence, type PagePhase } from "../lib/page-state.svelte.js";
import { Resource } from "./resource.svelte.js";
import { mayOpenUnit } from "./scorecard.svelte.js";

export const CASE_STATUSES = ["EARLY", "ON_TIME", "LATE", "OVERDUE", "IN_PROGRESS", "EXCLUDED"] as const;

export class CasesModel {
  readonly cases = new Resource<UnitCases | null>();
  forbidden = $state(false);
  period = $state<string | null>(null);
  readonly phase: PagePhase = $derived(this.forbidden ? "ready" : this.cases.phase);
  readonly #api: ApiClient;
  readonly #loads = new LoadSequence();
  #key = "";

  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** Loads the list; returns the period shown, undefined when nothing new was loaded (same view, or a newer load began). */
  async load(user: DemoUser | null, unitId: string, period: string | undefined, status: string | undefined, meta: () => Promise<PublicMeta>): Promise<string | null | undefined> {
    const key = `${unitId}|${period ?? ""}|${status ?? ""}`;
    if (key === this.#key) return undefined;
    this.#key = key;
    const live = this.#loads.begin();
    this.forbidden = !mayOpenUnit(user, unitId);
    if (this.forbidden) {
      this.cases.dispose();
      return null;
    }
    let chosen = period ?? null;
    if (!chosen) {
      try {
        chosen = (await meta()).periods[0] ?? null;
      } catch {
        chosen = null;
      }
      if (!live()) return undefined;
    }
    this.period = chosen;
    if (!chosen) {
      this.cases.set(null, "empty");
      return null;
    }
    const st = status && (CASE_STATUSES as readonly string[]).includes(status) ? status : undefined;
    await this.cases.load((signal) => orNothing(this.#api.unitCases(unitId, chosen, st, signal)), (d) => d === null || d.cases.length === 0);
    return live() ? chosen : undefined;
  }

  reset(): void {
    this.#key = "";
  }

  dispose(): void {
    this.#loads.end();
    this.cases.dispose();
  }
}
