/**
 * Issue 4, "Must show": the no-loss test (Jepsen-style oracle, reliability.md row 19).
 *
 * The real local server (`functions/src/local/main.ts`) and the real bulk import
 * (`functions/src/local/cli.ts import`) run as child processes over one lake while this test posts
 * batches to `POST /v1/events`. Both children are SIGKILLed at seeded random moments and
 * restarted, several rounds. Then, like a real source, the import is re-run to completion and every
 * batch that never got an answer is retried; compaction runs (once to completion, once SIGKILLed
 * mid-way, then again). The oracle:
 *
 *  A. every eventId that ever got HTTP 200 with status accepted|duplicate is in the curated
 *     Parquet exactly once;
 *  B. no eventId appears twice in curated data, at any time, even right after a killed compaction;
 *  C. nothing unacknowledged is half-present, meaning precisely:
 *     - every curated event is either acknowledged by the API or a line of the import input
 *       (nothing foreign), and its row is complete and equal to what was sent (no partial row);
 *     - every raw object `raw/…/*.ndjson.gz` is a complete gzip of complete JSON lines (a killed
 *       writer leaves at most an invisible `*.tmp`);
 *     - every event guard item in DynamoDB is curated (the API never keeps an event the lake lacks,
 *       once its batch has been retried);
 *  D. a compaction killed mid-way leaves curated data readable, duplicate-free and never smaller
 *     than before; the rerun converges to the same result as an uninterrupted one.
 *
 * The two children share the lake and the pseudonymisation key; the import uses its own DynamoDB
 * folder, because the embedded DynamoDB locks its folder (cli.ts: "stop `npm start` first") —
 * in AWS the import job and the API likewise share only S3 and the key.
 *
 * Seed: NOLOSS_SEED (default below); the kill schedule is printed so a failure can be replayed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { DuckDBInstance } from "@duckdb/node-api";
import type { CaseEventInput } from "@scorecard/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalRuntime, TABLE_NAME } from "../src/local/runtime.js";
import { DemoProvince, PRESETS } from "../src/seed/generator.js";
import { OPEN_SOURCE_SCOPES_ENV } from "./support/temp-runtime.js";

const SEED = Number(process.env["NOLOSS_SEED"] ?? 20261127);
const ROUNDS = 4;
const IMPORT_EVENTS = 80_000;
/** The import reads a folder of files; each file ends in its own raw object, so kills land between and inside objects. */
const IMPORT_FILES = 8;
const TOKEN = "no-loss-token";
const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** mulberry32: a small seeded generator for the kill schedule and the load mix. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

// ---------------------------------------------------------------- children

