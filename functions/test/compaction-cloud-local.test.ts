/**
 * Differential: the cloud compaction (Athena statements, run here on DuckDB, and the in-function
 * record merge) gives the same curated tables as the local compactors for the same raw objects —
 * and incremental cloud runs (the objects arriving over two nights) give what one local run gives.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { compactRecords } from "../src/adapters/local/duckdb-record-compactor.js";
import { RECORD_TABLE_KEYS } from "../src/adapters/aws/s3-record-compactor.js";
import { handler } from "../src/handlers/compact.js";
import { parseJsonLinesGz } from "../src/lib/json-lines.js";
import { importEvents } from "../src/use-cases/ingest/import-events.js";
import { ingestRecords } from "../src/use-cases/ingest/ingest-records.js";
import { DuckDbAthena } from "./support/duckdb-athena.js";
import { CaseBuilder } from "./support/events.js";
import { FakeAthena } from "./support/fake-athena.js";
import { FakeS3 } from "./support/fake-s3.js";
import { lambdaContext } from "./support/lambda-context.js";
import { tempRuntime } from "./support/temp-runtime.js";

const BUCKET = "scorecard-lake-test";
const s3 = new FakeS3(BUCKET);
const athena = new FakeAthena();
let duck: DuckDbAthena;
let env: Awaited<ReturnType<typeof tempRuntime>>;

/** A small deterministic generator (no Math.random: the same data every run). */
function lcg(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}
const at = (day: number, hour: number) => new Date(Date.UTC(2024, 1, day, hour)).toISOString();

const day = (d: number) => ({ now: () => new Date(Date.UTC(2024, 2, d, 3)) });
/** Raw object keys of the local lake, in order, and when they were written (night 1 or 2). */
let firstNight: string[] = [];

