import { type Api, ROUTES, type RouteContract, type RouteKeyOf, type RouteOf } from "@scorecard/shared/contracts/routes";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from "aws-lambda";
import { HttpProblemError } from "./problem.js";
import { type RouteInput, routeInput } from "./route-input.js";

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

/**
 * One implementation per route of the table that `api` serves, given the caller, the parameters and
 * the body its contract declares: a missing or an extra route does not compile.
 */
export type RouteHandlers<A extends Api> = { readonly [K in RouteKeyOf<A>]: (input: RouteInput<RouteOf<K>>, event: Event) => Promise<APIGatewayProxyResultV2> };

/** Routing on API Gateway's routeKey (shared/src/contracts/routes.ts): unknown keys are a 404. */
export function router<A extends Api>(handlers: RouteHandlers<A>): (event: Event) => Promise<APIGatewayProxyResultV2> {
  return async (event) => {
    const key = event.routeKey as RouteKeyOf<A>;
    if (!Object.hasOwn(handlers, key)) throw new HttpProblemError(404, "NOT_FOUND", "Not found", `No route ${event.routeKey}.`);
    // Each handler takes its own route's input: the key picks both, so the two agree.
    const handle = handlers[key] as unknown as (input: RouteInput<RouteContract>, event: Event) => Promise<APIGatewayProxyResultV2>;
    return handle(routeInput(ROUTES[key] as RouteContract, event), event);
  };
}
