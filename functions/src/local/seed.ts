import { scoreAndRatePeriods } from "../use-cases/jobs/score-run.js";
import { type Head, type Period, type UnitCatalog, demoHeads, getMethodology, localDateOf, periodsOfYear, tenureIn } from "@scorecard/shared";
import { AdminError } from "../use-cases/admin/common.js";
import { appraiseCriterion } from "../use-cases/admin/criteria.js";
import { appraiseHeadGeneral } from "../use-cases/admin/head-general.js";
import { importSurvey } from "../use-cases/admin/survey.js";
import { markImproperReturn } from "../use-cases/admin/improper-returns.js";
import { enterManualIndicator } from "../use-cases/admin/manual-indicators.js";
import { demoImproperReturnMarks } from "../seed/improper-returns.js";
import { demoD3Entries } from "../seed/manual-indicators.js";
import { SEED_ACTOR, seedHeads } from "../use-cases/admin/heads.js";
import { mapLimit } from "../lib/concurrency.js";
import { AdmitPool } from "../adapters/local/admit-pool.js";
import { compactLake } from "../adapters/local/duckdb-compactor.js";
import type { CaseEventInput, ComplaintInput } from "@scorecard/shared";
import { compactRecords } from "../adapters/local/duckdb-record-compactor.js";
import { ComplaintMaker, type DossierSummary, demoCatalog } from "../seed/catalog.js";
import { DemoProvince, type PresetName, type SeedPlan, addDays, seedPlan } from "../seed/generator.js";
import { ingestEvents } from "../use-cases/ingest/ingest-events.js";
import { ingestRecords } from "../use-cases/ingest/ingest-records.js";
import { importEvents } from "../use-cases/ingest/import-events.js";
import type { LocalRuntime } from "./runtime.js";

export interface SeedReport {
  readonly events: number;
  readonly rejected: number;
  readonly curated: number;
  readonly periods: number;
  /** Periods left for the caller to score (with `periods: "first"`). */
  readonly pending: readonly Period[];
  readonly seconds: { generateAndLoad: number; compact: number; score: number };
}

const secondsSince = (t: number) => Math.round((performance.now() - t) / 10) / 100;

export interface LoadReport {
  readonly events: number;
  readonly rejected: number;
  readonly complaints: number;
  readonly procedures: number;
  readonly liveTailEvents: number;
  /** What was generated: the range, the live tail, where the data ends. */
  readonly plan: SeedPlan;
  /** The dossiers whose return the generator made improper (the seed marks those of finished months). */
  readonly improperReturns: readonly DossierSummary[];
  /** Generation and import together (they are pipelined), then the catalog and complaints. */
  readonly seconds: { generateAndLoad: number; records: number };
}

export interface SeedOptions {
  readonly preset: PresetName;
  readonly seed: number;
  readonly log?: (line: string) => void;
  readonly liveTail?: boolean;
  /** Override the preset's date range (benchmarks: a reduced national run). */
  readonly to?: string;
  /**
   * "all" (default) scores every period before returning; "first" scores the half-years, years and
   * the current periods, and returns the rest as `pending` for the caller to score in the
   * background (npm start serves the dashboard sooner).
   */
  readonly periods?: "all" | "first";
}

/**
 * Generate a preset and load it: the history through the bulk import (validation on worker
 * threads), a live tail through the events API's use case, the procedure catalog and the 1022
 * complaints through the records routes' use case. The demo runs through yesterday on the
 * runtime's clock, its last 30 days being the live tail (`seedPlan`).
 */
