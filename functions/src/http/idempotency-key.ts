import type { IdempotencyStore } from "../ports/ingest.js";
import { createHash } from "node:crypto";
import type { MiddlewareObj } from "@middy/core";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { claimsOf } from "./middleware.js";
import { HttpProblemError } from "./problem.js";

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
const KEY = /^[\x21-\x7e]{1,255}$/;
const stateOf = new WeakMap<object, { scope: string; key: string; heartbeat: ReturnType<typeof setInterval> }>();
/** How often a running request renews its hold on its key (the store's hold lasts longer: 10 s). */
export const IDEMPOTENCY_HEARTBEAT_MS = 3_000;

/** Stop renewing the hold of the request's key; its state, if it had one. */
function settle(event: object) {
  const s = stateOf.get(event);
  if (s) clearInterval(s.heartbeat);
  stateOf.delete(event);
  return s;
}

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
        case "new": {
          // While the request runs its hold is renewed; if the process dies, the hold lapses within 10 s.
          const heartbeat = setInterval(() => void store.extend(scope, key).catch(() => undefined), IDEMPOTENCY_HEARTBEAT_MS);
          heartbeat.unref?.();
          stateOf.set(request.event, { scope, key, heartbeat });
        }
      }
    },
    after: async (request) => {
      const s = settle(request.event);
      const r = request.response as APIGatewayProxyStructuredResultV2 | undefined;
      if (!s || !r) return;
      // A 5xx, or an answer that asks for part of the request again (Retry-After: events not stored), is not kept.
      if ((r.statusCode ?? 200) >= 500 || r.headers?.["retry-after"] !== undefined) await store.abort(s.scope, s.key);
      else await store.complete(s.scope, s.key, { statusCode: r.statusCode ?? 200, headers: (r.headers ?? {}) as Record<string, string>, body: typeof r.body === "string" ? r.body : "" });
    },
    onError: async (request) => {
      const s = settle(request.event);
      if (!s) return;
      // Errors are not stored: the same body gives the same 4xx again, and a 5xx must re-run.
      await store.abort(s.scope, s.key);
    },
  };
}
