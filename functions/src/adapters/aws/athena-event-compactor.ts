import type { AthenaClient } from "@aws-sdk/client-athena";
import { AthenaStatements } from "./athena-statements.js";
import { CompactionManifest, type ManifestOptions, type RawObject } from "./s3-compaction-manifest.js";
import type { S3Objects } from "./s3-objects.js";

/**
 * The columns of `curated_events` in table order, each with its expression over `raw_events`
 * (shared/src/lake/schema.ts; a test keeps the two lists equal). The Athena twin of the local
 * compactor's CURATED_SELECT: instants are cast from the UTC ISO text, the month is local (UTC+7).
 */
const ts = (col: string) => `CAST(replace(replace(${col}, 'T', ' '), 'Z', '') AS timestamp)`;
const flag = (json: string) => `"flags"."${json}"`;
export const CURATED_EVENT_SELECT: readonly (readonly [column: string, expression: string])[] = [
  ["event_id", `"eventid"`],
  ["case_id", `"caseid"`],
  ["type", `"type"`],
  ["occurred_at", ts(`"occurredat"`)],
  ["unit_id", `"unitid"`],
  ["procedure_code", `"procedurecode"`],
  ["field", `"field"`],
  ["channel", `"channel"`],
  ["due_at", ts(`"dueat"`)],
  ["target_unit_id", `"targetunitid"`],
  ["digitized_dossier", flag("digitizeddossier")],
  ["digitized_result", flag("digitizedresult")],
  ["digitally_signed", flag("digitallysigned")],
  ["reused_data", flag("reuseddata")],
  ["online_payment", flag("onlinepayment")],
  ["fee_bearing", flag("feebearing")],
  ["synced_to_national_portal", flag("syncedtonationalportal")],
  ["result_required", flag("resultrequired")],
  ["personal_data_store", flag("personaldatastore")],
  ["population_database", flag("populationdatabase")],
  ["rating_satisfied", `"rating"."satisfied"`],
  ["applicant_pseudonym", `"applicantpseudonym"`],
  ["ingest_batch", `regexp_extract("$path", '([^/]+)\\.ndjson\\.gz$', 1)`],
];
const MONTH = `date_format(${ts(`"occurredat"`)} + INTERVAL '7' HOUR, '%Y-%m')`;

const SAFE_LITERAL = /^[A-Za-z0-9._:/=-]+$/;
const lit = (v: string) => {
  if (!SAFE_LITERAL.test(v)) throw new Error(`refusing to put ${JSON.stringify(v)} into SQL`);
  return `'${v}'`;
};
const list = (values: readonly string[]) => values.map(lit).join(", ");

/** The raw objects of one statement: their partitions (for pruning) and exact paths (so that exactly these are compacted). */
function rawFilter(bucket: string, objects: readonly RawObject[]): string {
  const dates = [...new Set(objects.map((o) => o.date))].sort();
  return `ingest_date IN (${list(dates)})\n    AND "$path" IN (${list(objects.map((o) => `s3://${bucket}/${o.key}`))})`;
}

/** The local months a set of raw objects touches (to prune the dedupe scan and bound the partitions written). */
export function rawMonthsSql(bucket: string, objects: readonly RawObject[]): string {
  return `SELECT DISTINCT ${MONTH} AS month
FROM raw_events
WHERE ${rawFilter(bucket, objects)}
ORDER BY 1`;
}

/**
 * Append the events of `objects` to curated_events, month partitions `months` only: one copy per
 * eventId across the objects (the earliest batch, as the local compactor keeps), and only eventIds
 * not already curated in those months. Re-running it for the same objects inserts nothing more, so
 * a run that failed after (part of) its INSERT, or before recording it in the manifest, is safe to redo.
 */
export function curatedInsertSql(bucket: string, objects: readonly RawObject[], months: readonly string[]): string {
  const columns = CURATED_EVENT_SELECT.map(([c]) => c);
  return `INSERT INTO curated_events (${[...columns, "month"].join(", ")})
WITH batch AS (
  SELECT ${CURATED_EVENT_SELECT.map(([c, e]) => `${e} AS ${c}`).join(",\n         ")},
         ${MONTH} AS month
  FROM raw_events
  WHERE ${rawFilter(bucket, objects)}
),
firsts AS (
  SELECT batch.*, row_number() OVER (PARTITION BY event_id ORDER BY ingest_batch) AS copy_rank
  FROM batch
)
SELECT ${[...columns, "month"].map((c) => `f.${c}`).join(", ")}
FROM firsts f
WHERE f.copy_rank = 1
  AND f.month IN (${list(months)})
  AND NOT EXISTS (SELECT 1 FROM curated_events c WHERE c.month IN (${list(months)}) AND c.event_id = f.event_id)`;
}

