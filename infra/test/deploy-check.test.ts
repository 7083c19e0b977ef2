import { describe, expect, it } from "vitest";
import { bundleProblems } from "../lib/iam-check.js";
import { IAM_TABLE } from "../lib/iam-table.js";
import {
  type CheckItem,
  type SynthesizedStage,
  type TemplateJson,
  checkAlarms,
  checkApiMethods,
  checkEnvironment,
  checkIamTable,
  checkRuleFindings,
  checkSiteConfig,
  checkSourceScopes,
  deployChecks,
  formatChecklist,
  synthesizeStages,
} from "../lib/deploy-check.js";
import { stageConfig } from "../lib/stage-config.js";
import { synthesized } from "./support/synth.js";

const synth = synthesized();
/** A stage as the tests' shared synthesis built it (default context: no alarm recipients, no source scopes). */
const stage = (name: "dev" | "prod" = "dev", edit?: (t: TemplateJson & { Resources: Record<string, any> }) => void): SynthesizedStage => {
  const template = structuredClone(synth.json[name]) as TemplateJson & { Resources: Record<string, any> };
  edit?.(template);
  return { stage: name, config: stageConfig(name), template, siteConfig: synth.siteConfig[name] };
};
const first = (t: TemplateJson & { Resources: Record<string, any> }, type: string, prefix: string) =>
  Object.entries(t.Resources).find(([id, r]) => r.Type === type && id.startsWith(prefix))![1];
const status = (i: CheckItem) => i.status;

describe("deploy:check on the synthesized stages (default context)", () => {
  it.each(["dev", "prod"] as const)("%s: methods, IAM, environment and config.json hold; alarms and scopes warn with the fix", (name) => {
    const s = stage(name);
    expect([checkApiMethods(s), checkIamTable(s), checkEnvironment(s), checkSiteConfig(s)].map((i) => [i.title, i.status, i.details])).toEqual([
      [expect.any(String), "ok", []],
      [expect.any(String), "ok", []],
      [expect.any(String), "ok", []],
      [expect.any(String), "ok", []],
    ]);
    expect(checkAlarms(s)).toMatchObject({ status: "warn", fix: expect.stringContaining("-c alarmEmails=") });
    expect(checkSourceScopes(s)).toMatchObject({ status: "warn", fix: expect.stringContaining("-c sourceScopesFile=") });
    expect(checkRuleFindings(synth.report)).toMatchObject({ status: "ok" });
  });

  it("finds the variables each handler requires set (the bundles' env(\"X\") calls)", async () => {
    const items = await deployChecks([stage("dev")], synth.report);
    expect(items.filter((i) => i.status === "fail")).toEqual([]);
    expect(items.map((i) => i.title)).toContain("IAM: the table names every SDK command the bundles can send");
  });
});

