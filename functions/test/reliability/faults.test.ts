/**
 * Issue 10, item 2: fault injection through adapter wrappers (test/support/faults.ts), against the
 * real local server and the real use cases. Jepsen-style oracle (reliability.md row 19):
 *
 *  - while DynamoDB throttles / times out on a fraction of calls and the lake fails writes (EIO,
 *    and a full disk that leaves a half-written temp file), sources post event and complaint
 *    batches with an Idempotency-Key and retry every 5xx (409 in flight: wait, retry) until 200;
 *  - every 5xx is a problem+json `INTERNAL` (retry), never a 200 over a failed write: each 200's
 *    `batchId` names a raw object that holds exactly the events the answer acknowledged;
 *  - compaction and scoring run with DuckDB failing and lake writes failing: they throw (the job
 *    reports the error), and are re-run until they succeed;
 *  - a bulk import whose lake writes fail throws, and its re-run converges;
 *  - afterwards: every acknowledged event is stored exactly once — one guard item in DynamoDB, one
 *    row in curated Parquet — its case lists it and its live state is complete, and the KPI counts equal
 *    an oracle recount of the cases sent (no double count).
 *
 * Seed: FAULTS_SEED (default below). Figures are printed and written to .tmp/reliability/faults.json.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { type CaseEventInput, parsePeriod } from "@scorecard/shared";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { compactLake } from "../../src/adapters/local/duckdb-compactor.js";
import { compactRecords } from "../../src/adapters/local/duckdb-record-compactor.js";
import type { DynamoDbEventStore } from "../../src/adapters/dynamodb/dynamodb-event-store.js";
import { type LocalRuntime, TABLE_NAME } from "../../src/local/runtime.js";
import { startScheduler } from "../../src/local/scheduler.js";
import { createLocalServer, listen } from "../../src/local/server.js";
import { importEvents } from "../../src/use-cases/ingest/import-events.js";
import { scorePeriod } from "../../src/use-cases/score/score-period.js";
import { CaseBuilder } from "../support/events.js";
import { FaultPlan, faultyEngine, faultyExec, faultyLake, injectDynamoFaults, rng } from "../support/faults.js";
import { tempRuntime } from "../support/temp-runtime.js";

const SEED = Number(process.env["FAULTS_SEED"] ?? 20261210);
const TOKEN = "faults-token";
const UNITS = ["DEPT-STP-2020", "DEPT-SYT-2020", "DIST-731"] as const;
const CASES = 150;
const BATCH = 10;
const IMPORT_EVENTS = 2000;
const MAX_ATTEMPTS = 60;
const OUT = join(fileURLToPath(new URL("../../../", import.meta.url)), ".tmp", "reliability");

const pad = (n: number) => String(n).padStart(2, "0");

/** The workload: seeded cases in March 2024 (resolved early / on time / late, or still open). */
function workload(random: () => number) {
  const events: CaseEventInput[] = [];
  const casesByUnit = new Map<string, number>();
  for (let i = 0; i < CASES; i++) {
    const unit = UNITS[i % UNITS.length] as string;
    const day = 1 + Math.floor(random() * 18);
    const b = new CaseBuilder(`FLT-${i}`, unit).received(`2024-03-${pad(day)}T09:00:00`, `2024-03-${pad(day + 5)}T17:00:00`);
    if (random() < 0.3) b.supplementRequested(`2024-03-${pad(day + 1)}T10:00:00`).supplementReceived(`2024-03-${pad(day + 2)}T10:00:00`);
    if (random() < 0.85) b.resolved(`2024-03-${pad(day + 1 + Math.floor(random() * 9))}T15:00:00`);
    events.push(...b.build());
    casesByUnit.set(unit, (casesByUnit.get(unit) ?? 0) + 1);
  }
  return { events, casesByUnit };
}

interface Outcome {
  attempts: number;
  status5xx: number;
  status409: number;
  replays: number;
}

