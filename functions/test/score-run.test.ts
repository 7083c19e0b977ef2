/**
 * A scoring run (score-period.ts scorePeriods): each period is published (snapshots, public JSON,
 * afterPeriod) while the next one is computed. Periods are still published in order, a failing
 * period is reported and the others scored (onPeriodError), or the run stops at the first failure
 * and throws it; in every case the run's stage tables are dropped.
 */
import type { QueryEngine } from "../src/ports/engine.js";
import { type Period, parsePeriod } from "@scorecard/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { ingestEvents } from "../src/use-cases/ingest/ingest-events.js";
import { type ScoreDeps, scorePeriods } from "../src/use-cases/score/score-period.js";
import { CaseBuilder } from "./support/events.js";
import { tempRuntime } from "./support/temp-runtime.js";

const UNIT = "DEPT-STP-2020";
const PERIODS = ["2024-01", "2024-02", "2024-03", "2024-Q1"].map(parsePeriod);

describe("scoring run: publish while the next period computes", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  beforeAll(async () => {
    env = await tempRuntime();
    const events = ["01", "02", "03"].flatMap((m, i) =>
      new CaseBuilder(`RUN-${i}`, UNIT).received(`2024-${m}-04T09:00:00`, `2024-${m}-08T17:00:00`).resolved(`2024-${m}-0${5 + i}T10:00:00`).build(),
    );
    expect((await ingestEvents(env.rt.ingest)(events)).accepted).toBe(events.length);
    await compactLake(env.rt.engine, env.rt.lake.root);
  }, 120_000);
  afterAll(async () => {
    await env.dispose();
  });

  // A run's own relations (the kept facts, `sc_kf_…`, stay for the next run: exactly the 8 of one generation).
  const stageTables = async () => Number((await env.rt.engine.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'sc\\_%' ESCAPE '\\' AND table_name NOT LIKE 'sc\\_kf\\_%' ESCAPE '\\'", {})).rows[0]?.["n"]);
  const keptTables = async () => Number((await env.rt.engine.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'sc\\_kf\\_%' ESCAPE '\\'", {})).rows[0]?.["n"]);
  /** The engine, failing the case indicators of one period. */
  const failing = (periodId: string): ScoreDeps => {
    const e = env.rt.engine;
    const start = parsePeriod(periodId).start.replace("T", " ").slice(0, 19);
    const engine: QueryEngine = {
      query: (sql, params) => (sql.includes("owner_part") && params["period_start"] === start ? Promise.reject(new Error(`engine down for ${periodId}`)) : e.query(sql, params)),
      materialize: e.materialize.bind(e),
      drop: e.drop.bind(e),
      unload: e.unload.bind(e),
      keep: e.keep.bind(e),
      attach: e.attach.bind(e),
    };
    return { ...env.rt.score, engine };
  };

  it("publishes every period in order, each after its own snapshots", async () => {
    const published: string[] = [];
    const after: string[] = [];
    const steps: string[] = [];
    const snapshots = await scorePeriods(env.rt.score)(PERIODS, {
      onPeriod: (p, s) => published.push(`${p.id}:${[...new Set(s.map((x) => x.period))].join(",")}`),
      // The engine work of a period (with its head attribution) comes before its publishing, one period at a time.
      withHeadDays: async (p, days) => {
        expect(days.every((d) => Number.isInteger(d.day) && typeof d.unitId === "string")).toBe(true);
        steps.push(`facts ${p.id}`);
      },
      afterPeriod: async (p) => {
        steps.push(`after ${p.id}`);
        after.push(p.id);
      },
    });
    expect(after).toEqual(PERIODS.map((p) => p.id));
    for (const p of PERIODS) expect(steps.indexOf(`facts ${p.id}`)).toBeLessThan(steps.indexOf(`after ${p.id}`));
    expect(steps.filter((x) => x.startsWith("facts"))).toEqual(PERIODS.map((p) => `facts ${p.id}`));
    expect(published).toEqual(PERIODS.map((p) => `${p.id}:${p.id}`));
    expect([...new Set(snapshots.map((s) => s.period))]).toEqual(PERIODS.map((p) => p.id));
    const march = snapshots.find((s) => s.period === "2024-03")?.units.find((u) => u.unitId === UNIT);
    expect(march?.counts).toMatchObject({ EARLY: 1 });
    expect(await stageTables()).toBe(0);
    expect(await keptTables()).toBe(8);
  });

  it("reports a period that fails to compute and scores the others (onPeriodError)", async () => {
    const published: string[] = [];
    const errors: string[] = [];
    await scorePeriods(failing("2024-02"))(PERIODS, {
      onPeriod: (p) => published.push(p.id),
      onPeriodError: (p, e) => errors.push(`${p.id}: ${(e as Error).message}`),
    });
    expect(errors).toEqual(["2024-02: engine down for 2024-02"]);
    expect(published).toEqual(["2024-01", "2024-03", "2024-Q1"]);
    expect(await stageTables()).toBe(0);
  });

  it("without onPeriodError, stops at the first failure (compute or publish), throws it, and publishes nothing after it", async () => {
    const published: Period[] = [];
    await expect(scorePeriods(failing("2024-02"))(PERIODS, { onPeriod: (p) => published.push(p) })).rejects.toThrow("engine down for 2024-02");
    expect(published.map((p) => p.id)).toEqual(["2024-01"]);
    const afterFailed: string[] = [];
    await expect(
      scorePeriods(env.rt.score)(PERIODS, {
        onPeriod: (p) => afterFailed.push(p.id),
        afterPeriod: async (p) => {
          if (p.id === "2024-01") throw new Error("ratings store down");
        },
      }),
    ).rejects.toThrow("ratings store down");
    expect(afterFailed).toEqual([]);
    expect(await stageTables()).toBe(0);
  });
});
