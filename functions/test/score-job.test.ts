/**
 * The score job's Lambda handler (functions/src/handlers/score.ts) through its real middy chain
 * and production dependencies, with Athena, S3 and DynamoDB behind aws-sdk-client-mock.
 */
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it, vi } from "vitest";
import { S3Client } from "@aws-sdk/client-s3";
import { ScoringLock } from "../src/adapters/aws/s3-run-lock.js";
import { S3Objects } from "../src/adapters/aws/s3-objects.js";
import { handler } from "../src/handlers/score.js";
import type { ScoreJobSummary } from "../src/use-cases/jobs/score-job.js";
import { BUCKET, scoreHandlerFixture } from "./support/score-handler-fixture.js";
import { lambdaContext } from "./support/lambda-context.js";

const { s3, athena, ddb, snapshotPks } = scoreHandlerFixture();

const run = (event: unknown) => handler(event as never, lambdaContext("score")) as Promise<ScoreJobSummary>;
/** Periods with a stored draft snapshot, in the order first written. */
const scoredPeriods = () => [...new Set(snapshotPks.filter((k) => k.includes("#DRAFT")).map((k) => k.split("|")[0]!.split("#")[2]!))];

describe("Handler: score (scheduled)", () => {
  it("scores the current periods in Viet Nam time, and February, which ended at midnight", async () => {
    const summary = await run({ job: "score", source: "schedule" });
    expect(scoredPeriods()).toEqual(["2024-03", "2024-Q1", "2024-H1", "2024", "2024-02"]);
    expect(summary.periods.map((p) => p.period)).toEqual(["2024-03", "2024-Q1", "2024-H1", "2024", "2024-02"]);
    expect(summary.periods.every((p) => p.tiers === 4 && p.units > 0)).toBe(true);
  });

  it("runs every query in the stage's workgroup and database, without result reuse, with the period's bounds", async () => {
    await run({ job: "score", source: "schedule" });
    expect(athena.queries.length).toBeGreaterThan(0);
    for (const q of athena.queries) expect(q).toMatchObject({ workGroup: "scorecard-test", database: "scorecard_test", reuseMinutes: undefined });
    // February 2024 in local time: 2024-01-31T17:00Z .. 2024-02-29T17:00Z.
    expect(athena.sql((s) => s.includes("'2024-01-31 17:00:00'") && s.includes("'2024-02-29 17:00:00'")).length).toBeGreaterThan(0);
    expect(athena.sql((s) => s.includes("'2024-02-29 17:00:00'") && s.includes("'2024-03-31 17:00:00'")).length).toBeGreaterThan(0);
  });

  it("writes the public JSON of every tier of every period", async () => {
    await run({ job: "score", source: "schedule" });
    expect(s3.puts("public/").filter((k) => k.startsWith("public/dn-2026.1/2024-02/"))).toEqual(
      ["DEPARTMENT", "DISTRICT", "COMMUNE", "VERTICAL"].map((t) => `public/dn-2026.1/2024-02/${t}.json`),
    );
  });

  it("rates the heads of every period and computes the reform index of the half-year and the year (scoreAndRate)", async () => {
    await run({ job: "score", source: "schedule" });
    expect(s3.puts("ratings/").sort()).toEqual(
      [
        ...["2024-03", "2024-Q1", "2024-H1", "2024", "2024-02"].map((p) => `ratings/dn-2026.1/${p}/heads.json`),
        "ratings/dn-2026.1/2024-H1/reform-index.json",
        "ratings/dn-2026.1/2024/reform-index.json",
      ].sort(),
    );
    // The head attribution comes from the case statement's day rows: one statement per period for both.
    expect(athena.sql((sql) => sql.includes("owner_part")).length).toBe(5);
    expect(athena.sql((sql) => sql.includes("GROUP BY unit_id, day") && !sql.includes("ORDER BY last_seg")).length).toBe(5);
    // The run's finished cases are bucketed once, in one statement (case-stages.sql.ts, stageBucketsSql).
    expect(athena.sql((sql) => sql.includes("GROUP BY unit_id, day, end_seg, res_seg, last_seg, bad_seg")).length).toBe(1);
  });

  it("writes dim_calendar and dim_units before the first query, and not again when they have not changed", async () => {
    await run({ job: "score", source: "schedule" });
    const firstQuery = s3.log.findIndex((l) => l.startsWith("Athena "));
    const dimPuts = s3.log.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith("PutObject dims/"));
    expect(dimPuts.map(([l]) => l)).toEqual(["PutObject dims/calendar/calendar.json.gz", "PutObject dims/units/units.json.gz"]);
    expect(dimPuts.every(([, i]) => i < firstQuery)).toBe(true);

    s3.log.length = 0;
    await run({ job: "score", source: "schedule" });
    expect(s3.puts("dims/")).toEqual([]);
  });
});

describe("Handler: score (late events)", () => {
  it("a scheduled run also scores the scored periods whose inputs changed since, and records what it scored on", async () => {
    await run({ periods: ["2023-11"] });
    const recorded = () => JSON.parse(s3.text("state/dn-2026.1/scored-inputs.json") ?? "{}") as Record<string, string>;
    const was = recorded()["2023-11"];
    expect(was).toMatch(/^events=0;complaints=0,0,0,0,0,0,0;catalog=[0-9a-f]{16}$/);
    // 2023-11 as if it had been scored on other events: the next scheduled run scores it too.
    s3.put("state/dn-2026.1/scored-inputs.json", JSON.stringify({ ...recorded(), "2023-11": "events=5;complaints=0,0,0,0,0,0,0" }));
    snapshotPks.length = 0;
    const summary = await run({ job: "score", source: "schedule" });
    expect(summary.periods.map((p) => p.period)).toEqual(["2024-03", "2024-Q1", "2024-H1", "2024", "2024-02", "2023-11"]);
    expect(recorded()["2023-11"]).toBe(was);
    expect(Object.keys(recorded()).sort()).toEqual(["2023-11", "2024", "2024-02", "2024-03", "2024-H1", "2024-Q1"]);
    // Nothing changed since: the next run scores the current periods only.
    expect((await run({ job: "score", source: "schedule" })).periods.map((p) => p.period)).toEqual(["2024-03", "2024-Q1", "2024-H1", "2024", "2024-02"]);
  });

  it("a run for named periods scores just those", async () => {
    s3.put("state/dn-2026.1/scored-inputs.json", JSON.stringify({ "2023-11": "events=5;complaints=0,0,0,0,0,0,0" }));
    await run({ periods: ["2024-01"] });
    expect(scoredPeriods()).toEqual(["2024-01"]);
  });
});

