/**
 * The six-monthly and annual reports as documents (Directive 03, D10; issue 24, item 3;
 * docs/adr/0021-reports.md): the province's report and one unit's, built once from what is stored —
 * the period's ranking snapshots, head ratings, reform index and concluded findings, the corrective
 * actions and the unit's narrative where this deployment keeps them — beside the previous period
 * of the same kind (2025-H2 vs 2025-H1, 2025 vs 2024).
 */
import { type RankedUnit, type RankingSnapshot, RANKED_TIERS, type RankedTier, parsePeriod, previousPeriod } from "@scorecard/shared";
import type { HeadRatings, ReformIndexView } from "@scorecard/shared/contracts/read-api";
import type { ReportAction, ReportDocument, ReportHead, ReportTier, ReportUnit } from "@scorecard/shared/contracts/reports";
import { isReportPeriod } from "@scorecard/shared/contracts/reports";
import { localDateOf } from "@scorecard/shared/time/period";
import { readHeadRatings, readReformIndex } from "../read/read-ratings.js";
import type { Actor } from "../../ports/admin.js";
import { type AdminDeps, AdminError, auditEntry, flushAudit, invalid } from "./common.js";
import { listFindings } from "./findings.js";

/** What a report reads of the corrective actions (functions/src/ports/corrective-actions.ts), when kept. */
export interface ReportActionSource {
  list(): Promise<
    readonly {
      readonly actionId: string;
      readonly unitId: string;
      readonly basis: { readonly kind: "FINDING" | "INDICATOR" | "BAND"; readonly period: string };
      readonly indicator: string | null;
      readonly required: string;
      readonly deadline: string;
      readonly status: "OPEN" | "REPORTED" | "ACCEPTED" | "REOPENED";
      readonly steps: readonly { readonly kind: string; readonly text: string | null }[];
    }[]
  >;
}

/** What a report reads of the units' narratives (functions/src/ports/report-submissions.ts), when kept. */
export interface ReportNarrativeSource {
  getNarrative(periodId: string, unitId: string): Promise<{ readonly text: string; readonly submittedAt: string; readonly version: number } | undefined>;
}

export interface ReportDeps extends AdminDeps {
  readonly reportActions?: ReportActionSource | undefined;
  readonly reportNarratives?: ReportNarrativeSource | undefined;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
const diff = (a: number | null | undefined, b: number | null | undefined): number | null => (a === null || a === undefined || b === null || b === undefined ? null : round4(a - b));
const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : round4(xs.reduce((s, x) => s + x, 0) / xs.length));

interface PeriodData {
  readonly snapshots: ReadonlyMap<RankedTier, RankingSnapshot>;
  readonly heads: HeadRatings | undefined;
  readonly reform: ReformIndexView | undefined;
}

async function periodData(deps: AdminDeps, periodId: string): Promise<PeriodData> {
  const [snaps, heads, reform] = await Promise.all([
    Promise.all(RANKED_TIERS.map(async (t) => [t, await deps.snapshots.get(deps.methodology, periodId, t)] as const)),
    readHeadRatings(deps)(periodId),
    readReformIndex(deps)(periodId),
  ]);
  return { snapshots: new Map(snaps.filter((e): e is readonly [RankedTier, RankingSnapshot] => e[1] !== undefined)), heads, reform };
}

const unitsOf = (d: PeriodData): RankedUnit[] => [...d.snapshots.values()].flatMap((s) => s.units);

function tierSummary(tier: RankedTier, now: RankingSnapshot, before: RankingSnapshot | undefined): ReportTier {
  const ranked = now.units.filter((u) => u.rank !== null);
  const totals = (units: readonly RankedUnit[]) => units.filter((u) => u.rank !== null && u.total !== null).map((u) => u.total as number);
  const meanTotal = mean(totals(now.units));
  const previousMeanTotal = before ? mean(totals(before.units)) : null;
  const bands: Record<string, number> = {};
  for (const u of now.units) if (u.band !== null) bands[u.band] = (bands[u.band] ?? 0) + 1;
  const groups: Record<string, { points: number; max: number }> = {};
  const codes = [...new Set(ranked.flatMap((u) => Object.keys(u.groups ?? {})))];
  for (const g of codes) {
    const lines = ranked.flatMap((u) => (u.groups?.[g] ? [u.groups[g]] : []));
    groups[g] = { points: mean(lines.map((l) => l.points)) ?? 0, max: lines[0]?.max ?? 0 };
  }
  const ratios = (units: readonly RankedUnit[], code: string) => units.flatMap((u) => (u.indicators[code]?.status === "ok" && u.indicators[code]?.ratio !== null && u.indicators[code]?.ratio !== undefined ? [u.indicators[code].ratio as number] : []));
  const indicators: Record<string, { mean: number | null; previousMean: number | null; units: number }> = {};
  for (const code of [...new Set(now.units.flatMap((u) => Object.keys(u.indicators)))]) {
    const xs = ratios(now.units, code);
    indicators[code] = { mean: mean(xs), previousMean: before ? mean(ratios(before.units, code)) : null, units: xs.length };
  }
  return { tier, units: now.units.length, ranked: ranked.length, meanTotal, previousMeanTotal, change: diff(meanTotal, previousMeanTotal), bands, groups, indicators };
}

