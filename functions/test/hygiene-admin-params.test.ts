/**
 * Admin query parameters (issue 21 item 6): every bad one answers 422 with a code and names the
 * parameter — in the detail and as `errors[0].field` — never a 500. The audit routes asked the
 * store for a reversed range or a cursor outside the range and answered 500 "safe to retry"; a
 * failed `audit.csv` export added an audit entry all the same (the entry was written first).
 */
import type { AuditEntry, AuditLog, AuditPage } from "../src/ports/admin.js";
import { ROUTES, type RouteKey } from "@scorecard/shared/contracts/routes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../src/adapters/local/local-identity.js";
import { MAX_EXPORT_ROWS, auditRange, exportAuditCsv } from "../src/use-cases/admin/audit.js";
import { type AdminDeps, AdminError } from "../src/use-cases/admin/common.js";
import { httpFixture } from "./support/http-fixture.js";

type Problem = { status: number; code: string; detail?: string; errors?: { code: string; field: string; message: string }[] };

/** A value each parameter accepts, and values it must refuse (by name, as the route table spells them). */
const GOOD: Readonly<Record<string, string>> = { period: "2024-H1", unitId: "DIST-731", tier: "DISTRICT", limit: "5", from: "2024-01-01", to: "2024-12-31", findingId: "F-1", criterion: "PAR5", indicator: "D3", headId: "HEAD-DIST-731-1", version: "1", caseId: "C-1" };
const BAD: Readonly<Record<string, readonly string[]>> = {
  period: ["2024-H9", "2024-13", "x", "2024-H1,2024-H2"],
  unitId: ["x", "DIST-731'", "DIST-731,DIST-732"],
  tier: ["district", "X"],
  limit: ["0", "201", "abc", "1e3", "-1", "5,5"],
  cursor: ["'", "a b", "c".repeat(201)],
  from: ["2024-02-30", "March", "2024-1-1", "2024-01-01T25:00Z", "2024-01-01T10:00"],
  to: ["2024-02-30", "yesterday", "2024-01-01T10:00+07:00"],
};

const admin = (Object.keys(ROUTES) as RouteKey[]).filter((k) => ROUTES[k].api === "admin");
const queryParams = admin.flatMap((key) =>
  ROUTES[key].params.filter((p) => p.in === "query").flatMap((p) => (BAD[p.name] ?? []).map((value) => ({ key, name: p.name, value }))),
);

const entry = (at: string, n: string): AuditEntry => ({ auditId: n, at, actor: { sub: "planted", role: "home-affairs" }, action: "test", entityType: "test", entityId: n, before: null, after: null });

