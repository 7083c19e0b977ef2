/**
 * Hand-computed lists behind R3, R5 / R5D, R7 and S1 (issue 20, item 1; docs/adr/0016), through
 * the whole path: events and complaints ingested, compacted, scored by a staged run (March and Q1
 * end together: March is read out of Q1's lists), the lists unloaded by the engine to the lake and
 * read back by the read use case. Each list's total equals the scorecard's numerator or denominator.
 *
 * March 2024 has no public holiday: its working days are 1, 4–8, 11–15, 18–22 and 25–29 March;
 * 29 February 2024 is a Thursday. Local times (UTC+7).
 */
import { parsePeriod } from "@scorecard/shared";
import { getMethodology } from "@scorecard/shared/methodology/registry";
import type { IndicatorList, ListRecord } from "@scorecard/shared/contracts/indicator-lists";
import { LIST_FORMAT } from "@scorecard/shared/facts/indicator-lists";
import { type DrilldownPointer, drilldownPrefix, drilldownRunKey, unitListPrefix } from "@scorecard/shared/lake/layout";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { compactRecords } from "../src/adapters/local/duckdb-record-compactor.js";
import type { ImproperReturnSource } from "../src/use-cases/score/improper-returns.js";
import { ingestEvents } from "../src/use-cases/ingest/ingest-events.js";
import { ingestRecords } from "../src/use-cases/ingest/ingest-records.js";
import { readIndicatorList } from "../src/use-cases/read/read-lists.js";
import { listRows, readUnitCases, readUnitScorecard } from "../src/use-cases/read/read-rankings.js";
import { scorePeriods } from "../src/use-cases/score/score-period.js";
import { CaseBuilder } from "./support/events.js";
import { tempRuntime } from "./support/temp-runtime.js";

const STP = "DEPT-STP-2020"; // R3: its returns
const KHDT = "DEPT-SKHDT-2020"; // consults SXD (R5)
const SXD = "DEPT-SXD-2020"; // R5: the consulted unit
const BH = "DIST-731"; // R7: the lead unit
const TNMT = "DEPT-STNMT-2020"; // R7: holds a transfer step past its due date
const SCT = "DEPT-SCT-2020"; // R7: answers a consultation late
const SYT = "DEPT-SYT-2020"; // S1: the complaints name it

