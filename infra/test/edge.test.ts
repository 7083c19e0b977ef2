import { describe, expect, it } from "vitest";
import { webAclRules } from "../lib/edge-stack.js";
import { stageConfig } from "../lib/stage-config.js";
import { ORIGIN_VERIFY_HEADER, originVerified } from "../lib/edge/origin-verify.js";
import { resource } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const { edge, templates } = synthesized();

describe("Edge: the CloudFront web ACL (us-east-1)", () => {
  const acl = (stage: "dev" | "prod") => resource(edge[stage], "AWS::WAFv2::WebACL", "WebAcl").Properties as Record<string, unknown> & { Rules: Array<Record<string, unknown>> };

  it("is a CLOUDFRONT-scope ACL that lets through what no rule blocks", () => {
    expect(acl("prod")).toMatchObject({ Scope: "CLOUDFRONT", DefaultAction: { Allow: {} }, Name: "scorecard-prod" });
  });

  it("blocks a client IP above the stage's count of /v1/ requests in 5 minutes with 429 (prod 2 000, dev 500)", () => {
    for (const [stage, limit] of [["prod", 2000], ["dev", 500]] as const) {
      const rule = acl(stage).Rules.find((r) => r["Name"] === "api-requests-per-ip")!;
      expect(rule).toMatchObject({
        Priority: 0,
        Action: { Block: { CustomResponse: { ResponseCode: 429 } } },
        Statement: {
          RateBasedStatement: {
            Limit: limit,
            EvaluationWindowSec: 300,
            AggregateKeyType: "IP",
            ScopeDownStatement: { ByteMatchStatement: { SearchString: "/v1/", FieldToMatch: { UriPath: {} }, PositionalConstraint: "STARTS_WITH" } },
          },
        },
      });
    }
  });

  it("runs AWS's managed common rule set, counting only the 8 KB body rule (survey imports are larger)", () => {
    const rule = acl("prod").Rules.find((r) => r["Name"] === "aws-common-rule-set")!;
    expect(rule).toMatchObject({
      Priority: 1,
      OverrideAction: { None: {} },
      Statement: { ManagedRuleGroupStatement: { VendorName: "AWS", Name: "AWSManagedRulesCommonRuleSet", RuleActionOverrides: [{ Name: "SizeRestrictions_BODY", ActionToUse: { Count: {} } }] } },
    });
  });

  it("has exactly these two rules (a rule added here is a cost and a decision: docs/cost-estimate.md, docs/adr/0102)", () => {
    expect(webAclRules(stageConfig("prod")).map((r) => r.name)).toEqual(["api-requests-per-ip", "aws-common-rule-set"]);
  });

  it("lives in us-east-1 and is read by the site's stack across regions", () => {
    expect(JSON.stringify(templates.dev.toJSON())).toContain("Custom::CrossRegionExportReader");
    expect(JSON.stringify(edge.dev.toJSON())).toContain("/cdk/exports/Scorecard-dev/");
  });
});

describe("Edge: the origin check of the read API's public routes", () => {
  const secret = "k".repeat(48);

  it("lets through a request that carries CloudFront's header with the secret", () => {
    expect(originVerified({ [ORIGIN_VERIFY_HEADER]: secret }, secret)).toBe(true);
  });

  it.each([
    ["no header", {}],
    ["another value of the same length", { [ORIGIN_VERIFY_HEADER]: "j".repeat(48) }],
    ["a prefix of the secret", { [ORIGIN_VERIFY_HEADER]: secret.slice(0, 47) }],
    ["the secret and more", { [ORIGIN_VERIFY_HEADER]: `${secret}x` }],
    ["an empty value", { [ORIGIN_VERIFY_HEADER]: "" }],
  ])("refuses %s", (_what, headers) => {
    expect(originVerified(headers, secret)).toBe(false);
  });

  it("refuses everything when the secret is missing or short (a misconfigured function fails closed)", () => {
    expect(originVerified({ [ORIGIN_VERIFY_HEADER]: "" }, undefined)).toBe(false);
    expect(originVerified({ [ORIGIN_VERIFY_HEADER]: "abc" }, "abc")).toBe(false);
  });
});
