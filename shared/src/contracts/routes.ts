/**
 * Every route the handlers serve, once: method and path (the key, as API Gateway's routeKey),
 * operationId, who may call it (the policy action: shared/src/auth/policy.ts), its parameters,
 * body and responses (zod contracts), and the problem codes it can answer with. The handlers route
 * on it, the local server and the CDK routes list it, and `/v1/openapi.json` is generated from it
 * (functions/src/http/openapi.ts), so none of them can drift from the others.
 */
import { z } from "zod";
import { type Action, ROLES, type Role, authorize } from "../auth/policy.js";
import {
  appraisalSchema,
  conclusionSchema,
  findingCreateSchema,
  findingUpdateSchema,
  headInputSchema,
  improperReturnMarkSchema,
  improperReturnUnmarkSchema,
  indicatorEntrySchema,
  periodBodySchema,
} from "./admin-requests.js";
import {
  auditPageSchema,
  criterionSchema,
  findingSchema,
  headAddedSchema,
  headGeneralSchema,
  headRosterSchema,
  improperReturnSchema,
  manualIndicatorSchema,
  publicationPreviewSchema,
  publicationViewSchema,
  publicationsSchema,
  ratingsRefreshedSchema,
  surveyImportReportSchema,
  surveyResultSchema,
} from "./admin.js";
import { publicMetaSchema, rankingSnapshotSchema } from "./api.js";
import { indicatorListSchema } from "./indicator-lists.js";
import { ACTION_PARAMS, actionAcceptSchema, actionCreateSchema, actionReopenSchema, actionReportSchema, correctiveActionListSchema, correctiveActionSchema } from "./corrective-actions.js";
import { caseIdParam, caseTimelineSchema } from "./case-timeline.js";
import { type BatchKey, MAX_BATCH_ITEMS, MAX_BODY_BYTES, complaintBatchSchema, eventBatchSchema, ingestResponseSchema, procedureBatchSchema, recordsResponseSchema } from "./ingest.js";
import { localUsersSchema, loginRequestSchema, loginResultSchema } from "./local.js";
import { ADMIN_PARAMS as A, type ParamSpec, READ_PARAMS as R } from "./params.js";
import type { ProblemCode } from "./problems.js";
import {
  headRatingsSchema,
  publicRankingViewSchema,
  rankingViewSchema,
  reformIndexViewSchema,
  unitScorecardSchema,
  unitTrendSchema,
  unitWarningsSchema,
  warningSummarySchema,
} from "./read-api.js";
import { listOf, view } from "./schema-kit.js";
import { reportDocumentSchema, reportPeriodParam, reportPublishedSchema } from "./reports.js";
import { proposalCreateSchema, proposalDecisionSchema, proposalIdParam, proposalListSchema, proposalSchema, proposalUpdateSchema, proposalWithdrawSchema } from "./proposals.js";
import { narrativeInputSchema, narrativeSchema, reportDeadlineInputSchema, reportDeadlineSchema, submissionPeriodParam, submissionTrackerSchema } from "./report-submissions.js";
import { holidayRulesSchema, holidayYearSchema, methodologyPreviewSchema, methodologyRulesSchema, methodologyVersionInputSchema, rulesViewSchema, unitChangeInputSchema, unitRulesSchema } from "./rules.js";

/** Which handler serves the route; `local`: the local runtime only (functions/src/local/server.ts), never deployed. */
export type Api = "read" | "admin" | "ingest" | "local";

export type BodySpec =
  /** application/json validated by a strict schema (415, 400, 422 INVALID_CONTENT naming the fields). */
  | { readonly kind: "json"; readonly schema: z.ZodType }
  /** application/json read by the local server itself: the route lists what it refuses. */
  | { readonly kind: "local-json"; readonly schema: z.ZodType }
  /** text/csv: the satisfaction survey (header row; any bad row refuses the file). */
  | { readonly kind: "csv"; readonly description: string }
  /** A batch: `{"<key>": [...]}` or NDJSON, one item per line. */
  | { readonly kind: "batch"; readonly key: BatchKey; readonly schema: z.ZodType; readonly item: string };

export interface ResponseSpec {
  readonly description: string;
  /** The JSON body; absent for other media types (`contentType`). */
  readonly schema?: z.ZodType;
  readonly contentType?: string;
  /** Response headers worth naming: `ETag` (the version to send back), `Location` (what was created). */
  readonly headers?: readonly ("ETag" | "Location")[];
}

export interface RouteContract<
  P extends readonly ParamSpec[] = readonly ParamSpec[],
  B extends BodySpec | undefined = BodySpec | undefined,
  A extends Api = Api,
  X extends Action | null = Action | null,
> {
  readonly api: A;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  /** The policy action the caller needs; `public:read` and null: anyone, no token. */
  readonly action: X;
  /** Checked in this order, after the caller is authorized (a 403 never depends on what exists). */
  readonly params: P;
  readonly body: B;
  /** A change to a versioned record: `If-Match: "<version>"` or `version` in the body (428 without). */
  readonly ifMatch?: boolean;
  /** Takes an `Idempotency-Key` header. */
  readonly idempotencyKey?: boolean;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /** Codes beyond those its security, parameters and body imply (`problemCodes`). */
  readonly problems: readonly ProblemCode[];
}

const route = <const A extends Api, const X extends Action | null, const P extends readonly ParamSpec[], const B extends BodySpec | undefined = undefined>(r: RouteContract<P, B, A, X>) => r;

const ok = (description: string, schema: z.ZodType, headers?: ResponseSpec["headers"]): ResponseSpec => ({ description, schema, ...(headers ? { headers } : {}) });
const read = (description: string, schema: z.ZodType) => ({ 200: ok(description, schema) });
const versioned = (description: string, schema: z.ZodType) => ({ 200: ok(description, schema, ["ETag"]) });
const json = <S extends z.ZodType>(schema: S) => ({ kind: "json", schema }) as const;
const batch = (key: BatchKey, schema: z.ZodType, item: string) => ({ kind: "batch", key, schema, item }) as const;
const healthSchema = view({ status: z.literal("ok") });
const openApiSchema = z.record(z.string(), z.unknown()).describe("This document.");
const BATCH = `At most ${MAX_BATCH_ITEMS} items and ${MAX_BODY_BYTES} bytes; \`application/json\` (the array under its key) or \`application/x-ndjson\` (one item per line).`;

