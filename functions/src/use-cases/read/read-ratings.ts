/**
 * The read API's head ratings and reform index: the working values a scoring run or a Home Affairs
 * change stored (use-cases/ratings/ratings.ts), or those frozen with a published version.
 */
import type { PublicationHeader, PublicationStore } from "../../ports/snapshots.js";
import type { Lake } from "../../ports/lake.js";
import { parsePeriod } from "@scorecard/shared";
import type { HeadRatings, RatingsPublication, ReformIndexView } from "@scorecard/shared/contracts/read-api";
import { type RatingsDoc, headRatingsKey, reformIndexKey } from "@scorecard/shared/lake/layout";
import { headNumbers, numbersDiffer, readFrozenRatings, readJson, reformNumbers } from "../ratings/ratings-docs.js";

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