export async function loadPreset(rt: LocalRuntime, options: SeedOptions): Promise<LoadReport> {
  const log = options.log ?? (() => undefined);
  const now = rt.ingest.clock.now();
  const plan = seedPlan(options.preset, now, { ...(options.liveTail === false ? { liveTail: false } : {}), ...(options.to ? { to: options.to } : {}) });
  const province = new DemoProvince({ seed: options.seed, from: plan.from, to: plan.to, scale: plan.scale, asOf: plan.asOf });
  const complaints: ComplaintInput[] = [];
  const complaintMaker = new ComplaintMaker(options.seed, rt.catalog, plan.asOf);
  const tailEvents: CaseEventInput[] = [];
  const improperReturns: DossierSummary[] = [];
  const history = plan.tail?.sameStream ? addDays(plan.tail.from, -1) : plan.to;
  let t = performance.now();
  log(
    `Tạo dữ liệu mẫu / generating the "${options.preset}" province (seed ${options.seed}, ${plan.from} → ${plan.to}` +
      `${plan.tail?.sameStream ? `: history to ${history}, live tail ${plan.tail.from} → ${plan.tail.to}` : ""})…`,
  );
  const admitter = new AdmitPool({ keyFile: rt.pseudonymKeyFile });
  let summary;
  try {
    const maybeComplaint = (d: DossierSummary) => {
      const c = complaintMaker.maybe(d);
      if (c) complaints.push(c);
      if (d.improperReturn) improperReturns.push(d);
    };
    const events = plan.tail?.sameStream ? province.history(plan.tail.from, tailEvents, maybeComplaint) : province.events(maybeComplaint);
    summary = await importEvents({
      ...rt.ingest,
      lake: rt.lake,
      admitter,
      onProgress: (p) => log(`  … ${p.accepted.toLocaleString("vi-VN")} sự kiện / events loaded`),
      onReject: (line, code, message) => log(`  rejected line ${line}: ${code} ${message}`),
    })((function* () {
      for (const e of events) yield JSON.stringify(e);
    })());
  } finally {
    await admitter.close();
  }
  const generateAndLoad = secondsSince(t);
  log(`  ${summary.accepted.toLocaleString("vi-VN")} events accepted, ${summary.rejected} rejected (${generateAndLoad} s)`);
  t = performance.now();
  // A live tail: the last 30 days up to now, posted through the events API's use case, so the
  // operational state (open dossiers, early warnings) is populated as a source system would.
  let live = 0;
  let liveRejected = 0;
  if (plan.tail) {
    // The demo's tail was split from its one stream above; after a fixed range the tail is a
    // stream of its own (seed + 1) over the last 30 days, posted as it is generated.
    const tailComplaints = new ComplaintMaker(options.seed + 1, rt.catalog, now.toISOString());
    const tail = plan.tail.sameStream
      ? tailEvents
      : new DemoProvince({ seed: options.seed + 1, from: plan.tail.from, to: plan.tail.to, scale: plan.scale, asOf: now.toISOString() }).events((d) => {
          const c = tailComplaints.maybe(d);
          if (c) complaints.push(c);
        });
    const ingest = ingestEvents(rt.ingest);
    let batch: unknown[] = [];
    const post = async () => {
      const r = await ingest(batch);
      live += r.accepted;
      liveRejected += r.rejected + r.conflicts;
      batch = [];
    };
    for (const e of tail) {
      batch.push(e);
      if (batch.length === 500) await post();
    }
    if (batch.length) await post();
    log(
      `  live tail: ${live.toLocaleString("vi-VN")} events of the dossiers received ${plan.tail.from} → ${plan.tail.to} through the events API` +
        `${liveRejected ? `, ${liveRejected} refused` : ""} (${secondsSince(t)} s)`,
    );
  }

  // The procedure catalog and the 1022 complaints go through the same routes' use case.
  const records = { ...rt.ingest, lake: rt.lake };
  const catalog = demoCatalog(options.seed, plan.from, plan.to);
  for (let i = 0; i < catalog.length; i += 500) await ingestRecords(records, "procedures")(catalog.slice(i, i + 500));
  let complaintsAccepted = 0;
  for (let i = 0; i < complaints.length; i += 500) complaintsAccepted += (await ingestRecords(records, "complaints")(complaints.slice(i, i + 500))).accepted;
  log(`  ${catalog.length} procedures in the catalog, ${complaintsAccepted.toLocaleString("vi-VN")} complaints (1022 / portal)`);

  return {
    events: summary.accepted,
    rejected: summary.rejected,
    complaints: complaintsAccepted,
    procedures: catalog.length,
    liveTailEvents: live,
    plan,
    improperReturns,
    seconds: { generateAndLoad, records: secondsSince(t) },
  };
}

