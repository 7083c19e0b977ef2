/**
 * A long table's first load, a screenful at a time (issue 19, item 11): the rows of the first
 * screen go into the DOM in the task that renders the page, the others a batch per task after each
 * frame, so that no task of the load is long (Lighthouse's total blocking time counts every task's
 * time over 50 ms, four times over on its mobile preset). Rows not yet in the DOM keep their place
 * (padding below the table of their estimated height, corrected by the first rows' measured height:
 * a box that grows moves nothing, a spacer row would), so nothing below the table moves by more
 * than that estimate's error. Once every row is in, the table shows
 * all its rows at once again (tab, period and search changes are not split).
 *
 * While rows are still coming, `pending` is true: the table says aria-busy, and the body's test hook
 * stays "loading" (`rowsPending`), so scripts and tests read the whole table.
 */

/** How many tables are still adding rows (App.svelte keeps body[data-state] at "loading" until none). */
export const rowsPending = $state({ tables: 0 });

/** Counts one part of the page as still rendering (`rowsPending`) until the returned release is called (once or more). */
export function holdLoading(): () => void {
  rowsPending.tables++;
  let held = true;
  return () => {
    if (held) rowsPending.tables--;
    held = false;
  };
}

/** A page's body[data-state] for its `phase`: a ready page is still "loading" while a part of it renders in a later task. */
export const unlessRendering = (phase: string, state: string): string => (phase === "ready" && rowsPending.tables > 0 ? "loading" : state);

export interface ProgressiveRows {
  /** How many rows to render now (Infinity once all are in). */
  readonly limit: number;
  /** The height in px kept for the rows not yet in (0 when none). */
  readonly spacer: number;
  readonly pending: boolean;
  /** Starts the batches (from onMount); returns the cleanup. */
  start(): () => void;
}

/**
 * `total`: the table's row count; `first`, `batch`: rows in the first task and in each one after;
 * `estimatePx`: a row's height before any is measured; `measurePx`: the rendered rows' mean height
 * (read after a frame, when the layout is clean).
 */
export function progressiveRows(o: { total: () => number; first: number; batch: number; estimatePx: () => number; measurePx: () => number }): ProgressiveRows {
  let limit = $state(o.first);
  let rowPx = $state(0);
  let release = () => {};
  const pending = () => limit < o.total();
  return {
    get limit() {
      return limit;
    },
    get spacer() {
      const left = o.total() - limit;
      return left > 0 ? left * (rowPx || o.estimatePx()) : 0;
    },
    get pending() {
      return pending();
    },
    start() {
      let cancel = () => {};
      const step = () => {
        if (!pending()) {
          limit = Number.POSITIVE_INFINITY;
          return release();
        }
        cancel = afterNextFrame(() => {
          // After the frame: the rows drawn are laid out, reading them forces no layout.
          if (!rowPx) rowPx = o.measurePx();
          limit += o.batch;
          step();
        });
      };
      if (pending()) release = holdLoading();
      step();
      return () => {
        cancel();
        release();
      };
    },
  };
}

/**
 * Runs `f` in a task of its own after the next frame (the content rendered so far is drawn first);
 * returns the cancel. Without requestAnimationFrame (tests), after a timeout of 0.
 */
export function afterNextFrame(f: () => void): () => void {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame === "function") frame = requestAnimationFrame(() => (timer = setTimeout(f, 0)));
  else timer = setTimeout(f, 0);
  return () => {
    if (frame && typeof cancelAnimationFrame === "function") cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
