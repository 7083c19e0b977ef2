/**
 * What every page shares about loading its data:
 *
 * - `bodyState`: the test hook `document.body.dataset.state` is "loading" while fetching, "ready"
 *   once the result (data or an empty state) is in the DOM, "error" when the request failed.
 *   Effects run after the DOM is updated, so "ready" means rendered.
 * - `LoadSequence`: the last load wins. A page's load is several steps (the list of periods, then
 *   the data); a step that resumes after a newer load has begun must change nothing.
 * - `followUrl`: a page's data follows its URL. Each change of what the URL asks for (the route's
 *   unit, `period`, `tier`…) loads again — back/forward and hand-edited URLs included — and the
 *   answer rewrites the URL into its canonical form (e.g. the newest period filled in) only while
 *   the URL still asks for what was loaded: a late answer never overrides a newer choice.
 */
import { untrack } from "svelte";
import { firstScreenShown } from "./first-paint.js";
import { unlessRendering } from "./progressive-rows.svelte.js";
import type { Params } from "./router.js";

export type PagePhase = "loading" | "ready" | "empty" | "error";

const BODY_STATE: Readonly<Record<PagePhase, string>> = { loading: "loading", ready: "ready", empty: "ready", error: "error" };

export function bodyState(phase: () => PagePhase): void {
  $effect(() => {
    // Still "loading" while a part of the page is rendered in a later task (Deferred.svelte).
    document.body.dataset.state = unlessRendering(phase(), BODY_STATE[phase()]);
    if (phase() !== "loading") firstScreenShown();
  });
}

/** Numbers a model's loads: `begin()` returns a check that stays true until the next `begin()`. */
export class LoadSequence {
  #n = 0;

  begin(): () => boolean {
    const n = ++this.#n;
    return () => n === this.#n;
  }

  /** Makes every load begun so far stale (the page is going away). */
  end(): void {
    this.#n++;
  }
}

/** The part of AppModel that `followUrl` needs. */
export interface UrlOwner {
  readonly location: { readonly params: Params };
  canonicalise(params: Params): void;
}

const sameParams = (a: Params, b: Params): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Params>;
  return [...keys].every((k) => (a[k] || undefined) === (b[k] || undefined));
};

/**
 * Loads whenever what the URL asks for changes. `wanted` reads the URL (null: nothing to load);
 * `load` gets a plain copy and answers the canonical params of the view it shows (or null).
 * Call during component initialisation.
 */
export function followUrl<W extends object>(app: UrlOwner, wanted: () => W | null, load: (wanted: W) => Promise<Params | null | undefined>): void {
  // A string key: the effect re-runs when what is asked changes, not when the location object does.
  const key = $derived(JSON.stringify(wanted()));
  let alive = true;
  $effect(() => {
    const asked = key;
    const w = JSON.parse(asked) as W | null;
    if (w === null) return;
    // Models read their own state while loading: that must not become a dependency of this effect.
    void untrack(() => load(w)).then((canonical) => {
      if (!alive || !canonical || key !== asked) return;
      if (!sameParams(app.location.params, canonical)) app.canonicalise(canonical);
    });
  });
  $effect(() => () => {
    alive = false;
  });
}

/** The period a page shows: the one asked for when it has been scored, else the newest (null: none at all). */
export function choosePeriod(meta: { readonly periods: readonly string[] } | null, asked: string | undefined): string | null {
  const periods = meta?.periods ?? [];
  return asked !== undefined && periods.includes(asked) ? asked : (periods[0] ?? null);
}
