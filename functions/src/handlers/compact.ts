import middy from "@middy/core";
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import type { Context } from "aws-lambda";
import { type CompactJobDeps, type CompactJobSummary, compactJob } from "../use-cases/jobs/compact-job.js";
import { compactJobDeps } from "./job-deps.js";

type CompactJobInput = { readonly job?: unknown; readonly source?: unknown } | null;

/**
 * The compaction job (EventBridge Scheduler, asynchronous): raw batches → curated_events with
 * Athena, complaint and catalog versions → their latest state (docs/adr/0007). Any failure is
 * thrown, so Lambda retries the run and then sends it to the job's dead-letter queue. Wiring only.
 */
export function makeCompactHandler<L>(deps: (context: Context) => CompactJobDeps<L>, logger = new Logger({ serviceName: "compact" })) {
  return middy<CompactJobInput, CompactJobSummary>()
    .use(injectLambdaContext(logger))
    .handler(async (event, context) => compactJob(deps(context), (level, message, detail) => logger[level](message, detail))(event, context.awsRequestId));
}

export const handler = makeCompactHandler(compactJobDeps);
