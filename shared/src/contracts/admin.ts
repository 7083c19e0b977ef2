/**
 * Responses of the Home Affairs workspace (docs/api-admin.md): the admin use cases return them, the
 * dashboard reads them (types only there).
 */
import { z } from "zod";
import type { UnitDifference } from "../admin/publication.js";
import { improperReturnBasisSchema } from "./admin-requests.js";
import { fieldErrorSchema } from "./api.js";
import { publicationInfoSchema } from "./read-api.js";
import { type Assert, type Same, listOf, mapOf, named, view } from "./schema-kit.js";

/** Who did it: the principal's subject and role (ARCHITECTURE §7: every change is audited). */
export const actorSchema = view({ sub: z.string(), role: z.string() });

export const findingSchema = named(
  "Finding",
  view({
    findingId: z.string(),
    unitId: z.string(),
    headId: z.string().nullable(),
    period: z.string(),
    criterion: z.string().describe("Resolved criterion code (the template's default when the finding named none)."),
    deduction: z.number(),
    evidence: z.string(),
    noticeNumber: z.string().nullable(),
    noticeDate: z.string().nullable(),
    status: z.enum(["DRAFT", "CONCLUDED"]),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }).describe("An inspection finding (methodology §5; Directive 03, clauses 1đ and 4)."),
);
export type Finding = z.output<typeof findingSchema>;

export const criterionSchema = named(
  "Criterion",
  view({
    unitId: z.string(),
    period: z.string(),
    criterion: z.string(),
    max: z.number(),
    source: z.enum(["MANUAL", "COMPUTED"]),
    points: z.number().nullable(),
    evidence: z.string().nullable(),
    version: z.number().int().describe("0 until first appraised; send it back (If-Match or body) to change the appraisal."),
    lockedBy: listOf(z.string()).describe("Concluded findings that lock the criterion (the inspection result stands)."),
    locked: z.boolean(),
    updatedAt: z.string().nullable(),
  }).describe("A manual reform-index criterion of one unit for one period (methodology §5)."),
);
export type Criterion = z.output<typeof criterionSchema>;

export const manualIndicatorSchema = named(
  "ManualIndicator",
  view({
    unitId: z.string(),
    period: z.string(),
    indicator: z.string().describe("A service-index indicator of source MANUAL in the methodology (D3)."),
    group: z.string().nullable().describe("Its service-index group (D3: SHHS, digitisation)."),
    max: z.number().nullable().describe("Its points; null for an indicator shown but not scored."),
    target: z.number().describe("Full points at this ratio: points = max × min(1, ratio ÷ target)."),
    numerator: z.number().int().nullable().describe("null until entered."),
    denominator: z.number().int().nullable().describe("null until entered."),
    ratio: z.number().nullable().describe("numerator ÷ denominator; null until entered, or when the denominator is 0."),
    points: z.number().nullable().describe("The points scoring gives these counts; null until entered, or when the denominator is 0 (\"no data\": the total stays incomplete)."),
    evidence: z.string().nullable(),
    version: z.number().int().describe("0 until first entered; send it back (If-Match or body) to change the entry."),
    lockedBy: listOf(z.string()).describe("Concluded findings that name the indicator (the inspection result stands)."),
    locked: z.boolean(),
    updatedAt: z.string().nullable(),
    updatedBy: actorSchema.nullable().describe("Who made the current entry (its audit entry's actor); null until entered."),
  }).describe("A service-index indicator entered by Home Affairs for one unit and period (issue 20, item 5): it reaches the unit's total at once (the period's draft ranking is refreshed) and at every scoring run."),
);
export type ManualIndicator = z.output<typeof manualIndicatorSchema>;

export const headGeneralSchema = named(
  "HeadGeneral",
  view({
    unitId: z.string(),
    headId: z.string(),
    period: z.string(),
    max: z.number(),
    points: z.number().nullable().describe("null until entered."),
    evidence: z.string().nullable(),
    version: z.number().int().describe("0 until first entered; send it back to change the points."),
    updatedAt: z.string().nullable(),
  }).describe("The general criteria of a head of unit for a period (methodology §6, 30 points), entered by Home Affairs."),
);
export type HeadGeneral = z.output<typeof headGeneralSchema>;

export const headSchema = named(
  "Head",
  view({
    headId: z.string(),
    unitId: z.string(),
    name: z.string(),
    title: z.string().describe('e.g. "Giám đốc", "Chủ tịch UBND".'),
    tenureFrom: z.string().describe("First local date in office, inclusive."),
    tenureTo: z.string().nullable().describe("Last local date in office, inclusive; null = still in office."),
    demo: z.boolean().describe("Generated for the demo: the name is fictional."),
  }).describe("A head of unit (người đứng đầu) with tenure dates (methodology §6)."),
);
export type Head = z.output<typeof headSchema>;

export const headRosterSchema = named(
  "HeadRoster",
  view({ unitId: z.string(), version: z.number().int().describe("The roster's version: send it back to change a head."), heads: listOf(headSchema) }).describe(
    "Heads of one unit with their tenures, earliest first.",
  ),
);
export type HeadRoster = z.output<typeof headRosterSchema>;

/** `POST /v1/admin/units/{unitId}/heads`: the new roster and the new head's id. */
export const headAddedSchema = named("HeadAdded", view({ ...headRosterSchema.unwrap().shape, headId: z.string() }));

export const surveyImportReportSchema = named(
  "SurveyImportReport",
  view({
    importId: z.string(),
    rows: z.number().int(),
    imported: z.number().int(),
    conflicts: listOf(fieldErrorSchema).describe("Rows that passed validation but lost a race with another import of the same unit and period."),
  }),
);
export type SurveyImportReport = z.output<typeof surveyImportReportSchema>;

