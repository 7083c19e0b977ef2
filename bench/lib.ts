/** Helpers shared by the benchmarks (bench/run.ts, bench/step.ts, bench/ingest.ts). */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { localDateOf } from "@scorecard/shared/time/period";
import { PRESETS } from "../functions/src/seed/generator.js";

export const REPO = fileURLToPath(new URL("../", import.meta.url));
export const sec = (ms: number) => Math.round(ms) / 1000;
export const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;
export const log = (s: string) => process.stderr.write(`${s}\n`);
export const RESULT_MARK = "@@BENCH_RESULT ";

export interface Timed {
  readonly code: number | null;
  readonly out: string;
  readonly wallS: number;
  readonly userS: number | null;
  readonly sysS: number | null;
  /** Peak RSS of the child (GNU time's "Maximum resident set size", worker threads included). */
  readonly maxRssBytes: number | null;
  /** The JSON the child printed after RESULT_MARK (bench/step.ts), if any. */
  readonly result: Record<string, unknown> | null;
}

export const hasGnuTime = existsSync("/usr/bin/time");

/** Run a tsx script as a child (under /usr/bin/time -v when present) and collect its figures. */
export function runTimed(script: string, scriptArgs: string[], env: Record<string, string> = {}, options: { echo?: boolean; nodeArgs?: string[] } = {}): Promise<Timed> {
  const node = [process.execPath, ...(options.nodeArgs ?? []), "--import", "tsx", script, ...scriptArgs];
  const [cmd, ...argv] = hasGnuTime ? ["/usr/bin/time", "-v", ...node] : node;
  const t = performance.now();
  return new Promise((ok, fail) => {
    const child = spawn(cmd as string, argv, { cwd: REPO, env: { ...process.env, NODE_NO_WARNINGS: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    // The child's own output apart: the result line is read from it (GNU time writes to stderr, and
    // a long result line read from the merged output was cut by time's report).
    let stdout = "";
    let pending = "";
    let timing = false; // GNU time's report closes the output: not echoed
    const take = (d: Buffer) => {
      const s = d.toString();
      out += s;
      if (!options.echo) return;
      const lines = (pending + s).split("\n");
      pending = lines.pop() ?? "";
      for (const l of lines) {
        if (l.includes("Command being timed")) timing = true;
        if (!timing && l.trim() && !l.startsWith(RESULT_MARK)) log(`    │ ${l}`);
      }
    };
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      take(d);
    });
    child.stderr.on("data", take);
    child.once("error", fail);
    child.once("exit", (code) => {
      const wallS = sec(performance.now() - t);
      const num = (re: RegExp) => {
        const m = re.exec(out);
        return m ? Number(m[1]) : null;
      };
      const rssKb = num(/Maximum resident set size \(kbytes\): (\d+)/);
      const line = stdout.split("\n").find((l) => l.startsWith(RESULT_MARK));
      ok({
        code,
        out,
        wallS,
        userS: num(/User time \(seconds\): ([\d.]+)/),
        sysS: num(/System time \(seconds\): ([\d.]+)/),
        maxRssBytes: rssKb === null ? null : rssKb * 1024,
        result: line ? (JSON.parse(line.slice(RESULT_MARK.length)) as Record<string, unknown>) : null,
      });
    });
  });
}

export function bytesUnder(dir: string, suffix: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((sum, f) => {
    const p = join(dir, f);
    const s = statSync(p);
    return sum + (s.isDirectory() ? bytesUnder(p, suffix) : f.endsWith(suffix) ? s.size : 0);
  }, 0);
}

export function filesUnder(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p, suffix) : f.endsWith(suffix) ? [p] : [];
  });
}

/** Uncompressed size of a gzip file (ISIZE trailer; files here are far below 4 GiB). */
export function gunzippedSize(path: string): number {
  const b = readFileSync(path);
  return b.readUInt32LE(b.length - 4);
}

export function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO }).toString().trim();
  } catch {
    return null;
  }
}

/** Peak RSS of another process (VmHWM), while it runs. */
export function peakRssOf(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Start the local server (functions/src/local/main.ts) as a child on a data folder; resolves with
 * its base URL. `repo`: another checkout to run it from (its server code and its dashboard/dist),
 * for before/after comparisons (`npm run bench -- --server-repo DIR`).
 */
export async function startServer(dataDir: string, env: Record<string, string> = {}, repo = REPO) {
  const server = spawn(process.execPath, ["--import", "tsx", "functions/src/local/main.ts"], {
    cwd: repo,
    env: { ...process.env, NODE_NO_WARNINGS: "1", SCORECARD_DATA_DIR: dataDir, PORT: "0", SCORECARD_SCHEDULE_MS: "3600000", POWERTOOLS_LOG_LEVEL: "WARN", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  server.stdout.on("data", (d: Buffer) => (out += d.toString()));
  server.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const until = Date.now() + 120_000;
  let base: string | undefined;
  while (!base) {
    base = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
    if (Date.now() > until || server.exitCode !== null) {
      server.kill("SIGTERM");
      throw new Error(`server did not start:\n${out.slice(-3000)}`);
    }
    await new Promise((ok) => setTimeout(ok, 25));
  }
  return {
    base,
    pid: server.pid as number,
    output: () => out,
    stop: async () => {
      const peak = peakRssOf(server.pid as number);
      server.kill("SIGTERM");
      await new Promise((ok) => (server.exitCode !== null ? ok(null) : server.once("exit", ok)));
      return peak;
    },
  };
}

/**
 * The dossiers a benchmark's source system posts (`npm run bench -- --api-days`, `ingest-inprocess.ts
 * --days`): `2025-01`, the province-year's first ones (the figures before 8 December 2026 were taken
 * with them), or `week`, those received in the week before the run — a source's real traffic, within
 * the demo sources' 45 days (most still open: 217 dossiers in 500 events against January's 140).
 */
export type PostedDays = "2025-01" | "week";

export function postedDaysOf(value: string, flag: string): PostedDays {
  if (value !== "2025-01" && value !== "week") throw new Error(`${flag}: 2025-01 or week, not ${value}`);
  return value;
}

/** The generator's range for those dossiers (`week`: the seven local days before `now`, nothing after it). */
export function postedRange(days: PostedDays, now = new Date()): { from: string; to: string; scale: number; asOf?: string } {
  if (days === "2025-01") return PRESETS["province-year"];
  const daysBefore = (n: number) => localDateOf(new Date(now.getTime() - n * 86_400_000));
  return { from: daysBefore(7), to: daysBefore(1), scale: PRESETS["province-year"].scale, asOf: now.toISOString() };
}

/** The first 500 events of a province (`Generator`: this checkout's DemoProvince or another's, --repo) in `range`: the benchmarks' batch, renamed per request. */
export function sourceBatch<E>(Generator: new (o: { seed: number; from: string; to: string; scale: number; asOf?: string }) => { events(): Iterable<E> }, seed: number, range: ReturnType<typeof postedRange>): E[] {
  const batch: E[] = [];
  for (const e of new Generator({ seed, ...range }).events()) {
    batch.push(e);
    if (batch.length === 500) break;
  }
  return batch;
}
