import type { PublicationHeader, PublicationStore, SnapshotStore } from "../../ports/snapshots.js";
import type { Lake } from "../../ports/lake.js";
import { publicRankingKey } from "@scorecard/shared/lake/layout";
import type { RankingSnapshot } from "@scorecard/shared";
import { type PublicationInfo, sameNumbers } from "@scorecard/shared/admin/publication";
import type { PublicRankingSnapshot } from "@scorecard/shared/publish/public-ranking";
import { publicRanking } from "@scorecard/shared/publish/suppression";

/** Published rankings as readers see them (issue 6, item 6): shared by the read API, scoring and publishing. */


export async function frozenSnapshot(store: PublicationStore, h: PublicationHeader, tier: string): Promise<RankingSnapshot | undefined> {
  const body = await store.frozenBody(h, tier);
  return body === undefined ? undefined : (JSON.parse(body) as RankingSnapshot);
}

export interface RankingReadDeps {
  readonly snapshots: SnapshotStore;
  readonly publications?: PublicationStore | undefined;
  readonly methodology: string;
}

/** The draft and the latest published version of a tier, and whether the draft's numbers moved since. */
export async function publicationInfo(
  deps: RankingReadDeps,
  period: string,
  tier: string,
): Promise<{ draft: RankingSnapshot | undefined; published: RankingSnapshot | undefined; header: PublicationHeader | undefined; info: PublicationInfo } | undefined> {
  const draft = await deps.snapshots.get(deps.methodology, period, tier);
  const header = deps.publications ? await deps.publications.latest(deps.methodology, period) : undefined;
  const published = header && deps.publications ? await frozenSnapshot(deps.publications, header, tier) : undefined;
  if (!draft && !published) return undefined;
  const draftDiffers = published !== undefined && draft !== undefined && !sameNumbers(published, draft);
  return { draft, published, header, info: { version: published ? (header as PublicationHeader).version : null, publishedAt: published ? (header as PublicationHeader).publishedAt : null, draftDiffers } };
}

/**
 * The lake's public JSON of a tier (served as static files): the public view (small counts
 * withheld) of the latest published version once there is one, of the draft before. Called by the
 * scoring run after it stores a draft and by publishing after the commit; whichever runs last
 * writes the latest published version, so the file heals itself.
 */
export async function syncPublicJson(deps: { readonly lake: Lake; readonly publications?: PublicationStore | undefined }, methodology: string, period: string, tier: string, draft?: RankingSnapshot): Promise<void> {
  const key = publicRankingKey(methodology, period, tier);
  let header = deps.publications ? await deps.publications.latest(methodology, period) : undefined;
  if (!header && draft) {
    await deps.lake.put(key, JSON.stringify(publicRanking(draft)), "application/json");
    // Published meanwhile? Then the published version must win.
    header = deps.publications ? await deps.publications.latest(methodology, period) : undefined;
  }
  const published = header && deps.publications ? await frozenSnapshot(deps.publications, header, tier) : undefined;
  if (published) await deps.lake.put(key, JSON.stringify(await publicRankingOf(deps, published)), "application/json");
}

/**
 * A snapshot without the scoring run's internal metadata (`scan`, the bytes the run read). EXACT
 * otherwise: this is the body frozen at publication, which signed-in roles read and from which
 * every public view is derived — never served to the public as is (publicRankingOf).
 */
export function withoutScanMetadata<T extends RankingSnapshot>(s: T): Omit<T, "scan"> {
  const { scan: _internal, ...rest } = s;
  return rest;
}

/** A ranking as the public receives it, with where it stands against the latest published version. */
export type PublicRankingView = PublicRankingSnapshot & { readonly publication: PublicationInfo };

/**
 * The public views of a period's published versions of a tier, oldest first, up to version
 * `upTo`: each one's frozen body with small counts withheld, given the public views of the versions
 * before it (so that no shown count differs from an earlier shown one by 1 to 4).
 */
export async function publishedPublicViews(store: PublicationStore, methodology: string, period: string, tier: string, upTo: number): Promise<PublicRankingSnapshot[]> {
  const views: PublicRankingSnapshot[] = [];
  for (const h of await store.list(methodology, period)) {
    if (h.version > upTo) break;
    const s = await frozenSnapshot(store, h, tier);
    if (s) views.push(publicRanking(s, [...views]));
  }
  return views;
}

/**
 * What the public receives of a ranking snapshot (issue 20, item 3; shared/src/publish/suppression.ts):
 * a draft (shown before the first publication) on its own; a published version given the public
 * views of the versions published before it.
 */
export async function publicRankingOf(deps: { readonly publications?: PublicationStore | undefined }, snapshot: RankingSnapshot): Promise<PublicRankingSnapshot> {
  if (snapshot.status !== "published" || snapshot.version === null || !deps.publications) return publicRanking(snapshot);
  return publicRanking(snapshot, await publishedPublicViews(deps.publications, snapshot.methodology, snapshot.period, snapshot.tier, snapshot.version - 1));
}
