/**
 * OpenAPI description of the head-of-unit ratings and reform-index read routes (shapes:
 * shared/src/contracts/read-api.ts `HeadRatings`, `ReformIndexView`). Merged into the document
 * by openapi.ts.
 */

const problemRef = { $ref: "#/components/responses/Problem" };
const period = (description: string) => ({ name: "period", in: "query", required: true, schema: { type: "string" }, description });
const tier = { name: "tier", in: "query", required: false, schema: { enum: ["DEPARTMENT", "DISTRICT", "COMMUNE", "VERTICAL"] }, description: "Only this tier (default: every tier)." };
const unitId = { name: "unitId", in: "path", required: true, schema: { type: "string" } };
const version = {
  name: "version",
  in: "query",
  required: false,
  schema: { type: "integer", minimum: 1 },
  description: "A published version of the period: the values frozen when it was published (default: the working values). NO_RATINGS (404) when that version froze none.",
};
const errors = { "401": problemRef, "403": problemRef, "404": problemRef, "422": problemRef };
const ANY_PERIOD = "A period id: 2024-03, 2024-Q1, 2024-H1 or 2024.";
const REFORM_PERIOD = "A half-year or a year: 2024-H1, 2024-H2 or 2024 (the reform index is not set for months and quarters).";

const points = { type: ["number", "null"] };
const status = { enum: ["draft", "published"], description: "draft: the working values; published: frozen with `version`." };
const versionField = { type: ["integer", "null"], description: "The published version these values were frozen with; null for the working values." };

export const RATINGS_SCHEMAS: Record<string, unknown> = {
  HeadRating: {
    type: "object",
    description: "One head of unit in a period (methodology §6). Points have 4 decimals; results are of 70, general of 30.",
    required: ["headId", "unitId", "tier", "name", "status", "pending", "tenure", "results", "deductions", "general", "total", "band", "cappedFromExcellent"],
    properties: {
      headId: { type: "string" },
      unitId: { type: "string" },
      tier: { type: "string" },
      unitNameVi: { type: "string" },
      unitNameEn: { type: "string" },
      name: { type: "string" },
      title: { type: "string" },
      demo: { type: "boolean", description: "A fictional head of the demo data." },
      status: { enum: ["RATED", "PENDING", "NOT_RATED"] },
      pending: { enum: ["SHORT_TENURE", "NO_CASES", "GENERAL_MISSING", "RESCORE", null], description: "Why there is no total yet." },
      tenure: {
        type: "object",
        description: "The tenure inside the period and the results computed on the dossiers the unit received during it.",
        properties: {
          from: { type: "string", format: "date" },
          to: { type: "string", format: "date" },
          days: { type: "integer" },
          periodDays: { type: "integer" },
          casesFrom: { type: "string", format: "date", description: "Start of the tenure: the period's dossiers received from this date on (carried-over ones included) are the head's." },
          cases: { type: ["integer", "null"] },
          serviceIndex: points,
          serviceIndexComplete: { type: "boolean" },
          ratios: { type: "object", properties: { R2: points, R5: points } },
          indicators: { type: "object", additionalProperties: { type: "object" } },
        },
      },
      results: points,
      deductions: { type: "object", additionalProperties: { type: "number" }, description: "R2, R5 shortfalls and concluded findings (points)." },
      general: points,
      total: points,
      band: { type: ["string", "null"], examples: ["EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"] },
      cappedFromExcellent: { type: "boolean", description: "Scored Excellent, rated Good: at most 20 % of the Good-or-better heads of a tier may be Excellent." },
    },
  },
  RatingsPublication: {
    type: "object",
    description: "Where the period's ratings stand against its publications: publishing a period freezes its head ratings and reform index with its ranking.",
    required: ["version", "publishedAt", "draftDiffers"],
    properties: {
      version: { type: ["integer", "null"], description: "The latest published version with frozen ratings; null when none." },
      publishedAt: { type: ["string", "null"], format: "date-time" },
      draftDiffers: { type: "boolean", description: "The working values moved since that version (a finding concluded, criteria entered, late events scored)." },
    },
  },
  HeadRatings: {
    type: "object",
    required: ["period", "methodology", "computedAt", "scoredAt", "status", "version", "publication", "heads"],
    properties: {
      period: { type: "string" },
      methodology: { type: "string" },
      computedAt: { type: "string", format: "date-time" },
      scoredAt: { type: ["string", "null"], format: "date-time", description: "When the tenures' results were last computed from the dossiers." },
      status,
      version: versionField,
      publication: { $ref: "#/components/schemas/RatingsPublication" },
      resultsMax: { type: "number" },
      generalMax: { type: "number" },
      heads: { type: "array", items: { $ref: "#/components/schemas/HeadRating" } },
    },
  },
  ReformIndex: {
    type: "object",
    description: "The reform index (PAR) per unit (methodology §5): eight criteria, manual ones entered by Home Affairs, findings deducted.",
    required: ["period", "methodology", "computedAt", "status", "version", "publication", "provisional", "units"],
    properties: {
      period: { type: "string" },
      methodology: { type: "string" },
      computedAt: { type: "string", format: "date-time" },
      status,
      version: versionField,
      publication: { $ref: "#/components/schemas/RatingsPublication" },
      provisional: { type: "boolean", description: "The criteria tree is the default template, not a decision of the province." },
      units: {
        type: "array",
        items: {
          type: "object",
          properties: {
            unitId: { type: "string" },
            tier: { type: "string" },
            nameVi: { type: "string" },
            nameEn: { type: "string" },
            total: { type: "number" },
            scoredMax: { type: "number", description: "The maximum of the criteria that have points: total is out of this." },
            complete: { type: "boolean" },
            band: { type: ["string", "null"], description: "Null while a criterion is missing." },
            criteria: {
              type: "array",
              items: {
                type: "object",
                properties: { code: { type: "string" }, max: { type: "number" }, source: { enum: ["MANUAL", "COMPUTED"] }, base: points, deduction: { type: "number" }, points },
              },
            },
          },
        },
      },
    },
  },
};

const get = (summary: string, description: string, parameters: unknown[], schema: string) => ({
  get: {
    summary,
    description,
    security: [{ userToken: [] }],
    parameters,
    responses: { "200": { description: "The working values, or those frozen with a published version.", content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } } }, ...errors },
  },
});

export const RATINGS_PATHS: Record<string, unknown> = {
  "/v1/head-ratings": get("Head-of-unit ratings of a period", "Chairman and Home Affairs. Code NO_RATINGS (404) before the period is scored.", [period(ANY_PERIOD), tier, version], "HeadRatings"),
  "/v1/units/{unitId}/head-ratings": get("The heads of one unit in a period", "Chairman, Home Affairs, and the unit's own officers.", [unitId, period(ANY_PERIOD), version], "HeadRatings"),
  "/v1/reform-index": get("Reform index of every unit", "Chairman and Home Affairs. Half-years and years only (422 otherwise).", [period(REFORM_PERIOD), tier, version], "ReformIndex"),
  "/v1/units/{unitId}/reform-index": get("Reform index of one unit", "Chairman, Home Affairs, and the unit's own officers.", [unitId, period(REFORM_PERIOD), version], "ReformIndex"),
};
