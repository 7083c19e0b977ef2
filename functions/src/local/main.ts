/**
 * `npm start`: the whole Scorecard on one machine. Seeds the demo province when the data folder
 * is empty, then serves the API and the dashboard on 127.0.0.1:PORT until Ctrl-C.
 */
import { scoreAndRatePeriods } from "../use-cases/jobs/score-run.js";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { LocalRuntime } from "./runtime.js";
import { FolderInUseError } from "../adapters/local/folder-lock.js";
import { seedRuntime } from "./seed.js";
import { createLocalServer, listen } from "./server.js";
import { startScheduler } from "./scheduler.js";
import { type Period, parsePeriod, periodsOfYear } from "@scorecard/shared";
import { rateScoredPeriod, ratedPeriods } from "../use-cases/ratings/ratings.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const dataDir = process.env["SCORECARD_DATA_DIR"] ?? join(repoRoot, ".data");
const port = Number(process.env["PORT"] ?? 8080);

const started = performance.now();
const fresh = !existsSync(join(dataDir, "lake", "curated"));
const rt = await LocalRuntime.start({ dataDir }).catch((e: unknown) => {
  if (!(e instanceof FolderInUseError)) throw e;
  console.error(`${e.message} Is Scorecard already running? Stop it first, or set SCORECARD_DATA_DIR to another folder.`);
  process.exit(2);
});
let stopping = false;
let pending: readonly Period[] = [];
/** Periods scored before head ratings existed (an older data folder): rated in the background. */
let unrated: readonly Period[] = [];
if (fresh) {
  ({ pending } = await seedRuntime(rt, { preset: "demo", seed: Number(process.env["SCORECARD_SEED"] ?? 2024), log: (l) => console.log(l), periods: "first" }));
} else {
  // A restart after an interrupted first start: score the periods that have data but no snapshot yet.
  const scored = new Set(await rt.read.snapshots.periods(rt.read.methodology));
  const months = (await rt.lake.list("curated/events/")).map((k) => /month=(\d{4})-\d{2}/.exec(k)?.[1]).filter((y): y is string => y !== undefined);
  const now = new Date().toISOString();
  pending = [...new Set(months)].flatMap((y) => periodsOfYear(Number(y))).filter((p) => p.start < now && !scored.has(p.id));
  const rated = await ratedPeriods(rt.read);
  unrated = [...scored].filter((id) => !rated.has(id)).map(parsePeriod);
}
// Names besides localhost the sign-in and signed-in routes answer to (a tunnel, a hosts-file name): SCORECARD_ALLOWED_HOSTS=a.lan,b.lan:8443
const allowedHosts = (process.env["SCORECARD_ALLOWED_HOSTS"] ?? "").split(",").map((h) => h.trim()).filter((h) => h !== "");
const server = createLocalServer(rt, { dashboardDir: join(repoRoot, "dashboard", "dist"), allowedHosts });
const bound = await listen(server, port);
const scheduler = startScheduler(rt, { log: (l) => console.log(l) });
const secs = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nScorecard đang chạy / is running: http://127.0.0.1:${bound}/  (ready in ${secs} s)`);
console.log(`  data folder: ${dataDir}${existsSync(join(dataDir, "lake")) ? ` (${readdirSync(join(dataDir, "lake")).join(", ")})` : ""}`);
console.log(`  source-system token (POST /v1/events): ${rt.sourceToken}`);
console.log("  Ctrl-C to stop.");

// The remaining months and quarters of the demo, scored while the dashboard is already served.
let background: Promise<void> = Promise.resolve();
if (pending.length > 0 || unrated.length > 0) {
  background = (async () => {
    // One run (facts staged once); Ctrl-C stops it between periods.
    if (pending.length > 0) {
      await scoreAndRatePeriods(rt.score, rt.admin)(pending, { stopWhen: () => stopping });
      if (stopping) return;
    }
    if (pending.length > 0) console.log(`[seed] the remaining ${pending.length} months and quarters are scored`);
    const rate = rateScoredPeriod(rt.engine, rt.admin);
    for (const p of unrated) {
      if (stopping) return;
      await rate(p);
    }
    if (unrated.length > 0) console.log(`[ratings] head ratings and reform index computed for ${unrated.length} periods scored before they existed`);
  })().catch((e: unknown) => console.error("[seed] background scoring failed:", (e as Error).message));
}

const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  // The runs still using the engine end first (each stops before its next period: stopWhen):
  // a process that closes DuckDB under a running statement never exits.
  await Promise.all([scheduler.stop(), background]);
  await new Promise<void>((ok) => server.close(() => ok()));
  server.closeAllConnections();
  await rt.stop();
  console.log("stopped cleanly.");
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
