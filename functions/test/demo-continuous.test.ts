/**
 * The demo is continuous up to the day it is generated (issue 19, item 4): with the runtime's clock
 * fixed, the history runs from 2024-01-01 to the day before the live tail, the tail is the last 30
 * days before today, every month up to the current one has dossiers, no day is generated twice and
 * none is missing, no event is repeated, and the same seed at the same instant gives the same events.
 */
import { createHash } from "node:crypto";
import { type CaseEventInput, UnitCatalog, WorkingCalendar, localDateOf } from "@scorecard/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeedPlan, DemoProvince, LIVE_TAIL_DAYS, PRESETS, addDays, seedPlan } from "../src/seed/generator.js";
import { type LoadReport, loadPreset, seedPeriods } from "../src/local/seed.js";
import { tempRuntime } from "./support/temp-runtime.js";

const NOW = new Date("2026-12-07T10:00:00+07:00");
const SEED = 2024;

interface Generated {
  readonly plan: SeedPlan;
  readonly history: CaseEventInput[];
  readonly tail: CaseEventInput[];
  /** Reception day of each dossier, by side. */
  readonly historyDays: Set<string>;
  readonly tailDays: Set<string>;
  readonly months: Map<string, number>;
}

/** The demo as loadPreset generates it at `now`: one stream split into history and live tail. */
function generate(now: Date, seed = SEED): Generated {
  const plan = seedPlan("demo", now);
  if (!plan.tail) throw new Error("the demo has a live tail by default");
  const province = new DemoProvince({ seed, from: plan.from, to: plan.to, scale: plan.scale, asOf: plan.asOf });
  const tail: CaseEventInput[] = [];
  const historyDays = new Set<string>();
  const tailDays = new Set<string>();
  const months = new Map<string, number>();
  const history = [
    ...province.history(plan.tail.from, tail, (d, inTail) => {
      const day = d.receivedAt.slice(0, 10);
      (inTail ? tailDays : historyDays).add(day);
      months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + 1);
    }),
  ];
  return { plan, history, tail, historyDays, tailDays, months };
}

const digest = (events: readonly CaseEventInput[]) => createHash("sha256").update(events.map((e) => JSON.stringify(e)).join("\n")).digest("hex");
const monthsBetween = (from: string, to: string) => {
  const out: string[] = [];
  for (let [y, m] = from.split("-").map(Number) as [number, number]; `${y}-${String(m).padStart(2, "0")}` <= to; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
  }
  return out;
};