export interface EventCompactorOptions extends ManifestOptions {
  readonly workGroup: string;
  readonly database: string;
  /** Time left in the invocation (Lambda's getRemainingTimeInMillis). */
  readonly remainingMs: () => number;
  /** A chunk is started only with this much time left; a query is stopped this long before the end. @default 180_000 / 60_000 */
  readonly minChunkMs?: number;
  readonly safetyMs?: number;
  /** Raw objects per statement (the path list must fit Athena's 256 KB query text). @default 800 */
  readonly maxObjectsPerQuery?: number;
  /** Compressed raw bytes per statement (the workgroup's per-query scan cut-off). @default 256 MiB */
  readonly maxBytesPerQuery?: number;
  /** Month partitions per INSERT (Athena writes at most 100 partitions per statement). @default 90 */
  readonly maxMonthsPerInsert?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface EventCompactionResult {
  /** Raw objects not yet compacted when the run started. */
  readonly pending: number;
  /** Of those, compacted by this run (recorded in the manifest). */
  readonly compacted: number;
  /** INSERT statements run, and the months they wrote. */
  readonly inserts: number;
  readonly months: readonly string[];
  /** Bytes Athena scanned for the run. */
  readonly bytesScanned: number;
  /** Raw objects left for the next run because the invocation ran out of time. */
  readonly left: number;
}

/** Groups of objects that each fit one statement (by count and compressed bytes; a big object goes alone). */
export function chunk(objects: readonly RawObject[], maxObjects: number, maxBytes: number): RawObject[][] {
  const out: RawObject[][] = [];
  let current: RawObject[] = [];
  let bytes = 0;
  for (const o of objects) {
    if (current.length > 0 && (current.length >= maxObjects || bytes + o.size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(o);
    bytes += o.size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Compaction of case events in the cloud (docs/adr/0007-cloud-compaction-on-athena.md): the raw
 * objects not in the manifest, in chunks; per chunk, the months it touches, then one INSERT per
 * group of months (deduplicated within the chunk and against curated/), then the manifest records
 * the chunk. Any failure throws before the manifest is written, so the chunk is redone (and
 * deduplicated) by the retry.
 */
export class AthenaEventCompactor {
  constructor(
    private readonly athena: AthenaClient,
    private readonly objects: S3Objects,
    private readonly options: EventCompactorOptions,
  ) {}

  private statements() {
    const timeoutMs = Math.max(30_000, this.options.remainingMs() - (this.options.safetyMs ?? 60_000));
    return new AthenaStatements(this.athena, {
      workGroup: this.options.workGroup,
      database: this.options.database,
      timeoutMs,
      pollMaxMs: 5_000,
      ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
    });
  }

  async compact(): Promise<EventCompactionResult> {
    const manifest = await CompactionManifest.open(this.objects, "raw", this.options);
    const pending = manifest.pending();
    const chunks = chunk(pending, this.options.maxObjectsPerQuery ?? 800, this.options.maxBytesPerQuery ?? 256 * 1024 ** 2);
    const written = new Set<string>();
    let compacted = 0;
    let inserts = 0;
    let bytesScanned = 0;
    for (const objects of chunks) {
      if (this.options.remainingMs() < (this.options.minChunkMs ?? 180_000)) break;
      const bucket = this.objects.bucket;
      const monthsResult = await this.statements().query(rawMonthsSql(bucket, objects), {});
      bytesScanned += monthsResult.bytesScanned ?? 0;
      const months = monthsResult.rows.map((r) => String(r["month"]));
      for (let i = 0; i < months.length; i += this.options.maxMonthsPerInsert ?? 90) {
        const group = months.slice(i, i + (this.options.maxMonthsPerInsert ?? 90));
        const r = await this.statements().query(curatedInsertSql(bucket, objects, group), {});
        bytesScanned += r.bytesScanned ?? 0;
        inserts++;
        for (const m of group) written.add(m);
      }
      await manifest.markDone(objects);
      compacted += objects.length;
    }
    if (chunks.length === 0) await manifest.markDone([]); // closes the dates whose objects were all done before, if any
    return { pending: pending.length, compacted, inserts, months: [...written].sort(), bytesScanned, left: pending.length - compacted };
  }
}
