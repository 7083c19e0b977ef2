/**
 * The stored ratings documents (lake keys: shared/src/lake/layout.ts, `ratings/`): reading them,
 * and comparing two of them on what they rate. Written by ./ratings.ts, read by it and by the read
 * API (use-cases/read/read-ratings.ts).
 */
import type { PublicationHeader } from "../../ports/snapshots.js";
import type { Lake } from "../../ports/lake.js";
import type { HeadRatings, ReformIndexView } from "@scorecard/shared/contracts/read-api";
import { type RatingsDoc, frozenRatingsKey } from "@scorecard/shared/lake/layout";

export async function readJson<T>(lake: Lake, key: string): Promise<T | undefined> {
  const body = await lake.get(key);
  return body === undefined ? undefined : (JSON.parse(new TextDecoder().decode(body)) as T);
}

/** A ratings document as a publication froze it; undefined when that publication froze none. */
export const readFrozenRatings = <T>(deps: { readonly lake: Lake; readonly methodology: string }, header: PublicationHeader, doc: RatingsDoc) =>
  readJson<T>(deps.lake, frozenRatingsKey(deps.methodology, header.period, header.publicationId, doc));

/** Whether two ratings documents differ in what they rate (not in when they were computed). */
export const numbersDiffer = <T>(a: T, b: T, numbers: (d: T) => unknown) => JSON.stringify(numbers(a)) !== JSON.stringify(numbers(b));

export const headNumbers = (d: HeadRatings) =>
  [...d.heads]
    .sort((a, b) => a.unitId.localeCompare(b.unitId) || a.headId.localeCompare(b.headId))
    .map((h) => [h.unitId, h.headId, h.status, h.pending, h.tenure, h.results, h.deductions, h.general, h.total, h.band, h.cappedFromExcellent]);
export const reformNumbers = (d: ReformIndexView) => [...d.units].sort((a, b) => a.unitId.localeCompare(b.unitId)).map((u) => [u.unitId, u.criteria, u.total, u.scoredMax, u.complete, u.band]);