export const surveyResultSchema = named(
  "SurveyResult",
  view({
    unitId: z.string(),
    period: z.string(),
    share: z.number().describe("Satisfaction share 0..1 (methodology §5, criterion 8)."),
    respondents: z.number().int().nullable(),
    evidence: z.string(),
    importId: z.string(),
    version: z.number().int(),
    updatedAt: z.string(),
  }),
);
export type SurveyResult = z.output<typeof surveyResultSchema>;

const countsSchema = view({ numerator: z.number(), denominator: z.number(), points: z.number().nullable() }).nullable();
const moved = <T extends z.ZodType>(value: T) => view({ before: value, after: value }).nullable();

export const unitDifferenceSchema = named(
  "UnitDifference",
  view({
    tier: z.string(),
    unitId: z.string(),
    nameVi: z.string(),
    change: z.enum(["CHANGED", "ADDED", "REMOVED"]).describe("ADDED / REMOVED when the unit is in only one of the two versions."),
    total: moved(z.number().nullable()),
    rank: moved(z.number().int().nullable()),
    band: moved(z.string().nullable()),
    indicators: listOf(view({ code: z.string(), before: countsSchema, after: countsSchema })),
    explainedBy: listOf(z.string()).describe("The indicators that explain the move; empty when only the rank moved because other units' totals moved."),
  }).describe("One unit whose total, rank, band or indicator numbers moved between two published versions (shared/src/admin/publication.ts)."),
);
type _UnitDifference = Assert<Same<z.output<typeof unitDifferenceSchema>, UnitDifference>>;

export const publicationViewSchema = named(
  "Publication",
  view({
    period: z.string(),
    methodology: z.string(),
    version: z.number().int(),
    label: z.string(),
    publishedAt: z.string(),
    publishedBy: actorSchema,
    tiers: listOf(z.string()),
    differences: mapOf(listOf(unitDifferenceSchema)).describe("What moved since the previous version, by tier (empty for V1)."),
  }).describe("A published version of a period's ranking (every tier), with its head ratings and reform index frozen."),
);
export type Publication = z.output<typeof publicationViewSchema>;

export const publicationsSchema = named(
  "Publications",
  view({
    period: z.string(),
    versions: listOf(publicationViewSchema).describe("Oldest first."),
    draft: mapOf(publicationInfoSchema).describe("By tier: where the draft stands against the latest published version."),
  }),
);
export type Publications = z.output<typeof publicationsSchema>;

export const publicationPreviewSchema = named(
  "PublicationPreview",
  view({
    period: z.string(),
    methodology: z.string(),
    version: z.number().int().describe("The version publishing now would create (1 for the first publication)."),
    previousVersion: z.number().int().nullable().describe("The latest published version; null before the first publication."),
    tiers: listOf(z.string()).describe("The tiers whose drafts would be frozen."),
    changed: z
      .boolean()
      .describe("False when publishing now is refused with 409 NO_CHANGES: every draft has the numbers, and the ratings, of the latest published version. Always true before the first publication."),
    ratingsChanged: z.boolean().describe("True when the head ratings or the reform index differ from those the latest version froze."),
    differences: mapOf(listOf(unitDifferenceSchema)).describe("What would move since the latest published version, by tier (empty before the first publication): the list `POST /v1/admin/publish` would record."),
  }).describe("What publishing a period now would record, computed without publishing (a dry run: nothing is written)."),
);
export type PublicationPreview = z.output<typeof publicationPreviewSchema>;

export const ratingsRefreshedSchema = named("RatingsRefreshed", view({ period: z.string(), refreshed: z.literal(true) }));

export const auditEntrySchema = named(
  "AuditEntry",
  view({
    auditId: z.string().describe("Deterministic for a change (`<entity>:<id>:v<version>`) so that re-appending it is a no-op."),
    at: z.string(),
    actor: actorSchema,
    action: z.string().describe("e.g. finding.create, finding.update, finding.conclude, finding.refused, criterion.set, survey.import, head.create, publication.create, audit.export"),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  }).describe("One append-only audit record: who, when, what, before, after."),
);
export type AuditEntry = z.output<typeof auditEntrySchema>;

export const auditPageSchema = named(
  "AuditPage",
  view({ entries: listOf(auditEntrySchema).describe("Newest first."), next: z.string().nullable().describe("Cursor of the next (older) page; null on the last page.") }),
);
export type AuditPage = z.output<typeof auditPageSchema>;

/**
 * A dossier whose return Home Affairs marked improper, or unmarked (issue 20, item 6;
 * docs/adr/0015-improper-returns.md). Marked returns reach scoring at the next run (the lake's
 * `curated_improper_returns`): R3 and R9_R3 of dn-2026.2.
 */
export const improperReturnSchema = named(
  "ImproperReturn",
  view({
    caseId: z.string(),
    unitId: z.string().describe("The unit that returned the dossier."),
    status: z.enum(["MARKED", "UNMARKED"]),
    basis: improperReturnBasisSchema,
    note: z.string().nullable(),
    unmarkReason: z.string().nullable().describe("Why the mark was withdrawn (status UNMARKED)."),
    version: z.number().int().describe("Send it back (If-Match or body) to change the mark."),
    markedAt: z.string(),
    updatedAt: z.string(),
  }).describe("A mark of an improper return (Directive 03, clause 1đ)."),
);
export type ImproperReturn = z.output<typeof improperReturnSchema>;
