import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The longest files start first, whatever their project: with two workers a long file started last
 * sets the run's end (vitest orders by project name, then by its cache, which a clean clone lacks).
 * Measured on a clean clone: the journeys' seed and the public pages take 200–270 s each under two
 * workers, the kill test and the differential 70–80 s; the rest keep vitest's own order.
 */
const LONGEST_FIRST = [
  "e2e/journeys.browser.test.ts",
  "e2e/public-pages.browser.test.ts",
  "functions/test/no-loss.kill.test.ts",
  "functions/test/sql-differential.test.ts",
  "e2e/oidc-sign-in.browser.test.ts",
  "functions/test/public-suppression.integration.test.ts",
];
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((s) => f.moduleId.replaceAll("\\", "/").endsWith(s));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    // Two test files at a time (vitest's default in a run is one fewer than the cores: one on CI's
    // two). The heavy files wait on child processes (Chromium, the local server, DuckDB's threads)
    // as much as they compute, so two share two cores well (a clean clone's `npm test`: see docs/performance.md).
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    projects: [
      { test: { name: "shared", root: "./shared", environment: "node", include: ["test/**/*.test.ts", "src/**/*.test.ts"] } },
      {
        test: {
          name: "functions",
          root: "./functions",
          environment: "node",
          include: ["test/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // s3rver's ListObjectsV2 pagination encrypts its token with DES (stack.md §6).
          execArgv: ["--openssl-legacy-provider"],
          env: {
            AWS_REGION: "ap-southeast-1",
            AWS_ACCESS_KEY_ID: "local",
            AWS_SECRET_ACCESS_KEY: "local",
            POWERTOOLS_DEV: "true",
            POWERTOOLS_LOG_LEVEL: "WARN",
            NODE_NO_WARNINGS: "1",
          },
        },
      },
      { test: { name: "infra", root: "./infra", environment: "node", include: ["test/**/*.test.ts"], testTimeout: 180_000 } },
      "./dashboard/vitest.config.ts",
      {
        test: {
          name: "e2e",
          root: ".",
          environment: "node",
          include: ["e2e/**/*.test.ts"],
          // A page waits up to 60 s for its data; a case opens one or two (several tabs at a time).
          testTimeout: 150_000,
          hookTimeout: 180_000,
          env: { NODE_NO_WARNINGS: "1", POWERTOOLS_LOG_LEVEL: "WARN" },
        },
      },
    ],
  },
});