export const ROUTES = {
  // ——— ingestion (source systems) ———
  "POST /v1/events": route({
    api: "ingest",
    operationId: "postEvents",
    summary: "Post a batch of case events",
    description:
      "Case events from source systems (the one-stop system, the national-portal sync, the 1022 hotline). Each event is stored once by `eventId`; a 5xx means retry the whole batch, and a retry is always safe. " +
      "A batch that runs short of time answers 200 with `Retry-After`: the events it did not store are `retry` (send them again); that answer is not kept under the Idempotency-Key. " +
      "Each source posts within its scope: the record kinds (403 SOURCE_SCOPE_KIND, SOURCE_NOT_CONFIGURED), the units its events name (rejected SOURCE_SCOPE_UNIT) and how far back they are dated (rejected SOURCE_SCOPE_AGE; older history goes through the operator's bulk import). " +
      "Applicant data is pseudonymised at this boundary: only an HMAC of `applicant.idNumber` is kept. Rules beyond the schema: RECEIVED needs dueAt, channel, procedureCode and field; " +
      "TRANSFERRED and CONSULT_REQUESTED need targetUnitId and dueAt; RATED needs rating; unitId and targetUnitId must exist in the unit catalog on the event's local date.",
    action: "events:write",
    params: [],
    body: batch("events", eventBatchSchema, "CaseEvent"),
    idempotencyKey: true,
    responses: read("One result per event: accepted, duplicate (a retry), conflict (the eventId is stored with other content), rejected (with a code naming the field) or retry (not stored: send it again).", ingestResponseSchema),
    problems: ["SOURCE_NOT_CONFIGURED", "SOURCE_SCOPE_KIND"],
  }),
  "POST /v1/complaints": route({
    api: "ingest",
    operationId: "postComplaints",
    summary: "Post a batch of complaints (1022 hotline, national portal)",
    action: "events:write",
    params: [],
    body: batch("complaints", complaintBatchSchema, "Complaint"),
    idempotencyKey: true,
    responses: read("One result per complaint.", recordsResponseSchema),
    problems: ["SOURCE_NOT_CONFIGURED", "SOURCE_SCOPE_KIND"],
  }),
  "POST /v1/catalog": route({
    api: "ingest",
    operationId: "postCatalog",
    summary: "Post a batch of procedure catalog records",
    action: "events:write",
    params: [],
    body: batch("procedures", procedureBatchSchema, "Procedure"),
    idempotencyKey: true,
    responses: read("One result per procedure.", recordsResponseSchema),
    problems: ["SOURCE_NOT_CONFIGURED", "SOURCE_SCOPE_KIND"],
  }),

  // ——— read API: public ———
  "GET /v1/health": route({ api: "read", operationId: "getHealth", summary: "Liveness", action: "public:read", params: [], body: undefined, responses: read("Up.", healthSchema), problems: [] }),
  "GET /v1/openapi.json": route({ api: "read", operationId: "getOpenApi", summary: "This OpenAPI 3.1 document", action: "public:read", params: [], body: undefined, responses: read("The document.", openApiSchema), problems: [] }),
  "GET /v1/public/meta": route({
    api: "read",
    operationId: "getPublicMeta",
    summary: "Methodology, scored periods (newest first) and tiers",
    action: "public:read",
    params: [],
    body: undefined,
    responses: read("What can be asked for.", publicMetaSchema),
    problems: [],
  }),
  // rules as data (issue 24, item 4): the compiled calendar, catalog and methodology were public; so are their versions.
  "GET /v1/public/rules": route({
    api: "read",
    operationId: "getPublicRules",
    summary: "The holiday calendar, the unit changes and the methodology versions in force, with every version (docs/adr/0022)",
    description: "As `GET /v1/admin/rules`, with who recorded each version named by role only.",
    action: "public:read",
    params: [],
    body: undefined,
    responses: read("Each kind's versions and what is in force.", rulesViewSchema),
    problems: [],
  }),
  "GET /v1/public/rankings": route({
    api: "read",
    operationId: "getPublicRanking",
    summary: "The public ranking of a tier in a period",
    description: "The latest published version once there is one (status `published`), the draft before; aggregates only. NO_SNAPSHOT (404) before the period is scored.",
    action: "public:read",
    params: [R.periodOrLatest, R.tier],
    body: undefined,
    responses: read("The ranking with small counts withheld, and where it stands against the latest published version.", publicRankingViewSchema),
    problems: ["NO_SNAPSHOT"],
  }),

  // ——— read API: signed-in ———
  "GET /v1/rankings": route({
    api: "read",
    operationId: "getRanking",
    summary: "The working ranking of a tier in a period, with details",
    action: "rankings:read",
    params: [R.period, R.tier],
    body: undefined,
    responses: read("The current draft, flagged `draftDiffers` when its numbers moved since the latest published version.", rankingViewSchema),
    problems: ["NO_SNAPSHOT"],
  }),
  "GET /v1/units/{unitId}/scorecard": route({
    api: "read",
    operationId: "getUnitScorecard",
    summary: "One unit's indicators in a period, with the previous period",
    action: "unit:read",
    params: [R.unitId, R.period],
    body: undefined,
    responses: read("The scorecard.", unitScorecardSchema),
    problems: ["NOT_FOUND"],
  }),
  "GET /v1/units/{unitId}/trend": route({
    api: "read",
    operationId: "getUnitTrend",
    summary: "One unit's scored months of a year",
    description: "Across a merger the trend follows the successor links; such points carry the other unit's id.",
    action: "unit:read",
    params: [R.unitId, R.year],
    body: undefined,
    responses: read("The scored months (months without a score are absent).", unitTrendSchema),
    problems: ["NOT_FOUND"],
  }),
  "GET /v1/units/{unitId}/cases": route({
    api: "read",
    operationId: "getUnitCases",
    summary: "The records behind a unit's numbers: an indicator's numerator or denominator, or the period's dossiers",
    description:
      "From the lists the scoring run wrote for the period's end (no query engine on a request; docs/adr/0016). With `indicator`, the records of its `part` — dossiers, complaints naming the unit, " +
      "consultations of the unit, delay charges, units (R7's denominator) or catalog entries — each with the rule that classified it and, for averages and R7, its value: " +
      "`total` (the count, or the sum of the values, over every page) is the scorecard's numerator or denominator. A manual indicator (D3) has none: `computed` false, `reason` MANUAL, no records. " +
      "Without `indicator`, every dossier of the period's progress drill-down. `status` filters dossier lists. An indicator the methodology does not have: 422 INVALID_PARAMETER; " +
      "lists written before this route served indicators: 404 NOT_FOUND until the period is scored again.",
    action: "unit:cases:read",
    params: [R.unitId, R.period, R.indicator, R.part, R.status, R.page, R.listLimit],
    body: undefined,
    responses: read("One page of the records, with the list's total.", indicatorListSchema),
    problems: ["NOT_FOUND"],
  }),
  "GET /v1/units/{unitId}/warnings": route({
    api: "read",
    operationId: "getUnitWarnings",
    summary: "A unit's open dossiers overdue or due within 2 working days",
    action: "warnings:read",
    params: [R.unitId],
    body: undefined,
    responses: read("What the unit must act on today.", unitWarningsSchema),
    problems: ["NOT_FOUND"],
  }),
  "GET /v1/warnings": route({
    api: "read",
    operationId: "getWarningSummary",
    summary: "Early-warning counts of every unit",
    action: "heads:read",
    params: [],
    body: undefined,
    responses: read("Units with open dossiers overdue or due soon, most overdue first.", warningSummarySchema),
    problems: [],
  }),
  "GET /v1/cases/{caseId}": route({
    api: "read",
    operationId: "getCaseTimeline",
    summary: "One dossier's timeline: events, holders, supplement pauses, consultations and the R7 charge per unit",
    description:
      "From the live event store (dossiers whose events were posted to /v1/events). Pseudonymised: no applicant field, not even the pseudonym. " +
      "The chairman and Home Affairs: any dossier (404 NOT_FOUND when none is stored). A unit officer: a dossier their unit received, transferred or was given, or was consulted on; " +
      "any other dossier — and one that does not exist — is the same 403.",
    action: "case:read",
    params: [caseIdParam],
    body: undefined,
    responses: read("The dossier's events in order, who held it for how many working days, its pauses and consultations, and who its lateness is charged to.", caseTimelineSchema),
    problems: ["NOT_FOUND"],
  }),
  "GET /v1/head-ratings": route({
    api: "read",
    operationId: "getHeadRatings",
    summary: "Head-of-unit ratings of a period",
    description: "NO_RATINGS (404) before the period is scored, or when the version asked for froze none.",
    action: "heads:read",
    params: [R.period, R.tierFilter, R.version],
    body: undefined,
    responses: read("The working values, or those frozen with a published version.", headRatingsSchema),
    problems: ["NO_RATINGS"],
  }),
  "GET /v1/units/{unitId}/head-ratings": route({
    api: "read",
    operationId: "getUnitHeadRatings",
    summary: "The heads of one unit in a period",
    action: "unit:heads:read",
    params: [R.unitId, R.period, R.version],
    body: undefined,
    responses: read("The working values, or those frozen with a published version.", headRatingsSchema),
    problems: ["NOT_FOUND", "NO_RATINGS"],
  }),
  "GET /v1/reform-index": route({
    api: "read",
    operationId: "getReformIndex",
    summary: "Reform index of every unit",
    description: "Half-years and years only (422 otherwise).",
    action: "reform:read",
    params: [R.reformPeriod, R.tierFilter, R.version],
    body: undefined,
    responses: read("The working values, or those frozen with a published version.", reformIndexViewSchema),
    problems: ["NO_RATINGS"],
  }),
  "GET /v1/units/{unitId}/reform-index": route({
    api: "read",
    operationId: "getUnitReformIndex",
    summary: "Reform index of one unit",
    action: "unit:reform:read",
    params: [R.unitId, R.reformPeriod, R.version],
    body: undefined,
    responses: read("The working values, or those frozen with a published version.", reformIndexViewSchema),
    problems: ["NOT_FOUND", "NO_RATINGS"],
  }),

  // ——— Home Affairs workspace (docs/api-admin.md) ———
  "GET /v1/admin/findings": route({
    api: "admin",
    operationId: "listFindings",
    summary: "Inspection findings counted in a period",
    action: "findings:read",
    params: [A.unitIdFilter, A.period],
    body: undefined,
    responses: read("Each finding once, in its own period.", view({ findings: listOf(findingSchema) })),
    problems: [],
  }),
  "POST /v1/admin/findings": route({
    api: "admin",
    operationId: "createFinding",
    summary: "Create a draft inspection finding",
    description: "The same `findingId` with the same content again answers 200 (a double submit); with other content 409 ALREADY_EXISTS.",
    action: "findings:write",
    params: [],
    body: json(findingCreateSchema),
    responses: { 201: ok("Created.", findingSchema, ["ETag", "Location"]), 200: ok("Already created with this content.", findingSchema, ["ETag", "Location"]) },
    problems: ["ALREADY_EXISTS"],
  }),
  "GET /v1/admin/findings/{findingId}": route({
    api: "admin",
    operationId: "getFinding",
    summary: "One inspection finding",
    action: "findings:read",
    params: [A.findingId],
    body: undefined,
    responses: versioned("The finding; its ETag is its version.", findingSchema),
    problems: ["NOT_FOUND"],
  }),
  "PUT /v1/admin/findings/{findingId}": route({
    api: "admin",
    operationId: "updateFinding",
    summary: "Edit a draft inspection finding",
    action: "findings:write",
    params: [A.findingId],
    body: json(findingUpdateSchema),
    ifMatch: true,
    responses: versioned("The edited finding.", findingSchema),
    problems: ["NOT_FOUND", "VERSION_CONFLICT", "INSPECTION_LOCKED"],
  }),
  "POST /v1/admin/findings/{findingId}/conclude": route({
    api: "admin",
    operationId: "concludeFinding",
    summary: "Record the concluding notice of a finding",
    description: "Locks the finding and its criterion for that unit and period; the period's head ratings and reform index are recomputed.",
    action: "findings:conclude",
    params: [A.findingId],
    body: json(conclusionSchema),
    ifMatch: true,
    responses: versioned("The concluded finding.", findingSchema),
    problems: ["NOT_FOUND", "VERSION_CONFLICT", "INSPECTION_LOCKED", "CONCURRENT_CHANGE"],
  }),
  "GET /v1/admin/criteria/{unitId}/{period}": route({
    api: "admin",
    operationId: "listCriteria",
    summary: "Every reform-index criterion of a unit in a period",
    action: "findings:read",
    params: [A.unitId, A.periodPath],
    body: undefined,
    responses: read("Every criterion of the template, appraised or not.", view({ criteria: listOf(criterionSchema) })),
    problems: ["NOT_FOUND"],
  }),
  "GET /v1/admin/criteria/{unitId}/{period}/{criterion}": route({
    api: "admin",
    operationId: "getCriterion",
    summary: "One reform-index criterion",
    action: "findings:read",
    params: [A.unitId, A.periodPath, A.criterion],
    body: undefined,
    responses: versioned("The criterion; its ETag is its version (0: never appraised).", criterionSchema),
    problems: ["NOT_FOUND", "INVALID_CONTENT"],
  }),
  "PUT /v1/admin/criteria/{unitId}/{period}/{criterion}": route({
    api: "admin",
    operationId: "appraiseCriterion",
    summary: "Appraise a manual reform-index criterion",
    description: "Points 0..max with an evidence reference; the period's ratings are recomputed. Locked by a concluded finding → 409 CRITERION_LOCKED.",
    action: "criteria:write",
    params: [A.unitId, A.periodPath, A.criterion],
    body: json(appraisalSchema),
    ifMatch: true,
    responses: versioned("The appraised criterion.", criterionSchema),
    problems: ["NOT_FOUND", "VERSION_CONFLICT", "CRITERION_LOCKED"],
  }),
  // Service-index indicators entered by Home Affairs (issue 20, item 5): D3, certified electronic copies.
  "GET /v1/admin/indicators/{unitId}/{period}": route({
    api: "admin",
    operationId: "listManualIndicators",
    summary: "Every service-index indicator Home Affairs enters, for a unit in a period",
    action: "findings:read",
    params: [A.unitId, A.periodPath],
    body: undefined,
    responses: read("Every indicator of source MANUAL in the methodology (D3), entered or not.", view({ indicators: listOf(manualIndicatorSchema) })),
    problems: ["NOT_FOUND"],
  }),
  "GET /v1/admin/indicators/{unitId}/{period}/{indicator}": route({
    api: "admin",
    operationId: "getManualIndicator",
    summary: "One service-index indicator entered by Home Affairs",
    action: "findings:read",
    params: [A.unitId, A.periodPath, A.indicator],
    body: undefined,
    responses: versioned("The entry; its ETag is its version (0: never entered).", manualIndicatorSchema),
    problems: ["NOT_FOUND", "INVALID_CONTENT"],
  }),
  "PUT /v1/admin/indicators/{unitId}/{period}/{indicator}": route({
    api: "admin",
    operationId: "enterManualIndicator",
    summary: "Enter a service-index indicator of a unit for a period (D3)",
    description:
      "The period's counts (numerator ≤ denominator) with an evidence reference; the points follow from the methodology. The period's draft rankings are refreshed with the entry (no SQL), " +
      "then its public JSON (unless published: a published version stays as frozen) and its ratings; every later scoring run reads it too. " +
      "A unit not scored in the period → 422; locked by a concluded finding naming the indicator → 409 CRITERION_LOCKED.",
    action: "criteria:write",
    params: [A.unitId, A.periodPath, A.indicator],
    body: json(indicatorEntrySchema),
    ifMatch: true,
    responses: versioned("The entry.", manualIndicatorSchema),
    problems: ["NOT_FOUND", "VERSION_CONFLICT", "CRITERION_LOCKED"],
  }),
  // Improper returns (issue 20, item 6; docs/adr/0015-improper-returns.md): R3 and R9_R3 of dn-2026.2.
  "GET /v1/admin/improper-returns": route({
    api: "admin",
    operationId: "listImproperReturns",
    summary: "Dossiers whose return Home Affairs marked improper (and marks withdrawn)",
    action: "findings:read",
    params: [A.unitIdFilter],
    body: undefined,
    responses: read("Every mark, marked or withdrawn, by dossier id.", view({ returns: listOf(improperReturnSchema) })),
    problems: [],
  }),
  "GET /v1/admin/improper-returns/{caseId}": route({
    api: "admin",
    operationId: "getImproperReturn",
    summary: "The mark of one dossier's return",
    action: "findings:read",
    params: [caseIdParam],
    body: undefined,
    responses: versioned("The mark; its ETag is its version.", improperReturnSchema),
    problems: ["NOT_FOUND"],
  }),
  "PUT /v1/admin/improper-returns/{caseId}": route({
    api: "admin",
    operationId: "markImproperReturn",
    summary: "Mark a dossier's return (refusal or stop) as improper",
    description:
      "The basis: an inspection finding recorded here (`INSPECTION_FINDING`, the finding must name the same unit), an upheld 1022 / portal complaint (`UPHELD_COMPLAINT`), or Home Affairs' own decision " +
      "with its number, date and evidence (`HOME_AFFAIRS_DECISION`). Version 0 marks a dossier never marked; a withdrawn mark is marked again at its version. Audited. " +
      "The mark counts at the next scoring run, in every period whose R3 counts the dossier's return (dn-2026.2); a dossier that was not returned keeps no number moving.",
    action: "returns:mark",
    params: [caseIdParam],
    body: json(improperReturnMarkSchema),
    ifMatch: true,
    responses: versioned("The mark.", improperReturnSchema),
    problems: ["VERSION_CONFLICT"],
  }),
  "POST /v1/admin/improper-returns/{caseId}/unmark": route({
    api: "admin",
    operationId: "unmarkImproperReturn",
    summary: "Withdraw the mark of a dossier's return, saying why",
    description: "The return counts as lawful again from the next scoring run. Audited; the mark's history stays in the audit log.",
    action: "returns:mark",
    params: [caseIdParam],
    body: json(improperReturnUnmarkSchema),
    ifMatch: true,
    responses: versioned("The withdrawn mark.", improperReturnSchema),
    problems: ["NOT_FOUND", "VERSION_CONFLICT"],
  }),
  "POST /v1/admin/survey": route({
    api: "admin",
    operationId: "importSurvey",
    summary: "Import satisfaction-survey results",
    action: "survey:import",
    params: [],
    body: {
      kind: "csv",
      description: "Header `unitId,period,share,respondents,evidence` (`respondents` optional, `share` 0..1); every row is validated and any error refuses the file with `errors[]` naming row and column; cells that look like spreadsheet formulas are refused.",
    },
    responses: read("What was imported; rows that lost a race with another import are listed as conflicts.", surveyImportReportSchema),
    problems: [],
  }),
  "GET /v1/admin/survey": route({
    api: "admin",
    operationId: "listSurvey",
    summary: "Imported survey results of a period",
    action: "findings:read",
    params: [A.period],
    body: undefined,
    responses: read("The results.", view({ results: listOf(surveyResultSchema) })),
    problems: [],
  }),
  "GET /v1/admin/heads": route({
    api: "admin",
    operationId: "listHeads",
    summary: "Every unit's heads and tenures",
    action: "heads:read",
    params: [],
    body: undefined,
    responses: read("The rosters, by unit id.", view({ units: listOf(headRosterSchema) })),
    problems: [],
  }),
  "GET /v1/admin/units/{unitId}/heads": route({
    api: "admin",
    operationId: "getUnitHeads",
    summary: "One unit's heads",
    action: "heads:read",
    params: [A.unitId],
    body: undefined,
    responses: versioned("The roster; its ETag is the roster's version.", headRosterSchema),
    problems: ["NOT_FOUND"],
  }),
  "POST /v1/admin/units/{unitId}/heads": route({
    api: "admin",
    operationId: "addHead",
    summary: "Add a head to a unit",
    description: "Tenures of one unit never overlap (422 TENURE_OVERLAP).",
    action: "heads:write",
    params: [A.unitId],
    body: json(headInputSchema),
    responses: { 201: ok("The new roster and the new head's id.", headAddedSchema, ["ETag", "Location"]) },
    problems: ["NOT_FOUND", "CONCURRENT_CHANGE"],
  }),
  "PUT /v1/admin/units/{unitId}/heads/{headId}": route({
    api: "admin",
    operationId: "updateHead",
    summary: "Edit a head at the roster's version",
    action: "heads:write",
    params: [A.unitId, A.headId],
    body: json(headInputSchema),
    ifMatch: true,
    responses: versioned("The roster.", headRosterSchema),
    problems: ["NOT_FOUND", "VERSION_CONFLICT"],
  }),
  "GET /v1/admin/units/{unitId}/heads/{headId}/general/{period}": route({
    api: "admin",
    operationId: "getHeadGeneral",
    summary: "A head's general criteria for a period",
    action: "heads:read",
    params: [A.unitId, A.headId, A.periodPath],
    body: undefined,
    responses: versioned("The points (null until entered); the ETag is the version (0: not entered).", headGeneralSchema),
    problems: ["NOT_FOUND", "INVALID_CONTENT"],
  }),
  "PUT /v1/admin/units/{unitId}/heads/{headId}/general/{period}": route({
    api: "admin",
    operationId: "appraiseHeadGeneral",
    summary: "Enter a head's general criteria for a period",
    description: "0–30 points with an evidence reference; the period's ratings are recomputed. A head not in office then → 422 OUT_OF_TENURE.",
    action: "heads:write",
    params: [A.unitId, A.headId, A.periodPath],
    body: json(appraisalSchema),
    ifMatch: true,
    responses: versioned("The entered points.", headGeneralSchema),
    problems: ["NOT_FOUND", "VERSION_CONFLICT"],
  }),
  "POST /v1/admin/ratings": route({
    api: "admin",
    operationId: "refreshRatings",
    summary: "Recompute a period's head ratings and reform index",
    action: "score:run",
    params: [],
    body: json(periodBodySchema),
    responses: read("Recomputed.", ratingsRefreshedSchema),
    problems: ["NO_DRAFT"],
  }),
  "POST /v1/admin/publish": route({
    api: "admin",
    operationId: "publishPeriod",
    summary: "Publish a period: freeze its rankings, head ratings and reform index as version n + 1",
    action: "publish",
    params: [],
    body: json(periodBodySchema),
    responses: { 201: ok("The new version with what moved since the previous one.", publicationViewSchema, ["Location"]) },
    problems: ["NO_DRAFT", "NO_CHANGES", "PUBLISH_CONFLICT"],
  }),
  "GET /v1/admin/publish/preview": route({
    api: "admin",
    operationId: "previewPublication",
    summary: "What publishing a period now would record, without publishing it",
    description:
      "A dry run of `POST /v1/admin/publish`: the version it would create, the difference list by tier (with the indicators that explain each move) and whether it would be refused as unchanged (`changed: false` ⇔ 409 NO_CHANGES). Nothing is written. NO_DRAFT (409) before the period is scored.",
    action: "publish",
    params: [A.period],
    body: undefined,
    responses: read("The publication that would be recorded.", publicationPreviewSchema),
    problems: ["NO_DRAFT"],
  }),
  "GET /v1/admin/publications": route({
    api: "admin",
    operationId: "listPublications",
    summary: "Every published version of a period",
    action: "rankings:read",
    params: [A.period],
    body: undefined,
    responses: read("Versions oldest first, and where each tier's draft stands.", publicationsSchema),
    problems: [],
  }),
  "GET /v1/admin/publications/{period}/{version}": route({
    api: "admin",
    operationId: "getPublishedRanking",
    summary: "One tier of a published version, as frozen",
    action: "rankings:read",
    params: [A.periodPath, A.version, A.tier],
    body: undefined,
    responses: read("The stored text, byte for byte.", rankingSnapshotSchema),
    problems: ["NOT_FOUND"],
  }),
  "GET /v1/admin/audit": route({
    api: "admin",
    operationId: "readAudit",
    summary: "Audit entries, newest first",
    action: "audit:read",
    params: [A.limit, A.cursor, A.from, A.to],
    body: undefined,
    responses: read("One page.", auditPageSchema),
    problems: [],
  }),
  "GET /v1/admin/audit.csv": route({
    api: "admin",
    operationId: "exportAudit",
    summary: "The audit log as CSV",
    description: "Cells starting with = + - @, a tab or a carriage return are prefixed with '. The export is audited once it is ready, before it is handed out (a refused or failed export writes no entry); more than 100 000 entries → 422 INVALID_PARAMETER (narrow from/to).",
    action: "audit:export",
    params: [A.from, A.to],
    body: undefined,
    responses: { 200: { description: "The entries as CSV (an attachment).", contentType: "text/csv" } },
    problems: [],
  }),

  // ——— corrective actions (issue 24, item 1) ———
  // Directive 03, clause C5; docs/adr/0019-corrective-actions.md. Served by the admin handler, the unit's two routes too.
  "GET /v1/admin/actions": route({
    api: "admin",
    operationId: "listCorrectiveActions",
    summary: "Corrective actions of the province",
    description: "Filtered by the basis's period, the unit, the status and whether the action is overdue now (its deadline, a local date, has passed and it is not accepted). Each with the unit's numbers of the named indicator in the basis period and each later scored period of the same kind.",
    action: "actions:read",
    params: [ACTION_PARAMS.period, ACTION_PARAMS.unitId, ACTION_PARAMS.status, ACTION_PARAMS.overdue],
    body: undefined,
    responses: read("The actions, the most pressing deadline first, with today's local date.", correctiveActionListSchema),
    problems: [],
  }),
  "POST /v1/admin/actions": route({
    api: "admin",
    operationId: "openCorrectiveAction",
    summary: "Open a corrective action against a unit",
    description:
      "From a concluded finding of that unit (`FINDING`), an indicator of the methodology in a period the unit was scored in (`INDICATOR`), or the band the unit had in a period (`BAND`); with a deadline (a local date, not before today) and what must change. " +
      "The same `actionId` with the same content again answers 200 (a double submit); with other content 409 ALREADY_EXISTS.",
    action: "actions:write",
    params: [],
    body: json(actionCreateSchema),
    responses: { 201: ok("Opened.", correctiveActionSchema, ["ETag", "Location"]), 200: ok("Already opened with this content.", correctiveActionSchema, ["ETag", "Location"]) },
    problems: ["ALREADY_EXISTS"],
  }),
  "GET /v1/admin/actions/{actionId}": route({
    api: "admin",
    operationId: "getCorrectiveAction",
    summary: "One corrective action, with its steps and the indicator's numbers",
    action: "actions:read",
    params: [ACTION_PARAMS.actionId],
    body: undefined,
    responses: versioned("The action; its ETag is its version.", correctiveActionSchema),
    problems: ["NOT_FOUND"],
  }),
  "POST /v1/admin/actions/{actionId}/accept": route({
    api: "admin",
    operationId: "acceptCorrectiveAction",
    summary: "Accept what the unit reported: the action is closed",
    description: "Only a REPORTED action (422 naming `status` otherwise: WRONG_STATUS, or ACTION_CLOSED once accepted). Audited.",
    action: "actions:write",
    params: [ACTION_PARAMS.actionId],
    body: json(actionAcceptSchema),
    ifMatch: true,
    responses: versioned("The accepted action.", correctiveActionSchema),
    problems: ["NOT_FOUND", "VERSION_CONFLICT"],
  }),
  "POST /v1/admin/actions/{actionId}/reopen": route({
    api: "admin",
    operationId: "reopenCorrectiveAction",
    summary: "Reopen a reported action with a reason (and a new deadline): the unit reports again",
    description: "Only a REPORTED action (422 naming `status` otherwise). A new deadline is not before today. Audited.",
    action: "actions:write",
    params: [ACTION_PARAMS.actionId],
    body: json(actionReopenSchema),
    ifMatch: true,
    responses: versioned("The reopened action.", correctiveActionSchema),
    problems: ["NOT_FOUND", "VERSION_CONFLICT"],
  }),
  "GET /v1/units/{unitId}/actions": route({
    api: "admin",
    operationId: "listUnitCorrectiveActions",
    summary: "The corrective actions opened against one unit",
    description: "A unit officer: their own unit's only. Overdue ones are flagged.",
    action: "unit:actions:read",
    params: [A.unitId],
    body: undefined,
    responses: read("The unit's actions, the most pressing deadline first.", correctiveActionListSchema),
    problems: [],
  }),
  "POST /v1/units/{unitId}/actions/{actionId}/report": route({
    api: "admin",
    operationId: "reportCorrectiveAction",
    summary: "Report what the unit did about an action",
    description: "What was done, and the indicator the unit expects to move. An OPEN or REOPENED action only (422 naming `status`: ACTION_CLOSED once accepted, WRONG_STATUS while a report waits). An action of another unit: 404. Audited.",
    action: "unit:actions:report",
    params: [A.unitId, ACTION_PARAMS.actionId],
    body: json(actionReportSchema),
    ifMatch: true,
    responses: versioned("The reported action.", correctiveActionSchema),
    problems: ["NOT_FOUND", "VERSION_CONFLICT"],
  }),
  // ——— proposals on heads (issue 24, item 2) ———
  // Directive 03, D8; docs/adr/0020-proposals-and-report-submissions.md. Never public, never a unit officer's.
  "GET /v1/admin/proposals": route({
    api: "admin",
    operationId: "listProposals",
    summary: "Proposals on heads of unit (reminder, criticism, discipline review)",
    action: "proposals:read",
    params: [A.unitIdFilter],
    body: undefined,
    responses: read("Every proposal, newest first (optionally of one unit).", proposalListSchema),
    problems: [],
  }),
  "POST /v1/admin/proposals": route({
    api: "admin",
    operationId: "createProposal",
    summary: "Record a proposal on a head of unit",
    description:
      "The head must be on the unit's roster (422 UNKNOWN_HEAD). Each basis is checked and recorded as read: a `FINDING` must be concluded (NOT_CONCLUDED), about the unit (NOT_THIS_UNIT) and, when it names a head, about this head (NOT_THIS_HEAD); " +
      "a `HEAD_RATING` must give the head a band in that period (NO_RATINGS, NOT_RATED). Refusals are 422 INVALID_CONTENT naming the field (`basis[i].findingId`…). A client-chosen `proposalId` makes a retry harmless. Audited.",
    action: "proposals:write",
    params: [],
    body: json(proposalCreateSchema),
    responses: { 201: ok("The proposal (PROPOSED, version 1).", proposalSchema, ["ETag", "Location"]), 200: ok("The same proposal submitted again.", proposalSchema, ["ETag"]) },
    problems: ["ALREADY_EXISTS"],
  }),
  "GET /v1/admin/proposals/{proposalId}": route({
    api: "admin",
    operationId: "getProposal",
    summary: "One proposal on a head",
    action: "proposals:read",
    params: [proposalIdParam],
    body: undefined,
    responses: versioned("The proposal; its ETag is its version.", proposalSchema),
    problems: ["NOT_FOUND"],
  }),
  "PUT /v1/admin/proposals/{proposalId}": route({
    api: "admin",
    operationId: "updateProposal",
    summary: "Edit a proposal still PROPOSED",
    description: "A decided or withdrawn proposal cannot change (422 naming `status`, PROPOSAL_CLOSED). The bases are checked again. Audited.",
    action: "proposals:write",
    params: [proposalIdParam],
    body: json(proposalUpdateSchema),
    ifMatch: true,
    responses: versioned("The proposal.", proposalSchema),
    problems: ["NOT_FOUND", "VERSION_CONFLICT"],
  }),
  "POST /v1/admin/proposals/{proposalId}/decide": route({
    api: "admin",
    operationId: "decideProposal",
    summary: "Record the decision on a proposal (PROPOSED → DECIDED)",
    description: "The decision's number, date (not in the future, not before the proposal) and outcome. Final. Audited.",
    action: "proposals:write",
    params: [proposalIdParam],
    body: json(proposalDecisionSchema),
    ifMatch: true,
    responses: versioned("The decided proposal.", proposalSchema),
    problems: ["NOT_FOUND", "VERSION_CONFLICT"],
  }),
  "POST /v1/admin/proposals/{proposalId}/withdraw": route({
    api: "admin",
    operationId: "withdrawProposal",
    summary: "Withdraw a proposal, saying why (PROPOSED → WITHDRAWN)",
    description: "Final. Audited.",
    action: "proposals:write",
    params: [proposalIdParam],
    body: json(proposalWithdrawSchema),
    ifMatch: true,
    responses: versioned("The withdrawn proposal.", proposalSchema),
    problems: ["NOT_FOUND", "VERSION_CONFLICT"],
  }),
  // ——— reports and their submission (issue 24, item 3) ———
  // The submission (D10; docs/adr/0020-proposals-and-report-submissions.md): deadlines, the units' narratives, the tracker.
  "GET /v1/admin/reports/{period}/deadline": route({
    api: "admin",
    operationId: "getReportDeadline",
    summary: "A half-year's or year's submission deadline",
    action: "reports:read",
    params: [submissionPeriodParam],
    body: undefined,
    responses: versioned("The deadline (null and version 0 while unset).", reportDeadlineSchema),
    problems: [],
  }),
  "PUT /v1/admin/reports/{period}/deadline": route({
    api: "admin",
    operationId: "setReportDeadline",
    summary: "Set a half-year's or year's submission deadline",
    description: "The last local (UTC+7) day on which a unit's narrative is on time: a unit with nothing submitted is OVERDUE from the next local midnight. Version 0 sets it the first time. Audited.",
    action: "reports:manage",
    params: [submissionPeriodParam],
    body: json(reportDeadlineInputSchema),
    ifMatch: true,
    responses: versioned("The deadline.", reportDeadlineSchema),
    problems: ["VERSION_CONFLICT"],
  }),
  "GET /v1/admin/reports/{period}/submissions": route({
    api: "admin",
    operationId: "getSubmissionTracker",
    summary: "Which units submitted their report narrative for a half-year or year",
    description: "Every unit valid in the period (the unit catalog; optionally one tier) with SUBMITTED, SUBMITTED_LATE (first submitted after the deadline's day), NOT_SUBMITTED or OVERDUE (the deadline's day has passed, nothing submitted), and the counts per state.",
    action: "reports:read",
    params: [submissionPeriodParam, R.tierFilter],
    body: undefined,
    responses: read("The tracker.", submissionTrackerSchema),
    problems: [],
  }),
  "GET /v1/units/{unitId}/reports/{period}/narrative": route({
    api: "admin",
    operationId: "getNarrative",
    summary: "A unit's narrative for its half-year or year report, with the deadline and its state",
    description: "A unit officer: their own unit only. 404 NOT_FOUND when the unit is not in the catalog during the period.",
    action: "unit:reports:read",
    params: [R.unitId, submissionPeriodParam],
    body: undefined,
    responses: versioned("The narrative (text null and version 0 while nothing is submitted).", narrativeSchema),
    problems: ["NOT_FOUND"],
  }),
  "PUT /v1/units/{unitId}/reports/{period}/narrative": route({
    api: "admin",
    operationId: "submitNarrative",
    summary: "Submit or revise the unit's narrative (the unit's officer)",
    description:
      "Version 0 submits it; its version revises it, at any time. The first submission's time stays `submittedAt`, which judges on time or late. Only the unit's own officer (Home Affairs and the chairman read it). Audited.",
    action: "unit:reports:submit",
    params: [R.unitId, submissionPeriodParam],
    body: json(narrativeInputSchema),
    ifMatch: true,
    responses: versioned("The narrative.", narrativeSchema),
    problems: ["NOT_FOUND", "VERSION_CONFLICT"],
  }),
  "GET /v1/reports/{period}": route({
    api: "admin",
    operationId: "getProvinceReport",
    summary: "The province's six-monthly or annual report (D10) as a document",
    description:
      "Built from the stored numbers of a half-year or a year: every ranked unit's service index, groups and indicators, the reform index, the head ratings, the concluded findings and the corrective actions, each beside the previous period of the same kind (2025-H2 vs 2025-H1, 2025 vs 2024). NOT_FOUND (404) before the period is scored.",
    action: "reports:read",
    params: [reportPeriodParam, R.version],
    body: undefined,
    responses: read("The report document: the working one, or with `version` the published one as stored, byte for byte.", reportDocumentSchema),
    problems: ["NOT_FOUND"],
  }),
  "POST /v1/reports/publish": route({
    api: "admin",
    operationId: "publishReport",
    summary: "Publish (freeze) the province report of a half-year or a year as version n + 1",
    description:
      "The document as built now, stored and served afterwards byte for byte (`GET /v1/reports/{period}?version=n`); later changes need a new version. NO_CHANGES (409) when nothing but the build time would differ from the latest version; PUBLISH_CONFLICT (409) when another publisher took the version first; NOT_FOUND (404) before the period is scored. Audited (`report.publish`).",
    action: "reports:manage",
    params: [],
    body: json(periodBodySchema),
    responses: { 201: ok("The version published.", reportPublishedSchema, ["Location"]) },
    problems: ["NOT_FOUND", "NO_CHANGES", "PUBLISH_CONFLICT"],
  }),
  "GET /v1/units/{unitId}/reports/{period}": route({
    api: "admin",
    operationId: "getUnitReport",
    summary: "One unit's six-monthly or annual report (D10) as a document",
    description: "The province report's sections for one unit, with its narrative. A unit officer: their own unit only. NOT_FOUND (404) before the period is scored, or when the unit has no row in it.",
    action: "unit:reports:read",
    params: [R.unitId, reportPeriodParam],
    body: undefined,
    responses: read("The report document.", reportDocumentSchema),
    problems: ["NOT_FOUND"],
  }),
  // ——— rules as data (issue 24, item 4) ———
  "GET /v1/admin/rules": route({
    api: "admin",
    operationId: "readRules",
    summary: "The holiday calendar and the unit catalog as data: each kind's versions and what is in force",
    description: "Version 0 of each kind is the compiled data; each recorded change is a version, with who recorded it, when and on what basis (docs/adr/0022-rules-as-data.md).",
    action: "rankings:read",
    params: [],
    body: undefined,
    responses: read("Each kind's version (send it back to change it), the years of holidays in force and the versions.", rulesViewSchema),
    problems: [],
  }),
  "PUT /v1/admin/rules/holidays": route({
    api: "admin",
    operationId: "recordHolidayYear",
    summary: "Record a year's holidays, compensatory days off and make-up working days",
    description:
      "Replaces the year's list (the compiled one or an earlier version) or adds the year after the calendar's last. Refused per field (422 INVALID_CONTENT): a date outside the year, a date listed twice, " +
      "a make-up working day on a weekday, a compensatory day off on a weekend, a year with no holiday, a year leaving a gap, a year before the current one (closed). The next scoring run counts working days with it. Audited.",
    action: "rules:write",
    params: [],
    body: json(holidayYearSchema),
    ifMatch: true,
    responses: read("The holiday rules after the change.", holidayRulesSchema),
    problems: ["VERSION_CONFLICT"],
  }),
  "POST /v1/admin/rules/unit-changes": route({
    api: "admin",
    operationId: "recordUnitChange",
    summary: "Record a unit change: a new unit, a merger, a rename or a dissolution, effective from a date",
    description:
      "Checked against the catalog in force (422 INVALID_CONTENT naming the field): new ids unique, closed units known, still open and begun before the date, merged units of the successor's tier, parents valid on the date, " +
      "a dissolved unit without open units under it, the date no earlier than the first day of the current month. Closed units end the day before and name their successors, so trends cross the change. Audited.",
    action: "rules:write",
    params: [],
    body: json(unitChangeInputSchema),
    ifMatch: true,
    responses: read("The unit rules after the change.", unitRulesSchema),
    problems: ["VERSION_CONFLICT"],
  }),
  "POST /v1/admin/rules/methodology/preview": route({
    api: "admin",
    operationId: "previewMethodologyVersion",
    summary: "What the last scored period's ranking would be under a methodology version (nothing is written)",
    description:
      "The version is the changes over the version in force before it (weights, targets, bands, which indicators Home Affairs enters), checked as publishing checks it (`valid`, `errors` naming each field); " +
      "the counts of each tier's snapshot of the last scored period ending before its date are scored again with it, beside the numbers as they are.",
    action: "rules:write",
    params: [],
    body: json(methodologyVersionInputSchema),
    responses: read("The preview.", methodologyPreviewSchema),
    problems: [],
  }),
  "POST /v1/admin/rules/methodology": route({
    api: "admin",
    operationId: "publishMethodologyVersion",
    summary: "Publish a methodology version effective from the first day of a coming month",
    description:
      "Refused per field (422 INVALID_CONTENT): an id already used, a date not the first of a month after today or not after the last version's, an unknown indicator, group or band, and every issue of the methodology validator " +
      "(group maxima adding up to 100, each group's indicators reaching its max, targets in (0, 1], bands ordered…). Periods starting on or after the date are scored with it; earlier ones keep their version. Audited.",
    action: "rules:write",
    params: [],
    body: json(methodologyVersionInputSchema),
    ifMatch: true,
    responses: read("The methodology rules after the change.", methodologyRulesSchema),
    problems: ["VERSION_CONFLICT"],
  }),

  // ——— local runtime only: stand-ins for Cognito's hosted UI ———
  "GET /v1/local/users": route({
    api: "local",
    operationId: "listDemoUsers",
    summary: "The demo users of each role (local runtime only)",
    action: null,
    params: [],
    body: undefined,
    responses: read("The users the login page lists.", localUsersSchema),
    problems: ["MISDIRECTED_REQUEST"],
  }),
  "POST /v1/local/login": route({
    api: "local",
    operationId: "localLogin",
    summary: "Sign in as a demo user (local runtime only)",
    action: null,
    params: [],
    body: { kind: "local-json", schema: loginRequestSchema },
    responses: read("A short-lived token for the user.", loginResultSchema),
    problems: ["MISDIRECTED_REQUEST", "UNSUPPORTED_MEDIA_TYPE", "MALFORMED_JSON", "UNKNOWN_USER"],
  }),
} as const satisfies Readonly<Record<string, RouteContract>>;