/** Generate a preset, load it through the import path, compact it, and score every period. */
export async function seedRuntime(rt: LocalRuntime, options: SeedOptions): Promise<SeedReport> {
  const log = options.log ?? (() => undefined);
  const loaded = await loadPreset(rt, options);
  const { plan } = loaded;
  const generateAndLoad = loaded.seconds.generateAndLoad;
  let t: number;
  t = performance.now();
  const compacted = await compactLake(rt.engine, rt.lake.root);
  await compactRecords(rt.engine, rt.lake.root);
  const compact = secondsSince(t);
  log(`Nén dữ liệu / compacted into ${compacted.months} monthly Parquet files, ${compacted.events.toLocaleString("vi-VN")} events (${compact} s)`);

  // Heads of unit before scoring: each scoring run rates them (ratings.ts).
  const heads = demoHeads(rt.catalog);
  const rosters = await seedHeads(rt.admin)(heads);
  log(`Người đứng đầu / demo heads of unit stored for ${rosters} units`);

  t = performance.now();
  let periods = 0;
  const { all, firstBatch, reporting, finished, newestMonth } = seedPeriods(plan);
  const pending = options.periods === "first" ? all.filter((p) => !firstBatch.includes(p)) : [];
  if (rosters > 0) {
    // The reporting periods (every half-year and year) and the month the dashboard opens on.
    let s = performance.now();
    const withCriteria = [...reporting, ...(newestMonth ? [newestMonth] : [])];
    const entered = await seedDemoGeneralCriteria(rt, heads, withCriteria);
    log(`Tiêu chí chung / demo general criteria entered for ${entered} head-periods of ${withCriteria.length} periods (the others stay "pending", as until Home Affairs enters them; ${secondsSince(s)} s)`);
    // Manual reform criteria and survey results: Home Affairs enters them once a period is over.
    s = performance.now();
    const reform = await seedDemoReformInputs(rt, finished);
    log(`Chỉ số CCHC / demo manual criteria and survey results entered for ${reform} department-periods of ${finished.map((p) => p.id).join(", ")} (the other units' reform index stays incomplete; ${secondsSince(s)} s)`);
  }
  // Home Affairs' marks of the improper returns of finished months (R3 of dn-2026.2; seed/README.md).
  let marked = 0;
  for (const m of demoImproperReturnMarks(loaded.improperReturns, rt.ingest.clock.now())) {
    try {
      await markImproperReturn(rt.admin)(SEED_ACTOR, m.caseId, 0, m.input);
      marked++;
    } catch (e) {
      if (!(e instanceof AdminError && e.code === "VERSION_CONFLICT")) throw e; // already marked: keep it
    }
  }
  log(`Trả hồ sơ sai quy định / demo marks of improper returns entered for ${marked} dossiers (of ${loaded.improperReturns.length} the generator made improper)`);
  // Home Affairs' entries of D3 (certified electronic copies) for every period that is over: their totals complete.
  const d3Start = performance.now();
  const over = all.filter((p) => p.end <= plan.dataEnd);
  const d3 = await seedDemoIndicatorEntries(rt, over, options.seed);
  log(`Chứng thực điện tử (D3) / demo entries of Home Affairs for ${d3} unit-periods of the ${over.length} periods that are over (${secondsSince(d3Start)} s)`);
  // One scoring run: the case facts are staged once for all these periods (docs/adr/0009).
  await scoreAndRatePeriods(rt.score, rt.admin)(options.periods === "first" ? firstBatch : all, { onPeriod: () => periods++ });
  const scoreS = secondsSince(t);
  log(`Chấm điểm / scored ${periods} periods (${scoreS} s)${pending.length ? `; ${pending.length} more months and quarters will be scored in the background` : ""}`);
  return { events: loaded.events, rejected: loaded.rejected, curated: compacted.events, periods, pending, seconds: { generateAndLoad, compact, score: scoreS } };
}

/**
 * The periods a seed scores and fills: every period from the first month of data to the current
 * one (the demo runs through yesterday, so every month, quarter, half-year and year from January
 * 2024 to the current month; a fixed range: its years, and with a live tail the current year's
 * periods that have begun). `firstBatch`: what the dashboard opens on (the newest periods), the
 * half-years and years; `reporting`: the half-years and years (demo general criteria), `finished`
 * those that are over (demo reform inputs), `newestMonth`: the month the dashboard opens on.
 */
export function seedPeriods(plan: Pick<SeedPlan, "from" | "to" | "dataEnd">) {
  const first = Number(plan.from.slice(0, 4));
  const last = Number(plan.to.slice(0, 4));
  const lastYear = Number(localDateOf(plan.dataEnd).slice(0, 4));
  const all: Period[] = [];
  for (let y = first; y <= Math.max(last, lastYear); y++) {
    if (y > last && y < lastYear) continue; // a fixed range's years, then the live tail's year
    for (const p of periodsOfYear(y)) if (p.start < plan.dataEnd) all.push(p);
  }
  const newestFirst = [...all].sort((a, b) => (a.end < b.end ? 1 : a.end > b.end ? -1 : 0));
  const newest = new Set(newestFirst.slice(0, 4).map((p) => p.id));
  const reporting = all.filter((p) => p.kind === "HALF" || p.kind === "YEAR");
  return {
    all,
    firstBatch: all.filter((p) => newest.has(p.id) || p.kind === "HALF" || p.kind === "YEAR"),
    reporting,
    finished: reporting.filter((p) => p.end <= plan.dataEnd),
    newestMonth: newestFirst.find((p) => p.kind === "MONTH"),
  };
}

/** A deterministic number in [0, 1) from a text (FNV-1a): the demo is the same on every run. */
function unitInterval(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h / 4_294_967_296;
}

/** Share of heads whose demo general criteria are entered, by tier (the rest stay pending). */
const DEMO_GENERAL_SHARE: Readonly<Record<string, number>> = { DEPARTMENT: 0.7, DISTRICT: 0.7, COMMUNE: 0.3 };

