import type { RouteKey } from "@scorecard/shared/contracts/routes";

/**
 * Per-route throttles (docs/adr/0102): API Gateway's stage throttle is one budget for every client
 * and route, so one flood of a costly route could take all of it. Each route gets a share of its
 * API's stage limits; a route not named here gets the whole stage limit (its only bound is the
 * stage's). The shares are of a shared budget, not per client: the per-client bound is the WAF's
 * rate rule at CloudFront, and the Cognito token for the routes that need one.
 */
export const ROUTE_SHARES: Readonly<Partial<Record<RouteKey, number>>> = {
  // Costly: whole-table reads, exports, recomputations (each request can take seconds).
  "GET /v1/admin/audit.csv": 0.05,
  "POST /v1/admin/publish": 0.05,
  "POST /v1/admin/ratings": 0.05,
  "POST /v1/admin/survey": 0.05,
  "GET /v1/admin/publish/preview": 0.1,
  "GET /v1/units/{unitId}/cases": 0.25,
  // Public, cached at the edge for a minute: a flood that gets past the cache takes at most half.
  "GET /v1/public/meta": 0.5,
  "GET /v1/public/rankings": 0.5,
  "GET /v1/health": 0.1,
  "GET /v1/openapi.json": 0.1,
  // Ingestion: case events are the stream; complaints and the catalog are small and rare.
  "POST /v1/complaints": 0.25,
  "POST /v1/catalog": 0.1,
};

/** A route's limits: its share of the stage's, at least 1 request a second and a burst of 1. */
export function routeThrottle(routeKey: string, stage: { readonly rateLimit: number; readonly burstLimit: number }): { rateLimit: number; burstLimit: number } {
  const share = ROUTE_SHARES[routeKey as RouteKey] ?? 1;
  return { rateLimit: Math.max(1, Math.round(stage.rateLimit * share)), burstLimit: Math.max(1, Math.round(stage.burstLimit * share)) };
}
