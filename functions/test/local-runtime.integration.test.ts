import { gunzipSync } from "node:zlib";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Server } from "node:http";
import { parsePeriod } from "@scorecard/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { createLocalServer, listen } from "../src/local/server.js";
import { drilldownPrefix } from "@scorecard/shared/lake/layout";
import { readUnitCases } from "../src/use-cases/read/read-rankings.js";
import { scorePeriod } from "../src/use-cases/score/score-period.js";
import { CaseBuilder } from "./support/events.js";
import { tempRuntime } from "./support/temp-runtime.js";

const TOKEN = "integration-token";
const DEPT = "DEPT-STP-2020"; // Sở Tư pháp, valid 2020-01-01 … 2025-06-30
const OTHER = "DEPT-SYT-2020";

const PLANTED = { idNumber: "079123456789", name: "Trần Thị Planted", phone: "0912345678", address: "12 Đường Planted, Biên Hòa" };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

describe("Local runtime: POST /v1/events → dynalite + lake → DuckDB → snapshot → GET /v1/public/rankings", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let server: Server;
  let base: string;
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/v1/events`, { method: "POST", body, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...headers } });

  // Sở Tư pháp: 2 early, 1 late in March 2024. Sở Y tế: 1 on time.
  const batch = [
    ...new CaseBuilder("HS-1", DEPT).received("2024-03-04T09:00:00", "2024-03-08T17:00:00", { applicant: PLANTED }).resolved("2024-03-05T10:00:00").build(),
    ...new CaseBuilder("HS-2", DEPT).received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-07T10:00:00").build(),
    ...new CaseBuilder("HS-3", DEPT).received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-12T10:00:00").build(),
    ...new CaseBuilder("HS-4", OTHER).received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-08T16:00:00").build(),
  ];

  beforeAll(async () => {
    env = await tempRuntime({ sourceToken: TOKEN });
    server = createLocalServer(env.rt, { dashboardDir: join(env.dataDir, "no-dashboard") });
    base = `http://127.0.0.1:${await listen(server, 0)}`;
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    await env.dispose();
  });

  it("accepts a batch and answers one result per event", async () => {
    const res = await post(JSON.stringify({ events: batch }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accepted: number; duplicates: number; rejected: number; results: { status: string }[] };
    expect(body).toMatchObject({ accepted: 8, duplicates: 0, rejected: 0 });
    expect(body.results.map((r) => r.status)).toEqual(Array(8).fill("accepted"));
  });

  it("answers a retried batch with duplicates and stores nothing twice", async () => {
    const res = await post(JSON.stringify({ events: batch }));
    expect(await res.json()).toMatchObject({ accepted: 0, duplicates: 8, rejected: 0 });
    const stored = await env.rt.ingest.store.caseEvents("HS-1");
    expect(stored.map((e) => e.eventId).sort()).toEqual(["HS-1-1", "HS-1-2"]);
  });

  it("reports a known eventId with other content as a conflict, never an overwrite", async () => {
    const changed = { ...batch[1], occurredAt: "2024-03-06T10:00:00+07:00" };
    const body = (await (await post(JSON.stringify({ events: [changed] }))).json()) as { results: { status: string; code: string }[] };
    expect(body.results[0]).toMatchObject({ status: "conflict", code: "EVENT_ID_CONFLICT" });
    const stored = await env.rt.ingest.store.caseEvents("HS-1");
    expect(stored.find((e) => e.eventId === "HS-1-2")?.occurredAt).toBe("2024-03-05T03:00:00.000Z");
  });

  it("rejects an invalid event with a code and the field named, and keeps the valid ones", async () => {
    const bad = { ...batch[0], eventId: "BAD-1", channel: "FAX" };
    const unknownUnit = { ...batch[0], eventId: "BAD-2", unitId: "DEPT-NOPE-2020" };
    const body = (await (await post(JSON.stringify({ events: [bad, unknownUnit] }))).json()) as { results: { status: string; code: string; message: string }[] };
    expect(body.results[0]).toMatchObject({ status: "rejected", code: "INVALID_VALUE" });
    expect(body.results[0]?.message).toContain("channel");
    expect(body.results[1]).toMatchObject({ status: "rejected", code: "UNKNOWN_UNIT" });
    expect(body.results[1]?.message).toContain("unitId");
  });

  it("refuses a post without the source token (401) and malformed JSON (400 problem+json)", async () => {
    const anon = await fetch(`${base}/v1/events`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(anon.status).toBe(401);
    const malformed = await post("{\"events\": [");
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toContain("application/problem+json");
    expect(await malformed.json()).toMatchObject({ status: 400, code: "MALFORMED_JSON" });
  });

  it("serves the ranking computed by the SQL over the compacted lake", async () => {
    await compactLake(env.rt.engine, env.rt.lake.root);
    await scorePeriod(env.rt.score)(parsePeriod("2024-03"));
    const res = await fetch(`${base}/v1/public/rankings?period=2024-03&tier=DEPARTMENT`);
    expect(res.status).toBe(200);
    const snap = (await res.json()) as { units: { unitId: string; rank: number | null; total: number | null; indicators: { P1: { numerator: number | null; denominator: number | null; suppressed?: true } } }[] };
    const byId = new Map(snap.units.map((u) => [u.unitId, u]));
    // The exact counts are the signed-in roles' (the draft snapshot); the public route withholds counts of 1–4 (docs/suppression.md).
    const draft = await env.rt.score.snapshots.get(env.rt.score.methodology, "2024-03", "DEPARTMENT");
    const exact = new Map(draft?.units.map((u) => [u.unitId, u]));
    // Full default methodology, no procedure catalog and no complaints in this lake; every case is online, no flags.
    // Both ranked units received dossiers, so dn-2026.2's no-data rule gives the same numbers as dn-2026.1.
    // Sở Y tế: P1 1/1 → 20; O3 1/1 (target 50%) → 6; S1, S2 no complaints → 6 + 6; S3 r = 1 − 0 − 0 → 6;
    //   T4, D2, D4, D5, D6A 0/1 → 0; MA, MB, MC empty → 0; total 20 + 6 + 18 = 44, rank 1.
    // Sở Tư pháp: P1 2/3 → 13.3333; O3 → 6; S3 r = 1 − 1/3 → 6 × (2/3) / 0.9 = 4.4444; S1 + S2 = 12;
    //   total 13.3333 + 6 + 16.4444 = 35.7777, rank 2.
    expect(exact.get(OTHER)).toMatchObject({ rank: 1, total: 44, indicators: { P1: { numerator: 1, denominator: 1 } } });
    expect(exact.get(DEPT)).toMatchObject({ rank: 2, total: 35.7777, indicators: { P1: { numerator: 2, denominator: 3 } } });
    expect(byId.get(OTHER)).toMatchObject({ rank: 1, total: 44, indicators: { P1: { numerator: null, denominator: null, suppressed: true } } });
    expect(byId.get(DEPT)).toMatchObject({ rank: 2, total: 35.7777, indicators: { P1: { numerator: null, denominator: null, suppressed: true } } });
    // Every department valid in March 2024 is listed; those without dossiers are unranked.
    expect(snap.units).toHaveLength(21);
    expect(snap.units.filter((u) => u.rank === null)).toHaveLength(19);
  });

  it("rescoring switches the drill-down to the new run and removes the old one by the end of the run; over kept facts the list is read on request", async () => {
    // March's list is Q1's (the longest period ending with it): drilldown-span.test.ts.
    const periodDir = join(env.rt.lake.root, drilldownPrefix(env.rt.score.methodology, "2024-Q1"));
    const runs = () => readdirSync(periodDir).filter((f) => f !== "current.json");
    const cases = async () => (await readUnitCases(env.rt.read)(DEPT, "2024-03"))?.map((c) => [c.caseId, c.status]);
    const expected = [["HS-1", "EARLY"], ["HS-2", "EARLY"], ["HS-3", "LATE"]];
    // The runtime scores over kept facts (docs/adr/0023): no list folder, the rows read on request.
    expect(runs()).toEqual([]);
    expect(await cases()).toEqual(expected);
    // A staged run (the cloud's route) writes its list; the next one switches to its own and removes the first.
    const staged = { ...env.rt.score, keptFacts: false };
    await scorePeriod(staged)(parsePeriod("2024-03"));
    const before = runs();
    expect(before).toHaveLength(1);
    await scorePeriod(staged)(parsePeriod("2024-03"));
    const after = runs();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
    expect(await cases()).toEqual(expected);
    // Back to the kept facts: the written list is removed.
    await scorePeriod(env.rt.score)(parsePeriod("2024-03"));
    expect(runs()).toEqual([]);
    expect(await cases()).toEqual(expected);
  });

  it("lists the period in the public meta and answers 422/404 for bad or unknown periods", async () => {
    const meta = (await (await fetch(`${base}/v1/public/meta`)).json()) as { periods: string[] };
    expect(meta.periods).toContain("2024-03");
    expect((await fetch(`${base}/v1/public/rankings?period=2024-13&tier=DEPARTMENT`)).status).toBe(422);
    expect((await fetch(`${base}/v1/public/rankings?period=2023-01&tier=DEPARTMENT`)).status).toBe(404);
  });

  it("answers period=latest with the newest scored period's ranking, the one the meta lists first", async () => {
    const meta = (await (await fetch(`${base}/v1/public/meta`)).json()) as { periods: string[] };
    const latest = await fetch(`${base}/v1/public/rankings?period=latest&tier=DEPARTMENT`);
    expect(latest.status).toBe(200);
    expect(latest.headers.get("cache-control")).toBe("public, max-age=60");
    const named = await (await fetch(`${base}/v1/public/rankings?period=${meta.periods[0]}&tier=DEPARTMENT`)).text();
    expect(await latest.text()).toBe(named);
    expect((await fetch(`${base}/v1/public/rankings?period=latest&tier=NOPE`)).status).toBe(422);
    expect((await fetch(`${base}/v1/public/rankings?period=LATEST&tier=DEPARTMENT`)).status).toBe(422);
  });

  it("keeps the applicant's personal data out of the lake and DynamoDB (only a pseudonym survives)", async () => {
    const stored = await env.rt.ingest.store.caseEvents("HS-1");
    const received = stored.find((e) => e.type === "RECEIVED");
    expect(received?.applicantPseudonym).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const lakeText = files(env.rt.lake.root)
      .map((f) => (f.endsWith(".gz") ? gunzipSync(readFileSync(f)).toString("utf8") : readFileSync(f).toString("latin1")))
      .join("\n");
    const dbText = JSON.stringify(stored);
    for (const secret of Object.values(PLANTED)) {
      expect(lakeText).not.toContain(secret);
      expect(dbText).not.toContain(secret);
    }
  });
});
