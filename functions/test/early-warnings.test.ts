/**
 * Early warnings that are true (issue 20, item 7): each rule of the live state, through the real
 * event store on dynalite (the index items as stored) and the use case, with the expected values
 * computed by hand in the comments. March 2024 has no public holiday: Mon 4, Tue 5 … Fri 8,
 * Mon 11 … Fri 15 are working days. Local time is UTC+7 (17:00 local = 10:00Z).
 */
import { caseEventSchema, type StoredCaseEvent, UnitCatalog } from "@scorecard/shared";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DynamoDbEventStore } from "../src/adapters/dynamodb/dynamodb-event-store.js";
import { backfillOpenCaseIndex } from "../src/adapters/dynamodb/open-case-index-backfill.js";
import { LocalRuntime, TABLE_NAME } from "../src/local/runtime.js";
import { earlyWarnings } from "../src/use-cases/read/early-warnings.js";
import { toStoredEvent } from "../src/use-cases/ingest/pseudonymise.js";
import { CaseBuilder } from "./support/events.js";
import { tempRuntime } from "./support/temp-runtime.js";

const stored = (b: CaseBuilder): StoredCaseEvent[] => b.build().map((e) => toStoredEvent(caseEventSchema.parse(e), { pseudonym: (v) => `p-${v}` }));
const local = (s: string) => new Date(`${s}+07:00`);

