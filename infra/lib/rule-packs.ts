import { type App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks, ServerlessChecks } from "cdk-nag";

/**
 * The rule packs every synth runs (cdk-nag 3: validation plugins, not aspects). A finding that
 * is not acknowledged — in the construct that owns the resource, with a reason — fails synth.
 */
export function addRulePacks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }), new ServerlessChecks(app, { verbose: true }));
}
