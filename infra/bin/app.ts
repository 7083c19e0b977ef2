import { App } from "aws-cdk-lib";
import { addRulePacks } from "../lib/rule-packs.js";
import { ScorecardStack } from "../lib/scorecard-stack.js";
import { STAGES, isStageName, stageConfig, withContext } from "../lib/stage-config.js";

// `cdk synth` builds every stage; `-c stage=prod` builds one.
const app = new App();
addRulePacks(app);
const only = app.node.tryGetContext("stage") as unknown;
if (only !== undefined && !isStageName(only)) throw new Error(`unknown stage "${String(only)}" (dev | prod)`);
for (const name of only ? [only] : STAGES) {
  // Operator settings from CDK context: -c alarmEmails=a@x,b@y -c earliestMonth=2018-01 -c webAclArn=arn:…
  const config = withContext(stageConfig(name), (key) => app.node.tryGetContext(key));
  new ScorecardStack(app, `Scorecard-${name}`, {
    config,
    env: { account: process.env["CDK_DEFAULT_ACCOUNT"], region: config.region },
    description: `Scorecard (${name}): Dong Nai public-service performance observatory`,
    tags: { project: "scorecard", stage: name },
  });
}
app.synth();
