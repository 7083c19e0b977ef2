/**
 * Shapes of the role-checked read routes (ARCHITECTURE §10): the server's use cases return them
 * and the dashboard reads them (types only there). One definition, so the two sides cannot drift.
 */
import { z } from "zod";
import type { PublicationInfo } from "../admin/publication.js";
import type { PublicRankingSnapshot } from "../publish/public-ranking.js";
import { indicatorStatusSchema, indicatorValueSchema, rankedUnitSchema, rankingSnapshotShape, tierSchema } from "./api.js";
import { type Assert, type Same, listOf, mapOf, named, view } from "./schema-kit.js";

/** Published-version metadata served beside a ranking (shared/src/admin/publication.ts computes it). */
export const publicationInfoSchema = named(
  "PublicationInfo",
  view({
    version: z.number().int().nullable().describe("Latest published version of the period (1, 2, …); null when never published."),
    publishedAt: z.string().nullable(),
    draftDiffers: z.boolean().describe("True when the current draft's numbers differ from the latest published version: the published version is not replaced."),
  }),
);
type _PublicationInfo = Assert<Same<z.output<typeof publicationInfoSchema>, PublicationInfo>>;

/** `GET /v1/rankings` and `/v1/public/rankings`: a snapshot and where it stands against the latest published version. */
export const rankingViewSchema = named("RankingView", view({ ...rankingSnapshotShape, publication: publicationInfoSchema.optional() }));
export type RankingView = z.output<typeof rankingViewSchema>;

/**
 * `GET /v1/public/rankings`: the ranking as the public receives it (shared/src/publish/public-ranking.ts):
 * no scan metadata, and every value the small-count rule withholds null and marked.
 */
const withheld = z.literal(true).optional().describe("Present (true) when a value here is withheld by the small-count rule.");
export const publicRankingViewSchema = named(
  "PublicRankingView",
  view({
    ...(({ units: _units, scan: _scan, ...rest }) => rest)(rankingSnapshotShape),
    units: listOf(
      view({
        unitId: z.string(),
        nameVi: z.string(),
        nameEn: z.string(),
        tier: tierSchema,
        rank: z.number().int().nullable(),
        total: z.number().nullable().describe("null when the unit has no data at all, or (as a last resort) withheld."),
        complete: z.boolean(),
        missing: listOf(z.string()).optional().describe("The scored indicators without data (why `complete` is false)."),
        band: z.string().nullable(),
        indicators: mapOf(
          view({
            numerator: z.number().nullable(),
            denominator: z.number().nullable(),
            ratio: z.number().nullable(),
            points: z.number().nullable(),
            max: z.number().nullable(),
            status: indicatorStatusSchema,
            suppressed: withheld,
          }),
        ),
        counts: mapOf(z.number().nullable()),
        groups: mapOf(view({ points: z.number().nullable(), max: z.number(), suppressed: withheld })).optional(),
        suppressed: listOf(z.string()).optional().describe("Every withheld value of the row, as a path (indicators.P1.numerator, counts.LATE, total); absent when nothing was withheld."),
      }),
    ),
    suppression: view({
      smallCount: z.number().int().describe("Counts from 1 to smallCount − 1, and whatever derives one, are withheld."),
      checkedVersions: listOf(z.number().int()).describe("Published versions of the same period and tier the differences were checked against."),
      withheld: z.number().int().describe("Values withheld in this ranking (all units)."),
    }),
    publication: publicationInfoSchema,
  }),
);
type _PublicRankingView = Assert<Same<z.output<typeof publicRankingViewSchema>, PublicRankingSnapshot & { readonly publication: PublicationInfo }>>;

/** `GET /v1/units/{unitId}/scorecard?period=`. */
export const unitScorecardSchema = named(
  "UnitScorecard",
  view({
    period: z.string(),
    methodology: z.string(),
    computedAt: z.string(),
    unit: rankedUnitSchema,
    rankedUnits: z.number().int().describe('Units ranked in the tier that period (for "rank 3 of 21").'),
    previous: view({ period: z.string(), unit: rankedUnitSchema.nullable() }).nullable(),
  }),
);
export type UnitScorecard = z.output<typeof unitScorecardSchema>;

export const trendPointSchema = named(
  "TrendPoint",
  view({
    period: z.string(),
    unitId: z.string().describe("Differs from the unit asked for across a merger."),
    total: z.number().nullable(),
    rank: z.number().int().nullable(),
    rankedUnits: z.number().int(),
    indicators: mapOf(indicatorValueSchema),
  }).describe("One scored month of a unit's trend."),
);
export type TrendPoint = z.output<typeof trendPointSchema>;

