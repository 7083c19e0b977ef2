import { Annotations, type App } from "aws-cdk-lib";
import { EdgeStack } from "./edge-stack.js";
import { ScorecardStack } from "./scorecard-stack.js";
import { type StageName, stageConfig, withContext } from "./stage-config.js";

/**
 * The stacks of each stage, as `cdk synth` and the tests build them: `ScorecardEdge-<stage>`
 * (us-east-1: CloudFront's web ACL) unless CDK context `webAclArn` names an existing ACL, then
 * `Scorecard-<stage>` in the stage's region. Operator settings come from CDK context (withContext).
 */
export function addStages(app: App, stages: readonly StageName[], account: string | undefined): { edge: Partial<Record<StageName, EdgeStack>>; main: Partial<Record<StageName, ScorecardStack>> } {
  const edge: Partial<Record<StageName, EdgeStack>> = {};
  const main: Partial<Record<StageName, ScorecardStack>> = {};
  for (const name of stages) {
    const config = withContext(stageConfig(name), (key) => app.node.tryGetContext(key));
    const tags = { project: "scorecard", stage: name };
    const edgeStack = config.edge.webAclArn
      ? undefined
      : (edge[name] = new EdgeStack(app, `ScorecardEdge-${name}`, { config, env: { account }, description: `Scorecard (${name}): CloudFront web ACL (us-east-1)`, tags }));
    main[name] = new ScorecardStack(app, `Scorecard-${name}`, {
      config,
      webAclArn: config.edge.webAclArn ?? edgeStack!.webAcl.attrArn,
      env: { account, region: config.region },
      crossRegionReferences: edgeStack !== undefined,
      description: `Scorecard (${name}): Dong Nai public-service performance observatory`,
      tags,
    });
    if (edgeStack) {
      Annotations.of(main[name]).acknowledgeWarning(
        "@aws-cdk/core:crossStackReferencesDefaultStrong",
        "Strong on purpose: the edge stack keeps the web ACL's ARN parameter while this stack reads it (the ACL cannot be swapped from under CloudFront).",
      );
    }
  }
  return { edge, main };
}
