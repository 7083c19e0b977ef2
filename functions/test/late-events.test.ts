/**
 * Late events (reliability test 27, functions/src/use-cases/scored-inputs.ts): an event that
 * arrives after its period was scored makes the scheduled run score that period, and every later
 * scored period whose facts it reaches, again. The draft moves; a published version is never
 * replaced (the ranking says the draft differs, and Home Affairs publishes a new version).
 */
import { frozenSnapshot } from "../src/use-cases/publish/published-rankings.js";
import { parsePeriod } from "@scorecard/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { compactRecords } from "../src/adapters/local/duckdb-record-compactor.js";
import { startScheduler } from "../src/local/scheduler.js";
import { publishPeriod } from "../src/use-cases/admin/publish.js";
import { ingestEvents } from "../src/use-cases/ingest/ingest-events.js";
import { ingestRecords } from "../src/use-cases/ingest/ingest-records.js";
import { readPublicRanking, readRanking } from "../src/use-cases/read/read-rankings.js";
import { scorePeriods } from "../src/use-cases/score/score-period.js";
import { readScoredInputs, stalePeriods, withStale } from "../src/use-cases/score/scored-inputs.js";
import { CaseBuilder } from "./support/events.js";
import { tempRuntime } from "./support/temp-runtime.js";

const UNIT = "DEPT-STP-2020";
const HA = { sub: "ha-test", role: "home-affairs" as const };