/** `GET /v1/units/{unitId}/trend?year=`: the scored months of one year (months without a score are absent). */
export const unitTrendSchema = named("UnitTrend", view({ unitId: z.string(), year: z.number().int(), methodology: z.string(), points: listOf(trendPointSchema) }));
export type UnitTrend = z.output<typeof unitTrendSchema>;

// Unnamed (not an OpenAPI component): the list route answers `IndicatorList` records since issue 20 item 1.
export const caseRowSchema = view({
    caseId: z.string(),
    field: z.string().nullable(),
    status: z.string(),
    receivedAt: z.string(),
    dueAt: z.string().nullable(),
    endAt: z.string().nullable(),
    supplementRequests: z.number().int(),
    rule: z.string().describe("The rule of methodology §2 that classified the dossier, as a stable code."),
  }).describe("A dossier behind a unit's progress numbers (drill-down, methodology §7).");
export type CaseRow = z.output<typeof caseRowSchema>;

/**
 * The P1 drill-down's former answer (a unit's dossiers of a period): no longer a wire shape since
 * `GET /v1/units/{unitId}/cases` answers an `IndicatorList` (issue 20 item 1); kept, unnamed (not
 * an OpenAPI component), as the shape of test fixtures.
 */
export const unitCasesSchema = view({ unitId: z.string(), period: z.string(), methodology: z.string(), indicator: z.string().optional(), cases: listOf(caseRowSchema) });
export type UnitCases = z.output<typeof unitCasesSchema>;

export const pendingConsultationSchema = named(
  "PendingConsultation",
  view({
    requestedBy: z.string().describe("The unit that asked (the holder at the time)."),
    consultedUnitId: z.string(),
    requestedAt: z.string(),
    stepDueAt: z.string().nullable().describe("The step due date the consulted unit must answer by (set by the source)."),
  }).describe("A consultation (lấy ý kiến phối hợp) asked for and not answered yet."),
);
export type PendingConsultation = z.output<typeof pendingConsultationSchema>;

export const OPEN_CASE_ROLES = ["HOLDER", "CONSULTED"] as const;
export const DUE_RULES = ["CASE_DUE", "STEP_DUE", "REPEATED_SUPPLEMENT"] as const;

export const openCaseSchema = named(
  "OpenCase",
  view({
    caseId: z.string(),
    unitId: z.string().describe("The unit this row warns: the unit that holds the dossier now, or a unit consulted on it that has not answered."),
    role: z.enum(OPEN_CASE_ROLES).describe("HOLDER: the unit holds the dossier (the receiving unit, or the target of its latest transfer); CONSULTED: the unit was consulted and has not answered."),
    leadUnitId: z.string().describe("The receiving unit, which answers for the dossier's due date."),
    procedureCode: z.string().nullable(),
    procedureNameVi: z.string().nullable().describe("The procedure's name in the ingested catalog; null when the catalog does not have it."),
    procedureNameEn: z.string().nullable(),
    field: z.string().nullable(),
    receivedAt: z.string().nullable(),
    dueAt: z.string().describe(
      "What this unit is warned against: for the holder the earlier of the dossier's due date and its own transfer step due date (from the second supplement request on, that request's time: the dossier is late); for a consulted unit its step due date. For a paused dossier, the due date in force when the clock stopped (it moves when the supplement arrives).",
    ),
    dueRule: z.enum(DUE_RULES).describe("Which of the dates above `dueAt` is."),
    caseDueAt: z.string().nullable().describe("The dossier's due date: the legal due date plus every closed supplement pause (calendar time, methodology §2)."),
    pausedSince: z.string().nullable().describe("The open supplement request that stopped the clock; null when it runs."),
    supplementRequests: z.number().int(),
    heldSince: z.string().describe("When this unit got the dossier: its receipt, the transfer to it, or the (first pending) consultation request."),
    daysLate: z.number().int().describe("Working days past `dueAt` today (0 unless overdue)."),
    consultations: listOf(pendingConsultationSchema).describe("Pending consultations of the dossier (for a consulted unit: those asked of it)."),
  }).describe("An open dossier from the live open-case index."),
);
export type OpenCase = z.output<typeof openCaseSchema>;

