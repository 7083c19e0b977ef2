import { OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { describe, expect, it } from "vitest";
import { ESM_REQUIRE_BANNER, houseBundling } from "../lib/constructs/scorecard-function.js";
import { actionsOf, statementsOfRole } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const { dev, prod } = synthesized().templates;
/** aws-cdk-lib's own deploy-time handlers: BucketDeployment's (config.json) and the cross-region reference reader's (the web ACL's ARN). */
const library = (id: string) => id.startsWith("CustomCDKBucketDeployment") || id.startsWith("CustomCrossRegionExportReader");
/** The house functions (ScorecardFunction). */
const functions = (Object.entries(dev.findResources("AWS::Lambda::Function")) as Array<[string, { Properties: Record<string, unknown> }]>).filter(([id]) => !library(id));
const env = (prefix: string) =>
  (functions.find(([id]) => id.startsWith(prefix))![1].Properties["Environment"] as { Variables: Record<string, unknown> }).Variables;

describe("Construct: ScorecardFunction (house defaults)", () => {
  it("creates the seven functions: ingest, its upkeep, read, admin, compaction, scoring and the public routes' origin check (and the library's two handlers)", () => {
    dev.resourceCountIs("AWS::Lambda::Function", 9);
    expect(functions.map(([id]) => id.replace(/Fn[0-9A-F]{8}$/, "")).sort()).toEqual(["AdminApiHandler", "IngestApiHandler", "IngestUpkeepJobHandler", "JobsCompactionHandler", "JobsScoringHandler", "ReadApiHandler", "ReadApiOriginVerify"]);
  });

  it("runs every function on ARM64", () => {
    for (const [, f] of functions) expect(f.Properties["Architectures"]).toEqual(["arm64"]);
  });

  it("runs every function on Node.js 24", () => {
    for (const [, f] of functions) expect(f.Properties["Runtime"]).toBe("nodejs24.x");
  });

  it("traces every function with X-Ray", () => {
    for (const [, f] of functions) expect(f.Properties["TracingConfig"]).toEqual({ Mode: "Active" });
  });

  it("logs JSON to a log group of its own", () => {
    for (const [, f] of functions) expect(f.Properties["LoggingConfig"]).toMatchObject({ LogFormat: "JSON", LogGroup: { Ref: expect.any(String) } });
  });

  it("keeps logs for the stage's retention (dev 30 days, prod 365 days)", () => {
    for (const [, g] of Object.entries(dev.findResources("AWS::Logs::LogGroup"))) expect(g["Properties"]["RetentionInDays"]).toBe(30);
    for (const [, g] of Object.entries(prod.findResources("AWS::Logs::LogGroup"))) expect(g["Properties"]["RetentionInDays"]).toBe(365);
  });

  it("turns on source maps in the runtime", () => {
    for (const [id] of functions) expect(env(id).NODE_OPTIONS).toBe("--enable-source-maps");
  });

  it("sets explicit memory and timeout (never the 128 MB / 3 s defaults; 1 GB for the handlers)", () => {
    for (const [id, f] of functions) {
      expect(f.Properties["MemorySize"], id).toBeGreaterThanOrEqual(id.startsWith("ReadApiOriginVerify") ? 256 : 1024);
      expect(f.Properties["Timeout"], id).toBeGreaterThanOrEqual(3);
      expect(f.Properties["Timeout"], id).not.toBeUndefined();
    }
  });

  it("gives every role no AWS-managed policy (but the library's deploy-time handlers')", () => {
    for (const [id, r] of Object.entries(dev.findResources("AWS::IAM::Role"))) if (!library(id)) expect(r["Properties"]["ManagedPolicyArns"], id).toBeUndefined();
  });

  it("tells every function its stage and methodology", () => {
    for (const [id] of functions) expect(env(id)).toMatchObject({ STAGE: "dev", METHODOLOGY_ID: "dn-2026.2" });
  });

  it("bundles ESM with the createRequire banner, source maps, local esbuild and the AWS SDK of the lockfile (nothing external)", () => {
    expect(houseBundling(undefined)).toMatchObject({
      format: OutputFormat.ESM,
      banner: ESM_REQUIRE_BANNER,
      sourceMap: true,
      forceDockerBundling: false,
      externalModules: [],
    });
  });

  it("grants table access on the table and the gsi1 index only (no index wildcard)", () => {
    const resources = JSON.stringify(statementsOfRole(dev, "ReadApiHandlerRole").filter((s) => actionsOf(s).some((a) => a.startsWith("dynamodb:"))));
    expect(resources).toContain("/index/gsi1");
    expect(resources).not.toContain("/index/*");
  });

  it("gives the read function no write action on the table", () => {
    const actions = statementsOfRole(dev, "ReadApiHandlerRole").flatMap(actionsOf);
    expect(actions.filter((a) => /dynamodb:(Put|Update|Delete|BatchWrite)/.test(a))).toEqual([]);
  });
});
