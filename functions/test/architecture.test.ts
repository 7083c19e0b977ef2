import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderHolidays, renderUnits } from "../../scripts/gen-reference-data.js";
import { type ImportGraph, STAGES, backwardImports, circles, importGraph } from "./support/import-graph.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|svelte)$/.test(f) ? [p] : [];
  });

/** What the pure domain may never import: it must run in the browser, in Lambda and in tests alike. */
const FORBIDDEN = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["'](@aws-sdk\/|node:|fs["'/]|path["'/]|crypto["'/]|svelte|aws-cdk-lib|constructs|@duckdb\/|duckdb|dynalite|@middy\/)/;

describe("Architecture: dependencies point one way", () => {
  it("shared/ imports no AWS SDK, node: module, svelte, aws-cdk-lib, DuckDB or middy (tests included)", () => {
    const offenders = sourceFiles(join(root, "shared")).filter((f) => !f.includes("node_modules") && FORBIDDEN.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it("the rule itself catches a forbidden import (guard against a rule that cannot fail)", () => {
    for (const bad of [`import { x } from "@aws-sdk/client-s3";`, `import fs from "node:fs";`, `const d = await import("@duckdb/node-api");`, `import { mount } from "svelte";`, `import * as cdk from "aws-cdk-lib";`]) {
      expect(FORBIDDEN.test(bad), bad).toBe(true);
    }
    expect(FORBIDDEN.test(`import { z } from "zod";`)).toBe(false);
  });

  it("the dashboard does not import the shared barrel (it would pull zod into the first page)", () => {
    const offenders = sourceFiles(join(root, "dashboard", "src")).filter((f) => /from\s+["']@scorecard\/shared["']/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it("the generated reference data matches the copied CSVs (run scripts/gen-reference-data.ts after editing them)", () => {
    expect(readFileSync(join(root, "shared/src/data/units.data.ts"), "utf8")).toBe(renderUnits(readFileSync(join(root, "shared/data/dong-nai-units.csv"), "utf8")));
    expect(readFileSync(join(root, "shared/src/data/calendar.data.ts"), "utf8")).toBe(renderHolidays(readFileSync(join(root, "shared/data/vn-public-holidays.csv"), "utf8")));
  });

  describe("functions/src: use cases by stage, forward only, no circles", () => {
    const graph = importGraph(join(root, "functions", "src"));
    const plant = (from: string, to: string): ImportGraph => new Map([...graph, [from, [...(graph.get(from) ?? []), to]]]);

    it("reads the real tree (every stage folder has files, and imports were found)", () => {
      for (const stage of STAGES) expect([...graph.keys()].some((f) => f.startsWith(`use-cases/${stage}/`)), stage).toBe(true);
      expect(graph.get("use-cases/jobs/score-run.ts")).toContain("use-cases/score/score-period.ts");
    });

    it("no use case imports a later stage (read never by score, ratings never by score), an adapter or a handler", () => {
      expect(backwardImports(graph)).toEqual([]);
    });

    it("catches a planted backward import (score → read) and an adapter imported by a use case", () => {
      expect(backwardImports(plant("use-cases/score/score-period.ts", "use-cases/read/read-rankings.ts"))).toEqual([
        "use-cases/score/score-period.ts → use-cases/read/read-rankings.ts: score imports the later stage read",
      ]);
      expect(backwardImports(plant("use-cases/ingest/ingest-events.ts", "adapters/local/folder-lake.ts"))).toEqual([
        "use-cases/ingest/ingest-events.ts → adapters/local/folder-lake.ts: a use case imports no adapter, handler or runtime",
      ]);
      expect(backwardImports(plant("ports/engine.ts", "use-cases/score/staged-facts.ts"))).toEqual(["ports/engine.ts → use-cases/score/staged-facts.ts: ports/ imports only ports/"]);
    });

    it("no files inside functions/src import each other in a circle", () => {
      expect(circles(graph)).toEqual([]);
    });

    it("catches a planted circle (two files, and three)", () => {
      expect(circles(plant("use-cases/score/indicator-rows.ts", "use-cases/score/score-period.ts"))).toEqual([["use-cases/score/indicator-rows.ts", "use-cases/score/score-period.ts"]]);
      const three = new Map([...plant("lib/canonical.ts", "lib/serial.ts"), ["lib/serial.ts", ["lib/json-lines.ts"]], ["lib/json-lines.ts", ["lib/canonical.ts"]]]);
      expect(circles(three)).toEqual([["lib/canonical.ts", "lib/json-lines.ts", "lib/serial.ts"]]);
    });
  });
});
