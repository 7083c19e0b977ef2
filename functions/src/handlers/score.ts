import middy from "@middy/core";
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import type { Context } from "aws-lambda";
import { type ScoreJobDeps, type ScoreJobInput, type ScoreJobSummary, scoreJob } from "../use-cases/jobs/score-job.js";
import { scoreJobDeps } from "./job-deps.js";

/**
 * The score job (EventBridge Scheduler, asynchronous): `{"job":"score","source":"schedule"}` scores
 * the current periods in Viet Nam time; `{"periods":["2024-Q1"]}` scores the named ones. Any failure
 * is thrown, so Lambda retries the run and then sends it to the job's dead-letter queue. The
 * invocation's request id names the holder of the scoring lock. Wiring only.
 */
export function makeScoreHandler(deps: ScoreJobDeps, logger = new Logger({ serviceName: "score" })) {
  const run = scoreJob(deps, (level, message, detail) => logger[level](message, detail));
  return middy<ScoreJobInput, ScoreJobSummary>()
    .use(injectLambdaContext(logger))
    .handler(async (event, context) => run(event, context.awsRequestId));
}

let cached: ReturnType<typeof makeScoreHandler> | undefined;
export const handler = async (event: ScoreJobInput, context: Context) => {
  cached ??= makeScoreHandler(scoreJobDeps());
  return cached(event, context);
};
