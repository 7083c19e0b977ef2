import type { Actor } from "../../ports/admin.js";
import type { PublicationHeader, PublicationStore } from "../../ports/snapshots.js";
import { type RankingSnapshot, parsePeriod } from "@scorecard/shared";
import { type PublicationInfo, type UnitDifference, rankingDifferences, sameNumbers, versionLabel } from "@scorecard/shared/admin/publication";
import type { Publication, Publications } from "@scorecard/shared/contracts/admin";
import { frozenSnapshot, publicationInfo, syncPublicJson, withoutScanMetadata } from "../publish/published-rankings.js";
import { freezeRatings, ratingsDifferFrom, refreshRatings } from "../ratings/ratings.js";
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
    const period = parsePeriod(periodId).id;
    const m = deps.methodology;
    const latest = await deps.publications.latest(m, period);
    if (latest) await flushAudit(deps, { version: latest.version, lastAudit: latest.lastAudit });
    const drafts: RankingSnapshot[] = [];
    for (const tier of SCORED_TIERS) {
      const d = await deps.snapshots.get(m, period, tier);
      if (d) drafts.push(d);
    }
    if (drafts.length === 0) throw new AdminError("NO_DRAFT", `Nothing to publish: ${period} has not been scored.`);
    const version = (latest?.version ?? 0) + 1;
    // The heads' ratings and the reform index, computed from these drafts: frozen with them.
    const currentRatings = await refreshRatings(deps)(parsePeriod(period));
    if (latest) {
      let changed = false;
      for (const d of drafts) {
        const before = await frozenSnapshot(deps.publications, latest, d.tier);
        if (!before || !sameNumbers(before, d)) changed = true;
      }
      if (!changed && drafts.length === latest.tiers.length && !(await ratingsDifferFrom(deps, latest, currentRatings))) {
        throw new AdminError("NO_CHANGES", `The draft of ${period} has the same numbers and ratings as ${versionLabel(latest.version)}: nothing to publish.`);
      }
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

