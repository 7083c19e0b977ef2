/**
 * One dossier's timeline (`#/cases/<caseId>`). The server decides who may read it (a unit
 * officer: their unit's dossiers and those it was consulted on); a 403 — which is also what an
 * officer gets for a dossier that does not exist — is shown as such, a 404 as "not in the live record".
 */
import type { CaseTimeline } from "@scorecard/shared/contracts/case-timeline";
import { ApiProblemError, type ApiClient } from "../lib/api.js";
import { LoadSequence, type PagePhase } from "../lib/page-state.svelte.js";
import { Resource } from "./resource.svelte.js";

export class CaseTimelineModel {
  /** null: no such dossier in the live record (404). */
  readonly timeline = new Resource<CaseTimeline | null>();
  forbidden = $state(false);
  readonly phase: PagePhase = $derived(this.forbidden ? "ready" : this.timeline.phase);
  readonly #api: ApiClient;
  readonly #loads = new LoadSequence();
  #key = "";

  constructor(api: ApiClient) {
    this.#api = api;
  }

  async load(caseId: string): Promise<void> {
    if (caseId === this.#key) return;
    this.#key = caseId;
    const live = this.#loads.begin();
    this.forbidden = false;
    await this.timeline.load(
      async (signal) => {
        try {
          return await this.#api.caseTimeline(caseId, signal);
        } catch (e) {
          if (e instanceof ApiProblemError && e.status === 404) return null;
          if (e instanceof ApiProblemError && e.status === 403) {
            if (live()) this.forbidden = true;
            return null;
          }
          throw e;
        }
      },
      (d) => d === null,
    );
  }

  reset(): void {
    this.#key = "";
  }

  dispose(): void {
    this.#loads.end();
    this.timeline.dispose();
  }
}