describe("the demo province generated on 2026-12-07 10:00 (Viet Nam time)", () => {
  let g: Generated;
  beforeAll(() => {
    g = generate(NOW);
  }, 60_000);

  it("plans history 2024-01-01 → 2026-11-06 and the live tail 2026-11-07 → 2026-12-06 (the last 30 days), every event up to now", () => {
    expect(g.plan).toEqual({
      from: "2024-01-01",
      to: "2026-12-06",
      scale: PRESETS.demo.scale,
      asOf: NOW.toISOString(),
      tail: { from: "2026-11-07", to: "2026-12-06", sameStream: true },
      dataEnd: NOW.toISOString(),
    });
    expect(LIVE_TAIL_DAYS).toBe(30);
    // The history ends the day before the tail begins; the tail ends yesterday.
    expect(addDays(g.plan.tail?.from ?? "", -1)).toBe("2026-11-06");
    expect(g.plan.to).toBe(addDays(localDateOf(NOW), -1));
  });

  it("has dossiers received in every month from 2024-01 to 2026-12, and every working day of the range, each on one side only", () => {
    expect([...g.months.keys()].sort()).toEqual(monthsBetween("2024-01", "2026-12"));
    for (const [month, n] of g.months) expect(n, month).toBeGreaterThan(month === "2026-12" ? 50 : 400);
    const cal = new WorkingCalendar();
    const working = (from: string, to: string) => {
      const out: string[] = [];
      for (let d = from; d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) out.push(d);
      return out;
    };
    // No hole: every working day has dossiers; no double: each day is history or tail, never both.
    expect([...g.historyDays].sort()).toEqual(working("2024-01-01", "2026-11-06"));
    expect([...g.tailDays].sort()).toEqual(working("2026-11-07", "2026-12-06"));
  });

  it("splits by dossier: the tail holds exactly the dossiers received in its 30 days, and no eventId repeats", () => {
    const received = (events: readonly CaseEventInput[]) => events.filter((e) => e.type === "RECEIVED").map((e) => e.occurredAt.slice(0, 10));
    expect(received(g.history).every((d) => d >= "2024-01-01" && d <= "2026-11-06")).toBe(true);
    expect(received(g.tail).every((d) => d >= "2026-11-07" && d <= "2026-12-06")).toBe(true);
    const historyCases = new Set(g.history.map((e) => e.caseId));
    expect(g.tail.filter((e) => historyCases.has(e.caseId))).toEqual([]);
    const ids = [...g.history, ...g.tail].map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(g.tail.length).toBeGreaterThan(1000);
  });

  it("carries the history's dossiers on after the tail begins (no dossier cut at the split), and nothing after now", () => {
    const now = NOW.getTime();
    expect([...g.history, ...g.tail].every((e) => Date.parse(e.occurredAt) <= now)).toBe(true);
    // A dossier received in October is resolved in November as in any other month.
    const late = g.history.filter((e) => e.type === "RESOLVED" && e.occurredAt >= "2026-11-07");
    expect(late.length).toBeGreaterThan(100);
    // Dossiers received by the end of September are all finished by now, bar those stopped or still in a supplement.
    const finished = new Set(g.history.filter((e) => ["RESOLVED", "REFUSED", "WITHDRAWN", "STOPPED"].includes(e.type)).map((e) => e.caseId));
    const septemberOpen = g.history.filter((e) => e.type === "RECEIVED" && e.occurredAt.slice(0, 7) === "2026-09" && !finished.has(e.caseId));
    expect(septemberOpen.length).toBeLessThan(10);
  });

  it("posts events after the July 2025 merger under units valid on the event's day (successors), as the API requires", () => {
    const catalog = new UnitCatalog();
    const invalid = [...g.history, ...g.tail].filter((e) => {
      const day = localDateOf(e.occurredAt);
      return !catalog.isValidOn(e.unitId, day) || (e.targetUnitId !== undefined && !catalog.isValidOn(e.targetUnitId, day));
    });
    expect(invalid.slice(0, 3)).toEqual([]);
    const units2026 = new Set(g.history.filter((e) => e.occurredAt >= "2026").map((e) => e.unitId));
    expect(units2026.has("DIST-736")).toBe(false); // districts ended on 30 June 2025
    expect([...units2026].some((u) => u.startsWith("DEPT-SNNMT-"))).toBe(true);
  });

  it("keeps the planted tax-consultation pattern in 2026 (the land department's successor)", () => {
    const asked = new Map<string, CaseEventInput>();
    let land = 0;
    let landLate = 0;
    let others = 0;
    let othersLate = 0;
    for (const e of [...g.history, ...g.tail]) {
      if (e.type === "CONSULT_REQUESTED" && e.targetUnitId?.startsWith("VERT-THUE") && e.occurredAt >= "2026") asked.set(e.caseId, e);
      if (e.type !== "CONSULT_ANSWERED") continue;
      const q = asked.get(e.caseId);
      if (!q?.dueAt) continue;
      const late = Date.parse(e.occurredAt) > Date.parse(q.dueAt);
      if (q.unitId.startsWith("DEPT-SNNMT-")) (land++, late && landLate++);
      else (others++, late && othersLate++);
    }
    expect(land).toBeGreaterThan(100);
    expect(landLate / land).toBeGreaterThan(0.4);
    expect(othersLate / others).toBeLessThan(0.12);
  });

  it("is deterministic: the same seed at the same instant gives the same events; another seed does not", () => {
    const again = generate(NOW);
    expect(digest(again.history)).toBe(digest(g.history));
    expect(digest(again.tail)).toBe(digest(g.tail));
    expect(digest(generate(NOW, SEED + 1).tail)).not.toBe(digest(g.tail));
  }, 60_000);

  it("extends rather than replaces: generated half a year earlier, the 2024–2025 dossiers are the same", () => {
    const earlier = generate(new Date("2026-06-15T10:00:00+07:00"));
    expect(earlier.plan.tail).toEqual({ from: "2026-05-16", to: "2026-06-14", sameStream: true });
    const old = (events: readonly CaseEventInput[]) => events.filter((e) => e.caseId.split("-").at(-2)?.startsWith("24") && e.occurredAt < "2026");
    expect(digest(old(earlier.history))).toBe(digest(old(g.history)));
  }, 60_000);

  it("scores every month, quarter, half-year and year from 2024-01 to the current month", () => {
    const { all, finished, reporting, newestMonth, firstBatch } = seedPeriods(g.plan);
    const ids = new Set(all.map((p) => p.id));
    const expected = monthsBetween("2024-01", "2026-12");
    for (const y of [2024, 2025, 2026]) expected.push(`${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`, `${y}-H1`, `${y}-H2`, `${y}`);
    expect([...ids].sort()).toEqual(expected.sort());
    expect(newestMonth?.id).toBe("2026-12");
    expect(firstBatch.map((p) => p.id)).toEqual(expect.arrayContaining(["2026-12", "2026-Q4", "2026-H2", "2026"]));
    // Demo general criteria: every half-year and year; reform inputs: the finished ones.
    expect(reporting.map((p) => p.id)).toEqual(["2024-H1", "2024-H2", "2024", "2025-H1", "2025-H2", "2025", "2026-H1", "2026-H2", "2026"]);
    expect(finished.map((p) => p.id)).toEqual(["2024-H1", "2024-H2", "2024", "2025-H1", "2025-H2", "2025", "2026-H1"]);
  });

  it("keeps a fixed preset's range and its own tail stream (province-year)", () => {
    const p = seedPlan("province-year", NOW);
    expect(p).toMatchObject({ from: "2025-01-01", to: "2025-12-31", asOf: "2025-12-31T23:59:59+07:00", tail: { sameStream: false }, dataEnd: NOW.toISOString() });
    expect(seedPlan("province-year", NOW, { liveTail: false }).dataEnd).toBe("2025-12-31T17:00:00.000Z");
    expect(seedPlan("demo", NOW, { liveTail: false })).toMatchObject({ to: "2026-12-06", tail: null, dataEnd: NOW.toISOString() });
  });
});

