import type { PublicationHeader, PublicationStore, SnapshotStore } from "../../ports/snapshots.js";
import type { Lake } from "../../ports/lake.js";
import { publicRankingKey } from "@scorecard/shared/lake/layout";
import type { RankingSnapshot } from "@scorecard/shared";
import { type PublicationInfo, sameNumbers } from "@scorecard/shared/admin/publication";

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
 * The lake's public JSON of a tier (served as static files): the latest published version once
 * there is one, the draft before. Called by the scoring run after it stores a draft and by publishing
 * after the commit; whichever runs last writes the latest published body, so the file heals itself.
 */
export async function syncPublicJson(deps: { readonly lake: Lake; readonly publications?: PublicationStore | undefined }, methodology: string, period: string, tier: string, draft?: RankingSnapshot): Promise<void> {
  const key = publicRankingKey(methodology, period, tier);
  let header = deps.publications ? await deps.publications.latest(methodology, period) : undefined;
  if (!header && draft) {
    await deps.lake.put(key, JSON.stringify(publicSnapshot(draft)), "application/json");
    // Published meanwhile? Then the frozen body must win.
    header = deps.publications ? await deps.publications.latest(methodology, period) : undefined;
  }
  const body = header && deps.publications ? await deps.publications.frozenBody(header, tier) : undefined;
  if (body) await deps.lake.put(key, body, "application/json");
}

/**
 * A snapshot as the public sees it: without the scoring run's internal metadata (`scan`, the bytes
 * the run read), which the public pages do not need. Used for the public JSON, the public ranking
 * route and the bodies frozen at publication.
 */
export function publicSnapshot<T extends RankingSnapshot>(s: T): Omit<T, "scan"> {
  const { scan: _internal, ...rest } = s;
  return rest;
}
