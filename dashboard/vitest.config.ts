import { defineProject, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config.js";

export default mergeConfig(
  viteConfig,
  defineProject({
    resolve: { conditions: ["browser"] },
    test: { name: "dashboard", environment: "node", include: ["test/**/*.test.ts"], passWithNoTests: true },
  }),
);