/**
 * Through the runtime (a small demo: the clock fixed at 2024-04-11, so that the split falls between
 * two working days): the history goes through the bulk import and the tail through the events
 * API, all accepted, on the runtime's clock.
 */
describe("loadPreset on a fixed clock", () => {
  const now = new Date("2024-04-11T10:00:00+07:00");
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let report: LoadReport;
  let expected: Generated;
  beforeAll(async () => {
    env = await tempRuntime({ clock: { now: () => now } });
    report = await loadPreset(env.rt, { preset: "demo", seed: SEED });
    expected = generate(now);
  }, 180_000);
  afterAll(async () => {
    await env?.dispose();
  });

  it("loads 2024-01-01 → 2024-03-11 as history and 2024-03-12 → 2024-04-10 through the events API, nothing refused", () => {
    expect(report.plan).toMatchObject({ from: "2024-01-01", to: "2024-04-10", tail: { from: "2024-03-12", to: "2024-04-10", sameStream: true } });
    expect([...expected.historyDays].sort().at(-1)).toBe("2024-03-11");
    expect([...expected.tailDays].sort()[0]).toBe("2024-03-12");
    expect([...expected.tailDays].sort().at(-1)).toBe("2024-04-10");
    expect(report.rejected).toBe(0);
    expect(report.events).toBe(expected.history.length);
    expect(report.liveTailEvents).toBe(expected.tail.length);
    expect(report.complaints).toBeGreaterThan(0);
  });

  it("has the tail's dossiers in the live state and not the history's", async () => {
    const tailCase = expected.tail.find((e) => e.type === "RECEIVED")?.caseId ?? "";
    const historyCase = expected.history.find((e) => e.type === "RECEIVED")?.caseId ?? "";
    expect((await env.rt.ingest.store.caseEvents(tailCase)).length).toBeGreaterThan(0);
    expect(await env.rt.ingest.store.caseEvents(historyCase)).toEqual([]);
  });
});
