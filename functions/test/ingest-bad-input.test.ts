import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CaseBuilder } from "./support/events.js";
import { httpFixture } from "./support/http-fixture.js";

const valid = () => new CaseBuilder("BAD-CASE", "DEPT-STP-2020").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").build()[0] as Record<string, unknown>;
const json = (o: unknown) => JSON.stringify(o);
const one = (patch: Record<string, unknown>, drop: string[] = []) => {
  const e: Record<string, unknown> = { ...valid(), eventId: `bad-${Math.random().toString(36).slice(2)}`, ...patch };
  for (const k of drop) delete e[k];
  return json({ events: [e] });
};

interface Case {
  readonly row: string;
  readonly name: string;
  readonly body: string | Uint8Array;
  readonly headers?: Record<string, string>;
  readonly status: number;
  /** Problem code for a refused request, or the per-event rejection code for a 200. */
  readonly code: string;
}

// Rows refer to research/reliability.md §(b); codes are documented in docs/api-errors.md.
const CASES: Case[] = [
  { row: "1", name: "truncated JSON", body: '{"events": [', status: 400, code: "MALFORMED_JSON" },
  { row: "1", name: "trailing garbage", body: '{"events": []}]', status: 400, code: "MALFORMED_JSON" },
  { row: "1", name: "byte-order mark before the JSON", body: `\uFEFF${one({})}`, status: 400, code: "MALFORMED_JSON" },
  { row: "1", name: "JSON with a comment", body: '{"events": [] /* hi */}', status: 400, code: "MALFORMED_JSON" },
  { row: "1", name: "NDJSON with one broken line", body: `${json(valid())}\n{"eventId": `, headers: { "content-type": "application/x-ndjson" }, status: 400, code: "MALFORMED_JSON" },
  { row: "2", name: "text/plain", body: one({}), headers: { "content-type": "text/plain" }, status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  { row: "2", name: "form-encoded", body: "events=1", headers: { "content-type": "application/x-www-form-urlencoded" }, status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  { row: "2", name: "invalid UTF-8 bytes", body: new Uint8Array([0x7b, 0x22, 0x65, 0xff, 0xfe, 0x22, 0x7d]), status: 400, code: "INVALID_ENCODING" },
  { row: "3", name: "body over 1 MB", body: json({ events: [{ ...valid(), pad: "x".repeat(1_100_000) }] }), status: 413, code: "PAYLOAD_TOO_LARGE" },
  { row: "4", name: "501 events", body: json({ events: Array.from({ length: 501 }, (_, i) => ({ ...valid(), eventId: `e${i}` })) }), status: 413, code: "TOO_MANY_EVENTS" },
  { row: "4", name: "empty batch", body: json({ events: [] }), status: 422, code: "EMPTY_BATCH" },
  { row: "4", name: "no events array", body: json({ event: [] }), status: 400, code: "MISSING_EVENTS" },
  { row: "5", name: "10 000-level nesting", body: `{"events":${"[".repeat(10_000)}${"]".repeat(10_000)}}`, status: 400, code: "TOO_DEEP" },
  { row: "6", name: "duplicate keys", body: '{"events":[{"eventId":"a","eventId":"b"}]}', status: 422, code: "DUPLICATE_KEY" },
  { row: "7", name: "unknown field", body: one({ score: 100 }), status: 200, code: "UNKNOWN_FIELD" },
  { row: "7", name: "__proto__ key", body: one({}).replace('{"eventId"', '{"__proto__":{"admin":true},"eventId"'), status: 200, code: "UNKNOWN_FIELD" },
  { row: "7", name: "constructor key", body: one({ constructor: { prototype: { polluted: true } } }), status: 200, code: "UNKNOWN_FIELD" },
  { row: "8", name: "missing eventId", body: one({}, ["eventId"]), status: 200, code: "MISSING_FIELD" },
  { row: "8", name: "missing caseId", body: one({}, ["caseId"]), status: 200, code: "MISSING_FIELD" },
  { row: "8", name: "missing occurredAt", body: one({}, ["occurredAt"]), status: 200, code: "MISSING_FIELD" },
  { row: "8", name: "eventId is a number", body: one({ eventId: 123 }), status: 200, code: "INVALID_TYPE" },
  { row: "8", name: "unknown event type", body: one({ type: "LOST" }), status: 200, code: "INVALID_VALUE" },
  { row: "8", name: "RECEIVED without a due date", body: one({}, ["dueAt"]), status: 200, code: "MISSING_FIELD" },
  { row: "9", name: "timestamp without a time zone", body: one({ occurredAt: "2024-03-04T09:00:00" }), status: 200, code: "INVALID_TIMESTAMP" },
  { row: "9", name: "30 February", body: one({ occurredAt: "2025-02-30T09:00:00+07:00" }), status: 200, code: "INVALID_TIMESTAMP" },
  { row: "9", name: "year 1900", body: one({ occurredAt: "1900-01-01T09:00:00+07:00" }), status: 200, code: "INVALID_TIMESTAMP" },
  { row: "9", name: "in the future", body: one({ occurredAt: "2099-01-01T09:00:00+07:00" }), status: 200, code: "INVALID_TIMESTAMP" },
  { row: "9", name: "epoch milliseconds as a string", body: one({ occurredAt: "1709517600000" }), status: 200, code: "INVALID_TIMESTAMP" },
  { row: "10", name: "rating score out of range", body: one({ type: "RATED", rating: { satisfied: true, progress: 9 } }, ["dueAt", "channel", "procedureCode", "field"]), status: 200, code: "OUT_OF_RANGE" },
  { row: "10", name: "reason code not on the published list", body: one({ type: "REFUSED", reasonCode: "BECAUSE" }), status: 200, code: "INVALID_VALUE" },
  { row: "10", name: "reason code on an event that takes none", body: one({ reasonCode: "OTHER" }), status: 200, code: "RULE_VIOLATED" },
  { row: "10", name: "huge number as an id", body: one({ caseId: 9007199254740993 }), status: 200, code: "INVALID_TYPE" },
  { row: "11", name: "lone surrogate in an id", body: one({}).replace('"caseId":"BAD-CASE"', '"caseId":"BAD\\uD800"'), status: 200, code: "INVALID_FORMAT" },
  { row: "11", name: "NUL in an id", body: one({ caseId: "BAD\u0000CASE" }), status: 200, code: "INVALID_FORMAT" },
  { row: "11", name: "bidi override in an id", body: one({ caseId: "BAD\u202ECASE" }), status: 200, code: "INVALID_FORMAT" },
  { row: "11", name: "id longer than 64 characters", body: one({ caseId: "C".repeat(65) }), status: 200, code: "TOO_LONG" },
  { row: "13", name: "formula injection in an id", body: one({ caseId: '=HYPERLINK("http://x")' }), status: 200, code: "INVALID_FORMAT" },
  { row: "13", name: "script in the field code", body: one({ field: "<img onerror=alert(1)>" }), status: 200, code: "INVALID_FORMAT" },
  { row: "13", name: "SQL in the unit id", body: one({ unitId: "'; DROP TABLE x; --" }), status: 200, code: "INVALID_FORMAT" },
  { row: "14", name: "unknown unit", body: one({ unitId: "DEPT-NOPE-2020" }), status: 200, code: "UNKNOWN_UNIT" },
  { row: "14", name: "unit not yet valid on that date", body: one({ unitId: "COM-26041-2025" }), status: 200, code: "UNKNOWN_UNIT" },
  { row: "16", name: "two Idempotency-Key values", body: one({}), headers: { "idempotency-key": "a, b" }, status: 400, code: "INVALID_IDEMPOTENCY_KEY" },
  { row: "32", name: "no credential", body: one({}), headers: { authorization: "" }, status: 401, code: "UNAUTHENTICATED" },
  { row: "32", name: "wrong credential", body: one({}), headers: { authorization: "Bearer not-the-token" }, status: 401, code: "UNAUTHENTICATED" },
];

describe("Ingestion: bad input is refused with a stable code, and nothing refused is stored", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  beforeAll(async () => {
    fx = await httpFixture();
  });
  afterAll(() => fx.close());

  it(`covers at least 25 bad inputs (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)("row $row: $name → $status $code", async ({ body, headers, status, code }) => {
    const res = await fx.post("/v1/events", body, headers);
    expect(res.status).toBe(status);
    const payload = (await res.json()) as { code?: string; accepted?: number; results?: { status: string; code: string }[] };
    if (status === 200) {
      expect(payload.accepted).toBe(0);
      expect(payload.results?.[0]).toMatchObject({ status: "rejected", code });
    } else {
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(payload.code).toBe(code);
    }
  });

  it("names the field of a bad reason code and lists the accepted codes (shared/src/contracts/reason-codes.ts)", async () => {
    const res = await fx.post("/v1/events", one({ type: "SUPPLEMENT_REQUESTED", reasonCode: "OUTSIDE_REMIT" }));
    const payload = (await res.json()) as { results: { status: string; code: string; message: string }[] };
    expect(payload.results[0]).toEqual(expect.objectContaining({ status: "rejected", code: "INVALID_VALUE" }));
    expect(payload.results[0]?.message).toBe("reasonCode: OUTSIDE_REMIT is not a reason for SUPPLEMENT_REQUESTED: one of MISSING_DOCUMENT, INVALID_DOCUMENT, OTHER");
  });

  it("stored nothing at all: no raw batch in the lake, no event in DynamoDB", async () => {
    expect(await fx.rt.lake.list("raw/")).toEqual([]);
    expect(await fx.rt.ingest.store.caseEvents("BAD-CASE")).toEqual([]);
    expect(({} as Record<string, unknown>)["admin"]).toBeUndefined();
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
