/**
 * Issue 21: a CPU profile of the real local server (`functions/src/local/main.ts`, started with
 * `node --cpu-prof`) while it answers POST /v1/events — batches of 500 (the api-ingest step's
 * template, ids unique per batch), `streams` at a time — then SIGTERM (the server stops cleanly and
 * node writes the profiles: the main thread's and dynalite's worker's) into `--out`.
 *
 *   npx tsx bench/ingest-server-profile.ts [--batches 40] [--streams 4] [--out DIR (default: the OS temp folder)/scorecard-profile] [--repo DIR]
 *
 * Prints events/s, the server's CPU-µs per accepted event (/proc) and the profile files.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DemoProvince } from "../functions/src/seed/generator.js";
import { postedRange, sourceBatch } from "./lib.js";

const { values: args } = parseArgs({
  options: {
    batches: { type: "string", default: "40" },
    streams: { type: "string", default: "4" },
    out: { type: "string", default: join(tmpdir(), "scorecard-profile") },
    repo: { type: "string", default: resolve(import.meta.dirname, "..") },
  },
});
const TOKEN = "profile-token";
const template = sourceBatch<Record<string, unknown>>(DemoProvince, 2024, postedRange("2025-01"));
const dir = mkdtempSync(join(tmpdir(), "scorecard-profile-data-"));
mkdirSync(join(dir, "lake", "curated"), { recursive: true }); // main.ts: no demo seeding
mkdirSync(args.out, { recursive: true });
const server = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${args.out}`, "--import", "tsx", "functions/src/local/main.ts"], {
  cwd: resolve(args.repo),
  env: {
    ...process.env,
    NODE_NO_WARNINGS: "1",
    SCORECARD_DATA_DIR: dir,
    PORT: "0",
    SCORECARD_SCHEDULE_MS: "3600000",
    POWERTOOLS_LOG_LEVEL: "WARN",
    SCORECARD_SOURCE_TOKEN: TOKEN,
    SCORECARD_SOURCE_SCOPES: JSON.stringify({ "one-stop": { kinds: ["events"], units: ["*"], maxAgeDays: 36_500 } }),
  },
  stdio: ["ignore", "pipe", "pipe"],
});
let out = "";
server.stdout.on("data", (d: Buffer) => (out += d.toString()));
server.stderr.on("data", (d: Buffer) => (out += d.toString()));
let base: string | undefined;
while (!(base = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0])) {
  if (server.exitCode !== null) throw new Error(out);
  await new Promise((ok) => setTimeout(ok, 50));
}
const cpuS = () => {
  const stat = readFileSync(`/proc/${server.pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) / 100;
};
const post = async (n: number) => {
  const body = JSON.stringify({ events: template.map((e) => ({ ...e, eventId: `P${n}-${e["eventId"]}`, caseId: `P${n}-${e["caseId"]}` })) });
  const r = await fetch(`${base}/v1/events`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body });
  const b = (await r.json()) as { accepted?: number; results?: { status: string; code?: string }[] };
  if (r.status !== 200 || (b.accepted ?? 0) < template.length) {
    const codes = new Map<string, number>();
    for (const x of b.results ?? []) if (x.status !== "accepted") codes.set(`${x.status}:${x.code}`, (codes.get(`${x.status}:${x.code}`) ?? 0) + 1);
    console.error(`batch ${n}: HTTP ${r.status}, accepted ${b.accepted ?? 0}`, Object.fromEntries(codes), r.status !== 200 ? JSON.stringify(b).slice(0, 300) : "");
  }
  return b.accepted ?? 0;
};
await post(-1);
const cpu0 = cpuS();
const t0 = performance.now();
let next = 0;
let accepted = 0;
await Promise.all(
  Array.from({ length: Number(args.streams) }, async () => {
    while (next < Number(args.batches)) {
      const n = await post(next++);
      accepted += n;
    }
  }),
);
const s = (performance.now() - t0) / 1000;
const cpu = cpuS() - cpu0;
server.kill("SIGTERM");
await new Promise((ok) => server.once("exit", ok));
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ accepted, seconds: +s.toFixed(2), eventsPerSecond: Math.round(accepted / s), serverCpuS: +cpu.toFixed(2), serverCpuUsPerEvent: Math.round((cpu * 1e6) / accepted), loadAverage: loadavg(), profiles: readdirSync(args.out).map((f) => join(args.out, f)) }, null, 1));