describe("Early warnings from the live open-case index (hand-computed, dynalite)", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let store: DynamoDbEventStore;
  /** Store a batch and re-derive its cases (the runtime's outbox drain, run here in step). */
  const put = async (events: readonly StoredCaseEvent[]) => {
    await store.putEvents(events);
    await store.drainOutbox();
  };
  let now = local("2024-03-12T10:00:00");
  const warnings = () => earlyWarnings({ openCases: store, clock: { now: () => now }, catalog: new UnitCatalog() });
  const at = async (when: string, unitId: string) => {
    now = local(when);
    return warnings()(unitId);
  };
  const ids = (rows: readonly { caseId: string }[]) => rows.map((r) => r.caseId);

  beforeAll(async () => {
    env = await tempRuntime();
    store = env.rt.ingest.store as DynamoDbEventStore;
  });
  afterAll(() => env.dispose());

  it("a paused dossier is neither overdue nor due soon: listed apart until the supplement arrives", async () => {
    // Due Fri 8 March 17:00; the supplement asked for on Wed 6 has not arrived by Tue 12: the clock stopped on Wed 6.
    await put(stored(new CaseBuilder("W-PAUSED", "DIST-732").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").supplementRequested("2024-03-06T09:00:00")));
    const w = await at("2024-03-12T10:00:00", "DIST-732");
    expect([ids(w.overdue), ids(w.dueSoon), ids(w.paused)]).toEqual([[], [], ["W-PAUSED"]]);
    expect(w.paused[0]).toMatchObject({ role: "HOLDER", pausedSince: "2024-03-06T02:00:00.000Z", dueAt: "2024-03-08T10:00:00.000Z", daysLate: 0, supplementRequests: 1 });
  });

  it("a resumed dossier's due date moves by the pause in calendar time (facts rule 7), not in working days", async () => {
    // Due Fri 8 March 17:00. Paused Mon 4 10:00 → Tue 5 10:00: 24 h. Effective due = Sat 9 March 17:00 (= 10:00Z).
    // (Shifted by working days it would have been Mon 11: the facts add the pause's length.)
    await put(
      stored(new CaseBuilder("W-RESUMED", "DIST-734").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").supplementRequested("2024-03-04T10:00:00").supplementReceived("2024-03-05T10:00:00")),
    );
    // Fri 8 18:00: past the legal due date, but not the effective one → due soon (until the end of Tue 12: Fri + 2 working days).
    const fri = await at("2024-03-08T18:00:00", "DIST-734");
    expect([ids(fri.overdue), ids(fri.dueSoon), ids(fri.paused)]).toEqual([[], ["W-RESUMED"], []]);
    expect(fri.dueSoon[0]).toMatchObject({ dueAt: "2024-03-09T10:00:00.000Z", caseDueAt: "2024-03-09T10:00:00.000Z", dueRule: "CASE_DUE", pausedSince: null });
    expect(fri.dueSoonUntil).toBe("2024-03-12T17:00:00.000Z"); // midnight after Tue 12, local
    // Mon 11 09:00: overdue by 1 working day (the working days after Sat 9 up to Mon 11: Mon 11).
    const mon = await at("2024-03-11T09:00:00", "DIST-734");
    expect(ids(mon.overdue)).toEqual(["W-RESUMED"]);
    expect(mon.overdue[0]?.daysLate).toBe(1);
  });

  it("a transferred dossier warns its current holder against the earlier of its step due date and the dossier's, and not the previous holder", async () => {
    // Received by DIST-735 (due Fri 15), given to DEPT-STC-2020 on Tue 5 with a step due on Fri 8 17:00.
    await put(stored(new CaseBuilder("W-TRANSFER", "DIST-735").received("2024-03-04T09:00:00", "2024-03-15T17:00:00").transferred("2024-03-05T09:00:00", "DEPT-STC-2020", "2024-03-08T17:00:00")));
    // Received by DIST-736 (due Fri 8), given to DEPT-SYT-2020 with a step due on Wed 13: the dossier's due date comes first.
    await put(stored(new CaseBuilder("W-TRANSFER2", "DIST-736").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").transferred("2024-03-05T09:00:00", "DEPT-SYT-2020", "2024-03-13T17:00:00")));
    const holder = await at("2024-03-11T09:00:00", "DEPT-STC-2020");
    expect(ids(holder.overdue)).toEqual(["W-TRANSFER"]);
    // Overdue since Fri 8 17:00: 1 working day late on Mon 11.
    expect(holder.overdue[0]).toMatchObject({ role: "HOLDER", leadUnitId: "DIST-735", dueAt: "2024-03-08T10:00:00.000Z", dueRule: "STEP_DUE", caseDueAt: "2024-03-15T10:00:00.000Z", heldSince: "2024-03-05T02:00:00.000Z", daysLate: 1 });
    const previous = await at("2024-03-11T09:00:00", "DIST-735");
    expect([ids(previous.overdue), ids(previous.dueSoon), ids(previous.paused)]).toEqual([[], [], []]);
    const second = await at("2024-03-11T09:00:00", "DEPT-SYT-2020");
    expect(second.overdue.map((r) => [r.caseId, r.dueAt, r.dueRule])).toEqual([["W-TRANSFER2", "2024-03-08T10:00:00.000Z", "CASE_DUE"]]);
    expect(ids((await at("2024-03-11T09:00:00", "DIST-736")).overdue)).toEqual([]);
  });

  it("a pending consultation warns both units, each with its due time; the lead keeps the dossier's due date", async () => {
    // DIST-737 receives (due Fri 15) and consults VERT-BHXH-2020 on Tue 5, step due Thu 7 17:00.
    await put(stored(new CaseBuilder("W-CONSULT", "DIST-737").received("2024-03-04T09:00:00", "2024-03-15T17:00:00").consultRequested("2024-03-05T09:00:00", "VERT-BHXH-2020", "2024-03-07T17:00:00")));
    // Wed 6 10:00: due soon = before the end of Fri 8 (Wed + 2 working days) = 2024-03-08T17:00Z.
    const consulted = await at("2024-03-06T10:00:00", "VERT-BHXH-2020");
    expect(consulted.dueSoonUntil).toBe("2024-03-08T17:00:00.000Z");
    expect(consulted.dueSoon.map((r) => [r.caseId, r.role, r.dueAt, r.dueRule, r.leadUnitId])).toEqual([["W-CONSULT", "CONSULTED", "2024-03-07T10:00:00.000Z", "STEP_DUE", "DIST-737"]]);
    expect(consulted.consultations).toEqual([
      { caseId: "W-CONSULT", side: "TO_ANSWER", requestedBy: "DIST-737", consultedUnitId: "VERT-BHXH-2020", requestedAt: "2024-03-05T02:00:00.000Z", stepDueAt: "2024-03-07T10:00:00.000Z", overdue: false },
    ]);
    const lead = await at("2024-03-06T10:00:00", "DIST-737");
    // The lead's own due date (Fri 15) is not due soon, but the consultation it waits for is listed with its step due time.
    expect([ids(lead.overdue), ids(lead.dueSoon)]).toEqual([[], []]);
    expect(lead.consultations).toEqual([
      { caseId: "W-CONSULT", side: "AWAITING", requestedBy: "DIST-737", consultedUnitId: "VERT-BHXH-2020", requestedAt: "2024-03-05T02:00:00.000Z", stepDueAt: "2024-03-07T10:00:00.000Z", overdue: false },
    ]);
    // Fri 8 09:00: the consulted unit is 1 working day late (Fri 8 after Thu 7); the lead sees the consultation overdue.
    const late = await at("2024-03-08T09:00:00", "VERT-BHXH-2020");
    expect(late.overdue.map((r) => [r.caseId, r.daysLate])).toEqual([["W-CONSULT", 1]]);
    expect((await at("2024-03-08T09:00:00", "DIST-737")).consultations.map((c) => [c.side, c.overdue])).toEqual([["AWAITING", true]]);
    // Wed 13 10:00: the lead's dossier (due Fri 15 17:00) is now due soon, with the pending consultation on its row.
    const leadRow = (await at("2024-03-13T10:00:00", "DIST-737")).dueSoon[0];
    expect(leadRow).toMatchObject({ caseId: "W-CONSULT", role: "HOLDER", dueAt: "2024-03-15T10:00:00.000Z", consultations: [{ consultedUnitId: "VERT-BHXH-2020", stepDueAt: "2024-03-07T10:00:00.000Z" }] });
  });

  it("an answered consultation no longer warns the consulted unit, nor shows on the lead's side", async () => {
    await put(
      stored(
        new CaseBuilder("W-ANSWERED", "DIST-738")
          .received("2024-03-04T09:00:00", "2024-03-15T17:00:00")
          .consultRequested("2024-03-05T09:00:00", "VERT-CONGAN-2020", "2024-03-07T17:00:00")
          .consultAnswered("2024-03-07T15:00:00", "VERT-CONGAN-2020"),
      ),
    );
    const consulted = await at("2024-03-08T09:00:00", "VERT-CONGAN-2020");
    expect([ids(consulted.overdue), ids(consulted.dueSoon), consulted.consultations]).toEqual([[], [], []]);
    expect((await at("2024-03-08T09:00:00", "DIST-738")).consultations).toEqual([]);
  });

  it("more than one supplement request makes the dossier late from the second request, whatever the dates (facts rule 8)", async () => {
    // Due Fri 15; asked Tue 5, supplied Wed 6, asked again Thu 7 09:00 (= 02:00Z): overdue since then, not paused.
    await put(
      stored(
        new CaseBuilder("W-TWICE", "DIST-739")
          .received("2024-03-04T09:00:00", "2024-03-15T17:00:00")
          .supplementRequested("2024-03-05T09:00:00")
          .supplementReceived("2024-03-06T09:00:00")
          .supplementRequested("2024-03-07T09:00:00"),
      ),
    );
    const w = await at("2024-03-08T10:00:00", "DIST-739");
    expect([ids(w.overdue), ids(w.paused)]).toEqual([["W-TWICE"], []]);
    // 1 working day after Thu 7: Fri 8.
    expect(w.overdue[0]).toMatchObject({ dueAt: "2024-03-07T02:00:00.000Z", dueRule: "REPEATED_SUPPLEMENT", supplementRequests: 2, daysLate: 1 });
  });

  it("the index does not depend on the order or the repetition of the batches (the transfer's events in reverse, one by one, twice)", async () => {
    const events = stored(
      new CaseBuilder("W-ORDER", "DIST-740")
        .received("2024-03-04T09:00:00", "2024-03-15T17:00:00")
        .transferred("2024-03-05T09:00:00", "DEPT-STP-2020", "2024-03-08T17:00:00")
        .consultRequested("2024-03-06T09:00:00", "VERT-THUE-2020", "2024-03-07T17:00:00", "DEPT-STP-2020"),
    );
    for (const e of [...events].reverse()) await put([e]);
    await put(events);
    const holder = await at("2024-03-11T09:00:00", "DEPT-STP-2020");
    expect(holder.overdue.map((r) => [r.caseId, r.role, r.dueAt])).toEqual([["W-ORDER", "HOLDER", "2024-03-08T10:00:00.000Z"]]);
    expect((await at("2024-03-11T09:00:00", "VERT-THUE-2020")).overdue.map((r) => [r.caseId, r.role, r.dueAt])).toEqual([["W-ORDER", "CONSULTED", "2024-03-07T10:00:00.000Z"]]);
    expect(ids((await at("2024-03-11T09:00:00", "DIST-740")).overdue)).toEqual([]);
  });

});

describe("A data folder seeded before the index had one item per holding unit", () => {
  it("reads an old-layout state item as the receiving unit's row, and the next start re-derives it once", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "scorecard-backfill-"));
    const clock = { now: () => local("2024-03-12T10:00:00") };
    const warningsOf = (rt: LocalRuntime) => earlyWarnings({ openCases: rt.ingest.store as DynamoDbEventStore, clock, catalog: rt.catalog });
    const docClient = (rt: LocalRuntime) => DynamoDBDocumentClient.from((rt as unknown as { dynamo: { client: DynamoDBClient } }).dynamo.client);
    try {
      // What the previous version left for a paused dossier: its events (guards and case copies), and the state item itself in OPEN#<unit> by due date; no marker.
      let rt = await LocalRuntime.start({ dataDir, clock });
      const db = docClient(rt);
      const events = stored(new CaseBuilder("W-OLD", "DIST-741").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").supplementRequested("2024-03-06T09:00:00"));
      for (const e of events) {
        await db.send(new PutCommand({ TableName: TABLE_NAME, Item: { pk: `EVT#${e.eventId}`, sk: "EVT", caseId: e.caseId, hash: "h", event: e } }));
        await db.send(new PutCommand({ TableName: TABLE_NAME, Item: { pk: `CASE#${e.caseId}`, sk: `EVT#${e.eventId}`, event: e } }));
      }
      await db.send(
        new PutCommand({
          TableName: TABLE_NAME,
          Item: { pk: "CASE#W-OLD", sk: "STATE", caseId: "W-OLD", unitId: "DIST-741", procedureCode: "1.000894", field: "CIVIL_STATUS", receivedAt: "2024-03-04T02:00:00.000Z", dueAt: "2024-03-08T10:00:00.000Z", open: true, lastEventAt: "2024-03-06T02:00:00.000Z", eventCount: 2, gsi1pk: "OPEN#DIST-741", gsi1sk: "2024-03-08T10:00:00.000Z#W-OLD" },
        }),
      );
      await db.send(new DeleteCommand({ TableName: TABLE_NAME, Key: { pk: "MIGRATION#open-case-index", sk: "DONE" } }));
      // …nor did it list each case's eventIds (the case copies above are its layout).
      await db.send(new DeleteCommand({ TableName: TABLE_NAME, Key: { pk: "MIGRATION#case-event-lists", sk: "DONE" } }));
      // Until the backfill: read as it was written (the old layout knew no pause, so: overdue).
      const before = await warningsOf(rt)("DIST-741");
      expect([before.overdue.map((r) => [r.caseId, r.role, r.dueAt]), before.paused]).toEqual([[["W-OLD", "HOLDER", "2024-03-08T10:00:00.000Z"]], []]);
      await rt.stop();

      rt = await LocalRuntime.start({ dataDir, clock });
      const after = await warningsOf(rt)("DIST-741");
      expect([after.overdue, after.paused.map((r) => [r.caseId, r.pausedSince])]).toEqual([[], [["W-OLD", "2024-03-06T02:00:00.000Z"]]]);
      expect(await (rt.ingest.store as DynamoDbEventStore).caseState("W-OLD")).toMatchObject({ supplementRequests: 1, openSupplementRequestAt: "2024-03-06T02:00:00.000Z" });
      const marker = await docClient(rt).send(new GetCommand({ TableName: TABLE_NAME, Key: { pk: "MIGRATION#open-case-index", sk: "DONE" } }));
      expect(marker.Item).toMatchObject({ updated: 1 });
      // The case copies became the case's list (and were removed): the timeline reads both events from their guards.
      expect((await docClient(rt).send(new GetCommand({ TableName: TABLE_NAME, Key: { pk: "MIGRATION#case-event-lists", sk: "DONE" } }))).Item).toMatchObject({ linked: 2 });
      expect((await rt.ingest.store.caseEvents("W-OLD")).map((e) => e.eventId).sort()).toEqual(events.map((e) => e.eventId).sort());
      expect((await docClient(rt).send(new GetCommand({ TableName: TABLE_NAME, Key: { pk: "CASE#W-OLD", sk: `EVT#${events[0]?.eventId}` } }))).Item).toBeUndefined();
      expect(await backfillOpenCaseIndex(docClient(rt), TABLE_NAME, rt.ingest.store as DynamoDbEventStore)).toBe(0); // once per folder
      await rt.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
