import type { Actor } from "../ports/admin.js";
import middy from "@middy/core";
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { RANKED_TIERS, isPeriodId } from "@scorecard/shared";
import type { Action, Principal } from "@scorecard/shared/auth/policy";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { CRITERION, FINDING_ID, HEAD_ID, UNIT_ID, appraisalSchema, conclusionSchema, csvBody, etag, expectedVersion, findingCreateSchema, findingUpdateSchema, headSchema, jsonBody, publishSchema, ratingsRefreshSchema } from "../http/admin-request.js";
import { assertAllowed, principalOf, problems } from "../http/middleware.js";
import { HttpProblemError, SECURITY_HEADERS, jsonResponse } from "../http/problem.js";
import { exportAuditCsv, readAudit } from "../use-cases/admin/audit.js";
import { type AdminDeps, AdminError, type AdminErrorCode } from "../use-cases/admin/common.js";
import { appraiseCriterion, getCriterion, listCriteria } from "../use-cases/admin/criteria.js";
import { concludeFinding, createFinding, getFinding, listFindings, updateFinding } from "../use-cases/admin/findings.js";
import { appraiseHeadGeneral, getHeadGeneral } from "../use-cases/admin/head-general.js";
import { addHead, getUnitHeads, listAllHeads, updateHead } from "../use-cases/admin/heads.js";
import { type Changed, refreshAfterChange } from "../use-cases/ratings/ratings.js";
import { listPublications, publishPeriod, readFrozen } from "../use-cases/admin/publish.js";
import { importSurvey, listSurvey, parseSurveyCsv } from "../use-cases/admin/survey.js";
import { lambdaDeps } from "./lambda-deps.js";

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
type Route = (e: Event) => Promise<APIGatewayProxyResultV2>;

/** AdminError → HTTP, in one place (docs/api-admin.md). */
const STATUS: Readonly<Record<AdminErrorCode, number>> = {
  NOT_FOUND: 404,
  INVALID: 422,
  VERSION_CONFLICT: 409,
  INSPECTION_LOCKED: 409,
  CRITERION_LOCKED: 409,
  ALREADY_EXISTS: 409,
  CONCURRENT_CHANGE: 409,
  PUBLISH_CONFLICT: 409,
  NO_DRAFT: 409,
  NO_CHANGES: 409,
};

const toProblem = (e: AdminError) =>
  new HttpProblemError(STATUS[e.code], e.code === "INVALID" ? (e.errors?.[0]?.code === "MALFORMED_CSV" ? "MALFORMED_CSV" : "INVALID_CONTENT") : e.code, e.code === "INVALID" ? "Invalid request" : STATUS[e.code] === 404 ? "Not found" : "Conflict", e.message, {}, e.errors);

const actorOf = (p: Principal): Actor => ({ sub: p.sub, role: p.role });

/** Authorize first (403 whether or not the object exists), then read the caller. */
function allowed(e: Event, action: Action, unitId?: string): Actor {
  const p = principalOf(e);
  assertAllowed(p, action, unitId ? { unitId } : {});
  return actorOf(p);
}

function pathParam(e: Event, name: string, pattern: RegExp | ((v: string) => boolean)): string {
  const v = e.pathParameters?.[name] ?? "";
  const ok = typeof pattern === "function" ? pattern(v) : pattern.test(v);
  if (!ok) throw new HttpProblemError(422, "INVALID_PARAMETER", "Invalid request", `${name} is not valid.`);
  return v;
}

function query(e: Event, name: string, valid: (v: string) => boolean, hint: string, required: boolean): string | undefined {
  const v = e.queryStringParameters?.[name];
  if (v === undefined || v === "") {
    if (required) throw new HttpProblemError(422, "MISSING_PARAMETER", "Invalid request", `Query parameter "${name}" is required (${hint}).`);
    return undefined;
  }
  if (!valid(v)) throw new HttpProblemError(422, "INVALID_PARAMETER", "Invalid request", `Query parameter "${name}": ${hint}.`);
  return v;
}
const periodQuery = (e: Event) => query(e, "period", isPeriodId, "a period id such as 2024-H1", true) as string;
const INSTANT_SHAPE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/;
/** The shape, and a real calendar day and time (not 2024-02-30, not T99:99). */
const INSTANT = { test: (v: string) => INSTANT_SHAPE.test(v) && !Number.isNaN(Date.parse(v)) && new Date(`${v.slice(0, 10)}T00:00:00Z`).toISOString().startsWith(v.slice(0, 10)) };
const PRIVATE = { "cache-control": "private, no-store" };

