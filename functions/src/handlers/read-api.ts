import { readHeadRatings, readReformIndex } from "../use-cases/read/read-ratings.js";
import middy from "@middy/core";
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { RANKED_TIERS, isPeriodId, parsePeriod } from "@scorecard/shared";
import type { Action } from "@scorecard/shared/auth/policy";
import type { LatestPeriod } from "@scorecard/shared/contracts/api";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { assertAllowed, principalOf, problems } from "../http/middleware.js";
import { openApiDocument } from "../http/openapi.js";
import { HttpProblemError, jsonResponse } from "../http/problem.js";
import { CASE_STATUSES_FOR_FILTER } from "../use-cases/read/case-rules.js";
import { earlyWarningSummary, earlyWarnings } from "../use-cases/read/early-warnings.js";
import { hasReformIndex } from "../use-cases/ratings/reform-index.js";
import { type ReadDeps, readUnitTrend, readPublicMeta, readPublicRanking, readRanking, readUnitCases, readUnitScorecard } from "../use-cases/read/read-rankings.js";
import { lambdaDeps } from "./lambda-deps.js";

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
const PUBLIC_CACHE = { "cache-control": "public, max-age=60" };
const PRIVATE = { "cache-control": "private, no-store" };
const UNIT_ID = /^[A-Z]+-[A-Z0-9]+(-\d{4,6})?$/;

function queryParam(event: Event, name: string, valid: (v: string) => boolean, hint: string): string {
  const v = event.queryStringParameters?.[name];
  if (v === undefined || v === "") throw new HttpProblemError(422, "MISSING_PARAMETER", "Invalid request", `Query parameter "${name}" is required (${hint}).`);
  if (!valid(v)) throw new HttpProblemError(422, "INVALID_PARAMETER", "Invalid request", `Query parameter "${name}": ${hint}.`);
  return v;
}
const periodParam = (e: Event) => queryParam(e, "period", isPeriodId, "a period id such as 2024-03, 2024-Q1, 2024-H1 or 2024");
const tierParam = (e: Event) => queryParam(e, "tier", (t) => (RANKED_TIERS as readonly string[]).includes(t), `one of ${RANKED_TIERS.join(", ")}`);
/** An optional tier filter: absent = every tier. */
const tierFilter = (e: Event) => (e.queryStringParameters?.["tier"] === undefined ? undefined : tierParam(e));
/** The reform index exists per half-year and year only (methodology §5). */
const reformPeriodParam = (e: Event) => {
  const period = periodParam(e);
  if (!hasReformIndex(parsePeriod(period))) throw new HttpProblemError(422, "INVALID_PARAMETER", "Invalid request", 'Query parameter "period": the reform index is set per half-year or year, such as 2024-H1 or 2024.');
  return period;
};
/** An optional published version (1, 2, …): the ratings frozen with it instead of the working ones. */
const versionFilter = (e: Event): { version?: number } =>
  e.queryStringParameters?.["version"] === undefined ? {} : { version: Number(queryParam(e, "version", (v) => /^[1-9]\d{0,5}$/.test(v), "a published version number such as 1")) };
const NO_RATINGS = (what: string, period: string, filter: { version?: number } = {}) =>
  filter.version === undefined
    ? new HttpProblemError(404, "NO_RATINGS", "Not found", `No ${what} has been computed for ${period} yet.`)
    : new HttpProblemError(404, "NO_RATINGS", "Not found", `No ${what} was frozen with published version ${filter.version} of ${period}.`);

/** Authorize first (403 whether or not the unit exists), then validate the id's shape. */
function unitParam(e: Event, action: Action): string {
  const unitId = e.pathParameters?.["unitId"] ?? "";
  assertAllowed(principalOf(e), action, { unitId });
  if (!UNIT_ID.test(unitId)) throw new HttpProblemError(422, "INVALID_PARAMETER", "Invalid request", "unitId is not a unit id.");
  return unitId;
}

