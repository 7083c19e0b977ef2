import { type PublicMeta, type RankingSnapshot, RANKED_TIERS, type UnitCatalog, parsePeriod } from "@scorecard/shared";
import type { SnapshotStore } from "../ports/index.js";

export interface ReadDeps {
  readonly snapshots: SnapshotStore;
  readonly catalog: UnitCatalog;
  readonly methodology: string;
}

/** Period ids newest first: by end, then shorter periods first (month before quarter before half...). */
export function sortPeriodsNewestFirst(ids: readonly string[]): string[] {
  const order = { MONTH: 0, QUARTER: 1, HALF: 2, YEAR: 3 } as const;
  return [...ids]
    .map(parsePeriod)
    .sort((a, b) => (a.end === b.end ? order[a.kind] - order[b.kind] : a.end < b.end ? 1 : -1))
    .map((p) => p.id);
}

export const readPublicRanking =
  (deps: ReadDeps) =>
  async (periodId: string, tier: string): Promise<RankingSnapshot | undefined> =>
    deps.snapshots.get(deps.methodology, parsePeriod(periodId).id, tier);

export const readPublicMeta = (deps: ReadDeps) => async (): Promise<PublicMeta> => {
  const periods = sortPeriodsNewestFirst(await deps.snapshots.periods(deps.methodology));
  const latest = periods[0] ? await deps.snapshots.get(deps.methodology, periods[0], "DEPARTMENT") : undefined;
  return { methodology: deps.methodology, periods, tiers: [...RANKED_TIERS], computedAt: latest?.computedAt ?? null };
};
