/**
 * `/v1/openapi.json` describes every route the handlers serve and nothing else (issue 18, items 3–4):
 * compared with the handlers' own route lists, with the route table, and with what the local
 * server answers over HTTP; each operation says who may call it and which problems it answers.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROBLEMS } from "@scorecard/shared/contracts/problems";
import { ROUTE_KEYS } from "@scorecard/shared/contracts/routes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_ROUTES } from "../src/handlers/admin-api.js";
import { INGEST_ROUTES } from "../src/handlers/ingest-events.js";
import { READ_ROUTES } from "../src/handlers/read-api.js";
import { httpFixture } from "./support/http-fixture.js";

type Operation = {
  operationId: string;
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; required: boolean }[];
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string; allOf?: [{ $ref: string }, { properties: { code: { enum: string[] } } }] } }> }>;
  "x-roles"?: string[];
  "x-own-unit-only"?: string[];
  "x-local-only"?: boolean;
};
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { scheme: string; bearerFormat?: string }> } };

const operations = (doc: Doc) => Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));
const LOCAL_ONLY = ["GET /v1/local/users", "POST /v1/local/login"];
/** A value each path parameter accepts. */
const SAMPLE: Readonly<Record<string, string>> = { unitId: "DIST-731", caseId: "C-1", period: "2024-H1", findingId: "F-1", criterion: "PAR5", headId: "HEAD-DIST-731-1", version: "1" };

