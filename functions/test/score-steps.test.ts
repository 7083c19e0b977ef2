/**
 * The scoring state machine's steps (functions/src/use-cases/jobs/score-steps.ts) through the score
 * handler's real middy chain and production dependencies, with Athena, S3 and DynamoDB behind fakes,
 * driven as the state machine drives them (infra/lib/constructs/scoring-orchestration.ts): Plan,
 * then each group with its retries and, once they are spent, the Catch's `{ group, error }`, then Finish.
 */
import { describe, expect, it, vi } from "vitest";
import { S3Client } from "@aws-sdk/client-s3";
import { ScoringLock } from "../src/adapters/aws/s3-run-lock.js";
import { S3Objects } from "../src/adapters/aws/s3-objects.js";
import { handler } from "../src/handlers/score.js";
import type { GroupResult, ScoringPlan, ScoringSummary } from "../src/use-cases/jobs/score-steps.js";
import type { ScoreJobSummary } from "../src/use-cases/jobs/score-job.js";
import { BUCKET, scoreHandlerFixture } from "./support/score-handler-fixture.js";
import { lambdaContext } from "./support/lambda-context.js";

const { s3, athena, ddb, snapshotPks } = scoreHandlerFixture();

const invoke = <T>(event: unknown) => handler(event as never, lambdaContext("score")) as Promise<T>;
const scoredPeriods = () => [...new Set(snapshotPks.filter((k) => k.includes("#DRAFT")).map((k) => k.split("|")[0]!.split("#")[2]!))];
/** Statements that build a staged table or view of the case facts (case-stages.sql.ts through the engine; not an UNLOAD's own table). */
const stagingStatements = () => athena.sql((s) => /^CREATE (TABLE|OR REPLACE VIEW) "?sc_(?!unload_)/i.test(s.trim()));
/** 2024-H1's own statements (the only scheduled period ending on 30 June). */
const h1Statement = (sql: string) => sql.includes("'2023-12-31 17:00:00'") && sql.includes("'2024-06-30 17:00:00'");

/** As the state machine runs: Plan; each group tried 1 + `retries` times, then caught; Finish. */
async function runMachine(input: unknown, name = "exec-1", retries = 2): Promise<{ plan: ScoringPlan; summary?: ScoringSummary; attempts: Record<string, number> }> {
  const plan = await invoke<ScoringPlan>({ step: "plan", input, owner: name });
  const attempts: Record<string, number> = {};
  if (plan.skipped) return { plan, attempts };
  const results: GroupResult[] = [];
  for (const group of plan.groups) {
    let result: GroupResult | undefined;
    for (let attempt = 0; attempt <= retries && result === undefined; attempt++) {
      attempts[group.join(",")] = attempt + 1;
      try {
        result = await invoke<GroupResult>({ step: "group", run: plan.run, group });
      } catch (e) {
        // Lambda's error as Step Functions reports it: Error = errorType, Cause = the error as JSON.
        if (attempt === retries) result = { group, error: { Error: (e as Error).name, Cause: JSON.stringify({ errorType: (e as Error).name, errorMessage: (e as Error).message }) } };
      }
    }
    results.push(result!);
  }
  const summary = await invoke<ScoringSummary>({ step: "finish", run: plan.run, results });
  return { plan, summary, attempts };
}

describe("Scoring steps (the state machine's invocations)", () => {
  it("plans the current periods in groups of one end, stages the facts once, and scores every group on them", async () => {
    const { plan, summary } = await runMachine({ job: "score", source: "schedule" });
    if (plan.skipped) throw new Error("skipped");
    // 2024-03 and 2024-Q1 end on 31 March; 2024-H1 on 30 June; 2024 on 31 December; 2024-02 on 29 February.
    expect(plan.groups).toEqual([["2024-03", "2024-Q1"], ["2024-H1"], ["2024"], ["2024-02"]]);
    expect(summary).toEqual({ scored: ["2024-03", "2024-Q1", "2024-H1", "2024", "2024-02"], failed: [] });
    expect(scoredPeriods()).toEqual(["2024-03", "2024-Q1", "2024-H1", "2024", "2024-02"]);
    expect(s3.puts("public/").filter((k) => k.startsWith("public/dn-2026.1/2024-H1/"))).toHaveLength(4);
    expect(s3.objects.has(ScoringLock.KEY)).toBe(false);
  });

  it("stages as many statements as the one-invocation run, all in the plan, and none in the groups", async () => {
    await invoke<ScoreJobSummary>({ job: "score", source: "schedule" });
    const oneInvocation = stagingStatements().length;
    expect(oneInvocation).toBeGreaterThan(0);
    athena.reset();
    const plan = await invoke<ScoringPlan>({ step: "plan", input: { job: "score", source: "schedule" }, owner: "exec-2" });
    expect(stagingStatements().length).toBe(oneInvocation);
    if (plan.skipped) throw new Error("skipped");
    athena.reset();
    for (const group of plan.groups) await invoke({ step: "group", run: plan.run, group });
    expect(stagingStatements()).toEqual([]);
    expect(athena.sql((s) => s.includes(plan.run.staged.prefix)).length).toBeGreaterThan(0);
    await invoke({ step: "finish", run: plan.run, results: [] });
  });

  it("a period that keeps failing is recorded as failed after its retries, and the other groups are scored and recorded", async () => {
    athena.fail(h1Statement, "HIVE_CURSOR_ERROR: injected");
    const { summary, attempts } = await runMachine({ job: "score", source: "schedule" });
    expect(attempts["2024-H1"]).toBe(3);
    expect(attempts["2024-03,2024-Q1"]).toBe(1);
    expect(summary?.scored).toEqual(["2024-03", "2024-Q1", "2024", "2024-02"]);
    expect(summary?.failed).toEqual([{ period: "2024-H1", error: expect.stringMatching(/^scoring failed for 2024-H1 \(Athena query q-\d+ failed: HIVE_CURSOR_ERROR: injected\)$/) }]);
    expect(scoredPeriods()).toEqual(["2024-03", "2024-Q1", "2024", "2024-02"]);
    // What the scored periods were scored on is recorded; 2024-H1 is not, so it stays due.
    const recorded = JSON.parse(s3.text("state/dn-2026.1/scored-inputs.json") ?? "{}") as Record<string, string>;
    expect(Object.keys(recorded).sort()).toEqual(["2024", "2024-02", "2024-03", "2024-Q1"]);
    expect(s3.objects.has(ScoringLock.KEY)).toBe(false);
  });

  it("a group that fails once is scored on its retry (every step of a period is a rewrite)", async () => {
    athena.fail(h1Statement, "HIVE_CURSOR_ERROR: injected", 1);
    const { summary, attempts } = await runMachine({ job: "score", source: "schedule" });
    expect(attempts["2024-H1"]).toBe(2);
    expect(summary).toEqual({ scored: ["2024-03", "2024-Q1", "2024-H1", "2024", "2024-02"], failed: [] });
  });

  it("named periods go through the same steps", async () => {
    const { plan, summary } = await runMachine({ periods: ["2023-Q4", "2023-11"] });
    if (plan.skipped) throw new Error("skipped");
    expect(plan.groups).toEqual([["2023-Q4"], ["2023-11"]]);
    expect(summary?.scored).toEqual(["2023-Q4", "2023-11"]);
  });

  it("holds the scoring lock from plan to finish: a run started meanwhile is skipped", async () => {
    const plan = await invoke<ScoringPlan>({ step: "plan", input: { job: "score", source: "schedule" }, owner: "exec-a" });
    if (plan.skipped) throw new Error("skipped");
    // An hour later (longer than one invocation), the first run still holds the lock.
    vi.setSystemTime(new Date(Date.now() + 60 * 60_000));
    athena.reset();
    expect(await invoke<ScoringPlan>({ step: "plan", input: { job: "score", source: "schedule" }, owner: "exec-b" })).toEqual({ skipped: true, reason: "another scoring run is running" });
    expect(await invoke<ScoreJobSummary>({ job: "score", source: "schedule" })).toMatchObject({ skipped: "another scoring run is running" });
    expect(athena.queries).toEqual([]);
    await invoke({ step: "finish", run: plan.run, results: plan.groups.map((group) => ({ group, error: { Error: "States.Timeout" } })) });
    expect(s3.objects.has(ScoringLock.KEY)).toBe(false);
    expect((await runMachine({ job: "score", source: "schedule" }, "exec-c")).plan.skipped).toBe(false);
  });

  it("a retried plan of the same execution takes its own lock again (its first invocation may have died holding it)", async () => {
    const objects = new S3Objects(new S3Client({}), BUCKET);
    expect(await new ScoringLock(objects, { now: () => new Date(), leaseMs: 3 * 3_600_000 }).acquire("exec-r")).toBeDefined();
    const plan = await invoke<ScoringPlan>({ step: "plan", input: { periods: ["2024-01"] }, owner: "exec-r" });
    expect(plan.skipped).toBe(false);
    if (plan.skipped) return;
    // Another execution is still refused while the lease lives.
    expect((await invoke<ScoringPlan>({ step: "plan", input: { periods: ["2024-01"] }, owner: "exec-s" })).skipped).toBe(true);
    await invoke({ step: "finish", run: plan.run, results: [] });
    expect(s3.objects.has(ScoringLock.KEY)).toBe(false);
  });

  it("drops the staged tables at the finish", async () => {
    const { plan } = await runMachine({ job: "score", source: "schedule" });
    if (plan.skipped) throw new Error("skipped");
    const names = (re: RegExp) => new Set(athena.sql((s) => re.test(s.trim())).map((s) => new RegExp(`${plan.run.staged.prefix}_\\w+`).exec(s)?.[0]).filter(Boolean));
    const created = names(/^CREATE (TABLE|OR REPLACE VIEW)/i);
    expect(created.size).toBeGreaterThanOrEqual(10);
    expect(names(/^DROP (TABLE|VIEW)/i)).toEqual(created);
  });

  it("refuses a group outside the run, and an unknown step", async () => {
    const plan = await invoke<ScoringPlan>({ step: "plan", input: { periods: ["2024-01"] }, owner: "exec-d" });
    if (plan.skipped) throw new Error("skipped");
    await expect(invoke({ step: "group", run: plan.run, group: ["2023-05"] })).rejects.toMatchObject({ name: "InvalidJobInputError" });
    await expect(invoke({ step: "nope" })).rejects.toMatchObject({ name: "InvalidJobInputError" });
    await invoke({ step: "finish", run: plan.run, results: [] });
  });
});
