import { App } from "aws-cdk-lib";
import { addStages } from "../lib/app-stages.js";
import { addRulePacks } from "../lib/rule-packs.js";
import { STAGES, isStageName } from "../lib/stage-config.js";

// `cdk synth` builds every stage; `-c stage=prod` builds one. Operator settings, also as context:
// -c alarmEmails=a@x,b@y -c earliestMonth=2018-01 -c webAclArn=arn:aws:wafv2:us-east-1:… (lib/stage-config.ts withContext).
const app = new App();
addRulePacks(app);
const only = app.node.tryGetContext("stage") as unknown;
if (only !== undefined && !isStageName(only)) throw new Error(`unknown stage "${String(only)}" (dev | prod)`);
addStages(app, only ? [only] : STAGES, process.env["CDK_DEFAULT_ACCOUNT"]);
app.synth();
