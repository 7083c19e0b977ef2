import type { IdempotencyStore } from "../ports/ingest.js";
import middy from "@middy/core";
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import type { IngestResponse, RecordsResponse } from "@scorecard/shared/contracts/ingest";
import { ROUTES, type RouteKeyOf, routeKeysOf } from "@scorecard/shared/contracts/routes";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from "aws-lambda";
import { parseBatch, parseEventBatch } from "../http/batch-body.js";
import { type RecordDeps, ingestRecords } from "../use-cases/ingest/ingest-records.js";
import { idempotencyKey } from "../http/idempotency-key.js";
import { problems, requireAction } from "../http/middleware.js";
import { sourceScope, sourceScopeOf } from "../http/source-scope.js";
import type { SourceScopes } from "@scorecard/shared/contracts/source-scope";
import { jsonResponse } from "../http/problem.js";
import { type IngestDeps, ingestEvents } from "../use-cases/ingest/ingest-events.js";
import { lambdaDeps } from "./lambda-deps.js";

/** `POST /v1/events`: wiring only — auth (the route's action), body parsing, the use case, errors as problems. */
export function makeIngestHandler(deps: IngestDeps & { idempotency: IdempotencyStore; scopes: SourceScopes }, logger = new Logger({ serviceName: "ingest" })) {
  const ingest = ingestEvents(deps);
  return middy<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger))
    .use(problems(logger))
    .use(requireAction(ROUTES["POST /v1/events"].action))
    .use(sourceScope(deps.scopes, "events"))
    .use(idempotencyKey(deps.idempotency))
    .handler(async (event, context) => {
      const scope = sourceScopeOf(event);
      const answer = (await ingest(parseEventBatch(event), { remainingMs: () => context.getRemainingTimeInMillis(), ...(scope ? { scope } : {}) })) satisfies IngestResponse;
      // Events answered `retry` were not stored: the answer says when to send them again, and is not
      // kept under the Idempotency-Key (the same request re-runs; what was stored comes back as duplicates).
      return jsonResponse(200, answer, answer.retry > 0 ? { "retry-after": "1" } : {});
    });
}

/** `POST /v1/complaints` and `POST /v1/catalog`: the same chain over the record use case. */
export function makeRecordsHandler(deps: RecordDeps & { idempotency: IdempotencyStore; scopes: SourceScopes }, kind: "complaints" | "procedures", logger = new Logger({ serviceName: `ingest-${kind}` })) {
  const ingest = ingestRecords(deps, kind);
  const key: RouteKeyOf<"ingest"> = kind === "complaints" ? "POST /v1/complaints" : "POST /v1/catalog";
  return middy<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger))
    .use(problems(logger))
    .use(requireAction(ROUTES[key].action))
    .use(sourceScope(deps.scopes, kind))
    .use(idempotencyKey(deps.idempotency))
    .handler(async (event) => jsonResponse(200, (await ingest(parseBatch(event, kind))) satisfies RecordsResponse));
}

/** The routes this handler serves. */
export const INGEST_ROUTES = routeKeysOf("ingest");

let cached: ReturnType<typeof makeIngestHandler> | undefined;
/** The Lambda entry point (dependencies from the environment, created once per cold start). */
let cachedComplaints: ReturnType<typeof makeRecordsHandler> | undefined;
let cachedCatalog: ReturnType<typeof makeRecordsHandler> | undefined;
export const handler = async (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: import("aws-lambda").Context) => {
  const deps = (await lambdaDeps()).ingest;
  if (event.routeKey === "POST /v1/complaints") return (cachedComplaints ??= makeRecordsHandler(deps, "complaints"))(event, context);
  if (event.routeKey === "POST /v1/catalog") return (cachedCatalog ??= makeRecordsHandler(deps, "procedures"))(event, context);
  cached ??= makeIngestHandler(deps);
  return cached(event, context);
};
