/**
 * Issue 10, item 3: the local runtime under bounded loopback load at 2× a busy day's peak, while
 * compaction + scoring run in a loop, with public ranking reads alongside.
 *
 * The peak (stated so it can be argued with):
 *   ~1.5 M dossiers/year × ~6 events ≈ 9 M events/year
 *   ÷ 250 working days                   ≈ 36 000 events per working day (average)
 *   × 3 (a busy day)                      ≈ 108 000 events on a busy day
 *   ÷ 8 office hours (28 800 s)           ≈ 3.75 events/s over the busy day
 *   × 2 (the busiest hour of that day)    ≈ 7.5 events/s  = the peak
 *   × 2 (the test's margin)               = 15 events/s   = the target
 * Sources post in batches; the test posts ONE event per request (the worst case for per-request
 * cost), so the target is 15 POST/s, plus 20 GET/s of /v1/public/rankings.
 *
 * Rates are paced per connection (autocannon divides overallRate by the connections and rounds
 * down, so there is one connection per POST/s and one per 2 reads/s); the achieved rate is
 * recorded next to the target.
 *
 * Bounded: LOAD_SECONDS (default 12 s) × those rates, loopback only. LOAD_FACTOR multiplies both rates
 * (e.g. LOAD_FACTOR=10 for a headroom run). Figures: .tmp/reliability/load.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { parsePeriod } from "@scorecard/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../../src/adapters/local/duckdb-compactor.js";
import { importEvents } from "../../src/use-cases/ingest/import-events.js";
import { scorePeriod } from "../../src/use-cases/score/score-period.js";
import { CaseBuilder } from "../support/events.js";
import { TEST_TOKEN, httpFixture } from "../support/http-fixture.js";

const SECONDS = Number(process.env["LOAD_SECONDS"] ?? 12);
const FACTOR = Number(process.env["LOAD_FACTOR"] ?? 1);
const EVENTS_PER_YEAR = 1_500_000 * 6;
const PEAK_EVENTS_PER_S = ((EVENTS_PER_YEAR / 250) * 3) / (8 * 3600) * 2;
const POST_RATE = Math.round(2 * PEAK_EVENTS_PER_S * FACTOR); // 15 /s
const READ_RATE = 20 * FACTOR;
const UNITS = ["DEPT-STP-2020", "DEPT-SYT-2020", "DIST-731", "DIST-732"];
const OUT = join(fileURLToPath(new URL("../../../", import.meta.url)), ".tmp", "reliability");

describe(`Load: ${SECONDS} s at 2× a busy day's peak (${POST_RATE} events/s, one per request) while scoring runs, with ranking reads`, () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;

  beforeAll(async () => {
    fx = await httpFixture();
    // A month of history so that compaction and scoring have real work: 20 000 events.
    const lines = Array.from({ length: 10_000 }, (_, i) =>
      new CaseBuilder(`LD-H-${i}`, UNITS[i % UNITS.length] as string)
        .received(`2024-03-${String(1 + (i % 20)).padStart(2, "0")}T09:00:00`, `2024-03-${String(6 + (i % 20)).padStart(2, "0")}T17:00:00`)
        .resolved(`2024-03-${String(2 + (i % 25)).padStart(2, "0")}T10:00:00`)
        .build(),
    )
      .flat()
      .map((e) => JSON.stringify(e));
    await importEvents(fx.rt.ingest)(lines);
    await compactLake(fx.rt.engine, fx.rt.lake.root);
    await scorePeriod(fx.rt.score)(parsePeriod("2024-03"));
  });
  afterAll(() => fx?.close());

  it("error rate (429 excluded) < 1 %, every acknowledged event stored, read p50/p99 recorded", async () => {
    expect(POST_RATE).toBe(15 * FACTOR);
    let seq = 0;
    let acknowledged = 0;
    let stop = false;
    let scoringRuns = 0;
    const scoring = (async () => {
      // The scheduler compacts and re-scores every 5 minutes; here, back to back with a 1 s pause.
      while (!stop) {
        await compactLake(fx.rt.engine, fx.rt.lake.root);
        await scorePeriod(fx.rt.score)(parsePeriod("2024-03"));
        scoringRuns++;
        await new Promise((ok) => setTimeout(ok, 1000));
      }
    })();
    const post = autocannon({
      url: fx.base,
      connections: POST_RATE,
      overallRate: POST_RATE,
      amount: POST_RATE * SECONDS,
      timeout: 10,
      requests: [
        {
          method: "POST",
          path: "/v1/events",
          headers: { authorization: `Bearer ${TEST_TOKEN}`, "content-type": "application/json" },
          setupRequest: (req) => {
            const i = seq++;
            const e = new CaseBuilder(`LD-${i}`, UNITS[i % UNITS.length] as string).received("2024-03-20T09:00:00", "2024-03-27T17:00:00").build();
            return { ...req, body: JSON.stringify({ events: e }) };
          },
          onResponse: (status, body) => {
            if (status === 200) acknowledged += (JSON.parse(body) as { accepted: number }).accepted;
          },
        },
      ],
    } as Parameters<typeof autocannon>[0]);
    const read = autocannon({
      url: `${fx.base}/v1/public/rankings?period=2024-03&tier=DISTRICT`,
      connections: READ_RATE / 2,
      overallRate: READ_RATE,
      amount: READ_RATE * SECONDS,
      timeout: 10,
    } as Parameters<typeof autocannon>[0]);
    const [p, r] = await Promise.all([post, read]);
    stop = true;
    await scoring;

    type Counts = { "2xx": number; non2xx: number; errors: number; timeouts: number; statusCodeStats?: Record<string, { count: number }> };
    const rate = (x: Counts) => {
      const total = x["2xx"] + x.non2xx + x.errors + x.timeouts;
      const throttled = x.statusCodeStats?.["429"]?.count ?? 0;
      return { total, failed: x.non2xx - throttled + x.errors + x.timeouts, throttled, errorRate: total === 0 ? 1 : (x.non2xx - throttled + x.errors + x.timeouts) / (total - throttled) };
    };
    const pr = rate(p as unknown as Counts);
    const rr = rate(r as unknown as Counts);
    const guards = (await Promise.all(Array.from({ length: seq }, (_, i) => fx.rt.ingest.store.caseEvents(`LD-${i}`)))).filter((x) => x.length === 1).length;
    const figures = {
      target: { peakEventsPerSecond: PEAK_EVENTS_PER_S, postPerSecond: POST_RATE, readsPerSecond: READ_RATE, seconds: SECONDS },
      post: { ...pr, durationS: p.duration, achievedPerSecond: Math.round((pr.total / p.duration) * 10) / 10, latencyMs: { p50: p.latency.p50, p99: p.latency.p99, max: p.latency.max } },
      read: { ...rr, durationS: r.duration, achievedPerSecond: Math.round((rr.total / r.duration) * 10) / 10, latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max } },
      scoringRunsDuringLoad: scoringRuns,
      eventsAcknowledged: acknowledged,
      eventsStoredInDynamoDB: guards,
    };
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, "load.json"), JSON.stringify(figures, null, 2));
    console.log(`[load] ${JSON.stringify(figures)}`);

    expect(pr.total).toBeGreaterThanOrEqual(POST_RATE * SECONDS * 0.95);
    expect(pr.errorRate).toBeLessThan(0.01);
    expect(rr.errorRate).toBeLessThan(0.01);
    expect(scoringRuns).toBeGreaterThan(0);
    expect(guards).toBe(acknowledged);
    // Budget (reliability.md §b: dashboard p95 < 1 s on cached aggregates). Checked on p99, with a
    // margin for a busy 2-core machine shared with the rest of the suite (LOAD_READ_P99_MS).
    expect(r.latency.p99).toBeLessThan(Number(process.env["LOAD_READ_P99_MS"] ?? 2000));
  });
});
