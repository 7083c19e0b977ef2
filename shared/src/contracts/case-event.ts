/**
 * The case-event contract (ARCHITECTURE §5): what source systems post to `POST /v1/events`.
 * The schema is the source of truth for the ingestion API, the bulk import, the OpenAPI
 * description and the tests. Unknown fields are rejected (allow-list), never silently kept.
 */
import { z } from "zod";
import { plainInstantMs } from "./iso-instant.js";
import { REASON_CODES, REASON_EVENT_TYPES, type ReasonCode, reasonDefinition, takesReason } from "./reason-codes.js";

export const CASE_EVENT_TYPES = [
  "RECEIVED",
  "TRANSFERRED",
  "CONSULT_REQUESTED",
  "CONSULT_ANSWERED",
  "SUPPLEMENT_REQUESTED",
  "SUPPLEMENT_RECEIVED",
  "REFUSED",
  "STOPPED",
  "WITHDRAWN",
  "RESOLVED",
  "RESULT_DELIVERED",
  "APOLOGY_ISSUED",
  "PAYMENT_COMPLETED",
  "RATED",
  "DUE_DATE_SET",
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export const CHANNELS = ["DIRECT", "ONLINE_FULL", "ONLINE_PARTIAL", "POSTAL"] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * A real calendar instant between 2000 and 2100 (the regex alone lets 2025-02-30 through). An
 * instant of the plain form (./iso-instant.ts: Date.parse reads every one) is checked on its digits.
 */
export function isRealInstant(s: string): boolean {
  if (!Number.isNaN(plainInstantMs(s))) {
    const y = Number(s.slice(0, 4));
    const m = Number(s.slice(5, 7));
    const d = Number(s.slice(8, 10));
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
    return y >= 2000 && y <= 2100 && d <= days;
  }
  const t = Date.parse(s);
  if (Number.isNaN(t)) return false;
  const [y, m, d] = s.slice(0, 10).split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return y >= 2000 && y <= 2100 && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** ISO-8601 instant with an explicit offset (`Z` or `+07:00`), as the contract requires. */
const isoInstant = z.iso
  .datetime({ offset: true })
  .refine(isRealInstant, { message: "not a real date between 2000 and 2100", params: { code: "INVALID_TIMESTAMP" } });

const id = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[\p{L}\p{N}._:\-/#]+$/u, "only letters, digits and . _ : - / #");

export const caseEventFlagsSchema = z.strictObject({
  digitizedDossier: z.boolean().optional(),
  digitizedResult: z.boolean().optional(),
  /** The result (kết quả giải quyết) was signed with a digital signature (ký số); sent on RESOLVED or RESULT_DELIVERED (dn-2026.2: O4). */
  digitallySigned: z.boolean().optional(),
  reusedData: z.boolean().optional(),
  onlinePayment: z.boolean().optional(),
  feeBearing: z.boolean().optional(),
  syncedToNationalPortal: z.boolean().optional(),
  resultRequired: z.boolean().optional(),
  personalDataStore: z.boolean().optional(),
  populationDatabase: z.boolean().optional(),
});
export type CaseEventFlags = z.infer<typeof caseEventFlagsSchema>;

export const ratingSchema = z.strictObject({
  satisfied: z.boolean(),
  progress: z.number().int().min(1).max(5).optional(),
  quality: z.number().int().min(1).max(5).optional(),
  attitude: z.number().int().min(1).max(5).optional(),
});

/**
 * Applicant identifiers as sources send them. Accepted at the boundary only so that the
 * ingestion use case can pseudonymise `idNumber`; every field here is dropped before storage.
 */
export const applicantSchema = z.strictObject({
  idNumber: z.string().max(32).optional(),
  name: z.string().max(256).optional(),
  phone: z.string().max(32).optional(),
  email: z.string().max(256).optional(),
  address: z.string().max(512).optional(),
  kind: z.enum(["CITIZEN", "BUSINESS"]).optional(),
});

export const caseEventSchema = z
  .strictObject({
    eventId: id(128),
    caseId: id(64),
    type: z.enum(CASE_EVENT_TYPES),
    occurredAt: isoInstant,
    unitId: id(64),
    procedureCode: id(64).optional(),
    field: z.string().min(1).max(64).regex(/^[A-Z0-9_]+$/, "upper-case code, e.g. LAND").optional(),
    channel: z.enum(CHANNELS).optional(),
    dueAt: isoInstant.optional(),
    flags: caseEventFlagsSchema.optional(),
    targetUnitId: id(64).optional(),
    rating: ratingSchema.optional(),
    /**
     * Why the dossier was returned (REFUSED, STOPPED) or documents asked for (SUPPLEMENT_REQUESTED):
     * one of the published codes (./reason-codes.ts). Optional — older sources do not send it; an
     * event without one reads as UNSPECIFIED, which never counts as a lawful ground.
     */
    reasonCode: z.enum(REASON_CODES).optional(),
    applicant: applicantSchema.optional(),
  })
  .superRefine((e, ctx) => {
    const need = (cond: boolean, path: string, message: string, code = "MISSING_FIELD") => {
      if (!cond) ctx.addIssue({ code: "custom", path: [path], message, params: { code } });
    };
    if (e.type === "RECEIVED") {
      need(e.dueAt !== undefined, "dueAt", "required on RECEIVED");
      need(e.channel !== undefined, "channel", "required on RECEIVED");
      need(e.procedureCode !== undefined, "procedureCode", "required on RECEIVED");
      need(e.field !== undefined, "field", "required on RECEIVED");
    }
    if (e.type === "DUE_DATE_SET") need(e.dueAt !== undefined, "dueAt", "required on DUE_DATE_SET");
    if (e.type === "TRANSFERRED" || e.type === "CONSULT_REQUESTED") {
      need(e.targetUnitId !== undefined, "targetUnitId", `required on ${e.type}`);
      need(e.dueAt !== undefined, "dueAt", `step due date required on ${e.type}`);
    }
    if (e.type === "RATED") need(e.rating !== undefined, "rating", "required on RATED");
    if (e.rating !== undefined && e.type !== "RATED") need(false, "rating", "only allowed on RATED", "RULE_VIOLATED");
    if (e.reasonCode !== undefined) {
      if (!takesReason(e.type)) need(false, "reasonCode", `only allowed on ${REASON_EVENT_TYPES.join(", ")}`, "RULE_VIOLATED");
      else if (!reasonDefinition(e.reasonCode)?.appliesTo.includes(e.type)) {
        const allowed = REASON_CODES.filter((c) => reasonDefinition(c)?.appliesTo.includes(e.type as never));
        need(false, "reasonCode", `${e.reasonCode} is not a reason for ${e.type}: one of ${allowed.join(", ")}`, "INVALID_VALUE");
      }
    }
  });

/** An event as it arrives (may carry applicant data). */
export type CaseEventInput = z.input<typeof caseEventSchema>;
export type CaseEventParsed = z.output<typeof caseEventSchema>;

/**
 * An event after the ingestion boundary: applicant data replaced by a keyed pseudonym,
 * timestamps normalised to UTC (`...Z`). This is the only shape that is ever stored.
 */
export interface StoredCaseEvent {
  readonly eventId: string;
  readonly caseId: string;
  readonly type: CaseEventType;
  readonly occurredAt: string;
  readonly unitId: string;
  readonly procedureCode?: string | undefined;
  readonly field?: string | undefined;
  readonly channel?: Channel | undefined;
  readonly dueAt?: string | undefined;
  readonly flags?: CaseEventFlags | undefined;
  readonly targetUnitId?: string | undefined;
  readonly rating?: z.infer<typeof ratingSchema> | undefined;
  /** On REFUSED, STOPPED, SUPPLEMENT_REQUESTED: the published reason (absent: UNSPECIFIED). */
  readonly reasonCode?: ReasonCode | undefined;
  readonly applicantPseudonym?: string | undefined;
}

/** The four complex fields of Directive 03, clause 1đ. */
export const COMPLEX_FIELDS = ["INVESTMENT", "LAND", "CONSTRUCTION", "CONDITIONAL_BUSINESS"] as const;
