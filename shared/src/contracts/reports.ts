/**
 * The six-monthly and annual reports as documents (Directive 03, D10; issue 24, item 3;
 * docs/adr/0021-reports.md): one JSON document per report — the province's or one unit's — built
 * once from the stored snapshots, head ratings, reform index, findings, corrective actions and the
 * unit's narrative, and read by the dashboard's report page, its XLSX and the CLI's PDF.
 */
import { z } from "zod";
import { hasReformIndex } from "../methodology/reform-index.js";
import { isPeriodId, parsePeriod } from "../time/period.js";
import { tierSchema } from "./api.js";
import { findingSchema } from "./admin.js";
import type { ParamSpec } from "./params.js";
import { listOf, mapOf, named, view } from "./schema-kit.js";

const REPORT_PERIOD = "a half-year or a year, such as 2025-H2 or 2025";
/** Reports exist for half-years and years (D10: every six months and every year). */
export const isReportPeriod = (v: string): boolean => isPeriodId(v) && hasReformIndex(parsePeriod(v));

/** `{period}` of the report routes. */
export const reportPeriodParam: ParamSpec<"period", string, true> = {
  name: "period",
  in: "path",
  required: true,
  schema: z.string().refine(isReportPeriod, REPORT_PERIOD),
  hint: REPORT_PERIOD,
  invalid: `period: ${REPORT_PERIOD}.`,
};

const change = z.number().nullable().describe("This period's value minus the previous period's (null when either is missing).");

const indicatorLineSchema = view({
  numerator: z.number(),
  denominator: z.number(),
  ratio: z.number().nullable(),
  points: z.number().nullable(),
  max: z.number().nullable(),
  status: z.enum(["ok", "no-data"]),
});

const groupLineSchema = view({ points: z.number(), max: z.number() });

export const reportUnitSchema = named(
  "ReportUnit",
  view({
    unitId: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    tier: tierSchema,
    rank: z.number().int().nullable(),
    /** Units ranked in the tier (the denominator of `rank`). */
    ofRanked: z.number().int(),
    total: z.number().nullable(),
    band: z.string().nullable(),
    complete: z.boolean(),
    groups: mapOf(groupLineSchema),
    indicators: mapOf(indicatorLineSchema),
    reform: view({ total: z.number(), scoredMax: z.number(), complete: z.boolean(), band: z.string().nullable() }).nullable(),
    previous: view({
      rank: z.number().int().nullable(),
      total: z.number().nullable(),
      band: z.string().nullable(),
      groups: mapOf(groupLineSchema),
      indicators: mapOf(view({ ratio: z.number().nullable(), points: z.number().nullable() })),
      reform: z.number().nullable(),
    })
      .nullable()
      .describe("The same unit (same id) in the previous period of the same kind; null when it had no row then (a new unit, or no snapshot)."),
    change: view({ total: change, rank: change.describe("Previous rank minus this rank: positive = moved up."), reform: change }),
  }),
);
export type ReportUnit = z.output<typeof reportUnitSchema>;

export const reportTierSchema = named(
  "ReportTier",
  view({
    tier: tierSchema,
    units: z.number().int(),
    ranked: z.number().int(),
    /** Mean total of the ranked units (4 decimals). */
    meanTotal: z.number().nullable(),
    previousMeanTotal: z.number().nullable(),
    change,
    bands: mapOf(z.number().int()).describe("Units per band (unbanded units are not counted)."),
    /** Mean points per group of the ranked units. */
    groups: mapOf(groupLineSchema),
    /** Mean ratio per indicator over the units where it has data, this period and the previous one. */
    indicators: mapOf(view({ mean: z.number().nullable(), previousMean: z.number().nullable(), units: z.number().int() })),
  }),
);
export type ReportTier = z.output<typeof reportTierSchema>;

export const reportHeadSchema = named(
  "ReportHead",
  view({
    headId: z.string(),
    unitId: z.string(),
    tier: z.string(),
    unitNameVi: z.string(),
    unitNameEn: z.string(),
    name: z.string(),
    title: z.string(),
    status: z.enum(["RATED", "PENDING", "NOT_RATED"]),
    pending: z.string().nullable(),
    results: z.number().nullable(),
    general: z.number().nullable(),
    total: z.number().nullable(),
    band: z.string().nullable(),
    previousTotal: z.number().nullable(),
    previousBand: z.string().nullable(),
    change,
  }),
);
export type ReportHead = z.output<typeof reportHeadSchema>;

export const reportActionSchema = named(
  "ReportAction",
  view({
    actionId: z.string(),
    unitId: z.string(),
    basisKind: z.enum(["FINDING", "INDICATOR", "BAND"]),
    basisPeriod: z.string(),
    indicator: z.string().nullable(),
    required: z.string(),
    deadline: z.string(),
    status: z.enum(["OPEN", "REPORTED", "ACCEPTED", "REOPENED"]),
    overdue: z.boolean().describe("Not accepted and past its deadline on the day the report was built (Vietnam's date)."),
    lastReport: z.string().nullable().describe("What the unit last reported having done."),
  }),
);
export type ReportAction = z.output<typeof reportActionSchema>;

export const reportDocumentSchema = named(
  "ReportDocument",
  view({
    scope: z.enum(["province", "unit"]),
    period: z.string(),
    periodKind: z.enum(["HALF", "YEAR"]),
    previousPeriod: z.string().describe("The previous period of the same kind (2025-H1 for 2025-H2, 2024 for 2025)."),
    unitId: z.string().nullable(),
    methodology: z.string(),
    builtAt: z.string().describe("When the document was built from the stored numbers."),
    dataAsOf: z.string().nullable().describe("The latest `dataAsOf` of the snapshots read."),
    computedAt: z.string().nullable().describe("The latest `computedAt` of the snapshots read."),
    status: z.enum(["draft", "published"]),
    version: z.number().int().nullable().describe("The frozen report's version; null for a working document."),
    tiers: listOf(reportTierSchema).describe("Province report: each ranked tier; unit report: the unit's tier."),
    units: listOf(reportUnitSchema).describe("Province report: every ranked unit, by tier then rank; unit report: the unit."),
    heads: listOf(reportHeadSchema),
    findings: listOf(findingSchema).describe("Concluded inspection findings counted in the period."),
    actions: listOf(reportActionSchema)
      .nullable()
      .describe("Corrective actions whose basis lies in the period, with their status; null when this deployment keeps none."),
    narrative: view({ text: z.string(), submittedAt: z.string(), version: z.number().int() })
      .nullable()
      .describe("Unit report: the unit's narrative as submitted; null when none."),
    narrativeAvailable: z.boolean().describe("False when this deployment keeps no narratives (the section is left out)."),
  }),
);
export type ReportDocument = z.output<typeof reportDocumentSchema>;

/** `POST /v1/reports/publish`: the version frozen. */
export const reportPublishedSchema = named("ReportPublished", view({ period: z.string(), version: z.number().int(), publishedAt: z.string() }));
