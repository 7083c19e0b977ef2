import middy from "@middy/core";
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from "aws-lambda";
import { parseEventBatch } from "../http/batch-body.js";
import { idempotencyKey } from "../http/idempotency-key.js";
import { problems, requireAction } from "../http/middleware.js";
import type { IdempotencyStore } from "../ports/index.js";
import { jsonResponse } from "../http/problem.js";
import { type IngestDeps, ingestEvents } from "../use-cases/ingest-events.js";
import { lambdaDeps } from "./lambda-deps.js";

/** `POST /v1/events`: wiring only — auth, body parsing, the use case, errors as problems. */
export function makeIngestHandler(deps: IngestDeps & { idempotency: IdempotencyStore }, logger = new Logger({ serviceName: "ingest" })) {
  const ingest = ingestEvents(deps);
  return middy<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger))
    .use(problems(logger))
    .use(requireAction("events:write"))
    .use(idempotencyKey(deps.idempotency))
    .handler(async (event) => jsonResponse(200, await ingest(parseEventBatch(event))));
}

let cached: ReturnType<typeof makeIngestHandler> | undefined;
/** The Lambda entry point (dependencies from the environment, created once per cold start). */
export const handler = async (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: import("aws-lambda").Context) => {
  cached ??= makeIngestHandler((await lambdaDeps()).ingest);
  return cached(event, context);
};
