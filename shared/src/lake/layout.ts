/**
 * The lake's key layout: every prefix and every key builder, used by the writers and the readers
 * alike (ingest, compaction, scoring, ratings, publishing, the read API, the CDK grants and the
 * Glue tables). Keys use `/`; a folder is a prefix ending in `/`. docs/storage.md describes each
 * folder; this module is where the names are.
 *
 * Imports nothing, so infra, functions and the browser can use it.
 */

/** Top-level prefixes; the CDK grants are written with these. */
export const LAKE_PREFIXES = {
  raw: "raw/",
  rawComplaints: "raw-complaints/",
  rawProcedures: "raw-procedures/",
  drilldown: "drilldown/",
  /** Head-of-unit ratings and the reform index per period (private, like the drill-downs). */
  ratings: "ratings/",
  curated: "curated/",
  dims: "dims/",
  public: "public/",
  athenaResults: "athena-results/",
  /** What each scored period was scored on (late events: use-cases/score/scored-inputs.ts) and the scoring lock. */
  state: "state/",
  /**
   * The CTAS tables of a scoring run (`staging/<relation>/`, docs/adr/0009): dropped with their
   * files at the end of the run; leftovers of a crashed run expire after a day.
   */
  staging: "staging/",
  /**
   * The kept case facts (docs/adr/0023): `facts/<generation>/<relation>/` Parquet, and
   * `facts/current.json` naming the generation the scoring runs read.
   */
  facts: "facts/",
  /** Ranking snapshot bodies too large for their DynamoDB item, named by the item (functions' dynamodb-snapshot-store.ts). */
  snapshots: "snapshots/",
} as const;

/** Where a draft snapshot's body goes when it is too large for its item: one object per tier, overwritten whole. */
export const snapshotBodyKey = (methodology: string, period: string, tier: string): string => `${LAKE_PREFIXES.snapshots}${methodology}/${period}/${tier}.json.gz`;

// ——— raw/: one gzipped NDJSON object per accepted batch, by UTC ingestion date ———

/** The kinds of raw records and their folders. */
export const RAW_PREFIXES = { events: LAKE_PREFIXES.raw, complaints: LAKE_PREFIXES.rawComplaints, procedures: LAKE_PREFIXES.rawProcedures } as const;
export type RawKind = keyof typeof RAW_PREFIXES;

/** `raw/ingest_date=YYYY-MM-DD/<name>.ndjson.gz` (and the same under raw-complaints/, raw-procedures/). */
export const rawBatchKey = (kind: RawKind, ingestDate: string, name: string) => `${RAW_PREFIXES[kind]}ingest_date=${ingestDate}/${name}.ndjson.gz`;

// ——— curated/ and dims/: the tables the SQL reads (columns: ./schema.ts) ———

/** Curated events, Parquet partitioned by local month: `curated/events/month=YYYY-MM/*.parquet`. */
export const CURATED_EVENTS_PREFIX = `${LAKE_PREFIXES.curated}events/`;
export const CURATED_COMPLAINTS_PREFIX = `${LAKE_PREFIXES.curated}complaints/`;
/**
 * Home Affairs' marks of improper returns (docs/adr/0015-improper-returns.md): one JSON-lines
 * object, rewritten whole by each scoring run from the admin store (`curated/improper_returns/improper_returns.json.gz`).
 */
export const CURATED_IMPROPER_RETURNS_PREFIX = `${LAKE_PREFIXES.curated}improper_returns/`;
export const improperReturnsKey = () => `${CURATED_IMPROPER_RETURNS_PREFIX}improper_returns.json.gz`;
/** Compaction's own state (hidden from Athena by the leading `_`): manifests and the compaction lock. */
export const COMPACTION_STATE_PREFIX = `${LAKE_PREFIXES.curated}_compacted/`;
/** Compaction's manifest of the raw objects of one raw folder it has compacted. */
export const compactionManifestKey = (rawFolder: "raw" | "raw-complaints" | "raw-procedures") => `${COMPACTION_STATE_PREFIX}${rawFolder}.json`;
/** One folder per dimension table (docs/adr/0101). */
export const dimPrefix = (table: "calendar" | "units" | "procedures" | "procedure_units") => `${LAKE_PREFIXES.dims}${table}/`;
/** The cloud's single JSON-lines object of a curated or dimension table folder (`<folder><name>.json.gz`). */
export const tableObjectKey = (folder: string, name: string, extension: "json.gz" | "parquet" = "json.gz") => `${folder}${name}.${extension}`;

// ——— drilldown/: the dossiers behind a unit's numbers (private) ———

/** Every drill-down of a methodology: the periods' folders and `finished/`. */
export const drilldownRoot = (methodology: string) => `${LAKE_PREFIXES.drilldown}${methodology}/`;
/** `drilldown/<methodology>/<period>/`: a period's runs and its pointer. */
export const drilldownPrefix = (methodology: string, period: string) => `${drilldownRoot(methodology)}${period}/`;
/** The pointer to the period's current run (a DrilldownPointer). */
export const drilldownRunKey = (methodology: string, period: string) => `${drilldownPrefix(methodology, period)}current.json`;
/**
 * A scoring run's finished cases (each with `last_t`, its last event): `drilldown/<methodology>/finished/<run>/unit_id=<unit>/<file>`,
 * shared by the lists of every end the run wrote; a period ending at E reads those whose last event is before E.
 */
