/**
 * The six-monthly and annual reports' submission (Directive 03, D10: every head reports results to
 * the chairman through Home Affairs every six months and every year; issue 24, item 3;
 * docs/adr/0020-proposals-and-report-submissions.md): Home Affairs sets a period's deadline, a unit
 * officer attaches their unit's narrative, Home Affairs and the chairman follow who submitted.
 */
import { z } from "zod";
import { DATE, humanText, version } from "./admin-requests.js";
import type { ParamSpec } from "./params.js";
import { listOf, named, view } from "./schema-kit.js";

/** The longest narrative a unit may attach (characters): about four A4 pages. */
export const NARRATIVE_MAX = 8000;

/** Where a unit stands against its period's deadline (local dates, UTC+7). */
export const SUBMISSION_STATES = ["SUBMITTED", "SUBMITTED_LATE", "NOT_SUBMITTED", "OVERDUE"] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

/** `PUT /v1/admin/reports/{period}/deadline`: the last local day a unit may submit on (version 0: no deadline yet). */
export const reportDeadlineInputSchema = named(
  "ReportDeadlineInput",
  z.strictObject({
    deadline: z.string().regex(DATE, "a date YYYY-MM-DD").describe("The last local (UTC+7) day on which a submission is on time."),
    note: humanText(500).optional().describe("The document that set it (e.g. a Home Affairs notice)."),
    version: version(0),
  }),
);
export type ReportDeadlineInput = Omit<z.output<typeof reportDeadlineInputSchema>, "version">;

export const reportDeadlineSchema = named(
  "ReportDeadline",
  view({
    period: z.string(),
    deadline: z.string().nullable().describe("The last local day on time; null while Home Affairs has set none."),
    note: z.string().nullable(),
    version: z.number().int().describe("0 while unset; send it back (If-Match or body) to change the deadline."),
    updatedAt: z.string().nullable(),
  }),
);
export type ReportDeadline = z.output<typeof reportDeadlineSchema>;

/** `PUT /v1/units/{unitId}/reports/{period}/narrative`: the unit's narrative (version 0: the first submission). */
export const narrativeInputSchema = named(
  "NarrativeInput",
  z.strictObject({
    text: humanText(NARRATIVE_MAX).describe(`What the unit did in the period and what it will do (at most ${NARRATIVE_MAX} characters).`),
    version: version(0),
  }),
);
export type NarrativeInput = Omit<z.output<typeof narrativeInputSchema>, "version">;

export const narrativeSchema = named(
  "Narrative",
  view({
    unitId: z.string(),
    period: z.string(),
    text: z.string().nullable().describe("null: nothing submitted yet."),
    version: z.number().int().describe("0: nothing submitted; send it back to revise."),
    submittedAt: z.string().nullable().describe("When it was first submitted (revisions keep it)."),
    updatedAt: z.string().nullable().describe("When it was last revised."),
    submittedBy: z.string().nullable(),
    deadline: z.string().nullable().describe("The period's deadline (local date), null while unset."),
    state: z.enum(SUBMISSION_STATES),
  }).describe("A unit's narrative for a half-year or year report (D10)."),
);
export type Narrative = z.output<typeof narrativeSchema>;

export const submissionRowSchema = named(
  "SubmissionRow",
  view({
    unitId: z.string(),
    tier: z.string(),
    unitNameVi: z.string(),
    unitNameEn: z.string(),
    state: z.enum(SUBMISSION_STATES),
    submittedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
    version: z.number().int(),
  }),
);
export type SubmissionRow = z.output<typeof submissionRowSchema>;

/** `GET /v1/admin/reports/{period}/submissions`: every unit expected to report in the period, with its state. */
export const submissionTrackerSchema = named(
  "SubmissionTracker",
  view({
    period: z.string(),
    deadline: reportDeadlineSchema,
    asOf: z.string().describe("The instant the states were computed at."),
    counts: z.object({ SUBMITTED: z.number().int(), SUBMITTED_LATE: z.number().int(), NOT_SUBMITTED: z.number().int(), OVERDUE: z.number().int() }).readonly(),
    units: listOf(submissionRowSchema).describe("The units valid in the period, by tier then unit id."),
  }),
);
export type SubmissionTracker = z.output<typeof submissionTrackerSchema>;

const HALF_OR_YEAR = /^20\d\d(-H[12])?$/;
/** `{period}` of the submission routes: a half-year or a year. */
export const submissionPeriodParam: ParamSpec<"period", string, true> = {
  name: "period",
  in: "path",
  required: true,
  schema: z.string().regex(HALF_OR_YEAR, "a half-year or a year such as 2025-H2 or 2025"),
  hint: "a half-year or a year such as 2025-H2 or 2025",
};
