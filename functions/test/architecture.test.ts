import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderHolidays, renderUnits } from "../../scripts/gen-reference-data.js";

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
});
