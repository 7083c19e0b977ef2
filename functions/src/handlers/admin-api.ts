import type { Actor } from "../ports/admin.js";
import middy from "@middy/core";
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { isPeriodId } from "@scorecard/shared";
import type { Principal } from "@scorecard/shared/auth/policy";
import { PROBLEMS } from "@scorecard/shared/contracts/problems";
import type { RouteKeyOf } from "@scorecard/shared/contracts/routes";
import type { Assert, Same } from "@scorecard/shared/contracts/schema-kit";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { etag, expectedVersion } from "../http/admin-request.js";
import { problems } from "../http/middleware.js";
import { HttpProblemError, SECURITY_HEADERS, jsonResponse, jsonTextResponse } from "../http/problem.js";
import { router } from "../http/router.js";
import { exportAuditCsv, readAudit } from "../use-cases/admin/audit.js";
import { type AdminDeps, AdminError } from "../use-cases/admin/common.js";
import { acceptAction, getAction, listActions, openAction, reopenAction, reportAction } from "../use-cases/admin/corrective-actions.js";
import { getCriterion, listCriteria } from "../use-cases/admin/criteria.js";
import { createFinding, getFinding, listFindings, updateFinding } from "../use-cases/admin/findings.js";
import { getHeadGeneral } from "../use-cases/admin/head-general.js";
import { addHead, getUnitHeads, listAllHeads, updateHead } from "../use-cases/admin/heads.js";
import { getImproperReturn, listImproperReturns, markImproperReturn, unmarkImproperReturn } from "../use-cases/admin/improper-returns.js";
import { enteredIndicators, getManualIndicator, listManualIndicators } from "../use-cases/admin/manual-indicators.js";
import { createProposal, decideProposal, getProposal, listProposals, updateProposal, withdrawProposal } from "../use-cases/admin/proposals.js";
import { listPublications, previewPublication, publishPeriod, readFrozen } from "../use-cases/admin/publish.js";
import { getNarrative, getReportDeadline, setReportDeadline, submissionTracker, submitNarrative } from "../use-cases/admin/report-submissions.js";
import { ratedChanges, refreshPeriodRatings } from "../use-cases/admin/rerate.js";
import { listSurvey } from "../use-cases/admin/survey.js";
import { previewMethodologyVersion, publishMethodologyVersion, readRules, recordHolidayYear, recordUnitChange } from "../use-cases/admin/rules.js";
import { buildReport, publishReport, readFrozenReport } from "../use-cases/admin/reports.js";
import { lambdaDeps } from "./lambda-deps.js";

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

/** AdminError → HTTP, in one place (docs/api-admin.md): the status of each code is the contract's. */
function toProblem(e: AdminError): HttpProblemError {
  const code = e.code !== "INVALID" ? e.code : e.errors?.[0]?.code === "MALFORMED_CSV" ? "MALFORMED_CSV" : "INVALID_CONTENT";
  const status = PROBLEMS[code];
  return new HttpProblemError(status, code, status === 422 ? "Invalid request" : status === 404 ? "Not found" : "Conflict", e.message, {}, e.errors);
}

const actorOf = (p: Principal): Actor => ({ sub: p.sub, role: p.role });
const PRIVATE = { "cache-control": "private, no-store" };

/** `POST /v1/admin/publish` and `/v1/admin/ratings` name a period in the body. */
function periodOf(body: { period: string }): string {
  if (!isPeriodId(body.period)) throw new HttpProblemError(422, "INVALID_CONTENT", "Invalid request", "period: a period id such as 2024-H1.");
  return body.period;
}

