/**
 * The dossiers behind a unit's P1 numbers, with the rule that classified each. Same guard as the
 * scorecard: a unit officer never requests another unit's list.
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import { SvelteMap } from "svelte/reactivity";
import { type ApiClient, isAbortError, orNothing } from "../lib/api.js";
import type { CaseTimeline } from "@scorecard/shared/contracts/case-timeline";
import { type Waited, waited } from "../lib/case-view.js";
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

/** What a dossier row shows from its timeline: the procedure's name, where it waited. */
export type CaseDetail =
  | { readonly state: "loading" }
  /** Not in the live record (404), or not this reader's to open (403), or the request failed: the row keeps its link. */
  | { readonly state: "none" }
  | {
      readonly state: "ok";
      readonly procedureCode: string | null;
      readonly procedureNameVi: string | null;
      readonly procedureNameEn: string | null;
      readonly waited: Waited;
      /** The names the server gave the units named (its catalog). */
      readonly units: CaseTimeline["units"];
    };

/** Rows shown at a time; the rest on demand (and only shown rows ask for their details). */
export const CASES_PAGE_SIZE = 50;

/**
 * The details of the rows on screen, each from its dossier's timeline (GET /v1/cases/{caseId}),
 * a few requests at a time; asked once per dossier while the page lives.
 */
export class CaseDetails {
  readonly byId = new SvelteMap<string, CaseDetail>();
  readonly #api: ApiClient;
  readonly #concurrency: number;
  readonly #queue: string[] = [];
  #running = 0;
  #controller = new AbortController();

  constructor(api: ApiClient, concurrency = 3) {
    this.#api = api;
    this.#concurrency = concurrency;
  }

  /** Ask for the details of these dossiers (those not asked for yet). */
  want(caseIds: readonly string[]): void {
    for (const id of caseIds) {
      if (this.byId.has(id)) continue;
      this.byId.set(id, { state: "loading" });
      this.#queue.push(id);
    }
    this.#pump();
  }

  #pump(): void {
    while (this.#running < this.#concurrency && this.#queue.length > 0) {
      const id = this.#queue.shift() as string;
      const signal = this.#controller.signal;
      this.#running++;
      void this.#api
        .caseTimeline(id, signal)
        .then(
          (t) => {
            if (!signal.aborted) this.byId.set(id, { state: "ok", procedureCode: t.procedureCode, procedureNameVi: t.procedureNameVi, procedureNameEn: t.procedureNameEn, waited: waited(t), units: t.units });
          },
          (e: unknown) => {
            if (!signal.aborted && !isAbortError(e)) this.byId.set(id, { state: "none" });
          },
        )
        .finally(() => {
          // A request of a list cleared meanwhile no longer counts against the new list's.
          if (signal.aborted) return;
          this.#running--;
          this.#pump();
        });
    }
  }

  /** Forget everything (another list): pending requests are cancelled. */
  clear(): void {
    this.#controller.abort();
    this.#controller = new AbortController();
    this.#queue.length = 0;
    this.#running = 0;
    this.byId.clear();
  }

  dispose(): void {
    this.clear();
  }
}