export const warnedConsultationSchema = named(
  "WarnedConsultation",
  view({
    caseId: z.string(),
    side: z.enum(["AWAITING", "TO_ANSWER"]).describe("AWAITING: the unit holds the dossier and waits for the answer; TO_ANSWER: the unit was consulted and must answer."),
    requestedBy: z.string(),
    consultedUnitId: z.string(),
    requestedAt: z.string(),
    stepDueAt: z.string().nullable(),
    overdue: z.boolean().describe("The step due date has passed."),
  }).describe("A pending consultation one unit is party to."),
);
export type WarnedConsultation = z.output<typeof warnedConsultationSchema>;

/** `GET /v1/units/{unitId}/warnings`: what a unit must act on today (directive D3). */
export const unitWarningsSchema = named(
  "UnitWarnings",
  view({
    unitId: z.string(),
    asOf: z.string(),
    overdue: listOf(openCaseSchema).describe("Open dossiers past their due time now (held by the unit, or consulted on and not answered)."),
    dueSoon: listOf(openCaseSchema).describe("Open dossiers due before the end of the 2nd working day from today (local time)."),
    dueSoonUntil: z.string(),
    paused: listOf(openCaseSchema).describe("Held dossiers whose clock is stopped waiting for the applicant's supplement: neither overdue nor due soon (methodology §2)."),
    consultations: listOf(warnedConsultationSchema).describe("Pending consultations the unit is party to (either side), earliest step due first."),
  }),
);
export type UnitWarnings = z.output<typeof unitWarningsSchema>;

/** `GET /v1/warnings`: counts per unit valid today (chairman, Home Affairs). */
export const warningSummarySchema = named(
  "WarningSummary",
  view({
    asOf: z.string(),
    units: listOf(view({ unitId: z.string(), tier: z.string(), nameVi: z.string(), overdue: z.number().int(), dueSoon: z.number().int() })),
  }),
);
export type WarningSummary = z.output<typeof warningSummarySchema>;

// ——— Head-of-unit ratings and the reform index (methodology §5, §6) ———

export const headPendingReasonSchema = z
  .enum(["SHORT_TENURE", "NO_CASES", "GENERAL_MISSING", "RESCORE"])
  .describe(
    "Why a head listed for a period has no total (methodology §6): SHORT_TENURE in office for less than half of the period (listed, not rated); " +
      "NO_CASES no dossier received during the tenure has a verdict yet; GENERAL_MISSING the 30 points of general criteria are not entered by Home Affairs yet; " +
      "RESCORE the tenure was edited after the last scoring run (results are recomputed at the next one).",
  );
export type HeadPendingReason = z.output<typeof headPendingReasonSchema>;

export const tenureResultsSchema = named(
  "TenureResults",
  view({
    from: z.string().describe("Local date (inclusive) the tenure inside the period starts."),
    to: z.string(),
    days: z.number().int(),
    periodDays: z.number().int(),
    casesFrom: z.string().describe("Start of the tenure: dossiers received from this date on (carried over into the period included) are the head's."),
    cases: z.number().int().nullable().describe("Dossiers the unit received in the period during the tenure; null when not computed (pending RESCORE)."),
    serviceIndex: z.number().nullable().describe("Service index (/100) over the tenure; null when there is nothing to judge."),
    serviceIndexComplete: z.boolean().describe('False when an indicator of the tenure\'s index is "no data" (as for a unit\'s total).'),
    ratios: view({ R2: z.number().nullable(), R5: z.number().nullable() }).describe("The ratios the deductions read; null = nothing to judge (no deduction)."),
    indicators: mapOf(indicatorValueSchema).describe("The indicators recomputed on the tenure's cases (the others are the unit's period values)."),
  }).describe("What a head's results were computed on: the period's dossiers (received in it, or carried over into it) that the unit received while the head was in office."),
);
export type TenureResults = z.output<typeof tenureResultsSchema>;