beforeAll(async () => {
  env = await tempRuntime();
  const rnd = lcg(7);
  // Events: 12 dossiers, delivered in 3 imports over two days, with repeats across imports.
  const events = Array.from({ length: 12 }, (_, i) =>
    new CaseBuilder(`D${i}`, i % 2 ? "DEPT-STP-2020" : "DIST-731")
      .received(`2024-02-${String(10 + i).padStart(2, "0")}T09:00:00`, `2024-02-${String(20 + (i % 8)).padStart(2, "0")}T17:00:00`)
      .resolved(`2024-02-${String(12 + i).padStart(2, "0")}T23:30:00`)
      .build()
      .map((e) => JSON.stringify(e)),
  ).flat();
  await importEvents({ ...env.rt.ingest, lake: env.rt.lake, clock: day(1) })(events.slice(0, 10));
  await importEvents({ ...env.rt.ingest, lake: env.rt.lake, clock: day(1), chunkSize: 3 })(events.slice(6, 16));

  // Complaints: 20, each posted in 1–3 versions, more of their life-cycle each time.
  const complaintVersions = (night: number) =>
    Array.from({ length: 20 }, (_, i) => {
      const received = at(1 + i, 2);
      const steps = Math.min(3, Math.floor(rnd() * 4) + night - 1);
      const refused = i % 5 === 0;
      return {
        complaintId: `K${i}`,
        source: i % 3 ? "HOTLINE_1022" : "NATIONAL_PORTAL",
        unitId: i % 2 ? "DEPT-STP-2020" : "DIST-731",
        receivedAt: received,
        ...(i % 4 === 0 ? { caseId: `D${i % 12}` } : {}),
        ...(steps >= 1 ? (refused ? { refusedAt: at(2 + i, 2) } : { acceptedAt: at(2 + i, 2) }) : {}),
        ...(steps >= 2 && !refused ? { handledAt: at(5 + i, 2) } : {}),
        ...(steps >= 3 && !refused ? { satisfied: i % 2 === 0 } : {}),
      };
    }).filter(() => rnd() < 0.8);
  const complaints = (night: number, clock: { now: () => Date }) => ingestRecords({ ...env.rt.ingest, clock }, "complaints")(complaintVersions(night));
  const procedures = (night: number, clock: { now: () => Date }) =>
    ingestRecords({ ...env.rt.ingest, clock }, "procedures")(
      Array.from({ length: 6 }, (_, i) => ({
        code: `2.00${i}`,
        nameVi: `Thủ tục ${i} (v${night})`,
        field: "LAND",
        tier: "DISTRICT",
        onlineLevel: night === 1 ? "PARTIAL" : "FULL",
        feeBearing: i % 2 === 0,
        resultRequired: true,
        validFrom: "2024-01-01",
        ...(i % 3 === 0 ? { unitIds: night === 1 ? ["DIST-731", "DIST-732"] : ["DIST-734"] } : {}),
        ...(i === 4 ? { publication: { changeKind: "NEW", decisionDate: "2024-01-05", legalEffectiveDate: "2024-01-20", contentComplete: night === 2 } } : {}),
      })).filter((_, i) => night === 1 || i % 2 === 0),
    );
  await complaints(1, day(1));
  await procedures(1, day(1));
  firstNight = (await env.rt.lake.list("")).filter((k) => /^raw(-complaints|-procedures)?\//.test(k));
  // The local scheduler compacts on the same nights (which copy of a repeated event is kept depends
  // on what was already curated: the first compacted copy wins, locally and in the cloud).
  await compactLake(env.rt.engine, env.rt.lake.root);
  await compactRecords(env.rt.engine, env.rt.lake.root);
  await complaints(2, day(2));
  await procedures(2, day(2));
  await importEvents({ ...env.rt.ingest, lake: env.rt.lake, clock: day(2) })(events.slice(14));
  await compactLake(env.rt.engine, env.rt.lake.root);
  await compactRecords(env.rt.engine, env.rt.lake.root);

  Object.assign(process.env, { LAKE_BUCKET: BUCKET, ATHENA_WORKGROUP: "w", ATHENA_DATABASE: "d" });
  duck = await DuckDbAthena.open(s3);
  athena.executor = duck.execute;
  vi.useFakeTimers({ toFake: ["Date"] });
  // The cloud sees night 1's objects, compacts, then night 2's, and compacts again.
  const copy = async (keys: readonly string[]) => {
    for (const k of keys) s3.put(k, (await env.rt.lake.get(k)) as Uint8Array);
  };
  await copy(firstNight);
  vi.setSystemTime(new Date("2024-03-01T20:00:00Z"));
  await handler({ job: "compact" } as never, lambdaContext("compact"));
  await copy((await env.rt.lake.list("")).filter((k) => /^raw(-complaints|-procedures)?\//.test(k) && !firstNight.includes(k)));
  vi.setSystemTime(new Date("2024-03-02T20:00:00Z"));
  await handler({ job: "compact" } as never, lambdaContext("compact"));
  vi.useRealTimers();
}, 120_000);

afterAll(async () => {
  duck?.close();
  await env?.dispose();
});

/** Instants as ISO, whatever text the engine gave them; lineage keys dropped. */
const norm = (rows: readonly Record<string, unknown>[], instants: readonly string[]) =>
  rows.map((r) =>
    Object.fromEntries(
      Object.entries(r)
        .filter(([k]) => !k.startsWith("_"))
        .map(([k, v]) => [k, instants.includes(k) && typeof v === "string" ? new Date(`${v.replace(" ", "T")}Z`).toISOString() : v]),
    ),
  );
const local = async (sql: string) => (await env.rt.engine.query(sql, {})).rows;
const cloudTable = (key: string) => parseJsonLinesGz<Record<string, unknown>>(s3.body(key)!, key);

describe("Differential: cloud compaction = local compaction", () => {
  it("had both nights to compact (the fixture is not empty)", async () => {
    expect(firstNight.length).toBeGreaterThan(3);
    expect((await local("SELECT count(*) AS n FROM curated_events"))[0]?.["n"]).toBe(24);
  });

  it("curates the same events, one row each, with the same columns and batches", async () => {
    const cols = "event_id, case_id, type, occurred_at, unit_id, procedure_code, field, channel, due_at, target_unit_id, digitized_dossier, fee_bearing, rating_satisfied, applicant_pseudonym, ingest_batch, month";
    const cloud = await duck.curated();
    expect(norm(cloud, ["occurred_at", "due_at"]).map((r) => cols.split(", ").map((c) => r[c]))).toEqual(
      norm(await local(`SELECT ${cols} FROM curated_events ORDER BY event_id`), ["occurred_at", "due_at"]).map((r) => cols.split(", ").map((c) => r[c])),
    );
  });

  it("keeps the same state of each complaint", async () => {
    const instants = ["received_at", "accepted_at", "refused_at", "handled_at"];
    const byId = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a["complaint_id"]).localeCompare(String(b["complaint_id"])));
    const cloud = byId(norm(cloudTable(RECORD_TABLE_KEYS.complaints), instants));
    expect(cloud.length).toBeGreaterThan(10);
    expect(cloud).toEqual(byId(norm(await local("SELECT * FROM curated_complaints"), instants)));
  });

  it("keeps the same latest version of each procedure, and the same unit list", async () => {
    const cloud = norm(cloudTable(RECORD_TABLE_KEYS.procedures), []);
    expect(cloud.map((r) => r["name_vi"])).toContain("Thủ tục 0 (v2)");
    expect(cloud).toEqual(await local("SELECT * FROM dim_procedures ORDER BY code"));
    expect(cloudTable(RECORD_TABLE_KEYS.procedureUnits)).toEqual(await local("SELECT * FROM dim_procedure_units ORDER BY code, unit_id"));
  });
});
