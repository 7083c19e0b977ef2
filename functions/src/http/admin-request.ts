import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { z } from "zod";
import { decodeUtf8, findJsonProblem } from "../lib/json-guard.js";
import { HttpProblemError } from "./problem.js";

/** Request parsing for the admin API: JSON bodies against strict zod schemas, If-Match versions. */

const text = (max: number) => z.string().trim().min(1).max(max);
const noFormula = (s: string) => !/^[=+\-@\t\r]/.test(s);
/** Free text a person types: no control characters, not a spreadsheet formula (it ends up in CSV exports). */
const humanText = (max: number) =>
  text(max)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "no control characters")
    .refine((s) => !/\p{Cs}/u.test(s), "no broken Unicode (a lone surrogate escape)")
    .refine(noFormula, "must not start with = + - @ (a spreadsheet formula)");

export const FINDING_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/;
export const UNIT_ID = /^[A-Z]+-[A-Z0-9]+(-\d{4,6})?$/;
export const CRITERION = /^[A-Z][A-Z0-9]{0,15}$/;
export const HEAD_ID = /^HEAD-[A-Z0-9-]{1,80}$/;

const findingFields = {
  unitId: z.string().regex(UNIT_ID, "a unit id"),
  headId: z.string().regex(HEAD_ID, "a head id").nullable().optional(),
  period: z.string().min(1).max(16),
  criterion: z.string().regex(CRITERION, "a criterion code such as PAR5").optional(),
  deduction: z.number().finite(),
  evidence: humanText(500),
};

export const findingCreateSchema = z.strictObject({ findingId: z.string().regex(FINDING_ID, "letters, digits . _ : - (≤ 80)").optional(), ...findingFields });
export const findingUpdateSchema = z.strictObject({ ...findingFields, version: z.number().int().min(1).optional() });
export const conclusionSchema = z.strictObject({
  noticeNumber: humanText(64),
  noticeDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD"),
  evidence: humanText(500).optional(),
  version: z.number().int().min(1).optional(),
});
export const appraisalSchema = z.strictObject({ points: z.number().finite(), evidence: humanText(500), version: z.number().int().min(0).optional() });
export const headSchema = z.strictObject({
  name: humanText(200),
  title: humanText(100),
  tenureFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD"),
  tenureTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD").nullable(),
  version: z.number().int().min(0).optional(),
});
export const publishSchema = z.strictObject({ period: z.string().min(1).max(16) });
/** `POST /v1/admin/ratings`: recompute a period's head ratings and reform index. */
export const ratingsRefreshSchema = z.strictObject({ period: z.string().min(1).max(16) });

function bodyText(event: APIGatewayProxyEventV2): string {
  if (!event.body) throw new HttpProblemError(400, "EMPTY_BODY", "Bad request", "A request body is required.");
  const raw = event.isBase64Encoded ? decodeUtf8(Buffer.from(event.body, "base64")) : event.body;
  if (raw === undefined) throw new HttpProblemError(400, "INVALID_ENCODING", "Bad request", "The body is not valid UTF-8.");
  return raw;
}

const mediaType = (event: APIGatewayProxyEventV2) => (event.headers?.["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();

/** A JSON body validated by `schema`: 415 / 400 / 422 with the offending fields. */
export function jsonBody<T>(event: APIGatewayProxyEventV2, schema: z.ZodType<T>): T {
  if (mediaType(event) !== "application/json") throw new HttpProblemError(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", "Send application/json.");
  const raw = bodyText(event);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new HttpProblemError(400, "MALFORMED_JSON", "Bad request", "The body is not JSON.");
  }
  const problem = findJsonProblem(raw);
  if (problem) throw new HttpProblemError(problem.code === "TOO_DEEP" ? 400 : 422, problem.code, "Invalid request", problem.code === "DUPLICATE_KEY" ? `Key "${problem.key}" appears twice.` : "Nested too deeply.");
  const r = schema.safeParse(value);
  if (!r.success) {
    const errors = r.error.issues.map((i) => ({ code: i.code === "unrecognized_keys" ? "UNKNOWN_FIELD" : "INVALID_VALUE", field: i.path.join(".") || (i.code === "unrecognized_keys" ? (i as { keys?: string[] }).keys?.join(",") ?? "" : "body"), message: i.message }));
    throw new HttpProblemError(422, "INVALID_CONTENT", "Invalid request", errors.map((e) => `${e.field}: ${e.message}`).join("; "), {}, errors);
  }
  return r.data;
}

/** A text/csv body. */
export function csvBody(event: APIGatewayProxyEventV2): string {
  if (mediaType(event) !== "text/csv") throw new HttpProblemError(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", "Send text/csv.");
  return bodyText(event);
}

/**
 * The version the caller last saw: `If-Match: "3"` (or W/"3") or `version` in the body; they must
 * agree when both are sent. Missing → 428 (an edit without a version could overwrite someone's work).
 */
export function expectedVersion(event: APIGatewayProxyEventV2, bodyVersion: number | undefined): number {
  const header = event.headers?.["if-match"];
  let fromHeader: number | undefined;
  if (header !== undefined) {
    const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
    if (!m) throw new HttpProblemError(422, "INVALID_IF_MATCH", "Invalid request", 'If-Match must be a version such as "3".');
    fromHeader = Number(m[1]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw new HttpProblemError(422, "VERSION_MISMATCH", "Invalid request", "If-Match and the body's version disagree.");
  }
  const v = fromHeader ?? bodyVersion;
  if (v === undefined) throw new HttpProblemError(428, "VERSION_REQUIRED", "Precondition required", 'Send the version you edited (If-Match: "<version>" or "version" in the body).');
  return v;
}

export const etag = (version: number) => ({ etag: `"${version}"` });