describe("admin query parameters over HTTP", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  let ha: string;
  const get = async (path: string) => {
    const res = await fetch(`${fx.base}${path}`, { headers: { authorization: `Bearer ${ha}` } });
    return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
  };
  const problem = async (path: string) => {
    const r = await get(path);
    return { ...(JSON.parse(r.text) as Problem), status: r.status };
  };
  const exports = async () => ((await fx.rt.admin.stores.audit.page({ limit: 200 })).entries).filter((e) => e.action === "audit.export").length;

  beforeAll(async () => {
    fx = await httpFixture();
    ha = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "home-affairs")!);
    for (const [at, n] of [["2024-03-01T09:59:59.999Z", "a"], ["2024-03-01T10:00:00.000Z", "b"], ["2024-03-01T10:00:30.000Z", "c"], ["2024-03-02T08:00:00.000Z", "d"], ["2024-03-03T08:00:00.000Z", "e"]] as const) {
      await fx.rt.admin.stores.audit.append(entry(at, n));
    }
  });
  afterAll(() => fx.close());

  it("probes every query parameter of every admin route (a table that reads nothing could not fail)", () => {
    expect(new Set(queryParams.map((q) => q.name))).toEqual(new Set(["period", "unitId", "tier", "limit", "cursor", "from", "to"]));
    expect(queryParams.length).toBeGreaterThan(40);
  });

  it("every bad value of every query parameter: 422 INVALID_PARAMETER naming it (detail and errors[0].field)", async () => {
    const wrong: string[] = [];
    for (const { key, name, value } of queryParams) {
      const [, template] = key.split(" ") as [string, string];
      const path = template.replace(/\{(\w+)\}/g, (_, p: string) => GOOD[p] ?? "x");
      const query = ROUTES[key].params
        .filter((p) => p.in === "query" && (p.required || p.name === name))
        .map((p) => `${p.name}=${encodeURIComponent(p.name === name ? value : (GOOD[p.name] as string))}`)
        .join("&");
      const p = await problem(`${path}?${query}`);
      const got = [p.status, p.code, p.errors?.[0]?.field, p.errors?.[0]?.code, p.detail?.includes(`"${name}"`)];
      if (JSON.stringify(got) !== JSON.stringify([422, "INVALID_PARAMETER", name, "INVALID_PARAMETER", true])) wrong.push(`${key} ${name}=${value}: ${JSON.stringify(got)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("a missing required parameter: 422 MISSING_PARAMETER naming it", async () => {
    for (const path of ["/v1/admin/findings", "/v1/admin/survey", "/v1/admin/publish/preview", "/v1/admin/publications", "/v1/admin/publications/2024-H1/1"]) {
      const p = await problem(path);
      expect([path, p.status, p.code, p.errors?.[0]?.code]).toEqual([path, 422, "MISSING_PARAMETER", "MISSING_PARAMETER"]);
      expect(p.detail).toContain(`"${p.errors?.[0]?.field}"`);
    }
  });

  it("from after to: 422 naming from (FROM_AFTER_TO) on both audit routes — it was a 500", async () => {
    for (const q of ["from=2024-03-02&to=2024-03-01", "from=2024-03-01T10:00Z&to=2024-03-01T09:59Z", "from=2024-03-02&to=2024-03-01T23:59:59.999Z"]) {
      for (const route of ["/v1/admin/audit", "/v1/admin/audit.csv"]) {
        const p = await problem(`${route}?${q}`);
        expect([route, q, p.status, p.code, p.errors]).toEqual([route, q, 422, "INVALID_PARAMETER", [{ code: "FROM_AFTER_TO", field: "from", message: expect.any(String) }]]);
      }
    }
    // The same day or instant at both ends is a range, not a reversed one.
    expect((await get("/v1/admin/audit?from=2024-03-01&to=2024-03-01")).status).toBe(200);
    expect((await get("/v1/admin/audit?from=2024-03-01T10:00:30Z&to=2024-03-01T10:00:30Z")).status).toBe(200);
  });

  it("a cursor outside the range: 422 naming cursor (CURSOR_OUTSIDE_RANGE) — it was a 500", async () => {
    const first = JSON.parse((await get("/v1/admin/audit?from=2024-03-01&to=2024-03-03&limit=2")).text) as { entries: AuditEntry[]; next: string };
    expect(first.entries.map((e) => e.auditId)).toEqual(["e", "d"]);
    // The cursor of the wider range, sent with a range that ends before it.
    for (const q of [`from=2024-03-01&to=2024-03-01&cursor=${encodeURIComponent(first.next)}`, "cursor=zzz", "cursor=%23", `from=2024-03-03&cursor=${encodeURIComponent(first.next)}`]) {
      const p = await problem(`/v1/admin/audit?${q}`);
      expect([q, p.status, p.code, p.errors?.[0]?.field, p.errors?.[0]?.code]).toEqual([q, 422, "INVALID_PARAMETER", "cursor", "CURSOR_OUTSIDE_RANGE"]);
    }
    const next = JSON.parse((await get(`/v1/admin/audit?from=2024-03-01&to=2024-03-03&limit=2&cursor=${encodeURIComponent(first.next)}`)).text) as { entries: AuditEntry[] };
    expect(next.entries.map((e) => e.auditId)).toEqual(["c", "b"]);
  });

  it("reads from/to as the instants they name: from=10:00Z includes 10:00:30, to=10:00Z excludes it (compared as text they did the opposite)", async () => {
    const ids = async (q: string) => (JSON.parse((await get(`/v1/admin/audit?${q}`)).text) as { entries: AuditEntry[] }).entries.filter((e) => e.actor.sub === "planted").map((e) => e.auditId);
    expect(await ids("from=2024-03-01T10:00Z&to=2024-03-01")).toEqual(["c", "b"]);
    expect(await ids("from=2024-03-01&to=2024-03-01T10:00Z")).toEqual(["b", "a"]);
    expect(await ids("from=2024-03-01T10:00:00.001Z&to=2024-03-02T08:00Z")).toEqual(["d", "c"]);
  });

  it("audit.csv: a refused export writes no audit entry; a served one writes one, its own first row when in range", async () => {
    const before = await exports();
    expect((await get("/v1/admin/audit.csv?from=2024-03-02&to=2024-03-01")).status).toBe(422);
    expect((await get("/v1/admin/audit.csv?from=2024-02-30")).status).toBe(422);
    expect(await exports()).toBe(before);

    const past = await get("/v1/admin/audit.csv?from=2024-03-01&to=2024-03-02");
    expect(past.status).toBe(200);
    expect(await exports()).toBe(before + 1);
    expect(past.text.split("\r\n").slice(1, -1).map((l) => l.split(",").at(-1))).toEqual(["d", "c", "b", "a"]);

    const now = await get("/v1/admin/audit.csv?from=2024-03-03");
    expect(await exports()).toBe(before + 2);
    const rows = now.text.split("\r\n").slice(1, -1);
    expect(rows[0]).toMatch(/^\d{4}-.*,home-affairs,home-affairs,audit\.export,audit,audit\.csv,null,/);
    // Then the export before it (the one just above) and the planted entry of 3 March.
    expect(rows.slice(1).map((l) => l.split(",").at(-1)?.replace(/^audit-export:.*/, "audit-export"))).toEqual(["audit-export", "e"]);
    expect(rows[0]!.split(",").at(-1)).not.toBe(rows[1]!.split(",").at(-1));
  });
});

describe("audit use cases: checked before the store is asked, audited after the export is ready", () => {
  /** A log that serves `pages` and records appends; `failAt` makes page n throw. */
  const fakeLog = (pages: (q: { cursor?: string | undefined }) => AuditPage) => {
    const appended: AuditEntry[] = [];
    let asked = 0;
    const log: AuditLog = {
      append: async (e) => {
        appended.push(e);
      },
      page: async (q) => {
        asked++;
        return pages(q);
      },
    };
    return { log, appended, asked: () => asked };
  };
  const depsWith = (log: AuditLog) => ({ stores: { audit: log }, clock: { now: () => new Date("2024-06-01T00:00:00Z") }, newId: () => "n1" }) as unknown as AdminDeps;
  const actor = { sub: "ha", role: "home-affairs" };

  it("more than MAX_EXPORT_ROWS entries: 422 naming from (TOO_MANY_ROWS), no entry appended", async () => {
    const page = Array.from({ length: 500 }, (_, i) => entry("2024-03-01T00:00:00.000Z", `x${i}`));
    const f = fakeLog((q) => ({ entries: page, next: `2024-03-01T00:00:00.000Z#${Number(q.cursor?.split("#")[1] ?? 0) + 1}` }));
    const err = await exportAuditCsv(depsWith(f.log))(actor, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdminError);
    expect([(err as AdminError).code, (err as AdminError).errors?.[0]?.field, (err as AdminError).errors?.[0]?.code]).toEqual(["INVALID_PARAMETER", "from", "TOO_MANY_ROWS"]);
    expect(f.asked()).toBe(Math.floor(MAX_EXPORT_ROWS / 500) + 1);
    expect(f.appended).toEqual([]);
  });

  it("a store that fails mid-export: the error passes through, no entry appended", async () => {
    const f = fakeLog((q) => {
      if (q.cursor) throw new Error("throttled");
      return { entries: [entry("2024-03-01T00:00:00.000Z", "x")], next: "2024-03-01T00:00:00.000Z#x" };
    });
    await expect(exportAuditCsv(depsWith(f.log))(actor, {})).rejects.toThrow("throttled");
    expect(f.appended).toEqual([]);
  });

  it("auditRange: the store's bounds, instants as stored, refusals before any read", () => {
    expect(auditRange({})).toEqual({});
    expect(auditRange({ from: "2024-03-01T10:00Z", to: "2024-03-02" })).toEqual({ from: "2024-03-01T10:00:00.000Z", to: "2024-03-02" });
    expect(auditRange({ from: "2024-03-01", to: "2024-03-01T00:00Z" })).toEqual({ from: "2024-03-01", to: "2024-03-01T00:00:00.000Z" });
    expect(() => auditRange({ from: "2024-03-01T00:00:00.001Z", to: "2024-03-01T00:00Z" })).toThrow(/"from"/);
    expect(() => auditRange({ cursor: "2024-03-01T00:00:00.000Z#x", from: "2024-03-02" })).toThrow(/"cursor"/);
    expect(() => auditRange({ cursor: "2024-03-02T00:00:00.000Z#x", to: "2024-03-01" })).toThrow(/"cursor"/);
    expect(auditRange({ cursor: "2024-03-01T23:59:59.999Z#x", from: "2024-03-01", to: "2024-03-01" })).toEqual({ from: "2024-03-01", to: "2024-03-01" });
  });
});
