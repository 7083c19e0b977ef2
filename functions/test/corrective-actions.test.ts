/**
 * Corrective actions (issue 24, item 1; docs/adr/0019-corrective-actions.md) on dynalite, through
 * the local server (route table, policy, handler, use case, store) and the use cases directly:
 * - the state machine under random sequences of open / report / accept / reopen by the right and
 *   the wrong callers, fresh and stale versions (fast-check against a model): status and version
 *   always follow the rules, and every accepted change has its audit entry;
 * - overdue by the local date (Asia/Ho_Chi_Minh, UTC+7), around local midnight (hand-computed);
 * - the named indicator's numbers in the basis period and the later scored periods of the same
 *   kind, from stored snapshots (hand-made: the numbers below are the snapshots' own);
 * - the refusals: a draft finding, another unit's finding, a band the unit did not have, a past
 *   deadline, a double submit.
 */
import type { Server } from "node:http";
import { join } from "node:path";
import type { RankedUnit, RankingSnapshot } from "@scorecard/shared";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../src/adapters/local/local-identity.js";
import { createLocalServer, listen } from "../src/local/server.js";
import type { AdminDeps } from "../src/use-cases/admin/common.js";
import { acceptAction, listActions, openAction, reopenAction, reportAction } from "../src/use-cases/admin/corrective-actions.js";
import { concludeFinding, createFinding } from "../src/use-cases/admin/findings.js";
import { tempRuntime } from "./support/temp-runtime.js";

const BH = "DIST-731"; // officer-bien-hoa's unit (DISTRICT)
const STP = "DEPT-STP-2020"; // officer-stp's unit (DEPARTMENT)
const HA = { sub: "ha-test", role: "home-affairs" };
const OFFICER = { sub: "officer-test", role: "unit-officer" };

type Problem = { code: string; errors?: { code: string; field: string }[] };
type View = { actionId: string; unitId: string; status: string; version: number; overdue: string | null; indicator: string | null; deadline: string; progress: { period: string; numerator: number | null; denominator: number | null; ratio: number | null; total: number | null; band: string | null }[] };

/** A unit's row as the scoring run stores it, with P1's counts and the total/band given. */
const row = (unitId: string, tier: string, p1: [number, number] | null, total: number, band: string): RankedUnit => ({
  unitId,
  nameVi: unitId,
  nameEn: unitId,
  tier: tier as RankedUnit["tier"],
  rank: 1,
  total,
  complete: true,
  band,
  indicators: p1 ? { P1: { numerator: p1[0], denominator: p1[1], ratio: p1[0] / p1[1], points: 20 * (p1[0] / p1[1]), max: 20, status: "ok" } } : {},
  counts: {},
});
const snapshot = (methodology: string, period: string, tier: string, units: RankedUnit[]): RankingSnapshot => ({
  period,
  tier: tier as RankingSnapshot["tier"],
  methodology,
  computedAt: "2026-01-12T00:00:00.000Z",
  dataAsOf: "2026-01-12T00:00:00.000Z",
  status: "draft",
  version: null,
  engine: "reference",
  units,
});

