import middy from "@middy/core";
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import type { Context } from "aws-lambda";
import { type IngestUpkeepDeps, type IngestUpkeepSummary, ingestUpkeep } from "../use-cases/jobs/ingest-upkeep.js";
import { lambdaDeps } from "./lambda-deps.js";

/**
 * Ingestion's upkeep (EventBridge Scheduler, every minute): drains the case-state outbox and
 * reconciles raw objects of batches cut short. Logs its summary (the outbox's lag is an alarm's
 * metric). A failure is thrown: the next minute's run goes on from the same state. Wiring only.
 */
export function makeIngestUpkeepHandler(deps: () => Promise<IngestUpkeepDeps>, logger = new Logger({ serviceName: "ingest-upkeep" })) {
  return middy<unknown, IngestUpkeepSummary>()
    .use(injectLambdaContext(logger))
    .handler(async (_event, context) => {
      const summary = await ingestUpkeep(await deps())(() => context.getRemainingTimeInMillis());
      logger.info("ingest upkeep", { ...summary });
      return summary;
    });
}

let cached: ReturnType<typeof makeIngestUpkeepHandler> | undefined;
export const handler = (event: unknown, context: Context) => (cached ??= makeIngestUpkeepHandler(async () => (await lambdaDeps()).upkeep))(event, context);
