import { RemovalPolicy } from "aws-cdk-lib";
import { describe, expect, it } from "vitest";
import { STAGES, stageConfig } from "../lib/stage-config.js";

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
});
