#!/usr/bin/env node
// `npm run test:reliability` (issue 10): the reliability and security suite — bad input, faults,
// load, headers, CSV injection, public-payload leaks, XSS in Chromium, and `npm audit` (which needs
// the registry; when it cannot run, the report says so) — then the figures it wrote.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
if (!existsSync(`${root}/dashboard/dist/index.html`) && spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" }).status !== 0) process.exit(1);
const r = spawnSync(
  "npx",
  ["vitest", "run", "--project", "functions", "--project", "e2e", "functions/test/reliability/", "e2e/xss.browser.test.ts", ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit", env: { ...process.env, RELIABILITY_AUDIT: process.env.RELIABILITY_AUDIT ?? "1", NODE_NO_WARNINGS: "1" } },
);
const dir = `${root}/.tmp/reliability`;
if (existsSync(dir)) for (const f of readdirSync(dir).filter((f) => f.endsWith(".json"))) console.log(`\n${f}:\n${readFileSync(`${dir}/${f}`, "utf8")}`);
process.exit(r.status ?? 1);
