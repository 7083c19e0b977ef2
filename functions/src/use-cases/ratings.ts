/**
 * Head-of-unit ratings and the reform index, computed after scoring and after the Home Affairs
 * changes that feed them, stored as private lake objects beside the drill-downs (draft values,
 * like a ranking before publication; not under public/):
 *
 * - `ratings/<methodology>/<period>/heads.json`         HeadRatings (every rated tier)
 * - `ratings/<methodology>/<period>/reform-index.json`  ReformIndexView (half-years and years)
 *
 * Two entry points:
 * - `scoreAndRatePeriods` (`scoreAndRate` for one period) — the scoring run: scorePeriods, and after
 *   each period the head-attribution SQL on the run's facts, then the ratings. Every place that
 *   scores (CLI, scheduler, seed, npm start, the cloud job) calls this instead of scorePeriods.
 * - `refreshRatings` without day rows — a Home Affairs change (general criteria, a concluded
 *   finding, a manual criterion, a survey import, or the explicit admin recompute): no SQL; each
 *   head's tenure results are kept from the last scoring run when the tenure is unchanged.
 */
import { type Head, type InspectionFinding, type Methodology, type Period, type RankedUnit, type UnitCatalog, getMethodology, parsePeriod } from "@scorecard/shared";
import type { HeadRatings, RatingsPublication, ReformIndexView } from "@scorecard/shared/contracts/read-api";
import type { HeadDayRow } from "@scorecard/shared/methodology/head-tenure";
import type { AdminStores, Clock, HeadRoster, Lake, PublicationHeader, PublicationStore, QueryEngine, SnapshotStore, StoredFinding } from "../ports/index.js";
import { HEAD_GENERAL_PREFIX } from "./admin/head-general.js";
import { queryHeadDays } from "./indicator-rows.js";
import { rateHeadsOfPeriod, tenureFromDays, tenureFromPrevious } from "./rate-heads.js";
import { hasReformIndex, reformIndexOfPeriod } from "./reform-index.js";
import { type ScoreDeps, type ScoreEngine, type ScoreRunOptions, scorePeriods } from "./score-period.js";

export interface RatingDeps {
  readonly snapshots: SnapshotStore;
  readonly lake: Lake;
  readonly catalog: UnitCatalog;
  readonly clock: Clock;
  readonly methodology: string;
  readonly stores: Pick<AdminStores, "findings" | "criteria" | "surveys" | "heads">;
}

export const headRatingsKey = (methodology: string, period: string) => `ratings/${methodology}/${period}/heads.json`;
export const reformIndexKey = (methodology: string, period: string) => `ratings/${methodology}/${period}/reform-index.json`;

type RatingsDoc = "heads" | "reform-index";
/**
 * A period's ratings as frozen by a publication: under the publication's id, like the ranking's
 * frozen bodies, and written before its header (the commit point) — a publication that loses the
 * race or crashes leaves objects that no header names, and a frozen object is never rewritten.
 */
export const frozenRatingsKey = (methodology: string, period: string, publicationId: string, doc: RatingsDoc) => `ratings/${methodology}/${period}/published/${publicationId}/${doc}.json`;

async function readJson<T>(lake: Lake, key: string): Promise<T | undefined> {
  const body = await lake.get(key);
  return body === undefined ? undefined : (JSON.parse(new TextDecoder().decode(body)) as T);
}

