import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { importEvents } from "../src/use-cases/ingest/import-events.js";
import { CaseBuilder } from "./support/events.js";
import { tempRuntime } from "./support/temp-runtime.js";

const events = [
  ...new CaseBuilder("C1", "DEPT-STP-2020").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").supplementRequested("2024-03-05T09:00:00").supplementReceived("2024-03-06T09:00:00").resolved("2024-04-02T09:00:00").build(),
  ...new CaseBuilder("C2", "DIST-731").received("2024-03-31T23:30:00", "2024-04-08T17:00:00").resolved("2024-04-01T00:30:00").build(),
].map((e) => JSON.stringify(e));

const CURATED = "SELECT * EXCLUDE (ingest_batch) FROM curated_events ORDER BY event_id";

describe("Property: curated rows depend only on the set of distinct events, not on batches, order, copies or compaction runs", () => {
  let baseline: unknown[];
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  beforeAll(async () => {
    env = await tempRuntime();
    await importEvents({ ...env.rt.ingest, lake: env.rt.lake })(events);
    await compactLake(env.rt.engine, env.rt.lake.root);
    baseline = (await env.rt.engine.query(CURATED, {})).rows;
  });
  afterAll(() => env.dispose());

  it("has one row per event, partitioned by the local (UTC+7) month", () => {
    expect(baseline).toHaveLength(6); // C1: 4 events, C2: 2
    // C2 was received at 23:30 on 31 March local time (16:30 UTC): March, not April.
    const c2 = (baseline as Record<string, unknown>[]).find((r) => r["event_id"] === "C2-1");
    expect(c2?.["month"]).toBe("2024-03");
    expect((baseline as Record<string, unknown>[]).find((r) => r["event_id"] === "C2-2")?.["month"]).toBe("2024-04");
  });

  it("gives the same rows for any split into batches, any order and any duplication", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        fc.array(fc.nat({ max: events.length - 1 }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.nat({ max: 8 }),
        async (perm, dups, chunkSize, split) => {
          const run = await tempRuntime();
          try {
            const lines = [...perm, ...dups.map((i) => events[i] as string)];
            // Two deliveries with a compaction between them: the second run is incremental.
            await importEvents({ ...run.rt.ingest, lake: run.rt.lake, chunkSize })(lines.slice(0, split));
            await compactLake(run.rt.engine, run.rt.lake.root);
            await importEvents({ ...run.rt.ingest, lake: run.rt.lake, chunkSize, clock: { now: () => new Date(Date.now() + 86_400_000) } })(lines.slice(split));
            await compactLake(run.rt.engine, run.rt.lake.root);
            await compactLake(run.rt.engine, run.rt.lake.root); // idempotent: a second run changes nothing
            expect((await run.rt.engine.query(CURATED, {})).rows).toEqual(baseline);
          } finally {
            await run.dispose();
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
