import type { RulesStore } from "../../ports/rules.js";
import type { Clock } from "../../ports/runtime.js";
import type { KeptLists, OpenCaseIndex } from "../../ports/read.js";
import type { PublicationStore, SnapshotStore } from "../../ports/snapshots.js";
import type { Row } from "../../ports/engine.js";
import type { Lake } from "../../ports/lake.js";
import { type DrilldownPointer, catalogListPrefix, drilldownPrefix, drilldownRunKey, finishedListPrefix, unitListPrefix } from "@scorecard/shared/lake/layout";
import { type Period, type PublicMeta, type RankedUnit, type RankingSnapshot, RANKED_TIERS, type UnitCatalog, longestPeriodEndingWith, parsePeriod, previousPeriod } from "@scorecard/shared";
import type { PublicationInfo } from "@scorecard/shared/admin/publication";
import { LATEST_PERIOD } from "@scorecard/shared/contracts/api";
import { CASE_STATUSES } from "@scorecard/shared/contracts/params";
import type { CaseRow, TrendPoint, UnitScorecard, UnitTrend } from "@scorecard/shared/contracts/read-api";
import { caseInList } from "@scorecard/shared/sql/case-status.sql";
import { isDossierRow } from "@scorecard/shared/facts/indicator-lists";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { toCaseRow } from "./case-rules.js";

export type { CaseRow, TrendPoint, UnitScorecard };
import { type PublicRankingView, publicRankingOf, publicationInfo } from "../publish/published-rankings.js";

export interface ReadDeps {
  readonly snapshots: SnapshotStore;
  /** Published versions (issue 6); without it every ranking is the draft. */
  readonly publications?: PublicationStore | undefined;
  readonly catalog: UnitCatalog;
  readonly lake: Lake;
  readonly methodology: string;
  readonly openCases: OpenCaseIndex;
  readonly clock: Clock;
  /** Rules as data (issue 24, item 4): `GET /v1/public/rules` reads them; absent: the route answers 404. */
  readonly rules?: RulesStore | undefined;
  /**
   * The drill-down lists of runs over kept case facts, read on request (use-cases/score/kept-lists.ts;
   * docs/adr/0023). Absent (the cloud's read API today): such a period's lists are "not found".
   */
  readonly keptLists?: KeptLists | undefined;
}

/** Period ids newest first: by end, then shorter periods first (month before quarter before half...). */
export function sortPeriodsNewestFirst(ids: readonly string[]): string[] {
  const order = { MONTH: 0, QUARTER: 1, HALF: 2, YEAR: 3 } as const;
  return [...ids]
    .map(parsePeriod)
    .sort((a, b) => (a.end === b.end ? order[a.kind] - order[b.kind] : a.end < b.end ? 1 : -1))
    .map((p) => p.id);
}

/** A ranking as served: the snapshot and where it stands against the latest published version (contract `RankingView`). */
type RankingView = RankingSnapshot & { readonly publication: PublicationInfo };

/**
 * The working ranking (role-checked route): the current draft, flagged `draftDiffers` when its
 * numbers moved since the latest published version (the published version is not replaced).
 */
export const readRanking =
  (deps: ReadDeps) =>
  async (periodId: string, tier: string): Promise<RankingView | undefined> => {
    const r = await publicationInfo(deps, parsePeriod(periodId).id, tier);
    const snapshot = r?.draft ?? r?.published;
    return r && snapshot ? { ...snapshot, publication: r.info } : undefined;
  };

/**
 * The public ranking: the latest PUBLISHED version when there is one (never silently replaced by a
 * recompute), the draft (status "draft") before the first publication.
 */
export const readPublicRanking = (deps: ReadDeps) => {
  // The same stored snapshot (a cached store returns the same object until it is rewritten) with
  // the same publication info gives the same view object, so the handler can reuse its serialised body.
  const views = new WeakMap<RankingSnapshot, { info: string; view: PublicRankingView }>();
  return async (periodId: string, tier: string): Promise<PublicRankingView | undefined> => {
    const r = await publicationInfo(deps, parsePeriod(periodId).id, tier);
    const snapshot = r?.published ?? r?.draft;
    if (!r || !snapshot) return undefined;
    const info = JSON.stringify(r.info);
    const hit = views.get(snapshot);
    if (hit && hit.info === info) return hit.view;
    // Small counts withheld (issue 20, item 3): never the exact snapshot.
    const view = { ...(await publicRankingOf(deps, snapshot)), publication: r.info };
    views.set(snapshot, { info, view });
    return view;
  };
};

/**
 * `GET /v1/public/rankings`: the public ranking of a period — or of `latest`, the newest scored
 * period (the first of the meta's) — serialised once per view: a large tier's ranking is ~0.5 MB
 * of JSON, and the same view object (readPublicRanking reuses it) gives the same body. `period` is
 * undefined when nothing has been scored yet; `json` when that period has no ranking of the tier.
 */