/**
 * Demo data: general criteria (methodology §6, 30 points) for some heads in the periods the
 * dashboard opens on (the newest month, the half-years and years), entered through the Home Affairs use
 * case by the seed actor, the evidence saying it is demo data. Points 18–30, seeded per head and period.
 */
async function seedDemoGeneralCriteria(rt: LocalRuntime, heads: readonly Head[], periods: readonly Period[]): Promise<number> {
  const catalog: UnitCatalog = rt.catalog;
  const jobs = periods.flatMap((p) =>
    heads.filter((h) => {
      const share = DEMO_GENERAL_SHARE[catalog.get(h.unitId)?.tier ?? ""] ?? 0;
      return tenureIn(h, p) !== null && unitInterval(`${h.headId}|${p.id}|entered`) < share;
    }).map((h) => ({ h, p })),
  );
  const done = await mapLimit(jobs, 16, async ({ h, p }) => {
    const points = 18 + Math.round(unitInterval(`${h.headId}|${p.id}|points`) * 12 * 4) / 4;
    try {
      await appraiseHeadGeneral(rt.admin)(SEED_ACTOR, h.unitId, h.headId, p.id, 0, { points, evidence: "Dữ liệu mẫu (demo) — điểm tiêu chí chung do bộ sinh dữ liệu tạo, không phải đánh giá thật" });
      return 1;
    } catch (e) {
      if (e instanceof AdminError && e.code === "VERSION_CONFLICT") return 0; // already entered: keep what is there
      throw e;
    }
  });
  return done.reduce((s: number, x) => s + x, 0);
}

/** Share of the departments whose demo reform-index inputs are entered (the others stay incomplete). */
const DEMO_REFORM_SHARE = 0.6;
const DEMO_EVIDENCE = "Dữ liệu mẫu (demo) — do bộ sinh dữ liệu tạo, không phải kết quả thẩm định thật";

/**
 * Demo data: the manual reform-index criteria (PAR1, 2, 4, 5, 6) and a survey result for some
 * departments in the given half-years and years, through the Home Affairs use cases, so that the
 * demo shows complete reform indexes beside incomplete ones. Seeded per unit and period.
 */
async function seedDemoReformInputs(rt: LocalRuntime, periods: readonly Period[]): Promise<number> {
  const manual = getMethodology(rt.admin.methodology).reformIndex.criteria.filter((c) => c.source === "MANUAL");
  let done = 0;
  for (const p of periods) {
    const units = rt.catalog.validIn("DEPARTMENT", p.startDate, p.endDate).filter((u) => unitInterval(`${u.unitId}|${p.id}|reform`) < DEMO_REFORM_SHARE);
    const jobs = units.flatMap((u) => manual.map((c) => ({ u, c })));
    await mapLimit(jobs, 16, async ({ u, c }) => {
      const points = Math.round(c.max * (0.6 + 0.4 * unitInterval(`${u.unitId}|${p.id}|${c.code}`)) * 4) / 4;
      try {
        await appraiseCriterion(rt.admin)(SEED_ACTOR, u.unitId, p.id, c.code, 0, { points, evidence: DEMO_EVIDENCE });
      } catch (e) {
        if (!(e instanceof AdminError && (e.code === "VERSION_CONFLICT" || e.code === "CRITERION_LOCKED"))) throw e;
      }
    });
    const rows = units.map((u) => {
      const share = (70 + Math.round(25 * unitInterval(`${u.unitId}|${p.id}|survey`))) / 100;
      return `${u.unitId},${p.id},${share},${100 + Math.round(300 * unitInterval(`${u.unitId}|${p.id}|n`))},Khảo sát mẫu (demo)`;
    });
    if (rows.length > 0) await importSurvey(rt.admin)(SEED_ACTOR, ["unitId,period,share,respondents,evidence", ...rows].join("\r\n"));
    done += units.length;
  }
  return done;
}

/**
 * Demo data: Home Affairs' entries of D3 (certified electronic copies; seed/manual-indicators.ts)
 * for every unit scored in each period that is over, through the Home Affairs use case by the seed
 * actor, before the periods are scored (the scoring run reads them). An entry already there is kept.
 */
async function seedDemoIndicatorEntries(rt: LocalRuntime, periods: readonly Period[], seed: number): Promise<number> {
  const entries = demoD3Entries(rt.catalog, periods, seed);
  const done = await mapLimit(entries, 16, async (e) => {
    try {
      await enterManualIndicator(rt.admin)(SEED_ACTOR, e.unitId, e.period, e.indicator, 0, e.input);
      return 1;
    } catch (err) {
      if (err instanceof AdminError && (err.code === "VERSION_CONFLICT" || err.code === "CRITERION_LOCKED")) return 0; // already entered, or locked: keep it
      throw err;
    }
  });
  return done.reduce((s: number, x) => s + x, 0);
}
