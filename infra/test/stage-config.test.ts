import { RemovalPolicy } from "aws-cdk-lib";
import { describe, expect, it } from "vitest";
import { STAGES, stageConfig, withContext } from "../lib/stage-config.js";

describe("Function: stageConfig", () => {
  it("defines dev and prod", () => {
    expect(STAGES).toEqual(["dev", "prod"]);
  });

  it("deploys every stage to ap-southeast-1", () => {
    for (const s of STAGES) expect(stageConfig(s).region).toBe("ap-southeast-1");
  });

  it("retains and protects data in prod only", () => {
    expect(stageConfig("prod")).toMatchObject({ dataRemovalPolicy: RemovalPolicy.RETAIN, deletionProtection: true });
    expect(stageConfig("dev")).toMatchObject({ dataRemovalPolicy: RemovalPolicy.DESTROY, deletionProtection: false });
  });

  it("allows no browser origin besides the site in prod", () => {
    expect(stageConfig("prod").corsOrigins).toEqual([]);
  });

  it("keeps the daily scan alarm above one query's cut-off", () => {
    for (const s of STAGES) expect(stageConfig(s).athenaDailyScanAlarmBytes).toBeGreaterThan(stageConfig(s).athenaBytesScannedCutoff);
  });

  it("sends alarms nowhere and projects from 2015-01 unless the operator says otherwise", () => {
    for (const s of STAGES) expect(stageConfig(s)).toMatchObject({ alarmEmails: [], earliestMonth: "2015-01", edge: { webAclArn: undefined } });
  });
});

describe("Function: withContext (operator settings from CDK context)", () => {
  const ctx = (values: Record<string, unknown>) => (key: string) => values[key];

  it("reads alarm recipients from a comma-separated -c value or a cdk.json array", () => {
    expect(withContext(stageConfig("prod"), ctx({ alarmEmails: " ops@dongnai.gov.vn, oncall@example.org ," })).alarmEmails).toEqual(["ops@dongnai.gov.vn", "oncall@example.org"]);
    expect(withContext(stageConfig("prod"), ctx({ alarmEmails: ["ops@dongnai.gov.vn"] })).alarmEmails).toEqual(["ops@dongnai.gov.vn"]);
  });

  it("refuses a malformed address rather than deploying alarms to nowhere", () => {
    expect(() => withContext(stageConfig("prod"), ctx({ alarmEmails: "ops@dongnai.gov.vn;oncall" }))).toThrow(/not an e-mail address/);
  });

  it("takes the earliest projected month and refuses one that is not YYYY-MM", () => {
    expect(withContext(stageConfig("dev"), ctx({ earliestMonth: "2018-07" })).earliestMonth).toBe("2018-07");
    for (const bad of ["2018-13", "2018-7", "201807", "2018-07-01"]) expect(() => withContext(stageConfig("dev"), ctx({ earliestMonth: bad })), bad).toThrow(/YYYY-MM/);
  });

  it("accepts an existing CloudFront web ACL only as a global (us-east-1) WAFv2 ARN", () => {
    const arn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/org-edge/0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    expect(withContext(stageConfig("prod"), ctx({ webAclArn: arn })).edge.webAclArn).toBe(arn);
    expect(() => withContext(stageConfig("prod"), ctx({ webAclArn: arn.replace("us-east-1", "ap-southeast-1") }))).toThrow(/us-east-1/);
  });

  it("leaves the stage's other settings as they are", () => {
    const { alarmEmails, earliestMonth, edge, ...rest } = withContext(stageConfig("prod"), ctx({ alarmEmails: "a@b.vn", earliestMonth: "2016-01" }));
    const { alarmEmails: _a, earliestMonth: _e, edge: _d, ...base } = stageConfig("prod");
    expect(rest).toEqual(base);
    expect(edge.apiRequestsPer5MinPerIp).toBe(stageConfig("prod").edge.apiRequestsPer5MinPerIp);
  });
});
