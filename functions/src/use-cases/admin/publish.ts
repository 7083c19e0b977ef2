import type { Actor } from "../../ports/admin.js";
import type { PublicationHeader, PublicationStore } from "../../ports/snapshots.js";
import { type RankingSnapshot, parsePeriod } from "@scorecard/shared";
import { type PublicationInfo, type UnitDifference, rankingDifferences, sameNumbers, versionLabel } from "@scorecard/shared/admin/publication";
import type { Publication, PublicationPreview, Publications } from "@scorecard/shared/contracts/admin";
import { frozenSnapshot, publicationInfo, syncPublicJson, withoutScanMetadata } from "../publish/published-rankings.js";
import type { Lake } from "../../ports/lake.js";
import { type RatingsResult, freezeRatings, ratingsDifferFrom, refreshRatings } from "../ratings/ratings.js";
import { SCORED_TIERS } from "../score/score-period.js";
import { type AdminDeps, AdminError, flushAudit } from "./common.js";

/** The frozen body: EXACT (signed-in roles read it; the public receives publicRankingOf of it). */
const frozen = (draft: RankingSnapshot, version: number): string => JSON.stringify({ ...withoutScanMetadata(draft), status: "published", version });

async function differencesOf(store: PublicationStore, previous: PublicationHeader | undefined, current: PublicationHeader): Promise<Record<string, UnitDifference[]>> {
  const out: Record<string, UnitDifference[]> = {};
  if (!previous) return out;
  for (const tier of current.tiers) {
    const after = await frozenSnapshot(store, current, tier);
    if (after) out[tier] = rankingDifferences(await frozenSnapshot(store, previous, tier), after);
  }
  return out;
}

const view = (h: PublicationHeader, differences: Record<string, UnitDifference[]>): Publication => ({
  period: h.period,
  methodology: h.methodology,
  version: h.version,
  label: versionLabel(h.version),
  publishedAt: h.publishedAt,
  publishedBy: h.publishedBy,
  tiers: h.tiers,
  differences,
});

/** What publishing a period now would freeze, and whether it would record anything new. */
interface PublicationPlan {
  readonly period: string;
  readonly latest: PublicationHeader | undefined;
  readonly drafts: readonly RankingSnapshot[];
  readonly version: number;
  readonly ratings: RatingsResult;
  /** The drafts' numbers differ from the latest version's (or a tier was added or dropped). */
  readonly numbersChanged: boolean;
  readonly ratingsChanged: boolean;
}

/**
 * The drafts of every tier, the version they would become, and what moved since the latest version.
 * `ratingsDeps` computes the heads' ratings and the reform index from these drafts: the live deps
 * (publishing stores the working values it freezes), or a read-only lake (a dry run writes nothing).
 */
async function planPublication(deps: AdminDeps, periodId: string, ratingsDeps: AdminDeps): Promise<PublicationPlan> {
  const period = parsePeriod(periodId).id;
  const m = deps.methodology;
  const latest = await deps.publications.latest(m, period);
  const drafts: RankingSnapshot[] = [];
  for (const tier of SCORED_TIERS) {
    const d = await deps.snapshots.get(m, period, tier);
    if (d) drafts.push(d);
  }
  if (drafts.length === 0) throw new AdminError("NO_DRAFT", `Nothing to publish: ${period} has not been scored.`);
  // The heads' ratings and the reform index, computed from these drafts: frozen with them.
  const ratings = await refreshRatings(ratingsDeps)(parsePeriod(period));
  let numbersChanged = latest === undefined || drafts.length !== latest.tiers.length;
  if (latest) {
    for (const d of drafts) {
      const before = await frozenSnapshot(deps.publications, latest, d.tier);
      if (!before || !sameNumbers(before, d)) numbersChanged = true;
    }
  }
  const ratingsChanged = latest !== undefined && (await ratingsDifferFrom(deps, latest, ratings));
  return { period, latest, drafts, version: (latest?.version ?? 0) + 1, ratings, numbersChanged, ratingsChanged };
}

/** A lake that reads through and writes nowhere: a dry run computes what a write would store without storing it. */
const readOnly = (lake: Lake): Lake => ({
  get: (key) => lake.get(key),
  list: (prefix) => lake.list(prefix),
  put: async () => undefined,
  removePrefix: async () => undefined,
});

/**
 * What `publishPeriod` would record now, without publishing (GET /v1/admin/publish/preview): the
 * version it would create, the difference list of every tier against the latest version, and
 * whether it would be refused as unchanged (NO_CHANGES). Nothing is written: the ratings are
 * computed over a read-only lake, and no audit entry is flushed.
 */
