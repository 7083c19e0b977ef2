/**
 * Issue 10, item 4 (the parts that need no browser; XSS is e2e/xss.browser.test.ts):
 *  - CSP and security headers on pages and on every kind of API response; `Cache-Control: no-store`
 *    on authenticated API responses (ASVS 3.4.3–3.4.6, 14.3.2);
 *  - CSV formula injection: any string → a cell that cannot start a formula and round-trips (ASVS 1.2.10);
 *  - public payloads never carry a case id, event id, applicant pseudonym or PII, nor any key outside
 *    an allow-list (API3; ASVS 8.2.3, 14.2.6) — a fast-check property over generated dossiers;
 *  - `npm audit --omit=dev --audit-level=high`, when RELIABILITY_AUDIT=1 (it needs the registry).
 */
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { RANKED_TIERS, parsePeriod } from "@scorecard/shared";
import { csvCell, looksLikeFormula, neutraliseCell, toCsv } from "@scorecard/shared/admin/csv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../../src/adapters/local/duckdb-compactor.js";
import { DEMO_USERS } from "../../src/adapters/local/local-identity.js";
import { createLocalServer, listen } from "../../src/local/server.js";
import { scorePeriod } from "../../src/use-cases/score/score-period.js";
import { CaseBuilder } from "../support/events.js";
import { TEST_TOKEN, httpFixture } from "../support/http-fixture.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const OUT = join(ROOT, ".tmp", "reliability");

