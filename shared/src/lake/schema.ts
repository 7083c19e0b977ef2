/**
 * The lake's table contract: the columns the Glue catalog declares and the SQL reads.
 *
 * It imports only the key layout (./layout.ts; no CDK, no `node:`), so infra builds the Glue tables
 * from it and functions' tests prove the SQL and the Parquet writer agree with the catalog (a drift
 * test). Column names are snake_case; types are Hive/Glue type names, which Athena (Trino) reads.
 *
 * Folders (./layout.ts, docs/storage.md): `raw/ingest_date=YYYY-MM-DD/*.ndjson.gz` (read by compaction only),
 * `curated/events/month=YYYY-MM/` Parquet partitioned by the local (UTC+7) month of `occurredAt`,
 * `curated/complaints/`, `curated/improper_returns/` and `dims/<name>/` one small JSON-lines table per folder. Objects whose
 * name starts with `_` are hidden from Athena (compaction keeps its state under `curated/_compacted/`).
 */

import { CURATED_COMPLAINTS_PREFIX, CURATED_EVENTS_PREFIX, CURATED_IMPROPER_RETURNS_PREFIX, RAW_PREFIXES, dimPrefix } from "./layout.js";

/** A Glue/Hive column type used by the lake tables (`struct<...>` only in the raw JSON table). */
export type LakeColumnType = "string" | "boolean" | "timestamp" | "int" | "bigint" | "double" | "date" | `struct<${string}>`;

export interface LakeColumn {
  readonly name: string;
  readonly type: LakeColumnType;
  readonly comment: string;
}

