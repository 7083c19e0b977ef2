import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
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
          testTimeout: 60_000,
          hookTimeout: 180_000,
          env: { NODE_NO_WARNINGS: "1", POWERTOOLS_LOG_LEVEL: "WARN" },
        },
      },
    ],
  },
});