describe("Handler: score (periods named in the event)", () => {
  it("scores exactly the named periods", async () => {
    await run({ periods: ["2023-Q4", "2023-11"] });
    expect(scoredPeriods()).toEqual(["2023-Q4", "2023-11"]);
  });

  it("refuses a bad period id with a clear error, before touching Athena, S3 or DynamoDB", async () => {
    const err = await run({ periods: ["2024-03", "2024-13", 7] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "InvalidJobInputError" });
    expect((err as Error).message).toBe('periods: [1] "2024-13", [2] 7 are not period ids: use 2024-03 (month), 2024-Q1, 2024-H1 or 2024 (year)');
    expect(athena.queries).toEqual([]);
    expect(s3.log).toEqual([]);
    expect(snapshotPks).toEqual([]);
  });

  it("refuses an empty list, a non-list and an event meant for another job", async () => {
    for (const event of [{ periods: [] }, { periods: "2024-Q1" }, { job: "compact" }, "2024-Q1"]) {
      await expect(run(event), JSON.stringify(event)).rejects.toMatchObject({ name: "InvalidJobInputError" });
    }
    expect(athena.queries).toEqual([]);
  });
});

/**
 * A statement of 2024-H1 alone: it names both its bounds (2024-H1 is the only scheduled period
 * ending on 30 June). The staged facts' statements name only period ends, and are shared by the
 * periods of a run, so a fault there is not a fault of one period.
 */
const h1Statement = (sql: string) => sql.includes("'2023-12-31 17:00:00'") && sql.includes("'2024-06-30 17:00:00'");

describe("Handler: score (one run at a time)", () => {
  it("skips while another live run holds the scoring lock, and takes over a lock whose run died", async () => {
    const objects = new S3Objects(new S3Client({}), BUCKET);
    const other = await new ScoringLock(objects, { now: () => new Date(), leaseMs: 16 * 60_000 }).acquire("other-run");
    expect(other).toBeDefined();
    expect(await run({ job: "score", source: "schedule" })).toEqual({ dims: [], periods: [], skipped: "another scoring run is running" });
    expect(athena.queries).toEqual([]);
    expect(scoredPeriods()).toEqual([]);
    expect(s3.puts().filter((k) => k !== ScoringLock.KEY)).toEqual([]); // neither dims nor the scored-inputs record
    expect(s3.objects.has(ScoringLock.KEY)).toBe(true); // not ours to release

    vi.setSystemTime(new Date(Date.now() + 17 * 60_000)); // the other run's lease has expired
    const summary = await run({ job: "score", source: "schedule" });
    expect(summary.skipped).toBeUndefined();
    expect(summary.periods.length).toBeGreaterThan(0);
    expect(s3.objects.has(ScoringLock.KEY)).toBe(false);
  });

  it("refuses a bad input before taking the lock", async () => {
    await expect(run({ periods: ["2024-13"] })).rejects.toMatchObject({ name: "InvalidJobInputError" });
    expect(s3.puts()).toEqual([]);
  });
});

describe("Handler: score (failures)", () => {
  it("scores the other periods when one fails, then throws naming it so that Lambda retries the run", async () => {
    athena.fail(h1Statement, "HIVE_CURSOR_ERROR: injected");
    const err = await run({ job: "score", source: "schedule" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "ScoringFailedError" });
    expect((err as Error).message).toMatch(/^scoring failed for 2024-H1 \(Athena query q-\d+ failed: HIVE_CURSOR_ERROR: injected\)$/);
    expect(scoredPeriods()).toEqual(["2024-03", "2024-Q1", "2024", "2024-02"]);
  });

  it("completes on the retry once the fault has cleared (every step is a rewrite)", async () => {
    athena.fail(h1Statement, "HIVE_CURSOR_ERROR: injected", 1);
    await expect(run({ job: "score", source: "schedule" })).rejects.toMatchObject({ name: "ScoringFailedError" });
    expect(s3.objects.has(ScoringLock.KEY)).toBe(false); // the failed run released the lock: the retry may run
    snapshotPks.length = 0;
    await run({ job: "score", source: "schedule" });
    expect(scoredPeriods()).toEqual(["2024-03", "2024-Q1", "2024-H1", "2024", "2024-02"]);
  });

  it("fails the run when the dimensions cannot be written (scoring would read stale working days)", async () => {
    s3.failWhen("PutObject", (input) => String(input["Key"]).startsWith("dims/"));
    await expect(run({ periods: ["2024-Q1"] })).rejects.toThrow(/injected PutObject failure/);
    expect(athena.queries).toEqual([]);
  });

  it("fails the run when a snapshot cannot be stored", async () => {
    ddb.on(PutCommand).rejects(new Error("ProvisionedThroughputExceededException"));
    await expect(run({ periods: ["2024-Q1"] })).rejects.toThrow(/2024-Q1 \(ProvisionedThroughputExceededException\)/);
  });
});