export const headRatingViewSchema = named(
  "HeadRating",
  view({
    headId: z.string(),
    unitId: z.string(),
    tier: z.string(),
    unitNameVi: z.string(),
    unitNameEn: z.string(),
    name: z.string(),
    title: z.string(),
    demo: z.boolean().describe("A fictional head of the demo data."),
    status: z.enum(["RATED", "PENDING", "NOT_RATED"]),
    pending: headPendingReasonSchema.nullable().describe("Why there is no total; null when rated."),
    tenure: tenureResultsSchema,
    results: z.number().nullable().describe("70 × index / 100 minus the deductions, floored at 0 (of resultsMax)."),
    deductions: mapOf(z.number()).describe("R2 and R5 shortfalls and concluded findings against the head (points)."),
    general: z.number().nullable().describe("General criteria entered by Home Affairs (of generalMax); null until entered."),
    total: z.number().nullable(),
    band: z.string().nullable(),
    cappedFromExcellent: z.boolean().describe("Scored Excellent but rated Good: at most 20 % of the Good-or-better heads of a tier may be Excellent."),
  }).describe("One head of unit in a period (methodology §6). Points have 4 decimals."),
);
export type HeadRatingView = z.output<typeof headRatingViewSchema>;

export const ratingsPublicationSchema = named(
  "RatingsPublication",
  view({
    version: z.number().int().nullable().describe("The latest published version with frozen ratings; null when none."),
    publishedAt: z.string().nullable(),
    draftDiffers: z.boolean().describe("The working (draft) values differ from that version's (a finding concluded, criteria entered, late events scored after publication)."),
  }).describe("Where a period's ratings stand against its publications: publishing a period freezes its head ratings and reform index with its ranking."),
);
export type RatingsPublication = z.output<typeof ratingsPublicationSchema>;

const ratingsStatus = {
  status: z.enum(["draft", "published"]).describe("draft: the working values; published: frozen with `version`."),
  version: z.number().int().nullable().describe("The published version these values were frozen with; null for the working values."),
  publication: ratingsPublicationSchema.optional().describe("Where the period's ratings stand against its publications (set by the read API)."),
};

/**
 * `GET /v1/head-ratings?period=&tier=[&version=]` (chairman, Home Affairs) and
 * `GET /v1/units/{unitId}/head-ratings?period=[&version=]` (also the unit's own officers): the
 * working (draft) values, or with `version` those frozen when that version was published.
 */
export const headRatingsSchema = named(
  "HeadRatings",
  view({
    period: z.string(),
    methodology: z.string(),
    computedAt: z.string().describe("When these ratings were computed (a scoring run, or a Home Affairs change)."),
    scoredAt: z.string().nullable().describe("When the tenures' results were last scored from the dossiers."),
    ...ratingsStatus,
    resultsMax: z.number(),
    generalMax: z.number(),
    heads: listOf(headRatingViewSchema),
  }),
);
export type HeadRatings = z.output<typeof headRatingsSchema>;

export const reformCriterionViewSchema = named(
  "ReformCriterion",
  view({
    code: z.string(),
    max: z.number(),
    source: z.enum(["MANUAL", "COMPUTED"]),
    base: z.number().nullable().describe("Points before deductions; null when not entered (manual) or not computable."),
    deduction: z.number().describe("Deductions of concluded inspection findings naming the criterion."),
    points: z.number().nullable(),
  }).describe("One criterion of the reform index of a unit (methodology §5)."),
);
export type ReformCriterionView = z.output<typeof reformCriterionViewSchema>;

export const reformIndexUnitSchema = named(
  "ReformIndexUnit",
  view({
    unitId: z.string(),
    tier: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    criteria: listOf(reformCriterionViewSchema),
    total: z.number().describe("Sum of the criteria's points (4 decimals), missing criteria counting 0 — see `complete`."),
    scoredMax: z.number().describe("The maximum of the criteria that have points (100 when complete): `total` is out of this."),
    complete: z.boolean().describe("False while any criterion is missing (not entered, no survey, no data)."),
    band: z.string().nullable().describe("Null while incomplete: a band given to a partial total would be a wrong verdict."),
  }),
);
export type ReformIndexUnit = z.output<typeof reformIndexUnitSchema>;

/**
 * `GET /v1/reform-index?period=&tier=` (chairman, Home Affairs) and
 * `GET /v1/units/{unitId}/reform-index?period=` (also the unit's own officers); half-years and years only.
 */
export const reformIndexViewSchema = named(
  "ReformIndex",
  view({
    period: z.string(),
    methodology: z.string(),
    computedAt: z.string(),
    ...ratingsStatus,
    provisional: z.boolean().describe("The criteria tree is the default template, not a decision of the province (methodology §5)."),
    units: listOf(reformIndexUnitSchema),
  }).describe("The reform index (PAR) per unit (methodology §5): eight criteria, manual ones entered by Home Affairs, findings deducted."),
);
export type ReformIndexView = z.output<typeof reformIndexViewSchema>;
