import { COMPACTION_LOCK_KEY, SCORING_LOCK_KEY } from "@scorecard/shared/lake/layout";
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
 * One run at a time, as a lease object in the lake: a run first creates the lock object with
 * `If-None-Match: *`. A lock past its expiry (its run died: timeout, out of memory) is taken over
 * with `If-Match` on the stale version, so exactly one contender wins. The lease outlives the
 * function's timeout; the run deletes it when done (`If-Match` on its own version).
 */
export class S3RunLock {
  constructor(
    private readonly objects: S3Objects,
    readonly key: string,
    private readonly options: { readonly now: () => Date; readonly leaseMs: number },
  ) {}

  /** The lease, or undefined when another live run holds the lock. */
  async acquire(owner: string, attempt = 0): Promise<Lease | undefined> {
    const now = this.options.now();
    const body: LockBody = { owner, acquiredAt: now.toISOString(), expiresAt: new Date(now.getTime() + this.options.leaseMs).toISOString() };
    const text = JSON.stringify(body);
    try {
      return { owner, expiresAt: body.expiresAt, etag: await this.objects.put(this.key, text, "application/json", { ifAbsent: true }) };
    } catch (e) {
      if (!(e instanceof PreconditionFailedError)) throw e;
    }
    const held = await this.objects.get(this.key);
    if (!held) return attempt < 2 ? this.acquire(owner, attempt + 1) : undefined; // released meanwhile
    const current = JSON.parse(Buffer.from(held.body).toString("utf8")) as LockBody;
    // A live lease of another run; our own (a retry of the same run, e.g. the state machine's Plan
    // after its invocation timed out holding it) is taken again.
    if (Date.parse(current.expiresAt) > now.getTime() && current.owner !== owner) return undefined;
    try {
      return { owner, expiresAt: body.expiresAt, etag: await this.objects.put(this.key, text, "application/json", { ifMatch: held.etag }) };
    } catch (e) {
      if (e instanceof PreconditionFailedError) return undefined; // another contender took it over first
      throw e;
    }
  }

  /** Release our lease (only if it is still ours: a lease taken over after expiry is left alone). */
  async release(lease: Lease): Promise<void> {
    try {
      await this.objects.delete(this.key, lease.etag);
    } catch (e) {
      if (!(e instanceof PreconditionFailedError)) throw e;
    }
  }
}

/**
 * One compaction at a time. Two runs inserting the same raw objects at once could both pass the
 * "not yet curated" check (Athena INSERT INTO is not transactional): `curated/_compacted/lock.json`.
 */
export class CompactionLock extends S3RunLock {
  static readonly KEY = COMPACTION_LOCK_KEY;

  constructor(objects: S3Objects, options: { readonly now: () => Date; readonly leaseMs: number }) {
    super(objects, CompactionLock.KEY, options);
  }
}

/**
 * One scoring run at a time: two runs would race on what each period was scored on (the record
 * of scored-inputs.ts is read, merged and written) and on which run's draft stays, so a draft
 * could keep older numbers than the record says. `state/score-lock.json`.
 */
export class ScoringLock extends S3RunLock {
  static readonly KEY = SCORING_LOCK_KEY;

  constructor(objects: S3Objects, options: { readonly now: () => Date; readonly leaseMs: number }) {
    super(objects, ScoringLock.KEY, options);
  }
}