interface Child {
  readonly proc: ChildProcess;
  readonly out: string[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
const live = new Set<ChildProcess>();

function start(script: string, args: string[], env: Record<string, string>): Child {
  const proc = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: REPO,
    env: { ...process.env, NODE_NO_WARNINGS: "1", POWERTOOLS_LOG_LEVEL: "WARN", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(proc);
  const out: string[] = [];
  proc.stdout?.on("data", (d: Buffer) => out.push(d.toString()));
  proc.stderr?.on("data", (d: Buffer) => out.push(d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    proc.once("exit", (code, signal) => {
      live.delete(proc);
      ok({ code, signal });
    }),
  );
  return { proc, out, exited };
}

async function kill(c: Child): Promise<void> {
  if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill("SIGKILL");
  await c.exited;
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs: number, c?: Child): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (c && (c.proc.exitCode !== null || c.proc.signalCode !== null)) throw new Error(`${what}: the child exited\n${c.out.join("")}`);
    if (Date.now() > until) throw new Error(`${what}: timed out after ${timeoutMs} ms${c ? `\n${c.out.join("")}` : ""}`);
    await sleep(20);
  }
}

// ---------------------------------------------------------------- events

/** The API's own events: content is a pure function of k, so a resend is a duplicate, never a conflict. */
function apiEvent(k: number): CaseEventInput {
  const caseId = `NL-${Math.floor(k / 3)}`;
  const month = 1 + (k % 6);
  const day = 4 + (k % 20);
  const at = `2024-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T${String(8 + (k % 9)).padStart(2, "0")}:${String(k % 60).padStart(2, "0")}:00+07:00`;
  const base = { eventId: `NL-EV-${k}`, caseId, occurredAt: at, unitId: "DEPT-STP-2020" };
  return k % 3 === 0
    ? { ...base, type: "RECEIVED", dueAt: `2024-${String(month).padStart(2, "0")}-28T17:00:00+07:00`, channel: "ONLINE_FULL", procedureCode: "1.000894", field: "CIVIL_STATUS" }
    : { ...base, type: k % 3 === 1 ? "SUPPLEMENT_REQUESTED" : "RESOLVED" };
}

interface Batch {
  readonly no: number;
  readonly body: string;
  readonly ids: readonly string[];
  readonly key?: string;
}

// ---------------------------------------------------------------- curated data

interface CuratedRow {
  event_id: string;
  case_id: string | null;
  type: string | null;
  occurred_at: string | null;
  unit_id: string | null;
  month: string | null;
}

async function readCurated(lakeRoot: string): Promise<{ rows: CuratedRow[]; files: number }> {
  const dir = join(lakeRoot, "curated", "events");
  const files = existsSync(dir)
    ? readdirSync(dir).flatMap((m) => readdirSync(join(dir, m)).filter((f) => f.endsWith(".parquet")).map((f) => join(dir, m, f)))
    : [];
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  try {
    const rows: CuratedRow[] = [];
    // File by file: each month's file must be a readable Parquet on its own.
    for (const f of files) {
      const r = await con.runAndReadAll(
        `SELECT event_id, case_id, type, strftime(occurred_at, '%Y-%m-%dT%H:%M:%S') AS occurred_at, unit_id, month
         FROM read_parquet('${f.replace(/'/g, "''")}', hive_partitioning = true, hive_types = {'month': VARCHAR})`,
      );
      rows.push(...(r.getRowObjectsJson() as unknown as CuratedRow[]));
    }
    return { rows, files: files.length };
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

function rawObjects(lakeRoot: string): { complete: string[]; tmp: string[] } {
  const out = { complete: [] as string[], tmp: [] as string[] };
  const raw = join(lakeRoot, "raw");
  if (!existsSync(raw)) return out;
  for (const d of readdirSync(raw)) {
    for (const f of readdirSync(join(raw, d))) {
      if (f.endsWith(".ndjson.gz")) out.complete.push(join(raw, d, f));
      else if (f.endsWith(".tmp")) out.tmp.push(join(raw, d, f));
    }
  }
  return out;
}

/** The eventIds of DynamoDB's event guards (every event the API stored). */
async function guardIds(rt: LocalRuntime): Promise<Set<string>> {
  const guards = new Set<string>();
  let startKey: Record<string, import("@aws-sdk/client-dynamodb").AttributeValue> | undefined;
  do {
    const page = await rt.dynamoClient.send(
      new ScanCommand({
        TableName: TABLE_NAME,
        FilterExpression: "sk = :evt AND begins_with(pk, :p)",
        ExpressionAttributeValues: { ":evt": { S: "EVT" }, ":p": { S: "EVT#" } },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) guards.add((item["pk"]?.S as string).slice(4));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return guards;
}

/** The eventIds in the API's complete raw objects (not the import's). */
function rawEventIds(lakeRoot: string): Set<string> {
  const ids = new Set<string>();
  for (const f of rawObjects(lakeRoot).complete.filter((f) => !f.includes("/import-"))) {
    for (const line of gunzipSync(readFileSync(f)).toString("utf8").split("\n")) if (line) ids.add((JSON.parse(line) as { eventId: string }).eventId);
  }
  return ids;
}

/** The expected curated row of a stored event (UTC instant, local month). */
function expectedRow(e: CaseEventInput): Omit<CuratedRow, "event_id"> {
  const utc = new Date(e.occurredAt).toISOString().slice(0, 19);
  return {
    case_id: e.caseId,
    type: e.type,
    occurred_at: utc,
    unit_id: e.unitId,
    month: new Date(Date.parse(e.occurredAt) + 7 * 3_600_000).toISOString().slice(0, 7),
  };
}

// ---------------------------------------------------------------- the test

describe(`No acknowledged event is lost (SIGKILL of server, import and compaction; seed ${SEED})`, () => {
  let root: string;
  let dataDir: string;
  let importDir: string;
  let lakeRoot: string;
  let inputDir: string;
  const importInput = new Map<string, CaseEventInput>();
  const log: string[] = [];

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "scorecard-noloss-"));
    dataDir = join(root, "data");
    importDir = join(root, "import-data");
    lakeRoot = join(dataDir, "lake");
    // A pre-existing lake/curated tells main.ts not to seed the demo province.
    mkdirSync(join(lakeRoot, "curated"), { recursive: true });
    mkdirSync(join(dataDir, "keys"), { recursive: true });
    mkdirSync(importDir, { recursive: true });
    symlinkSync(lakeRoot, join(importDir, "lake"), "dir");
    symlinkSync(join(dataDir, "keys"), join(importDir, "keys"), "dir");
    // Same DemoProvince events as the seed, truncated: a deterministic, valid history.
    const lines: string[] = [];
    for (const e of new DemoProvince({ seed: SEED, ...PRESETS["province-year"] }).events()) {
      if (lines.length >= IMPORT_EVENTS) break;
      importInput.set(e.eventId, e);
      lines.push(JSON.stringify(e));
    }
    inputDir = join(root, "history");
    mkdirSync(inputDir);
    const per = Math.ceil(lines.length / IMPORT_FILES);
    for (let f = 0; f < IMPORT_FILES; f++) writeFileSync(join(inputDir, `part-${f}.ndjson`), `${lines.slice(f * per, (f + 1) * per).join("\n")}\n`);
  });

  afterAll(async () => {
    for (const p of [...live]) p.kill("SIGKILL");
    if (process.env["NOLOSS_KEEP"]) console.log(`no-loss data kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  });

  it("keeps every acknowledged event exactly once and nothing half-present", { timeout: 360_000 }, async () => {
    const t0 = Date.now();
    const at = () => `[${((Date.now() - t0) / 1000).toFixed(1)} s] `;
    const random = rng(SEED);
    const between = (lo: number, hi: number) => Math.round(lo + (hi - lo) * random());
    const loadRandom = rng(SEED ^ 0x5eed);

    const acked = new Set<string>();
    const sentApiIds = new Set<string>();
    const pending = new Map<number, Batch>();
    const unexpected: string[] = [];
    const stats = { posts: 0, ok: 0, failed: 0, replays: 0, inFlight409: 0 };
    const importIds = [...importInput.keys()];
    const eventOf = new Map<string, CaseEventInput>();
    let nextK = 0;
    let batchNo = 0;
    let base: string | null = null;

    // ---- the server and the import
    const startServer = async () => {
      const c = start("functions/src/local/main.ts", [], {
        SCORECARD_DATA_DIR: dataDir,
        PORT: "0",
        SCORECARD_SOURCE_TOKEN: TOKEN,
        SCORECARD_SOURCE_SCOPES: OPEN_SOURCE_SCOPES_ENV,
        SCORECARD_SCHEDULE_MS: "3600000", // no scheduled compaction: the test runs and kills it itself
      });
      const port = await waitFor("server ready", () => /http:\/\/127\.0\.0\.1:(\d+)\//.exec(c.out.join(""))?.[1], 30_000, c);
      base = `http://127.0.0.1:${port}`;
      return c;
    };
    const startImport = () => start("functions/src/local/cli.ts", ["import", inputDir], { SCORECARD_DATA_DIR: importDir });

    // ---- one POST, recording acknowledgements
    const post = async (b: Batch, opts: { key?: string | undefined } = {}): Promise<"ok" | "retry"> => {
      const at = base;
      if (!at) return "retry";
      stats.posts++;
      const key = "key" in opts ? opts.key : b.key;
      let res: Response;
      try {
        res = await fetch(`${at}/v1/events`, {
          method: "POST",
          body: b.body,
          headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
          signal: AbortSignal.timeout(20_000),
        });
      } catch {
        stats.failed++;
        return "retry";
      }
      if (res.status === 409) {
        stats.inFlight409++;
        await res.body?.cancel();
        return "retry";
      }
      if (res.status >= 500) {
        stats.failed++;
        await res.body?.cancel();
        return "retry";
      }
      let body: { results: { eventId: string | null; index: number; status: string; code?: string }[] };
      try {
        body = (await res.json()) as typeof body;
      } catch {
        stats.failed++; // the connection died while the answer was being read: not an acknowledgement
        return "retry";
      }
      if (res.status !== 200) {
        unexpected.push(`batch ${b.no}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
        return "ok";
      }
      if (res.headers.get("idempotent-replayed") === "true") stats.replays++;
      stats.ok++;
      for (const r of body.results) {
        if (r.status === "accepted" || r.status === "duplicate") acked.add(r.eventId as string);
        else unexpected.push(`batch ${b.no}: ${r.eventId} ${r.status} ${r.code ?? ""}`);
      }
      return "ok";
    };

    const newBatch = (): Batch => {
      const events: CaseEventInput[] = [];
      for (let i = 0; i < 30; i++) events.push(apiEvent(nextK++));
      // Deliberate duplicates: events sent before (acknowledged or not), a copy inside the batch,
      // and events that the bulk import also carries (the same content after pseudonymisation).
      if (loadRandom() < 0.3 && nextK > 60) for (let i = 0; i < 3; i++) events.push(apiEvent(Math.floor(loadRandom() * (nextK - 30))));
      if (loadRandom() < 0.1) events.push(events[0] as CaseEventInput);
      if (loadRandom() < 0.2) for (let i = 0; i < 2; i++) events.push(importInput.get(importIds[Math.floor(loadRandom() * 5000)] as string) as CaseEventInput);
      for (const e of events) {
        eventOf.set(e.eventId, e);
        if (e.eventId.startsWith("NL-")) sentApiIds.add(e.eventId);
      }
      const no = ++batchNo;
      return { no, body: JSON.stringify({ events }), ids: events.map((e) => e.eventId), ...(loadRandom() < 0.25 ? { key: `nl-batch-${no}` } : {}) };
    };

    // ---- the load: 3 concurrent sources, with retries of unanswered batches and replays
    let loading = true;
    const done: Batch[] = [];
    const worker = async () => {
      while (loading) {
        if (!base) {
          await sleep(25);
          continue;
        }
        const retry = pending.size > 0 && loadRandom() < 0.3 ? [...pending.values()][0] : undefined;
        const again = !retry && done.length > 0 && loadRandom() < 0.1 ? done[Math.floor(loadRandom() * done.length)] : undefined;
        const b = retry ?? again ?? newBatch();
        pending.delete(b.no); // in flight with this worker; back to pending if it gets no answer
        if ((await post(b)) === "ok") {
          if (!again) done.push(b);
          // Replay with the same Idempotency-Key: the stored answer comes back.
          if (b.key && loadRandom() < 0.5) await post(b);
        } else {
          pending.set(b.no, b);
          await sleep(25);
        }
      }
    };

    // ---- the rounds: start both, kill each at a seeded moment, restart. The server's moment is
    // counted from the round's first acknowledgement, so every round kills it under load even
    // when a busy machine makes start-up slow.
    const workers = [worker(), worker(), worker()];
    for (let round = 1; round <= ROUNDS; round++) {
      const imp = startImport();
      const importKillAt = between(1_500, 8_000);
      const serverKillAfterAck = between(200, 2_500);
      const ackedBefore = acked.size;
      const importObjects = () => rawObjects(lakeRoot).complete.filter((f) => f.includes("/import-")).length;
      const importBefore = importObjects();
      await Promise.all([
        (async () => {
          const server = await startServer();
          await waitFor("an acknowledgement", () => (acked.size > ackedBefore ? true : undefined), 60_000, server);
          await sleep(serverKillAfterAck);
          base = null;
          await kill(server);
        })(),
        (async () => {
          await sleep(importKillAt);
          await kill(imp);
        })(),
      ]);
      const wrote = rawObjects(lakeRoot);
      log.push(
        at() + `round ${round}: server killed ${serverKillAfterAck} ms after the round's first ack, import ${importKillAt} ms after its start ` +
          `(${imp.proc.signalCode === "SIGKILL" ? "killed" : "had finished"}, ${importObjects() - importBefore} new import objects); ` +
          `+${acked.size - ackedBefore} acknowledged, ${pending.size} batches unanswered, ${wrote.complete.length} raw objects, ${wrote.tmp.length} orphan *.tmp`,
      );
    }
    loading = false;
    await Promise.all(workers);

    // ---- the restart reconciles, before any source retries: every event DynamoDB acknowledged
    // (a guard) is in a raw object of the lake — the batches killed between their claims and their
    // raw object are written by the runtime's start, exactly once (issue 21, item 3).
    const beforeRestart = rawEventIds(lakeRoot);
    const restarted = await LocalRuntime.start({ dataDir });
    let guardsAtRestart: Set<string>;
    try {
      guardsAtRestart = await guardIds(restarted);
    } finally {
      await restarted.stop();
    }
    const afterRestart = rawEventIds(lakeRoot);
    const reconciledIds = [...guardsAtRestart].filter((id) => !beforeRestart.has(id));
    expect([...guardsAtRestart].filter((id) => !afterRestart.has(id)), "acknowledged by DynamoDB, missing from the lake after the restart").toEqual([]);
    // Exactly once: a second restart finds nothing left to write (the first cleared what it wrote).
    const objectsAfterFirst = rawObjects(lakeRoot).complete.sort();
    await (await LocalRuntime.start({ dataDir })).stop();
    expect(rawObjects(lakeRoot).complete.sort()).toEqual(objectsAfterFirst);
    log.push(at() + `restart: ${guardsAtRestart.size} guards, ${reconciledIds.length} of them written to the lake by the reconciliation (no source retry)`);

    // ---- afterwards: the import runs to the end, the sources retry what got no answer
    const server = await startServer();
    const imp = startImport();
    for (let pass = 0; pending.size > 0; pass++) {
      if (pass > 50) throw new Error(`${pending.size} batches never acknowledged`);
      for (const b of [...pending.values()]) {
        // A key left IN_PROGRESS by a killed request answers 409 for up to 10 s; this source then
        // gives up the key and resends the body without it (eventIds still make it safe).
        const r = await post(b, pass === 0 ? {} : { key: undefined });
        if (r === "ok") pending.delete(b.no);
      }
      if (pending.size > 0) await sleep(200);
    }
    const imported = await imp.exited;
    const importOut = imp.out.join("");
    expect(imported, importOut).toEqual({ code: 0, signal: null });
    expect(importOut).toContain(`total: ${IMPORT_EVENTS} accepted, 0 rejected`);

    log.push(at() + `the import ran to the end; every unanswered batch was retried until acknowledged`);
    expect(unexpected).toEqual([]);
    // Every API event ever sent has now been acknowledged (the retries saw to that).
    for (const id of sentApiIds) expect(acked.has(id), id).toBe(true);

    // ---- compaction 1 runs to completion (a separate process over the same lake, like the cloud job)
    const compact = () => start("functions/src/local/cli.ts", ["compact"], { SCORECARD_DATA_DIR: importDir });
    const c1 = compact();
    expect(await c1.exited, c1.out.join("")).toEqual({ code: 0, signal: null });
    const first = await readCurated(lakeRoot);
    const firstIds = new Set(first.rows.map((r) => r.event_id));
    log.push(at() + `compaction 1: ${first.rows.length} events in ${first.files} month files`);
    expect(first.rows.length).toBe(firstIds.size);

    // ---- more acknowledged events arrive, then the server is killed once more
    const late: Batch[] = [];
    for (let i = 0; i < 10; i++) {
      const b = newBatch();
      late.push(b);
      expect(await post(b)).toBe("ok");
    }
    base = null;
    await kill(server);

    // ---- compaction 2 is SIGKILLed mid-way (its staging folder exists, then a seeded delay)
    const c2 = compact();
    const staging = await waitFor(
      "compaction staging folder",
      () => readdirSync(join(lakeRoot, "curated")).find((d) => d.startsWith(".staging-")),
      30_000,
      c2,
    );
    const compactKillAt = between(0, 400);
    await sleep(compactKillAt);
    await kill(c2);
    expect(c2.proc.signalCode, "compaction finished before it could be killed; lower the delay").toBe("SIGKILL");
    const afterKill = await readCurated(lakeRoot);
    const afterKillIds = new Set(afterKill.rows.map((r) => r.event_id));
    // D: readable (readCurated read every month file), no duplicates, nothing lost from before.
    expect(afterKill.rows.length).toBe(afterKillIds.size);
    for (const id of firstIds) expect(afterKillIds.has(id), id).toBe(true);
    log.push(at() + `compaction killed ${compactKillAt} ms after it created ${staging}; curated still readable: ${afterKill.files} month files, ${afterKill.rows.length} events`);

    // ---- compaction 3 (rerun) converges
    const c3 = compact();
    expect(await c3.exited, c3.out.join("")).toEqual({ code: 0, signal: null });
    const final = await readCurated(lakeRoot);

    // ---- the oracle
    const count = new Map<string, number>();
    for (const r of final.rows) count.set(r.event_id, (count.get(r.event_id) ?? 0) + 1);
    // B: no eventId twice.
    expect([...count].filter(([, n]) => n > 1)).toEqual([]);
    // A: every acknowledged eventId exactly once.
    const missing = [...acked].filter((id) => count.get(id) !== 1);
    expect(missing, `${missing.length} acknowledged events missing from curated data`).toEqual([]);
    // C: nothing foreign; every row complete and equal to what was sent.
    const foreign = final.rows.filter((r) => !acked.has(r.event_id) && !importInput.has(r.event_id)).map((r) => r.event_id);
    expect(foreign).toEqual([]);
    const wrong = final.rows.filter((r) => {
      const { event_id, ...rest } = r;
      const sent = eventOf.get(event_id) ?? importInput.get(event_id);
      return !sent || JSON.stringify(rest) !== JSON.stringify(expectedRow(sent));
    });
    expect(wrong.slice(0, 3)).toEqual([]);
    // The complete import input is there too (it ran to the end), so curated = acked ∪ import.
    expect(final.rows.length).toBe(new Set([...acked, ...importInput.keys()]).size);

    // C: every raw object is a complete gzip of complete JSON lines.
    const raw = rawObjects(lakeRoot);
    let rawLines = 0;
    for (const f of raw.complete) {
      const text = gunzipSync(readFileSync(f)).toString("utf8");
      expect(text.endsWith("\n"), f).toBe(true);
      for (const line of text.slice(0, -1).split("\n")) {
        const e = JSON.parse(line) as { eventId?: unknown };
        expect(typeof e.eventId).toBe("string");
        rawLines++;
      }
    }

    // C: DynamoDB holds no event that the lake lacks (open the server's folder after its death).
    const rt = await LocalRuntime.start({ dataDir });
    let guards: Set<string>;
    try {
      guards = await guardIds(rt);
    } finally {
      await rt.stop();
    }
    const guardNotCurated = [...guards].filter((id) => count.get(id) !== 1);
    expect(guardNotCurated).toEqual([]);
    for (const id of sentApiIds) expect(guards.has(id), id).toBe(true);

    const leftovers = readdirSync(join(lakeRoot, "curated")).filter((d) => d.startsWith(".staging-"));
    log.push(
      at() + `final: ${acked.size} acknowledged (${sentApiIds.size} API events in ${batchNo} batches, ${stats.posts} posts, ` +
        `${stats.failed} unanswered, ${stats.replays} idempotent replays, ${stats.inFlight409} × 409), ` +
        `${IMPORT_EVENTS} imported, ${final.rows.length} curated in ${final.files} months; ` +
        `${raw.complete.length} raw objects (${rawLines} lines), ${raw.tmp.length} orphan *.tmp, ${leftovers.length} orphan staging folders; ` +
        `${guards.size} DynamoDB guards; ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    console.log(`[no-loss seed ${SEED}]\n  ${log.join("\n  ")}`);
  });
});
