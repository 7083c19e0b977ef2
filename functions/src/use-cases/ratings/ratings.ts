/**
 * Head-of-unit ratings and the reform index, computed after scoring and after the Home Affairs
 * changes that feed them, stored as private lake objects beside the drill-downs (draft values,
 * like a ranking before publication; not under public/):
 *
 * - `ratings/<methodology>/<period>/heads.json`         HeadRatings (every rated tier)
 * - `ratings/<methodology>/<period>/reform-index.json`  ReformIndexView (half-years and years)
 *
 * Two entry points:
 * - `refreshRatings` with day rows — the scoring run (use-cases/jobs/score-run.ts: after each
 *   period, the head-attribution SQL on the run's facts, then the ratings);
 * - `refreshRatings` without day rows — a Home Affairs change (general criteria, a concluded
 *   finding, a manual criterion, a survey import, or the explicit admin recompute): no SQL; each
 *   head's tenure results are kept from the last scoring run when the tenure is unchanged.
 */
import type { QueryEngine } from "../../ports/engine.js";
import type { Clock } from "../../ports/runtime.js";
import { type AdminStores, HEAD_GENERAL_PREFIX, type HeadRoster, type StoredFinding } from "../../ports/admin.js";
import type { PublicationHeader, SnapshotStore } from "../../ports/snapshots.js";
import type { Lake } from "../../ports/lake.js";
import { type Head, type InspectionFinding, type Methodology, type Period, type RankedUnit, type RankingSnapshot, type UnitCatalog, getMethodology, parsePeriod } from "@scorecard/shared";
import type { HeadRatings, ReformIndexView } from "@scorecard/shared/contracts/read-api";
import { type RatingsDoc, frozenRatingsKey, headRatingsKey, periodOfHeadRatingsKey, ratingsRoot, reformIndexKey } from "@scorecard/shared/lake/layout";
import type { HeadDayRow } from "@scorecard/shared/methodology/head-tenure";
import { queryHeadDays } from "../score/indicator-rows.js";
import { headNumbers, numbersDiffer, readFrozenRatings, readJson, reformNumbers } from "./ratings-docs.js";
import { rateHeadsOfPeriod, tenureFromDays, tenureFromPrevious } from "./rate-heads.js";
import { hasReformIndex, reformIndexOfPeriod } from "./reform-index.js";

export interface RatingDeps {
  readonly snapshots: SnapshotStore;
  readonly lake: Lake;
  readonly catalog: UnitCatalog;
  readonly clock: Clock;
  readonly methodology: string;
  readonly stores: Pick<AdminStores, "findings" | "criteria" | "surveys" | "heads">;
}

/** A stored finding as shared's InspectionFinding (only concluded ones are ever passed on). */
const asFinding = (f: StoredFinding): InspectionFinding => ({
  findingId: f.findingId,
  unitId: f.unitId,
  headId: f.headId ?? undefined,
  periodId: f.periodId,
  criterion: f.criterion,
  deduction: f.deduction,
  evidence: f.evidence,
  noticeNumber: f.noticeNumber ?? undefined,
  noticeDate: f.noticeDate ?? undefined,
});

/** The tiers whose heads are rated and whose units get a reform index: the methodology's ranked tiers. */
const ratedTiers = (m: Methodology) => m.rankedTiers;

export interface RatingsResult {
  readonly heads: HeadRatings | null;
  readonly reform: ReformIndexView | null;
}

/**
 * Recompute and store a period's head ratings and (half-years, years) reform index from the
 * ranking snapshots and the Home Affairs stores. `days` are the head-attribution rows of a scoring
 * run; without them the tenure results of the last run are reused. `rosters`: the heads already
 * read by a run over several periods (read from the store when absent). `changed`: what a Home
 * Affairs write just changed (a unit's criteria, a finding); it is read with a consistent read,
 * because the period's listings (an index on AWS) may not show the write yet. Does nothing for a
 * period that has no ranking snapshot.
 */
