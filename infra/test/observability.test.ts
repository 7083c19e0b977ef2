import { describe, expect, it } from "vitest";
import { logicalId } from "./support/find.js";
import { synthesized } from "./support/synth.js";

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

  it("does not page on missing data", () => {
    for (const a of alarms) expect(a["TreatMissingData"]).toBe("notBreaching");
  });
});