function unitLine(u: RankedUnit, snap: RankingSnapshot, prev: RankedUnit | undefined, reform: ReformIndexView | undefined, prevReform: ReformIndexView | undefined): ReportUnit {
  const r = reform?.units.find((x) => x.unitId === u.unitId);
  const pr = prevReform?.units.find((x) => x.unitId === u.unitId);
  const sameTier = prev !== undefined && prev.tier === u.tier;
  return {
    unitId: u.unitId,
    nameVi: u.nameVi,
    nameEn: u.nameEn,
    tier: u.tier,
    rank: u.rank,
    ofRanked: snap.units.filter((x) => x.rank !== null).length,
    total: u.total,
    band: u.band,
    complete: u.complete,
    groups: u.groups ?? {},
    indicators: Object.fromEntries(Object.entries(u.indicators).map(([k, v]) => [k, { numerator: v.numerator, denominator: v.denominator, ratio: v.ratio, points: v.points, max: v.max, status: v.status }])),
    reform: r ? { total: r.total, scoredMax: r.scoredMax, complete: r.complete, band: r.band } : null,
    previous: prev
      ? {
          rank: prev.rank,
          total: prev.total,
          band: prev.band,
          groups: prev.groups ?? {},
          indicators: Object.fromEntries(Object.entries(prev.indicators).map(([k, v]) => [k, { ratio: v.ratio, points: v.points }])),
          reform: pr?.total ?? null,
        }
      : null,
    change: {
      total: diff(u.total, prev?.total),
      rank: sameTier && u.rank !== null && prev.rank !== null ? prev.rank - u.rank : null,
      reform: diff(r?.total, pr?.total),
    },
  };
}

function headLines(heads: HeadRatings | undefined, prev: HeadRatings | undefined, unitId: string | null): ReportHead[] {
  return (heads?.heads ?? [])
    .filter((h) => unitId === null || h.unitId === unitId)
    .map((h) => {
      const p = prev?.heads.find((x) => x.headId === h.headId && x.unitId === h.unitId);
      return {
        headId: h.headId,
        unitId: h.unitId,
        tier: h.tier,
        unitNameVi: h.unitNameVi,
        unitNameEn: h.unitNameEn,
        name: h.name,
        title: h.title,
        status: h.status,
        pending: h.pending,
        results: h.results,
        general: h.general,
        total: h.total,
        band: h.band,
        previousTotal: p?.total ?? null,
        previousBand: p?.band ?? null,
        change: diff(h.total, p?.total),
      };
    });
}

/** The corrective actions whose basis period lies inside the report's period. */
async function actionLines(deps: ReportDeps, periodId: string, unitId: string | null): Promise<ReportAction[] | null> {
  if (!deps.reportActions) return null;
  const p = parsePeriod(periodId);
  const today = localDateOf(deps.clock.now());
  const inside = (id: string) => {
    try {
      const b = parsePeriod(id);
      return b.start >= p.start && b.end <= p.end;
    } catch {
      return false;
    }
  };
  return (await deps.reportActions.list())
    .filter((a) => (unitId === null || a.unitId === unitId) && inside(a.basis.period))
    .sort((a, b) => (a.unitId === b.unitId ? (a.deadline === b.deadline ? (a.actionId < b.actionId ? -1 : 1) : a.deadline < b.deadline ? -1 : 1) : a.unitId < b.unitId ? -1 : 1))
    .map((a) => ({
      actionId: a.actionId,
      unitId: a.unitId,
      basisKind: a.basis.kind,
      basisPeriod: a.basis.period,
      indicator: a.indicator,
      required: a.required,
      deadline: a.deadline,
      status: a.status,
      overdue: a.status !== "ACCEPTED" && a.deadline < today,
      lastReport: [...a.steps].reverse().find((s) => s.kind === "REPORTED")?.text ?? null,
    }));
}

/**
 * The report of `periodId` (a half-year or a year): the province's, or with `unitId` one unit's.
 * NOT_FOUND when the period has no snapshot (not scored), or the unit no row in it.
 */
