/**
 * One piece of API data with its phase, for the pages loaded on demand: `load` cancels the
 * previous request, keeps the old data visible while loading, and records an ApiError on failure.
 */
import { type ApiError, isAbortError, toApiError } from "../lib/api.js";
import type { PagePhase } from "../lib/page-state.svelte.js";

export class Resource<T> {
  data = $state.raw<T | null>(null);
  phase = $state<PagePhase>("loading");
  error = $state.raw<ApiError | null>(null);
  #controller: AbortController | null = null;

  /** Fetches; `empty` decides whether the answer counts as "nothing to show". Resolves when settled. */
  async load(fetcher: (signal: AbortSignal) => Promise<T>, empty: (data: T) => boolean = () => false): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.phase = "loading";
    this.error = null;
    try {
      const data = await fetcher(controller.signal);
      if (controller.signal.aborted) return;
      this.data = data;
      this.phase = empty(data) ? "empty" : "ready";
    } catch (e) {
      if (controller.signal.aborted || isAbortError(e)) return;
      this.data = null;
      this.error = toApiError(e);
      this.phase = "error";
    }
  }

  /** Shows a value without a request (e.g. a view computed from data already at hand). */
  set(data: T, phase: PagePhase = "ready"): void {
    this.#controller?.abort();
    this.data = data;
    this.error = null;
    this.phase = phase;
  }

  dispose(): void {
    this.#controller?.abort();
    this.#controller = null;
  }
}

/** The combined phase of several resources: error wins, then loading, then ready (empty if all are). */
export function combined(...phases: PagePhase[]): PagePhase {
  if (phases.includes("error")) return "error";
  if (phases.includes("loading")) return "loading";
  if (phases.every((p) => p === "empty")) return "empty";
  return "ready";
}
