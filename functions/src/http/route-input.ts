import type { Principal } from "@scorecard/shared/auth/policy";
import type { ParamSpec, ParamValues } from "@scorecard/shared/contracts/params";
import type { BodySpec, RouteContract } from "@scorecard/shared/contracts/routes";
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";
import type { z } from "zod";
import { csvBody, jsonBody } from "./admin-request.js";
import { assertAllowed, principalOf } from "./middleware.js";
import { HttpProblemError } from "./problem.js";

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

/** What a route's body is once read: the schema's value, the CSV text, or nothing. */
export type BodyValue<B> = B extends { readonly kind: "json"; readonly schema: infer S extends z.ZodType } ? z.output<S> : B extends { readonly kind: "csv" } ? string : undefined;

export interface RouteInput<R extends RouteContract> {
  readonly principal: Principal;
  readonly params: ParamValues<R["params"]>;
  readonly body: BodyValue<R["body"]>;
}

/** 422 naming the parameter twice: in the detail (for people) and as `errors[0].field` (for programs). */
const parameterProblem = (code: "MISSING_PARAMETER" | "INVALID_PARAMETER", name: string, detail: string) =>
  new HttpProblemError(422, code, "Invalid request", detail, {}, [{ code, field: name, message: detail }]);
const invalidParameter = (name: string, detail: string) => parameterProblem("INVALID_PARAMETER", name, detail);

/** One parameter's value by its spec (shared/src/contracts/params.ts says the messages). */
function paramValue(spec: ParamSpec, event: Event): unknown {
  if (spec.in === "path") {
    const r = spec.schema.safeParse(event.pathParameters?.[spec.name] ?? "");
    if (!r.success) throw invalidParameter(spec.name, spec.invalid ?? `${spec.name} is not valid.`);
    return r.data;
  }
  const raw = event.queryStringParameters?.[spec.name];
  if (raw === undefined || raw === "") {
    if (spec.required) throw parameterProblem("MISSING_PARAMETER", spec.name, `Query parameter "${spec.name}" is required (${spec.hint}).`);
    return undefined;
  }
  const r = spec.schema.safeParse(raw);
  if (!r.success) throw invalidParameter(spec.name, spec.invalid ?? `Query parameter "${spec.name}": ${r.error.issues[0]?.message ?? spec.hint}.`);
  return r.data;
}

function bodyValue(body: BodySpec | undefined, event: Event): unknown {
  if (body?.kind === "json") return jsonBody(event, body.schema);
  if (body?.kind === "csv") return csvBody(event);
  return undefined;
}

/**
 * A request as its route declares it: the caller authorized first (on the path's unit, for the
 * actions a unit officer may take on their own unit only: the same 403 whether or not the unit
 * exists), then the parameters in the route's order, then the body.
 */
export function routeInput<R extends RouteContract>(route: R, event: Event): RouteInput<R> {
  const principal = principalOf(event);
  if (route.action !== null && route.action !== "public:read") assertAllowed(principal, route.action, { unitId: event.pathParameters?.["unitId"] ?? "" });
  const params = Object.fromEntries(route.params.map((p) => [p.name, paramValue(p, event)])) as ParamValues<R["params"]>;
  return { principal, params, body: bodyValue(route.body, event) as BodyValue<R["body"]> };
}
