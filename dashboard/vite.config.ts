import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [svelte()],
  build: { outDir: "dist", target: "es2022", sourcemap: true },
  server: { proxy: { "/v1": "http://127.0.0.1:8080" } },
});
