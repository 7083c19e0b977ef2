/**
 * The first screen is painted whole (issue 19, item 11). Until the first page shows what it is
 * for — its data rendered, an empty state, or an error — the app is laid out but not painted
 * (`html[data-boot]` hides #app in app.css). A visitor never sees a header and toolbar that then
 * stall while the ranking renders, nothing moves when the data arrives, and the work of building
 * the first screen is done before anything on it can be tapped.
 *
 * The page says so through `firstScreenShown()` (App.svelte for the rankings, `bodyState` for the
 * lazy pages) as soon as its first screenful is in the DOM; rows or parts rendered in later tasks
 * (progressive-rows, Deferred) come after the paint. Pages that only set body[data-state] (sign-in,
 * callback) are shown when it leaves "loading". Bounded: after `maxMs` the app shows as it is (a
 * slow network sees the header and the loading text, as before). Later navigations are never held.
 */
let reveal: (() => void) | null = null;

export function holdFirstPaint(doc: Document, maxMs: number): void {
  const root = doc.documentElement;
  root.dataset.boot = "hold";
  const observer = new MutationObserver(() => {
    const s = doc.body.dataset.state;
    if (s !== undefined && s !== "loading") reveal?.();
  });
  const timer = setTimeout(() => reveal?.(), maxMs);
  reveal = () => {
    reveal = null;
    delete root.dataset.boot;
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(doc.body, { attributes: true, attributeFilter: ["data-state"] });
}

/** The first page's first screenful is in the DOM: paint it (no-op once shown, or when nothing is held). */
export function firstScreenShown(): void {
  reveal?.();
}
