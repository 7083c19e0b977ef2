import type { IdempotencyStore } from "../ports/ingest.js";
import { createHash } from "node:crypto";
import type { MiddlewareObj } from "@middy/core";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { claimsOf } from "./middleware.js";
import { HttpProblemError } from "./problem.js";

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
const KEY = /^[\x21-\x7e]{1,255}$/;
const stateOf = new WeakMap<object, { scope: string; key: string }>();

/**
 * Optional `Idempotency-Key` header (IETF httpapi draft, as Stripe does it): the same key with the
 * same body replays the stored response; with another body → 422; while the first is still
 * running → 409. A 5xx is not stored, so the retry runs again. Keys are scoped to the caller.
 */
export function idempotencyKey(store: IdempotencyStore): MiddlewareObj<Event, APIGatewayProxyResultV2> {
  return {
    before: async (request) => {
      const key = request.event.headers?.["idempotency-key"];
      if (key === undefined) return;
      if (!KEY.test(key)) throw new HttpProblemError(400, "INVALID_IDEMPOTENCY_KEY", "Bad request", "Idempotency-Key must be 1–255 visible ASCII characters.");
      const scope = `${String(claimsOf(request.event)?.["sub"] ?? "anonymous")}#${request.event.routeKey}`;
      const hash = createHash("sha256").update(request.event.body ?? "").digest("base64url");
      const begun = await store.begin(scope, key, hash);
      switch (begun.kind) {
        case "replay":
          return { ...begun.response, headers: { ...begun.response.headers, "idempotent-replayed": "true" } };
        case "mismatch":
          throw new HttpProblemError(422, "IDEMPOTENCY_KEY_REUSED", "Idempotency key reused", "This Idempotency-Key was used with a different body.");
        case "in-flight":
          throw new HttpProblemError(409, "IDEMPOTENCY_KEY_IN_FLIGHT", "Request in progress", "A request with this Idempotency-Key is still being processed; retry later.", { "retry-after": "2" });
        case "new":
          stateOf.set(request.event, { scope, key });
      }
    },
    after: async (request) => {
      const s = stateOf.get(request.event);
      const r = request.response as APIGatewayProxyStructuredResultV2 | undefined;
      if (!s || !r) return;
      if ((r.statusCode ?? 200) >= 500) await store.abort(s.scope, s.key);
      else await store.complete(s.scope, s.key, { statusCode: r.statusCode ?? 200, headers: (r.headers ?? {}) as Record<string, string>, body: typeof r.body === "string" ? r.body : "" });
    },
    onError: async (request) => {
      const s = stateOf.get(request.event);
      if (!s) return;
      // Errors are not stored: the same body gives the same 4xx again, and a 5xx must re-run.
      await store.abort(s.scope, s.key);
    },
  };
}