/** The Home Affairs workspace API (issue 6): one function, routed on API Gateway's routeKey. Wiring only. */
export function makeAdminHandler(deps: AdminDeps, logger = new Logger({ serviceName: "admin-api" })) {
  const rated = ratedChanges(deps, (message, context) => logger.warn(message, { ...context }));
  const indicators = enteredIndicators(deps, (message, context) => logger.warn(message, { ...context }));
  // reports (issue 24, item 3): the corrective actions and the units' narratives read where they are kept
  const report = buildReport({ ...deps, reportActions: deps.stores.correctiveActions, reportNarratives: deps.stores.reportSubmissions });
  const route = router<"admin">({
    // ——— inspection findings ———
    "GET /v1/admin/findings": async ({ params }) => jsonResponse(200, { findings: await listFindings(deps)(params.period, params.unitId) }, PRIVATE),
    "POST /v1/admin/findings": async ({ principal, body }) => {
      const { finding, created } = await createFinding(deps)(actorOf(principal), body);
      return jsonResponse(created ? 201 : 200, finding, { ...PRIVATE, ...etag(finding.version), location: `/v1/admin/findings/${encodeURIComponent(finding.findingId)}` });
    },
    "GET /v1/admin/findings/{findingId}": async ({ params }) => {
      const f = await getFinding(deps)(params.findingId);
      return jsonResponse(200, f, { ...PRIVATE, ...etag(f.version) });
    },
    "PUT /v1/admin/findings/{findingId}": async ({ principal, params, body: { version, ...input } }, e) => {
      const f = await updateFinding(deps)(actorOf(principal), params.findingId, expectedVersion(e, version), input);
      return jsonResponse(200, f, { ...PRIVATE, ...etag(f.version) });
    },
    "POST /v1/admin/findings/{findingId}/conclude": async ({ principal, params, body: { version, ...input } }, e) => {
      const f = await rated.concludeFinding(actorOf(principal), params.findingId, expectedVersion(e, version), input);
      return jsonResponse(200, f, { ...PRIVATE, ...etag(f.version) });
    },
    // ——— manual criteria and the survey ———
    "GET /v1/admin/criteria/{unitId}/{period}": async ({ params }) => jsonResponse(200, { criteria: await listCriteria(deps)(params.unitId, params.period) }, PRIVATE),
    "GET /v1/admin/criteria/{unitId}/{period}/{criterion}": async ({ params }) => {
      const c = await getCriterion(deps)(params.unitId, params.period, params.criterion);
      return jsonResponse(200, c, { ...PRIVATE, ...etag(c.version) });
    },
    "PUT /v1/admin/criteria/{unitId}/{period}/{criterion}": async ({ principal, params, body: { version, ...input } }, e) => {
      const c = await rated.appraiseCriterion(actorOf(principal), params.unitId, params.period, params.criterion, expectedVersion(e, version), input);
      return jsonResponse(200, c, { ...PRIVATE, ...etag(c.version) });
    },
    // ——— service-index indicators entered by Home Affairs (D3) ———
    "GET /v1/admin/indicators/{unitId}/{period}": async ({ params }) => jsonResponse(200, { indicators: await listManualIndicators(deps)(params.unitId, params.period) }, PRIVATE),
    "GET /v1/admin/indicators/{unitId}/{period}/{indicator}": async ({ params }) => {
      const i = await getManualIndicator(deps)(params.unitId, params.period, params.indicator);
      return jsonResponse(200, i, { ...PRIVATE, ...etag(i.version) });
    },
    "PUT /v1/admin/indicators/{unitId}/{period}/{indicator}": async ({ principal, params, body: { version, ...input } }, e) => {
      const i = await indicators.enter(actorOf(principal), params.unitId, params.period, params.indicator, expectedVersion(e, version), input);
      return jsonResponse(200, i, { ...PRIVATE, ...etag(i.version) });
    },
    // ——— improper returns (R3 of dn-2026.2) ———
    "GET /v1/admin/improper-returns": async ({ params }) => jsonResponse(200, { returns: await listImproperReturns(deps)(params.unitId) }, PRIVATE),
    "GET /v1/admin/improper-returns/{caseId}": async ({ params }) => {
      const m = await getImproperReturn(deps)(params.caseId);
      return jsonResponse(200, m, { ...PRIVATE, ...etag(m.version) });
    },
    "PUT /v1/admin/improper-returns/{caseId}": async ({ principal, params, body: { version, ...input } }, e) => {
      const m = await markImproperReturn(deps)(actorOf(principal), params.caseId, expectedVersion(e, version), input);
      return jsonResponse(200, m, { ...PRIVATE, ...etag(m.version) });
    },
    "POST /v1/admin/improper-returns/{caseId}/unmark": async ({ principal, params, body: { version, ...input } }, e) => {
      const m = await unmarkImproperReturn(deps)(actorOf(principal), params.caseId, expectedVersion(e, version), input);
      return jsonResponse(200, m, { ...PRIVATE, ...etag(m.version) });
    },
    "POST /v1/admin/survey": async ({ principal, body }) => jsonResponse(200, await rated.importSurvey(actorOf(principal), body), PRIVATE),
    "GET /v1/admin/survey": async ({ params }) => jsonResponse(200, { results: await listSurvey(deps)(params.period) }, PRIVATE),
    // ——— heads of unit ———
    "GET /v1/admin/heads": async () => jsonResponse(200, { units: await listAllHeads(deps)() }, PRIVATE),
    "GET /v1/admin/units/{unitId}/heads": async ({ params }) => {
      const r = await getUnitHeads(deps)(params.unitId);
      return jsonResponse(200, r, { ...PRIVATE, ...etag(r.version) });
    },
    "POST /v1/admin/units/{unitId}/heads": async ({ principal, params: { unitId }, body: { version: _ignored, ...input } }) => {
      const { roster, headId } = await addHead(deps)(actorOf(principal), unitId, input);
      return jsonResponse(201, { ...roster, headId }, { ...PRIVATE, ...etag(roster.version), location: `/v1/admin/units/${unitId}/heads/${headId}` });
    },
    "PUT /v1/admin/units/{unitId}/heads/{headId}": async ({ principal, params, body: { version, ...input } }, e) => {
      const r = await updateHead(deps)(actorOf(principal), params.unitId, params.headId, expectedVersion(e, version), input);
      return jsonResponse(200, r, { ...PRIVATE, ...etag(r.version) });
    },
    // ——— general criteria of a head (methodology §6, 30 points) and the ratings ———
    "GET /v1/admin/units/{unitId}/heads/{headId}/general/{period}": async ({ params }) => {
      const g = await getHeadGeneral(deps)(params.unitId, params.headId, params.period);
      return jsonResponse(200, g, { ...PRIVATE, ...etag(g.version) });
    },
    "PUT /v1/admin/units/{unitId}/heads/{headId}/general/{period}": async ({ principal, params, body: { version, ...input } }, e) => {
      const g = await rated.appraiseHeadGeneral(actorOf(principal), params.unitId, params.headId, params.period, expectedVersion(e, version), input);
      return jsonResponse(200, g, { ...PRIVATE, ...etag(g.version) });
    },
    "POST /v1/admin/ratings": async ({ body }) => jsonResponse(200, await refreshPeriodRatings(deps)(periodOf(body)), PRIVATE),
    // ——— publishing ———
    "POST /v1/admin/publish": async ({ principal, body }) => {
      const p = await publishPeriod(deps)(actorOf(principal), periodOf(body));
      return jsonResponse(201, p, { ...PRIVATE, location: `/v1/admin/publications/${p.period}/${p.version}` });
    },
    // A dry run: what publishing now would record (nothing is written).
    "GET /v1/admin/publish/preview": async ({ params }) => jsonResponse(200, await previewPublication(deps)(params.period), PRIVATE),
    "GET /v1/admin/publications": async ({ params }) => jsonResponse(200, await listPublications(deps)(params.period), PRIVATE),
    // The frozen text as stored, byte for byte.
    "GET /v1/admin/publications/{period}/{version}": async ({ params }) => jsonTextResponse(200, await readFrozen(deps)(params.period, params.version, params.tier), PRIVATE),
    // ——— corrective actions (issue 24, item 1) ———
    "GET /v1/admin/actions": async ({ params }) => jsonResponse(200, await listActions(deps)(params), PRIVATE),
    "POST /v1/admin/actions": async ({ principal, body }) => {
      const { action, created } = await openAction(deps)(actorOf(principal), body);
      return jsonResponse(created ? 201 : 200, action, { ...PRIVATE, ...etag(action.version), location: `/v1/admin/actions/${encodeURIComponent(action.actionId)}` });
    },
    "GET /v1/admin/actions/{actionId}": async ({ params }) => {
      const a = await getAction(deps)(params.actionId);
      return jsonResponse(200, a, { ...PRIVATE, ...etag(a.version) });
    },
    "POST /v1/admin/actions/{actionId}/accept": async ({ principal, params, body: { version, ...input } }, e) => {
      const a = await acceptAction(deps)(actorOf(principal), params.actionId, expectedVersion(e, version), input);
      return jsonResponse(200, a, { ...PRIVATE, ...etag(a.version) });
    },
    "POST /v1/admin/actions/{actionId}/reopen": async ({ principal, params, body: { version, ...input } }, e) => {
      const a = await reopenAction(deps)(actorOf(principal), params.actionId, expectedVersion(e, version), input);
      return jsonResponse(200, a, { ...PRIVATE, ...etag(a.version) });
    },
    "GET /v1/units/{unitId}/actions": async ({ params }) => jsonResponse(200, await listActions(deps)({ unitId: params.unitId }), PRIVATE),
    "POST /v1/units/{unitId}/actions/{actionId}/report": async ({ principal, params, body: { version, ...input } }, e) => {
      const a = await reportAction(deps)(actorOf(principal), params.unitId, params.actionId, expectedVersion(e, version), input);
      return jsonResponse(200, a, { ...PRIVATE, ...etag(a.version) });
    },
    // ——— proposals on heads (issue 24, item 2) ———
    "GET /v1/admin/proposals": async ({ params }) => jsonResponse(200, { proposals: await listProposals(deps)(params.unitId) }, PRIVATE),
    "POST /v1/admin/proposals": async ({ principal, body }) => {
      const { proposal, created } = await createProposal(deps)(actorOf(principal), body);
      return jsonResponse(created ? 201 : 200, proposal, { ...PRIVATE, ...etag(proposal.version), location: `/v1/admin/proposals/${encodeURIComponent(proposal.proposalId)}` });
    },
    "GET /v1/admin/proposals/{proposalId}": async ({ params }) => {
      const p = await getProposal(deps)(params.proposalId);
      return jsonResponse(200, p, { ...PRIVATE, ...etag(p.version) });
    },
    "PUT /v1/admin/proposals/{proposalId}": async ({ principal, params, body: { version, ...input } }, e) => {
      const p = await updateProposal(deps)(actorOf(principal), params.proposalId, expectedVersion(e, version), input);
      return jsonResponse(200, p, { ...PRIVATE, ...etag(p.version) });
    },
    "POST /v1/admin/proposals/{proposalId}/decide": async ({ principal, params, body: { version, ...input } }, e) => {
      const p = await decideProposal(deps)(actorOf(principal), params.proposalId, expectedVersion(e, version), input);
      return jsonResponse(200, p, { ...PRIVATE, ...etag(p.version) });
    },
    "POST /v1/admin/proposals/{proposalId}/withdraw": async ({ principal, params, body: { version, ...input } }, e) => {
      const p = await withdrawProposal(deps)(actorOf(principal), params.proposalId, expectedVersion(e, version), input);
      return jsonResponse(200, p, { ...PRIVATE, ...etag(p.version) });
    },
    // ——— reports and their submission (issue 24, item 3) ———
    "GET /v1/admin/reports/{period}/deadline": async ({ params }) => {
      const d = await getReportDeadline(deps)(params.period);
      return jsonResponse(200, d, { ...PRIVATE, ...etag(d.version) });
    },
    "PUT /v1/admin/reports/{period}/deadline": async ({ principal, params, body: { version, ...input } }, e) => {
      const d = await setReportDeadline(deps)(actorOf(principal), params.period, expectedVersion(e, version), input);
      return jsonResponse(200, d, { ...PRIVATE, ...etag(d.version) });
    },
    "GET /v1/admin/reports/{period}/submissions": async ({ params }) => jsonResponse(200, await submissionTracker(deps)(params.period, params.tier), PRIVATE),
    "GET /v1/units/{unitId}/reports/{period}/narrative": async ({ params }) => {
      const n = await getNarrative(deps)(params.unitId, params.period);
      return jsonResponse(200, n, { ...PRIVATE, ...etag(n.version) });
    },
    "PUT /v1/units/{unitId}/reports/{period}/narrative": async ({ principal, params, body: { version, ...input } }, e) => {
      const n = await submitNarrative(deps)(actorOf(principal), params.unitId, params.period, expectedVersion(e, version), input);
      return jsonResponse(200, n, { ...PRIVATE, ...etag(n.version) });
    },
    "GET /v1/reports/{period}": async ({ params }) =>
      params.version === undefined ? jsonResponse(200, await report(params.period), PRIVATE) : jsonTextResponse(200, await readFrozenReport(deps)(params.period, params.version), PRIVATE),
    "POST /v1/reports/publish": async ({ principal, body }) => {
      const p = await publishReport({ ...deps, reportActions: deps.stores.correctiveActions, reportNarratives: deps.stores.reportSubmissions })(actorOf(principal), periodOf(body));
      return jsonResponse(201, p, { ...PRIVATE, location: `/v1/reports/${p.period}?version=${p.version}` });
    },
    "GET /v1/units/{unitId}/reports/{period}": async ({ params }) => jsonResponse(200, await report(params.period, params.unitId), PRIVATE),
    // ——— rules as data (issue 24, item 4) ———
    "GET /v1/admin/rules": async () => jsonResponse(200, await readRules(deps)(), PRIVATE),
    "PUT /v1/admin/rules/holidays": async ({ principal, body: { version, ...input } }, e) => {
      const h = await recordHolidayYear(deps)(actorOf(principal), expectedVersion(e, version), input);
      return jsonResponse(200, h, { ...PRIVATE, ...etag(h.version) });
    },
    "POST /v1/admin/rules/unit-changes": async ({ principal, body: { version, ...input } }, e) => {
      const u = await recordUnitChange(deps)(actorOf(principal), expectedVersion(e, version), input);
      return jsonResponse(200, u, { ...PRIVATE, ...etag(u.version) });
    },
    "POST /v1/admin/rules/methodology/preview": async ({ body: { version: _version, ...input } }) => jsonResponse(200, await previewMethodologyVersion(deps)(input), PRIVATE),
    "POST /v1/admin/rules/methodology": async ({ principal, body: { version, ...input } }, e) => {
      const m = await publishMethodologyVersion(deps)(actorOf(principal), expectedVersion(e, version), input);
      return jsonResponse(200, m, { ...PRIVATE, ...etag(m.version) });
    },
    // ——— audit ———
    "GET /v1/admin/audit": async ({ params }) => jsonResponse(200, await readAudit(deps)(params), PRIVATE),
    "GET /v1/admin/audit.csv": async ({ principal, params }) => {
      const { csv } = await exportAuditCsv(deps)(actorOf(principal), params);
      return {
        statusCode: 200,
        headers: { ...SECURITY_HEADERS, ...PRIVATE, "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="scorecard-audit.csv"' },
        body: csv,
      };
    },
  });
  return middy<Event, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger))
    .use(problems(logger))
    .handler(async (event) => {
      try {
        return await route(event);
      } catch (e) {
        throw e instanceof AdminError ? toProblem(e) : e;
      }
    });
}

