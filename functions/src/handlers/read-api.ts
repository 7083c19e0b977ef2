import middy from "@middy/core";
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { routeKeysOf } from "@scorecard/shared/contracts/routes";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { problems } from "../http/middleware.js";
import { openApiDocument } from "../http/openapi.js";
import { HttpProblemError, jsonResponse, jsonTextResponse } from "../http/problem.js";
import { router } from "../http/router.js";
import { caseTimeline } from "../use-cases/read/case-timeline.js";
import { earlyWarningSummary, earlyWarnings } from "../use-cases/read/early-warnings.js";
import { readIndicatorList } from "../use-cases/read/read-lists.js";
import { type ReadDeps, readPublicMeta, readPublicRankingJson, readRanking, readUnitScorecard, readUnitYear } from "../use-cases/read/read-rankings.js";
import { readHeadRatings, readReformIndex } from "../use-cases/read/read-ratings.js";
import { publicRulesView } from "../use-cases/admin/rules.js";
import { lambdaDeps } from "./lambda-deps.js";

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
const PUBLIC_CACHE = { "cache-control": "public, max-age=60" };
const PRIVATE = { "cache-control": "private, no-store" };

const notFound = (detail: string) => new HttpProblemError(404, "NOT_FOUND", "Not found", detail);
const noSnapshot = (detail: string) => new HttpProblemError(404, "NO_SNAPSHOT", "Not found", detail);
const NO_RATINGS = (what: string, period: string, version: number | undefined) =>
  version === undefined
    ? new HttpProblemError(404, "NO_RATINGS", "Not found", `No ${what} has been computed for ${period} yet.`)
    : new HttpProblemError(404, "NO_RATINGS", "Not found", `No ${what} was frozen with published version ${version} of ${period}.`);

/**
 * The read API: one function, routed on API Gateway's routeKey (shared/src/contracts/routes.ts
 * authorizes the caller and validates the parameters first). Wiring only.
 */
export function makeReadHandler(deps: ReadDeps, logger = new Logger({ serviceName: "read-api" })) {
  const ranking = readRanking(deps);
  const publicRanking = readPublicRankingJson(deps);
  const meta = readPublicMeta(deps);
  const scorecard = readUnitScorecard(deps);
  const lists = readIndicatorList(deps);
  const openApi = openApiDocument();
  const warnings = earlyWarnings(deps);
  const year = readUnitYear(deps);
  const warningSummary = earlyWarningSummary(deps);
  const headRatings = readHeadRatings(deps);
  const reformIndex = readReformIndex(deps);
  const timeline = caseTimeline(deps);
  const knownUnit = (unitId: string) => {
    if (!deps.catalog.get(unitId)) throw notFound(`No unit ${unitId}.`);
  };
  const route = router<"read">({
    "GET /v1/health": async () => jsonResponse(200, { status: "ok" }),
    "GET /v1/openapi.json": async () => jsonResponse(200, openApi, PUBLIC_CACHE),
    "GET /v1/public/meta": async () => jsonResponse(200, await meta(), PUBLIC_CACHE),
    "GET /v1/public/rules": async () => {
      if (!deps.rules) throw notFound("No rules store.");
      return jsonResponse(200, await publicRulesView(deps.rules, deps.methodology), PUBLIC_CACHE);
    },
    "GET /v1/public/rankings": async ({ params: { period, tier } }) => {
      const found = await publicRanking(period, tier);
      if (found.period === undefined) throw noSnapshot("No period has been scored yet.");
      if (found.json === undefined) throw noSnapshot(`No ranking has been computed for ${found.period} / ${tier} yet.`);
      return jsonTextResponse(200, found.json, PUBLIC_CACHE);
    },
    "GET /v1/rankings": async ({ params: { period, tier } }) => {
      const view = await ranking(period, tier);
      if (!view) throw noSnapshot(`No ranking has been computed for ${period} / ${tier} yet.`);
      return jsonResponse(200, view, PRIVATE);
    },
    "GET /v1/units/{unitId}/scorecard": async ({ params: { unitId, period } }) => {
      const card = await scorecard(unitId, period);
      if (!card) throw notFound(`No scorecard for ${unitId} in that period.`);
      return jsonResponse(200, card, PRIVATE);
    },
    "GET /v1/units/{unitId}/trend": async ({ params }) => {
      const trend = await year(params.unitId, params.year);
      if (!trend) throw notFound(`No unit ${params.unitId}.`);
      return jsonResponse(200, trend, PRIVATE);
    },
    "GET /v1/units/{unitId}/warnings": async ({ params: { unitId } }) => {
      knownUnit(unitId);
      return jsonResponse(200, await warnings(unitId), PRIVATE);
    },
    "GET /v1/warnings": async () => jsonResponse(200, await warningSummary(), PRIVATE),
    // The use case checks the caller's right to the dossier itself (a unit officer: the same 403 whether or not it exists).
    "GET /v1/cases/{caseId}": async ({ principal, params: { caseId } }) => {
      const r = await timeline(principal, caseId);
      if (r.kind === "forbidden") throw new HttpProblemError(403, "FORBIDDEN", "Forbidden", "This credential may not do this.");
      if (r.kind === "not-found") throw notFound(`No dossier ${caseId} in the live record.`);
      return jsonResponse(200, r.timeline, PRIVATE);
    },
    // ——— heads of unit (methodology §6) and the reform index (§5): working values or a published version's ———
    "GET /v1/head-ratings": async ({ params: { period, tier, version } }) => {
      const doc = await headRatings(period, { tier, version });
      if (!doc) throw NO_RATINGS("head-of-unit rating", period, version);
      return jsonResponse(200, doc, PRIVATE);
    },
    "GET /v1/units/{unitId}/head-ratings": async ({ params: { unitId, period, version } }) => {
      knownUnit(unitId);
      const doc = await headRatings(period, { unitId, version });
      if (!doc) throw NO_RATINGS("head-of-unit rating", period, version);
      return jsonResponse(200, doc, PRIVATE);
    },
    "GET /v1/reform-index": async ({ params: { period, tier, version } }) => {
      const doc = await reformIndex(period, { tier, version });
      if (!doc) throw NO_RATINGS("reform index", period, version);
      return jsonResponse(200, doc, PRIVATE);
    },
    "GET /v1/units/{unitId}/reform-index": async ({ params: { unitId, period, version } }) => {
      knownUnit(unitId);
      const doc = await reformIndex(period, { unitId, version });
      if (!doc) throw NO_RATINGS("reform index", period, version);
      return jsonResponse(200, doc, PRIVATE);
    },
    // The records behind a number (issue 20, item 1): an indicator's numerator or denominator, or the period's dossiers.
    "GET /v1/units/{unitId}/cases": async ({ params: { unitId, period, indicator, part, status, page, limit } }) => {
      const r = await lists(unitId, period, { indicator, part, status, page, limit });
      if (r.kind === "not-found") throw notFound(r.detail);
      if (r.kind === "unknown-indicator") throw new HttpProblemError(422, "INVALID_PARAMETER", "Invalid request", r.detail);
      return jsonResponse(200, r.list, PRIVATE);
    },
  });
  return middy<Event, APIGatewayProxyResultV2>().use(injectLambdaContext(logger)).use(problems(logger)).handler(route);
}

/** The routes this handler serves (the local server and the tests list them from here). */
export const READ_ROUTES = routeKeysOf("read");

let cached: ReturnType<typeof makeReadHandler> | undefined;
export const handler = async (event: Event, context: Context) => {
  cached ??= makeReadHandler((await lambdaDeps()).read);
  return cached(event, context);
};
