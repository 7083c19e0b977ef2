import { demoHeads } from "@scorecard/shared";
import { toCsv } from "@scorecard/shared/admin/csv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../src/adapters/local/local-identity.js";
import { seedHeads } from "../src/use-cases/admin/heads.js";
import { httpFixture } from "./support/http-fixture.js";

const BH = "DIST-731";
type Problem = { code: string; errors?: { code: string; field: string; row?: number; column?: string; message: string }[] };

describe("Home Affairs workspace over HTTP: criteria, survey CSV, heads, audit", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  let ha: string;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${fx.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${ha}`, ...(body !== undefined ? { "content-type": typeof body === "string" ? "text/csv" : "application/json" } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    });

  beforeAll(async () => {
    fx = await httpFixture();
    ha = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "home-affairs")!);
  });
  afterAll(() => fx.close());

  it("manual criteria: points outside 0..max → 422; no version → 428; stale → 409; concluded finding → 409 CRITERION_LOCKED", async () => {
    const path = `/v1/admin/criteria/${BH}/2024-H1/PAR6`; // max 6
    expect((await call("PUT", path, { points: 6.5, evidence: "BC 1", version: 0 })).status).toBe(422);
    expect((await call("PUT", path, { points: -1, evidence: "BC 1", version: 0 })).status).toBe(422);
    expect((await call("PUT", `/v1/admin/criteria/${BH}/2024-H1/PAR3`, { points: 3, evidence: "BC 1", version: 0 })).status).toBe(422); // computed, not manual
    expect((await call("PUT", path, { points: 5, evidence: "BC 1" })).status).toBe(428);
    const ok = await call("PUT", path, { points: 5, evidence: "BC 1" }, { "if-match": '"0"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).toBe('"1"');
    const stale = await call("PUT", path, { points: 4, evidence: "BC 2", version: 0 });
    expect([stale.status, ((await stale.json()) as Problem).code]).toEqual([409, "VERSION_CONFLICT"]);

    const created = await call("POST", "/v1/admin/findings", { findingId: "F-PAR6", unitId: BH, period: "2024-H1", criterion: "PAR6", deduction: 1.5, evidence: "KL 4/KL-TTr" });
    expect(created.status).toBe(201);
    expect((await call("POST", "/v1/admin/findings", { findingId: "F-PAR6", unitId: BH, period: "2024-H1", criterion: "PAR6", deduction: 1.5, evidence: "KL 4/KL-TTr" })).status).toBe(200); // double submit: one finding
    expect((await call("POST", "/v1/admin/findings/F-PAR6/conclude", { noticeNumber: "4/TB-TTr", noticeDate: "2024-06-28" }, { "if-match": '"1"' })).status).toBe(200);
    const locked = await call("PUT", path, { points: 6, evidence: "BC 3", version: 1 });
    expect([locked.status, ((await locked.json()) as Problem).code]).toEqual([409, "CRITERION_LOCKED"]);
    const edit = await call("PUT", "/v1/admin/findings/F-PAR6", { unitId: BH, period: "2024-H1", criterion: "PAR6", deduction: 0.5, evidence: "x", version: 2 });
    expect([edit.status, ((await edit.json()) as Problem).code]).toEqual([409, "INSPECTION_LOCKED"]);
    const view = (await (await call("GET", path)).json()) as { locked: boolean; lockedBy: string[]; points: number };
    expect(view).toMatchObject({ locked: true, lockedBy: ["F-PAR6"], points: 5 });
  });

  it("survey CSV: every error names its row and column; formula cells are rejected; nothing is stored from a bad file", async () => {
    const bad = [
      "unitId,period,share,respondents,evidence",
      `${BH},2024-H1,0.9,100,SIPAS 2024`,
      `DIST-999,2024-H1,0.8,,SIPAS 2024`,
      `${BH},2024-H7,1.2,abc,`,
      `DIST-732,2024-H1,0.7,50,"=HYPERLINK(""http://x"")"`,
      `DIST-732,2024-H1,@SUM(A1),50,ok`,
    ].join("\r\n");
    const res = await call("POST", "/v1/admin/survey", bad);
    expect(res.status).toBe(422);
    const p = (await res.json()) as Problem;
    expect(p.errors!.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, "unitId", "UNKNOWN_UNIT"],
      [4, "period", "INVALID_VALUE"],
      [4, "share", "OUT_OF_RANGE"],
      [4, "respondents", "INVALID_VALUE"],
      [4, "evidence", "INVALID_VALUE"],
      [5, "evidence", "FORMULA_REJECTED"],
      [6, "share", "FORMULA_REJECTED"],
    ]);
    expect(((await (await call("GET", "/v1/admin/survey?period=2024-H1")).json()) as { results: unknown[] }).results).toEqual([]);
    const header = await call("POST", "/v1/admin/survey", "unit,period,share,evidence\r\nx,2024-H1,0.5,e\r\n");
    expect(((await header.json()) as Problem).errors!.map((e) => [e.row, e.column, e.code])).toEqual([[1, "unit", "UNKNOWN_COLUMN"], [1, "unitId", "MISSING_COLUMN"]]);
    expect((await call("POST", "/v1/admin/survey", "a,b\r\n\"unterminated")).status).toBe(422);
    expect((await call("POST", "/v1/admin/survey", { not: "csv" })).status).toBe(415);

    const good = await call("POST", "/v1/admin/survey", `\uFEFFunitId,period,share,respondents,evidence\r\n${BH},2024-H1,0.9,100,SIPAS 2024\r\nDIST-732,2024-H1,.75,,SIPAS 2024\r\n`);
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ rows: 2, imported: 2, conflicts: [] });
    const stored = ((await (await call("GET", "/v1/admin/survey?period=2024-H1")).json()) as { results: { unitId: string; share: number; respondents: number | null }[] }).results;
    expect(stored.map((r) => [r.unitId, r.share, r.respondents])).toEqual([[BH, 0.9, 100], ["DIST-732", 0.75, null]]);
  });

  it("heads: seeded demo heads (idempotently), overlapping tenures → 422, stale roster version → 409", async () => {
    const heads = demoHeads(fx.rt.catalog);
    const first = await seedHeads(fx.rt.admin)(heads);
    expect(first).toBe(new Set(heads.map((h) => h.unitId)).size);
    expect(await seedHeads(fx.rt.admin)(heads)).toBe(0);
    const roster = (await (await call("GET", `/v1/admin/units/${BH}/heads`)).json()) as { version: number; heads: { headId: string; tenureFrom: string; tenureTo: string | null }[] };
    expect(roster.version).toBe(1);
    expect(roster.heads.map((h) => h.headId)).toEqual(heads.filter((h) => h.unitId === BH).map((h) => h.headId));
    const overlap = await call("POST", `/v1/admin/units/${BH}/heads`, { name: "Lê Thị Mai (demo)", title: "Chủ tịch UBND", tenureFrom: "2021-01-01", tenureTo: null });
    expect([overlap.status, ((await overlap.json()) as Problem).errors?.[0]?.code]).toEqual([422, "TENURE_OVERLAP"]);
    const h = roster.heads[0]!;
    const edit = await call("PUT", `/v1/admin/units/${BH}/heads/${h.headId}`, { name: "Nguyễn Văn Bình (demo)", title: "Chủ tịch UBND", tenureFrom: h.tenureFrom, tenureTo: h.tenureTo, version: 1 });
    expect(edit.status).toBe(200);
    const stale = await call("PUT", `/v1/admin/units/${BH}/heads/${h.headId}`, { name: "X (demo)", title: "Chủ tịch UBND", tenureFrom: h.tenureFrom, tenureTo: h.tenureTo, version: 1 });
    expect([stale.status, ((await stale.json()) as Problem).code]).toEqual([409, "VERSION_CONFLICT"]);
    const backwards = await call("PUT", `/v1/admin/units/${BH}/heads/${h.headId}`, { name: "X (demo)", title: "Chủ tịch UBND", tenureFrom: "2024-05-01", tenureTo: "2024-04-01", version: 2 });
    expect(backwards.status).toBe(422);
  });

  it("audit: paginated newest first; CSV export neutralises formulas and is itself audited", async () => {
    await fx.rt.admin.stores.audit.append({ auditId: "planted", at: "2024-01-01T00:00:00.000Z", actor: { sub: "=cmd|' /C calc'!A0", role: "home-affairs" }, action: "test", entityType: "finding", entityId: "@SUM(1+1)", before: null, after: "-2+3" });
    const p1 = (await (await call("GET", "/v1/admin/audit?limit=3")).json()) as { entries: { at: string }[]; next?: string };
    expect(p1.entries).toHaveLength(3);
    expect(p1.next).toBeDefined();
    const p2 = (await (await call("GET", `/v1/admin/audit?limit=3&cursor=${encodeURIComponent(p1.next!)}`)).json()) as { entries: { at: string }[] };
    expect(p2.entries[0]!.at <= p1.entries[2]!.at).toBe(true);
    const all = [...p1.entries, ...p2.entries].map((e) => e.at);
    expect(all).toEqual([...all].sort().reverse());

    const res = await call("GET", "/v1/admin/audit.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const csv = await res.text();
    expect(csv.split("\r\n")[0]).toBe("at,actor_sub,actor_role,action,entity_type,entity_id,before,after,audit_id");
    expect(csv).toContain(`2024-01-01T00:00:00.000Z,'=cmd|' /C calc'!A0,home-affairs,test,finding,'@SUM(1+1),null,"""-2+3""",planted`);
    for (const line of csv.split("\r\n").slice(1)) for (const cell of line.split(",")) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const exports = ((await (await call("GET", "/v1/admin/audit?limit=200")).json()) as { entries: { action: string; actor: { sub: string } }[] }).entries.filter((e) => e.action === "audit.export");
    expect(exports.map((e) => e.actor.sub)).toEqual(["home-affairs"]);
    expect(csv).toContain("audit.export");
  });

  it("toCsv quotes and neutralises every kind of formula start", () => {
    expect(toCsv(["a"], [["=1"], ["+1"], ["-1"], ["@x"], ["\tx"], ["\rx"], ["ok"], ['say "hi", then']])).toBe(
      "a\r\n'=1\r\n'+1\r\n'-1\r\n'@x\r\n'\tx\r\n\"'\rx\"\r\nok\r\n\"say \"\"hi\"\", then\"\r\n",
    );
  });
});