export const refreshRatings =
  (deps: RatingDeps) =>
  async (
    period: Period,
    options: { days?: readonly HeadDayRow[]; rosters?: readonly HeadRoster[]; changed?: Changed; snapshots?: readonly RankingSnapshot[] } = {},
  ): Promise<RatingsResult> => {
    const { days, rosters, changed = {} } = options;
    const changedUnit = changed.unitId;
    const m = getMethodology(deps.methodology);
    // The period's drafts: those the scoring run just stored (`snapshots`), else read back.
    const tiers: readonly string[] = ratedTiers(m);
    const snaps = options.snapshots
      ? options.snapshots.filter((s) => s.methodology === deps.methodology && s.period === period.id && tiers.includes(s.tier))
      : (await Promise.all(tiers.map((t) => deps.snapshots.get(deps.methodology, period.id, t)))).filter((s) => s !== undefined);
    if (snaps.length === 0) return { heads: null, reform: null };
    const units = new Map<string, RankedUnit>(snaps.flatMap((s) => s.units.map((u) => [u.unitId, u] as const)));
    const hKey = headRatingsKey(deps.methodology, period.id);
    const [storedRosters, listedFindings, freshFinding, previous, surveys, listed, fresh] = await Promise.all([
      rosters ?? deps.stores.heads.list(),
      deps.stores.findings.listByPeriod(period.id),
      changed.findingId === undefined ? undefined : deps.stores.findings.get(changed.findingId),
      days ? undefined : readJson<HeadRatings>(deps.lake, hKey),
      hasReformIndex(period) ? deps.stores.surveys.list(period.id) : [],
      deps.stores.criteria.listByPeriod(period.id),
      changedUnit === undefined ? [] : deps.stores.criteria.list(changedUnit, period.id),
    ]);
    const criteria = changedUnit === undefined ? listed : [...listed.filter((c) => c.unitId !== changedUnit), ...fresh];
    const storedFindings = freshFinding === undefined ? listedFindings : [...listedFindings.filter((f) => f.findingId !== freshFinding.findingId), ...(freshFinding.periodId === period.id ? [freshFinding] : [])];
    // The period's criteria of the ranked units: their manual reform criteria and their heads' general criteria.
    const manual = new Map<string, Record<string, number>>([...units.keys()].map((u) => [u, {}]));
    const general = new Map<string, number>();
    const manualCodes = new Set(m.reformIndex.criteria.filter((c) => c.source === "MANUAL").map((c) => c.code));
    for (const c of criteria) {
      const own = manual.get(c.unitId);
      if (own === undefined || c.points === null) continue;
      if (c.criterion.startsWith(HEAD_GENERAL_PREFIX)) general.set(c.criterion.slice(HEAD_GENERAL_PREFIX.length), c.points);
      else if (manualCodes.has(c.criterion)) own[c.criterion] = c.points;
    }
    const findings = storedFindings.filter((f) => f.status === "CONCLUDED").map(asFinding);
    const heads: Head[] = storedRosters.flatMap((r) => r.heads.map((h) => ({ ...h, unitId: r.unitId })));
    const now = deps.clock.now().toISOString();
    const tenure = days ? tenureFromDays(m, period, days) : tenureFromPrevious(previous?.heads ?? []);
    const headRatings: HeadRatings = {
      period: period.id,
      methodology: deps.methodology,
      computedAt: now,
      scoredAt: days ? now : (previous?.scoredAt ?? null),
      status: "draft",
      version: null,
      resultsMax: m.headRating.resultsMax,
      generalMax: m.headRating.generalMax,
      heads: rateHeadsOfPeriod({ m, period, units, heads, general, findings, tenure }),
    };
    await deps.lake.put(hKey, JSON.stringify(headRatings), "application/json");
    let reform: ReformIndexView | null = null;
    if (hasReformIndex(period)) {
      const survey = new Map(surveys.map((s) => [s.unitId, s.share]));
      reform = {
        period: period.id,
        methodology: deps.methodology,
        computedAt: now,
        status: "draft",
        version: null,
        provisional: m.reformIndex.provisional,
        units: reformIndexOfPeriod({ m, period, units: [...units.values()], manual, survey, findings }),
      };
      await deps.lake.put(reformIndexKey(deps.methodology, period.id), JSON.stringify(reform), "application/json");
    }
    return { heads: headRatings, reform };
  };

/** Ratings of a period already scored, without re-scoring it (e.g. data folders scored before ratings existed). */
export const rateScoredPeriod = (engine: QueryEngine, deps: RatingDeps) => async (period: Period): Promise<RatingsResult> =>
  refreshRatings(deps)(period, { days: await queryHeadDays(engine, period) });

/** Period ids that have stored (working) head ratings. */
export async function ratedPeriods(deps: { readonly lake: Lake; readonly methodology: string }): Promise<Set<string>> {
  const keys = await deps.lake.list(ratingsRoot(deps.methodology));
  return new Set(keys.map((k) => periodOfHeadRatingsKey(deps.methodology, k)).filter((p): p is string => p !== undefined));
}

/**
 * Publishing (admin/publish.ts) freezes the period's ratings with its ranking: `current` are the
 * ratings recomputed from the drafts being published and the Home Affairs records of now
 * (`refreshRatings` without day rows: the tenures' results of the last scoring run), copied under
 * the publication's id with status "published" and the version. Returns the documents frozen
 * (none before the period is scored).
 */
export const freezeRatings =
  (deps: Pick<RatingDeps, "lake" | "methodology">) =>
  async (period: Period, publication: { readonly publicationId: string; readonly version: number }, current: RatingsResult): Promise<RatingsDoc[]> => {
    const frozen: RatingsDoc[] = [];
    const put = async (doc: RatingsDoc, body: object) => {
      await deps.lake.put(frozenRatingsKey(deps.methodology, period.id, publication.publicationId, doc), JSON.stringify({ ...body, status: "published", version: publication.version }), "application/json");
      frozen.push(doc);
    };
    if (current.heads) await put("heads", current.heads);
    if (current.reform) await put("reform-index", current.reform);
    return frozen;
  };

/**
 * Whether ratings just computed differ from those a publication froze (or it froze none while
 * there are some now: a period published before its ratings were frozen). Publishing a version
 * whose ranking did not move is allowed when its ratings did.
 */
export async function ratingsDifferFrom(deps: Pick<RatingDeps, "lake" | "methodology">, header: PublicationHeader, current: RatingsResult): Promise<boolean> {
  const differ = <T>(now: T | null, then: T | undefined, numbers: (d: T) => unknown) => now !== null && (then === undefined || numbersDiffer(now, then, numbers));
  return differ(current.heads, await readFrozenRatings<HeadRatings>(deps, header, "heads"), headNumbers) || differ(current.reform, await readFrozenRatings<ReformIndexView>(deps, header, "reform-index"), reformNumbers);
}

/** Re-rate the periods a Home Affairs change touched (no SQL); returns the periods re-rated. */
/** What a Home Affairs write just changed: a unit's criteria, a finding. */
export interface Changed {
  readonly unitId?: string;
  readonly findingId?: string;
}

export const refreshAfterChange =
  (deps: RatingDeps) =>
  async (periodIds: readonly string[], changed: Changed = {}): Promise<string[]> => {
    const done: string[] = [];
    for (const id of new Set(periodIds)) {
      const r = await refreshRatings(deps)(parsePeriod(id), { changed });
      if (r.heads) done.push(id);
    }
    return done;
  };

