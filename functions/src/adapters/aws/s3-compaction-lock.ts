import { COMPACTION_STATE_PREFIX } from "./s3-compaction-manifest.js";
import { PreconditionFailedError, type S3Objects } from "./s3-objects.js";

export interface Lease {
  readonly owner: string;
  readonly etag: string;
  readonly expiresAt: string;
}

interface LockBody {
  readonly owner: string;
  readonly acquiredAt: string;
  readonly expiresAt: string;
}

/**
 * One compaction at a time. Two runs inserting the same raw objects at once could both pass the
 * "not yet curated" check (Athena INSERT INTO is not transactional), so a run first creates
 * `curated/_compacted/lock.json` with `If-None-Match: *`. A lock past its expiry (its run died:
 * timeout, out of memory) is taken over with `If-Match` on the stale version, so exactly one
 * contender wins. The lease outlives the function's timeout; the run deletes it when done.
 */
export class CompactionLock {
  static readonly KEY = `${COMPACTION_STATE_PREFIX}lock.json`;

  constructor(
    private readonly objects: S3Objects,
    private readonly options: { readonly now: () => Date; readonly leaseMs: number },
  ) {}

  /** The lease, or undefined when another live run holds the lock. */
  async acquire(owner: string, attempt = 0): Promise<Lease | undefined> {
    const now = this.options.now();
    const body: LockBody = { owner, acquiredAt: now.toISOString(), expiresAt: new Date(now.getTime() + this.options.leaseMs).toISOString() };
    const text = JSON.stringify(body);
    try {
      return { owner, expiresAt: body.expiresAt, etag: await this.objects.put(CompactionLock.KEY, text, "application/json", { ifAbsent: true }) };
    } catch (e) {
      if (!(e instanceof PreconditionFailedError)) throw e;
    }
    const held = await this.objects.get(CompactionLock.KEY);
    if (!held) return attempt < 2 ? this.acquire(owner, attempt + 1) : undefined; // released meanwhile
    const current = JSON.parse(Buffer.from(held.body).toString("utf8")) as LockBody;
    if (Date.parse(current.expiresAt) > now.getTime()) return undefined;
    try {
      return { owner, expiresAt: body.expiresAt, etag: await this.objects.put(CompactionLock.KEY, text, "application/json", { ifMatch: held.etag }) };
    } catch (e) {
      if (e instanceof PreconditionFailedError) return undefined; // another contender took it over first
      throw e;
    }
  }

  /** Release our lease (only if it is still ours: a lease taken over after expiry is left alone). */
  async release(lease: Lease): Promise<void> {
    try {
      await this.objects.delete(CompactionLock.KEY, lease.etag);
    } catch (e) {
      if (!(e instanceof PreconditionFailedError)) throw e;
    }
  }
}
