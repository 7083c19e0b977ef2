/** Ranking snapshots: the drafts a scoring run stores and the versions Home Affairs publishes. */
import type { RankingSnapshot } from "@scorecard/shared";
import type { Actor, AuditEntry, ConditionalWrite } from "./admin.js";

export interface SnapshotStore {
  putDraft(snapshot: RankingSnapshot): Promise<void>;
  get(methodology: string, period: string, tier: string): Promise<RankingSnapshot | undefined>;
  /** Period ids that have at least one snapshot for the methodology. */
  periods(methodology: string): Promise<string[]>;
}

export interface PublicationHeader {
  readonly methodology: string;
  readonly period: string;
  readonly version: number;
  /** Random id of the publishing attempt: the frozen tier items are keyed by it. */
  readonly publicationId: string;
  readonly publishedAt: string;
  readonly publishedBy: Actor;
  readonly tiers: readonly string[];
  /** computedAt of each draft that was frozen, by tier. */
  readonly draftsComputedAt: Readonly<Record<string, string>>;
  readonly lastAudit: AuditEntry | null;
}

/** Published (frozen) ranking versions: written once, never overwritten, never deleted. */
export interface PublicationStore {
  /** Headers of a period's versions, oldest first. */
  list(methodology: string, period: string): Promise<PublicationHeader[]>;
  latest(methodology: string, period: string): Promise<PublicationHeader | undefined>;
  /** Store one tier's frozen body under the attempt's id (condition: new item). */
  putFrozen(methodology: string, period: string, tier: string, publicationId: string, version: number, body: string): Promise<void>;
  /** The frozen body exactly as stored (byte-identical over time). */
  frozenBody(header: PublicationHeader, tier: string): Promise<string | undefined>;
  /** The commit point: the header of version n, written only if no version n exists. */
  commit(header: PublicationHeader): Promise<ConditionalWrite>;
}
