/**
 * Issue 10, item 1: bad input across the remaining entry points (the events API's own 42 cases are
 * in test/ingest-bad-input.test.ts). A generated JSONTestSuite-style corpus (./json-corpus.ts) goes
 * to every JSON body route — the three source routes and the seven admin write routes — plus the
 * survey CSV import, query-parameter and path attacks on the read and admin APIs, and bulk-import
 * lines. For every case: a 4xx whose `code` is a documented one (docs/api-errors.md,
 * docs/api-admin.md) — never a 5xx —, the server still answers /v1/health, and nothing at all is
 * stored (every DynamoDB item and every lake file are the same before and after).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../src/adapters/local/local-identity.js";
import { TABLE_NAME } from "../../src/local/runtime.js";
import { importEvents } from "../../src/use-cases/ingest/import-events.js";
import { CaseBuilder } from "../support/events.js";
import { TEST_TOKEN, httpFixture } from "../support/http-fixture.js";
import { type CorpusCase, iCases, nCases } from "./json-corpus.js";

const DOCS = fileURLToPath(new URL("../../../docs/", import.meta.url));
/** Every code the API documents: the only codes a refusal may carry. */
const DOCUMENTED = new Set(["api-errors.md", "api-admin.md"].flatMap((f) => [...readFileSync(join(DOCS, f), "utf8").matchAll(/`([A-Z][A-Z0-9_]{3,})`/g)].map((m) => m[1] as string)));

const BH = "DIST-731";
const event = () => new CaseBuilder("BADIN-1", "DEPT-STP-2020").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").build()[0];
const complaint = { complaintId: "BADIN-C1", source: "HOTLINE_1022", unitId: BH, receivedAt: "2024-03-04T09:00:00+07:00" };
const procedure = { code: "1.BADIN", nameVi: "Thủ tục thử", field: "LAND", tier: "DISTRICT", onlineLevel: "PARTIAL", feeBearing: false, resultRequired: true, validFrom: "2024-01-01" };

interface JsonRoute {
  readonly method: string;
  readonly path: string;
  readonly who: "source" | "home-affairs";
  /** The key of the batch array (source routes), used by the i_ cases. */
  readonly key: string;
  readonly valid: unknown;
  readonly batch: boolean;
}

const ROUTES: JsonRoute[] = [
  { method: "POST", path: "/v1/events", who: "source", key: "events", valid: { events: [event()] }, batch: true },
  { method: "POST", path: "/v1/complaints", who: "source", key: "complaints", valid: { complaints: [complaint] }, batch: true },
  { method: "POST", path: "/v1/catalog", who: "source", key: "procedures", valid: { procedures: [procedure] }, batch: true },
  { method: "POST", path: "/v1/admin/findings", who: "home-affairs", key: "evidence", valid: { unitId: BH, period: "2024-H1", deduction: 1, evidence: "KL 1" }, batch: false },
  { method: "PUT", path: "/v1/admin/findings/F-BAD", who: "home-affairs", key: "evidence", valid: { unitId: BH, period: "2024-H1", deduction: 1, evidence: "KL 1", version: 1 }, batch: false },
  { method: "POST", path: "/v1/admin/findings/F-BAD/conclude", who: "home-affairs", key: "noticeNumber", valid: { noticeNumber: "1/TB", noticeDate: "2024-06-28", version: 1 }, batch: false },
  { method: "PUT", path: `/v1/admin/criteria/${BH}/2024-H1/PAR6`, who: "home-affairs", key: "evidence", valid: { points: 5, evidence: "BC 1", version: 0 }, batch: false },
  { method: "POST", path: `/v1/admin/units/${BH}/heads`, who: "home-affairs", key: "name", valid: { name: "Nguyễn Văn A", title: "Chủ tịch", tenureFrom: "2024-01-01", tenureTo: null }, batch: false },
  { method: "PUT", path: `/v1/admin/units/${BH}/heads/HEAD-BAD`, who: "home-affairs", key: "name", valid: { name: "Nguyễn Văn A", title: "Chủ tịch", tenureFrom: "2024-01-01", tenureTo: null, version: 1 }, batch: false },
  { method: "POST", path: "/v1/admin/publish", who: "home-affairs", key: "period", valid: { period: "2024-H1" }, batch: false },
];

