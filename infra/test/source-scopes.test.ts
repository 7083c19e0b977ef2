import { Stack } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import * as cognito from "aws-cdk-lib/aws-cognito";
import { describe, expect, it } from "vitest";
import { type SourceScope, parseSourceScopes } from "@scorecard/shared/contracts/source-scope";
import { sourceScopesEnvironment } from "../lib/constructs/ingest-api.js";
import { ScorecardStack } from "../lib/scorecard-stack.js";
import { stageConfig, withContext } from "../lib/stage-config.js";
import { synthesized, testApp } from "./support/synth.js";

const scope: SourceScope = { kinds: ["events", "procedures"], units: ["*"], maxAgeDays: 45 };
const ctx = (values: Record<string, unknown>) => (key: string) => values[key];

describe("Context: sourceScopes / sourceScopesFile (the ingest function's SOURCE_SCOPES)", () => {
  it("takes none by default", () => {
    expect(withContext(stageConfig("prod"), ctx({})).sourceScopes).toEqual({});
  });

  it("reads the JSON given on the command line, or an object from cdk.json", () => {
    expect(withContext(stageConfig("prod"), ctx({ sourceScopes: JSON.stringify({ "one-stop": scope }) })).sourceScopes).toEqual({ "one-stop": scope });
    expect(withContext(stageConfig("dev"), ctx({ sourceScopes: { hotline: { ...scope, kinds: ["complaints"] } } })).sourceScopes).toEqual({ hotline: { ...scope, kinds: ["complaints"] } });
  });

  it("reads a file named by sourceScopesFile", () => {
    const files: Record<string, string> = { "ops/scopes.json": JSON.stringify({ "national-portal": scope }) };
    expect(withContext(stageConfig("prod"), ctx({ sourceScopesFile: "ops/scopes.json" }), (p) => files[p]!).sourceScopes).toEqual({ "national-portal": scope });
  });

  it("refuses at synth a scope the ingest would refuse at run time, naming the field", () => {
    expect(() => withContext(stageConfig("prod"), ctx({ sourceScopes: JSON.stringify({ "one-stop": { ...scope, maxAgeDays: 0 } }) }))).toThrow(/context sourceScopes: .*maxAgeDays/);
    expect(() => withContext(stageConfig("prod"), ctx({ sourceScopes: JSON.stringify({ "one-stop": { ...scope, kinds: ["evnets"] } }) }))).toThrow(/context sourceScopes: .*kinds/);
    expect(() => withContext(stageConfig("prod"), ctx({ sourceScopes: "{one-stop" }))).toThrow(/context sourceScopes: not JSON/);
    expect(() => withContext(stageConfig("prod"), ctx({ sourceScopesFile: "s.json" }), () => '{"x":{"kinds":["events"],"units":[],"maxAgeDays":3}}')).toThrow(/sourceScopesFile \(s\.json\): .*units/);
    expect(() => withContext(stageConfig("prod"), ctx({ sourceScopes: "{}", sourceScopesFile: "s.json" }))).toThrow(/give one of them/);
  });
});

describe("SOURCE_SCOPES: source system names become their app client ids", () => {
  const app = testApp();
  const stack = new Stack(app, "Probe", { env: { region: "ap-southeast-1" } });
  const pool = new cognito.UserPool(stack, "Pool");
  const stage = { ...stageConfig("dev"), sourceScopes: { "national-portal": scope, "literal-client-id": { ...scope, maxAgeDays: 7 } } };
  const clients = stage.sourceSystems.map((name) => pool.addClient(`Source-${name}`));
  const resolved = stack.resolve(sourceScopesEnvironment(stage, { sourceClients: clients })) as { "Fn::Join": [string, unknown[]] };

  it("puts the named system's client id in its place and keeps any other key as it is; the ingest parses the result", () => {
    const [sep, parts] = resolved["Fn::Join"];
    const text = parts.map((p) => (typeof p === "string" ? p : `client:${(p as { Ref: string }).Ref}`)).join(sep);
    const portal = (stack.resolve(clients[1]!.userPoolClientId) as { Ref: string }).Ref;
    expect(parseSourceScopes(text, "SOURCE_SCOPES")).toEqual({ [`client:${portal}`]: scope, "literal-client-id": { ...scope, maxAgeDays: 7 } });
  });

  it("is an empty object when no scopes are given", () => {
    expect(sourceScopesEnvironment({ ...stage, sourceScopes: {} }, { sourceClients: clients })).toBe("{}");
  });
});

describe("The synthesized ingest function (no scopes in context)", () => {
  const { dev } = synthesized().templates;
  const f = Object.entries(dev.findResources("AWS::Lambda::Function")).find(([id]) => id.startsWith("IngestApiHandler"))![1];

  it("carries SOURCE_SCOPES, empty: every source refused until the operator configures them", () => {
    expect(f["Properties"]["Environment"]["Variables"]["SOURCE_SCOPES"]).toBe("{}");
  });
});

describe("A synth warning when no source may post", () => {
  it("warns with the way to fix it, and not once scopes are given", () => {
    const app = testApp();
    const acl = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/scorecard/0f0e0d0c-0b0a-0908-0706-050403020100";
    const none = new ScorecardStack(app, "None", { config: stageConfig("dev"), webAclArn: acl, env: { region: "ap-southeast-1" } });
    const some = new ScorecardStack(app, "Some", { config: { ...stageConfig("dev"), sourceScopes: { "one-stop": scope } }, webAclArn: acl, env: { region: "ap-southeast-1" } });
    const warning = Match.stringLikeRegexp("No source scopes for dev.*-c sourceScopes=.*sourceScopesFile=");
    expect(Annotations.fromStack(none).findWarning("*", warning)).toHaveLength(1);
    expect(Annotations.fromStack(some).findWarning("*", warning)).toHaveLength(0);
  });
});
