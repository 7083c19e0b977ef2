/**
 * Strict content types (issue 21 item 6): a body route takes exactly the media types it documents
 * — application/json (and application/x-ndjson on the batch routes, text/csv on the survey) with
 * optional parameters, type and subtype in any case — and answers anything else, or no
 * Content-Type at all, with 415 UNSUPPORTED_MEDIA_TYPE (docs/api-errors.md). Before, the batch
 * routes took any type containing "json" and a missing header as JSON.
 */
import { request } from "node:http";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { DEMO_USERS } from "../src/adapters/local/local-identity.js";
import { csvBody, jsonBody } from "../src/http/admin-request.js";
import { parseBatch } from "../src/http/batch-body.js";
import { parseMediaType } from "../src/http/media-type.js";
import { HttpProblemError } from "../src/http/problem.js";
import { CaseBuilder } from "./support/events.js";
import { TEST_TOKEN, httpFixture } from "./support/http-fixture.js";

const REFUSED = [
  undefined,
  "",
  "text/json",
  "application/vnd.evil+json",
  "application/json-seq",
  "application/jsonx",
  "application/problem+json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json, text/plain",
  "application/json text/plain",
  "application/json; charset=iso-8859-1",
  "application/json; charset=utf-16",
  "application/json; charset",
  "application/json; charset=\"utf-8",
  "application / json",
  "application/",
  "/json",
  "json",
];
const ACCEPTED = ["application/json", "Application/JSON", "APPLICATION/JSON; CHARSET=UTF-8", "application/json; charset=utf-8", "application/json;charset=\"utf-8\"", "application/json ; charset=utf8", " application/json\t", "application/json; q=1; charset=UTF-8", "application/json;"];

const eventWith = (contentType: string | undefined, body: string): APIGatewayProxyEventV2 =>
  ({ headers: contentType === undefined ? {} : { "content-type": contentType }, body, isBase64Encoded: false }) as unknown as APIGatewayProxyEventV2;

/** The problem a call throws (its status and code), or "ok". */
const outcome = (f: () => unknown): string => {
  try {
    f();
    return "ok";
  } catch (e) {
    if (e instanceof HttpProblemError) return `${e.status} ${e.code}`;
    throw e;
  }
};

const BATCH = JSON.stringify({ events: [{ eventId: "x" }] });

