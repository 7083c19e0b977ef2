/**
 * The lake's table contract: the columns the Glue catalog declares and the SQL reads.
 *
 * This module imports nothing (no CDK, no `node:`), so `functions/` and `shared/` tests can import
 * it to prove the SQL and the Parquet writer agree with the catalog (a drift test). Column names
 * are snake_case; types are Hive/Glue type names, which Athena (Trino) reads.
 *
 * Layout (docs/storage.md): `curated/events/month=YYYY-MM/*.parquet`, partitioned by the local
 * (UTC+7) month of `occurredAt`; `dims/<name>/` holds one small table per folder.
 */

/** A Glue/Hive column type used by the lake tables. */
export type LakeColumnType = "string" | "boolean" | "timestamp" | "int" | "bigint" | "double" | "date";

export interface LakeColumn {
  readonly name: string;
  readonly type: LakeColumnType;
  readonly comment: string;
}

/** The case-event flags, one boolean column each (`flags.digitizedDossier` → `digitized_dossier`). */
export const CURATED_EVENT_FLAG_COLUMNS = [
  "digitized_dossier",
  "digitized_result",
  "digitally_signed",
  "reused_data",
  "online_payment",
  "fee_bearing",
  "synced_to_national_portal",
  "result_required",
  "personal_data_store",
  "population_database",
] as const;

/** Columns of `curated_events`, in Parquet order (the partition column is separate). */
export const CURATED_EVENT_COLUMNS: readonly LakeColumn[] = [
  { name: "event_id", type: "string", comment: "eventId: idempotency key from the source; unique in curated/" },
  { name: "case_id", type: "string", comment: "caseId: dossier code" },
  { name: "type", type: "string", comment: "event type (RECEIVED, TRANSFERRED, ...)" },
  { name: "occurred_at", type: "timestamp", comment: "occurredAt, UTC" },
  { name: "unit_id", type: "string", comment: "acting unit" },
  { name: "procedure_code", type: "string", comment: "procedure (ma TTHC)" },
  { name: "field", type: "string", comment: "procedure field (linh vuc)" },
  { name: "channel", type: "string", comment: "DIRECT | ONLINE_FULL | ONLINE_PARTIAL | POSTAL (on RECEIVED)" },
  { name: "due_at", type: "timestamp", comment: "legal or step due date, UTC" },
  { name: "target_unit_id", type: "string", comment: "receiving / consulted unit" },
  ...CURATED_EVENT_FLAG_COLUMNS.map((name): LakeColumn => ({ name, type: "boolean", comment: `flag ${name}` })),
  { name: "rating_satisfied", type: "boolean", comment: "rating.satisfied (on RATED)" },
  { name: "applicant_pseudonym", type: "string", comment: "HMAC pseudonym of the applicant id; never the id itself" },
  { name: "ingest_batch", type: "string", comment: "id of the accepted batch (raw/ object) the event came from" },
];

/** The partition column of `curated_events`: the UTC+7 month of `occurred_at`, `YYYY-MM`. */
export const CURATED_EVENT_PARTITION: LakeColumn = { name: "month", type: "string", comment: "local month YYYY-MM" };

/** First month the projection enumerates (older data is not expected). */
export const CURATED_EVENTS_FIRST_MONTH = "2020-01";

export type LakeFormat = "parquet" | "csv";

export interface LakeTable {
  /** Table name in the Glue database (and the name the SQL uses). */
  readonly name: string;
  /** Key prefix inside the lake bucket, ending in `/`. */
  readonly prefix: string;
  readonly format: LakeFormat;
  readonly columns: readonly LakeColumn[];
  readonly partition?: LakeColumn;
  readonly description: string;
}

export const CURATED_EVENTS_TABLE: LakeTable = {
  name: "curated_events",
  prefix: "curated/events/",
  format: "parquet",
  columns: CURATED_EVENT_COLUMNS,
  partition: CURATED_EVENT_PARTITION,
  description: "Case events, deduplicated by event_id, partitioned by local month",
};

const text = (name: string, comment: string): LakeColumn => ({ name, type: "string", comment });

/**
 * Dimension tables (CSV with a header line; every column is text, as DuckDB and Athena's
 * OpenCSVSerde both read it). Provisional: the writers in `functions/` own the final columns.
 */
export const DIM_TABLES: readonly LakeTable[] = [
  {
    name: "dim_units",
    prefix: "dims/units/",
    format: "csv",
    description: "Unit catalog with effective dates and successors",
    columns: [
      text("unit_id", "unit id"),
      text("name_vi", "Vietnamese name"),
      text("name_en", "English name"),
      text("tier", "DEPARTMENT | DISTRICT | COMMUNE | VERTICAL"),
      text("parent_id", "parent unit id or empty"),
      text("valid_from", "YYYY-MM-DD"),
      text("valid_to", "YYYY-MM-DD or empty"),
      text("successor_ids", "space-separated successor unit ids"),
    ],
  },
  {
    name: "dim_calendar",
    prefix: "dims/calendar/",
    format: "csv",
    description: "Non-working days and make-up working days (Asia/Ho_Chi_Minh)",
    columns: [text("date", "YYYY-MM-DD"), text("kind", "HOLIDAY | WORKDAY | ..."), text("name_vi", "name"), text("name_en", "name")],
  },
];

/** Every table the catalog declares. */
export const LAKE_TABLES: readonly LakeTable[] = [CURATED_EVENTS_TABLE, ...DIM_TABLES];

/** Lake key prefixes (docs/storage.md). */
export const LAKE_PREFIXES = {
  raw: "raw/",
  rawComplaints: "raw-complaints/",
  rawProcedures: "raw-procedures/",
  drilldown: "drilldown/",
  curated: "curated/",
  dims: "dims/",
  public: "public/",
  athenaResults: "athena-results/",
} as const;