/**
 * Hostile field values for the admin routes (valid JSON, well-formed body, bad content). Markup such
 * as `<img onerror>` is not here: it is legitimate text, stored as typed and rendered inert (the
 * browser test in e2e/xss.browser.test.ts).
 */
const ADMIN_FIELD_ATTACKS: [string, unknown][] = [
  ["formula", '=HYPERLINK("http://x","y")'],
  ["lone surrogate", "\uD800abc"],
  ["NUL", "a\u0000b"],
  ["ESC (terminal injection)", "a\u001b[31mb"],
  ["10 kB string", "x".repeat(10_000)],
  ["number instead of text", 12],
  ["object instead of text", { $ne: null }],
  ["array instead of text", ["a"]],
  ["null", null],
];

type Fx = Awaited<ReturnType<typeof httpFixture>>;

async function snapshotStorage(fx: Fx) {
  const items: string[] = [];
  let startKey: Record<string, import("@aws-sdk/client-dynamodb").AttributeValue> | undefined;
  do {
    const page = await fx.rt.dynamoClient.send(new ScanCommand({ TableName: TABLE_NAME, ExclusiveStartKey: startKey }));
    for (const i of page.Items ?? []) items.push(JSON.stringify(i));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
  return { items: items.sort(), files: walk(fx.rt.lake.root).sort() };
}

describe("Bad input on every entry point: a documented 4xx, no 5xx, the server keeps answering, nothing stored", () => {
  let fx: Fx;
  let ha: string;
  let chairman: string;
  let before: Awaited<ReturnType<typeof snapshotStorage>>;
  const tally = { json: 0, csv: 0, query: 0, importLines: 0, adminFields: 0 };

  beforeAll(async () => {
    fx = await httpFixture();
    ha = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "home-affairs")!);
    chairman = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "chairman")!);
    before = await snapshotStorage(fx);
  });
  afterAll(async () => {
    console.log(`[bad-input] ${JSON.stringify(tally)} cases, ${Object.values(tally).reduce((a, b) => a + b, 0)} in all`);
    await fx?.close();
  });

  const send = (method: string, path: string, body: string | Uint8Array | undefined, token: string, contentType = "application/json") =>
    fetch(`${fx.base}${path}`, { method, ...(body !== undefined ? { body: body as BodyInit } : {}), headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": contentType } : {}) } });

  /** The contract for one refused request. */
  async function expectRefused(res: Response, what: string, batch = false): Promise<string> {
    const text = await res.text();
    expect(res.status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(500);
    if (batch && res.status === 200) {
      const b = JSON.parse(text) as { accepted: number; duplicates: number; rejected: number };
      expect(b.accepted + b.duplicates, what).toBe(0);
      expect(b.rejected, what).toBeGreaterThan(0);
      return "REJECTED_PER_ITEM";
    }
    expect(res.status, `${what}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
    expect(res.headers.get("content-type"), what).toContain("application/problem+json");
    const code = (JSON.parse(text) as { code: string }).code;
    expect(DOCUMENTED.has(code), `${what}: code ${code} is not documented`).toBe(true);
    return code;
  }

  const health = async () => expect((await fetch(`${fx.base}/v1/health`)).status).toBe(200);

  for (const route of ROUTES) {
    it(`${route.method} ${route.path}: the generated JSON corpus (n_ and i_) is refused`, async () => {
      const token = route.who === "source" ? TEST_TOKEN : ha;
      const corpus: CorpusCase[] = [...nCases(JSON.stringify(route.valid)), ...iCases(route.key)];
      expect(corpus.length).toBeGreaterThanOrEqual(60);
      const codes = new Map<string, string>();
      for (const c of corpus) {
        const code = await expectRefused(await send(route.method, route.path, c.body, token), `${route.path} ${c.name}`, route.batch);
        codes.set(c.name, code);
        if (c.name.startsWith("n_")) expect(["MALFORMED_JSON", "INVALID_ENCODING", "EMPTY_BODY"], `${c.name} → ${code}`).toContain(code);
        tally.json++;
      }
      expect(codes.get("i_object_duplicate_key")).toBe("DUPLICATE_KEY");
      expect(codes.get("i_structure_10000_nested_objects")).toBe("TOO_DEEP");
      expect(codes.get("i_string_1MB")).toBe("PAYLOAD_TOO_LARGE");
      await health();
    });
  }

  it("admin routes: hostile values in every text field are refused (422), none is stored", async () => {
    for (const route of ROUTES.filter((r) => !r.batch)) {
      for (const [field, v] of Object.entries(route.valid as Record<string, unknown>)) {
        if (field === "version" || typeof v !== "string") continue;
        for (const [name, value] of ADMIN_FIELD_ATTACKS) {
          const body = JSON.stringify({ ...(route.valid as object), [field]: value });
          const code = await expectRefused(await send(route.method, route.path, body, ha), `${route.path} ${field} = ${name}`);
          expect(["INVALID_CONTENT", "PAYLOAD_TOO_LARGE", "VERSION_CONFLICT", "NOT_FOUND"]).toContain(code);
          tally.adminFields++;
        }
      }
    }
    await health();
  });

  const CSV_HEADER = "unitId,period,share,respondents,evidence";
  const CSV: { name: string; body: string | Uint8Array; contentType?: string; code: string; errorCode?: string }[] = [
    { name: "formula =HYPERLINK", body: `${CSV_HEADER}\r\n${BH},2024-H1,0.9,10,"=HYPERLINK(""http://x"",""y"")"`, code: "INVALID_CONTENT", errorCode: "FORMULA_REJECTED" },
    { name: "formula +", body: `${CSV_HEADER}\r\n${BH},2024-H1,0.9,10,+1+1`, code: "INVALID_CONTENT", errorCode: "FORMULA_REJECTED" },
    { name: "formula - in share", body: `${CSV_HEADER}\r\n${BH},2024-H1,-0.9+cmd|' /C calc'!A0,10,ok`, code: "INVALID_CONTENT", errorCode: "FORMULA_REJECTED" },
    { name: "formula @", body: `${CSV_HEADER}\r\n@SUM(A1),2024-H1,0.9,10,ok`, code: "INVALID_CONTENT", errorCode: "FORMULA_REJECTED" },
    { name: "tab-led cell", body: `${CSV_HEADER}\r\n${BH},2024-H1,0.9,10,"\t=1+1"`, code: "INVALID_CONTENT", errorCode: "FORMULA_REJECTED" },
    { name: "CR-led cell", body: `${CSV_HEADER}\r\n${BH},2024-H1,0.9,10,"\r=1+1"`, code: "INVALID_CONTENT", errorCode: "FORMULA_REJECTED" },
    { name: "NUL in a cell", body: `${CSV_HEADER}\r\n${BH},2024-H1,0.9,10,SIPAS\u00002024`, code: "INVALID_CONTENT" },
    { name: "ESC sequence in a cell", body: `${CSV_HEADER}\r\n${BH},2024-H1,0.9,10,SIPAS\u001b[2J`, code: "INVALID_CONTENT" },
    // A lone surrogate can only arrive as bytes (CESU-8): not UTF-8, so refused before parsing.
    { name: "lone surrogate in a cell (raw bytes)", body: Buffer.concat([Buffer.from(`${CSV_HEADER}\r\n${BH},2024-H1,0.9,10,SIPAS`), Buffer.from([0xed, 0xa0, 0x80])]), code: "INVALID_ENCODING" },
    { name: "wrong column names", body: `unit,period,share,evidence\r\n${BH},2024-H1,0.9,ok`, code: "INVALID_CONTENT", errorCode: "UNKNOWN_COLUMN" },
    { name: "missing column", body: `unitId,period,share\r\n${BH},2024-H1,0.9`, code: "INVALID_CONTENT", errorCode: "MISSING_COLUMN" },
    { name: "duplicate column", body: `unitId,unitId,period,share,evidence\r\n${BH},${BH},2024-H1,0.9,ok`, code: "INVALID_CONTENT", errorCode: "DUPLICATE_COLUMN" },
    { name: "__proto__ column", body: `__proto__,unitId,period,share,evidence\r\nx,${BH},2024-H1,0.9,ok`, code: "INVALID_CONTENT", errorCode: "UNKNOWN_COLUMN" },
    { name: "header only", body: `${CSV_HEADER}\r\n`, code: "INVALID_CONTENT", errorCode: "EMPTY_CSV" },
    { name: "extra cells in a row", body: `${CSV_HEADER}\r\n${BH},2024-H1,0.9,10,ok,extra`, code: "INVALID_CONTENT", errorCode: "COLUMN_COUNT" },
    { name: "unclosed quote", body: `${CSV_HEADER}\r\n${BH},2024-H1,0.9,10,"ok`, code: "MALFORMED_CSV" },
    { name: "share NaN / Infinity / exponent", body: `${CSV_HEADER}\r\n${BH},2024-H1,NaN,10,a\r\nDIST-732,2024-H1,Infinity,10,a\r\nDIST-733,2024-H1,9e-1,10,a`, code: "INVALID_CONTENT", errorCode: "OUT_OF_RANGE" },
    { name: "unit __proto__ / constructor", body: `${CSV_HEADER}\r\n__proto__,2024-H1,0.9,10,a\r\nconstructor,2024-H1,0.9,10,a`, code: "INVALID_CONTENT", errorCode: "UNKNOWN_UNIT" },
    { name: "period 2024-13 / 2024-H3", body: `${CSV_HEADER}\r\n${BH},2024-13,0.9,10,a\r\nDIST-732,2024-H3,0.9,10,a`, code: "INVALID_CONTENT", errorCode: "INVALID_VALUE" },
    { name: "SQL-ish unit", body: `${CSV_HEADER}\r\n"DIST-731' OR '1'='1",2024-H1,0.9,10,a`, code: "INVALID_CONTENT", errorCode: "UNKNOWN_UNIT" },
    { name: "BOM, then a bad row (the BOM is not part of the first column's name)", body: `\uFEFF${CSV_HEADER}\r\n${BH},2024-H1,1.5,10,a`, code: "INVALID_CONTENT", errorCode: "OUT_OF_RANGE" },
    { name: "Windows-1258 / Latin-1 bytes (not UTF-8)", body: Buffer.concat([Buffer.from(`${CSV_HEADER}\r\n${BH},2024-H1,0.9,10,Kh`), Buffer.from([0xe1, 0x6f, 0x20, 0x73, 0xe1, 0x74])]), code: "INVALID_ENCODING" },
    { name: "UTF-16LE with BOM", body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${CSV_HEADER}\r\n${BH},2024-H1,0.9,10,a`, "utf16le")]), code: "INVALID_ENCODING" },
    { name: "over 5 000 rows", body: `${CSV_HEADER}\r\n${Array.from({ length: 5001 }, (_, i) => `${BH},${2000 + (i % 100)},0.9,${i},a`).join("\r\n")}`, code: "INVALID_CONTENT", errorCode: "TOO_MANY_ROWS" },
    { name: "over 1 MB", body: `${CSV_HEADER}\r\n${BH},2024-H1,0.9,10,${"x".repeat(1_100_000)}`, code: "PAYLOAD_TOO_LARGE" },
    { name: "empty body", body: "", code: "EMPTY_BODY" },
    { name: "sent as application/json", body: `${CSV_HEADER}\r\n${BH},2024-H1,0.9,10,a`, contentType: "application/json", code: "UNSUPPORTED_MEDIA_TYPE" },
    { name: "sent as text/plain", body: `${CSV_HEADER}\r\n${BH},2024-H1,0.9,10,a`, contentType: "text/plain", code: "UNSUPPORTED_MEDIA_TYPE" },
  ];

  it.each(CSV)("survey CSV: $name → $code", async ({ name, body, contentType, code, errorCode }) => {
    const res = await send("POST", "/v1/admin/survey", body, ha, contentType ?? "text/csv");
    const text = await res.clone().text();
    expect(await expectRefused(res, name)).toBe(code);
    if (errorCode) expect((JSON.parse(text) as { errors: { code: string }[] }).errors.map((e) => e.code)).toContain(errorCode);
    if (name.startsWith("BOM")) expect(text).not.toContain("UNKNOWN_COLUMN");
    tally.csv++;
  });

  const long = "2".repeat(10_000);
  const QUERIES: { path: string; who?: "anonymous" | "chairman" | "home-affairs"; status?: number; code?: string }[] = [
    { path: "/v1/public/rankings?period=2024-13&tier=DISTRICT", code: "INVALID_PARAMETER" },
    { path: "/v1/public/rankings?period=2024-00&tier=DISTRICT", code: "INVALID_PARAMETER" },
    { path: "/v1/public/rankings?period=2024-Q5&tier=DISTRICT", code: "INVALID_PARAMETER" },
    { path: "/v1/public/rankings?period=2024-02-30&tier=DISTRICT", code: "INVALID_PARAMETER" },
    { path: "/v1/public/rankings?period=2024-03&tier=__proto__", code: "INVALID_PARAMETER" },
    { path: "/v1/public/rankings?period=2024-03&tier=constructor", code: "INVALID_PARAMETER" },
    { path: "/v1/public/rankings?period=2024-03&tier=toString", code: "INVALID_PARAMETER" },
    { path: "/v1/public/rankings?period=2024-03&tier=district", code: "INVALID_PARAMETER" },
    { path: "/v1/public/rankings?period=2024-03&tier=DISTRICT%00", code: "INVALID_PARAMETER" },
    { path: "/v1/public/rankings?period=2024-03&period=2024-04&tier=DISTRICT", code: "INVALID_PARAMETER" },
    { path: "/v1/public/rankings?period=2024-03&tier=DISTRICT&tier=COMMUNE", code: "INVALID_PARAMETER" },
    { path: "/v1/public/rankings?period=2024-03'%20OR%20'1'='1&tier=DISTRICT", code: "INVALID_PARAMETER" },
    { path: "/v1/public/rankings?period=2024-03;DROP%20TABLE%20curated_events&tier=DISTRICT", code: "INVALID_PARAMETER" },
    { path: `/v1/public/rankings?period=${long}&tier=DISTRICT`, code: "INVALID_PARAMETER" },
    { path: `/v1/public/rankings?period=2024-03&tier=${"A".repeat(10_000)}`, code: "INVALID_PARAMETER" },
    { path: "/v1/public/rankings?period=&tier=DISTRICT", code: "MISSING_PARAMETER" },
    { path: "/v1/public/rankings?tier=DISTRICT", code: "MISSING_PARAMETER" },
    { path: "/v1/public/rankings?period=2024-03&tier=DISTRICT&__proto__[polluted]=1&constructor[prototype][x]=1", code: "NO_SNAPSHOT" },
    { path: "/v1/rankings?period=2024-13&tier=DISTRICT", who: "chairman", code: "INVALID_PARAMETER" },
    { path: "/v1/units/..%2F..%2F..%2Fetc%2Fpasswd/scorecard?period=2024-03", who: "chairman", code: "INVALID_PARAMETER" },
    { path: "/v1/units/..%2Fdrilldown/cases?period=2024-03", who: "chairman", code: "INVALID_PARAMETER" },
    { path: "/v1/units/%2E%2E/cases?period=2024-03", who: "chairman", code: "NOT_FOUND" }, // the URL parser resolves it to /v1/cases
    { path: "/v1/units/DIST-731'%3B--/scorecard?period=2024-03", who: "chairman", code: "INVALID_PARAMETER" },
    { path: `/v1/units/${"A".repeat(10_000)}-1/scorecard?period=2024-03`, who: "chairman", code: "NOT_FOUND" }, // a unit id's shape, no such unit
    { path: "/v1/units/DIST-731/cases?period=2024-03&status='%20OR%20'1'='1", who: "chairman", code: "INVALID_PARAMETER" },
    { path: "/v1/units/DIST-731/cases?period=2024-03&status=__proto__", who: "chairman", code: "INVALID_PARAMETER" },
    { path: "/v1/units/DIST-731/warnings?x=%ZZ", who: "chairman" },
    { path: "/v1/units/%E0%A4%A/scorecard?period=2024-03", who: "chairman", code: "INVALID_PATH" },
    { path: "/v1/units/%/scorecard?period=2024-03", who: "chairman", code: "INVALID_PATH" },
    { path: "/%E0%A4%A", code: "INVALID_PATH" },
    { path: "/v1/admin/findings?period=2024-H1&unitId=..%2F..%2Fx", who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: "/v1/admin/findings?period=2024-H9", who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: "/v1/admin/audit?limit=1e3", who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: "/v1/admin/audit?limit=-1", who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: "/v1/admin/audit?limit=0", who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: "/v1/admin/audit?limit=50&limit=50", who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: "/v1/admin/audit?cursor='%20OR%201=1--", who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: `/v1/admin/audit?cursor=${"a".repeat(10_000)}`, who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: "/v1/admin/audit?from=2024-02-30", who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: "/v1/admin/audit?to=2024-13-45T99:99Z", who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: "/v1/admin/audit.csv?from=yesterday", who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: "/v1/admin/publications/2024-H1/1?tier=__proto__", who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: "/v1/admin/publications/2024-H1/99999999?tier=DISTRICT", who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: "/v1/admin/publications/..%2F..%2Fetc/1?tier=DISTRICT", who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: "/v1/admin/criteria/DIST-731/2024-H1/__proto__", who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: "/v1/admin/criteria/DIST-731/2024-13/PAR6", who: "home-affairs", code: "INVALID_PARAMETER" },
    { path: "/v1/admin/units/constructor/heads", who: "home-affairs", code: "INVALID_PARAMETER" },
  ];

  it.each(QUERIES)("query / path attack: $path", async ({ path, who, code }) => {
    const token = who === "chairman" ? chairman : who === "home-affairs" ? ha : undefined;
    const res = await fetch(`${fx.base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (code === undefined) {
      expect(res.status).toBeLessThan(500);
    } else {
      expect(await expectRefused(res, path)).toBe(code);
    }
    tally.query++;
  });

  it("bulk import: every corpus line and every hostile event is refused with a code; nothing is written", async () => {
    const valid = event() as Record<string, unknown>;
    const inner = JSON.stringify(valid);
    const hostile = [
      // One line each (a line break would split the case), and not the BOM-led line: the import trims
      // each line, and a BOM at the start of a file is what spreadsheet tools write.
      ...nCases(inner).filter((c) => typeof c.body === "string" && !c.body.includes("\n") && c.body.trim() !== "" && !c.name.includes("BOM")),
      ...iCases("eventId").filter((c) => typeof c.body === "string"),
      // The API refuses duplicate keys (parsers disagree on which copy wins); so must the import.
      { name: "duplicate unitId", body: inner.replace(/}$/, `,"unitId":"DIST-731"}`) },
      { name: "duplicate eventId", body: inner.replace(/}$/, `,"eventId":"other"}`) },
      { name: "50 levels deep in an unknown field", body: inner.replace(/}$/, `,"x":${"[".repeat(50)}${"]".repeat(50)}}`) },
      { name: "unknown unit", body: JSON.stringify({ ...valid, unitId: "DEPT-NOPE-2020" }) },
      { name: "year 1900", body: JSON.stringify({ ...valid, occurredAt: "1900-01-01T09:00:00+07:00" }) },
      { name: "in the future", body: JSON.stringify({ ...valid, occurredAt: "2099-01-01T09:00:00+07:00" }) },
      { name: "SQL in caseId", body: JSON.stringify({ ...valid, caseId: "x'; DROP TABLE curated_events; --" }) },
      { name: "__proto__ key", body: inner.replace(/^{/, '{"__proto__":{"polluted":true},') },
      { name: "PII field", body: JSON.stringify({ ...valid, applicantName: "Trần Thị B", idNumber: "079123456789" }) },
    ] as { name: string; body: string }[];
    const rejected: { line: number; code: string }[] = [];
    const summary = await importEvents({ ...fx.rt.ingest, onReject: (line, code) => rejected.push({ line, code }) })(hostile.map((h) => h.body));
    const missed = hostile.filter((_, i) => !rejected.some((r) => r.line === i + 1)).map((h) => h.name);
    expect(missed, "lines the import accepted").toEqual([]);
    expect(summary).toMatchObject({ accepted: 0, objects: 0 });
    for (const r of rejected) expect(DOCUMENTED.has(r.code), r.code).toBe(true);
    tally.importLines = hostile.length;
  });

  it("afterwards: the server answers, no prototype was polluted, and storage is exactly as before", async () => {
    await health();
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    const after = await snapshotStorage(fx);
    expect(after.files).toEqual(before.files);
    expect(after.items).toEqual(before.items);
  });
});
