/**
 * Request bodies of the Home Affairs workspace (docs/api-admin.md): strict zod schemas the admin
 * handler validates with (functions/src/http/admin-request.ts `jsonBody`), the input types the use
 * cases take, and the dashboard's form bodies (type-only imports there).
 */
import { z } from "zod";
import { named } from "./schema-kit.js";

export const FINDING_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/;
export const UNIT_ID = /^[A-Z]+-[A-Z0-9]+(-\d{4,6})?$/;
export const CRITERION = /^[A-Z][A-Z0-9]{0,15}$/;
export const HEAD_ID = /^HEAD-[A-Z0-9-]{1,80}$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

const text = (max: number) => z.string().trim().min(1).max(max);
const noFormula = (s: string) => !/^[=+\-@\t\r]/.test(s);
/** Free text a person types: no control characters, not a spreadsheet formula (it ends up in CSV exports). */
export const humanText = (max: number) =>
  text(max)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "no control characters")
    .refine((s) => !/\p{Cs}/u.test(s), "no broken Unicode (a lone surrogate escape)")
    .refine(noFormula, "must not start with = + - @ (a spreadsheet formula)");

/** The version the caller last saw, in the body (or `If-Match`). */
export const version = (min: number) => z.number().int().min(min).optional();

const findingFields = {
  unitId: z.string().regex(UNIT_ID, "a unit id"),
  headId: z.string().regex(HEAD_ID, "a head id").nullable().optional(),
  period: z.string().min(1).max(16),
  criterion: z.string().regex(CRITERION, "a criterion code such as PAR5").optional(),
  deduction: z.number().finite(),
  evidence: humanText(500),
};

export const findingCreateSchema = named("FindingCreate", z.strictObject({ findingId: z.string().regex(FINDING_ID, "letters, digits . _ : - (≤ 80)").optional(), ...findingFields }));
export const findingUpdateSchema = named("FindingUpdate", z.strictObject({ ...findingFields, version: version(1) }));
/** The body of `POST /v1/admin/findings` without its optional id, and of an edit without its version. */
export type FindingInput = Omit<z.output<typeof findingCreateSchema>, "findingId">;

export const conclusionSchema = named(
  "FindingConclusion",
  z.strictObject({
    noticeNumber: humanText(64),
    noticeDate: z.string().regex(DATE, "a date YYYY-MM-DD"),
    evidence: humanText(500).optional().describe("Replaces the evidence reference when given (e.g. the notice's document link)."),
    version: version(1),
  }),
);
export type ConclusionInput = Omit<z.output<typeof conclusionSchema>, "version">;

/** A manual reform-index criterion, or a head's general criteria: points with an evidence reference. */
export const appraisalSchema = named("Appraisal", z.strictObject({ points: z.number().finite(), evidence: humanText(500), version: version(0) }));
export type AppraisalInput = Omit<z.output<typeof appraisalSchema>, "version">;

/**
 * `PUT /v1/admin/indicators/{unitId}/{period}/{indicator}`: a service-index indicator entered by
 * Home Affairs (source MANUAL — D3, certified electronic copies): the period's counts as the
 * national indicator defines them, with an evidence reference. The points follow from the
 * methodology's rule (max × min(1, ratio ÷ target)); numerator ≤ denominator is checked by the use case.
 */
export const indicatorEntrySchema = named(
  "IndicatorEntry",
  z.strictObject({
    numerator: z.number().int().min(0).max(100_000_000).describe("D3: the requests to certify a copy from the original that were done as electronic copies in the period."),
    denominator: z.number().int().min(0).max(100_000_000).describe("D3: all requests to certify a copy from the original in the period (0: none — the indicator stays \"no data\")."),
    evidence: humanText(500).describe("Where the figures come from (a report's number and date)."),
    version: version(0),
  }),
);
export type IndicatorEntryInput = Omit<z.output<typeof indicatorEntrySchema>, "version">;

export const headInputSchema = named(
  "HeadInput",
  z.strictObject({
    name: humanText(200),
    title: humanText(100),
    tenureFrom: z.string().regex(DATE, "a date YYYY-MM-DD"),
    tenureTo: z.string().regex(DATE, "a date YYYY-MM-DD").nullable().describe("null: still in office."),
    version: version(0),
  }),
);
export type HeadInput = Omit<z.output<typeof headInputSchema>, "version">;

/** `POST /v1/admin/publish` and `POST /v1/admin/ratings`: a period id. */
export const periodBodySchema = named("PeriodBody", z.strictObject({ period: z.string().min(1).max(16) }));

/** A 1022 / portal complaint id, as the complaint contract allows (./complaint.ts). */
export const COMPLAINT_ID = /^[\p{L}\p{N}._:\-/#]{1,128}$/u;

/**
 * What a mark of an improper return rests on (Directive 03, clause 1đ; docs/adr/0015-improper-returns.md):
 * an inspection finding recorded here (its id), an upheld 1022 / portal complaint (its id: the
 * complaint contract carries no outcome, so Home Affairs states that it was upheld), or Home
 * Affairs' own decision with its number, date and evidence.
 */
export const improperReturnBasisSchema = named(
  "ImproperReturnBasis",
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("INSPECTION_FINDING"), findingId: z.string().regex(FINDING_ID, "a finding id") }),
    z.strictObject({ kind: z.literal("UPHELD_COMPLAINT"), complaintId: z.string().regex(COMPLAINT_ID, "a complaint id (letters, digits . _ : - / #, at most 128)") }),
    z.strictObject({
      kind: z.literal("HOME_AFFAIRS_DECISION"),
      decisionNumber: humanText(64),
      decisionDate: z.string().regex(DATE, "a date YYYY-MM-DD"),
      evidence: humanText(500),
    }),
  ]),
);
export type ImproperReturnBasis = z.output<typeof improperReturnBasisSchema>;

/** `PUT /v1/admin/improper-returns/{caseId}`: mark a dossier's return improper (version 0: never marked). */
export const improperReturnMarkSchema = named(
  "ImproperReturnMark",
  z.strictObject({
    unitId: z.string().regex(UNIT_ID, "a unit id").describe("The unit that returned the dossier (its R3 is charged)."),
    basis: improperReturnBasisSchema,
    note: humanText(500).optional(),
    version: version(0),
  }),
);
export type ImproperReturnMarkInput = Omit<z.output<typeof improperReturnMarkSchema>, "version">;

/** `POST /v1/admin/improper-returns/{caseId}/unmark`: withdraw a mark, saying why. */
export const improperReturnUnmarkSchema = named("ImproperReturnUnmark", z.strictObject({ reason: humanText(500), version: version(1) }));
export type ImproperReturnUnmarkInput = Omit<z.output<typeof improperReturnUnmarkSchema>, "version">;