/** A partition column whose values Athena projects (no partitions are ever registered). */
export interface LakePartition extends LakeColumn {
  readonly projection: {
    /** Java date format of the values, e.g. `yyyy-MM`. */
    readonly format: "yyyy-MM" | "yyyy-MM-dd";
    readonly unit: "MONTHS" | "DAYS";
    /** First value projected (the range runs to NOW). */
    readonly first: string;
  };
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

/** First month the projection enumerates (older data is not expected). */
export const CURATED_EVENTS_FIRST_MONTH = "2020-01";

/** The partition column of `curated_events`: the UTC+7 month of `occurred_at`, `YYYY-MM`. */
export const CURATED_EVENT_PARTITION: LakePartition = {
  name: "month",
  type: "string",
  comment: "local month YYYY-MM",
  projection: { format: "yyyy-MM", unit: "MONTHS", first: CURATED_EVENTS_FIRST_MONTH },
};

/**
 * How a table's objects are stored:
 * - `parquet`: Parquet files (Athena INSERT INTO writes them; DuckDB locally).
 * - `json`: JSON lines (`.json.gz`) with snake_case keys equal to the column names, DATE as
 *   `YYYY-MM-DD`, TIMESTAMP as `YYYY-MM-DD HH:MM:SS.sss` (UTC), read by the Hive JSON SerDe;
 *   keys that are not columns are ignored (the writers keep merge lineage in `_`-keys).
 * - `raw-json`: the ingestion batches as accepted (`.ndjson.gz`, camelCase keys), read by the
 *   OpenX JSON SerDe, whose key matching is case-insensitive (`eventId` → column `eventid`).
 */
export type LakeFormat = "parquet" | "json" | "raw-json";

export interface LakeTable {
  /** Table name in the Glue database (and the name the SQL uses). */
  readonly name: string;
  /** Key prefix inside the lake bucket, ending in `/`. */
  readonly prefix: string;
  readonly format: LakeFormat;
  readonly columns: readonly LakeColumn[];
  readonly partition?: LakePartition;
  readonly description: string;
}

export const CURATED_EVENTS_TABLE: LakeTable = {
  name: "curated_events",
  prefix: CURATED_EVENTS_PREFIX,
  format: "parquet",
  columns: CURATED_EVENT_COLUMNS,
  partition: CURATED_EVENT_PARTITION,
  description: "Case events, deduplicated by event_id, partitioned by local month",
};

const col = (name: string, type: LakeColumnType, comment: string): LakeColumn => ({ name, type, comment });

/** The flags object of a raw event, as the OpenX SerDe reads it (field names matched case-insensitively). */
const RAW_FLAGS_STRUCT =
  "struct<digitizeddossier:boolean,digitizedresult:boolean,digitallysigned:boolean,reuseddata:boolean,onlinepayment:boolean,feebearing:boolean,syncedtonationalportal:boolean,resultrequired:boolean,personaldatastore:boolean,populationdatabase:boolean>";

/**
 * The accepted batches under `raw/` (one `.ndjson.gz` object per batch, a StoredCaseEvent per
 * line), read only by compaction. Columns are the event's JSON keys in lower case; instants stay
 * text and are cast by the compaction statement. Partitioned by the UTC date of ingestion.
 */
export const RAW_EVENTS_TABLE: LakeTable = {
  name: "raw_events",
  prefix: RAW_PREFIXES.events,
  format: "raw-json",
  description: "Accepted event batches as written by ingestion (compaction reads them)",
  columns: [
    col("eventid", "string", "eventId"),
    col("caseid", "string", "caseId"),
    col("type", "string", "type"),
    col("occurredat", "string", "occurredAt, ISO instant in UTC"),
    col("unitid", "string", "unitId"),
    col("procedurecode", "string", "procedureCode"),
    col("field", "string", "field"),
    col("channel", "string", "channel"),
    col("dueat", "string", "dueAt, ISO instant in UTC"),
    col("targetunitid", "string", "targetUnitId"),
    col("flags", RAW_FLAGS_STRUCT, "flags"),
    col("rating", "struct<satisfied:boolean,progress:int,quality:int,attitude:int>", "rating"),
    col("applicantpseudonym", "string", "applicantPseudonym"),
  ],
  partition: {
    name: "ingest_date",
    type: "string",
    comment: "UTC date the batch was accepted, YYYY-MM-DD",
    projection: { format: "yyyy-MM-dd", unit: "DAYS", first: `${CURATED_EVENTS_FIRST_MONTH}-01` },
  },
};

/**
 * `curated_complaints`: one row per complaint, its most advanced state (the columns the complaint
 * SQL reads; functions' record compaction writes `curated/complaints/complaints.json.gz`).
 */
export const CURATED_COMPLAINTS_TABLE: LakeTable = {
  name: "curated_complaints",
  prefix: CURATED_COMPLAINTS_PREFIX,
  format: "json",
  description: "Complaints (1022, national portal): the most advanced state of each",
  columns: [
    col("complaint_id", "string", "complaintId"),
    col("source", "string", "HOTLINE_1022 | NATIONAL_PORTAL"),
    col("unit_id", "string", "the unit the complaint names"),
    col("received_at", "timestamp", "UTC"),
    col("category", "string", "PROCEDURE | STAFF_CONDUCT | OTHER"),
    col("case_id", "string", "dossier the complaint is about, if given"),
    col("procedure_code", "string", "procedure, if given"),
    col("field", "string", "procedure field, if given"),
    col("accepted_at", "timestamp", "UTC"),
    col("refused_at", "timestamp", "UTC"),
    col("handled_at", "timestamp", "UTC"),
    col("satisfied", "boolean", "complainant's verdict on the handling"),
    col("re_complained", "boolean", "complained again about the same matter"),
  ],
};

/** The kinds of basis a mark of an improper return has (the admin contract: shared/src/contracts/admin-requests.ts). */
export const IMPROPER_RETURN_BASES = ["INSPECTION_FINDING", "UPHELD_COMPLAINT", "HOME_AFFAIRS_DECISION"] as const;

/**
 * `curated_improper_returns`: the dossiers whose return (REFUSED or STOPPED) Home Affairs marked
 * improper, one row each (docs/adr/0015-improper-returns.md). Written whole by every scoring run
 * from the admin store (functions/src/use-cases/score/improper-returns.ts), one JSON-lines object,
 * only when its content changed; the case SQL joins it on `case_id` (R3, R9_R3 of dn-2026.2). An
 * unmarked return has no row. A row naming a dossier that was not returned changes no number.
 */
export const CURATED_IMPROPER_RETURNS_TABLE: LakeTable = {
  name: "curated_improper_returns",
  prefix: CURATED_IMPROPER_RETURNS_PREFIX,
  format: "json",
  description: "Returns of dossiers marked improper by Home Affairs (one row per dossier)",
  columns: [
    col("case_id", "string", "the dossier whose return was marked improper"),
    col("basis", "string", IMPROPER_RETURN_BASES.join(" | ")),
    col("reference", "string", "the finding id, the complaint id or the decision number the mark rests on"),
    col("marked_at", "timestamp", "when the mark was made (its last version), UTC"),
  ],
};

/**
 * Dimension tables, one folder each (docs/adr/0101), JSON lines. `dim_calendar` and `dim_units`
 * are rendered from shared's data by the score job (columns: shared/src/sql/dims.ts);
 * `dim_procedures` and `dim_procedure_units` come from the ingested catalog by compaction.
 * Column names and types are exactly those the SQL reads (tested against the SQL and the local engine).
 */
export const DIM_TABLES: readonly LakeTable[] = [
  {
    name: "dim_calendar",
    prefix: dimPrefix("calendar"),
    format: "json",
    description: "Every local date of the covered years with its working-day index (Asia/Ho_Chi_Minh)",
    columns: [
      col("date", "date", "local date"),
      col("day", "bigint", "days since 1970-01-01 (the SQL's local day number)"),
      col("is_working", "boolean", "a working day (no weekend, holiday; make-up days count)"),
      col("working_day_index", "int", "working days from the first covered date up to and including this one"),
    ],
  },
  {
    name: "dim_units",
    prefix: dimPrefix("units"),
    format: "json",
    description: "Unit catalog with effective dates",
    columns: [
      col("unit_id", "string", "unit id"),
      col("tier", "string", "PROVINCE | DEPARTMENT | DISTRICT | COMMUNE | VERTICAL"),
      col("name_vi", "string", "Vietnamese name"),
      col("valid_from", "date", "first local date"),
      col("valid_to", "date", "last local date, null while valid"),
    ],
  },
  {
    name: "dim_procedures",
    prefix: dimPrefix("procedures"),
    format: "json",
    description: "Procedure catalog: the latest version of each procedure",
    columns: [
      col("code", "string", "procedure code (ma TTHC)"),
      col("name_vi", "string", "Vietnamese name"),
      col("field", "string", "field"),
      col("tier", "string", "tier of the units that resolve it"),
      col("online_level", "string", "NONE | PARTIAL | FULL"),
      col("fee_bearing", "boolean", "fee-bearing"),
      col("payment_integrated", "boolean", "integrated with the national payment platform"),
      col("result_required", "boolean", "produces a result document"),
      col("population_db_connected", "boolean", "connected to the population database"),
      col("time_limit_days", "int", "legal time limit, working days"),
      col("valid_from", "date", "first local date"),
      col("valid_to", "date", "last local date, null while valid"),
      col("change_kind", "string", "NEW | AMENDED | REPEALED"),
      col("decision_date", "date", "publication decision date"),
      col("legal_effective_date", "date", "legal basis takes effect"),
      col("public_date", "date", "made public in the national database"),
      col("content_complete", "boolean", "every required part published"),
    ],
  },
  {
    name: "dim_procedure_units",
    prefix: dimPrefix("procedure_units"),
    format: "json",
    description: "Units named by a procedure restricted to them (latest version)",
    columns: [col("code", "string", "procedure code"), col("unit_id", "string", "unit that resolves it")],
  },
];

/** The tables the scoring SQL reads (the score job's Glue grant). */
export const QUERY_TABLES: readonly LakeTable[] = [CURATED_EVENTS_TABLE, CURATED_COMPLAINTS_TABLE, CURATED_IMPROPER_RETURNS_TABLE, ...DIM_TABLES];

/** Every table the catalog declares. */
export const LAKE_TABLES: readonly LakeTable[] = [RAW_EVENTS_TABLE, ...QUERY_TABLES];

/**
 * Name prefix of the views and CTAS tables a scoring run makes in the Glue database (the
 * Athena adapter's STAGED_RELATION_PREFIX): the scoring role may create and drop only these.
 */
export const STAGED_RELATION_PREFIX = "sc_";
