// Mount/cleanup around every test (@testing-library/svelte's vitest hooks).
import "@testing-library/svelte/vitest";

// jsdom has no canvas: answer "no 2D context" quietly instead of logging "not implemented".
// The chart attachment then leaves the canvas empty; test/chart.test.ts fakes chart.js instead.
// (A test file run in Node's environment, `@vitest-environment node`, has no DOM at all.)
if (typeof HTMLCanvasElement !== "undefined") HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

// waitFor's default of 1 s is too tight when CI runs the whole suite in parallel on one machine;
// a file's first page also compiles its components (5 s ran out for the first case of two files
// under two workers on a loaded machine).
import { configure } from "@testing-library/svelte";
configure({ asyncUtilTimeout: 15_000 });
