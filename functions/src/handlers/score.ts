import middy from "@middy/core";
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import type { Context } from "aws-lambda";
import { type ScoreJobDeps, type ScoreJobInput, scoreJob } from "../use-cases/jobs/score-job.js";
import { type GroupResult, type ScoringRun, finishScoring, planScoring, scoreGroup } from "../use-cases/jobs/score-steps.js";
import { InvalidJobInputError } from "../use-cases/jobs/job-kit.js";
import { scoreJobDeps } from "./job-deps.js";

/**
 * What the scoring state machine sends (infra/lib/constructs/scoring-orchestration.ts), one step
 * per invocation: `plan` (with the execution's input — `{"job":"score","source":"schedule"}` or
 * `{"periods":["2024-Q1"]}` — and its name, the holder of the scoring lock), `group` (a group of
 * periods of the planned run) and `finish` (the Map's results). Without `step`: the whole run in
 * this invocation (scoreJob), as an operator may still invoke it for a period or two.
 */
export type ScoreEvent =
  | { readonly step: "plan"; readonly input?: ScoreJobInput | null; readonly owner: string }
  | { readonly step: "group"; readonly run: ScoringRun; readonly group: readonly string[] }
  | { readonly step: "finish"; readonly run: ScoringRun; readonly results: readonly GroupResult[] }
  | (ScoreJobInput & { readonly step?: undefined });

/** The score function's handler: each step is its use case (use-cases/jobs/score-steps.ts). Wiring only. */
export function makeScoreHandler(deps: ScoreJobDeps, logger = new Logger({ serviceName: "score" })) {
  const log = (level: "info" | "warn" | "error", message: string, detail: Record<string, unknown>) => logger[level](message, detail);
  const run = scoreJob(deps, log);
  const plan = planScoring(deps, log);
  const group = scoreGroup(deps, log);
  const finish = finishScoring(deps, log);
  return middy<ScoreEvent, unknown>()
    .use(injectLambdaContext(logger))
    .handler(async (event, context) => {
      const step = event?.step;
      if (step === undefined) return run(event as ScoreJobInput, context.awsRequestId);
      const e = event as Extract<ScoreEvent, { step: string }>;
      if (e.step === "plan") return plan(e.input, e.owner);
      if (e.step === "group") return group(e.run, e.group);
      if (e.step === "finish") return finish(e.run, e.results);
      throw new InvalidJobInputError(`unknown step ${JSON.stringify(step)}`);
    });
}

let cached: ReturnType<typeof makeScoreHandler> | undefined;
export const handler = async (event: ScoreEvent, context: Context) => {
  cached ??= makeScoreHandler(scoreJobDeps());
  return cached(event, context);
};
