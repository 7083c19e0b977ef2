import type { ConditionalWrite } from "../../ports/admin.js";
import type { PublicationHeader, PublicationStore, SnapshotStore } from "../../ports/snapshots.js";
import type { RankingSnapshot } from "@scorecard/shared";
import { Lru } from "../../lib/lru.js";

/**
 * Read-through caches of the ranking snapshots and publication headers for the local runtime,
 * where one process does every write (the scoring, the scheduler, publishing: the CLI commands
 * that write refuse to run beside the server): each write drops the entries it touches, after it
 * has been stored, so a read never returns a value older than the last completed write. The
 * read API's public rankings then cost no DynamoDB round trip (bench: p99 at 200 req/s). Frozen
 * publication bodies never change and are kept. Bounded (least recently used out). Cached
 * snapshots are shared between readers: the use cases only read them (spread into new objects).
 */

/** A cached promise (concurrent reads of one key share one round trip); a failed read is not kept. */
function cached<V>(lru: Lru<string, Promise<V>>, key: string, read: () => Promise<V>): Promise<V> {
  const hit = lru.get(key);
  if (hit) return hit;
  const p = read();
  lru.set(key, p);
  p.catch(() => {
    if (lru.get(key) === p) lru.delete(key);
  });
  return p;
}

export class CachedSnapshotStore implements SnapshotStore {
  private readonly snapshots = new Lru<string, Promise<RankingSnapshot | undefined>>(512);
  private readonly periodLists = new Lru<string, Promise<string[]>>(16);
  constructor(private readonly inner: SnapshotStore) {}

  async putDraft(s: RankingSnapshot): Promise<void> {
    try {
      await this.inner.putDraft(s);
    } finally {
      this.snapshots.delete(`${s.methodology}\u0000${s.period}\u0000${s.tier}`);
      this.periodLists.delete(s.methodology);
    }
  }
  get(methodology: string, period: string, tier: string): Promise<RankingSnapshot | undefined> {
    return cached(this.snapshots, `${methodology}\u0000${period}\u0000${tier}`, () => this.inner.get(methodology, period, tier));
  }
  async periods(methodology: string): Promise<string[]> {
    return [...(await cached(this.periodLists, methodology, () => this.inner.periods(methodology)))];
  }
}

export class CachedPublicationStore implements PublicationStore {
  private readonly latestHeaders = new Lru<string, Promise<PublicationHeader | undefined>>(512);
  private readonly bodies = new Lru<string, Promise<string | undefined>>(512);
  constructor(private readonly inner: PublicationStore) {}

  list(methodology: string, period: string): Promise<PublicationHeader[]> {
    return this.inner.list(methodology, period);
  }
  latest(methodology: string, period: string): Promise<PublicationHeader | undefined> {
    return cached(this.latestHeaders, `${methodology}\u0000${period}`, () => this.inner.latest(methodology, period));
  }
  async putFrozen(methodology: string, period: string, tier: string, publicationId: string, version: number, body: string): Promise<void> {
    await this.inner.putFrozen(methodology, period, tier, publicationId, version, body);
  }
  async frozenBody(header: PublicationHeader, tier: string): Promise<string | undefined> {
    // Only a body that exists is kept (it is immutable); an absent one may be written later.
    const key = `${JSON.stringify(header)}\u0000${tier}`;
    const body = await cached(this.bodies, key, () => this.inner.frozenBody(header, tier));
    if (body === undefined) this.bodies.delete(key);
    return body;
  }
  async commit(header: PublicationHeader): Promise<ConditionalWrite> {
    try {
      return await this.inner.commit(header);
    } finally {
      this.latestHeaders.delete(`${header.methodology}\u0000${header.period}`);
    }
  }
}
