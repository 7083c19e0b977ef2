import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { type BatchKey, MAX_BATCH_ITEMS, MAX_BODY_BYTES } from "@scorecard/shared/contracts/ingest";
import { decodeUtf8, findJsonProblem } from "../lib/json-guard.js";
import { requireMediaType } from "./media-type.js";
import { HttpProblemError, badRequest } from "./problem.js";

function guard(text: string, where: string): void {
  const p = findJsonProblem(text);
  if (p?.code === "DUPLICATE_KEY") throw new HttpProblemError(422, "DUPLICATE_KEY", "Invalid request", `${where} repeats the key "${p.key.slice(0, 64)}" in one object.`);
  if (p?.code === "TOO_DEEP") throw badRequest("TOO_DEEP", `${where} nests objects or arrays more than 32 levels deep.`);
}

/** What a batch may be sent as (anything else, or no Content-Type, is a 415). */
export const BATCH_MEDIA_TYPES = ["application/json", "application/x-ndjson"] as const;

/**
 * The body of a batch post: `{"events":[...]}` as application/json or NDJSON (one event per line)
 * as application/x-ndjson; any other media type, or none, is a 415. Limits: 1 MB and 500 events
 * (413). A body that is not valid JSON / NDJSON is a 400 naming the line.
 */
export function parseEventBatch(event: APIGatewayProxyEventV2): unknown[] {
  return parseBatch(event, "events");
}

/** The same rules for every batch route: `{"<key>": [...]}` or NDJSON. */
export function parseBatch(event: APIGatewayProxyEventV2, key: BatchKey): unknown[] {
  const type = requireMediaType(event, BATCH_MEDIA_TYPES);
  const raw = event.body ?? "";
  const text = event.isBase64Encoded ? decodeUtf8(Buffer.from(raw, "base64")) : raw;
  if (text === undefined) throw badRequest("INVALID_ENCODING", "The body is not valid UTF-8.");
  if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) {
    throw new HttpProblemError(413, "PAYLOAD_TOO_LARGE", "Payload too large", `The body exceeds ${MAX_BODY_BYTES} bytes; split the batch.`);
  }
  if (text.trim() === "") throw badRequest("EMPTY_BODY", "The body is empty: send {\"events\":[...]} or NDJSON.");
  let events: unknown[];
  if (type === "application/x-ndjson") {
    events = text
      .split("\n")
      .map((l, i) => [l.trim(), i + 1] as const)
      .filter(([l]) => l !== "")
      .map(([l, line]) => {
        let value: unknown;
        try {
          value = JSON.parse(l);
        } catch {
          throw badRequest("MALFORMED_JSON", `NDJSON line ${line} is not valid JSON.`);
        }
        guard(l, `NDJSON line ${line}`);
        return value;
      });
  } else {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw badRequest("MALFORMED_JSON", "The body is not valid JSON.");
    }
    guard(text, "The body");
    const list = body !== null && typeof body === "object" ? (body as Record<string, unknown>)[key] : undefined;
    if (!Array.isArray(list)) throw badRequest(`MISSING_${key.toUpperCase()}`, `The body must be an object with a "${key}" array.`);
    events = list;
  }
  if (events.length === 0) throw new HttpProblemError(422, "EMPTY_BATCH", "Invalid request", `The batch has no ${key}.`);
  if (events.length > MAX_BATCH_ITEMS) {
    throw new HttpProblemError(413, `TOO_MANY_${key.toUpperCase()}`, "Payload too large", `At most ${MAX_BATCH_ITEMS} ${key} per batch; got ${events.length}.`);
  }
  return events;
}
