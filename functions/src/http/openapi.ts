import { MAX_BATCH_ITEMS, MAX_BODY_BYTES } from "@scorecard/shared/contracts/ingest";
import type { ParamSpec } from "@scorecard/shared/contracts/params";
import { PROBLEMS, type ProblemCode } from "@scorecard/shared/contracts/problems";
import { type Caller, ROUTES, type RouteContract, type RouteKey, callerOf, methodAndPath, problemCodes } from "@scorecard/shared/contracts/routes";
import { NAMED_CONTRACTS } from "@scorecard/shared/contracts/schema-kit";
import { z } from "zod";

type Json = Record<string, unknown>;
const SCHEMAS = "#/components/schemas/";
const ref = (id: string) => ({ $ref: `${SCHEMAS}${id}` });

/** zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect), as a client sends or reads the value. */
const JSON_SCHEMA = {
  target: "draft-2020-12",
  io: "input",
  // Refinements (a real calendar day, a period that exists) are described in words, not in the schema.
  unrepresentable: "any",
  // `.readonly()` says the server never mutates a view; it is not OpenAPI's "sent in responses only".
  override: (ctx: { jsonSchema: Json }) => {
    delete ctx.jsonSchema["readOnly"];
  },
} as const;

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Every schema the routes name, as components: the named contracts under their ids, a route's own
 * shapes (a list wrapper, a body) under `<OperationId>Body` / `<OperationId>Response`.
 */
function components(routes: readonly [RouteKey, RouteContract][]): { schemas: Json; idOf: (s: z.ZodType) => string } {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of NAMED_CONTRACTS) registry.add(schema, { id });
  const add = (schema: z.ZodType, id: string) => {
    if (!registry.has(schema)) registry.add(schema, { id });
  };
  for (const [, r] of routes) {
    if (r.body && "schema" in r.body) add(r.body.schema, `${capitalized(r.operationId)}Body`);
    for (const res of Object.values(r.responses)) if (res.schema) add(res.schema, `${capitalized(r.operationId)}Response`);
  }
  const { schemas } = z.toJSONSchema(registry, { ...JSON_SCHEMA, uri: (id) => `${SCHEMAS}${id}` }) as { schemas: Record<string, Json> };
  for (const s of Object.values(schemas)) {
    delete s["$schema"];
    delete s["$id"];
  }
  return { schemas, idOf: (s) => (registry.get(s) as { id: string }).id };
}

function parameter(p: ParamSpec): Json {
  const { $schema: _, ...schema } = z.toJSONSchema(p.schema, JSON_SCHEMA) as Json;
  return { name: p.name, in: p.in, required: p.required, description: p.description ?? `${capitalized(p.hint)}.`, schema };
}

const HEADERS: Readonly<Record<string, Json>> = {
  ETag: { description: 'The version to send back in `If-Match` ("3").', schema: { type: "string" } },
  Location: { description: "Where the created or published resource is read.", schema: { type: "string" } },
};
const IF_MATCH = {
  name: "If-Match",
  in: "header",
  required: false,
  description: 'The version the caller last saw (`"3"`), or `version` in the body; one of the two is required (428 VERSION_REQUIRED), and they must agree.',
  schema: { type: "string" },
};
const IDEMPOTENCY_KEY = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description: "The same key and body replays the stored response; the same key with another body → 422; still in flight → 409.",
  schema: { type: "string", maxLength: 255 },
};

function requestBody(r: RouteContract, idOf: (s: z.ZodType) => string): Json | undefined {
  const body = r.body;
  if (!body) return undefined;
  if (body.kind === "csv") return { required: true, description: body.description, content: { "text/csv": { schema: { type: "string" } } } };
  const json = { "application/json": { schema: ref(idOf(body.schema)) } };
  if (body.kind !== "batch") return { required: true, content: json };
  return {
    required: true,
    description: `At most ${MAX_BATCH_ITEMS} items and ${MAX_BODY_BYTES} bytes.`,
    content: { ...json, "application/x-ndjson": { schema: { type: "string", description: `One ${body.item} JSON object per line.` } } },
  };
}

