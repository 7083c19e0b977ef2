/**
 * What the lists behind the indicators are made of (issue 20, item 1): the parts, the kinds of
 * record, and every rule a list gives a record. No imports, no zod: the dashboard words each rule
 * (dashboard/src/lib/i18n/cases.ts) and a test holds the two together.
 */
/**
 * What the pointer of a drill-down says when its run wrote these lists (`DrilldownPointer.lists`):
 * 3, each end's dossiers and records in one list (`kind`); 2 (read as none: the period's next
 * scoring writes 3) had the records in a folder of their own.
 */
export const LIST_FORMAT = 3;

export const LIST_PARTS = ["numerator", "denominator"] as const;
export type ListPart = (typeof LIST_PARTS)[number];

/** The kinds of record a list holds. `unit`: a unit's delay days, R7's denominator (the province's total). */
export const RECORD_KINDS = ["dossier", "complaint", "consultation", "charge", "unit", "procedure"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** How a list adds up to its number: the count of its records, or the sum of their values. */
export type ListAggregate = "count" | "sum";

/**
 * Every rule a list gives a record, by kind (the dashboard words each in Vietnamese and English).
 * A record in a denominator list carries its numerator rule when it is in the numerator too,
 * else the denominator's (S2's denominator: what kept the complaint out of the numerator).
 */
export const LIST_RULES = {
  dossier: [
    "FINISHED_BEFORE_DUE_DATE", "FINISHED_ON_DUE_DATE", "FINISHED_AFTER_DUE_DATE", "OPEN_PAST_DUE", "OPEN_WITHIN_DUE", "CLOCK_STOPPED_BY_SUPPLEMENT",
    "MORE_THAN_ONE_SUPPLEMENT", "WITHDRAWN",
    "RECEIVED_IN_PERIOD", "LATE_WITH_APOLOGY", "RETURNED", "RETURN_MARKED_IMPROPER", "SUPPLEMENT_REQUESTED_MORE_THAN_ONCE", "RESOLVED_IN_PERIOD",
    "RESOLVED_NEEDING_RESULT", "RESULT_DIGITIZED", "RESULT_DIGITALLY_SIGNED", "FILED_FULLY_ONLINE", "FILED_PARTLY_ONLINE", "SYNCED_TO_NATIONAL_PORTAL",
    "FEE_BEARING_DOSSIER", "PAID_ONLINE", "DOSSIER_DIGITIZED", "DATA_REUSED", "PERSONAL_DATA_STORE_USED", "POPULATION_DATABASE_USED",
    "NO_COMPLAINT_NOR_DISSATISFACTION", "COMPLAINED_ABOUT", "RATED_NOT_SATISFIED", "CONSULTED_OTHER_UNITS",
  ],
  complaint: ["COMPLAINT_RECEIVED", "COMPLAINT_ON_TIME", "COMPLAINT_LATE", "COMPLAINT_OVERDUE", "COMPLAINT_PENDING", "COMPLAINT_WITHOUT_FAULT", "COMPLAINT_DISLIKED", "COMPLAINT_RECOMPLAINED"],
  consultation: ["CONSULTATION_ON_TIME", "CONSULTATION_LATE", "CONSULTATION_OVERDUE"],
  charge: ["DELAY_TRANSFER_STEP", "DELAY_CONSULTATION", "DELAY_LEAD_REMAINDER"],
  unit: ["UNIT_OVERRUN"],
  procedure: [
    "PROCEDURE_OF_UNIT", "OFFERED_ONLINE", "ONLINE_DOSSIER_RECEIVED", "FEE_BEARING_PROCEDURE", "PAID_ONLINE_IN_PERIOD", "PAYMENT_INTEGRATED",
    "POPULATION_DB_CONNECTED", "DECIDED_IN_PERIOD", "DECIDED_BEFORE_EFFECT", "PUBLISHED_IN_PERIOD", "PUBLICATION_OVERDUE", "PUBLISHED_ON_TIME",
    "PUBLISHED_BY_PERIOD_END", "CONTENT_COMPLETE",
  ],
} as const satisfies Readonly<Record<RecordKind, readonly string[]>>;
export type ListRule = (typeof LIST_RULES)[RecordKind][number];