export const readPublicRankingJson = (deps: ReadDeps) => {
  const ranking = readPublicRanking(deps);
  const meta = readPublicMeta(deps);
  const bodies = new WeakMap<PublicRankingView, string>();
  return async (periodOrLatest: string, tier: string): Promise<{ period: string | undefined; json: string | undefined }> => {
    const period = periodOrLatest === LATEST_PERIOD ? (await meta()).periods[0] : periodOrLatest;
    const view = period === undefined ? undefined : await ranking(period, tier);
    if (!view) return { period, json: undefined };
    let json = bodies.get(view);
    if (json === undefined) {
      json = JSON.stringify(view);
      bodies.set(view, json);
    }
    return { period, json };
  };
};

export const readPublicMeta = (deps: ReadDeps) => async (): Promise<PublicMeta> => {
  const periods = sortPeriodsNewestFirst(await deps.snapshots.periods(deps.methodology));
  const latest = periods[0] ? await deps.snapshots.get(deps.methodology, periods[0], "DEPARTMENT") : undefined;
  const headers = deps.publications ? await Promise.all(periods.map((p) => deps.publications?.latest(deps.methodology, p))) : [];
  const published = headers.filter((h) => h !== undefined).map((h) => ({ period: h.period, version: h.version, publishedAt: h.publishedAt }));
  return { methodology: deps.methodology, periods, tiers: [...RANKED_TIERS], computedAt: latest?.computedAt ?? null, published };
};


/** One unit's indicators for a period, with the same unit in the previous period of the same kind. */
export const readUnitScorecard =
  (deps: ReadDeps) =>
  async (unitId: string, periodId: string): Promise<UnitScorecard | undefined> => {
    const unit = deps.catalog.get(unitId);
    if (!unit) return undefined;
    const period = parsePeriod(periodId);
    const snap = await deps.snapshots.get(deps.methodology, period.id, unit.tier);
    const row = snap?.units.find((u) => u.unitId === unitId);
    if (!snap || !row) return undefined;
    const prev = previousPeriod(period);
    const prevSnap = await deps.snapshots.get(deps.methodology, prev.id, unit.tier);
    return {
      period: period.id,
      methodology: snap.methodology,
      computedAt: snap.computedAt,
      unit: row,
      rankedUnits: snap.units.filter((u) => u.rank !== null).length,
      previous: prevSnap ? { period: prev.id, unit: prevSnap.units.find((u) => u.unitId === unitId) ?? null } : null,
    };
  };


/**
 * Drill-downs (written by the scoring run: use-cases/score/drilldown-writer.ts; keys:
 * shared/src/lake/layout.ts): the list of the longest period of each end, read for every period
 * with that end.
 */
/**
 * Rows of one drill-down file: CSV with a header (`.csv`, DuckDB's COPY; empty = NULL), else
 * newline-delimited JSON — gzip-compressed when the bytes say so (Athena's UNLOAD names its files
 * by query id, with or without `.gz`), a null possibly written as an absent key.
 */
export function drilldownRows(key: string, body: Uint8Array): Row[] {
  if (key.endsWith(".csv")) {
    const records = parse(new TextDecoder().decode(body), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    return records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === "" ? null : v])));
  }
  const gzip = body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b;
  const text = new TextDecoder().decode(gzip ? gunzipSync(body) : body);
  return text.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Row);
}

/** Drill-down rows are listed in the order of the statuses the route filters on. */
const STATUS_ORDER: readonly string[] = CASE_STATUSES;

/**
 * Where a period's drill-down is: the list of the longest period with its end, when it was written
 * for a start no later than the period's; else a list written for the period itself (before the
 * lists were shared).
 */
export async function drilldownSource(deps: ReadDeps, period: Period): Promise<DrilldownSource | undefined> {
  const pointer = async (id: string) => {
    const body = await deps.lake.get(drilldownRunKey(deps.methodology, id));
    return body ? (JSON.parse(new TextDecoder().decode(body)) as DrilldownPointer) : undefined;
  };
  const span = longestPeriodEndingWith(period);
  // A run over kept facts wrote no list: readable where the deployment reads kept facts.
  const shared = await pointer(span.id).then((p) => (p?.kept !== undefined && !deps.keptLists ? undefined : p));
  if (shared && (shared.from === undefined ? span.id === period.id : shared.from <= period.start)) return { periodId: span.id, pointer: shared };
  const own = span.id === period.id ? undefined : await pointer(period.id);
  return own ? { periodId: period.id, pointer: own } : undefined;
}

/** Where a period's drill-down is: the period whose list it is, and that list's pointer. */
export interface DrilldownSource {
  readonly periodId: string;
  readonly pointer: DrilldownPointer;
}

/** The kept lists of the deployment, for a list whose run scored over kept facts (drilldownSource names one only where there are). */
function keptListsOf(deps: ReadDeps): KeptLists {
  if (!deps.keptLists) throw new Error("the lists of this period are read from kept case facts, which this deployment does not read");
  return deps.keptLists;
}