describe("Security headers on pages and API responses", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  let server: Server;
  let pages: string;
  let chairman: string;
  let ha: string;
  beforeAll(async () => {
    fx = await httpFixture();
    server = createLocalServer(fx.rt, { dashboardDir: join(ROOT, "dashboard", "dist") });
    pages = `http://127.0.0.1:${await listen(server, 0)}`;
    chairman = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "chairman")!);
    ha = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "home-affairs")!);
  });
  afterAll(async () => {
    await new Promise((ok) => server?.close(ok));
    await fx?.close();
  });

  it("pages: a CSP with no inline script, object-src/base-uri 'none', frame-ancestors 'none'; nosniff, no referrer, DENY framing", async () => {
    for (const path of ["/", "/index.html", "/?period=2024-H1&tier=DEPARTMENT", "/no/such/page"]) {
      const res = await fetch(`${pages}${path}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k as string, v]));
      expect(directives.get("script-src"), path).toEqual(["'self'"]);
      expect(directives.get("object-src")).toEqual(["'none'"]);
      expect(directives.get("base-uri")).toEqual(["'none'"]);
      expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
      expect(directives.get("default-src")).toEqual(["'self'"]);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("API: every response (200, 4xx problem, CSV, replay) has a CSP that forbids everything, nosniff and no referrer; authenticated ones are no-store", async () => {
    const auth = (t: string) => ({ authorization: `Bearer ${t}` });
    const events = JSON.stringify({ events: new CaseBuilder("SEC-1", "DIST-731").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").build() });
    const calls: [string, RequestInit, boolean][] = [
      ["/v1/health", {}, false],
      ["/v1/openapi.json", {}, false],
      ["/v1/public/meta", {}, false],
      ["/v1/public/rankings?period=2024-13&tier=DISTRICT", {}, false],
      ["/v1/rankings?period=2024-03&tier=DISTRICT", {}, false], // 401
      ["/v1/rankings?period=2024-03&tier=DISTRICT", { headers: auth(chairman) }, true], // 404 NO_SNAPSHOT, authenticated
      ["/v1/warnings", { headers: auth(chairman) }, true],
      ["/v1/units/DIST-731/warnings", { headers: auth(chairman) }, true],
      ["/v1/admin/audit", { headers: auth(ha) }, true],
      ["/v1/admin/audit.csv", { headers: auth(ha) }, true],
      ["/v1/admin/heads", { headers: auth(ha) }, true],
      ["/v1/admin/heads", { headers: auth(chairman) }, true],
      ["/v1/events", { method: "POST", body: events, headers: { ...auth(TEST_TOKEN), "content-type": "application/json", "idempotency-key": "sec-1" } }, true],
      ["/v1/events", { method: "POST", body: events, headers: { ...auth(TEST_TOKEN), "content-type": "application/json", "idempotency-key": "sec-1" } }, true], // replay
      ["/v1/events", { method: "POST", body: "{", headers: { ...auth(TEST_TOKEN), "content-type": "application/json" } }, true],
      ["/v1/local/users", {}, false],
      ["/v1/no/such/route", {}, false],
    ];
    for (const [path, init, authenticated] of calls) {
      const res = await fetch(`${fx.base}${path}`, init);
      const what = `${init.method ?? "GET"} ${path} → ${res.status}`;
      expect(res.status, what).toBeLessThan(500);
      expect(res.headers.get("content-security-policy"), what).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
      expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), what).toBe("no-referrer");
      expect(res.headers.get("strict-transport-security"), what).toMatch(/max-age=\d{8,}/);
      expect(res.headers.get("content-type"), what).toMatch(/charset=utf-8/);
      if (authenticated) expect(res.headers.get("cache-control"), what).toContain("no-store");
      if (res.headers.get("cache-control")?.includes("public")) expect(authenticated, `${what} is cacheable`).toBe(false);
    }
  });
});

describe("CSV formula injection (ASVS 1.2.10): any string → a cell that cannot start a formula, and round-trips", () => {
  const formulaLed = fc.tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "\n", '"', " =", "\u0000="), fc.string({ unit: "binary" })).map(([a, b]) => a + b);
  const anyText = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), formulaLed, fc.constantFrom('=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "+1"));
  const readBack = (csv: string) => parse(csv, { bom: false, relax_column_count: false }) as string[][];

  it("a cell never starts with = + - @ tab or CR once parsed, and parses back to the neutralised text", () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 6 }), (cells) => {
        const rows = readBack(toCsv(cells.map((_, i) => `h${i}`), [cells]));
        expect(rows.length).toBe(2);
        rows[1]?.forEach((cell, i) => {
          expect(looksLikeFormula(cell)).toBe(false);
          expect(cell).toBe(neutraliseCell(cells[i] as string));
        });
      }),
      { numRuns: 2000, seed: 20261127 },
    );
  });

  it("removing the prefix gives the original back, except for text that itself began with ' before a formula character", () => {
    const restore = (cell: string) => (cell.startsWith("'") && looksLikeFormula(cell.slice(1)) ? cell.slice(1) : cell);
    fc.assert(
      fc.property(anyText, (s) => {
        fc.pre(!(s.startsWith("'") && looksLikeFormula(s.slice(1))));
        expect(restore((readBack(`${csvCell(s)}\r\n`)[0] ?? [""])[0] ?? "")).toBe(s === "" ? "" : s);
      }),
      { numRuns: 2000, seed: 20261128 },
    );
    // The one collision, recorded: "=1" and "'=1" both export as '=1 (see docs/reliability.md).
    expect(csvCell("=1")).toBe(csvCell("'=1"));
  });
});

/** Keys a public payload may carry (RankingView, PublicMeta): anything else is a leak. */
const ALLOWED_KEYS = new Set([
  "period", "tier", "methodology", "computedAt", "dataAsOf", "status", "version", "engine", "units", "publication",
  "unitId", "nameVi", "nameEn", "rank", "total", "complete", "missing", "band", "indicators", "groups", "counts",
  "numerator", "denominator", "ratio", "points", "max",
  "EARLY", "ON_TIME", "LATE", "OVERDUE", "IN_PROGRESS",
  "publishedAt", "draftDiffers", "periods", "tiers", "published",
  // small-count suppression (docs/suppression.md): the withheld markers and the ranking's note
  "suppressed", "suppression", "smallCount", "checkedVersions", "withheld",
]);
const INDICATOR_CODE = /^[A-Z][A-Z0-9_]{0,7}$/; // P1, D6A, R9_R1; also the group codes (TDGQ) under "groups"

function keysAndStrings(value: unknown, keys: string[], strings: string[], parent = ""): void {
  if (typeof value === "string") strings.push(value);
  else if (Array.isArray(value)) value.forEach((v) => keysAndStrings(v, keys, strings, parent));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      keys.push((parent === "indicators" || parent === "groups") && INDICATOR_CODE.test(k) ? "<indicator>" : k);
      keysAndStrings(v, keys, strings, k);
    }
  }
}

describe("Public payloads: only allow-listed keys, never a case id, event id, pseudonym or PII (property)", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  beforeAll(async () => {
    fx = await httpFixture();
  });
  afterAll(() => fx?.close());

  const idPart = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:\-/#]{5,30}$/);
  const dossier = fc.record({
    caseId: idPart,
    unit: fc.constantFrom("DEPT-STP-2020", "DEPT-SYT-2020", "DIST-731", "DIST-732"),
    day: fc.integer({ min: 1, max: 20 }),
    resolvedAfter: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
    idNumber: fc.stringMatching(/^0[0-9]{11}$/),
    name: fc.constantFrom("Nguyễn Văn Lộ", "Trần Thị Bí Mật", "Lê Văn Riêng"),
    phone: fc.stringMatching(/^09[0-9]{8}$/),
  });

  it("holds for generated dossiers, after compaction, scoring and publication", async () => {
    const ha = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "home-affairs")!);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(dossier, { minLength: 5, maxLength: 25, selector: (d) => d.caseId }), async (dossiers) => {
        runs++;
        const prefix = `R${runs}-`;
        const secrets: string[] = [];
        const events = dossiers.flatMap((d) => {
          const caseId = `${prefix}${d.caseId}`.slice(0, 64);
          const pad = (n: number) => String(n).padStart(2, "0");
          const b = new CaseBuilder(caseId, d.unit).received(`2024-03-${pad(d.day)}T09:00:00`, `2024-03-${pad(d.day + 5)}T17:00:00`, { applicant: { idNumber: d.idNumber, name: d.name, phone: d.phone } });
          if (d.resolvedAfter !== undefined) b.resolved(`2024-03-${pad(d.day + d.resolvedAfter)}T16:00:00`);
          const built = b.build();
          secrets.push(caseId, d.idNumber, d.phone, fx.rt.ingest.hasher.pseudonym(d.idNumber), ...built.map((e) => e.eventId));
          return built;
        });
        const res = await fx.post("/v1/events", JSON.stringify({ events }));
        expect(((await res.json()) as { accepted: number }).accepted).toBe(events.length);
        await compactLake(fx.rt.engine, fx.rt.lake.root);
        await scorePeriod(fx.rt.score)(parsePeriod("2024-03"));
        if (runs === 2) expect((await fetch(`${fx.base}/v1/admin/publish`, { method: "POST", body: JSON.stringify({ period: "2024-03" }), headers: { authorization: `Bearer ${ha}`, "content-type": "application/json" } })).status).toBe(201);

        const bodies = [await (await fetch(`${fx.base}/v1/public/meta`)).text()];
        for (const tier of RANKED_TIERS) bodies.push(await (await fetch(`${fx.base}/v1/public/rankings?period=2024-03&tier=${tier}`)).text());
        for (const key of await fx.rt.lake.list("public/")) bodies.push(new TextDecoder().decode(await fx.rt.lake.get(key)));
        for (const body of bodies) {
          const keys: string[] = [];
          const strings: string[] = [];
          keysAndStrings(JSON.parse(body), keys, strings);
          expect(keys.filter((k) => k !== "<indicator>" && !ALLOWED_KEYS.has(k))).toEqual([]);
          for (const s of secrets) expect(body.includes(s), `public payload contains ${s}`).toBe(false);
          for (const d of dossiers) expect(body.includes(d.name)).toBe(false);
        }
      }),
      { numRuns: 4, seed: 20261129 },
    );
  });
});

describe.runIf(process.env["RELIABILITY_AUDIT"] === "1")("npm audit --omit=dev --audit-level=high (needs the registry)", () => {
  it("reports no high or critical advisory in runtime dependencies, or says plainly that it could not run", async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((ok) =>
      execFile("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => ok({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr })),
    );
    let report: { vulnerabilities?: Record<string, { severity: string }>; metadata?: { vulnerabilities?: Record<string, number> }; error?: { code?: string; summary?: string } } = {};
    try {
      report = JSON.parse(stdout) as typeof report;
    } catch {
      /* not JSON: the registry did not answer */
    }
    const ran = report.metadata?.vulnerabilities !== undefined;
    const outcome = ran
      ? { ran: true, exitCode: code, counts: report.metadata?.vulnerabilities }
      : { ran: false, exitCode: code, reason: report.error?.summary ?? (stderr.trim().split("\n").slice(-3).join(" ") || "no output") };
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, "npm-audit.json"), JSON.stringify({ at: new Date().toISOString(), ...outcome }, null, 2));
    console.log(`[npm-audit] ${JSON.stringify(outcome)}`);
    if (!ran) {
      console.warn("npm audit could NOT run here (registry unreachable or refused the bulk advisory endpoint): this is not a pass.");
      return;
    }
    const counts = report.metadata?.vulnerabilities ?? {};
    expect((counts["high"] ?? 0) + (counts["critical"] ?? 0)).toBe(0);
  });
});
