import type { MiddlewareObj } from "@middy/core";
import type { BatchKey } from "@scorecard/shared/contracts/ingest";
import { type SourceScope, type SourceScopes, mayPost } from "@scorecard/shared/contracts/source-scope";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from "aws-lambda";
import { principalOf } from "./middleware.js";
import { HttpProblemError } from "./problem.js";

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
const scopeOfRequest = new WeakMap<object, SourceScope>();

/**
 * A source system may post only the record kinds its scope lists (403 SOURCE_NOT_CONFIGURED when it
 * has no scope, 403 SOURCE_SCOPE_KIND for another kind), checked from the token before the body is
 * parsed; the scope then travels with the request (`sourceScopeOf`) for the per-event checks.
 * Other callers allowed to post by the route's action (none today) are not scoped here.
 */
export function sourceScope(scopes: SourceScopes, kind: BatchKey): MiddlewareObj<Event, APIGatewayProxyResultV2> {
  return {
    before: async (request) => {
      const p = principalOf(request.event);
      if (p.role !== "source-system") return;
      const scope = Object.hasOwn(scopes, p.sub) ? scopes[p.sub] : undefined;
      if (!scope) throw new HttpProblemError(403, "SOURCE_NOT_CONFIGURED", "Forbidden", `Source "${p.sub}" has no scope configured: it may post nothing.`);
      if (!mayPost(scope, kind)) throw new HttpProblemError(403, "SOURCE_SCOPE_KIND", "Forbidden", `Source "${p.sub}" may not post ${kind} (allowed: ${scope.kinds.join(", ")}).`);
      scopeOfRequest.set(request.event, scope);
    },
  };
}

/** The scope the middleware found for this request (undefined for callers that are not source systems). */
export const sourceScopeOf = (event: Event): SourceScope | undefined => scopeOfRequest.get(event);
