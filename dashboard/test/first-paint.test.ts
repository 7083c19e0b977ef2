import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { firstScreenShown, holdFirstPaint } from "../src/lib/first-paint.js";

/** The first screen is painted whole (lib/first-paint.ts): held until the page shows what it is for, bounded in time. */
const held = () => document.documentElement.dataset.boot === "hold";
/** MutationObserver callbacks run as microtasks. */
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

describe("first paint", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    delete document.body.dataset.state;
    delete document.documentElement.dataset.boot;
  });
  afterEach(() => {
    firstScreenShown(); // leaves no hold to the next test
    vi.useRealTimers();
  });

  it("is held from the start until the page says its first screenful is in, and never again", () => {
    holdFirstPaint(document, 1500);
    expect(held()).toBe(true);
    firstScreenShown();
    expect(held()).toBe(false);
    // A later navigation's "loading" does not hide the app again.
    document.body.dataset.state = "loading";
    vi.advanceTimersByTime(2000);
    expect(held()).toBe(false);
  });

  it("is shown when body[data-state] leaves loading (pages that only set it: sign-in, callback)", async () => {
    vi.useRealTimers();
    holdFirstPaint(document, 60_000);
    document.body.dataset.state = "loading";
    await settle();
    expect(held()).toBe(true);
    document.body.dataset.state = "error";
    await settle();
    expect(held()).toBe(false);
  });

  it("is shown as it is after the time limit when the page never gets there (a slow network)", () => {
    holdFirstPaint(document, 1500);
    document.body.dataset.state = "loading";
    vi.advanceTimersByTime(1499);
    expect(held()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(held()).toBe(false);
  });

  it("a page that says it is shown before anything is held does not release a later hold (component tests, later pages)", () => {
    firstScreenShown();
    expect(held()).toBe(false);
    holdFirstPaint(document, 1500);
    expect(held()).toBe(true);
  });

  it("is what app.css hides: #app under html[data-boot] (read from the disk: under vitest a CSS import is empty)", () => {
    const css = [join(process.cwd(), "src", "app.css"), join(process.cwd(), "dashboard", "src", "app.css")].find((p) => existsSync(p));
    expect(css).toBeDefined();
    expect(readFileSync(css ?? "", "utf8")).toMatch(/html\[data-boot\] #app \{\s*visibility: hidden;\s*\}/);
  });
});