/** The Home Affairs workspace API (issue 6): one function, routed on API Gateway's routeKey. Wiring only. */
export function makeAdminHandler(deps: AdminDeps, logger = new Logger({ serviceName: "admin-api" })) {
  /**
   * After a change that feeds them (general criteria, a concluded finding, a manual criterion, a
   * survey import), the period's head ratings and reform index are recomputed (no SQL). The change
   * itself is committed: a failure here is logged and healed by the next scoring run.
   */
  const rerate = async (periods: readonly string[], changed: Changed = {}) => {
    try {
      await refreshAfterChange(deps)(periods, changed);
    } catch (err) {
      logger.warn("ratings not refreshed after a Home Affairs change", { periods, error: (err as Error).message });
    }
  };
  const routes: Record<string, Route> = {
    // ——— inspection findings ———
    "GET /v1/admin/findings": async (e) => {
      allowed(e, "findings:read");
      const unitId = query(e, "unitId", (v) => UNIT_ID.test(v), "a unit id", false);
      return jsonResponse(200, { findings: await listFindings(deps)(periodQuery(e), unitId) }, PRIVATE);
    },
    "POST /v1/admin/findings": async (e) => {
      const actor = allowed(e, "findings:write");
      const { finding, created } = await createFinding(deps)(actor, jsonBody(e, findingCreateSchema));
      return jsonResponse(created ? 201 : 200, finding, { ...PRIVATE, ...etag(finding.version), location: `/v1/admin/findings/${encodeURIComponent(finding.findingId)}` });
    },
    "GET /v1/admin/findings/{findingId}": async (e) => {
      allowed(e, "findings:read");
      const f = await getFinding(deps)(pathParam(e, "findingId", FINDING_ID));
      return jsonResponse(200, f, { ...PRIVATE, ...etag(f.version) });
    },
    "PUT /v1/admin/findings/{findingId}": async (e) => {
      const actor = allowed(e, "findings:write");
      const id = pathParam(e, "findingId", FINDING_ID);
      const { version, ...input } = jsonBody(e, findingUpdateSchema);
      const f = await updateFinding(deps)(actor, id, expectedVersion(e, version), input);
      return jsonResponse(200, f, { ...PRIVATE, ...etag(f.version) });
    },
    "POST /v1/admin/findings/{findingId}/conclude": async (e) => {
      const actor = allowed(e, "findings:conclude");
      const id = pathParam(e, "findingId", FINDING_ID);
      const { version, ...input } = jsonBody(e, conclusionSchema);
      const f = await concludeFinding(deps)(actor, id, expectedVersion(e, version), input);
      await rerate([f.period], { findingId: id });
      return jsonResponse(200, f, { ...PRIVATE, ...etag(f.version) });
    },
    // ——— manual criteria and the survey ———
    "GET /v1/admin/criteria/{unitId}/{period}": async (e) => {
      allowed(e, "findings:read");
      return jsonResponse(200, { criteria: await listCriteria(deps)(pathParam(e, "unitId", UNIT_ID), pathParam(e, "period", isPeriodId)) }, PRIVATE);
    },
    "GET /v1/admin/criteria/{unitId}/{period}/{criterion}": async (e) => {
      allowed(e, "findings:read");
      const c = await getCriterion(deps)(pathParam(e, "unitId", UNIT_ID), pathParam(e, "period", isPeriodId), pathParam(e, "criterion", CRITERION));
      return jsonResponse(200, c, { ...PRIVATE, ...etag(c.version) });
    },
    "PUT /v1/admin/criteria/{unitId}/{period}/{criterion}": async (e) => {
      const actor = allowed(e, "criteria:write");
      const unitId = pathParam(e, "unitId", UNIT_ID);
      const period = pathParam(e, "period", isPeriodId);
      const criterion = pathParam(e, "criterion", CRITERION);
      const { version, ...input } = jsonBody(e, appraisalSchema);
      const c = await appraiseCriterion(deps)(actor, unitId, period, criterion, expectedVersion(e, version), input);
      await rerate([c.period], { unitId });
      return jsonResponse(200, c, { ...PRIVATE, ...etag(c.version) });
    },
    "POST /v1/admin/survey": async (e) => {
      const actor = allowed(e, "survey:import");
      const text = csvBody(e);
      const report = await importSurvey(deps)(actor, text);
      await rerate(parseSurveyCsv(deps, text).map((r) => r.period));
      return jsonResponse(200, report, PRIVATE);
    },
    "GET /v1/admin/survey": async (e) => {
      allowed(e, "findings:read");
      return jsonResponse(200, { results: await listSurvey(deps)(periodQuery(e)) }, PRIVATE);
    },
    // ——— heads of unit ———
    "GET /v1/admin/heads": async (e) => {
      allowed(e, "heads:read");
      return jsonResponse(200, { units: await listAllHeads(deps)() }, PRIVATE);
    },
    "GET /v1/admin/units/{unitId}/heads": async (e) => {
      allowed(e, "heads:read");
      const r = await getUnitHeads(deps)(pathParam(e, "unitId", UNIT_ID));
      return jsonResponse(200, r, { ...PRIVATE, ...etag(r.version) });
    },
    "POST /v1/admin/units/{unitId}/heads": async (e) => {
      const actor = allowed(e, "heads:write");
      const unitId = pathParam(e, "unitId", UNIT_ID);
      const { version: _ignored, ...input } = jsonBody(e, headSchema);
      const { roster, headId } = await addHead(deps)(actor, unitId, input);
      return jsonResponse(201, { ...roster, headId }, { ...PRIVATE, ...etag(roster.version), location: `/v1/admin/units/${unitId}/heads/${headId}` });
    },
    "PUT /v1/admin/units/{unitId}/heads/{headId}": async (e) => {
      const actor = allowed(e, "heads:write");
      const unitId = pathParam(e, "unitId", UNIT_ID);
      const headId = pathParam(e, "headId", HEAD_ID);
      const { version, ...input } = jsonBody(e, headSchema);
      const r = await updateHead(deps)(actor, unitId, headId, expectedVersion(e, version), input);
      return jsonResponse(200, r, { ...PRIVATE, ...etag(r.version) });
    },
    // ——— general criteria of a head (methodology §6, 30 points) and the ratings ———
    "GET /v1/admin/units/{unitId}/heads/{headId}/general/{period}": async (e) => {
      allowed(e, "heads:read");
      const g = await getHeadGeneral(deps)(pathParam(e, "unitId", UNIT_ID), pathParam(e, "headId", HEAD_ID), pathParam(e, "period", isPeriodId));
      return jsonResponse(200, g, { ...PRIVATE, ...etag(g.version) });
    },
    "PUT /v1/admin/units/{unitId}/heads/{headId}/general/{period}": async (e) => {
      const actor = allowed(e, "heads:write");
      const unitId = pathParam(e, "unitId", UNIT_ID);
      const headId = pathParam(e, "headId", HEAD_ID);
      const period = pathParam(e, "period", isPeriodId);
      const { version, ...input } = jsonBody(e, appraisalSchema);
      const g = await appraiseHeadGeneral(deps)(actor, unitId, headId, period, expectedVersion(e, version), input);
      await rerate([g.period], { unitId });
      return jsonResponse(200, g, { ...PRIVATE, ...etag(g.version) });
    },
    "POST /v1/admin/ratings": async (e) => {
      allowed(e, "score:run");
      const { period } = jsonBody(e, ratingsRefreshSchema);
      if (!isPeriodId(period)) throw new HttpProblemError(422, "INVALID_CONTENT", "Invalid request", "period: a period id such as 2024-H1.");
      const done = await refreshAfterChange(deps)([period]);
      if (done.length === 0) throw new HttpProblemError(409, "NO_DRAFT", "Conflict", `${period} has not been scored yet: nothing to rate.`);
      return jsonResponse(200, { period: done[0], refreshed: true }, PRIVATE);
    },
    // ——— publishing ———
    "POST /v1/admin/publish": async (e) => {
      const actor = allowed(e, "publish");
      const { period } = jsonBody(e, publishSchema);
      if (!isPeriodId(period)) throw new HttpProblemError(422, "INVALID_CONTENT", "Invalid request", "period: a period id such as 2024-H1.");
      const p = await publishPeriod(deps)(actor, period);
      return jsonResponse(201, p, { ...PRIVATE, location: `/v1/admin/publications/${p.period}/${p.version}` });
    },
    "GET /v1/admin/publications": async (e) => {
      allowed(e, "rankings:read");
      return jsonResponse(200, await listPublications(deps)(periodQuery(e)), PRIVATE);
    },
    "GET /v1/admin/publications/{period}/{version}": async (e) => {
      allowed(e, "rankings:read");
      const period = pathParam(e, "period", isPeriodId);
      const version = Number(pathParam(e, "version", /^[1-9]\d{0,5}$/));
      const tier = query(e, "tier", (t) => (RANKED_TIERS as readonly string[]).includes(t) || t === "VERTICAL", "a tier", true) as string;
      // The frozen text as stored, byte for byte.
      return { statusCode: 200, headers: { ...SECURITY_HEADERS, ...PRIVATE, "content-type": "application/json; charset=utf-8" }, body: await readFrozen(deps)(period, version, tier) };
    },
    // ——— audit ———
    "GET /v1/admin/audit": async (e) => {
      allowed(e, "audit:read");
      const limit = Number(query(e, "limit", (v) => /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 200, "1 to 200", false) ?? 50);
      const cursor = query(e, "cursor", (v) => v.length <= 200 && /^[0-9T:.Z#a-z:/A-Z_-]+$/.test(v), "the next cursor of a previous page", false);
      const from = query(e, "from", (v) => INSTANT.test(v), "an ISO date or instant", false);
      const to = query(e, "to", (v) => INSTANT.test(v), "an ISO date or instant", false);
      return jsonResponse(200, await readAudit(deps)({ limit, cursor, from, to }), PRIVATE);
    },
    "GET /v1/admin/audit.csv": async (e) => {
      const actor = allowed(e, "audit:export");
      const from = query(e, "from", (v) => INSTANT.test(v), "an ISO date or instant", false);
      const to = query(e, "to", (v) => INSTANT.test(v), "an ISO date or instant", false);
      const { csv } = await exportAuditCsv(deps)(actor, { from, to });
      return {
        statusCode: 200,
        headers: { ...SECURITY_HEADERS, ...PRIVATE, "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="scorecard-audit.csv"' },
        body: csv,
      };
    },
  };
  return middy<Event, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger))
    .use(problems(logger))
    .handler(async (event) => {
      const route = routes[event.routeKey];
      if (!route) throw new HttpProblemError(404, "NOT_FOUND", "Not found", `No route ${event.routeKey}.`);
      try {
        return await route(event);
      } catch (e) {
        throw e instanceof AdminError ? toProblem(e) : e;
      }
    });
}

export const ADMIN_ROUTES = [
  "GET /v1/admin/findings",
  "POST /v1/admin/findings",
  "GET /v1/admin/findings/{findingId}",
  "PUT /v1/admin/findings/{findingId}",
  "POST /v1/admin/findings/{findingId}/conclude",
  "GET /v1/admin/criteria/{unitId}/{period}",
  "GET /v1/admin/criteria/{unitId}/{period}/{criterion}",
  "PUT /v1/admin/criteria/{unitId}/{period}/{criterion}",
  "POST /v1/admin/survey",
  "GET /v1/admin/survey",
  "GET /v1/admin/heads",
  "GET /v1/admin/units/{unitId}/heads",
  "POST /v1/admin/units/{unitId}/heads",
  "PUT /v1/admin/units/{unitId}/heads/{headId}",
  "GET /v1/admin/units/{unitId}/heads/{headId}/general/{period}",
  "PUT /v1/admin/units/{unitId}/heads/{headId}/general/{period}",
  "POST /v1/admin/ratings",
  "POST /v1/admin/publish",
  "GET /v1/admin/publications",
  "GET /v1/admin/publications/{period}/{version}",
  "GET /v1/admin/audit",
  "GET /v1/admin/audit.csv",
] as const;

let cached: ReturnType<typeof makeAdminHandler> | undefined;
export const handler = async (event: Event, context: Context) => {
  cached ??= makeAdminHandler((await lambdaDeps()).admin);
  return cached(event, context);
};