export const finishedListPrefix = (methodology: string) => `${drilldownRoot(methodology)}finished/`;
/** One unit's rows of a run's list: `<list prefix><run>/unit_id=<unit>/`. */
export const unitListPrefix = (listPrefix: string, run: string, unitId: string) => `${listPrefix}${run}/unit_id=${unitId}/`;
/**
 * A scoring run's catalog list (issue 20, item 1; docs/adr/0016): each unit's catalog entries
 * behind T1–T3, O1, O2, MB, MC and D6B, which do not depend on a period's end, once per run:
 * `drilldown/<methodology>/catalog/<run>/unit_id=<unit>/…`, named by `catalog` in the pointers of
 * the ends the run wrote and removed like the finished lists.
 */
export const catalogListPrefix = (methodology: string) => `${drilldownRoot(methodology)}catalog/`;
/**
 * The partition of an end's list that holds every unit's delay charges again (R7's denominator:
 * `<list prefix><run>/unit_id=_province/`; issue 20, item 1); never a unit id. The units'
 * partitions hold, besides their dossiers, the records behind their other indicators (a `kind`
 * column: shared/src/sql/record-list.sql.ts).
 */
export const PROVINCE_PARTITION = "_province";

/**
 * The pointer to the current run of a period's drill-down. `from`: the start of the period the
 * list was written for (absent in lists written before lists were shared by the periods of an end:
 * such a list serves its own period only).
 */
export interface DrilldownPointer {
  readonly run: string;
  readonly computedAt: string;
  readonly from?: string;
  /**
   * The run of the finished cases' list written with it (`finishedListPrefix`): the run's finished
   * cases are there, not in `run` (absent in lists written before they were split: `run` holds all).
   */
  readonly finished?: string;
  /**
   * The lists' format: 3 when the run wrote the dossier rows with what every indicator decides on
   * and each end's records beside them (`kind`), the lists behind every computed indicator (issue
   * 20, item 1; `LIST_FORMAT`, shared/src/facts/list-rules.ts); 2, the records under `records/` of
   * the run folder, is no longer read. Absent: the P1 drill-down only.
   */
  readonly lists?: number;
  /** The run of the catalog list written with it (`catalogListPrefix`; with `lists`). */
  readonly catalog?: string;
  /**
   * Present when the run scored over kept case facts (docs/adr/0023): it wrote no list; the read
   * API reads a unit's rows on request from the kept facts (the generation it scored on is named
   * here; the reader takes the current one, which gives the same rows until the period's inputs
   * change and it is scored again). `run`, `finished` and `catalog` are then unused.
   */
  readonly kept?: string;
}

// ——— ratings/: head-of-unit ratings and the reform index (private) ———

export type RatingsDoc = "heads" | "reform-index";
/** `ratings/<methodology>/`: every period's working and frozen ratings. */
export const ratingsRoot = (methodology: string) => `${LAKE_PREFIXES.ratings}${methodology}/`;
/** The working document of a period: `ratings/<methodology>/<period>/<doc>.json`. */
export const ratingsKey = (methodology: string, period: string, doc: RatingsDoc) => `${ratingsRoot(methodology)}${period}/${doc}.json`;
export const headRatingsKey = (methodology: string, period: string) => ratingsKey(methodology, period, "heads");
export const reformIndexKey = (methodology: string, period: string) => ratingsKey(methodology, period, "reform-index");
/**
 * A period's ratings as frozen by a publication: under the publication's id, like the ranking's
 * frozen bodies, and written before its header (the commit point) — a publication that loses the
 * race or crashes leaves objects that no header names, and a frozen object is never rewritten.
 */
export const frozenRatingsKey = (methodology: string, period: string, publicationId: string, doc: RatingsDoc) => `${ratingsRoot(methodology)}${period}/published/${publicationId}/${doc}.json`;
/** The period of a working head-ratings key (not the frozen copies under `<period>/published/`), else undefined. */
export function periodOfHeadRatingsKey(methodology: string, key: string): string | undefined {
  const root = ratingsRoot(methodology);
  if (!key.startsWith(root)) return undefined;
  const parts = key.slice(root.length).split("/");
  return parts.length === 2 && parts[1] === "heads.json" ? parts[0] : undefined;
}

// ——— public/: what the public pages read ———

/** `public/<methodology>/<period>/<tier>.json`: the published (else draft) ranking of a tier, without scan details. */
export const publicRankingKey = (methodology: string, period: string, tier: string) => `${LAKE_PREFIXES.public}${methodology}/${period}/${tier}.json`;

// ——— state/ ———

/** What each scored period was scored on (the late-event check). */
export const scoredInputsKey = (methodology: string) => `${LAKE_PREFIXES.state}${methodology}/scored-inputs.json`;
/** The cloud scoring lease. */
export const SCORING_LOCK_KEY = `${LAKE_PREFIXES.state}score-lock.json`;
/** The cloud compaction lease. */
export const COMPACTION_LOCK_KEY = `${COMPACTION_STATE_PREFIX}lock.json`;

// ——— facts/: the kept case facts (docs/adr/0023) ———

/** The manifest naming the current generation of the kept facts (a KeptFactsManifest). */
export const keptFactsManifestKey = (): string => `${LAKE_PREFIXES.facts}current.json`;
/** A generation's folder: `facts/<generation>/`. */
export const keptFactsPrefix = (generation: string): string => `${LAKE_PREFIXES.facts}${generation}/`;
/** One kept relation of a generation: `facts/<generation>/<relation>/`. */
export const keptRelationPrefix = (generation: string, relation: string): string => `${keptFactsPrefix(generation)}${relation}/`;