export type RouteKey = keyof typeof ROUTES;
export type RouteOf<K extends RouteKey> = (typeof ROUTES)[K];
/** The keys of the routes one handler serves. */
export type RouteKeyOf<A extends Api> = { [K in RouteKey]: RouteOf<K>["api"] extends A ? K : never }[RouteKey];

export const ROUTE_KEYS = Object.keys(ROUTES) as RouteKey[];
export const routeKeysOf = <A extends Api>(api: A): RouteKeyOf<A>[] => ROUTE_KEYS.filter((k): k is RouteKeyOf<A> => ROUTES[k].api === api);

/** `GET /v1/units/{unitId}/trend` → ["GET", "/v1/units/{unitId}/trend"]. */
export function methodAndPath(key: RouteKey): { readonly method: "GET" | "POST" | "PUT"; readonly path: string } {
  const [method, path] = key.split(" ") as ["GET" | "POST" | "PUT", string];
  return { method, path };
}

/** Who may call a route, from the policy: nobody needs a token; a source system's token; a staff token with these roles. */
export type Caller =
  | { readonly kind: "public" }
  | { readonly kind: "source-system" }
  | { readonly kind: "staff"; readonly roles: readonly Role[]; readonly ownUnitOnly: readonly Role[] };

export function callerOf(action: Action | null): Caller {
  if (action === null || action === "public:read") return { kind: "public" };
  if (action === "events:write") return { kind: "source-system" };
  const may = (role: Role, unitId: string) => authorize({ role, sub: "probe", unitId: "UNIT-A" }, action, { unitId }).allowed;
  const roles = ROLES.filter((r) => r !== "public" && r !== "source-system" && may(r, "UNIT-A"));
  return { kind: "staff", roles, ownUnitOnly: roles.filter((r) => !may(r, "UNIT-B")) };
}