describe("deploy:check turns an item ✗ on a planted defect", () => {
  it("/v1/* passing only GET, HEAD and OPTIONS (the admin POSTs would get 403)", () => {
    const s = stage("dev", (t) => {
      const b = first(t, "AWS::CloudFront::Distribution", "DashboardSite").Properties.DistributionConfig.CacheBehaviors.find((x: { PathPattern: string }) => x.PathPattern === "/v1/*");
      b.AllowedMethods = ["GET", "HEAD", "OPTIONS"];
    });
    expect(checkApiMethods(s)).toMatchObject({ status: "fail", details: ["/v1/* does not pass DELETE, PATCH, POST, PUT (CloudFront answers 403)"] });
  });

  it("a grant the IAM table needs taken out of a role (GetBucketLocation of compaction)", () => {
    const s = stage("dev", (t) => {
      for (const p of Object.values(t.Resources).filter((r) => r.Type === "AWS::IAM::Policy")) {
        for (const st of p.Properties.PolicyDocument.Statement) if (Array.isArray(st.Action)) st.Action = st.Action.filter((a: string) => a !== "s3:GetBucketLocation");
      }
    });
    const i = checkIamTable(s);
    expect(i.status).toBe("fail");
    expect(i.details.some((d) => d.startsWith("compaction: missing: s3:GetBucketLocation"))).toBe(true);
  });

  it("a bundle command the table lacks", async () => {
    const { ["@aws-sdk/client-secrets-manager:GetSecretValueCommand"]: _dropped, ...rest } = IAM_TABLE.ingest.commands;
    expect(await bundleProblems({ ...IAM_TABLE.ingest, commands: rest })).toEqual(["functions/src/handlers/ingest-events.ts can send @aws-sdk/client-secrets-manager:GetSecretValueCommand, which the table lacks"]);
  });

  it("environment variables: a literal bucket name, a reference to nothing, a table variable pointing at a bucket, a required variable unset", () => {
    const s = stage("dev", (t) => {
      const read = first(t, "AWS::Lambda::Function", "ReadApiHandler").Properties.Environment.Variables;
      read.LAKE_BUCKET = "scorecard-lake-dev";
      read.TABLE_NAME = { Ref: "EventStoreTableGone" };
      const admin = first(t, "AWS::Lambda::Function", "AdminApiHandler").Properties.Environment.Variables;
      admin.TABLE_NAME = admin.LAKE_BUCKET;
      delete first(t, "AWS::Lambda::Function", "JobsCompactionHandler").Properties.Environment.Variables.ATHENA_WORKGROUP;
    });
    const i = checkEnvironment(s, { JobsCompactionHandler: ["ATHENA_WORKGROUP", "LAKE_BUCKET"] });
    expect(i.status).toBe("fail");
    expect(i.details).toHaveLength(4);
    expect(i.details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ReadApiHandlerFn\w+ LAKE_BUCKET: "scorecard-lake-dev" is a literal, not a AWS::S3::Bucket of this template$/),
        expect.stringMatching(/^ReadApiHandlerFn\w+ TABLE_NAME: refers to EventStoreTableGone, which is not in the template$/),
        expect.stringMatching(/^AdminApiHandlerFn\w+ TABLE_NAME: refers to LakeBucket\w+ \(AWS::S3::Bucket\), not a AWS::DynamoDB::GlobalTable/),
        expect.stringMatching(/^JobsCompactionHandlerFn\w+: its handler requires ATHENA_WORKGROUP, which is not set$/),
      ]),
    );
  });

  it("config.json whose client the API's authorizers do not accept, or that breaks the dashboard's contract", () => {
    const s = stage("dev", (t) => {
      for (const a of Object.values(t.Resources).filter((r) => r.Type === "AWS::ApiGatewayV2::Authorizer")) if (a.Properties.JwtConfiguration) a.Properties.JwtConfiguration.Audience = [{ Ref: "SomeOtherClient" }];
    });
    expect(checkSiteConfig(s).details).toEqual([expect.stringContaining("no JWT authorizer accepts config.json's issuer")]);
    const broken = { ...stage("dev"), siteConfig: { ...synth.siteConfig.dev, text: synth.siteConfig.dev.text.replace('"bearer":"id_token"', '"bearer":"cookie"') } };
    expect(checkSiteConfig(broken)).toMatchObject({ status: "fail", details: [expect.stringMatching(/^config\.json auth/)] });
  });

  it("an alarm that notifies no topic blocks; a topic with no recipient only warns", () => {
    const s = stage("dev", (t) => {
      delete first(t, "AWS::CloudWatch::Alarm", "IngestUpkeepOutboxLagAlarm").Properties.AlarmActions;
    });
    expect(checkAlarms(s)).toMatchObject({ status: "fail", details: [expect.stringMatching(/^IngestUpkeepOutboxLagAlarm\w+ \(ingest upkeep: a case waited/)] });
  });

  it("an open cdk-nag finding", () => {
    const report = { pluginReports: [{ pluginName: "Serverless", violations: [{ ruleName: "Serverless-SNSRedrivePolicy", violatingConstructs: [{ constructPath: "Scorecard-prod/Observability/Alarms/ops@example.org/Resource" }] }] }] };
    expect(checkRuleFindings(report)).toMatchObject({ status: "fail", details: ["Serverless: Serverless-SNSRedrivePolicy on Scorecard-prod/Observability/Alarms/ops@example.org/Resource"] });
  });
});

describe("The checklist as printed", () => {
  const ok: CheckItem = { stage: "dev", title: "A", status: "ok", details: [] };
  const warn: CheckItem = { stage: "dev", title: "B", status: "warn", details: ["nobody"], fix: "-c alarmEmails=" };
  const fail: CheckItem = { stage: "prod", title: "C", status: "fail", details: ["broken"], fix: "mend it" };

  it("marks each item and blocks on ✗ only (⚠ too with --strict)", () => {
    expect(formatChecklist([ok, warn]).blocking).toBe(false);
    expect(formatChecklist([ok, warn], true).blocking).toBe(true);
    expect(formatChecklist([ok, fail]).blocking).toBe(true);
    expect(formatChecklist([ok, warn, fail]).text.split("\n")).toEqual([
      "✓ [dev] A",
      "⚠ [dev] B",
      "    nobody",
      "    fix: -c alarmEmails=",
      "✗ [prod] C",
      "    broken",
      "    fix: mend it",
      "",
      "1 ok, 1 warning(s), 1 blocking — NOT ready to deploy",
    ]);
  });
});

describe("The rehearsal with an operator's context (prod, alarm recipients, source scopes)", () => {
  it("is green: every item ✓ — e-mail subscriptions included (their cdk-nag rule acknowledged)", async () => {
    const scopes = JSON.stringify({ "one-stop": { kinds: ["events", "procedures"], units: ["*"], maxAgeDays: 45 } });
    const { stages, report } = synthesizeStages({ alarmEmails: "ops@example.org", sourceScopes: scopes }, ["prod"]);
    const items = await deployChecks(stages, report, { bundles: false });
    expect(items.filter((i) => i.status !== "ok")).toEqual([]);
    expect(formatChecklist(items).blocking).toBe(false);
  }, 240_000);
});