/** The problem responses of a route, one per status, each naming the codes it may carry. */
function problemResponses(r: RouteContract): Json {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of problemCodes(r)) byStatus.set(PROBLEMS[code], [...(byStatus.get(PROBLEMS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      {
        description: status === 500 ? "Not completed: retry (always safe)." : codes.join(", "),
        content: { "application/problem+json": { schema: { allOf: [ref("Problem"), { type: "object", properties: { code: { enum: codes } } }] } } },
      },
    ]),
  );
}

function who(caller: Caller): { security: Json[]; text: string; extensions: Json } {
  if (caller.kind === "public") return { security: [], text: "Anyone: no token.", extensions: {} };
  if (caller.kind === "source-system") return { security: [{ sourceToken: [] }], text: "Source systems (their bearer token).", extensions: { "x-roles": ["source-system"] } };
  const own = caller.ownUnitOnly.length > 0 ? ` (${caller.ownUnitOnly.join(", ")}: their own unit only)` : "";
  return {
    security: [{ userToken: [] }],
    text: `Signed-in staff: ${caller.roles.join(", ")}${own}.`,
    extensions: { "x-roles": caller.roles, ...(caller.ownUnitOnly.length > 0 ? { "x-own-unit-only": caller.ownUnitOnly } : {}) },
  };
}

function operation(r: RouteContract, idOf: (s: z.ZodType) => string): Json {
  const caller = who(callerOf(r.action));
  const body = requestBody(r, idOf);
  return {
    operationId: r.operationId,
    summary: r.summary,
    description: [r.description, `Who: ${caller.text}`].filter(Boolean).join("\n\n"),
    tags: [r.api],
    security: caller.security,
    ...caller.extensions,
    ...(r.api === "local" ? { "x-local-only": true } : {}),
    parameters: [...r.params.map(parameter), ...(r.ifMatch ? [IF_MATCH] : []), ...(r.idempotencyKey ? [IDEMPOTENCY_KEY] : [])],
    ...(body ? { requestBody: body } : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries(r.responses).map(([status, res]) => [
          status,
          {
            description: res.description,
            ...(res.headers ? { headers: Object.fromEntries(res.headers.map((h) => [h, HEADERS[h]])) } : {}),
            content: res.schema ? { "application/json": { schema: ref(idOf(res.schema)) } } : { [res.contentType ?? "application/octet-stream"]: { schema: { type: "string" } } },
          },
        ]),
      ),
      ...problemResponses(r),
    },
  };
}

const TAGS = [
  { name: "ingest", description: "Batches from the source systems (one-stop system, national portal, 1022 hotline)." },
  { name: "read", description: "Public rankings, and the signed-in views of units, warnings, head ratings and the reform index." },
  { name: "admin", description: "The Home Affairs workspace: findings, criteria, survey, heads, publishing, audit (docs/api-admin.md)." },
  { name: "local", description: "The local runtime only (`npm start`): stand-ins for Cognito's hosted UI, never deployed." },
];

/**
 * The OpenAPI 3.1 description of every route (shared/src/contracts/routes.ts), generated from the
 * same zod contracts the handlers validate with and the use cases return, so the teams running
 * source systems and the dashboard integrate without reading code.
 */
export function openApiDocument(routes: Readonly<Record<string, RouteContract>> = ROUTES): Json {
  const entries = Object.entries(routes) as [RouteKey, RouteContract][];
  const { schemas, idOf } = components(entries);
  const paths: Record<string, Json> = {};
  for (const [key, r] of entries) {
    const { method, path } = methodAndPath(key);
    paths[path] = { ...paths[path], [method.toLowerCase()]: operation(r, idOf) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Scorecard API",
      version: "1.0.0",
      summary: "The public-service performance observatory of Dong Nai province.",
      description:
        "Source systems post case events, complaints and the procedure catalog; the dashboard reads rankings, scorecards, warnings, head ratings and the reform index; " +
        "Home Affairs keeps findings, criteria, the survey and the heads, and publishes. Errors are `application/problem+json` with a stable `code` (docs/api-errors.md).",
    },
    servers: [{ url: "/" }],
    tags: TAGS,
    paths,
    components: {
      securitySchemes: {
        sourceToken: { type: "http", scheme: "bearer", description: "A source system's credential (Cognito client credentials with the scorecard/events.write scope; locally `<data>/keys/source-tokens.json`)." },
        userToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "A dashboard user's access token (Cognito; locally the signing key of `npm start`). The roles allowed are named in each operation (`x-roles`).",
        },
      },
      schemas,
    },
  };
}