/**
 * The routes this handler serves: the route table's admin routes (the type below fails to compile
 * when the two differ). Spelled out because infra/test/admin-api.test.ts reads this list as text to
 * compare it with the CDK routes.
 */
export const ADMIN_ROUTES = [
  "GET /v1/admin/findings",
  "POST /v1/admin/findings",
  "GET /v1/admin/findings/{findingId}",
  "PUT /v1/admin/findings/{findingId}",
  "POST /v1/admin/findings/{findingId}/conclude",
  "GET /v1/admin/criteria/{unitId}/{period}",
  "GET /v1/admin/criteria/{unitId}/{period}/{criterion}",
  "PUT /v1/admin/criteria/{unitId}/{period}/{criterion}",
  "GET /v1/admin/indicators/{unitId}/{period}",
  "GET /v1/admin/indicators/{unitId}/{period}/{indicator}",
  "PUT /v1/admin/indicators/{unitId}/{period}/{indicator}",
  "GET /v1/admin/improper-returns",
  "GET /v1/admin/improper-returns/{caseId}",
  "PUT /v1/admin/improper-returns/{caseId}",
  "POST /v1/admin/improper-returns/{caseId}/unmark",
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
  "GET /v1/admin/publish/preview",
  "GET /v1/admin/publications",
  "GET /v1/admin/publications/{period}/{version}",
  // corrective actions (issue 24, item 1)
  "GET /v1/admin/actions",
  "POST /v1/admin/actions",
  "GET /v1/admin/actions/{actionId}",
  "POST /v1/admin/actions/{actionId}/accept",
  "POST /v1/admin/actions/{actionId}/reopen",
  "GET /v1/units/{unitId}/actions",
  "POST /v1/units/{unitId}/actions/{actionId}/report",
  // proposals on heads (issue 24, item 2)
  "GET /v1/admin/proposals",
  "POST /v1/admin/proposals",
  "GET /v1/admin/proposals/{proposalId}",
  "PUT /v1/admin/proposals/{proposalId}",
  "POST /v1/admin/proposals/{proposalId}/decide",
  "POST /v1/admin/proposals/{proposalId}/withdraw",
  // reports and their submission (issue 24, item 3)
  "GET /v1/admin/reports/{period}/deadline",
  "PUT /v1/admin/reports/{period}/deadline",
  "GET /v1/admin/reports/{period}/submissions",
  "GET /v1/units/{unitId}/reports/{period}/narrative",
  "PUT /v1/units/{unitId}/reports/{period}/narrative",
  "GET /v1/reports/{period}",
  "POST /v1/reports/publish",
  "GET /v1/units/{unitId}/reports/{period}",
  // rules as data (issue 24, item 4)
  "GET /v1/admin/rules",
  "PUT /v1/admin/rules/holidays",
  "POST /v1/admin/rules/unit-changes",
  "POST /v1/admin/rules/methodology/preview",
  "POST /v1/admin/rules/methodology",
  "GET /v1/admin/audit",
  "GET /v1/admin/audit.csv",
] as const satisfies readonly RouteKeyOf<"admin">[];
type _AdminRoutes = Assert<Same<(typeof ADMIN_ROUTES)[number], RouteKeyOf<"admin">>>;

let cached: ReturnType<typeof makeAdminHandler> | undefined;
export const handler = async (event: Event, context: Context) => {
  cached ??= makeAdminHandler((await lambdaDeps()).admin);
  return cached(event, context);
};
