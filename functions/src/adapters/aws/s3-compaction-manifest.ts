import { compactionManifestKey } from "@scorecard/shared/lake/layout";
import type { S3Objects } from "./s3-objects.js";

/** The raw prefixes compaction reads, one manifest each. */
export type RawSource = "raw" | "raw-complaints" | "raw-procedures";

export interface RawObject {
  readonly key: string;
  readonly size: number;
  /** UTC ingestion date (the `ingest_date=` folder). */
  readonly date: string;
}

/** A raw object whose name could not be put into SQL safely: compaction stops rather than skip it. */
export class UnsafeRawKeyError extends Error {
  override readonly name = "UnsafeRawKeyError";
}

interface ManifestBody {
  readonly version: 1;
  readonly source: RawSource;
  /** Every date up to and including this one is compacted and closed (never listed again). */
  readonly closedThrough: string | null;
  /** Open dates → names of the objects of that date already compacted. */
  readonly done: Readonly<Record<string, readonly string[]>>;
}

export interface ManifestOptions {
  readonly now: () => Date;
  /**
   * A date is closed this many days after it ended (UTC): raw objects are written under the UTC
   * date at which their write began (ingest and import alike), so an older folder gets nothing new.
   * @default 2
   */
  readonly closeAfterDays?: number;
}

const OBJECT = /^([a-z-]+)\/ingest_date=(\d{4}-\d{2}-\d{2})\/([^/]+)$/;
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.ndjson\.gz$/;
const DAY_MS = 86_400_000;

/**
 * Which raw objects of a source have been compacted, in one small JSON object per source
 * (`curated/_compacted/<source>.json`) — the cloud twin of the local `curated/_compacted.json`.
 * Scales with the open days only: dates older than `closeAfterDays` whose objects are all done are
 * folded into `closedThrough` and never listed again. Every write is conditional on the version
 * read (S3 `If-Match`), so two runs cannot silently drop each other's entries; the loser fails and
 * is retried. Callers mark objects done only after their data is safely in curated/.
 */
export class CompactionManifest {
  private constructor(
    private readonly objects: S3Objects,
    readonly source: RawSource,
    private readonly options: ManifestOptions,
    private body: ManifestBody,
    private etag: string | undefined,
    /** Objects found in the open dates when the manifest was opened, by date. */
    private readonly listed: ReadonlyMap<string, readonly RawObject[]>,
  ) {}

  static key(source: RawSource): string {
    return compactionManifestKey(source);
  }

  /** Read the manifest and list the open dates' objects. */
  static async open(objects: S3Objects, source: RawSource, options: ManifestOptions): Promise<CompactionManifest> {
    const stored = await objects.get(CompactionManifest.key(source));
    const body: ManifestBody = stored
      ? (JSON.parse(Buffer.from(stored.body).toString("utf8")) as ManifestBody)
      : { version: 1, source, closedThrough: null, done: {} };
    const listed = new Map<string, RawObject[]>();
    for (const folder of await objects.folders(`${source}/`)) {
      const date = /ingest_date=(\d{4}-\d{2}-\d{2})\/$/.exec(folder)?.[1];
      if (!date || (body.closedThrough !== null && date <= body.closedThrough)) continue;
      const list: RawObject[] = [];
      for (const o of await objects.list(folder)) {
        const m = OBJECT.exec(o.key);
        if (!m || m[1] !== source || !(m[3] as string).endsWith(".ndjson.gz")) continue;
        if (!SAFE_NAME.test(m[3] as string)) throw new UnsafeRawKeyError(`raw object ${o.key}: its name has characters compaction does not put into SQL`);
        list.push({ key: o.key, size: o.size, date });
      }
      listed.set(date, list);
    }
    return new CompactionManifest(objects, source, options, body, stored?.etag, listed);
  }

  /** Raw objects not yet compacted, in key order (ingestion date, then name). */
  pending(): RawObject[] {
    const done = doneSets(this.body.done);
    return [...this.listed.values()].flat().filter((o) => !done.get(o.date)?.has(nameOf(o.key)));
  }

  get closedThrough(): string | null {
    return this.body.closedThrough;
  }

  /**
   * Record objects as compacted (after their data is in curated/), close the dates that can be
   * closed, and write the manifest over the version read (not at all when nothing changed). A concurrent change throws
   * PreconditionFailedError: the data is already in, and the next run skips it by dedupe.
   */
  async markDone(done: readonly RawObject[]): Promise<void> {
    const next = doneSets(this.body.done);
    for (const o of done) {
      let names = next.get(o.date);
      if (!names) next.set(o.date, (names = new Set()));
      names.add(nameOf(o.key));
    }
    let closedThrough = this.body.closedThrough;
    const cutoff = new Date(this.options.now().getTime() - (this.options.closeAfterDays ?? 2) * DAY_MS).toISOString().slice(0, 10);
    const open = [...new Set([...this.listed.keys(), ...next.keys()])].sort();
    for (const date of open) {
      if (date >= cutoff) break;
      const names = next.get(date);
      if (!(this.listed.get(date) ?? []).every((o) => names?.has(nameOf(o.key)))) break;
      closedThrough = date;
      next.delete(date);
    }
    const body: ManifestBody = {
      version: 1,
      source: this.source,
      closedThrough,
      done: Object.fromEntries([...next.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, names]) => [d, [...names].sort()])),
    };
    if (this.etag !== undefined && JSON.stringify(body) === JSON.stringify(this.body)) return; // nothing new to record
    this.etag = await this.objects.put(CompactionManifest.key(this.source), JSON.stringify(body), "application/json", this.etag ? { ifMatch: this.etag } : { ifAbsent: true });
    this.body = body;
  }
}

const nameOf = (key: string) => key.slice(key.lastIndexOf("/") + 1);
const doneSets = (done: ManifestBody["done"]) => new Map(Object.entries(done).map(([d, names]) => [d, new Set(names)]));
