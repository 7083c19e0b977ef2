import { describe, expect, it } from "vitest";
import { ScoringLock } from "../../functions/src/adapters/aws/s3-run-lock.js";
import { JOB_RETRIES } from "../lib/constructs/scheduled-job.js";
import { actionsOf, logicalId, resource, statementsOfRole } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const { dev } = synthesized().templates;
const schedule = (job: "Compaction" | "Scoring") => resource(dev, "AWS::Scheduler::Schedule", `Jobs${job}`).Properties;
const queue = (job: "Compaction" | "Scoring") => logicalId(dev, "AWS::SQS::Queue", `Jobs${job}Failed`);
const fnId = (job: "Compaction" | "Scoring") => logicalId(dev, "AWS::Lambda::Function", `Jobs${job}Handler`);

describe("Construct: Jobs (compaction and scoring on EventBridge Scheduler)", () => {
  it("schedules both jobs", () => {
    expect(Object.keys(dev.findResources("AWS::Scheduler::Schedule")).filter((id) => id.startsWith("Jobs"))).toHaveLength(2);
  });

  it("runs compaction nightly at 01:15 Asia/Ho_Chi_Minh and scoring after it at 01:45", () => {
    expect(schedule("Compaction")).toMatchObject({ ScheduleExpression: "cron(15 1 * * ? *)", ScheduleExpressionTimezone: "Asia/Ho_Chi_Minh" });
    expect(schedule("Scoring")).toMatchObject({ ScheduleExpression: "cron(45 1 * * ? *)", ScheduleExpressionTimezone: "Asia/Ho_Chi_Minh" });
  });

  it("targets compaction's own function, and scoring's state machine (scoring-orchestration.test.ts), with a job name in the input", () => {
    expect(schedule("Compaction")["Target"]).toMatchObject({ Arn: { "Fn::GetAtt": [fnId("Compaction"), "Arn"] }, Input: '{"job":"compact","source":"schedule"}' });
    expect(schedule("Scoring")["Target"]).toMatchObject({ Arn: { Ref: logicalId(dev, "AWS::StepFunctions::StateMachine", "JobsScoring") }, Input: '{"job":"score","source":"schedule"}' });
  });

  it("retries delivery and then dead-letters it to the job's queue", () => {
    expect(schedule("Scoring")["Target"]).toMatchObject({
      RetryPolicy: { MaximumRetryAttempts: JOB_RETRIES.schedulerAttempts },
      DeadLetterConfig: { Arn: { "Fn::GetAtt": [queue("Scoring"), "Arn"] } },
    });
  });

  it("sends a run that still fails after Lambda's retries to the same queue", () => {
    dev.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
      FunctionName: { Ref: fnId("Compaction") },
      MaximumRetryAttempts: JOB_RETRIES.lambdaAttempts,
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [queue("Compaction"), "Arn"] } } },
    });
  });

  it("encrypts the dead-letter queues and keeps messages 14 days", () => {
    for (const job of ["Compaction", "Scoring"] as const) {
      expect(resource(dev, "AWS::SQS::Queue", `Jobs${job}Failed`).Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
    }
  });

  it("lets the scheduler invoke only the job's function", () => {
    const invoke = statementsOfRole(dev, "JobsCompactionSchedulerRole").filter((s) => actionsOf(s).includes("lambda:InvokeFunction"));
    expect(JSON.stringify(invoke.map((s) => s.Resource))).not.toContain(fnId("Scoring"));
    expect(JSON.stringify(invoke.map((s) => s.Resource))).toContain(fnId("Compaction"));
  });

  it("gives both jobs Lambda's 15 minutes (a scoring step scores at most the four periods of one end)", () => {
    expect(resource(dev, "AWS::Lambda::Function", "JobsScoringHandler").Properties["Timeout"]).toBe(900);
    expect(resource(dev, "AWS::Lambda::Function", "JobsCompactionHandler").Properties["Timeout"]).toBe(900);
  });

  it.each(["Scoring", "Compaction"] as const)("points %s at the Athena workgroup and database", (job) => {
    expect(resource(dev, "AWS::Lambda::Function", `Jobs${job}Handler`).Properties["Environment"]).toMatchObject({
      Variables: { ATHENA_WORKGROUP: "scorecard-dev", ATHENA_DATABASE: "scorecard_dev" },
    });
  });

  /** The lake prefixes a role may put objects under, e.g. ["public/", "dims/units/"]. */
  const putPrefixes = (role: string) =>
    statementsOfRole(dev, role)
      .filter((s) => actionsOf(s).includes("s3:PutObject"))
      .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))
      .map((r) => /\/([a-z_\-/]+)\*"\]\]\}$/.exec(JSON.stringify(r))?.[1]);

  it("lets scoring write the calendar and unit dimensions (not the catalog's), Home Affairs' marks of improper returns, the ratings, drill-downs, public JSON, staged tables and its record of what it scored on", () => {
    expect(putPrefixes("JobsScoringHandlerRole").sort()).toEqual(["athena-results/", "curated/improper_returns/", "dims/calendar/", "dims/units/", "drilldown/", "public/", "ratings/", "snapshots/", "staging/", "state/"]);
  });

  it("lets scoring read a period's drill-down pointer and delete the run it replaces, and delete nothing but drill-downs, staged tables and its lock", () => {
    const objects = (action: string) =>
      statementsOfRole(dev, "JobsScoringHandlerRole")
        .filter((s) => actionsOf(s).includes(action))
        .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))
        .map((r) => /\/([a-z_\-/.]+)\*"\]\]\}$/.exec(JSON.stringify(r))?.[1]);
    expect(objects("s3:GetObject")).toContain("drilldown/");
    // The lock only (state/score-lock.json), not the record of what each period was scored on.
    expect(objects("s3:DeleteObject").sort()).toEqual(["drilldown/", "staging/", "state/score-lock.json"]);
    expect(ScoringLock.KEY, "the key the score job locks is the one the role may delete").toBe("state/score-lock.json");
  });

  it("lets compaction write curated/ and the catalog dimensions, and not the calendar or units", () => {
    expect(putPrefixes("JobsCompactionHandlerRole").sort()).toEqual(["athena-results/", "curated/", "curated/events/", "dims/procedure_units/", "dims/procedures/"]);
  });

  it("lets compaction read raw/ (through Athena) and the complaint and catalog batches, and scoring none of them", () => {
    const reads = (role: string) => JSON.stringify(statementsOfRole(dev, role).filter((s) => actionsOf(s).includes("s3:GetObject")).map((s) => s.Resource));
    for (const p of ["/raw/*", "/raw-complaints/*", "/raw-procedures/*"]) {
      expect(reads("JobsCompactionHandlerRole")).toContain(p);
      expect(reads("JobsScoringHandlerRole")).not.toContain(p);
    }
  });

  it("lets compaction delete only under curated/ (it rewrites Parquet files)", () => {
    const deletes = statementsOfRole(dev, "JobsCompactionHandlerRole").filter((s) => actionsOf(s).includes("s3:DeleteObject"));
    expect(JSON.stringify(deletes.map((s) => s.Resource))).toMatch(/"\/curated\/\*"\]\]\}\]$/);
  });

  it("gives the compaction function no table access", () => {
    expect(statementsOfRole(dev, "JobsCompactionHandlerRole").flatMap(actionsOf).filter((a) => a.startsWith("dynamodb:"))).toEqual([]);
  });
});