const EVENTS = [
  // ——— R3 (STP): returns among the dossiers received in March ———
  // R3-1 refused 05/03: returned; Home Affairs marked the return improper.
  ...new CaseBuilder("R3-1", STP).received("2024-03-04T09:00:00", "2024-03-20T17:00:00").by(STP, "REFUSED", "2024-03-05T10:00:00").build(),
  // R3-2 stopped 06/03: returned, not marked.
  ...new CaseBuilder("R3-2", STP).received("2024-03-05T09:00:00", "2024-03-20T17:00:00").by(STP, "STOPPED", "2024-03-06T10:00:00").build(),
  // R3-3 resolved, never returned, yet marked: a mark on a dossier not returned counts nowhere.
  ...new CaseBuilder("R3-3", STP).received("2024-03-06T09:00:00", "2024-03-20T17:00:00").resolved("2024-03-07T10:00:00").build(),
  // R3-4 refused on 02/04, after the period: not returned as of March (due 15/04: in progress).
  ...new CaseBuilder("R3-4", STP).received("2024-03-07T09:00:00", "2024-04-15T17:00:00").by(STP, "REFUSED", "2024-04-02T10:00:00").build(),

  // ——— R5, R5D (SXD consulted by KHDT; the dossiers due 30/04: in progress, never late) ———
  // Q1: asked 04/03, step due 06/03, answered 06/03 18:00 — the due's local date: on time.
  ...new CaseBuilder("R5-1", KHDT).received("2024-03-04T09:00:00", "2024-04-30T17:00:00").consultRequested("2024-03-04T10:00:00", SXD, "2024-03-06T17:00:00").consultAnswered("2024-03-06T18:00:00", SXD).build(),
  // Q2: asked 05/03, due 07/03, answered 11/03: late by 08/03 + 11/03 = 2 working days.
  ...new CaseBuilder("R5-2", KHDT).received("2024-03-04T09:00:00", "2024-04-30T17:00:00").consultRequested("2024-03-05T10:00:00", SXD, "2024-03-07T17:00:00").consultAnswered("2024-03-11T09:00:00", SXD).build(),
  // Q3: asked 11/03, due 13/03, never answered: overdue at the end of March, judged on 31/03:
  // 14, 15 (2) + 18–22 (5) + 25–29 (5) = 12 working days late.
  ...new CaseBuilder("R5-3", KHDT).received("2024-03-11T09:00:00", "2024-04-30T17:00:00").consultRequested("2024-03-11T10:00:00", SXD, "2024-03-13T17:00:00").build(),
  // Q4: asked 27/03, due 02/04, unanswered: pending at the end of March — in neither R5 list.
  ...new CaseBuilder("R5-4", KHDT).received("2024-03-27T09:00:00", "2024-04-30T17:00:00").consultRequested("2024-03-27T10:00:00", SXD, "2024-04-02T17:00:00").build(),
  // Q5: asked 26/02, due 28/02, answered 01/03 — in March's scope (answered in it): late by 29/02 + 01/03 = 2.
  ...new CaseBuilder("R5-5", KHDT).received("2024-02-26T09:00:00", "2024-04-30T17:00:00").consultRequested("2024-02-26T10:00:00", SXD, "2024-02-28T17:00:00").consultAnswered("2024-03-01T09:00:00", SXD).build(),

  // ——— R7 (BH leads) ———
  // D7-1: due 08/03, resolved 14/03: late by 11, 12, 13, 14 = 4 working days. TNMT held a step due
  // 06/03 until 11/03: 07, 08, 11 = 3 days charged to TNMT; it gave the dossier back with a step
  // due 15/03, which BH kept (0 days). BH, the lead, is charged the rest: 4 − 3 = 1.
  ...new CaseBuilder("D7-1", BH)
    .received("2024-03-04T09:00:00", "2024-03-08T17:00:00")
    .transferred("2024-03-04T10:00:00", TNMT, "2024-03-06T17:00:00")
    .transferred("2024-03-11T09:00:00", BH, "2024-03-15T17:00:00", TNMT)
    .resolved("2024-03-14T10:00:00")
    .build(),
  // D7-2: due 07/03, still open at the end of March: overdue by 08/03 + 11–15 + 18–22 + 25–29 = 16
  // working days. SCT answered a consultation due 06/03 on 12/03: 07, 08, 11, 12 = 4 days charged to
  // SCT; BH is charged the rest: 16 − 4 = 12.
  ...new CaseBuilder("D7-2", BH).received("2024-03-05T09:00:00", "2024-03-07T17:00:00").consultRequested("2024-03-05T10:00:00", SCT, "2024-03-06T17:00:00").consultAnswered("2024-03-12T09:00:00", SCT).build(),
  // D7-3: early (resolved 08/03, due 20/03): no charge.
  ...new CaseBuilder("D7-3", BH).received("2024-03-06T09:00:00", "2024-03-20T17:00:00").resolved("2024-03-08T10:00:00").build(),
];

const at = (local: string) => `${local}+07:00`;
/**
 * Complaints naming SYT. Accept or refuse within 2 working days of receipt, handle within 15.
 * K1 04/03: accept by 06/03 (accepted 05/03), handle by 25/03 (handled 20/03) → ON_TIME.
 * K2 04/03: refused 07/03, after its accept due 06/03 → LATE.
 * K3 05/03: accept due 07/03, nothing by 31/03 → OVERDUE.
 * K4 28/03: accept due 01/04 (29/03, 01/04), nothing yet; 31/03 is not after it → PENDING.
 * K5 15/03: accepted 18/03 (due 19/03); handle due 05/04 (18–22, 25–29, 01–05/04), not handled → PENDING.
 * K6 29/02 (Q1, not March): accept due 04/03 (01/03, 04/03), accepted 01/03, handled 05/03 → ON_TIME.
 */