/** A ratings document as a publication froze it; undefined when that publication froze none. */
const readFrozenRatings = <T>(deps: { readonly lake: Lake; readonly methodology: string }, header: PublicationHeader, doc: RatingsDoc) =>
  readJson<T>(deps.lake, frozenRatingsKey(deps.methodology, header.period, header.publicationId, doc));

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
  async (period: Period, options: { days?: readonly HeadDayRow[]; rosters?: readonly HeadRoster[]; changed?: Changed } = {}): Promise<RatingsResult> => {
    const { days, rosters, changed = {} } = options;
    const changedUnit = changed.unitId;
    const m = getMethodology(deps.methodology);
    const snaps = (await Promise.all(ratedTiers(m).map((t) => deps.snapshots.get(deps.methodology, period.id, t)))).filter((s) => s !== undefined);
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

/**
 * The scoring run of one period with its ratings: score it, run the head-attribution SQL, then
 * rate the heads and compute the reform index. Returns the snapshots.
 */
export const scoreAndRate =
  (score: ScoreDeps, ratings: RatingDeps) =>
  async (period: Period, options: { engine?: ScoreEngine } = {}) =>
    scoreAndRatePeriods(score, ratings)([period], options);

/**
 * One scoring run over several periods (scorePeriods: the case facts staged once), each period
 * rated on the run's facts right after it is scored. The head rosters are read once per run.
 */
export const scoreAndRatePeriods =
  (score: ScoreDeps, ratings: RatingDeps) =>
  async (periods: readonly Period[], options: Omit<ScoreRunOptions, "afterPeriod" | "withHeadDays"> = {}) => {
    let rosters: Promise<HeadRoster[]> | undefined;
    // The head-attribution rows of each period, queried with its engine work, rated after its snapshots.
    const days = new Map<string, readonly HeadDayRow[]>();
    return scorePeriods(score)(periods, {
      ...options,
      withHeadDays: (period, rows) => {
        days.set(period.id, rows);
      },
      afterPeriod: async (period) => {
        rosters ??= ratings.stores.heads.list();
        const heads = await rosters;
        const rows = days.get(period.id);
        days.delete(period.id);
        await refreshRatings(ratings)(period, { ...(rows ? { days: rows } : {}), rosters: heads });
      },
    });
  };

/** Ratings of a period already scored, without re-scoring it (e.g. data folders scored before ratings existed). */
export const rateScoredPeriod = (engine: QueryEngine, deps: RatingDeps) => async (period: Period): Promise<RatingsResult> =>
  refreshRatings(deps)(period, { days: await queryHeadDays(engine, period) });

/** Period ids that have stored (working) head ratings. */
export async function ratedPeriods(deps: RatingReadDeps): Promise<Set<string>> {
  const keys = await deps.lake.list(`ratings/${deps.methodology}/`);
  // ratings/<methodology>/<period>/heads.json: not the frozen copies under <period>/published/.
  return new Set(keys.map((k) => k.split("/")).filter((parts) => parts.length === 4 && parts[3] === "heads.json").map((parts) => parts[2] as string));
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

// ——— reads (the read API) ———

export interface RatingReadDeps {
  readonly lake: Lake;
  readonly methodology: string;
  /** Published versions; without it only the working values are read. */
  readonly publications?: PublicationStore | undefined;
}

export interface RatingsFilter {
  readonly tier?: string;
  readonly unitId?: string;
  /** A published version: the values frozen with it instead of the working ones. */
  readonly version?: number;
}

/**
 * A ratings document as served: the working values (or, with `filter.version`, those frozen with
 * that published version) with where they stand against the latest publication that froze ratings.
 * Undefined when never computed, or when that version froze none (published before ratings were
 * frozen, or before the period was rated).
 */
async function readRatings<T extends { readonly version: number | null }>(
  deps: RatingReadDeps,
  periodId: string,
  doc: RatingsDoc,
  workingKey: string,
  version: number | undefined,
  numbers: (d: T) => unknown,
): Promise<(T & { readonly publication: RatingsPublication }) | undefined> {
  const period = parsePeriod(periodId).id;
  const headers = deps.publications ? await deps.publications.list(deps.methodology, period) : [];
  const frozen = (h: PublicationHeader) => readFrozenRatings<T>(deps, h, doc);
  const working = await readJson<T>(deps.lake, workingKey);
  // The latest publication that froze this document.
  let latest: { header: PublicationHeader; body: T } | undefined;
  for (const h of [...headers].sort((a, b) => b.version - a.version)) {
    const body = await frozen(h);
    if (body) {
      latest = { header: h, body };
      break;
    }
  }
  const publication: RatingsPublication = {
    version: latest?.header.version ?? null,
    publishedAt: latest?.header.publishedAt ?? null,
    draftDiffers: latest !== undefined && working !== undefined && numbersDiffer(working, latest.body, numbers),
  };
  if (version === undefined) return working === undefined ? undefined : { ...working, version: working.version ?? null, publication };
  const h = headers.find((x) => x.version === version);
  const body = h === undefined ? undefined : h === latest?.header ? latest.body : await frozen(h);
  return body === undefined ? undefined : { ...body, publication };
}

/** Whether two ratings documents differ in what they rate (not in when they were computed). */
const numbersDiffer = <T>(a: T, b: T, numbers: (d: T) => unknown) => JSON.stringify(numbers(a)) !== JSON.stringify(numbers(b));

const headNumbers = (d: HeadRatings) =>
  [...d.heads]
    .sort((a, b) => a.unitId.localeCompare(b.unitId) || a.headId.localeCompare(b.headId))
    .map((h) => [h.unitId, h.headId, h.status, h.pending, h.tenure, h.results, h.deductions, h.general, h.total, h.band, h.cappedFromExcellent]);
const reformNumbers = (d: ReformIndexView) => [...d.units].sort((a, b) => a.unitId.localeCompare(b.unitId)).map((u) => [u.unitId, u.criteria, u.total, u.scoredMax, u.complete, u.band]);

/** A period's head ratings, optionally of one tier or one unit, working or of a published version. */
export const readHeadRatings =
  (deps: RatingReadDeps) =>
  async (periodId: string, filter: RatingsFilter = {}): Promise<(HeadRatings & { readonly publication: RatingsPublication }) | undefined> => {
    const doc = await readRatings<HeadRatings>(deps, periodId, "heads", headRatingsKey(deps.methodology, parsePeriod(periodId).id), filter.version, headNumbers);
    if (!doc) return undefined;
    return { ...doc, heads: doc.heads.filter((h) => (filter.tier === undefined || h.tier === filter.tier) && (filter.unitId === undefined || h.unitId === filter.unitId)) };
  };

/** A period's reform index, optionally of one tier or one unit, working or of a published version. */
export const readReformIndex =
  (deps: RatingReadDeps) =>
  async (periodId: string, filter: RatingsFilter = {}): Promise<(ReformIndexView & { readonly publication: RatingsPublication }) | undefined> => {
    const doc = await readRatings<ReformIndexView>(deps, periodId, "reform-index", reformIndexKey(deps.methodology, parsePeriod(periodId).id), filter.version, reformNumbers);
    if (!doc) return undefined;
    return { ...doc, units: doc.units.filter((u) => (filter.tier === undefined || u.tier === filter.tier) && (filter.unitId === undefined || u.unitId === filter.unitId)) };
  };
