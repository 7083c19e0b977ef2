/**
 * `npm start`: the whole Scorecard on one machine. Seeds the demo province when the data folder
 * is empty, then serves the API and the dashboard on 127.0.0.1:PORT until Ctrl-C.
 */
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { LocalRuntime } from "./runtime.js";
import { seedRuntime } from "./seed.js";
import { createLocalServer, listen } from "./server.js";
import { startScheduler } from "./scheduler.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const dataDir = process.env["SCORECARD_DATA_DIR"] ?? join(repoRoot, ".data");
const port = Number(process.env["PORT"] ?? 8080);

const started = performance.now();
const fresh = !existsSync(join(dataDir, "lake", "curated"));
const rt = await LocalRuntime.start({ dataDir });
if (fresh) {
  await seedRuntime(rt, { preset: "demo", seed: Number(process.env["SCORECARD_SEED"] ?? 2024), log: (l) => console.log(l) });
}
const server = createLocalServer(rt, { dashboardDir: join(repoRoot, "dashboard", "dist") });
const bound = await listen(server, port);
const scheduler = startScheduler(rt, { log: (l) => console.log(l) });
const secs = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nScorecard đang chạy / is running: http://127.0.0.1:${bound}/  (ready in ${secs} s)`);
console.log(`  data folder: ${dataDir}${existsSync(join(dataDir, "lake")) ? ` (${readdirSync(join(dataDir, "lake")).join(", ")})` : ""}`);
console.log(`  source-system token (POST /v1/events): ${rt.sourceToken}`);
console.log("  Ctrl-C to stop.");

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  scheduler.stop();
  await new Promise<void>((ok) => server.close(() => ok()));
  server.closeAllConnections();
  await rt.stop();
  console.log("stopped cleanly.");
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
