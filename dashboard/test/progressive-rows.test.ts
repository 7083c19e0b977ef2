// @vitest-environment node
import { afterEach, describe, expect, it, vi } from "vitest";
import { progressiveRows, rowsPending } from "../src/lib/progressive-rows.svelte.js";

/** The public ranking's first load a screenful at a time: how many rows each task adds, and the room kept for the rest. */
describe("progressiveRows", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  /** A frame every 16 ms (fake timers), as a browser's. */
  const frames = () => {
    vi.useFakeTimers();
    vi.stubGlobal("requestAnimationFrame", (f: () => void) => setTimeout(f, 16));
    vi.stubGlobal("cancelAnimationFrame", (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
  };

  it("8 rows, then 8 per task after a frame, room kept for the others by their measured height; pending until all are in", async () => {
    frames();
    let measured = 0;
    const rows = progressiveRows({ total: () => 20, first: 8, batch: 8, estimatePx: () => 40, measurePx: () => ++measured && 50 });
    expect([rows.limit, rows.pending, rows.spacer]).toEqual([8, true, 12 * 40]);

    const stop = rows.start();
    expect(rowsPending.tables).toBe(1);
    expect(rows.limit).toBe(8); // nothing more in the task that rendered the first rows

    await vi.advanceTimersByTimeAsync(15);
    expect(rows.limit).toBe(8); // not before the frame that draws the first 8 rows
    await vi.advanceTimersToNextTimerAsync(); // the frame
    expect(rows.limit).toBe(8);
    await vi.advanceTimersToNextTimerAsync(); // the task after it: 8 more, the rows drawn measured once
    expect([rows.limit, rows.spacer, measured]).toEqual([16, 4 * 50, 1]);

    await vi.advanceTimersToNextTimerAsync();
    await vi.advanceTimersToNextTimerAsync();
    expect([rows.limit, rows.pending, rows.spacer, rowsPending.tables, measured]).toEqual([Number.POSITIVE_INFINITY, false, 0, 0, 1]);
    stop();
    expect(rowsPending.tables).toBe(0);
  });

  it("a table of 8 rows or fewer is whole at once and never pending", () => {
    const rows = progressiveRows({ total: () => 5, first: 8, batch: 8, estimatePx: () => 40, measurePx: () => 50 });
    const stop = rows.start();
    expect([rows.limit, rows.pending, rows.spacer, rowsPending.tables]).toEqual([Number.POSITIVE_INFINITY, false, 0, 0]);
    stop();
  });

  it("leaving the page before all rows are in stops the batches and releases the body's hook", async () => {
    frames();
    const rows = progressiveRows({ total: () => 30, first: 8, batch: 8, estimatePx: () => 40, measurePx: () => 50 });
    const stop = rows.start();
    expect(rowsPending.tables).toBe(1);
    stop();
    expect(rowsPending.tables).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(rows.limit).toBe(8);
  });
});