export const previewPublication =
  (deps: AdminDeps) =>
  async (periodId: string): Promise<PublicationPreview> => {
    const plan = await planPublication(deps, periodId, { ...deps, lake: readOnly(deps.lake) });
    const differences: Record<string, UnitDifference[]> = {};
    if (plan.latest) {
      for (const d of plan.drafts) differences[d.tier] = rankingDifferences(await frozenSnapshot(deps.publications, plan.latest, d.tier), d);
    }
    return {
      period: plan.period,
      methodology: deps.methodology,
      version: plan.version,
      previousVersion: plan.latest?.version ?? null,
      tiers: plan.drafts.map((d) => d.tier),
      changed: plan.numbersChanged || plan.ratingsChanged,
      ratingsChanged: plan.ratingsChanged,
      differences,
    };
  };

/**
 * Publish a period: freeze its draft snapshots of every tier as version n + 1, and with them the
 * period's head ratings and reform index (ratings.ts, `freezeRatings`).
 *
 * Order (no transactions; docs/storage.md): (1) store each tier's frozen body under a fresh
 * publicationId (new keys, `attribute_not_exists`) and the frozen ratings under the same id,
 * (2) write the header of version n + 1 with `attribute_not_exists` — the commit point. A
 * concurrent publisher of the same n loses at (2) with PUBLISH_CONFLICT; a crash before (2) leaves
 * unreferenced bodies that nothing reads. A header names
 * only bodies written before it, and no key is ever written twice, so a published version never changes.
 */
export const publishPeriod =
  (deps: AdminDeps) =>
  async (actor: Actor, periodId: string): Promise<Publication> => {
    const m = deps.methodology;
    const current = await deps.publications.latest(m, parsePeriod(periodId).id);
    if (current) await flushAudit(deps, { version: current.version, lastAudit: current.lastAudit });
    const { period, latest, drafts, version, ratings: currentRatings, numbersChanged, ratingsChanged } = await planPublication(deps, periodId, deps);
    if (latest && !numbersChanged && !ratingsChanged) {
      throw new AdminError("NO_CHANGES", `The draft of ${period} has the same numbers and ratings as ${versionLabel(latest.version)}: nothing to publish.`);
    }
    const publicationId = deps.newId();
    for (const d of drafts) await deps.publications.putFrozen(m, period, d.tier, publicationId, version, frozen(d, version));
    const ratings = await freezeRatings(deps)(parsePeriod(period), { publicationId, version }, currentRatings);
    const publishedAt = deps.clock.now().toISOString();
    const header0: PublicationHeader = {
      methodology: m,
      period,
      version,
      publicationId,
      publishedAt,
      publishedBy: actor,
      tiers: drafts.map((d) => d.tier),
      draftsComputedAt: Object.fromEntries(drafts.map((d) => [d.tier, d.computedAt])),
      lastAudit: null,
    };
    const differences = await differencesOf(deps.publications, latest, header0);
    const summary = Object.fromEntries(Object.entries(differences).map(([t, ds]) => [t, ds.map((d) => d.unitId)]));
    const entry = {
      auditId: `publication:${m}/${period}:v${version}`,
      at: publishedAt,
      actor,
      action: "publication.create",
      entityType: "publication",
      entityId: `${m}/${period}`,
      before: latest ? { version: latest.version, publicationId: latest.publicationId } : null,
      after: { version, publicationId, tiers: header0.tiers, ratings, unitsChanged: summary },
    };
    const header = { ...header0, lastAudit: entry };
    if ((await deps.publications.commit(header)) !== "ok") {
      throw new AdminError("PUBLISH_CONFLICT", `${period} was published as ${versionLabel(version)} by someone else just now: review the new version first.`);
    }
    await deps.stores.audit.append(entry);
    for (const d of drafts) await syncPublicJson(deps, m, period, d.tier);
    return view(header, differences);
  };

/** Every published version of a period, oldest first, each with what moved since the one before. */
export const listPublications = (deps: AdminDeps) => async (periodId: string): Promise<Publications> => {
  const period = parsePeriod(periodId).id;
  const headers = await deps.publications.list(deps.methodology, period);
  const versions: Publication[] = [];
  for (const [i, h] of headers.entries()) versions.push(view(h, await differencesOf(deps.publications, headers[i - 1], h)));
  const draft: Record<string, PublicationInfo> = {};
  for (const tier of SCORED_TIERS) {
    const info = await publicationInfo({ snapshots: deps.snapshots, publications: deps.publications, methodology: deps.methodology }, period, tier);
    if (info) draft[tier] = info.info;
  }
  return { period, versions, draft };
};

/** One tier of one published version, exactly as frozen (the stored text, byte for byte). */
export const readFrozen = (deps: AdminDeps) => async (periodId: string, version: number, tier: string): Promise<string> => {
  const period = parsePeriod(periodId).id;
  const h = (await deps.publications.list(deps.methodology, period)).find((x) => x.version === version);
  const body = h ? await deps.publications.frozenBody(h, tier) : undefined;
  if (!body) throw new AdminError("NOT_FOUND", `No published ${versionLabel(version)} of ${period} for ${tier}.`);
  return body;
};