/**
 * A partition's rows of the end's list a source names, whoever holds them (docs/adr/0023 point 7):
 * the kept facts, read on request, or the run's files. `part`: the dossiers (from files: the end's
 * own and the run's finished cases whose last event is before `endT`) or the records behind the
 * other indicators (issue 20, item 1).
 */
export async function endListRows(deps: ReadDeps, source: DrilldownSource, partition: string, part: "dossiers" | "records", endT: number): Promise<Row[]> {
  const { periodId, pointer } = source;
  const wanted = part === "dossiers" ? isDossierRow : (r: Row) => !isDossierRow(r);
  if (pointer.kept !== undefined) return (await keptListsOf(deps).endRows(parsePeriod(periodId), partition)).filter(wanted);
  const own = await listRows(deps.lake, unitListPrefix(drilldownPrefix(deps.methodology, periodId), pointer.run, partition), wanted);
  if (part === "records" || pointer.finished === undefined) return own;
  const finished = await listRows(deps.lake, unitListPrefix(finishedListPrefix(deps.methodology), pointer.finished, partition), (r) => Number(r["last_t"]) < endT);
  return [...own, ...finished];
}

/** A unit's catalog entries the source names (the run's catalog list, or the kept facts' on request); undefined when the run wrote none. */
export async function catalogListRows(deps: ReadDeps, source: DrilldownSource, unitId: string): Promise<Row[] | undefined> {
  const { periodId, pointer } = source;
  if (pointer.kept !== undefined) return keptListsOf(deps).catalogRows(parsePeriod(periodId), unitId);
  return pointer.catalog === undefined ? undefined : listRows(deps.lake, unitListPrefix(catalogListPrefix(deps.methodology), pointer.catalog, unitId), () => true);
}

/** The rows of every drill-down file under a prefix that `keep` accepts. */
export async function listRows(lake: Lake, prefix: string, keep: (r: Row) => boolean): Promise<Row[]> {
  const rows: Row[] = [];
  for (const key of await lake.list(prefix)) {
    const body = await lake.get(key);
    if (body) for (const r of drilldownRows(key, body)) if (keep(r)) rows.push(r);
  }
  return rows;
}

/**
 * The dossiers behind a unit's progress numbers for a period (written by the scoring run):
 * undefined for an unknown unit or a period never scored, [] for a unit without dossiers.
 */
export const readUnitCases =
  (deps: ReadDeps) =>
  async (unitId: string, periodId: string, status?: string): Promise<CaseRow[] | undefined> => {
    if (!deps.catalog.get(unitId)) return undefined;
    const period = parsePeriod(periodId);
    const source = await drilldownSource(deps, period);
    if (!source) return undefined;
    const startT = Date.parse(period.start) / 1000;
    const endT = Date.parse(period.end) / 1000;
    // The dossiers only: an end's list holds the records behind the unit's other indicators too (`kind`, issue 20 item 1).
    const rows = (await endListRows(deps, source, unitId, "dossiers", endT)).filter((r) => caseInList(r, startT)).map(toCaseRow);
    rows.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.receivedAt.localeCompare(b.receivedAt) || a.caseId.localeCompare(b.caseId));
    return status ? rows.filter((r) => r.status === status) : rows;
  };

/**
 * A unit's months of one year (or any list of periods): the unit's row from each period's draft
 * snapshot. Across a merger the trend follows the successor links; such points carry the other
 * unit id so the page can mark them.
 */
export const readUnitTrend =
  (deps: ReadDeps) =>
  async (unitId: string, periodIds: readonly string[]): Promise<TrendPoint[] | undefined> => {
    const unit = deps.catalog.get(unitId);
    if (!unit) return undefined;
    const related = new Set([unitId, ...unit.successorIds]);
    for (const u of deps.catalog.units) if (u.successorIds.includes(unitId)) related.add(u.unitId);
    const points: TrendPoint[] = [];
    for (const id of periodIds) {
      const period = parsePeriod(id);
      const snaps = await Promise.all(
        [...new Set([...related].map((r) => deps.catalog.get(r)?.tier).filter((t): t is string => t !== undefined))].map((tier) => deps.snapshots.get(deps.methodology, period.id, tier)),
      );
      const row = snaps.flatMap((s) => (s ? s.units.map((u) => ({ s, u })) : [])).find(({ u }) => u.unitId === unitId) ??
        snaps.flatMap((s) => (s ? s.units.map((u) => ({ s, u })) : [])).find(({ u }) => related.has(u.unitId));
      if (row) points.push({ period: period.id, unitId: row.u.unitId, total: row.u.total, rank: row.u.rank, rankedUnits: row.s.units.filter((x) => x.rank !== null).length, indicators: row.u.indicators });
    }
    return points;
  };

/** `GET /v1/units/{unitId}/trend?year=`: the unit's twelve months of a year; undefined for an unknown unit. */
export const readUnitYear = (deps: ReadDeps) => {
  const trend = readUnitTrend(deps);
  return async (unitId: string, year: number): Promise<UnitTrend | undefined> => {
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
    const points = await trend(unitId, months);
    return points && { unitId, year, methodology: deps.methodology, points };
  };
};