/** Every problem code a route can answer with: its own, and those its caller, parameters and body imply. */
export function problemCodes(r: RouteContract): ProblemCode[] {
  const codes = new Set<ProblemCode>();
  const caller = callerOf(r.action);
  if (caller.kind !== "public") codes.add("UNAUTHENTICATED").add("FORBIDDEN");
  if (r.params.some((p) => p.in === "query" && p.required)) codes.add("MISSING_PARAMETER");
  if (r.params.length > 0) codes.add("INVALID_PARAMETER");
  const body: readonly ProblemCode[] =
    r.body?.kind === "json"
      ? ["UNSUPPORTED_MEDIA_TYPE", "EMPTY_BODY", "INVALID_ENCODING", "MALFORMED_JSON", "TOO_DEEP", "DUPLICATE_KEY", "INVALID_CONTENT", "PAYLOAD_TOO_LARGE"]
      : r.body?.kind === "csv"
        ? ["UNSUPPORTED_MEDIA_TYPE", "EMPTY_BODY", "INVALID_ENCODING", "INVALID_CONTENT", "MALFORMED_CSV", "PAYLOAD_TOO_LARGE"]
        : r.body?.kind === "batch"
          ? ["UNSUPPORTED_MEDIA_TYPE", "EMPTY_BODY", "INVALID_ENCODING", "MALFORMED_JSON", "TOO_DEEP", "DUPLICATE_KEY", `MISSING_${upper(r.body.key)}`, "EMPTY_BATCH", "PAYLOAD_TOO_LARGE", `TOO_MANY_${upper(r.body.key)}`]
          : [];
  for (const c of body) codes.add(c);
  if (r.ifMatch) codes.add("INVALID_IF_MATCH").add("VERSION_MISMATCH").add("VERSION_REQUIRED");
  if (r.idempotencyKey) codes.add("INVALID_IDEMPOTENCY_KEY").add("IDEMPOTENCY_KEY_IN_FLIGHT").add("IDEMPOTENCY_KEY_REUSED");
  for (const c of r.problems) codes.add(c);
  codes.add("INTERNAL");
  return [...codes];
}

const upper = <K extends BatchKey>(key: K) => key.toUpperCase() as Uppercase<K>;
