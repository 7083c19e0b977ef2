/**
 * `GET /v1/cases/{caseId}`: one dossier's story from its stored events (issue 20, item 2) — the
 * events in order, who held it and for how many working days, the supplement pauses, the
 * consultations with their due and answer times, and the R7 charge per unit
 * (shared/src/facts/delay-attribution.ts). Pseudonymised data only: no applicant field, and not
 * the applicant's pseudonym either.
 */
import { z } from "zod";
import { CASE_EVENT_TYPES, CHANNELS } from "./case-event.js";
import type { ParamSpec } from "./params.js";
import { listOf, mapOf, named, view } from "./schema-kit.js";

/** A dossier id as the events carry it (shared/src/contracts/case-event.ts). */
export const CASE_ID = /^[\p{L}\p{N}._:\-/#]{1,64}$/u;

/** The path parameter of the route (functions/src/http/route-input.ts reads it). */
export const caseIdParam: ParamSpec<"caseId", string, true> = {
  name: "caseId",
  in: "path",
  required: true,
  schema: z.string().regex(CASE_ID, "a dossier id"),
  hint: "a dossier id (letters, digits . _ : - / #, at most 64)",
  invalid: "caseId is not a dossier id.",
};

export const TIMELINE_STATUSES = ["EARLY", "ON_TIME", "LATE", "OVERDUE", "IN_PROGRESS", "EXCLUDED"] as const;

export const timelineEventSchema = named(
  "TimelineEvent",
  view({
    eventId: z.string(),
    type: z.enum(CASE_EVENT_TYPES),
    occurredAt: z.string(),
    unitId: z.string(),
    targetUnitId: z.string().nullable().describe("The unit a transfer gives the dossier to, or a consultation is asked of."),
    dueAt: z.string().nullable().describe("The due date the event sets: the dossier's (RECEIVED, DUE_DATE_SET) or a step's (TRANSFERRED, CONSULT_REQUESTED)."),
  }).describe("One stored event (no applicant data, no flags)."),
);
export type TimelineEvent = z.output<typeof timelineEventSchema>;

export const timelineHoldSchema = named(
  "TimelineHold",
  view({
    unitId: z.string(),
    role: z.enum(["LEAD", "TRANSFER"]).describe("LEAD: the receiving unit, from receipt to its first transfer; TRANSFER: a unit given the dossier by a transfer."),
    from: z.string(),
    to: z.string().nullable().describe("When it passed the dossier on or the dossier ended; null while it still holds it."),
    workingDays: z.number().int().describe("Working days held: those after the local date of `from` up to and including that of `to` (today while held), on the working-day calendar. Consecutive holds add up to the dossier's working days."),
    stepDueAt: z.string().nullable().describe("The transfer's step due date (null for the lead)."),
    overrunWorkingDays: z.number().int().describe("Working days past the step due date (transfers; 0 for the lead, whose overrun is the dossier's)."),
  }),
);
export type TimelineHold = z.output<typeof timelineHoldSchema>;

export const timelinePauseSchema = named(
  "TimelinePause",
  view({
    unitId: z.string().describe("The unit that asked for the supplement."),
    requestedAt: z.string(),
    suppliedAt: z.string().nullable().describe("The first SUPPLEMENT_RECEIVED at or after the request; null while the applicant has not supplied it (the clock is stopped)."),
    pausedMs: z.number().int().describe("Length of a closed pause: added to the due date (calendar time, methodology §2)."),
    workingDays: z.number().int().describe("Working days the pause spans (to today while open), for reading only: the due date moves by `pausedMs`."),
  }),
);
export type TimelinePause = z.output<typeof timelinePauseSchema>;

export const timelineConsultationSchema = named(
  "TimelineConsultation",
  view({
    requestedBy: z.string(),
    consultedUnitId: z.string(),
    requestedAt: z.string(),
    stepDueAt: z.string().nullable(),
    answeredAt: z.string().nullable(),
    verdict: z.enum(["ON_TIME", "LATE", "OVERDUE", "PENDING"]).describe("ON_TIME answered by the step due date (local dates); LATE after it; OVERDUE unanswered and past due; PENDING unanswered, not yet due."),
    workingDaysLate: z.number().int(),
    workingDays: z.number().int().describe("Working days from the request to the answer (to today while pending)."),
  }),
);
export type TimelineConsultation = z.output<typeof timelineConsultationSchema>;

export const timelineChargeSchema = named(
  "TimelineCharge",
  view({
    unitId: z.string(),
    role: z.enum(["TRANSFER", "CONSULTATION", "LEAD"]),
    overrunWorkingDays: z.number().int(),
  }).describe("Working days of the dossier's lateness charged to a unit (R7, shared/src/facts/delay-attribution.md)."),
);
export type TimelineCharge = z.output<typeof timelineChargeSchema>;

export const caseTimelineSchema = named(
  "CaseTimeline",
  view({
    caseId: z.string(),
    asOf: z.string().describe("The instant the status and the open intervals were judged at (now)."),
    leadUnitId: z.string().describe("The receiving unit, which answers for the due date."),
    procedureCode: z.string().nullable(),
    procedureNameVi: z.string().nullable().describe("From the ingested procedure catalog; null when it does not have the code."),
    procedureNameEn: z.string().nullable(),
    field: z.string().nullable(),
    channel: z.enum(CHANNELS).nullable(),
    receivedAt: z.string(),
    dueAt: z.string().describe("The legal due date in force (the latest DUE_DATE_SET, else the receipt's)."),
    effectiveDueAt: z.string().describe("dueAt plus every closed supplement pause."),
    endAt: z.string().nullable(),
    endKind: z.enum(["RESOLVED", "RESULT_DELIVERED", "REFUSED", "STOPPED"]).nullable(),
    status: z.enum(TIMELINE_STATUSES).describe("As of `asOf` (methodology §2)."),
    statusRule: z.string(),
    overrunWorkingDays: z.number().int().describe("Working days the dossier is late by (0 unless LATE or OVERDUE by dates)."),
    workingDays: z.number().int().describe("Working days from receipt to the end (to today while open)."),
    holder: z.string().nullable().describe("The unit that holds the dossier now; null once it ended."),
    events: listOf(timelineEventSchema).describe("Every stored event, in time order (ties by eventId)."),
    holds: listOf(timelineHoldSchema),
    pauses: listOf(timelinePauseSchema),
    consultations: listOf(timelineConsultationSchema),
    charges: listOf(timelineChargeSchema).describe("Empty unless the dossier is LATE or OVERDUE."),
    units: mapOf(view({ nameVi: z.string(), nameEn: z.string(), tier: z.string() })).describe("The catalog names of every unit named above."),
  }),
);
export type CaseTimeline = z.output<typeof caseTimelineSchema>;
