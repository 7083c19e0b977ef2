import middy from "@middy/core";
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { RANKED_TIERS, isPeriodId } from "@scorecard/shared";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { problems } from "../http/middleware.js";
import { openApiDocument } from "../http/openapi.js";
import { HttpProblemError, jsonResponse } from "../http/problem.js";
import { type ReadDeps, readPublicMeta, readPublicRanking } from "../use-cases/read-rankings.js";
import { lambdaDeps } from "./lambda-deps.js";

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
const PUBLIC_CACHE = { "cache-control": "public, max-age=60" };

function queryParam(event: Event, name: string, valid: (v: string) => boolean, hint: string): string {
  const v = event.queryStringParameters?.[name];
  if (v === undefined || v === "") throw new HttpProblemError(422, "MISSING_PARAMETER", "Invalid request", `Query parameter "${name}" is required (${hint}).`);
  if (!valid(v)) throw new HttpProblemError(422, "INVALID_PARAMETER", "Invalid request", `Query parameter "${name}": ${hint}.`);
  return v;
}

/** The read API: one function, routed on API Gateway's routeKey. Wiring only. */
export function makeReadHandler(deps: ReadDeps, logger = new Logger({ serviceName: "read-api" })) {
  const ranking = readPublicRanking(deps);
  const meta = readPublicMeta(deps);
  const openApi = openApiDocument();
  const routes: Record<string, (e: Event) => Promise<APIGatewayProxyResultV2>> = {
    "GET /v1/health": async () => jsonResponse(200, { status: "ok" }),
    "GET /v1/openapi.json": async () => jsonResponse(200, openApi, PUBLIC_CACHE),
    "GET /v1/public/meta": async () => jsonResponse(200, await meta(), PUBLIC_CACHE),
    "GET /v1/public/rankings": async (e) => {
      const period = queryParam(e, "period", isPeriodId, "a period id such as 2024-03, 2024-Q1, 2024-H1 or 2024");
      const tier = queryParam(e, "tier", (t) => (RANKED_TIERS as readonly string[]).includes(t), `one of ${RANKED_TIERS.join(", ")}`);
      const snapshot = await ranking(period, tier);
      if (!snapshot) throw new HttpProblemError(404, "NO_SNAPSHOT", "Not found", `No ranking has been computed for ${period} / ${tier} yet.`);
      return jsonResponse(200, snapshot, PUBLIC_CACHE);
    },
  };
  return middy<Event, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger))
    .use(problems(logger))
    .handler(async (event) => {
      const route = routes[event.routeKey];
      if (!route) throw new HttpProblemError(404, "NOT_FOUND", "Not found", `No route ${event.routeKey}.`);
      return route(event);
    });
}

export const READ_ROUTES = ["GET /v1/health", "GET /v1/openapi.json", "GET /v1/public/meta", "GET /v1/public/rankings"] as const;

let cached: ReturnType<typeof makeReadHandler> | undefined;
export const handler = async (event: Event, context: Context) => {
  cached ??= makeReadHandler((await lambdaDeps()).read);
  return cached(event, context);
};
