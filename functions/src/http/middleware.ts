import type { MiddlewareObj } from "@middy/core";
import type { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from "aws-lambda";
import { type Action, type Principal, authorize, principalFromClaims } from "@scorecard/shared/auth/policy";
import { HttpProblemError, problemResponse } from "./problem.js";

type Mw = MiddlewareObj<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2>;

/**
 * Typed errors → problem responses in one place. A status < 500 is exposed as is; anything else
 * becomes a generic 500 with no detail (the cause is logged, never sent), meaning "retry".
 */
export function problems(logger: Logger): Mw {
  return {
    onError: async (request) => {
      const err = request.error;
      if (err instanceof HttpProblemError && err.status < 500) {
        request.response = problemResponse(err);
        return;
      }
      logger.error("request failed", { error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err) });
      request.response = problemResponse(
        err instanceof HttpProblemError ? err : new HttpProblemError(500, "INTERNAL", "Internal error", "The request was not completed; it is safe to retry."),
      );
    },
  };
}


/** The caller's claims as the API Gateway JWT authorizer (or the local server) passed them. */
export function claimsOf(event: APIGatewayProxyEventV2WithJWTAuthorizer): Record<string, unknown> | undefined {
  return (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } }).authorizer?.jwt?.claims;
}

export function principalOf(event: APIGatewayProxyEventV2WithJWTAuthorizer): Principal {
  return principalFromClaims(claimsOf(event));
}

/**
 * The one authorization check every route makes (policy in shared/auth): 401 for the anonymous
 * caller of a protected route, 403 otherwise — the same 403 whether or not the object exists.
 */
export function assertAllowed(principal: Principal, action: Action, resource: { unitId?: string } = {}): void {
  const d = authorize(principal, action, resource);
  if (d.allowed) return;
  if (principal.role === "public") throw new HttpProblemError(401, "UNAUTHENTICATED", "Unauthorized", "A valid bearer token is required.", { "www-authenticate": "Bearer" });
  throw new HttpProblemError(403, "FORBIDDEN", "Forbidden", "This credential may not do this.");
}

/** Route-level guard for handlers that serve one action. */
export function requireAction(action: Action): Mw {
  return { before: async (request) => assertAllowed(principalOf(request.event), action) };
}