describe("late events: the periods they reach are scored again", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  // Received 04/03/2024, due 08/03: open at the end of March (OVERDUE) until its late RESOLVED (20/03) arrives.
  const open = new CaseBuilder("LATE-1", UNIT).received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-20T10:00:00").build();
  const early = new CaseBuilder("LATE-2", UNIT).received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-05T10:00:00").build();
  const may = new CaseBuilder("LATE-3", UNIT).received("2024-05-06T09:00:00", "2024-05-10T17:00:00").resolved("2024-05-07T10:00:00").build();
  /**
   * The unit's March counts: in the draft, or in the published version (its exact frozen body: the
   * public route withholds counts of 1–4, docs/suppression.md), with what the public route says of the draft.
   */
  const marchCounts = async (read: "draft" | "published") => {
    const draftView = await readRanking(env.rt.read)("2024-03", "DEPARTMENT");
    const publicView = await readPublicRanking(env.rt.read)("2024-03", "DEPARTMENT");
    const header = await env.rt.read.publications?.latest(env.rt.read.methodology, "2024-03");
    const view = read === "draft" ? draftView : header && env.rt.read.publications ? await frozenSnapshot(env.rt.read.publications, header, "DEPARTMENT") : undefined;
    return { counts: view?.units.find((u) => u.unitId === UNIT)?.counts, draftDiffers: publicView?.publication.draftDiffers };
  };

  beforeAll(async () => {
    env = await tempRuntime();
    expect((await ingestEvents(env.rt.ingest)([open[0], ...early])).accepted).toBe(3);
    await compactLake(env.rt.engine, env.rt.lake.root);
    await scorePeriods(env.rt.score)(["2024-03", "2024-Q1", "2024-04"].map(parsePeriod));
    await publishPeriod(env.rt.admin)(HA, "2024-03");
  }, 120_000);
  afterAll(async () => {
    await env.dispose();
  });

  /** The recorded inputs without the catalog digest (no catalog in this lake: the same for every period). */
  const recorded = async () => Object.fromEntries(Object.entries(await readScoredInputs(env.rt.lake, env.rt.score.methodology)).map(([id, v]) => [id, v.replace(/;catalog=[0-9a-f]{16}$/, "")]));
  const NO_COMPLAINTS = "complaints=0,0,0,0,0,0,0";
  it("records what each scored period was scored on: the events and complaints of the months up to its end, the catalog valid in it", async () => {
    expect(Object.values(await readScoredInputs(env.rt.lake, env.rt.score.methodology)).every((v) => /;catalog=[0-9a-f]{16}$/.test(v))).toBe(true);
    expect(await recorded()).toEqual({
      "2024-03": `events=3;${NO_COMPLAINTS}`,
      "2024-04": `events=3;${NO_COMPLAINTS}`,
      "2024-Q1": `events=3;${NO_COMPLAINTS}`,
    });
    expect(await stalePeriods(env.rt.score)).toEqual([]);
    expect(await marchCounts("published")).toMatchObject({ counts: { EARLY: 1, OVERDUE: 1 }, draftDiffers: false });
  });

  it("finds the periods a late event reaches, and not those an event after their end cannot", async () => {
    expect((await ingestEvents(env.rt.ingest)([...may])).accepted).toBe(2);
    await compactLake(env.rt.engine, env.rt.lake.root);
    expect(await stalePeriods(env.rt.score)).toEqual([]);
    expect((await ingestEvents(env.rt.ingest)([open[1]])).accepted).toBe(1);
    await compactLake(env.rt.engine, env.rt.lake.root);
    expect((await stalePeriods(env.rt.score)).map((p) => p.id)).toEqual(["2024-04", "2024-Q1", "2024-03"]);
    // A duplicate of an event already in adds no row: nothing more is stale.
    expect((await ingestEvents(env.rt.ingest)([open[1]])).duplicates).toBe(1);
  });

  it("the scheduler scores them again: the draft moves, the published version stays and says the draft differs", async () => {
    const scheduler = startScheduler(env.rt, { intervalMs: 3_600_000, log: () => undefined });
    try {
      // Another raw object, so that the tick runs (it does nothing when no raw data arrived).
      const late = new CaseBuilder("LATE-4", UNIT).received("2024-02-05T09:00:00", "2024-02-09T17:00:00").build();
      await scheduler.ready;
      expect((await ingestEvents(env.rt.ingest)(late)).accepted).toBe(1);
      await scheduler.tick();
    } finally {
      scheduler.stop();
    }
    expect(await stalePeriods(env.rt.score)).toEqual([]);
    // LATE-1 resolved 20/03 after its due date: LATE, no longer OVERDUE; LATE-4 (February, open, due 09/02) is carried over: OVERDUE.
    expect(await marchCounts("draft")).toMatchObject({ counts: { EARLY: 1, LATE: 1, OVERDUE: 1 }, draftDiffers: true });
    expect(await marchCounts("published")).toMatchObject({ counts: { EARLY: 1, OVERDUE: 1 }, draftDiffers: true });
    expect(await recorded()).toMatchObject({
      "2024-03": `events=5;${NO_COMPLAINTS}`,
      "2024-Q1": `events=5;${NO_COMPLAINTS}`,
      "2024-04": `events=5;${NO_COMPLAINTS}`,
    });
  }, 120_000);

  it("a complaint received in a scored period, or a later state of it, makes the period stale; one received after its end does not", async () => {
    // The scheduler's run above also scored today's periods, which read every month: stale with any change.
    const stale = async () => (await stalePeriods(env.rt.score)).map((p) => p.id);
    const of2024 = async () => (await stale()).filter((id) => id.startsWith("2024"));
    const rescore = async () => {
      await scorePeriods(env.rt.score)((await stalePeriods(env.rt.score)));
      expect(await stale()).toEqual([]);
    };
    const complaint = { complaintId: "K-LATE", source: "HOTLINE_1022", unitId: UNIT, receivedAt: "2024-04-10T09:00:00+07:00" };
    const post = async (c: object) => {
      expect((await ingestRecords(env.rt.ingest, "complaints")([c])).accepted).toBe(1);
      await compactRecords(env.rt.engine, env.rt.lake.root);
    };
    await post(complaint);
    expect(await of2024()).toEqual(["2024-04"]);
    expect((await stale()).length).toBeGreaterThan(1);
    await rescore();
    // Accepted later: the same complaint, a later state.
    await post({ ...complaint, acceptedAt: "2024-04-11T09:00:00+07:00" });
    expect(await of2024()).toEqual(["2024-04"]);
    await rescore();
    // Received in May (local time, though still 30 April in UTC): no 2024 period scored here reads it.
    await post({ ...complaint, complaintId: "K-MAY", receivedAt: "2024-05-01T03:00:00+07:00" });
    expect(await of2024()).toEqual([]);
    expect((await stale()).length).toBeGreaterThan(0);
  }, 120_000);

  it("a catalog version valid in a scored period makes it stale; one valid only after it does not", async () => {
    const stale = async () => (await stalePeriods(env.rt.score)).map((p) => p.id);
    const of2024 = async () => (await stale()).filter((id) => id.startsWith("2024"));
    const post = async (code: string, validFrom: string) => {
      const procedure = { code, nameVi: `Thủ tục ${code}`, field: "LAND", tier: "DEPARTMENT", onlineLevel: "FULL", feeBearing: true, resultRequired: true, validFrom };
      expect((await ingestRecords(env.rt.ingest, "procedures")([procedure])).accepted).toBe(1);
      await compactRecords(env.rt.engine, env.rt.lake.root);
    };
    await scorePeriods(env.rt.score)(await stalePeriods(env.rt.score));
    await post("9.001", "2025-01-01");
    expect(await of2024()).toEqual([]);
    await scorePeriods(env.rt.score)(await stalePeriods(env.rt.score));
    await post("9.002", "2024-02-01");
    expect(await of2024()).toEqual(["2024-04", "2024-Q1", "2024-03"]);
  }, 120_000);

  it("keeps the scheduled periods first and caps a run", () => {
    const [a, b, c] = ["2026-11", "2024-03", "2024-Q1"].map(parsePeriod) as [ReturnType<typeof parsePeriod>, ReturnType<typeof parsePeriod>, ReturnType<typeof parsePeriod>];
    expect(withStale([a], [b, a, c]).map((p) => p.id)).toEqual(["2026-11", "2024-03", "2024-Q1"]);
    expect(withStale([a], [b, c], 2).map((p) => p.id)).toEqual(["2026-11", "2024-03"]);
    expect(withStale([a, b, c], [], 2).map((p) => p.id)).toEqual(["2026-11", "2024-03", "2024-Q1"]);
  });
  it("a stop asked for during a scheduled run waits for it, and the run ends before its next period (the engine closes only then)", async () => {
    const logs: string[] = [];
    let stop: (() => Promise<void>) | undefined;
    let stopped: Promise<void> | undefined;
    let asked: () => void = () => undefined;
    const stopAsked = new Promise<void>((ok) => (asked = ok));
    // The stop is asked for while the run stores its first period's drafts.
    const snapshots = Object.create(env.rt.score.snapshots) as typeof env.rt.score.snapshots;
    let drafts = 0;
    snapshots.putDraft = async (s) => {
      drafts++;
      if (stopped === undefined && stop) {
        stopped = stop();
        asked();
      }
      return env.rt.score.snapshots.putDraft(s);
    };
    const view = Object.create(env.rt) as typeof env.rt;
    Object.defineProperty(view, "score", { value: { ...env.rt.score, snapshots } });
    const scheduler = startScheduler(view, { intervalMs: 3_600_000, log: (l) => logs.push(l) });
    stop = scheduler.stop;
    await scheduler.ready;
    // A late March event: March, Q1 and April are stale, after today's periods.
    expect((await ingestEvents(env.rt.ingest)(new CaseBuilder("LATE-5", UNIT).received("2024-03-11T09:00:00", "2024-03-15T17:00:00").build())).accepted).toBe(1);
    let ended = false;
    const tick = scheduler.tick().then(() => {
      ended = true;
    });
    await stopAsked;
    expect(ended).toBe(false);
    // The stop resolves only once the tick in flight has ended.
    await stopped;
    expect(ended).toBe(true);
    await tick;
    // One period's drafts (the first period's tiers), none of the next.
    const firstPeriodTiers = drafts;
    expect(firstPeriodTiers).toBeGreaterThan(0);
    expect(firstPeriodTiers).toBeLessThanOrEqual(4);
    // Stopped, not failed: nothing logged; the periods after the first are still stale; no tick after a stop.
    expect(logs).toEqual([]);
    expect((await stalePeriods(env.rt.score)).map((p) => p.id)).toEqual(expect.arrayContaining(["2024-03", "2024-Q1", "2024-04"]));
    await scheduler.tick();
    expect(logs).toEqual([]);
    // The next start's scheduler (no new raw data since) redoes the stopped run's periods at its first tick.
    const next = startScheduler(env.rt, { intervalMs: 3_600_000, log: (l) => logs.push(l) });
    try {
      await next.ready;
      await next.tick();
    } finally {
      await next.stop();
    }
    expect(logs).toEqual([expect.stringMatching(/re-scored the current periods and .*2024-03/)]);
    expect(await stalePeriods(env.rt.score)).toEqual([]);
  }, 120_000);
});