export const buildReport =
  (deps: ReportDeps) =>
  async (periodId: string, unitId: string | null = null): Promise<ReportDocument> => {
    if (!isReportPeriod(periodId)) throw invalid("period", "a half-year or a year, such as 2025-H2 or 2025");
    const period = parsePeriod(periodId);
    const prevId = previousPeriod(period).id;
    const [now, before] = await Promise.all([periodData(deps, period.id), periodData(deps, prevId)]);
    if (now.snapshots.size === 0) throw new AdminError("NOT_FOUND", `${period.id} is not scored yet: no report.`);
    const previousUnits = new Map(unitsOf(before).map((u) => [u.unitId, u]));
    const lines: ReportUnit[] = [];
    const tiers: ReportTier[] = [];
    for (const [tier, snap] of now.snapshots) {
      const units = unitId === null ? snap.units : snap.units.filter((u) => u.unitId === unitId);
      if (units.length === 0) continue;
      tiers.push(tierSummary(tier, snap, before.snapshots.get(tier)));
      const ordered = [...units].sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || (a.unitId < b.unitId ? -1 : 1));
      for (const u of ordered) lines.push(unitLine(u, snap, previousUnits.get(u.unitId), now.reform, before.reform));
    }
    if (unitId !== null && lines.length === 0) throw new AdminError("NOT_FOUND", `${unitId} has no row in ${period.id}: no report.`);
    const snaps = [...now.snapshots.values()];
    const latest = (xs: readonly string[]) => (xs.length === 0 ? null : xs.reduce((a, b) => (a > b ? a : b)));
    const [findings, actions, narrative] = await Promise.all([
      listFindings(deps)(period.id, unitId ?? undefined),
      actionLines(deps, period.id, unitId),
      unitId !== null && deps.reportNarratives ? deps.reportNarratives.getNarrative(period.id, unitId) : Promise.resolve(undefined),
    ]);
    return {
      scope: unitId === null ? "province" : "unit",
      period: period.id,
      periodKind: period.kind === "YEAR" ? "YEAR" : "HALF",
      previousPeriod: prevId,
      unitId,
      methodology: snaps[0]?.methodology ?? deps.methodology,
      builtAt: deps.clock.now().toISOString(),
      dataAsOf: latest(snaps.map((s) => s.dataAsOf)),
      computedAt: latest(snaps.map((s) => s.computedAt)),
      status: "draft",
      version: null,
      tiers,
      units: lines,
      heads: headLines(now.heads, before.heads, unitId),
      findings: findings.filter((f) => f.status === "CONCLUDED"),
      actions,
      narrative: narrative ? { text: narrative.text, submittedAt: narrative.submittedAt, version: narrative.version } : null,
      narrativeAvailable: unitId !== null && deps.reportNarratives !== undefined,
    };
  };

/**
 * Publish (freeze) the province report of a period as version n + 1: the document as built now,
 * with `status` "published" and its `version`, stored as text and served byte for byte afterwards
 * (`readFrozenReport`). Refused when nothing moved since the latest version (NO_CHANGES: only
 * `builtAt` would differ) and when another publisher took the version first (PUBLISH_CONFLICT).
 * Audited (`report.publish`) through the outbox of one.
 */
export const publishReport =
  (deps: ReportDeps) =>
  async (actor: Actor, periodId: string): Promise<{ period: string; version: number; publishedAt: string }> => {
    if (!isReportPeriod(periodId)) throw invalid("period", "a half-year or a year, such as 2025-H2 or 2025");
    const store = deps.stores.reportPublications;
    const versions = await store.list(periodId);
    const latest = versions.at(-1);
    await flushAudit(deps, latest);
    const doc = await buildReport(deps)(periodId);
    const comparable = (d: ReportDocument) => JSON.stringify({ ...d, builtAt: "", status: "draft", version: null });
    if (latest && comparable(JSON.parse(latest.body) as ReportDocument) === comparable(doc)) {
      throw new AdminError("NO_CHANGES", `The ${periodId} report has not changed since version ${latest.version}: nothing to publish.`);
    }
    const version = (latest?.version ?? 0) + 1;
    const publishedAt = deps.clock.now().toISOString();
    const item = {
      period: periodId,
      methodology: doc.methodology,
      publishedAt,
      publishedBy: { sub: actor.sub, role: actor.role },
      body: JSON.stringify({ ...doc, status: "published", version }),
      version,
      lastAudit: auditEntry(deps, actor, "report.publish", "report", periodId, version, latest ? { version: latest.version } : null, { version, builtAt: doc.builtAt }),
    };
    if ((await store.create(item)) !== "ok") throw new AdminError("PUBLISH_CONFLICT", `Version ${version} of the ${periodId} report was published meanwhile: reload and try again.`);
    await flushAudit(deps, item);
    return { period: periodId, version, publishedAt };
  };

/** A published report's text exactly as stored. */
export const readFrozenReport =
  (deps: AdminDeps) =>
  async (periodId: string, version: number): Promise<string> => {
    const p = await deps.stores.reportPublications.get(periodId, version);
    if (!p) throw new AdminError("NOT_FOUND", `No version ${version} of the ${periodId} report.`);
    return p.body;
  };