describe("Corrective actions (dynalite, local server)", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let server: Server;
  let base: string;
  /** The runtime's clock, moved by the tests (2026-01-12 10:00 local unless set). */
  let now = new Date("2026-01-12T03:00:00Z");
  let deps: AdminDeps;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    env = await tempRuntime({ clock: { now: () => now } });
    server = createLocalServer(env.rt, { dashboardDir: join(env.dataDir, "no-dashboard") });
    base = `http://127.0.0.1:${await listen(server, 0)}`;
    deps = env.rt.admin;
    const m = deps.methodology;
    // DIST-731's P1 by month (the city was dissolved on 2025-07-01): 2025-01 before the basis, 2025-02 the basis, 2025-03 without its row, 2025-04, 2025-05, 2025-06.
    const months: [string, [number, number] | null, number, string][] = [
      ["2025-01", [1, 10], 40, "WEAK"],
      ["2025-02", [3, 10], 45, "WEAK"],
      ["2025-04", [6, 10], 62, "AVERAGE"],
      ["2025-05", [9, 12], 71, "FAIR"],
      ["2025-06", [12, 12], 90, "EXCELLENT"],
    ];
    for (const [p, p1, total, band] of months) await deps.snapshots.putDraft(snapshot(m, p, "DISTRICT", [row(BH, "DISTRICT", p1, total, band)]));
    await deps.snapshots.putDraft(snapshot(m, "2025-03", "DISTRICT", [row("DIST-732", "DISTRICT", [5, 5], 99, "EXCELLENT")]));
    await deps.snapshots.putDraft(snapshot(m, "2025-Q2", "DISTRICT", [row(BH, "DISTRICT", [20, 30], 55, "AVERAGE")]));
    await deps.snapshots.putDraft(snapshot(m, "2025-02", "DEPARTMENT", [row(STP, "DEPARTMENT", [8, 10], 81, "GOOD")]));
    const issue = async (id: string) => env.rt.identity.issue(DEMO_USERS.find((u) => u.id === id)!);
    for (const id of ["home-affairs", "chairman", "officer-bien-hoa", "officer-stp"]) tokens.set(id, await issue(id));
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    await env.dispose();
  });

  const call = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens.get(who)}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const auditIds = async () => {
    const ids = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await deps.stores.audit.page({ limit: 200, cursor });
      for (const e of page.entries) ids.add(e.auditId);
      cursor = page.next;
    } while (cursor);
    return ids;
  };

  describe("the state machine, by the right and the wrong callers (fast-check against a model)", () => {
    type Act = { id: string; unit: string; status: "OPEN" | "REPORTED" | "ACCEPTED" | "REOPENED"; version: number };
    /** "own": the officer of the action's unit; "other": the other unit's officer (resolved when the command runs). */
    type Who = "home-affairs" | "chairman" | "own" | "other";
    type Cmd =
      | { op: "open"; who: Who; unit: string }
      | { op: "report"; who: Who; i: number; legal: boolean; stale: boolean; ownPath: boolean }
      | { op: "accept" | "reopen"; who: Who; i: number; legal: boolean; stale: boolean };
    const officerOf: Record<string, string> = { [BH]: "officer-bien-hoa", [STP]: "officer-stp" };
    const officerUnit: Record<string, string> = { "officer-bien-hoa": BH, "officer-stp": STP };
    // Mostly the right caller at the right version, so that runs reach every status; the wrong ones often enough to be refused.
    const who = (right: Who) => fc.oneof({ arbitrary: fc.constant(right), weight: 4 }, { arbitrary: fc.constantFrom<Who>("home-affairs", "chairman", "own", "other"), weight: 1 });
    const stale = fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 });
    /** Target an action in a state where the step is legal (when there is one), or any action. */
    const legal = fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 });
    const cmd: fc.Arbitrary<Cmd> = fc.oneof(
      { arbitrary: fc.record({ op: fc.constant("open" as const), who: who("home-affairs"), unit: fc.constantFrom(BH, STP) }), weight: 2 },
      { arbitrary: fc.record({ op: fc.constant("report" as const), who: who("own"), i: fc.nat(3), legal, stale, ownPath: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }) }), weight: 4 },
      { arbitrary: fc.record({ op: fc.constantFrom("accept" as const, "reopen" as const), who: who("home-affairs"), i: fc.nat(3), legal, stale }), weight: 3 },
    );
    const seen = { OPEN: 0, REPORTED: 0, ACCEPTED: 0, REOPENED: 0, refused: 0, closed: 0 };
    let run = 0;
    const everyRun: Act[] = [];

    it("status and version follow the rules; every accepted change is in the audit log", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(cmd, { minLength: 10, maxLength: 16 }), async (cmds) => {
          run++;
          const model: Act[] = [];
          for (const [n, c] of cmds.entries()) {
            if (c.op === "open") {
              const id = `CA-R${run}-${n}`;
              const caller = c.who === "own" ? officerOf[c.unit]! : c.who === "other" ? officerOf[c.unit === BH ? STP : BH]! : c.who;
              const r = await call(caller, "POST", "/v1/admin/actions", { actionId: id, unitId: c.unit, basis: { kind: "INDICATOR", indicator: "P1", period: "2025-02" }, deadline: "2026-01-20", required: "Giảm hồ sơ trễ hạn" });
              const allowed = caller === "home-affairs";
              expect(r.status, JSON.stringify(r.body)).toBe(allowed ? 201 : 403);
              if (allowed) model.push({ id, unit: c.unit, status: "OPEN", version: 1 });
              continue;
            }
            const canStep = (x: Act) => (c.op === "report" ? x.status === "OPEN" || x.status === "REOPENED" : x.status === "REPORTED");
            const a = (c.legal ? model.find(canStep) : undefined) ?? model[c.i % Math.max(1, model.length)];
            if (!a) continue;
            const caller = c.who === "own" ? officerOf[a.unit]! : c.who === "other" ? officerOf[a.unit === BH ? STP : BH]! : c.who;
            const version = c.stale ? (a.version > 1 ? a.version - 1 : a.version + 1) : a.version;
            let expected: number;
            let next: Act["status"] | undefined;
            if (c.op === "report") {
              // The officer's own unit in the path when ownPath: an action of another unit is then 404; the action's unit in the path: 403 for another unit's officer.
              const pathUnit = c.ownPath && officerUnit[caller] ? officerUnit[caller]! : a.unit;
              const r = await call(caller, "POST", `/v1/units/${pathUnit}/actions/${a.id}/report`, { text: "Đã rà soát quy trình", version });
              const mayReport = officerUnit[caller] === pathUnit;
              expected = !mayReport ? 403 : pathUnit !== a.unit ? 404 : c.stale ? 409 : a.status === "OPEN" || a.status === "REOPENED" ? 200 : 422;
              next = "REPORTED";
              expect(r.status, `${caller} report ${a.id} (${a.status} v${a.version}) at v${version}: ${JSON.stringify(r.body)}`).toBe(expected);
              if (expected === 422) expect((r.body as Problem).errors?.[0]).toMatchObject({ field: "status", code: a.status === "ACCEPTED" ? "ACTION_CLOSED" : "WRONG_STATUS" });
              if (expected === 422 && a.status === "ACCEPTED") seen.closed++;
            } else {
              const r = await call(caller, "POST", `/v1/admin/actions/${a.id}/${c.op}`, c.op === "accept" ? { version } : { reason: "Chưa đủ minh chứng", version });
              expected = caller !== "home-affairs" ? 403 : c.stale ? 409 : a.status === "REPORTED" ? 200 : 422;
              next = c.op === "accept" ? "ACCEPTED" : "REOPENED";
              expect(r.status, `${caller} ${c.op} ${a.id} (${a.status} v${a.version}) at v${version}: ${JSON.stringify(r.body)}`).toBe(expected);
            }
            if (expected === 200) {
              a.status = next;
              a.version++;
              seen[next]++;
            } else seen.refused++;
          }
          // The stored actions are the model's (read by the chairman).
          const listed = ((await call("chairman", "GET", `/v1/admin/actions`)).body as { actions: View[] }).actions;
          for (const a of model) expect(listed.find((x) => x.actionId === a.id)).toMatchObject({ unitId: a.unit, status: a.status, version: a.version });
          everyRun.push(...model);
        }),
        { numRuns: 20, seed: 20261207 },
      );
      // The runs reached every step and were refused often: the property is not vacuous.
      // Each version of every action has its audit entry: the outbox of one reached the log.
      const ids = await auditIds();
      for (const a of everyRun) for (let v = 1; v <= a.version; v++) expect(ids.has(`corrective-action:${a.id}:v${v}`), `${a.id} v${v}`).toBe(true);
      expect(Math.min(seen.REPORTED, seen.ACCEPTED, seen.REOPENED, seen.refused), JSON.stringify(seen)).toBeGreaterThan(2);
      expect(seen.closed, JSON.stringify(seen)).toBeGreaterThan(1);
    });
  });

  it("overdue by the local date, around midnight in Asia/Ho_Chi_Minh (UTC+7)", async () => {
    now = new Date("2026-01-12T03:00:00Z");
    const { action } = await openAction(deps)(HA, { actionId: "CA-MIDNIGHT", unitId: BH, basis: { kind: "INDICATOR", indicator: "P1", period: "2025-02" }, deadline: "2026-01-12", required: "Giảm hồ sơ trễ hạn" });
    expect(action.overdue).toBeNull();
    const overdue = async () => (await listActions(deps)({ unitId: BH })).actions.find((a) => a.actionId === "CA-MIDNIGHT")!.overdue;
    // 2026-01-12T16:59:59Z is 23:59:59 on the 12th locally: the deadline's day, not past.
    now = new Date("2026-01-12T16:59:59Z");
    expect(await overdue()).toBeNull();
    // 2026-01-12T17:00:00Z is midnight of the 13th locally (the UTC date is still the 12th): overdue, the unit has not reported.
    now = new Date("2026-01-12T17:00:00Z");
    expect(await overdue()).toBe("AWAITING_REPORT");
    expect((await listActions(deps)({ overdue: true })).actions.map((a) => a.actionId)).toContain("CA-MIDNIGHT");
    expect((await listActions(deps)({ overdue: false })).actions.map((a) => a.actionId)).not.toContain("CA-MIDNIGHT");
    expect((await listActions(deps)({ overdue: true })).today).toBe("2026-01-13");
    // A deadline of the 12th is now in the past locally, though the UTC date is the 12th.
    const past = await call("home-affairs", "POST", "/v1/admin/actions", { unitId: BH, basis: { kind: "INDICATOR", indicator: "P1", period: "2025-02" }, deadline: "2026-01-12", required: "x" });
    expect([past.status, (past.body as Problem).errors?.[0]?.field, (past.body as Problem).errors?.[0]?.code]).toEqual([422, "deadline", "OUT_OF_RANGE"]);
    await reportAction(deps)(OFFICER, BH, "CA-MIDNIGHT", 1, { text: "Đã bố trí thêm cán bộ" });
    expect(await overdue()).toBe("AWAITING_REVIEW");
    await acceptAction(deps)(HA, "CA-MIDNIGHT", 2, {});
    expect(await overdue()).toBeNull();
    now = new Date("2026-01-12T03:00:00Z");
  });

  it("reopen: the reason, a new deadline not before today, the overdue flag follows it; the list's filters", async () => {
    now = new Date("2026-01-05T03:00:00Z");
    await openAction(deps)(HA, { actionId: "CA-REOPEN", unitId: STP, basis: { kind: "BAND", band: "GOOD", period: "2025-02" }, deadline: "2026-01-10", required: "Duy trì xếp loại Tốt" });
    await reportAction(deps)(OFFICER, STP, "CA-REOPEN", 1, { text: "Đã công khai quy trình", indicator: "P1" });
    // 2026-01-12 (10:00 local): reported, past its deadline: waiting for Home Affairs.
    now = new Date("2026-01-12T03:00:00Z");
    const byId = async (filter: Parameters<ReturnType<typeof listActions>>[0]) => (await listActions(deps)(filter)).actions.map((a) => a.actionId);
    expect((await listActions(deps)({ unitId: STP })).actions.find((a) => a.actionId === "CA-REOPEN")!.overdue).toBe("AWAITING_REVIEW");
    await expect(reopenAction(deps)(HA, "CA-REOPEN", 2, { reason: "Thiếu minh chứng", deadline: "2026-01-11" })).rejects.toMatchObject({ errors: [{ field: "deadline", code: "OUT_OF_RANGE" }] });
    const reopened = await reopenAction(deps)(HA, "CA-REOPEN", 2, { reason: "Thiếu minh chứng", deadline: "2026-01-31" });
    expect([reopened.status, reopened.version, reopened.deadline, reopened.overdue, reopened.steps.at(-1)]).toEqual([
      "REOPENED",
      3,
      "2026-01-31",
      null,
      expect.objectContaining({ kind: "REOPENED", text: "Thiếu minh chứng", deadline: "2026-01-31", by: HA }),
    ]);
    // The unit's report named P1: the numbers follow it (2025-02 of DEPT-STP: 8 / 10).
    expect([reopened.indicator, reopened.progress]).toEqual(["P1", [{ period: "2025-02", numerator: 8, denominator: 10, ratio: 0.8, points: 16, total: 81, band: "GOOD" }]]);
    // Accepting a reopened action (no report yet) is refused by its status, not its version.
    await expect(acceptAction(deps)(HA, "CA-REOPEN", 3, {})).rejects.toMatchObject({ errors: [{ field: "status", code: "WRONG_STATUS" }] });
    expect(await byId({ unitId: STP, status: "REOPENED" })).toContain("CA-REOPEN");
    expect(await byId({ unitId: STP, status: "REPORTED" })).not.toContain("CA-REOPEN");
    expect(await byId({ period: "2025-02", unitId: STP })).toContain("CA-REOPEN");
    expect(await byId({ period: "2025-04" })).not.toContain("CA-REOPEN");
  });

  it("beside the action: P1 of the basis month and each later scored month up to now (hand-read from the snapshots)", async () => {
    now = new Date("2025-05-20T03:00:00Z");
    const { action } = await openAction(deps)(HA, { actionId: "CA-TREND", unitId: BH, basis: { kind: "BAND", band: "WEAK", period: "2025-02" }, deadline: "2026-02-28", required: "Ra khỏi nhóm Yếu", indicator: "P1" });
    // 2025-01: before the basis; 2025-03: no row of DIST-731; 2025-Q2: another kind (started, after the basis); 2025-06: not started on 2025-05-20.
    expect(action.progress).toEqual([
      { period: "2025-02", numerator: 3, denominator: 10, ratio: 0.3, points: 6, total: 45, band: "WEAK" },
      { period: "2025-04", numerator: 6, denominator: 10, ratio: 0.6, points: 12, total: 62, band: "AVERAGE" },
      { period: "2025-05", numerator: 9, denominator: 12, ratio: 0.75, points: 15, total: 71, band: "FAIR" },
    ]);
    // A band with no indicator named: the total and band only. The unit's report names the indicator it expects to move: the numbers follow it.
    const { action: band } = await openAction(deps)(HA, { actionId: "CA-BAND", unitId: BH, basis: { kind: "BAND", band: "WEAK", period: "2025-02" }, deadline: "2026-02-28", required: "Ra khỏi nhóm Yếu" });
    expect([band.indicator, band.progress.map((p) => [p.numerator, p.total])]).toEqual([null, [[null, 45], [null, 62], [null, 71]]]);
    const reported = await reportAction(deps)(OFFICER, BH, "CA-BAND", 1, { text: "Rút ngắn thời gian thẩm định", indicator: "P1" });
    expect([reported.indicator, reported.progress.map((p) => p.numerator)]).toEqual(["P1", [3, 6, 9]]);
    // On 2026-01-12 June has started: its numbers join the list.
    now = new Date("2026-01-12T03:00:00Z");
    expect((await listActions(deps)({ unitId: BH })).actions.find((a) => a.actionId === "CA-TREND")!.progress.map((p) => p.period)).toEqual(["2025-02", "2025-04", "2025-05", "2025-06"]);
  });

  it("refuses, naming the field: a draft finding, another unit's finding, a band the unit did not have, an unknown indicator, an unscored period; a double submit is harmless", async () => {
    now = new Date("2026-01-12T03:00:00Z");
    const open = (body: object) => call("home-affairs", "POST", "/v1/admin/actions", { unitId: BH, deadline: "2026-01-31", required: "Khắc phục", ...body });
    const fieldOf = (r: { status: number; body: unknown }) => [r.status, (r.body as Problem).errors?.[0]?.field, (r.body as Problem).errors?.[0]?.code];
    await createFinding(deps)(HA, { findingId: "F-DRAFT", unitId: BH, period: "2025-H1", criterion: "PAR5", deduction: 1, evidence: "KL 1/KL-TTr" });
    expect(fieldOf(await open({ basis: { kind: "FINDING", findingId: "F-DRAFT" } }))).toEqual([422, "basis.findingId", "NOT_CONCLUDED"]);
    await createFinding(deps)(HA, { findingId: "F-STP", unitId: STP, period: "2025-H1", criterion: "PAR5", deduction: 1, evidence: "KL 2/KL-TTr" });
    await concludeFinding(deps)(HA, "F-STP", 1, { noticeNumber: "2/TB-SNV", noticeDate: "2026-01-05" });
    expect(fieldOf(await open({ basis: { kind: "FINDING", findingId: "F-STP" } }))).toEqual([422, "basis.findingId", "RULE_VIOLATED"]);
    expect(fieldOf(await open({ basis: { kind: "BAND", band: "GOOD", period: "2025-02" } }))).toEqual([422, "basis.band", "RULE_VIOLATED"]);
    expect(fieldOf(await open({ basis: { kind: "INDICATOR", indicator: "ZZ9", period: "2025-02" } }))).toEqual([422, "basis.indicator", "UNKNOWN_INDICATOR"]);
    expect(fieldOf(await open({ basis: { kind: "INDICATOR", indicator: "P1", period: "2025-03" } }))).toEqual([422, "basis.period", "NOT_SCORED"]);
    // A concluded finding of the unit: its period is the basis's; PAR5 is a reform criterion, not an indicator: no default indicator.
    await createFinding(deps)(HA, { findingId: "F-BH", unitId: BH, period: "2025-H1", criterion: "PAR5", deduction: 1, evidence: "KL 3/KL-TTr" });
    await concludeFinding(deps)(HA, "F-BH", 1, { noticeNumber: "3/TB-SNV", noticeDate: "2026-01-05" });
    const body = { actionId: "CA-TWICE", basis: { kind: "FINDING", findingId: "F-BH" } };
    const first = await open(body);
    expect([first.status, (first.body as View & { basis: unknown }).basis, (first.body as View).indicator]).toEqual([201, { kind: "FINDING", period: "2025-H1", findingId: "F-BH", criterion: "PAR5", band: null }, null]);
    expect((await open(body)).status).toBe(200);
    // A finding on D3 (an indicator Home Affairs enters): the indicator expected to move defaults to it.
    await createFinding(deps)(HA, { findingId: "F-D3", unitId: BH, period: "2025-H1", criterion: "D3", deduction: 1, evidence: "KL 4/KL-TTr" });
    await concludeFinding(deps)(HA, "F-D3", 1, { noticeNumber: "4/TB-SNV", noticeDate: "2026-01-05" });
    const d3 = await open({ basis: { kind: "FINDING", findingId: "F-D3" } });
    expect([d3.status, (d3.body as View).indicator]).toEqual([201, "D3"]);
    expect((await open({ ...body, required: "Khác" })).status).toBe(409);
  });
});
