import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type { z } from "zod";
import { decodeUtf8, findJsonProblem } from "../lib/json-guard.js";
import { requireMediaType } from "./media-type.js";
import { HttpProblemError } from "./problem.js";

/**
 * Request bodies of the admin API: JSON against the strict zod schemas of the route table
 * (shared/src/contracts/admin-requests.ts), CSV, and the version an edit was made at (If-Match).
 */

function bodyText(event: APIGatewayProxyEventV2): string {
  if (!event.body) throw new HttpProblemError(400, "EMPTY_BODY", "Bad request", "A request body is required.");
  const raw = event.isBase64Encoded ? decodeUtf8(Buffer.from(event.body, "base64")) : event.body;
  if (raw === undefined) throw new HttpProblemError(400, "INVALID_ENCODING", "Bad request", "The body is not valid UTF-8.");
  return raw;
}

/** A JSON body validated by `schema`: 415 (not exactly application/json) / 400 / 422 with the offending fields. */
export function jsonBody<T>(event: APIGatewayProxyEventV2, schema: z.ZodType<T>): T {
  requireMediaType(event, ["application/json"]);
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

/** A text/csv body (415 for any other media type). */
export function csvBody(event: APIGatewayProxyEventV2): string {
  requireMediaType(event, ["text/csv"]);
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
