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
      testTimeout: 20_000,
    },
  }),
);
