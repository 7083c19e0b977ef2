import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Stack } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { JOB_LOG_MESSAGES, Observability } from "../lib/constructs/observability.js";
import { stageConfig } from "../lib/stage-config.js";
import { logicalId } from "./support/find.js";
import { synthesized, testApp } from "./support/synth.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const { dev } = synthesized().templates;
const alarms = Object.values(dev.findResources("AWS::CloudWatch::Alarm")).map((a) => a["Properties"] as Record<string, unknown>);
const alarm = (description: string) => alarms.find((a) => String(a["AlarmDescription"]).startsWith(description))!;

describe("Construct: Observability", () => {
  it("alarms on errors and throttles of each of the five functions", () => {
    for (const fn of ["ingest", "read", "admin", "compaction", "scoring"]) {
      expect(alarm(`${fn}: a Lambda invocation failed`)).toMatchObject({ MetricName: "Errors", Threshold: 1 });
      expect(alarm(`${fn}: Lambda throttled`)).toMatchObject({ MetricName: "Throttles", Threshold: 1 });
    }
  });

  it("alarms when scoring fails (its function's errors)", () => {
    expect(alarm("scoring: a Lambda invocation failed")["Dimensions"]).toEqual([
      { Name: "FunctionName", Value: { Ref: logicalId(dev, "AWS::Lambda::Function", "JobsScoringHandler") } },
    ]);
  });

  it("alarms at dead-letter queue depth ≥ 1", () => {
    for (const job of ["compaction", "scoring"]) {
      expect(alarm(`${job}: a run landed in the dead-letter queue`)).toMatchObject({
        MetricName: "ApproximateNumberOfMessagesVisible",
        Threshold: 1,
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
      });
    }
  });

  it("alarms on API 5xx answers", () => {
    expect(alarm("ingest: API answered 5xx")).toMatchObject({ MetricName: "5xx", Namespace: "AWS/ApiGateway" });
  });

  it("alarms when Athena scans more than the daily budget", () => {
    expect(alarm("Athena scanned")).toMatchObject({
      Namespace: "AWS/Athena",
      MetricName: "ProcessedBytes",
      Dimensions: [{ Name: "WorkGroup", Value: "scorecard-dev" }],
      Period: 86400,
      Threshold: 5 * 1024 ** 3,
    });
  });

  it("notifies the alarm topic from every alarm", () => {
    const topic = { Ref: logicalId(dev, "AWS::SNS::Topic", "Observability") };
    for (const a of alarms) expect(a["AlarmActions"]).toEqual([topic]);
  });

  it("does not page on missing data, except the alarm whose point is that data is missing (no period scored in a day)", () => {
    for (const a of alarms) expect(a["TreatMissingData"], String(a["AlarmDescription"])).toBe(a["AlarmDescription"] === "scoring: no period scored in a day" ? "breaching" : "notBreaching");
  });

  const filters = Object.values(dev.findResources("AWS::Logs::MetricFilter")).map((f) => f["Properties"] as { FilterPattern: string; LogGroupName: unknown; MetricTransformations: Array<{ MetricName: string; MetricNamespace: string; MetricValue: string }> });
  const filterOf = (metric: string) => filters.find((f) => f.MetricTransformations[0]!.MetricName === metric)!;
  const logGroupOf = (fn: "Compaction" | "Scoring") => ({ Ref: logicalId(dev, "AWS::Logs::LogGroup", `Jobs${fn}HandlerLogs`) });

  it.each([
    ["CompactionSkippedOnLock", "Compaction", [JOB_LOG_MESSAGES.compactionSkipped]],
    ["CompactionStoppedEarly", "Compaction", [JOB_LOG_MESSAGES.compactionPartial]],
    ["ScoringSkippedOnLock", "Scoring", [JOB_LOG_MESSAGES.scoringSkipped]],
    ["ScoringFailures", "Scoring", [JOB_LOG_MESSAGES.scoringPeriodFailed, JOB_LOG_MESSAGES.scoringRunFailed]],
    ["PeriodsScored", "Scoring", [JOB_LOG_MESSAGES.periodScored]],
  ] as const)("counts %s from the %s job's JSON log lines", (metric, fn, messages) => {
    const f = filterOf(metric);
    expect(f.LogGroupName).toEqual(logGroupOf(fn));
    expect(f.MetricTransformations[0]).toMatchObject({ MetricNamespace: "Scorecard/dev", MetricValue: "1" });
    for (const m of messages) expect(f.FilterPattern).toContain(`$.message = "${m.message}"`);
  });

  it.each(Object.entries(JOB_LOG_MESSAGES))("finds the log line %s still written where the alarm expects it", (_key, { file, message }) => {
    expect(readFileSync(path.join(REPO, file), "utf8")).toContain(`"${message}"`);
  });

  it("matches a Powertools log line exactly by its message (not a longer one containing it)", () => {
    // CloudWatch's JSON filter `$.message = "scored"` is an equality; "scoring failed" must not count as scored.
    const pattern = filterOf("PeriodsScored").FilterPattern;
    expect(pattern).toBe('{ $.message = "scored" }');
  });

  it("alarms when compaction skips on the lock or stops early, and when scoring skips or fails", () => {
    for (const [description, metric] of [
      ["compaction: a run skipped", "CompactionSkippedOnLock"],
      ["compaction: a run stopped early", "CompactionStoppedEarly"],
      ["scoring: a run skipped", "ScoringSkippedOnLock"],
      ["scoring: a period (or the run's staging) failed", "ScoringFailures"],
    ] as const) {
      expect(alarm(description)).toMatchObject({ Namespace: "Scorecard/dev", MetricName: metric, Threshold: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold", Period: 3600 });
    }
  });

  it("alarms when a whole day passes without a period scored", () => {
    expect(alarm("scoring: no period scored in a day")).toMatchObject({ MetricName: "PeriodsScored", Period: 86400, Threshold: 1, ComparisonOperator: "LessThanThreshold", TreatMissingData: "breaching" });
  });
});

describe("Construct: Observability — who is told", () => {
  const synthOne = (alarmEmails: readonly string[]) => {
    const app = testApp();
    const stack = new Stack(app, "Probe", { env: { region: "ap-southeast-1" } });
    new Observability(stack, "Observability", { stage: { ...stageConfig("prod"), alarmEmails }, functions: {}, apis: {}, deadLetterQueues: {}, workGroupName: "wg" });
    return { template: Template.fromStack(stack), annotations: Annotations.fromStack(stack) };
  };

  it("subscribes every address of the stage's alarmEmails (CDK context) to the topic", () => {
    const { template } = synthOne(["ops@dongnai.gov.vn", "oncall@example.org"]);
    const subs = Object.values(template.findResources("AWS::SNS::Subscription")).map((r) => r["Properties"]);
    expect(subs.map((p) => [p["Protocol"], p["Endpoint"]]).sort()).toEqual([["email", "oncall@example.org"], ["email", "ops@dongnai.gov.vn"]]);
  });

  it("warns at synth when nobody receives the alarms, and not when somebody does", () => {
    expect(synthOne([]).annotations.findWarning("*", Match.stringLikeRegexp("No alarm recipients"))).toHaveLength(1);
    expect(synthOne(["ops@dongnai.gov.vn"]).annotations.findWarning("*", Match.stringLikeRegexp("No alarm recipients"))).toHaveLength(0);
  });
});
