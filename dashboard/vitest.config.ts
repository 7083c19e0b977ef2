import { defineProject, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config.js";

export default mergeConfig(
  viteConfig,
  defineProject({
    resolve: { conditions: ["browser"] },
    test: {
      name: "dashboard",
      // Component tests render into jsdom (no canvas: the chart stays empty there, see test/setup.ts).
      environment: "jsdom",
      include: ["test/**/*.test.ts"],
      setupFiles: ["./test/setup.ts"],
      // axe over a whole page in jsdom takes 2–4 s alone and several times that when two test files share two busy cores.
      testTimeout: 60_000,
    },
  }),
);
