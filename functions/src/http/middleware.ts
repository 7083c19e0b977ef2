import type { MiddlewareObj } from "@middy/core";
import type { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from "aws-lambda";
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

export type Role = "chairman" | "home-affairs" | "unit-officer" | "source-system";

/** The caller's claims as the API Gateway JWT authorizer (or the local server) passed them. */
export function claimsOf(event: APIGatewayProxyEventV2WithJWTAuthorizer): Record<string, unknown> | undefined {
  return (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } }).authorizer?.jwt?.claims;
}

/** Refuse callers without one of the roles (401 without credentials, 403 with the wrong role). */
export function requireRole(...roles: Role[]): Mw {
  return {
    before: async (request) => {
      const claims = claimsOf(request.event);
      if (!claims) throw new HttpProblemError(401, "UNAUTHENTICATED", "Unauthorized", "A valid bearer token is required.", { "www-authenticate": "Bearer" });
      const role = claims["custom:role"] ?? claims["role"];
      const groups = String(claims["cognito:groups"] ?? "");
      if (!roles.some((r) => r === role || groups.split(/[\s,[\]]+/).includes(r))) {
        throw new HttpProblemError(403, "FORBIDDEN", "Forbidden", "This credential may not call this route.");
      }
    },
  };
}
