/**
 * The ingestion batch contract (docs/api-errors.md): what source systems post to `POST /v1/events`,
 * `/v1/complaints` and `/v1/catalog`, and the per-item results they get back.
 */
import { z } from "zod";
import { caseEventSchema } from "./case-event.js";
import { complaintSchema } from "./complaint.js";
import { procedureSchema } from "./procedure.js";
import { listOf, named, view } from "./schema-kit.js";

/** At most this many items in one batch (413 TOO_MANY_<KIND> beyond). */
export const MAX_BATCH_ITEMS = 500;
/** At most this many bytes in one body (413 PAYLOAD_TOO_LARGE beyond). */
export const MAX_BODY_BYTES = 1_048_576;

/** The array key of each batch route's JSON body; NDJSON bodies are the same items, one per line. */
export const BATCH_KEYS = ["events", "complaints", "procedures"] as const;
export type BatchKey = (typeof BATCH_KEYS)[number];

const batch = <K extends BatchKey, T extends z.ZodType>(id: string, key: K, item: T) =>
  named(id, z.strictObject({ [key]: z.array(item).min(1).max(MAX_BATCH_ITEMS) } as { [P in K]: z.ZodArray<T> }));

export const eventBatchSchema = batch("EventBatch", "events", named("CaseEvent", caseEventSchema));
export const complaintBatchSchema = batch("ComplaintBatch", "complaints", named("Complaint", complaintSchema));
export const procedureBatchSchema = batch("ProcedureBatch", "procedures", named("Procedure", procedureSchema));

export const eventResultSchema = named(
  "EventResult",
  view({
    eventId: z.string().nullable(),
    index: z.number().int().describe("Position of the event in the batch."),
    status: z.enum(["accepted", "duplicate", "conflict", "rejected", "retry"]).describe("`retry`: not stored (the batch ran out of time, or the store was busy): send the event again."),
    code: z.string().optional().describe("MISSING_FIELD, UNKNOWN_FIELD, INVALID_VALUE, UNKNOWN_UNIT, EVENT_ID_CONFLICT, NOT_STORED_RETRY, SOURCE_SCOPE_UNIT, SOURCE_SCOPE_AGE, …"),
    message: z.string().optional().describe("Names the field and the reason."),
  }),
);
export type EventResult = z.output<typeof eventResultSchema>;

export const ingestResponseSchema = named(
  "IngestResponse",
  view({
    results: listOf(eventResultSchema).describe("One result per event, in batch order."),
    accepted: z.number().int(),
    duplicates: z.number().int(),
    conflicts: z.number().int(),
    rejected: z.number().int(),
    retry: z.number().int().describe("Events not stored (status `retry`): send them again, under a new Idempotency-Key or the same one."),
    batchId: z.string().nullable().describe("The raw batch object written to the lake; null when nothing was accepted."),
  }),
);
export type IngestResponse = z.output<typeof ingestResponseSchema>;

export const recordResultSchema = named(
  "RecordResult",
  view({
    id: z.string().nullable(),
    index: z.number().int(),
    status: z.enum(["accepted", "duplicate", "rejected"]),
    code: z.string().optional(),
    message: z.string().optional(),
  }),
);

export type RecordResult = z.output<typeof recordResultSchema>;

export const recordsResponseSchema = named(
  "RecordsResponse",
  view({ results: listOf(recordResultSchema), accepted: z.number().int(), duplicates: z.number().int(), rejected: z.number().int() }),
);
export type RecordsResponse = z.output<typeof recordsResponseSchema>;