const COMPLAINTS = [
  { complaintId: "K1", source: "HOTLINE_1022", unitId: SYT, receivedAt: at("2024-03-04T09:00:00"), acceptedAt: at("2024-03-05T09:00:00"), handledAt: at("2024-03-20T09:00:00"), satisfied: true },
  { complaintId: "K2", source: "HOTLINE_1022", unitId: SYT, receivedAt: at("2024-03-04T10:00:00"), refusedAt: at("2024-03-07T09:00:00") },
  { complaintId: "K3", source: "HOTLINE_1022", unitId: SYT, receivedAt: at("2024-03-05T09:00:00") },
  { complaintId: "K4", source: "HOTLINE_1022", unitId: SYT, receivedAt: at("2024-03-28T09:00:00") },
  { complaintId: "K5", source: "HOTLINE_1022", unitId: SYT, receivedAt: at("2024-03-15T09:00:00"), acceptedAt: at("2024-03-18T09:00:00") },
  { complaintId: "K6", source: "HOTLINE_1022", unitId: SYT, receivedAt: at("2024-02-29T09:00:00"), acceptedAt: at("2024-03-01T09:00:00"), handledAt: at("2024-03-05T09:00:00") },
];

/** Home Affairs marked R3-1 (returned) and R3-3 (never returned). */
const MARKS: ImproperReturnSource = {
  list: async () =>
    ["R3-1", "R3-3"].map((caseId) => ({ caseId, unitId: STP, status: "MARKED", basis: { kind: "HOME_AFFAIRS_DECISION", decisionNumber: "12/QĐ-SNV", decisionDate: "2024-04-05", evidence: "Biên bản" }, markedAt: "2024-04-05T03:00:00.000Z" })) as never,
};

