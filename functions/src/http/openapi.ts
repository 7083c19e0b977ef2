import { caseEventSchema } from "@scorecard/shared";
import { z } from "zod";
import { MAX_EVENTS_PER_BATCH } from "../use-cases/ingest/ingest-events.js";
import { MAX_BODY_BYTES } from "./batch-body.js";
import { RATINGS_PATHS, RATINGS_SCHEMAS } from "./openapi-ratings.js";

const problem = {
  description: "RFC 9457 problem details with a stable machine `code`.",
  content: {
    "application/problem+json": {
      schema: {
        type: "object",
        required: ["type", "title", "status", "code"],
        properties: {
          type: { type: "string" },
          title: { type: "string" },
          status: { type: "integer" },
          code: { type: "string", examples: ["MALFORMED_JSON", "TOO_MANY_EVENTS", "IDEMPOTENCY_KEY_REUSED"] },
          detail: { type: "string" },
        },
      },
    },
  },
};

/**
 * The OpenAPI 3.1 description of the ingestion routes, generated from the same zod schema the
 * handler validates with, so the teams running source systems integrate without reading code.
 */
export function openApiDocument(): Record<string, unknown> {
  const event = z.toJSONSchema(caseEventSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
  delete (event as { $schema?: string }).$schema;
  return {
    openapi: "3.1.0",
    info: {
      title: "Scorecard ingestion API",
      version: "1.0.0",
      description:
        "Case events from source systems (the one-stop system, the national-portal sync, the 1022 hotline). " +
        "Each event is stored once by `eventId`; a 5xx means retry the whole batch, and a retry is always safe. " +
        "Applicant data is pseudonymised at this boundary: only an HMAC of `applicant.idNumber` is kept. " +
        "Rules beyond the schema: RECEIVED needs dueAt, channel, procedureCode and field; TRANSFERRED and CONSULT_REQUESTED need targetUnitId and dueAt; " +
        "RATED needs rating; unitId and targetUnitId must exist in the unit catalog on the event's local date. " +
        "Also described: the signed-in read routes of head-of-unit ratings and the reform index.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        sourceToken: { type: "http", scheme: "bearer", description: "A source system's credential." },
        userToken: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "A dashboard user's access token (Cognito; the local runtime's signing key)." },
      },
      responses: { Problem: problem },
      schemas: {
        ...RATINGS_SCHEMAS,
        CaseEvent: event,
        EventResult: {
          type: "object",
          required: ["eventId", "index", "status"],
          properties: {
            eventId: { type: ["string", "null"] },
            index: { type: "integer", description: "Position of the event in the batch." },
            status: { enum: ["accepted", "duplicate", "conflict", "rejected"] },
            code: { type: "string", examples: ["MISSING_FIELD", "UNKNOWN_FIELD", "INVALID_VALUE", "UNKNOWN_UNIT", "EVENT_ID_CONFLICT"] },
            message: { type: "string", description: "Names the field and the reason." },
          },
        },
      },
    },
    paths: {
      "/v1/events": {
        post: {
          summary: "Post a batch of case events",
          security: [{ sourceToken: [] }],
          parameters: [
            { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 255 }, description: "Same key and body replays the stored response; same key, other body → 422; still in flight → 409." },
          ],
          requestBody: {
            required: true,
            description: `At most ${MAX_EVENTS_PER_BATCH} events and ${MAX_BODY_BYTES} bytes.`,
            content: {
              "application/json": { schema: { type: "object", required: ["events"], additionalProperties: false, properties: { events: { type: "array", maxItems: MAX_EVENTS_PER_BATCH, items: { $ref: "#/components/schemas/CaseEvent" } } } } },
              "application/x-ndjson": { schema: { type: "string", description: "One CaseEvent JSON object per line." } },
            },
          },
          responses: {
            "200": {
              description: "One result per event.",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      results: { type: "array", items: { $ref: "#/components/schemas/EventResult" } },
                      accepted: { type: "integer" },
                      duplicates: { type: "integer" },
                      conflicts: { type: "integer" },
                      rejected: { type: "integer" },
                    },
                  },
                },
              },
            },
            "400": problem,
            "401": problem,
            "403": problem,
            "409": problem,
            "413": problem,
            "415": problem,
            "422": problem,
            "429": problem,
            "500": { ...problem, description: "Not completed: retry the whole batch." },
          },
        },
      },
      ...RATINGS_PATHS,
    },
  };
}
