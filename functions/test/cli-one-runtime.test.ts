/**
 * One scoring runtime per data folder, locally: while a runtime (`npm start`) holds the folder,
 * `npm run scorecard -- score` refuses with a clear message and writes nothing, so two local
 * scoring runs never overlap (the cloud score job takes a lease instead: ADR 0011). The runtime's
 * lock file refuses first (functions/src/adapters/local/folder-lock.ts): the embedded DynamoDB's own
 * lock only crashed the second process from a callback ("Database is closed", exit 1).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FolderInUseError, lockFolder } from "../src/adapters/local/folder-lock.js";
import { LocalRuntime } from "../src/local/runtime.js";

const REPO = resolve(import.meta.dirname, "../..");

function cli(args: string[], dataDir: string): Promise<{ code: number | null; output: string }> {
  const proc = spawn(process.execPath, ["--import", "tsx", "functions/src/local/cli.ts", ...args], {
    cwd: REPO,
    env: { ...process.env, NODE_NO_WARNINGS: "1", SCORECARD_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out: string[] = [];
  proc.stdout.on("data", (d: Buffer) => out.push(d.toString()));
  proc.stderr.on("data", (d: Buffer) => out.push(d.toString()));
  return new Promise((ok) => proc.once("exit", (code) => ok({ code, output: out.join("") })));
}

describe("the CLI and a running runtime on one data folder", () => {
  let dataDir: string;
  let rt: LocalRuntime;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "scorecard-cli-lock-"));
    rt = await LocalRuntime.start({ dataDir });
  });
  afterAll(async () => {
    await rt.stop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("`score` refuses while the runtime holds the folder, and names the folder and what to do", async () => {
    const { code, output } = await cli(["score", "--period", "2024-03", "--format", "json"], dataDir);
    expect(code).toBe(2);
    expect(output).toContain(`The data folder ${dataDir} is in use: stop \`npm start\` first.`);
    expect(await rt.lake.list("state/")).toEqual([]);
    expect(await rt.lake.list("public/")).toEqual([]);
  }, 60_000);
});

describe("the data folder's lock", () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "scorecard-lock-"));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const lockFile = () => join(folder, "runtime.lock");

  it("is held by one holder at a time, names it, and is gone once released", () => {
    const release = lockFolder(folder);
    expect(readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    expect(() => lockFolder(folder)).toThrow(FolderInUseError);
    expect(() => lockFolder(folder)).toThrow(`The data folder ${folder} is in use by process ${process.pid}`);
    release();
    expect(existsSync(lockFile())).toBe(false);
    lockFolder(folder)();
  });

  it("is taken over from a process that is gone (killed, crashed), and not from a live one", () => {
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    writeFileSync(lockFile(), gone);
    const release = lockFolder(folder);
    expect(readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    release();
    writeFileSync(lockFile(), "not a pid");
    lockFolder(folder)();
    // The parent of this process is alive.
    writeFileSync(lockFile(), String(process.ppid));
    expect(() => lockFolder(folder)).toThrow(`in use by process ${process.ppid}`);
    rmSync(lockFile());
  });
});
