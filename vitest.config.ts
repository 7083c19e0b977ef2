import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Two test files at a time (vitest's default in a run is one fewer than the cores: one on CI's
    // two). The heavy files wait on child processes (Chromium, the local server, DuckDB's threads)
    // as much as they compute, so two share two cores well (a clean clone's `npm test`: see docs/performance.md).
    maxWorkers: 2,
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