/** The read API: one function, routed on API Gateway's routeKey. Wiring only. */
export function makeReadHandler(deps: ReadDeps, logger = new Logger({ serviceName: "read-api" })) {
  const ranking = readRanking(deps);
  const publicRanking = readPublicRanking(deps);
  const meta = readPublicMeta(deps);
  const scorecard = readUnitScorecard(deps);
  const cases = readUnitCases(deps);
  const openApi = openApiDocument();
  const warnings = earlyWarnings(deps);
  const trend = readUnitTrend(deps);
  const warningSummary = earlyWarningSummary(deps);
  const headRatings = readHeadRatings(deps);
  const reformIndex = readReformIndex(deps);
  const knownUnit = (unitId: string) => {
    if (!deps.catalog.get(unitId)) throw new HttpProblemError(404, "NOT_FOUND", "Not found", `No unit ${unitId}.`);
  };
  const publicBodies = new WeakMap<object, APIGatewayProxyStructuredResultV2>();
  const snapshotOr404 = async (period: string, tier: string, read = ranking) => {
    const s = await read(period, tier);
    if (!s) throw new HttpProblemError(404, "NO_SNAPSHOT", "Not found", `No ranking has been computed for ${period} / ${tier} yet.`);
    return s;
  };
  const routes: Record<string, (e: Event) => Promise<APIGatewayProxyResultV2>> = {
    "GET /v1/health": async () => jsonResponse(200, { status: "ok" }),
    "GET /v1/openapi.json": async () => jsonResponse(200, openApi, PUBLIC_CACHE),
    "GET /v1/public/meta": async () => jsonResponse(200, await meta(), PUBLIC_CACHE),
    "GET /v1/public/rankings": async (e) => {
      // period=latest: the newest scored period, the first of /v1/public/meta's (shared LatestPeriod).
      const latest: LatestPeriod = "latest";
      const period = e.queryStringParameters?.["period"] === latest ? null : periodParam(e);
      const tier = tierParam(e);
      const asked = period ?? (await meta()).periods[0];
      if (asked === undefined) throw new HttpProblemError(404, "NO_SNAPSHOT", "Not found", "No period has been scored yet.");
      // A large tier's ranking is ~0.5 MB of JSON: serialise each view once (same view object ⇒ same body).
      const view = await snapshotOr404(asked, tier, publicRanking);
      let response = publicBodies.get(view);
      if (!response) {
        response = jsonResponse(200, view, PUBLIC_CACHE) as APIGatewayProxyStructuredResultV2;
        publicBodies.set(view, response);
      }
      return { ...response, headers: { ...response.headers } };
    },
    "GET /v1/rankings": async (e) => {
      assertAllowed(principalOf(e), "rankings:read");
      return jsonResponse(200, await snapshotOr404(periodParam(e), tierParam(e)), PRIVATE);
    },
    "GET /v1/units/{unitId}/scorecard": async (e) => {
      const unitId = unitParam(e, "unit:read");
      const card = await scorecard(unitId, periodParam(e));
      if (!card) throw new HttpProblemError(404, "NOT_FOUND", "Not found", `No scorecard for ${unitId} in that period.`);
      return jsonResponse(200, card, PRIVATE);
    },
    "GET /v1/units/{unitId}/trend": async (e) => {
      const unitId = unitParam(e, "unit:read");
      const year = queryParam(e, "year", (y) => /^20\d\d$/.test(y), "a year such as 2025");
      const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
      const points = await trend(unitId, months);
      if (!points) throw new HttpProblemError(404, "NOT_FOUND", "Not found", `No unit ${unitId}.`);
      return jsonResponse(200, { unitId, year: Number(year), methodology: deps.methodology, points }, PRIVATE);
    },
    "GET /v1/units/{unitId}/warnings": async (e) => {
      const unitId = unitParam(e, "warnings:read");
      if (!deps.catalog.get(unitId)) throw new HttpProblemError(404, "NOT_FOUND", "Not found", `No unit ${unitId}.`);
      return jsonResponse(200, await warnings(unitId), PRIVATE);
    },
    "GET /v1/warnings": async (e) => {
      assertAllowed(principalOf(e), "heads:read"); // province-wide view: chairman and Home Affairs
      return jsonResponse(200, await warningSummary(), PRIVATE);
    },
    // ——— heads of unit (methodology §6) and the reform index (§5): signed-in only, working values or a published version's ———
    "GET /v1/head-ratings": async (e) => {
      assertAllowed(principalOf(e), "heads:read"); // province-wide: chairman and Home Affairs
      const period = periodParam(e);
      const version = versionFilter(e);
      const doc = await headRatings(period, { tier: tierFilter(e), ...version });
      if (!doc) throw NO_RATINGS("head-of-unit rating", period, version);
      return jsonResponse(200, doc, PRIVATE);
    },
    "GET /v1/units/{unitId}/head-ratings": async (e) => {
      const unitId = unitParam(e, "unit:heads:read");
      knownUnit(unitId);
      const period = periodParam(e);
      const version = versionFilter(e);
      const doc = await headRatings(period, { unitId, ...version });
      if (!doc) throw NO_RATINGS("head-of-unit rating", period, version);
      return jsonResponse(200, doc, PRIVATE);
    },
    "GET /v1/reform-index": async (e) => {
      assertAllowed(principalOf(e), "reform:read");
      const period = reformPeriodParam(e);
      const version = versionFilter(e);
      const doc = await reformIndex(period, { tier: tierFilter(e), ...version });
      if (!doc) throw NO_RATINGS("reform index", period, version);
      return jsonResponse(200, doc, PRIVATE);
    },
    "GET /v1/units/{unitId}/reform-index": async (e) => {
      const unitId = unitParam(e, "unit:reform:read");
      knownUnit(unitId);
      const period = reformPeriodParam(e);
      const version = versionFilter(e);
      const doc = await reformIndex(period, { unitId, ...version });
      if (!doc) throw NO_RATINGS("reform index", period, version);
      return jsonResponse(200, doc, PRIVATE);
    },
    "GET /v1/units/{unitId}/cases": async (e) => {
      const unitId = unitParam(e, "unit:cases:read");
      const period = periodParam(e);
      const status = e.queryStringParameters?.["status"];
      if (status !== undefined && !CASE_STATUSES_FOR_FILTER.includes(status)) {
        throw new HttpProblemError(422, "INVALID_PARAMETER", "Invalid request", `status: one of ${CASE_STATUSES_FOR_FILTER.join(", ")}.`);
      }
      const rows = await cases(unitId, period, status);
      if (!rows) throw new HttpProblemError(404, "NOT_FOUND", "Not found", `No dossiers recorded for ${unitId} in ${period}.`);
      return jsonResponse(200, { unitId, period, methodology: deps.methodology, indicator: "P1", cases: rows }, PRIVATE);
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

export const READ_ROUTES = [
  "GET /v1/health",
  "GET /v1/openapi.json",
  "GET /v1/public/meta",
  "GET /v1/public/rankings",
  "GET /v1/rankings",
  "GET /v1/units/{unitId}/scorecard",
  "GET /v1/units/{unitId}/cases",
  "GET /v1/units/{unitId}/warnings",
  "GET /v1/units/{unitId}/trend",
  "GET /v1/warnings",
  "GET /v1/head-ratings",
  "GET /v1/units/{unitId}/head-ratings",
  "GET /v1/reform-index",
  "GET /v1/units/{unitId}/reform-index",
] as const;

let cached: ReturnType<typeof makeReadHandler> | undefined;
export const handler = async (event: Event, context: Context) => {
  cached ??= makeReadHandler((await lambdaDeps()).read);
  return cached(event, context);
};
