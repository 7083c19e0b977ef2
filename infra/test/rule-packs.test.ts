import { Stack, Validations } from "aws-cdk-lib";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import { describe, expect, it } from "vitest";
import { Secrets } from "../lib/constructs/secrets.js";
import { addRulePacks } from "../lib/rule-packs.js";
import { stageConfig } from "../lib/stage-config.js";
import { synthWithReport, synthesized, testApp } from "./support/synth.js";

const { report } = synthesized();
const plugin = (name: string) => report.pluginReports.find((p) => p.pluginName === name);
const acknowledged = report.pluginReports.flatMap((p) => p.suppressedViolations ?? []);

/**
 * One small probe stack under the same rule packs: a bare secret (no acknowledgement), a secret
 * acknowledged for itself, and the Secrets construct (which acknowledges its own secret).
 */
function probe() {
  const app = testApp();
  addRulePacks(app);
  const stack = new Stack(app, "Probe", { env: { region: "ap-southeast-1" } });
  new secretsmanager.Secret(stack, "Bare", { generateSecretString: { passwordLength: 64 } });
  Validations.of(new secretsmanager.Secret(stack, "Other")).acknowledge({ id: "AwsSolutions::AwsSolutions-SMG4", reason: "acknowledged for Other only" });
  new Secrets(stack, "Secrets", { stage: stageConfig("dev") });
  return synthWithReport(app).report.pluginReports.flatMap((p) => p.violations);
}
const probed = probe();
const smg4Paths = probed.filter((v) => v.ruleName === "AwsSolutions-SMG4").flatMap((v) => v.violatingConstructs?.map((c) => c.constructPath) ?? []);

describe("Rule packs: cdk-nag AwsSolutions + Serverless, CloudFormation validation", () => {
  it.each(["AwsSolutions", "Serverless", "CloudFormation Validate"])("runs the %s pack", (name) => {
    expect(plugin(name)).toBeDefined();
  });

  it.each(["AwsSolutions", "Serverless", "CloudFormation Validate"])("leaves no unacknowledged %s finding in either stage", (name) => {
    expect(plugin(name)!.violations.map((v) => `${v.ruleName} @ ${v.violatingConstructs?.map((c) => c.constructPath).join(", ")}`)).toEqual([]);
  });

  it("gives every acknowledgement a reason of at least a sentence", () => {
    for (const a of acknowledged) expect(a.reason.length, a.acknowledgedId).toBeGreaterThanOrEqual(40);
  });

  it("acknowledges inside the owning construct, never for a whole stack", () => {
    for (const a of acknowledged) expect(a.acknowledgedAt, a.acknowledgedId).toMatch(/^Scorecard-(dev|prod)\/[^/]+/);
  });

  it("reports a finding whose acknowledgement is missing (the bare secret)", () => {
    expect(smg4Paths).toContain("Probe/Bare/Resource");
  });

  it("scopes an acknowledgement to the construct it is written on", () => {
    expect(smg4Paths).not.toContain("Probe/Other/Resource");
  });

  it("reports nothing for the secret made through the Secrets construct", () => {
    expect(smg4Paths.filter((p) => p.startsWith("Probe/Secrets/"))).toEqual([]);
  });

  it("reports exactly the bare secret and nothing else in the probe", () => {
    expect(probed.map((v) => v.ruleName)).toEqual(["AwsSolutions-SMG4"]);
  });
});