describe("OpenAPI: /v1/openapi.json and the routes the handlers serve", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  let doc: Doc;
  const noRoute = async (method: string, path: string) => {
    const res = await fetch(`${fx.base}${path}`, { method, ...(method === "GET" ? {} : { body: "{}", headers: { "content-type": "application/json" } }) });
    const body = (await res.json()) as { code?: string; detail?: string };
    return res.status === 404 && body.code === "NOT_FOUND" && /^No route /.test(body.detail ?? "");
  };

  beforeAll(async () => {
    fx = await httpFixture();
    const res = await fetch(`${fx.base}/v1/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
  });
  afterAll(() => fx.close());

  it("is OpenAPI 3.1 with one operation per route the handlers serve, and no other", () => {
    expect(doc.openapi).toBe("3.1.0");
    const served = [...INGEST_ROUTES, ...READ_ROUTES, ...ADMIN_ROUTES, ...LOCAL_ONLY].sort();
    expect(served).toHaveLength(77);
    expect(new Set(served).size).toBe(served.length);
    expect(operations(doc).map((o) => o.key).sort()).toEqual(served);
    expect([...ROUTE_KEYS].sort()).toEqual(served);
  });

  it("answers every documented operation over HTTP (the local server routes it), and 'No route' for an undocumented one", async () => {
    const unrouted: string[] = [];
    for (const { key } of operations(doc)) {
      const [method, path] = key.split(" ") as [string, string];
      if (await noRoute(method, path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE[name] ?? "x"))) unrouted.push(key);
    }
    expect(unrouted).toEqual([]);
    // The probe can fail: routes that are not in the table are not served.
    expect(await noRoute("GET", "/v1/admin/nope")).toBe(true);
    expect(await noRoute("DELETE", "/v1/admin/findings/F-1")).toBe(true);
    expect(await noRoute("POST", "/v1/public/rankings")).toBe(true);
  });

  it("names each operation once, and marks the local runtime's sign-in routes local only", () => {
    const ids = operations(doc).map((o) => o.op.operationId);
    expect(ids.every((id) => /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations(doc).filter((o) => o.op["x-local-only"]).map((o) => o.key).sort()).toEqual(LOCAL_ONLY.sort());
  });

  it("says who may call each route, as the policy does (docs/api-admin.md)", () => {
    const op = (key: string) => operations(doc).find((o) => o.key === key)!.op;
    expect(doc.components.securitySchemes["userToken"]).toMatchObject({ scheme: "bearer", bearerFormat: "JWT" });
    expect(doc.components.securitySchemes["sourceToken"]).toMatchObject({ scheme: "bearer" });
    for (const key of ["POST /v1/events", "POST /v1/complaints", "POST /v1/catalog"]) expect(op(key).security).toEqual([{ sourceToken: [] }]);
    for (const key of ["GET /v1/health", "GET /v1/openapi.json", "GET /v1/public/meta", "GET /v1/public/rankings", ...LOCAL_ONLY]) {
      expect([key, op(key).security, op(key)["x-roles"]]).toEqual([key, [], undefined]);
    }
    const staff = (key: string) => [op(key).security, op(key)["x-roles"], op(key)["x-own-unit-only"]];
    expect(staff("POST /v1/admin/publish")).toEqual([[{ userToken: [] }], ["home-affairs"], undefined]);
    expect(staff("GET /v1/admin/audit")).toEqual([[{ userToken: [] }], ["chairman", "home-affairs"], undefined]);
    expect(staff("GET /v1/admin/publications")).toEqual([[{ userToken: [] }], ["chairman", "home-affairs", "unit-officer"], undefined]);
    expect(staff("GET /v1/units/{unitId}/cases")).toEqual([[{ userToken: [] }], ["chairman", "home-affairs", "unit-officer"], ["unit-officer"]]);
    expect(staff("GET /v1/warnings")).toEqual([[{ userToken: [] }], ["chairman", "home-affairs"], undefined]);
    // Every other operation needs one of the two tokens.
    for (const { key, op: o } of operations(doc)) if (o.security.length === 0) expect(["GET /v1/health", "GET /v1/openapi.json", "GET /v1/public/meta", "GET /v1/public/rankings", "GET /v1/public/rules", ...LOCAL_ONLY]).toContain(key);
  });

  it("answers problems as application/problem+json with the shared schema, grouped by status with their codes", () => {
    for (const { key, op } of operations(doc)) {
      for (const [status, res] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const schema = res.content?.["application/problem+json"]?.schema;
        expect([key, status, schema?.allOf?.[0]]).toEqual([key, status, { $ref: "#/components/schemas/Problem" }]);
        for (const code of schema!.allOf![1].properties.code.enum) expect([key, code, PROBLEMS[code as keyof typeof PROBLEMS]]).toEqual([key, code, Number(status)]);
      }
      expect(op.responses["500"], key).toBeDefined();
    }
    const codes = (key: string, status: string) => operations(doc).find((o) => o.key === key)!.op.responses[status]?.content?.["application/problem+json"]?.schema.allOf?.[1].properties.code.enum;
    expect(codes("GET /v1/public/rankings", "422")).toEqual(["MISSING_PARAMETER", "INVALID_PARAMETER"]);
    expect(codes("GET /v1/public/rankings", "404")).toEqual(["NO_SNAPSHOT"]);
    expect(codes("GET /v1/public/rankings", "401")).toBeUndefined();
    expect(codes("PUT /v1/admin/findings/{findingId}", "428")).toEqual(["VERSION_REQUIRED"]);
    expect(codes("POST /v1/events", "413")).toEqual(["PAYLOAD_TOO_LARGE", "TOO_MANY_EVENTS"]);
    expect(codes("POST /v1/admin/publish", "409")).toEqual(["NO_DRAFT", "NO_CHANGES", "PUBLISH_CONFLICT"]);
  });

  it("documents every parameter the routes read, with required ones marked", () => {
    const params = (key: string) => operations(doc).find((o) => o.key === key)!.op.parameters.map((p) => `${p.in}:${p.name}${p.required ? "!" : ""}`);
    expect(params("GET /v1/units/{unitId}/head-ratings")).toEqual(["path:unitId!", "query:period!", "query:version"]);
    expect(params("GET /v1/admin/publications/{period}/{version}")).toEqual(["path:period!", "path:version!", "query:tier!"]);
    expect(params("GET /v1/admin/audit")).toEqual(["query:limit", "query:cursor", "query:from", "query:to"]);
    expect(params("PUT /v1/admin/criteria/{unitId}/{period}/{criterion}")).toEqual(["path:unitId!", "path:period!", "path:criterion!", "header:If-Match"]);
    expect(params("PUT /v1/admin/indicators/{unitId}/{period}/{indicator}")).toEqual(["path:unitId!", "path:period!", "path:indicator!", "header:If-Match"]);
    expect(params("POST /v1/events")).toEqual(["header:Idempotency-Key"]);
    // Every {name} of a path is a path parameter of its operation.
    for (const { key, op } of operations(doc)) {
      const inPath = [...key.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect([key, op.parameters.filter((p) => p.in === "path").map((p) => p.name)]).toEqual([key, inPath]);
    }
  });
});

describe("Problem codes: each code the functions answer with has the status of the contract (shared/src/contracts/problems.ts)", () => {
  const root = fileURLToPath(new URL("../src/", import.meta.url));
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith(".ts") ? [join(dir, f)] : []));
  const thrown = files(root).flatMap((f) => [...readFileSync(f, "utf8").matchAll(/HttpProblemError\(\s*(\d{3}),\s*"([A-Z_]+)"/g)].map((m) => [m[2] as string, Number(m[1])] as const));

  it("finds the codes (a scan that reads nothing could not fail)", () => {
    expect(thrown.length).toBeGreaterThan(25);
    expect(thrown).toContainEqual(["NO_RATINGS", 404]);
  });

  it("every literal code has the contract's status", () => {
    expect(thrown.filter(([code, status]) => PROBLEMS[code as keyof typeof PROBLEMS] !== status)).toEqual([]);
  });
});