describe("Faults: throttled / timed-out DynamoDB, failing and full lake, failing DuckDB — nothing acknowledged is lost or doubled", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let rt: LocalRuntime;
  let server: Server;
  let base: string;
  const clock = { t: Date.now(), now: () => new Date(clock.t) };
  const plan = new FaultPlan(rng(SEED));
  let removeDynamoFaults: () => void = () => undefined;
  const report: Record<string, unknown> = { seed: SEED };

  const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined); // "local server error" lines, counted below
  beforeAll(async () => {
    process.env["POWERTOOLS_LOG_LEVEL"] = "CRITICAL"; // the handlers log each injected 5xx at ERROR
    env = await tempRuntime({ clock, sourceToken: TOKEN });
    rt = env.rt;
    removeDynamoFaults = injectDynamoFaults(rt.dynamoClient, plan, { throttle: 0.01, timeoutBefore: 0.005, timeoutAfter: 0.01 });
    const lake = faultyLake(rt.lake, plan, { putError: 0.08, diskFull: 0.04, prefixes: ["raw/", "raw-complaints/"] });
    // The runtime as the server sees it, with the wrapped ports (no adapter is edited).
    const view = Object.assign(Object.create(rt) as LocalRuntime, { ingest: { ...rt.ingest, lake } });
    server = createLocalServer(view, { dashboardDir: join(env.dataDir, "no-dashboard") });
    base = `http://127.0.0.1:${await listen(server, 0)}`;
  });
  afterAll(async () => {
    consoleError.mockRestore();
    removeDynamoFaults();
    await new Promise((ok) => server?.close(ok));
    await env?.dispose();
  });

  const acked = new Set<string>();
  const ackedComplaints = new Set<string>();
  /** batchId → eventIds the 200 acknowledged (accepted | duplicate). */
  const answered = new Map<string, string[]>();
  const outcome: Outcome = { attempts: 0, status5xx: 0, status409: 0, replays: 0 };
  const { events, casesByUnit } = workload(rng(SEED + 1));

  /** A well-behaved source: same body, same key, until it gets a 200. */
  async function deliver(path: string, key: string, body: string): Promise<{ results: { eventId?: string; id?: string; status: string }[]; batchId?: string | null }> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      outcome.attempts++;
      const res = await fetch(`${base}${path}`, { method: "POST", body, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", "idempotency-key": key } });
      const payload = (await res.json()) as { code?: string; results: { eventId?: string; id?: string; status: string }[]; batchId?: string | null };
      if (res.status === 200) {
        if (res.headers.get("idempotent-replayed") === "true") outcome.replays++;
        return payload;
      }
      if (res.status >= 500) {
        outcome.status5xx++;
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect(payload.code).toBe("INTERNAL");
        continue;
      }
      if (res.status === 409 && payload.code === "IDEMPOTENCY_KEY_IN_FLIGHT") {
        // The first attempt's record is stuck in flight (its clean-up failed too): wait it out.
        outcome.status409++;
        clock.t += 61_000;
        continue;
      }
      throw new Error(`unexpected ${res.status} ${JSON.stringify(payload)}`);
    }
    throw new Error(`${key}: no 200 after ${MAX_ATTEMPTS} attempts`);
  }

  it("under faults, every batch is eventually acknowledged, and every 5xx meant 'retry'", async () => {
    const batches: CaseEventInput[][] = [];
    for (let i = 0; i < events.length; i += BATCH) batches.push(events.slice(i, i + BATCH));
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const i = next++;
        const r = await deliver("/v1/events", `ev-${i}`, JSON.stringify({ events: batches[i] }));
        const ids = r.results.filter((x) => x.status === "accepted" || x.status === "duplicate").map((x) => x.eventId as string);
        ids.forEach((id) => acked.add(id));
        if (r.batchId) answered.set(r.batchId, ids);
        expect(r.results.every((x) => x.status !== "rejected" && x.status !== "conflict")).toBe(true);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);

    const complaints = Array.from({ length: 40 }, (_, i) => ({ complaintId: `FLT-C-${i}`, source: "HOTLINE_1022", unitId: UNITS[i % 3], receivedAt: `2024-03-${pad(1 + (i % 20))}T08:00:00+07:00` }));
    for (let i = 0; i < complaints.length; i += BATCH) {
      const r = await deliver("/v1/complaints", `cp-${i}`, JSON.stringify({ complaints: complaints.slice(i, i + BATCH) }));
      r.results.filter((x) => x.status === "accepted" || x.status === "duplicate").forEach((x) => ackedComplaints.add(x.id as string));
    }
    expect(acked.size).toBe(events.length);
    expect(ackedComplaints.size).toBe(complaints.length);
    expect(plan.log.total).toBeGreaterThan(0);
    expect(outcome.status5xx).toBeGreaterThan(0); // the faults did bite
  });

  it("no silent success: each 200's batchId is a raw object holding exactly what that answer acknowledged", async () => {
    const { gunzipSync } = await import("node:zlib");
    for (const [batchId, ids] of answered) {
      const key = (await rt.lake.list("raw/")).find((k) => k.endsWith(`/${batchId}.ndjson.gz`));
      expect(key, `raw object of batch ${batchId}`).toBeDefined();
      const lines = gunzipSync((await rt.lake.get(key as string)) as Uint8Array).toString("utf8").trim().split("\n");
      expect(lines.map((l) => (JSON.parse(l) as { eventId: string }).eventId).sort()).toEqual([...ids].sort());
    }
  });

  it("a bulk import whose lake writes fail throws (the job reports it); its re-run converges", async () => {
    const lines = Array.from({ length: IMPORT_EVENTS / 2 }, (_, i) =>
      new CaseBuilder(`IMP-${i}`, UNITS[i % 3] as string).received("2024-03-05T09:00:00", "2024-03-11T17:00:00").resolved("2024-03-08T09:00:00").build(),
    )
      .flat()
      .map((e) => JSON.stringify(e));
    const deps = { ...rt.ingest, chunkSize: 200 };
    const importPlan = new FaultPlan(rng(SEED + 2), plan.log);
    const faulty = importEvents({ ...deps, lake: faultyLake(rt.lake, importPlan, { putError: 0.1, diskFull: 0.05 }) });
    // Three runs while the disk is failing: each either completes or throws (never a partial "success").
    let failures = 0;
    for (let run = 0; run < 3; run++) {
      try {
        expect(await faulty(lines)).toMatchObject({ accepted: IMPORT_EVENTS });
      } catch (e) {
        failures++;
        expect(String((e as Error).message)).toMatch(/ENOSPC|EIO/);
      }
    }
    expect(failures).toBeGreaterThan(0);
    importPlan.enabled = false;
    const summary = await faulty(lines);
    expect(summary).toMatchObject({ read: IMPORT_EVENTS, accepted: IMPORT_EVENTS, rejected: 0, objects: IMPORT_EVENTS / 200 });
    lines.forEach((l) => acked.add((JSON.parse(l) as { eventId: string }).eventId));
    for (let i = 0; i < IMPORT_EVENTS / 2; i++) casesByUnit.set(UNITS[i % 3] as string, (casesByUnit.get(UNITS[i % 3] as string) ?? 0) + 1);
    report["importFailedRuns"] = failures;
  });

  it("compaction and scoring under DuckDB and lake faults throw, never half-succeed silently; once the faults stop they converge", async () => {
    const scoring = { ...rt.score, engine: faultyEngine(rt.engine, plan, 0.3), lake: faultyLake(rt.lake, plan, { putError: 0.1, diskFull: 0.05 }) };
    const engine = faultyExec(rt.engine, plan, 0.5);
    const period = parsePeriod("2024-03");
    const runs = { compaction: { ok: 0, failed: 0 }, scoring: { ok: 0, failed: 0 } };
    for (let i = 0; i < 6; i++) {
      try {
        await compactLake(engine, rt.lake.root);
        await compactRecords(engine, rt.lake.root);
        runs.compaction.ok++;
      } catch (e) {
        runs.compaction.failed++;
        expect((e as Error).message).toMatch(/injected/);
      }
      try {
        await scorePeriod(scoring)(period);
        runs.scoring.ok++;
      } catch (e) {
        runs.scoring.failed++;
        expect((e as Error).message).toMatch(/injected|ENOSPC|EIO/);
      }
    }
    expect(runs.compaction.failed + runs.scoring.failed).toBeGreaterThan(0);
    // The faults stop (DynamoDB too): the jobs are re-run and must succeed.
    plan.enabled = false;
    removeDynamoFaults();
    await compactLake(engine, rt.lake.root);
    await compactRecords(engine, rt.lake.root);
    await scorePeriod(scoring)(period);
    report["jobsUnderFaults"] = runs;
  });

  it("after the faults stop: every acknowledged event is stored exactly once (DynamoDB guards, listed in its case, curated Parquet) and KPIs count each case once", async () => {
    // The case-state outbox catches up by itself (its drain retries after a failed pass, within a second).
    const outbox = rt.ingest.store as DynamoDbEventStore;
    await vi.waitFor(async () => expect((await outbox.outboxBacklog()).cases).toBe(0), { timeout: 15_000, interval: 250 });
    await rt.outboxIdle();
    const db = DynamoDBDocumentClient.from(rt.dynamoClient);
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db.send(new ScanCommand({ TableName: TABLE_NAME, ExclusiveStartKey: startKey }));
      items.push(...((page.Items ?? []) as Record<string, unknown>[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    const guards = items.filter((i) => String(i["pk"]).startsWith("EVT#") && i["sk"] === "EVT").map((i) => String(i["pk"]).slice(4));
    const apiAcked = [...acked].filter((id) => !id.startsWith("IMP-"));
    expect(new Set(guards).size).toBe(guards.length);
    expect([...guards].sort()).toEqual([...apiAcked].sort());
    // Each acknowledged event is in its case's list of eventIds (what the live state is derived from).
    const listed = new Set(items.filter((i) => String(i["pk"]).startsWith("CASE#") && i["sk"] === "EVENTS").flatMap((i) => [...(i["ids"] as Set<string>)]));
    expect(apiAcked.filter((id) => !listed.has(id))).toEqual([]);
    const perCase = new Map<string, number>();
    for (const e of events) perCase.set(e.caseId, (perCase.get(e.caseId) ?? 0) + 1);
    const states = items.filter((i) => i["sk"] === "STATE");
    expect(states.length).toBe(perCase.size);
    for (const s of states) expect(s["eventCount"], String(s["pk"])).toBe(perCase.get(String(s["pk"]).slice(5)));
    const records = items.filter((i) => String(i["pk"]).startsWith("REC#complaints#"));
    expect(records.length).toBe(ackedComplaints.size);

    // Curated Parquet: each acknowledged event exactly once, nothing else.
    const curated = (await rt.engine.query("SELECT event_id, count(*) AS n FROM curated_events GROUP BY event_id", {})).rows;
    const twice = curated.filter((r) => Number(r["n"]) !== 1);
    expect(twice).toEqual([]);
    expect(curated.map((r) => String(r["event_id"])).sort()).toEqual([...acked].sort());
    const complaintsCurated = (await rt.engine.query("SELECT complaint_id, count(*) AS n FROM curated_complaints GROUP BY complaint_id", {})).rows;
    expect(complaintsCurated.length).toBe(ackedComplaints.size);
    expect(complaintsCurated.every((r) => Number(r["n"]) === 1)).toBe(true);

    // KPIs: the scored counts equal a recount of the cases sent, and a fault-free recompute.
    const scored = await Promise.all(["DEPARTMENT", "DISTRICT"].map((t) => rt.score.snapshots.get(rt.score.methodology, "2024-03", t)));
    const counted = new Map<string, number>();
    for (const s of scored) for (const u of s?.units ?? []) counted.set(u.unitId, Object.values(u.counts).reduce((a, b) => a + b, 0));
    for (const [unit, n] of casesByUnit) expect(counted.get(unit), unit).toBe(n);
    const clean = await scorePeriod(rt.score)(parsePeriod("2024-03"));
    for (const s of clean.filter((x) => x.tier === "DEPARTMENT" || x.tier === "DISTRICT")) {
      const before = scored.find((x) => x?.tier === s.tier);
      expect(s.units.map((u) => [u.unitId, u.counts, u.total])).toEqual(before?.units.map((u) => [u.unitId, u.counts, u.total]));
    }

    // Debris of the full disk: temp files the lake and compaction ignore.
    const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
    const debris = walk(rt.lake.root).filter((f) => f.endsWith(".tmp")).length;
    expect(debris).toBe(plan.log.counts["lake.enospc"] ?? 0);

    Object.assign(report, {
      faultsInjected: plan.log.counts,
      faultsTotal: plan.log.total,
      wrappedCalls: plan.log.calls,
      requests: outcome,
      eventsSentViaApi: events.length,
      eventsImported: IMPORT_EVENTS,
      acknowledged: acked.size,
      dynamoGuards: guards.length,
      curatedRows: curated.reduce((a, r) => a + Number(r["n"]), 0),
      curatedDistinct: curated.length,
      lost: [...acked].filter((id) => !curated.some((r) => r["event_id"] === id)).length,
      doubleCounted: twice.length,
      complaintsAcknowledged: ackedComplaints.size,
      complaintsCurated: complaintsCurated.length,
      enospcDebrisFiles: debris,
      serverErrorsLogged: consoleError.mock.calls.length,
    });
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, "faults.json"), JSON.stringify(report, null, 2));
    console.log(`[faults] ${JSON.stringify(report)}`);
  });

  it("a scheduled compaction + scoring run that failed is retried at the next tick, even when no new data arrived", async () => {
    // Every engine statement fails (rate 1) until the faults stop.
    const failing = new FaultPlan(rng(SEED));
    const view = Object.assign(Object.create(rt) as LocalRuntime, { score: { ...rt.score, engine: faultyEngine(rt.score.engine, failing, 1) } });
    const logs: string[] = [];
    const scheduler = startScheduler(view, { intervalMs: 3_600_000, log: (l) => logs.push(l) });
    await new Promise((ok) => setTimeout(ok, 50)); // its first look at the lake
    const some = (await rt.lake.list("raw/"))[0] as string; // new data arrives (a copy of a stored batch)
    await rt.lake.put(some.replace(/[^/]+$/, "zz-scheduler-probe.ndjson.gz"), (await rt.lake.get(some)) as Uint8Array);
    const now = new Date();
    const month = `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}`;
    await scheduler.tick();
    expect(logs.at(-1)).toContain("run failed");
    expect(await rt.score.snapshots.get(rt.score.methodology, month, "DEPARTMENT")).toBeUndefined();
    failing.enabled = false;
    await scheduler.tick(); // the fault is gone, no new raw object: the failed run must still be redone
    scheduler.stop();
    expect(logs.at(-1)).toContain("re-scored");
    expect(await rt.score.snapshots.get(rt.score.methodology, month, "DEPARTMENT")).toBeDefined();
  });
});