describe("Hand-computed lists behind R3, R5, R5D, R7 and S1, written by a scoring run and read back", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  const versions = ["dn-2026.1", "dn-2026.2"] as const;

  beforeAll(async () => {
    env = await tempRuntime();
    expect((await ingestEvents(env.rt.ingest)(EVENTS)).accepted).toBe(EVENTS.length);
    expect((await ingestRecords(env.rt.ingest, "complaints")(COMPLAINTS)).accepted).toBe(COMPLAINTS.length);
    await compactLake(env.rt.engine, env.rt.lake.root);
    await compactRecords(env.rt.engine, env.rt.lake.root);
    for (const methodology of versions) await scorePeriods({ ...env.rt.score, methodology, improperReturns: MARKS })(["2024-03", "2024-Q1"].map(parsePeriod));
  }, 180_000);
  afterAll(async () => {
    await env.dispose();
  });

  const list = async (methodology: string, unitId: string, period: string, indicator: string, part: "numerator" | "denominator", more: { page?: number; limit?: number } = {}): Promise<IndicatorList> => {
    const r = await readIndicatorList({ ...env.rt.read, methodology })(unitId, period, { indicator, part, ...more });
    if (r.kind !== "ok") throw new Error(`${indicator} ${part}: ${r.kind}`);
    return r.list;
  };
  /** The scorecard's [numerator, denominator] of an indicator. */
  const card = async (methodology: string, unitId: string, period: string, code: string) => {
    const c = await readUnitScorecard({ ...env.rt.read, methodology })(unitId, period);
    const v = c?.unit.indicators[code];
    return [v?.numerator, v?.denominator];
  };
  const ids = (l: IndicatorList) => l.records.map((r: ListRecord) => [r.id, r.rule, r.value, r.inNumerator]);

  it("R3 under dn-2026.1: the returns (2) over the dossiers received (4)", async () => {
    const num = await list("dn-2026.1", STP, "2024-03", "R3", "numerator");
    expect([num.kind, num.aggregate, num.total]).toEqual(["dossier", "count", 2]);
    expect(ids(num)).toEqual([["R3-1", "RETURNED", null, null], ["R3-2", "RETURNED", null, null]]);
    const den = await list("dn-2026.1", STP, "2024-03", "R3", "denominator");
    expect(den.total).toBe(4);
    // Each received dossier, marked when it is in the numerator too (R3-4 was refused in April).
    expect(ids(den)).toEqual([["R3-1", "RETURNED", null, true], ["R3-2", "RETURNED", null, true], ["R3-3", "RECEIVED_IN_PERIOD", null, false], ["R3-4", "RECEIVED_IN_PERIOD", null, false]]);
    expect(await card("dn-2026.1", STP, "2024-03", "R3")).toEqual([2, 4]);
  });

  it("R3 under dn-2026.2: the returns Home Affairs marked improper (1: R3-3's mark counts nowhere) over the returns (2)", async () => {
    const num = await list("dn-2026.2", STP, "2024-03", "R3", "numerator");
    expect(ids(num)).toEqual([["R3-1", "RETURN_MARKED_IMPROPER", null, null]]);
    const den = await list("dn-2026.2", STP, "2024-03", "R3", "denominator");
    expect(ids(den)).toEqual([["R3-1", "RETURN_MARKED_IMPROPER", null, true], ["R3-2", "RETURNED", null, false]]);
    expect([num.total, den.total]).toEqual(await card("dn-2026.2", STP, "2024-03", "R3"));
    expect(den.records[0]).toMatchObject({ kind: "dossier", status: "EARLY", returnedAt: "2024-03-05T03:00:00.000Z" });
  });

  it("R5 and R5D of the consulted unit: on time 1 of 4 answered or overdue (Q4 pending); 2 + 12 + 2 = 16 days late over 3", async () => {
    for (const m of versions) {
      const num = await list(m, SXD, "2024-03", "R5", "numerator");
      expect(ids(num)).toEqual([["R5-1@2024-03-04T03:00:00.000Z", "CONSULTATION_ON_TIME", null, null]]);
      const den = await list(m, SXD, "2024-03", "R5", "denominator");
      // In request order: Q5 (asked in February, answered in March), Q1, Q2, Q3.
      expect(den.records.map((r) => [r.kind === "consultation" ? r.caseId : r.id, r.rule, r.inNumerator])).toEqual([
        ["R5-5", "CONSULTATION_LATE", false],
        ["R5-1", "CONSULTATION_ON_TIME", true],
        ["R5-2", "CONSULTATION_LATE", false],
        ["R5-3", "CONSULTATION_OVERDUE", false],
      ]);
      expect([num.total, den.total]).toEqual(await card(m, SXD, "2024-03", "R5"));
      const days = await list(m, SXD, "2024-03", "R5D", "numerator");
      // Largest first; ties by id.
      expect(days.records.map((r) => [r.kind === "consultation" ? r.caseId : r.id, r.value])).toEqual([["R5-3", 12], ["R5-2", 2], ["R5-5", 2]]);
      expect([days.aggregate, days.total]).toEqual(["sum", 16]);
      expect([days.total, (await list(m, SXD, "2024-03", "R5D", "denominator")).total]).toEqual(await card(m, SXD, "2024-03", "R5D"));
    }
  });

  it("R7: each unit's delay days (BH 1 + 12 = 13, TNMT 3, SCT 4) over the province's 20, the denominator a list of units", async () => {
    for (const m of versions) {
      const bh = await list(m, BH, "2024-03", "R7", "numerator");
      expect(bh.records.map((r) => (r.kind === "charge" ? [r.caseId, r.role, r.days, r.rule] : r.id))).toEqual([["D7-2", "LEAD", 12, "DELAY_LEAD_REMAINDER"], ["D7-1", "LEAD", 1, "DELAY_LEAD_REMAINDER"]]);
      expect(bh.total).toBe(13);
      const tnmt = await list(m, TNMT, "2024-03", "R7", "numerator");
      expect(tnmt.records.map((r) => (r.kind === "charge" ? [r.caseId, r.role, r.days, r.leadUnitId] : r.id))).toEqual([["D7-1", "TRANSFER", 3, BH]]);
      const sct = await list(m, SCT, "2024-03", "R7", "numerator");
      expect(sct.records.map((r) => (r.kind === "charge" ? [r.caseId, r.role, r.days] : r.id))).toEqual([["D7-2", "CONSULTATION", 4]]);
      const den = await list(m, BH, "2024-03", "R7", "denominator");
      expect([den.kind, den.aggregate, den.total]).toEqual(["unit", "sum", 20]);
      expect(ids(den)).toEqual([[BH, "UNIT_OVERRUN", 13, null], [SCT, "UNIT_OVERRUN", 4, null], [TNMT, "UNIT_OVERRUN", 3, null]]);
      for (const [u, n] of [[BH, 13], [TNMT, 3], [SCT, 4]] as const) expect(await card(m, u, "2024-03", "R7")).toEqual([n, 20]);
      // The quarter (the list March was read out of) counts the same: no dossier of January or February is late.
      expect((await list(m, BH, "2024-Q1", "R7", "numerator")).total).toBe(13);
    }
  });

  it("S1: handled or refused on time over those with a verdict — March 1 of 3 (K4, K5 pending); Q1 adds K6: 2 of 4", async () => {
    for (const m of versions) {
      const num = await list(m, SYT, "2024-03", "S1", "numerator");
      expect(ids(num)).toEqual([["K1", "COMPLAINT_ON_TIME", null, null]]);
      const den = await list(m, SYT, "2024-03", "S1", "denominator");
      expect(ids(den)).toEqual([["K1", "COMPLAINT_ON_TIME", null, true], ["K2", "COMPLAINT_LATE", null, false], ["K3", "COMPLAINT_OVERDUE", null, false]]);
      expect([num.total, den.total]).toEqual(await card(m, SYT, "2024-03", "S1"));
      const q1 = [(await list(m, SYT, "2024-Q1", "S1", "numerator")).total, (await list(m, SYT, "2024-Q1", "S1", "denominator")).total];
      expect(q1).toEqual([2, 4]);
      expect(q1).toEqual(await card(m, SYT, "2024-Q1", "S1"));
      // R8's numerator: every complaint received in March (5), its denominator the dossiers SYT received (none).
      expect((await list(m, SYT, "2024-03", "R8", "numerator")).total).toBe(5);
    }
  });

  it("pages a list (the total is of every page) and says when an indicator has no records (D3, entered by Home Affairs)", async () => {
    const p2 = await list("dn-2026.2", SXD, "2024-03", "R5", "denominator", { page: 2, limit: 3 });
    expect([p2.count, p2.total, p2.page, p2.pages, p2.records.length]).toEqual([4, 4, 2, 2, 1]);
    const d3 = await list("dn-2026.2", STP, "2024-03", "D3", "numerator");
    expect(d3).toMatchObject({ computed: false, reason: "MANUAL", total: null, records: [] });
    const r = await readIndicatorList({ ...env.rt.read, methodology: "dn-2026.2" })(STP, "2024-03", { indicator: "NOPE" });
    expect(r.kind).toBe("unknown-indicator");
  });

  it("lists read on request from the kept facts ≡ the lists a staged run writes to the lake (every indicator, both parts, every unit of the fixtures)", async () => {
    const read = { ...env.rt.read, methodology: "dn-2026.2" };
    const pointer = async () => JSON.parse(new TextDecoder().decode((await env.rt.lake.get(drilldownRunKey("dn-2026.2", "2024-Q1")))!)) as DrilldownPointer;
    const m = getMethodology("dn-2026.2");
    const all = async () => {
      const lists = readIndicatorList(read);
      const out: unknown[] = [];
      for (const unit of [STP, KHDT, SXD, BH, TNMT, SCT, SYT])
        for (const period of ["2024-03"]) {
          const progress = await lists(unit, period);
          out.push([unit, period, progress.kind === "ok" ? { ...progress.list, computedAt: null } : progress]);
          out.push([unit, period, await readUnitCases(read)(unit, period)]);
          for (const i of m.indicators)
            for (const part of ["numerator", "denominator"] as const) {
              const r = await lists(unit, period, { indicator: i.code, part });
              out.push([unit, period, i.code, part, r.kind === "ok" ? { ...r.list, computedAt: null } : r]);
            }
        }
      return out;
    };
    // The runs of beforeAll scored over the kept facts: a pointer, no list written.
    expect((await pointer()).kept).toBeDefined();
    expect(await env.rt.lake.list(drilldownPrefix("dn-2026.2", "2024-Q1"))).toEqual([drilldownRunKey("dn-2026.2", "2024-Q1")]);
    const kept = await all();
    // Not vacuous: the lists hold the hand-computed records.
    expect(JSON.stringify(kept)).toContain("R3-1");
    await scorePeriods({ ...env.rt.score, keptFacts: false, methodology: "dn-2026.2", improperReturns: MARKS })(["2024-03", "2024-Q1"].map(parsePeriod));
    expect((await pointer()).kept).toBeUndefined();
    expect(await all()).toEqual(kept);
  });

  it("an end's list holds a unit's dossiers and its records in one folder: the dossier lists read the dossiers only; a list of the previous format is not read", async () => {
    const read = { ...env.rt.read, methodology: "dn-2026.2" };
    // The folders of a staged run (the cloud's route; the previous test wrote them).
    // SXD received no dossier but was consulted: its folder of Q1's list holds consultations only.
    const run = JSON.parse(new TextDecoder().decode((await env.rt.lake.get(drilldownRunKey("dn-2026.2", "2024-Q1")))!)) as DrilldownPointer;
    expect(run.lists).toBe(LIST_FORMAT);
    const sxdRows = await listRows(env.rt.lake, unitListPrefix(drilldownPrefix("dn-2026.2", "2024-Q1"), run.run, SXD), () => true);
    expect(sxdRows.map((r) => r["kind"]).sort()).toEqual(["consultation", "consultation", "consultation", "consultation", "consultation"]);
    const sxd = await readIndicatorList(read)(SXD, "2024-03");
    expect(sxd.kind === "ok" && [sxd.list.kind, sxd.list.total]).toEqual(["dossier", 0]);
    expect(await readUnitCases(read)(SXD, "2024-03")).toEqual([]);
    // KHDT's folder: its five dossiers (no kind), none of SXD's consultations (they are under the consulted unit).
    const khdt = await readIndicatorList(read)(KHDT, "2024-03");
    expect(khdt.kind === "ok" && khdt.list.records.map((r) => r.id)).toEqual(["R5-5", "R5-1", "R5-2", "R5-3", "R5-4"]);
    expect((await readUnitCases(read)(KHDT, "2024-03"))?.map((c) => c.caseId).sort()).toEqual(["R5-1", "R5-2", "R5-3", "R5-4", "R5-5"]);
    // A pointer of the previous format (the records in a folder of their own): no indicator list until the period is scored again.
    const key = drilldownRunKey("dn-2026.2", "2024-Q1");
    const body = (await env.rt.lake.get(key))!;
    await env.rt.lake.put(key, JSON.stringify({ ...run, lists: 2 }));
    try {
      expect((await readIndicatorList(read)(STP, "2024-03", { indicator: "R3", part: "numerator" })).kind).toBe("not-found");
    } finally {
      await env.rt.lake.put(key, body);
    }
  });
});
