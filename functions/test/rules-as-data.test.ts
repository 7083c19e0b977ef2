/**
 * Rules as data (issue 24, item 4; docs/adr/0022-rules-as-data.md) over HTTP on the local runtime
 * (dynalite, DuckDB), with the clock at 20 March 2027 (Viet Nam): Home Affairs records a year's
 * holidays and a merger; each is checked per field, versioned and audited; the next scoring run
 * counts with them on both routes (the SQL's dims and the reference scorer), and periods they do
 * not touch score byte for byte as before.
 */
import { parsePeriod } from "@scorecard/shared";
import type { Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { compactRecords } from "../src/adapters/local/duckdb-record-compactor.js";
import { DEMO_USERS } from "../src/adapters/local/local-identity.js";
import { createLocalServer, listen } from "../src/local/server.js";
import { liveCatalog } from "../src/use-cases/admin/rules.js";
import { scoreAndRatePeriods } from "../src/use-cases/jobs/score-run.js";
import { scorePeriod } from "../src/use-cases/score/score-period.js";
import { CaseBuilder } from "./support/events.js";
import { tempRuntime } from "./support/temp-runtime.js";

const NOW = new Date("2027-03-20T03:00:00Z");
/** The runtime's clock: 20 March 2027, moved to May by the last case (an April period to score). */
let now = NOW;
const TOKEN = "rules-source-token";
type Problem = { code: string; errors?: { code: string; field: string; message: string }[] };
type Holidays = { version: number; firstYear: number; lastYear: number; years: { year: number; source: string; days: { date: string; kind: string }[] }[]; versions: { version: number; year: number; by: { role: string }; added: number; removed: number }[] };
type Units = { version: number; count: number; versions: { version: number; change: { kind: string }; by: { role: string } }[] };
type AuditEntry = { action: string; entityType: string; entityId: string; after: { refused?: string } | null };

/** 2027's compiled list with 9 March 2027 (a Tuesday) added as a day off: the case below. */
const EXTRA = { date: "2027-03-09", kind: "HOLIDAY", nameVi: "Ngày nghỉ thêm (giả định kiểm thử)", nameEn: "Extra day off (test case)" };
const TAM_HIEP = "COM-26017-2025";
const LONG_BINH = "COM-26020-2025";
const MERGED = "COM-26017-2027";


/**
 * A snapshot's text without `scan`, the run's own cost: with kept facts (docs/adr/0023) the run that
 * builds them reads every event and the next one, finding them current, reads almost nothing.
 */
const snapshotText = (snapshot: object | undefined) => JSON.stringify(snapshot === undefined ? undefined : { ...snapshot, scan: undefined });

describe("Rules as data: holidays and unit changes recorded by Home Affairs, used by the next scoring run", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let server: Server;
  let base: string;
  let ha: string;
  let chairman: string;
  let officer: string;
  const call = (method: string, path: string, body?: unknown, token = ha, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: "POST", body: JSON.stringify(body), headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" } });
  const audit = async () => ((await (await call("GET", "/v1/admin/audit?limit=100")).json()) as { entries: AuditEntry[] }).entries;
  const year2027 = async () => ((await (await call("GET", "/v1/admin/rules")).json()) as { holidays: Holidays }).holidays.years.find((y) => y.year === 2027)!;

  beforeAll(async () => {
    env = await tempRuntime({ clock: { now: () => now }, sourceToken: TOKEN });
    server = createLocalServer(env.rt, { dashboardDir: join(env.dataDir, "no-dashboard") });
    base = `http://127.0.0.1:${await listen(server, 0)}`;
    const user = (id: string) => env.rt.identity.issue(DEMO_USERS.find((u) => u.id === id)!);
    [ha, chairman, officer] = await Promise.all([user("home-affairs"), user("chairman"), user("officer-bien-hoa")]);
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    await env.dispose();
  });

  it("lists version 0 of each kind: the compiled calendar (2022–2027) and catalog; staff read, only Home Affairs writes", async () => {
    const res = await call("GET", "/v1/admin/rules", undefined, chairman);
    expect(res.status).toBe(200);
    const rules = (await res.json()) as { holidays: Holidays; units: Units };
    expect([rules.holidays.version, rules.holidays.firstYear, rules.holidays.lastYear, rules.holidays.versions.length]).toEqual([0, 2022, 2027, 0]);
    expect(rules.holidays.years.every((y) => y.source === "COMPILED")).toBe(true);
    expect([rules.units.version, rules.units.versions.length]).toEqual([0, 0]);
    const y = await year2027();
    expect((await call("PUT", "/v1/admin/rules/holidays", { year: 2027, days: y.days, basis: "x", version: 0 }, chairman)).status).toBe(403);
    expect((await call("PUT", "/v1/admin/rules/holidays", { year: 2027, days: y.days, basis: "x", version: 0 }, officer)).status).toBe(403);
  });

  it("refuses a year's list per field: a date outside the year, twice listed, a make-up day on a weekday, a gap, a closed year", async () => {
    const y = (await year2027()).days.map(({ date, kind }) => ({ date, kind, nameVi: "Ngày", nameEn: "Day" }));
    const bad = await call("PUT", "/v1/admin/rules/holidays", {
      year: 2027,
      days: [...y, { ...EXTRA, date: "2028-01-03" }, { ...EXTRA, date: y[0]!.date }, { ...EXTRA, date: "2027-03-10", kind: "MAKEUP_WORKDAY" }],
      basis: "Thông báo số 1/TB-BNV",
      version: 0,
    });
    const p = (await bad.json()) as Problem;
    expect(bad.status).toBe(422);
    expect(p.errors?.map((e) => [e.field, e.code])).toEqual([
      [`days[${y.length}].date`, "OUTSIDE_YEAR"],
      [`days[${y.length + 1}].date`, "DUPLICATE_DATE"],
      [`days[${y.length + 2}].kind`, "MAKEUP_ON_WEEKDAY"],
    ]);
    const gap = (await (await call("PUT", "/v1/admin/rules/holidays", { year: 2029, days: [{ ...EXTRA, date: "2029-01-01" }], basis: "x", version: 0 })).json()) as Problem;
    expect(gap.errors?.[0]).toMatchObject({ field: "year", code: "YEAR_NOT_CONTIGUOUS" });
    const closed = (await (await call("PUT", "/v1/admin/rules/holidays", { year: 2026, days: [{ ...EXTRA, date: "2026-01-01" }], basis: "x", version: 0 })).json()) as Problem;
    expect(closed.errors?.[0]).toMatchObject({ field: "year", code: "YEAR_CLOSED" });
  });

  it("a holiday added moves a due-date verdict (by hand): a complaint received Mon 8 March 2027, accepted Thu 11 March — 2 working days end Wed 10 (LATE); with Tue 9 off they end Thu 11 (ON TIME)", async () => {
    // S1 = complaints decided on time ÷ complaints with a verdict (methodology §3); accept within 2 working days of receipt.
    const complaint = { complaintId: "C-RULES-1", source: "HOTLINE_1022", unitId: TAM_HIEP, receivedAt: "2027-03-08T09:00:00+07:00", acceptedAt: "2027-03-11T10:00:00+07:00", handledAt: "2027-03-12T10:00:00+07:00" };
    // A dossier of February (before the added day), whose period must not move.
    const feb = new CaseBuilder("R-FEB-1", TAM_HIEP).received("2027-02-22T09:00:00", "2027-03-01T17:00:00").resolved("2027-03-02T09:00:00");
    expect((await post("/v1/complaints", { complaints: [complaint] })).status).toBe(200);
    expect((await post("/v1/events", { events: feb.build() })).status).toBe(200);
    await compactLake(env.rt.engine, env.rt.lake.root);
    await compactRecords(env.rt.engine, env.rt.lake.root);
    const s1 = async () => {
      const snap = await env.rt.score.snapshots.get(env.rt.score.methodology, "2027-03", "COMMUNE");
      const i = snap?.units.find((u) => u.unitId === TAM_HIEP)?.indicators["S1"];
      return [i?.numerator, i?.denominator];
    };
    const febBody = async () => snapshotText(await env.rt.score.snapshots.get(env.rt.score.methodology, "2027-02", "COMMUNE"));
    await scoreAndRatePeriods(env.rt.score, env.rt.admin)([parsePeriod("2027-02"), parsePeriod("2027-03")]);
    expect(await s1()).toEqual([0, 1]);
    const febBefore = await febBody();

    // Home Affairs adds the day at version 0 (If-Match); the year becomes STORED, version 1, audited.
    const days = [...(await year2027()).days, EXTRA];
    const res = await call("PUT", "/v1/admin/rules/holidays", { year: 2027, days, basis: "Thông báo số 9/TB-BNV ngày 01/3/2027" }, ha, { "if-match": '"0"' });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"1"');
    const h = (await res.json()) as Holidays;
    expect(h.versions).toMatchObject([{ version: 1, year: 2027, by: { role: "home-affairs" }, added: 1, removed: 0 }]);
    expect(h.years.find((y) => y.year === 2027)?.source).toBe("STORED");
    expect((await audit()).some((e) => e.action === "rules.holidays.record" && e.entityId === "holidays")).toBe(true);
    // A stale version is refused, and the refusal audited.
    const stale = await call("PUT", "/v1/admin/rules/holidays", { year: 2027, days, basis: "x", version: 0 });
    expect([stale.status, ((await stale.json()) as Problem).code]).toEqual([409, "VERSION_CONFLICT"]);
    expect((await audit()).some((e) => e.action === "rules.holidays.refused" && e.after?.refused === "VERSION_CONFLICT")).toBe(true);

    // The next run: the SQL (DuckDB's dim_calendar reloaded) and the reference scorer both count the day off.
    await scoreAndRatePeriods(env.rt.score, env.rt.admin)([parsePeriod("2027-02"), parsePeriod("2027-03")]);
    expect(await s1()).toEqual([1, 1]);
    await scorePeriod(env.rt.score)(parsePeriod("2027-03"), { engine: "reference" });
    expect(await s1()).toEqual([1, 1]);
    // February ends before the added day: its snapshot is the same text, byte for byte.
    expect(await febBody()).toBe(febBefore);
  });

  it("refuses a unit change per field: an id taken, a predecessor unknown or of another tier, a date before this month", async () => {
    const successor = { unitId: TAM_HIEP, nameVi: "Phường Tam Hiệp", nameEn: "Tam Hiep Ward", tier: "COMMUNE", parentId: "PROV-75-2025" };
    const res = await call("POST", "/v1/admin/rules/unit-changes", { change: { kind: "MERGER", effectiveFrom: "2027-02-01", predecessorIds: [LONG_BINH, "COM-99999-2025", "DEPT-STP-202507"], successor }, basis: "NQ 1/NQ-HĐND", version: 0 });
    const p = (await res.json()) as Problem;
    expect(res.status).toBe(422);
    expect(p.errors?.map((e) => [e.field, e.code])).toEqual([
      ["change.effectiveFrom", "EFFECTIVE_DATE_PAST"],
      ["change.successor.unitId", "DUPLICATE_UNIT_ID"],
      ["change.predecessorIds[1]", "UNKNOWN_UNIT"],
      ["change.predecessorIds[2]", "TIER_MISMATCH"],
    ]);
  });

  it("a merger recorded through the API changes the commune tier from its date and keeps the trend across it", async () => {
    // Long Bình's dossier of February, before the merger.
    const febLb = new CaseBuilder("R-FEB-2", LONG_BINH).received("2027-02-23T09:00:00", "2027-03-02T17:00:00").resolved("2027-02-24T09:00:00");
    expect((await post("/v1/events", { events: febLb.build() })).status).toBe(200);
    const res = await call("POST", "/v1/admin/rules/unit-changes", {
      change: { kind: "MERGER", effectiveFrom: "2027-03-01", predecessorIds: [TAM_HIEP, LONG_BINH], successor: { unitId: MERGED, nameVi: "Phường Tam Hiệp (mới)", nameEn: "Tam Hiep Ward (merged)", tier: "COMMUNE", parentId: "PROV-75-2025" } },
      basis: "Nghị quyết 5/NQ-UBTVQH (giả định kiểm thử)",
      version: 0,
    });
    expect(res.status).toBe(200);
    const u = (await res.json()) as Units;
    expect([u.version, u.versions[0]?.change.kind, u.versions[0]?.by.role]).toEqual([1, "MERGER", "home-affairs"]);
    expect((await audit()).some((e) => e.action === "rules.units.record")).toBe(true);
    // The new ward receives dossiers from its date (ingestion knows it at once).
    const mar = new CaseBuilder("R-MAR-1", MERGED).received("2027-03-15T09:00:00", "2027-03-19T17:00:00").resolved("2027-03-16T09:00:00");
    expect((await post("/v1/events", { events: mar.build() })).status).toBe(200);
    await compactLake(env.rt.engine, env.rt.lake.root);
    await scoreAndRatePeriods(env.rt.score, env.rt.admin)([parsePeriod("2027-02"), parsePeriod("2027-03")]);
    const ids = async (p: string) => ((await env.rt.score.snapshots.get(env.rt.score.methodology, p, "COMMUNE"))?.units ?? []).map((x) => x.unitId);
    const feb = await ids("2027-02");
    const mar2 = await ids("2027-03");
    expect([feb.includes(TAM_HIEP), feb.includes(LONG_BINH), feb.includes(MERGED)]).toEqual([true, true, false]);
    expect([mar2.includes(TAM_HIEP), mar2.includes(LONG_BINH), mar2.includes(MERGED)]).toEqual([false, false, true]);
    // The merged ward's trend: February through a predecessor, March its own (1 dossier, early: P1 20 points).
    const trend = (await (await call("GET", `/v1/units/${MERGED}/trend?year=2027`)).json()) as { points: { period: string; unitId: string; indicators: Record<string, { numerator: number; denominator: number }> }[] };
    expect(trend.points.map((p) => p.period)).toEqual(["2027-02", "2027-03"]);
    expect([TAM_HIEP, LONG_BINH]).toContain(trend.points[0]?.unitId);
    expect(trend.points[1]).toMatchObject({ unitId: MERGED, indicators: { P1: { numerator: 1, denominator: 1 } } });
  });
  it("a methodology version with a future date: earlier periods score byte for byte as before, later ones with the new weights (by hand), previewed first", async () => {
    // dn-2027.1 over dn-2026.2: P1 20 → 25 points (TDGQ 20 → 25), S3 6 → 1 (MDHL 18 → 13); the groups still add up to 100.
    const v = {
      id: "dn-2027.1",
      effectiveFrom: "2027-04-01",
      nameVi: "Phương pháp Đồng Nai 2027.1 (kiểm thử)",
      nameEn: "Dong Nai method 2027.1 (test)",
      changeVi: "Tăng trọng số đúng hạn",
      changeEn: "More weight on timeliness",
      // P2 (mean working days, shown, not scored) entered by Home Affairs from April.
      indicators: { P1: { max: 25 }, S3: { max: 1 }, P2: { manual: true } },
      groups: { TDGQ: { max: 25 }, MDHL: { max: 13 } },
      basis: "Quyết định 3/QĐ-UBND (kiểm thử)",
    };
    const body = async (p: string) => snapshotText(await env.rt.score.snapshots.get(env.rt.score.methodology, p, "COMMUNE"));
    const marchBefore = await body("2027-03");
    // Refused per field: a past date; weights that no longer add up (P1 25 in a group of 20 without a cap).
    const past = (await (await call("POST", "/v1/admin/rules/methodology", { ...v, effectiveFrom: "2027-03-01", version: 0 })).json()) as Problem;
    expect(past.errors?.[0]).toMatchObject({ field: "effectiveFrom", code: "EFFECTIVE_DATE_NOT_FUTURE" });
    const unbalanced = (await (await call("POST", "/v1/admin/rules/methodology", { ...v, groups: { MDHL: { max: 13 } }, version: 0 })).json()) as Problem;
    expect(unbalanced.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(["groups", "groups.TDGQ.cap"]));
    expect((await call("POST", "/v1/admin/rules/methodology", { ...v, version: 0 }, chairman)).status).toBe(403);

    // The preview: March (the last scored period ending before 1 April) under dn-2027.1. The merged
    // ward had one dossier, early: P1 1/1 → 25 points instead of 20; S3 is worth 1 × min(1, ratio ÷ 0.9) instead of 6 × min(1, ratio ÷ 0.9).
    const preview = (await (await call("POST", "/v1/admin/rules/methodology/preview", v)).json()) as { valid: boolean; period: string; tiers: { tier: string; units: { unitId: string; before: { total: number }; after: { total: number } }[] }[] };
    expect([preview.valid, preview.period]).toEqual([true, "2027-03"]);
    const march = await env.rt.score.snapshots.get(env.rt.score.methodology, "2027-03", "COMMUNE");
    const unit = march!.units.find((u) => u.unitId === MERGED)!;
    const s3 = unit.indicators["S3"]!;
    const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
    const s3Before = s3.ratio === null ? 0 : r4(6 * Math.min(1, s3.ratio / 0.9));
    const s3After = s3.ratio === null ? 0 : r4(1 * Math.min(1, s3.ratio / 0.9));
    const row = preview.tiers.find((t) => t.tier === "COMMUNE")!.units.find((u) => u.unitId === MERGED)!;
    expect(row.before.total).toBe(unit.total);
    expect(row.after.total).toBeCloseTo((unit.total as number) - 20 - s3Before + 25 + s3After, 4);

    // Published at version 0; audited; March scored again (the same clock, a run of the same periods: its scan
    // metadata is the run's) is the same text.
    const res = await call("POST", "/v1/admin/rules/methodology", v, ha, { "if-match": '"0"' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { version: number; versions: { id: string; basedOn: string }[] }).versions).toMatchObject([{ id: "dn-2027.1", basedOn: "dn-2026.2" }]);
    expect((await audit()).some((e) => e.action === "rules.methodology.publish")).toBe(true);
    await scoreAndRatePeriods(env.rt.score, env.rt.admin)([parsePeriod("2027-02"), parsePeriod("2027-03")]);
    expect(await body("2027-03")).toBe(marchBefore);

    // May 2027: an April dossier of the merged ward, early. April starts on 1 April: dn-2027.1, P1 = 25 × 1/1.
    now = new Date("2027-05-10T03:00:00Z");
    const apr = new CaseBuilder("R-APR-1", MERGED).received("2027-04-05T09:00:00", "2027-04-09T17:00:00").resolved("2027-04-06T09:00:00");
    expect((await post("/v1/events", { events: apr.build() })).status).toBe(200);
    await compactLake(env.rt.engine, env.rt.lake.root);
    await scoreAndRatePeriods(env.rt.score, env.rt.admin)([parsePeriod("2027-03"), parsePeriod("2027-04")]);
    const april = await env.rt.score.snapshots.get(env.rt.score.methodology, "2027-04", "COMMUNE");
    expect(april?.methodologyVersion).toBe("dn-2027.1");
    const a = april!.units.find((u) => u.unitId === MERGED)!;
    expect([a.indicators["P1"]?.points, a.indicators["P1"]?.max, a.groups?.["TDGQ"]]).toEqual([25, 25, { points: 25, max: 25 }]);
    // An entry of Home Affairs (D3) re-scores April's draft without SQL: with dn-2027.1 still (P1 25 of 25).
    expect((await call("PUT", `/v1/admin/indicators/${MERGED}/2027-04/D3`, { numerator: 4, denominator: 5, evidence: "Báo cáo 1/BC (kiểm thử)", version: 0 })).status).toBe(200);
    const entered = (await env.rt.score.snapshots.get(env.rt.score.methodology, "2027-04", "COMMUNE"))!.units.find((u) => u.unitId === MERGED)!;
    expect([entered.indicators["D3"]?.numerator, entered.indicators["P1"]?.points, entered.indicators["P1"]?.max]).toEqual([4, 25, 25]);
    // P2 is entered by hand from April only: refused for March (computed there), taken for April and scored with it.
    const p2March = await call("PUT", `/v1/admin/indicators/${MERGED}/2027-03/P2`, { numerator: 3, denominator: 4, evidence: "Báo cáo 2/BC (kiểm thử)", version: 0 });
    expect([p2March.status, ((await p2March.json()) as Problem).errors?.[0]?.code]).toEqual([422, "NOT_MANUAL"]);
    expect((await call("PUT", `/v1/admin/indicators/${MERGED}/2027-04/P2`, { numerator: 3, denominator: 4, evidence: "Báo cáo 2/BC (kiểm thử)", version: 0 })).status).toBe(200);
    const p2 = (await env.rt.score.snapshots.get(env.rt.score.methodology, "2027-04", "COMMUNE"))!.units.find((u) => u.unitId === MERGED)!.indicators["P2"];
    expect([p2?.numerator, p2?.denominator, p2?.ratio]).toEqual([3, 4, 0.75]);
    // Anyone reads the rules and their versions (the compiled data were public); who recorded them: by role only.
    const pub = await fetch(`${base}/v1/public/rules`);
    expect(pub.status).toBe(200);
    const rules = (await pub.json()) as { holidays: Holidays; units: Units; methodology: { versions: { id: string; by: Record<string, string> }[] } };
    expect([rules.holidays.versions.length, rules.units.versions.length, rules.methodology.versions.map((v) => v.id)]).toEqual([1, 1, ["dn-2027.1"]]);
    expect(JSON.stringify(rules)).not.toContain('"sub"');
    // March keeps dn-2026.2: P1 20 of 20, no version named.
    const m2 = await env.rt.score.snapshots.get(env.rt.score.methodology, "2027-03", "COMMUNE");
    expect([m2?.methodologyVersion, m2?.units.find((u) => u.unitId === MERGED)?.indicators["P1"]?.max]).toEqual([undefined, 20]);
  });
});

describe("the cloud functions' catalog in force (liveCatalog)", () => {
  it("serves the compiled catalog until the store answers, then the stored changes; a change reaches it after maxAge", async () => {
    const change = (id: string) => ({ version: 1, change: { kind: "NEW_UNIT" as const, effectiveFrom: "2027-03-01", unit: { unitId: id, nameVi: "Xã mới", nameEn: "New commune", tier: "COMMUNE" as const, parentId: "PROV-75-2025" } }, basis: "x", at: "2027-03-01T00:00:00Z", by: { sub: "s", role: "home-affairs" } });
    let units = { version: 1, lastAudit: null, versions: [change("COM-90001-2027")] };
    const store = { holidays: async () => undefined, units: async () => units, methodology: async () => undefined, putHolidays: async () => "ok" as const, putUnits: async () => "ok" as const, putMethodology: async () => "ok" as const };
    let t = 0;
    const live = liveCatalog(store, () => t, 1000);
    expect(live.current.get("COM-90001-2027")).toBeUndefined();
    await live.loaded();
    expect(live.current.get("COM-90001-2027")?.validFrom).toBe("2027-03-01");
    units = { version: 2, lastAudit: null, versions: [change("COM-90001-2027"), { ...change("COM-90002-2027"), version: 2 }] };
    t = 500;
    expect(live.current.get("COM-90002-2027")).toBeUndefined(); // younger than maxAge: not read again
    t = 1501;
    void live.current;
    await live.loaded();
    expect(live.current.get("COM-90002-2027")).toBeDefined();
  });
});
