import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { UPKEEP_BACKLOG_WINDOWS, UPKEEP_LOG, UPKEEP_MAX_WAIT_S } from "../lib/constructs/ingest-upkeep.js";
import { JOB_RETRIES } from "../lib/constructs/scheduled-job.js";
import { logicalId, resource } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { dev, prod } = synthesized().templates;
const fnId = logicalId(dev, "AWS::Lambda::Function", "IngestUpkeepJobHandler");
const alarms = (t = dev) => Object.values(t.findResources("AWS::CloudWatch::Alarm")).map((a) => a["Properties"] as Record<string, unknown>);
const alarm = (description: string) => alarms().find((a) => String(a["AlarmDescription"]).startsWith(description))!;
const topic = logicalId(dev, "AWS::SNS::Topic", "ObservabilityAlarms");

describe("Construct: IngestUpkeep (the outbox drain and the lake's reconciliation, every minute)", () => {
  it("runs the upkeep handler every minute through EventBridge Scheduler, dead-lettering what fails", () => {
    const schedule = resource(dev, "AWS::Scheduler::Schedule", "IngestUpkeep").Properties;
    expect(schedule).toMatchObject({
      ScheduleExpression: "rate(1 minute)",
      Target: {
        Arn: { "Fn::GetAtt": [fnId, "Arn"] },
        Input: '{"job":"ingest-upkeep","source":"schedule"}',
        RetryPolicy: { MaximumRetryAttempts: JOB_RETRIES.schedulerAttempts },
        DeadLetterConfig: { Arn: { "Fn::GetAtt": [logicalId(dev, "AWS::SQS::Queue", "IngestUpkeepJobFailed"), "Arn"] } },
      },
    });
    expect(resource(prod, "AWS::Scheduler::Schedule", "IngestUpkeep").Properties["ScheduleExpression"]).toBe("rate(1 minute)");
  });

  it("bundles the upkeep handler, under a minute, with the table and the lake but no pseudonym key", () => {
    const f = resource(dev, "AWS::Lambda::Function", "IngestUpkeepJobHandler").Properties;
    expect(f["Timeout"]).toBeLessThan(60);
    const vars = (f["Environment"] as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(vars)).toEqual(expect.arrayContaining(["TABLE_NAME", "LAKE_BUCKET"]));
    expect(vars["PSEUDONYM_SECRET_ARN"]).toBeUndefined();
  });

  it("turns the summary line into two metrics (the oldest wait, the cases left)", () => {
    const filters = Object.values(dev.findResources("AWS::Logs::MetricFilter")).map((f) => f["Properties"] as { FilterPattern: string; MetricTransformations: { MetricName: string; MetricValue: string }[] });
    const ours = filters.filter((f) => f.FilterPattern === `{ $.message = "${UPKEEP_LOG.message}" }`);
    expect(ours.map((f) => [f.MetricTransformations[0]!.MetricName, f.MetricTransformations[0]!.MetricValue]).sort()).toEqual([
      ["IngestOutboxCasesLeft", "$.casesLeft"],
      ["IngestOutboxOldestWaitSeconds", "$.oldestWaitS"],
    ]);
  });

  it("logs the line the filters match, with the fields they read (a reworded log would silence the alarms)", () => {
    const text = readFileSync(path.join(REPO, UPKEEP_LOG.file), "utf8");
    expect(text).toContain(`logger.info("${UPKEEP_LOG.message}", { ...summary })`);
    const summaryType = readFileSync(path.join(REPO, "functions/src/use-cases/jobs/ingest-upkeep.ts"), "utf8");
    for (const field of ["casesLeft", "oldestWaitS", "reconciled"]) expect(summaryType).toMatch(new RegExp(`readonly ${field}:`));
  });

  it("pages when a case waited over 300 s, or the outbox stayed non-empty for three 5-minute windows", () => {
    expect(UPKEEP_MAX_WAIT_S).toBe(300);
    expect(alarm("ingest upkeep: a case waited")).toMatchObject({ MetricName: "IngestOutboxOldestWaitSeconds", Statistic: "Maximum", Threshold: 300, ComparisonOperator: "GreaterThanThreshold", EvaluationPeriods: 1, AlarmActions: [{ Ref: topic }] });
    expect(alarm("ingest upkeep: the outbox has not emptied")).toMatchObject({
      MetricName: "IngestOutboxCasesLeft",
      Statistic: "Minimum",
      Period: 300,
      Threshold: 0,
      ComparisonOperator: "GreaterThanThreshold",
      EvaluationPeriods: UPKEEP_BACKLOG_WINDOWS,
      AlarmActions: [{ Ref: topic }],
    });
  });

  it("is watched like the other jobs: its errors and its dead-letter queue", () => {
    expect(alarm("upkeep: a Lambda invocation failed")["Dimensions"]).toEqual([{ Name: "FunctionName", Value: { Ref: fnId } }]);
    expect(alarm("upkeep: a run landed in the dead-letter queue")).toMatchObject({ Threshold: 1 });
  });
});