describe("media types of body routes: exact type and subtype, parameters allowed, UTF-8 only", () => {
  it.each(REFUSED.map((t) => [String(t), t] as const))("batch route refuses %s with 415", (_, type) => {
    expect(outcome(() => parseBatch(eventWith(type, BATCH), "events"))).toBe("415 UNSUPPORTED_MEDIA_TYPE");
  });

  it.each(ACCEPTED)("batch route takes %s as JSON", (type) => {
    expect(parseBatch(eventWith(type, BATCH), "events")).toEqual([{ eventId: "x" }]);
  });

  it("batch route takes application/x-ndjson as NDJSON lines, and no other spelling", () => {
    expect(parseBatch(eventWith("application/x-ndjson; charset=utf-8", '{"a":1}\n{"a":2}\n'), "events")).toEqual([{ a: 1 }, { a: 2 }]);
    for (const t of ["application/ndjson-evil", "text/x-ndjson", "application/jsonlines+json"]) {
      expect(outcome(() => parseBatch(eventWith(t, '{"a":1}'), "events")), t).toBe("415 UNSUPPORTED_MEDIA_TYPE");
    }
  });

  it("the media type is checked before the body: an empty body of the wrong type is a 415, of the right type a 400", () => {
    expect(outcome(() => parseBatch(eventWith("text/plain", ""), "events"))).toBe("415 UNSUPPORTED_MEDIA_TYPE");
    expect(outcome(() => parseBatch(eventWith("application/json", ""), "events"))).toBe("400 EMPTY_BODY");
  });

  it.each(REFUSED.map((t) => [String(t), t] as const))("admin JSON body refuses %s with 415", (_, type) => {
    expect(outcome(() => jsonBody(eventWith(type, '{"period":"2024-H1"}'), z.strictObject({ period: z.string() })))).toBe("415 UNSUPPORTED_MEDIA_TYPE");
  });

  it.each(ACCEPTED)("admin JSON body takes %s", (type) => {
    expect(jsonBody(eventWith(type, '{"period":"2024-H1"}'), z.strictObject({ period: z.string() }))).toEqual({ period: "2024-H1" });
  });

  it("admin CSV body: text/csv with a UTF-8 charset or none; Latin-1 or another type is a 415", () => {
    expect(csvBody(eventWith("text/csv", "a,b"))).toBe("a,b");
    expect(csvBody(eventWith("Text/CSV; charset=UTF-8; header=present", "a,b"))).toBe("a,b");
    for (const t of [undefined, "text/csv; charset=windows-1258", "text/csvx", "application/csv+json", "text/plain"]) {
      expect(outcome(() => csvBody(eventWith(t, "a,b"))), String(t)).toBe("415 UNSUPPORTED_MEDIA_TYPE");
    }
  });

  it("parses any media type with token type, subtype and parameters, case-insensitively (fast-check)", () => {
    const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);
    const randomCase = (s: string) => fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((up) => [...s].map((c, i) => (up[i] ? c.toUpperCase() : c.toLowerCase())).join(""));
    const param = fc.tuple(token, fc.oneof(token, fc.stringMatching(/^[ !#-[\]-~]{0,8}$/).map((v) => `"${v}"`)), fc.constantFrom("", " ", "\t ")).map(([n, v, ows]) => `${ows};${ows}${n}=${v}`);
    fc.assert(
      fc.property(token, token, fc.array(param, { maxLength: 3 }), (type, subtype, params) => {
        const parsed = parseMediaType(`${type}/${subtype}${params.join("")}`);
        expect(parsed?.essence).toBe(`${type}/${subtype}`.toLowerCase());
      }),
    );
    fc.assert(
      fc.property(randomCase("application/json"), fc.array(param.filter((p) => !/charset/i.test(p)), { maxLength: 3 }), (type, params) => {
        expect(parseBatch(eventWith(`${type}${params.join("")}`, BATCH), "events")).toHaveLength(1);
      }),
    );
    // Anything whose type/subtype is not exactly application/json or application/x-ndjson is refused.
    fc.assert(
      fc.property(token, token, (type, subtype) => {
        fc.pre(!["application/json", "application/x-ndjson"].includes(`${type}/${subtype}`.toLowerCase()));
        expect(outcome(() => parseBatch(eventWith(`${type}/${subtype}`, BATCH), "events"))).toBe("415 UNSUPPORTED_MEDIA_TYPE");
      }),
    );
  });
});

describe("over HTTP: the local server's body routes", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  let ha: string;
  const event = new CaseBuilder("HYG-CT-1", "DEPT-STP-2020").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").build()[0];

  /** A POST with exactly these headers (fetch would add text/plain to a body without a type). */
  const raw = (path: string, headers: Record<string, string>, body: string) =>
    new Promise<{ status: number; body: { code?: string } }>((ok, fail) => {
      const url = new URL(path, fx.base);
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (c: string) => (text += c));
        res.on("end", () => ok({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as { code?: string }) : {} }));
      });
      req.on("error", fail);
      req.end(body);
    });

  beforeAll(async () => {
    fx = await httpFixture();
    ha = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "home-affairs")!);
  });
  afterAll(() => fx.close());

  it("POST /v1/events: no Content-Type, text/json and application/vnd.evil+json are 415 UNSUPPORTED_MEDIA_TYPE; nothing is stored", async () => {
    const body = JSON.stringify({ events: [event] });
    const auth = { authorization: `Bearer ${TEST_TOKEN}` };
    for (const headers of [auth, { ...auth, "content-type": "text/json" }, { ...auth, "content-type": "application/vnd.evil+json" }] as Record<string, string>[]) {
      const r = await raw("/v1/events", headers, body);
      expect([r.status, r.body.code], JSON.stringify(headers)).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    }
    expect(await fx.rt.ingest.store.caseEvents("HYG-CT-1")).toEqual([]);
    const ok = await raw("/v1/events", { ...auth, "content-type": "Application/JSON; charset=UTF-8" }, body);
    expect(ok.status).toBe(200);
    expect((await fx.rt.ingest.store.caseEvents("HYG-CT-1")).map((e) => e.eventId)).toEqual([event!.eventId]);
  });

  it("POST /v1/complaints and /v1/catalog: the same rule", async () => {
    for (const path of ["/v1/complaints", "/v1/catalog"]) {
      const r = await raw(path, { authorization: `Bearer ${TEST_TOKEN}`, "content-type": "text/json" }, "{}");
      expect([path, r.status, r.body.code]).toEqual([path, 415, "UNSUPPORTED_MEDIA_TYPE"]);
    }
  });

  it("admin JSON routes and the local sign-in: 415 for text/json and for no Content-Type", async () => {
    for (const headers of [{}, { "content-type": "text/json" }, { "content-type": "application/vnd.evil+json" }] as Record<string, string>[]) {
      const publish = await raw("/v1/admin/publish", { authorization: `Bearer ${ha}`, ...headers }, JSON.stringify({ period: "2024-H1" }));
      expect([publish.status, publish.body.code], JSON.stringify(headers)).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
      const login = await raw("/v1/local/login", headers, JSON.stringify({ userId: "home-affairs" }));
      expect([login.status, login.body.code], JSON.stringify(headers)).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    }
    const login = await raw("/v1/local/login", { "content-type": "application/json; charset=utf-8" }, JSON.stringify({ userId: "home-affairs" }));
    expect(login.status).toBe(200);
  });
});
