/**
 * Test hook shared by every page: `document.body.dataset.state` is "loading" while fetching,
 * "ready" once the result (data or an empty state) is in the DOM, "error" when the request failed.
 * Effects run after the DOM is updated, so "ready" means rendered.
 */
export type PagePhase = "loading" | "ready" | "empty" | "error";

const BODY_STATE: Readonly<Record<PagePhase, string>> = { loading: "loading", ready: "ready", empty: "ready", error: "error" };

export function bodyState(phase: () => PagePhase): void {
  $effect(() => {
    document.body.dataset.state = BODY_STATE[phase()];
  });
}
