import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import * as wafv2 from "aws-cdk-lib/aws-wafv2";
import type { Construct } from "constructs";
import type { StageConfig } from "./stage-config.js";

/** CloudFront's web ACLs live in us-east-1 whatever the region of the site (WAF scope CLOUDFRONT). */
export const EDGE_REGION = "us-east-1";

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({ cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });

/**
 * The rules of the site's web ACL (pure, so a test can read them): a rate-based rule per client IP
 * on `/v1/*` (blocked with 429 above the stage's count over 5 minutes; the static app and the public
 * JSON are cached and cheap), then AWS's managed common rule set (OWASP-style: bad bots' user
 * agents, path traversal, SSRF to the metadata service, XSS and SQL-like probes …) with one rule
 * counted instead of blocking: SizeRestrictions_BODY refuses bodies over 8 KB, and a survey import
 * (POST /v1/admin/survey) is larger — API Gateway (10 MB) and the handlers' JSON guards bound bodies.
 */
export function webAclRules(config: StageConfig): wafv2.CfnWebACL.RuleProperty[] {
  return [
    {
      name: "api-requests-per-ip",
      priority: 0,
      statement: {
        rateBasedStatement: {
          limit: config.edge.apiRequestsPer5MinPerIp,
          evaluationWindowSec: 300,
          aggregateKeyType: "IP",
          scopeDownStatement: {
            byteMatchStatement: { searchString: "/v1/", fieldToMatch: { uriPath: {} }, positionalConstraint: "STARTS_WITH", textTransformations: [{ priority: 0, type: "NONE" }] },
          },
        },
      },
      action: { block: { customResponse: { responseCode: 429 } } },
      visibilityConfig: visibility("api-requests-per-ip"),
    },
    {
      name: "aws-common-rule-set",
      priority: 1,
      statement: {
        managedRuleGroupStatement: {
          vendorName: "AWS",
          name: "AWSManagedRulesCommonRuleSet",
          ruleActionOverrides: [{ name: "SizeRestrictions_BODY", actionToUse: { count: {} } }],
        },
      },
      overrideAction: { none: {} },
      visibilityConfig: visibility("aws-common-rule-set"),
    },
  ];
}

export interface EdgeStackProps extends StackProps {
  readonly config: StageConfig;
}

/**
 * The small us-east-1 stack of a stage: the CloudFront web ACL (docs/adr/0102). The site's stack
 * (ap-southeast-1) reads its ARN through CDK's cross-region references (an SSM parameter written
 * here, read there by a custom resource), so `cdk deploy Scorecard-<stage>` deploys this one first.
 * The account must be bootstrapped in us-east-1 too.
 */
export class EdgeStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: EDGE_REGION }, crossRegionReferences: true });
    const { config } = props;
    this.webAcl = new wafv2.CfnWebACL(this, "WebAcl", {
      name: `scorecard-${config.stage}`,
      // CloudFormation allows letters, digits, spaces and =:#@/-,. only.
      description: `Scorecard ${config.stage} - CloudFront: the dashboard, its API and public JSON`,
      scope: "CLOUDFRONT",
      defaultAction: { allow: {} },
      rules: webAclRules(config),
      visibilityConfig: visibility(`scorecard-${config.stage}`),
    });
    new CfnOutput(this, "WebAclArn", { value: this.webAcl.attrArn });
  }
}
