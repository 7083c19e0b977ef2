#!/usr/bin/env node
// `npm test`: every test — unit, integration, browser. Makes sure Debian's Chromium is present
// (installing it when running as root), builds the dashboard the browser tests open, runs vitest
// and prints the plain "N passed, N failed" line that CI reads.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts });
const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;

function ensureChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return;
  if (has("chromium") || existsSync("/usr/bin/chromium")) return;
  if (process.getuid?.() === 0 && has("apt-get")) {
    console.log("Chromium is missing: installing Debian's chromium package for the browser tests…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    if (run("apt-get", ["update", "-qq"], { env }).status !== 0 || run("apt-get", ["install", "-y", "-qq", "chromium"], { env }).status !== 0) {
      console.error("Installing chromium failed. Install it by hand: apt-get install chromium");
      process.exit(1);
    }
    return;
  }
  console.error(
    "The browser tests need Chromium, and it is not installed.\n" +
      "  Debian/Ubuntu:  sudo apt-get install chromium\n" +
      "  elsewhere:      install Chromium and set CHROMIUM_PATH=/path/to/chromium\n",
  );
  process.exit(1);
}

ensureChromium();
if (run("npm", ["run", "build", "--silent"]).status !== 0) {
  console.error("The dashboard build failed.");
  process.exit(1);
}
mkdirSync(`${root}/.tmp`, { recursive: true });
const started = Date.now();
const vitest = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=.tmp/vitest.json", ...process.argv.slice(2)], {
  env: { ...process.env, NODE_NO_WARNINGS: "1" },
});
let summary = "0 passed, 1 failed";
try {
  const r = JSON.parse(readFileSync(`${root}/.tmp/vitest.json`, "utf8"));
  // A test file that fails to load has no test results of its own: count it as one failure.
  const brokenFiles = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
  const failed = r.numFailedTests + brokenFiles;
  summary = `${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests + (r.numTodoTests ?? 0)} skipped`;
  if (r.numTotalTests === 0) summary = "0 passed, 1 failed";
} catch {
  console.error("vitest wrote no JSON report");
}
console.log(`\nTest time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(summary);
process.exit(vitest.status === 0 && summary.includes(" 0 failed") ? 0 : 1);
