/**
 * `GET /v1/units/{unitId}/cases?period=&indicator=&part=`: the records behind a unit's numbers
 * (issue 20, item 1; docs/adr/0016-indicator-lists.md) — one contract for every kind of record:
 * dossiers, complaints, consultations (the unit consulted), delay charges, units (R7's
 * denominator: the province's delay days by unit) and catalog entries. Each record carries the
 * rule that put it in the list (`LIST_RULES`, shared/src/facts/indicator-lists.ts) and, when the
 * list adds values up (P2, R5D, R6, R7), its value. The list's `total` — the count of its records,
 * or the sum of their values, over every page — is the scorecard's numerator or denominator.
 */
import { z } from "zod";
import { LIST_PARTS, RECORD_KINDS } from "../facts/list-rules.js";
import { listOf, named, view } from "./schema-kit.js";

/** Records per page when `limit` is absent, and the most one page holds. */
export const LIST_PAGE_DEFAULT = 50;
export const LIST_PAGE_MAX = 1000;

const instant = z.string().nullable();
const common = {
  id: z.string().describe("The record's id: the dossier, complaint, unit or procedure code (a consultation: its dossier and request time)."),
  rule: z.string().describe("Why the record is in the list, as a stable code (the rule of the methodology that classified it); in a denominator list, the numerator's rule when it counts there too."),
  value: z.number().nullable().describe("Lists that add values up (`aggregate: sum`): what the record adds (working days, days late, units consulted); else null."),
  inNumerator: z.boolean().nullable().describe("Denominator lists whose numerator holds the same kind of record: whether the record counts in the numerator too; else null."),
};

export const dossierRecordSchema = view({
  kind: z.literal("dossier"),
  ...common,
  caseId: z.string(),
  field: z.string().nullable(),
  procedureCode: z.string().nullable(),
  procedureNameVi: z.string().nullable(),
  procedureNameEn: z.string().nullable(),
  channel: z.string().nullable(),
  status: z.string().describe("As of the period end (methodology §2): EARLY, ON_TIME, LATE, OVERDUE, IN_PROGRESS or EXCLUDED."),
  receivedAt: z.string(),
  dueAt: instant.describe("The effective due date (supplement pauses added)."),
  endAt: instant,
  resolvedAt: instant,
  returnedAt: instant.describe("Refused or stopped (R3)."),
  supplementRequests: z.number().int(),
  handlingDays: z.number().int().nullable().describe("P2: working days from receipt to resolution."),
  overrunDays: z.number().int().describe("Working days past the effective due date, as of the period end."),
  consultedUnits: z.number().int().describe("R6: distinct units consulted."),
});
export const complaintRecordSchema = view({
  kind: z.literal("complaint"),
  ...common,
  complaintId: z.string(),
  caseId: z.string().nullable().describe("The dossier the complaint names, if any."),
  receivedAt: z.string(),
  acceptedAt: instant,
  refusedAt: instant,
  handledAt: instant,
  verdict: z.string().describe("As of the period end: ON_TIME, LATE, OVERDUE or PENDING."),
  disliked: z.boolean(),
  reComplained: z.boolean(),
});
export const consultationRecordSchema = view({
  kind: z.literal("consultation"),
  ...common,
  caseId: z.string(),
  requestedAt: z.string(),
  dueAt: instant.describe("The step due date the consulted unit had to answer by."),
  answeredAt: instant,
  verdict: z.string().describe("As of the period end: ON_TIME, LATE, OVERDUE or PENDING."),
  daysLate: z.number().int(),
});
export const chargeRecordSchema = view({
  kind: z.literal("charge"),
  ...common,
  caseId: z.string(),
  chargedUnitId: z.string(),
  leadUnitId: z.string().nullable().describe("The dossier's receiving (lead) unit."),
  role: z.string().describe("TRANSFER (a step past its due date), CONSULTATION (an answer past its due date) or LEAD (the rest of the dossier's lateness)."),
  days: z.number().int(),
  receivedAt: z.string(),
});
export const unitRecordSchema = view({
  kind: z.literal("unit"),
  ...common,
  unitId: z.string(),
  days: z.number().int().describe("The unit's delay days in the period (its R7 numerator)."),
});
export const procedureRecordSchema = view({
  kind: z.literal("procedure"),
  ...common,
  code: z.string(),
  nameVi: z.string().nullable(),
  nameEn: z.string().nullable(),
  onlineLevel: z.string().nullable(),
  feeBearing: z.boolean(),
  paymentIntegrated: z.boolean(),
  populationDbConnected: z.boolean(),
  contentComplete: z.boolean(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  legalEffectiveDate: z.string().nullable(),
  publicDate: z.string().nullable(),
  lastOnlineAt: instant.describe("The latest receipt in the period of a dossier of the procedure filed online with the unit (O2)."),
  lastPaidAt: instant.describe("The latest receipt in the period of a dossier of the procedure paid online (MB)."),
});

export const listRecordSchema = named(
  "ListRecord",
  z.discriminatedUnion("kind", [dossierRecordSchema, complaintRecordSchema, consultationRecordSchema, chargeRecordSchema, unitRecordSchema, procedureRecordSchema]).describe(
    "A record behind a number: a dossier, a complaint, a consultation of the unit, a delay charge, a unit's delay days (R7's denominator) or a catalog entry.",
  ),
);
export type ListRecord = z.output<typeof listRecordSchema>;
export type DossierRecord = z.output<typeof dossierRecordSchema>;
export type ComplaintRecord = z.output<typeof complaintRecordSchema>;
export type ConsultationRecord = z.output<typeof consultationRecordSchema>;
export type ChargeRecord = z.output<typeof chargeRecordSchema>;
export type UnitRecordOfList = z.output<typeof unitRecordSchema>;
export type ProcedureRecordOfList = z.output<typeof procedureRecordSchema>;

export const indicatorListSchema = named(
  "IndicatorList",
  view({
    unitId: z.string(),
    period: z.string(),
    methodology: z.string(),
    computedAt: z.string().nullable().describe("When the scoring run that wrote the lists computed them (pages of one run agree)."),
    indicator: z.string().nullable().describe("null: every dossier of the period's progress drill-down (received in it, carried over into it, or withdrawn while open), filtered by `status`."),
    part: z.enum(LIST_PARTS).nullable(),
    computed: z.boolean().describe("false: the indicator has no records behind it (`reason`), and `records` is empty."),
    reason: z.enum(["MANUAL", "NO_LIST"]).nullable().describe("MANUAL: entered by Home Affairs (D3); NO_LIST: an indicator this build has no list for."),
    kind: z.enum(RECORD_KINDS).nullable(),
    aggregate: z.enum(["count", "sum"]).nullable().describe("How the list makes its number: the count of its records, or the sum of their values."),
    total: z.number().nullable().describe("The count of the records, or the sum of their values, over every page (without a `status` filter: the scorecard's numerator or denominator)."),
    count: z.number().int().describe("Records over every page."),
    status: z.string().nullable().describe("The status filter applied (dossier lists)."),
    page: z.number().int(),
    limit: z.number().int(),
    pages: z.number().int(),
    records: listOf(listRecordSchema),
  }).describe("The records behind one of a unit's numbers, one page of them."),
);
export type IndicatorList = z.output<typeof indicatorListSchema>;
