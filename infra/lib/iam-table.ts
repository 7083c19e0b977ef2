import { COMPACTION_LOCK_KEY, CURATED_IMPROPER_RETURNS_PREFIX, LAKE_PREFIXES, SCORING_LOCK_KEY, dimPrefix } from "@scorecard/shared/lake/layout";
import { CURATED_EVENTS_TABLE, type LakeTable, QUERY_TABLES, RAW_EVENTS_TABLE, STAGED_RELATION_PREFIX } from "@scorecard/shared/lake/schema";

/**
 * IAM from code (docs/adr/0102-iam-from-code.md): for each Lambda, every AWS SDK command its
 * bundle can send, the IAM actions each needs and the resources it sends them to — plus what a
 * command needs on the caller's behalf (Athena reads Glue and S3 with the caller's credentials).
 *
 * Two tests hold it to the truth from both sides:
 * - `infra/test/iam-from-code.test.ts` bundles each handler entry with esbuild (tree-shaken, the
 *   AWS SDK external) and lists the `new XxxCommand(` the bundle keeps: the table must name exactly
 *   those commands, each either `sends` (granted) or `bundled` (present in the bundle through a
 *   shared adapter class, never sent by this function — with the reason);
 * - the same test reads the synthesized template: each role must allow every row and nothing the
 *   table lacks (beyond `RUNTIME_GRANTS`), and carry the `denies`.
 *
 * The table is data: the constructs grant with their own helpers (`bindTable`, `bindLake`,
 * `AnalyticsCatalog.grant*`, `Secrets.grantPseudonymKey`), so the test compares two independent
 * routes. Resources are written in a small notation the test resolves against the template:
 *
 * | notation | resource |
 * |---|---|
 * | `table`, `index:gsi1` | the event store table, its index |
 * | `lake:<prefix>` | objects under a lake prefix (`<bucket>/<prefix>*`) |
 * | `bucket` | the lake bucket itself (ListBucket, GetBucketLocation …) |
 * | `secret:pseudonym` | the pseudonymisation key |
 * | `athena:workgroup` | the stage's Athena workgroup |
 * | `glue:catalog`, `glue:database`, `glue:database/default`, `glue:table/<name>` | the Glue catalog objects |
 */

export type ResourceRef =
  | "table"
  | "index:gsi1"
  | "bucket"
  | "secret:pseudonym"
  | "athena:workgroup"
  | "glue:catalog"
  | "glue:database"
  | "glue:database/default"
  | `glue:table/${string}`
  | `lake:${string}`;

/** An SDK command as the bundle scan names it: `<package>:<ExportedName>`. */
export type CommandId = `@aws-sdk/${string}:${string}Command`;

/** The IAM action(s) each SDK command is authorised as (Service Authorization Reference). */
export const COMMAND_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  "@aws-sdk/lib-dynamodb:GetCommand": ["dynamodb:GetItem"],
  "@aws-sdk/lib-dynamodb:PutCommand": ["dynamodb:PutItem"],
  "@aws-sdk/lib-dynamodb:UpdateCommand": ["dynamodb:UpdateItem"],
  "@aws-sdk/lib-dynamodb:DeleteCommand": ["dynamodb:DeleteItem"],
  "@aws-sdk/lib-dynamodb:QueryCommand": ["dynamodb:Query"],
  "@aws-sdk/lib-dynamodb:ScanCommand": ["dynamodb:Scan"],
  "@aws-sdk/lib-dynamodb:BatchGetCommand": ["dynamodb:BatchGetItem"],
  "@aws-sdk/lib-dynamodb:BatchWriteCommand": ["dynamodb:BatchWriteItem"],
  "@aws-sdk/client-s3:GetObjectCommand": ["s3:GetObject"],
  "@aws-sdk/client-s3:PutObjectCommand": ["s3:PutObject"],
  "@aws-sdk/client-s3:DeleteObjectCommand": ["s3:DeleteObject"],
  // DeleteObjects is authorised as s3:DeleteObject on each key.
  "@aws-sdk/client-s3:DeleteObjectsCommand": ["s3:DeleteObject"],
  "@aws-sdk/client-s3:ListObjectsV2Command": ["s3:ListBucket"],
  "@aws-sdk/client-athena:StartQueryExecutionCommand": ["athena:StartQueryExecution"],
  "@aws-sdk/client-athena:GetQueryExecutionCommand": ["athena:GetQueryExecution"],
  "@aws-sdk/client-athena:GetQueryResultsCommand": ["athena:GetQueryResults"],
  "@aws-sdk/client-athena:StopQueryExecutionCommand": ["athena:StopQueryExecution"],
  "@aws-sdk/client-secrets-manager:GetSecretValueCommand": ["secretsmanager:GetSecretValue"],
};

/** A command this function sends, and where. */
export interface Sends {
  readonly sends: readonly ResourceRef[];
  readonly why: string;
}
/** A command present in the bundle (a shared adapter class) that this function never sends: no grant. */
export interface Bundled {
  readonly bundled: string;
}

/** What a command needs besides its own action: permissions a service uses on the caller's behalf. */
export interface Implied {
  readonly by: CommandId;
  readonly actions: readonly string[];
  readonly on: readonly ResourceRef[];
  readonly why: string;
}

/** A deny the role must carry: `actions` on `on` for items whose partition key is one of `leadingKeys`. */
export interface Deny {
  readonly actions: readonly string[];
  readonly on: readonly ResourceRef[];
  readonly leadingKeys: readonly string[];
  readonly why: string;
}

export interface FunctionIam {
  /** Handler entry file, relative to the repository root. */
  readonly entry: string;
  /** The logical-id prefix of the function's role (its construct path). */
  readonly role: string;
  readonly commands: Readonly<Record<CommandId, Sends | Bundled>>;
  readonly implied?: readonly Implied[];
  readonly denies?: readonly Deny[];
}

/** The audit log's partition (docs/storage.md): written by the admin function only, with PutItem only. */
export const AUDIT_PARTITION = "ADMIN#AUDIT";

/** Granted to every function by the house construct, not for an SDK call of its own. */
export const RUNTIME_GRANTS: readonly { readonly actions: readonly string[]; readonly on: "own-log-group" | "*" | "own-dead-letter-queue"; readonly why: string }[] = [
  { actions: ["logs:CreateLogStream", "logs:PutLogEvents"], on: "own-log-group", why: "The Lambda runtime writes the function's logs to its own log group." },
  { actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], on: "*", why: "Active X-Ray tracing; these actions support no resource-level permissions." },
  {
    actions: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
    on: "own-dead-letter-queue",
    why: "Lambda sends a failed asynchronous invocation to the job's OnFailure queue with the function's role.",
  },
];

// ——— what Athena needs with the caller's credentials ———

const tableRef = (t: LakeTable | string): ResourceRef => `glue:table/${typeof t === "string" ? t : t.name}`;
const lake = (prefix: string): ResourceRef => `lake:${prefix}`;
const START = "@aws-sdk/client-athena:StartQueryExecutionCommand" as const;
const RESULTS = "@aws-sdk/client-athena:GetQueryResultsCommand" as const;

/**
 * What any statement needs: the database (and, per the Athena guide's fine-grained access page,
 * `GetDatabase`/`CreateDatabase` on the `default` database and the catalog of the Region, "for
 * Athena to work with the AWS Glue Data Catalog"); the results location (the workgroup's
 * `athena-results/`): written by Athena, read back by GetQueryResults; GetBucketLocation on the
 * bucket, which Athena calls to check the output location (it carries no `s3:prefix`, so it must
 * not sit behind a prefix condition); ListBucketMultipartUploads as in AmazonAthenaFullAccess.
 */
function athenaBase(): Implied[] {
  return [
    {
      by: START,
      actions: ["glue:GetDatabase", "glue:CreateDatabase"],
      on: ["glue:catalog", "glue:database/default"],
      why: "Athena guide, 'Configure access to databases and tables in the AWS Glue Data Catalog': the default database and the catalog, per Region, for GetDatabase and CreateDatabase.",
    },
    { by: START, actions: ["glue:GetDatabase"], on: ["glue:catalog", "glue:database"], why: "The statements run in the stage's database (QueryExecutionContext)." },
    { by: START, actions: ["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"], on: ["bucket"], why: "Athena checks the region of its output location and manages multipart uploads of results (AmazonAthenaFullAccess)." },
    {
      by: START,
      actions: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      on: [lake(LAKE_PREFIXES.athenaResults)],
      why: "Athena writes each statement's result and manifest under the workgroup's athena-results/.",
    },
    { by: RESULTS, actions: ["s3:GetObject"], on: [lake(LAKE_PREFIXES.athenaResults)], why: "GetQueryResults reads the result file with the caller's credentials." },
  ];
}

/** SELECT over tables: the table definitions (and partitions of partitioned ones) and the objects under their locations. */
function athenaSelect(tables: readonly LakeTable[]): Implied[] {
  const refs = tables.map(tableRef);
  return [
    {
      by: START,
      actions: ["glue:GetTable", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition"],
      on: ["glue:catalog", "glue:database", ...refs],
      why: "Athena reads each table's definition from Glue (and its partitions, where it does not project them) with the caller's credentials; the Athena guide: a partition action needs the permission on the catalog, the database and the table.",
    },
    { by: START, actions: ["s3:GetObject"], on: tables.map((t) => lake(t.prefix)), why: "Athena reads the table's objects with the caller's credentials." },
    { by: START, actions: ["s3:ListBucket"], on: ["bucket"], why: "Athena lists each table location (and each projected partition's folder)." },
  ];
}

/**
 * INSERT INTO a partitioned table: the partition writes Athena may make in the Glue catalog (the
 * partition actions of AmazonAthenaFullAccess that register or update a partition) and the objects
 * it writes under the table's location.
 */
function athenaInsert(table: LakeTable): Implied[] {
  return [
    {
      by: START,
      actions: ["glue:BatchCreatePartition", "glue:CreatePartition", "glue:UpdatePartition", "glue:BatchUpdatePartition"],
      on: ["glue:catalog", "glue:database", tableRef(table)],
      why: "INSERT INTO may register the months it writes, or update their statistics, in the Glue catalog (AmazonAthenaFullAccess's partition actions; the Athena guide: partition actions need the permission on the catalog, database and table).",
    },
    {
      by: START,
      actions: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      on: [lake(table.prefix)],
      why: "INSERT INTO writes new Parquet files under the table's location with the caller's credentials.",
    },
  ];
}

/** Views and CTAS tables named `sc_*` (docs/adr/0009) and their files under `staging/`; UNLOAD under `unloadTo`. */
function athenaStaged(unloadTo: string): Implied[] {
  const staged = tableRef(`${STAGED_RELATION_PREFIX}*`);
  return [
    {
      by: START,
      actions: ["glue:GetTable", "glue:GetPartitions", "glue:CreateTable", "glue:UpdateTable", "glue:DeleteTable"],
      on: ["glue:catalog", "glue:database", staged],
      why: "CREATE OR REPLACE VIEW, CTAS and DROP of the run's relations sc_* (the Athena guide's CREATE TABLE and DROP TABLE examples), never the lake tables.",
    },
    {
      by: START,
      actions: ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      on: [lake(LAKE_PREFIXES.staging)],
      why: "CTAS writes its Parquet under staging/<relation>/ and later statements read it.",
    },
    {
      by: START,
      actions: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      on: [lake(unloadTo)],
      why: "UNLOAD writes the drill-downs under drilldown/ with the caller's credentials.",
    },
  ];
}

const GET = "@aws-sdk/lib-dynamodb:GetCommand";
const PUT = "@aws-sdk/lib-dynamodb:PutCommand";
const UPDATE = "@aws-sdk/lib-dynamodb:UpdateCommand";
const DELETE = "@aws-sdk/lib-dynamodb:DeleteCommand";
const QUERY = "@aws-sdk/lib-dynamodb:QueryCommand";
const BATCH_GET = "@aws-sdk/lib-dynamodb:BatchGetCommand";
const BATCH_WRITE = "@aws-sdk/lib-dynamodb:BatchWriteCommand";
const S3_GET = "@aws-sdk/client-s3:GetObjectCommand";
const S3_PUT = "@aws-sdk/client-s3:PutObjectCommand";
const S3_DELETE = "@aws-sdk/client-s3:DeleteObjectCommand";
const S3_DELETE_MANY = "@aws-sdk/client-s3:DeleteObjectsCommand";
const S3_LIST = "@aws-sdk/client-s3:ListObjectsV2Command";
const SECRET = "@aws-sdk/client-secrets-manager:GetSecretValueCommand";
const ATHENA = {
  start: START,
  get: "@aws-sdk/client-athena:GetQueryExecutionCommand",
  results: RESULTS,
  stop: "@aws-sdk/client-athena:StopQueryExecutionCommand",
} as const;

/** A GetObject of an absent key answers 404 NoSuchKey only to a caller allowed s3:ListBucket on the bucket (else 403). */
const absentKeys = (by: CommandId): Implied => ({
  by,
  actions: ["s3:ListBucket"],
  on: ["bucket"],
  why: "S3 answers a GetObject of an absent key with 404 only to a caller allowed s3:ListBucket on the bucket, else 403 AccessDenied, which the adapters would raise instead of 'absent'. That check carries no s3:prefix, so the grant has no prefix condition.",
});

const API_BUNDLE = "lambda-deps.ts builds the ingest, read and admin dependencies in one module, so each API bundle holds the other two's adapter classes";

/** Writes no role but the admin function's may make to the audit partition; the admin function may only add (PutItem). */
const auditAppendOnly = (appender: boolean): Deny => ({
  actions: appender ? ["dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"] : ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"],
  on: ["table"],
  leadingKeys: [AUDIT_PARTITION],
  why: appender
    ? "The audit log is append-only (docs/storage.md): the admin function adds entries with PutItem (attribute_not_exists) and may never update or delete one."
    : "Only the admin function writes the audit log (docs/storage.md).",
});

export const IAM_TABLE: Readonly<Record<"ingest" | "upkeep" | "read" | "admin" | "compaction" | "scoring" | "originVerify", FunctionIam>> = {
  ingest: {
    entry: "functions/src/handlers/ingest-events.ts",
    role: "IngestApiHandlerRole",
    commands: {
      [GET]: { sends: ["table"], why: "Event guards, case state, idempotency keys." },
      [PUT]: { sends: ["table"], why: "Event guards, case state, open-case index items, idempotency keys, records." },
      [UPDATE]: { sends: ["table"], why: "Idempotency key completed with its stored response; a batch's eventIds added to their cases' lists (ADD, a set union beside other writers)." },
      [DELETE]: { sends: ["table"], why: "An idempotency key released after a failed request." },
      [QUERY]: { sends: ["table"], why: "The event store's partition reads (outbox shards, lake-pending records); a case's events are read by key (the open-case index is read by the read API only)." },
      [BATCH_GET]: { sends: ["table"], why: "The event store reads the guards of a batch's events 100 keys at a time." },
      [BATCH_WRITE]: { sends: ["table"], why: "The event store queues a batch's cases in the outbox 25 items at a time." },
      [S3_PUT]: { sends: [lake(LAKE_PREFIXES.raw), lake(LAKE_PREFIXES.rawComplaints), lake(LAKE_PREFIXES.rawProcedures)], why: "One raw object per accepted batch." },
      [S3_GET]: { bundled: `S3Lake.get: ${API_BUNDLE}; ingestion only writes raw/` },
      [S3_LIST]: { bundled: `S3Lake.list: ${API_BUNDLE}` },
      [S3_DELETE_MANY]: { bundled: `S3Lake.removePrefix: ${API_BUNDLE}` },
      [SECRET]: { sends: ["secret:pseudonym"], why: "The HMAC key of applicant pseudonyms, once per container." },
    },
    implied: [
      { by: S3_PUT, actions: ["s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"], on: [lake(LAKE_PREFIXES.raw), lake(LAKE_PREFIXES.rawComplaints), lake(LAKE_PREFIXES.rawProcedures)], why: "The SDK may upload a large body in parts and abort it on failure." },
    ],
    denies: [auditAppendOnly(false)],
  },

  upkeep: {
    entry: "functions/src/handlers/ingest-upkeep.ts",
    role: "IngestUpkeepJobHandlerRole",
    commands: {
      [QUERY]: { sends: ["table"], why: "The outbox shards and the lake-pending records." },
      [PUT]: { sends: ["table"], why: "A drained case's live state and open-case index items (kept if not older)." },
      [DELETE]: { sends: ["table"], why: "An outbox mark taken off after its case was derived; a lake-pending record cleared." },
      [BATCH_GET]: { sends: ["table"], why: "The queued cases' event lists and their events (the guards); the guards of a cut batch's events (which of them the batch claimed)." },
      [BATCH_WRITE]: { sends: ["table"], why: "The cases of a reconciled batch queued again in the outbox." },
      [GET]: { bundled: `Event guards and case state reads of ingestion: ${API_BUNDLE}` },
      [UPDATE]: { sends: ["table"], why: "A reconciled batch's events listed in their cases again (ADD, a set union beside the ingest function's writes)." },
      [S3_GET]: { sends: [lake(LAKE_PREFIXES.raw)], why: "Whether a cut batch's raw object was written before the crash." },
      [S3_PUT]: { sends: [lake(LAKE_PREFIXES.raw)], why: "The raw object of a batch cut short, under the key the batch recorded." },
      [S3_LIST]: { bundled: `S3Lake.list: ${API_BUNDLE}` },
      [S3_DELETE_MANY]: { bundled: `S3Lake.removePrefix: ${API_BUNDLE}` },
      [SECRET]: { bundled: "lambdaDeps reads the pseudonym key only when PSEUDONYM_SECRET_ARN is set, which the upkeep function's environment is not" },
    },
    implied: [
      absentKeys(S3_GET),
      { by: S3_PUT, actions: ["s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"], on: [lake(LAKE_PREFIXES.raw)], why: "The SDK may upload a large body in parts and abort it on failure." },
    ],
    denies: [auditAppendOnly(false)],
  },

  read: {
    entry: "functions/src/handlers/read-api.ts",
    role: "ReadApiHandlerRole",
    commands: {
      [GET]: { sends: ["table"], why: "Snapshots, publication headers, case state, a case's event list and its events (the timeline)." },
      [QUERY]: { sends: ["table", "index:gsi1"], why: "Publication versions (table); open and paused cases of a unit (gsi1)." },
      [PUT]: { bundled: `Writers of the event, snapshot and admin stores: ${API_BUNDLE}; the read API writes nothing` },
      [UPDATE]: { bundled: `Idempotency and admin stores: ${API_BUNDLE}` },
      [DELETE]: { bundled: `Idempotency store: ${API_BUNDLE}` },
      [BATCH_GET]: { bundled: `DynamoDbEventStore's batch reads of event guards (ingestion): ${API_BUNDLE}` },
      [BATCH_WRITE]: { bundled: `DynamoDbEventStore's batch writes (ingestion): ${API_BUNDLE}` },
      [S3_GET]: {
        sends: [lake(LAKE_PREFIXES.drilldown), lake(LAKE_PREFIXES.ratings), lake(LAKE_PREFIXES.rawProcedures), lake(LAKE_PREFIXES.snapshots)],
        why: "Drill-down pointers and files, head ratings and the reform index, the procedure names of the ingested catalog (raw-procedures/: public catalog data, no applicant), and a snapshot body too large for its item (snapshots/).",
      },
      [S3_LIST]: { sends: ["bucket"], why: "A drill-down run's files and the catalog batches (raw-procedures/)." },
      [S3_PUT]: { bundled: `S3Lake.put: ${API_BUNDLE}` },
      [S3_DELETE_MANY]: { bundled: `S3Lake.removePrefix: ${API_BUNDLE}` },
      [SECRET]: { bundled: "lambdaDeps reads the pseudonym key only when PSEUDONYM_SECRET_ARN is set, which the read function's environment is not" },
    },
    implied: [absentKeys(S3_GET)],
  },

  admin: {
    entry: "functions/src/handlers/admin-api.ts",
    role: "AdminApiHandlerRole",
    commands: {
      [GET]: { sends: ["table"], why: "Findings, criteria, surveys, rosters, marks, snapshots, publications." },
      [PUT]: { sends: ["table"], why: "Every admin item, frozen snapshots and publication headers, audit entries (append only)." },
      [UPDATE]: { sends: ["table"], why: "Criterion lock tokens, finding fences." },
      [QUERY]: { sends: ["table", "index:gsi1"], why: "The audit log and partitions of admin items (table); findings, criteria and rosters of a period (gsi1)." },
      [DELETE]: { bundled: `Idempotency store: ${API_BUNDLE}` },
      [BATCH_GET]: { bundled: `DynamoDbEventStore's batch reads (ingestion): ${API_BUNDLE}` },
      [BATCH_WRITE]: { bundled: `DynamoDbEventStore's batch writes (ingestion): ${API_BUNDLE}` },
      [S3_GET]: { sends: [lake(LAKE_PREFIXES.public), lake(LAKE_PREFIXES.ratings), lake(LAKE_PREFIXES.snapshots)], why: "The public JSON being replaced, the ratings being frozen, a draft's body too large for its item (snapshots/)." },
      [S3_PUT]: { sends: [lake(LAKE_PREFIXES.public), lake(LAKE_PREFIXES.ratings)], why: "Publishing writes the public JSON; a Home Affairs change re-rates the period (ratings/)." },
      [S3_LIST]: { sends: ["bucket"], why: "The ratings of a period (ratings/) when freezing them." },
      [S3_DELETE_MANY]: { bundled: `S3Lake.removePrefix: ${API_BUNDLE}; publishing never deletes` },
      [SECRET]: { bundled: "lambdaDeps reads the pseudonym key only when PSEUDONYM_SECRET_ARN is set, which the admin function's environment is not" },
    },
    implied: [
      absentKeys(S3_GET),
      { by: S3_PUT, actions: ["s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"], on: [lake(LAKE_PREFIXES.public), lake(LAKE_PREFIXES.ratings)], why: "The SDK may upload a large body in parts and abort it on failure." },
    ],
    denies: [auditAppendOnly(true)],
  },

  compaction: {
    entry: "functions/src/handlers/compact.ts",
    role: "JobsCompactionHandlerRole",
    commands: {
      [ATHENA.start]: { sends: ["athena:workgroup"], why: "The months query and INSERT INTO curated_events … SELECT … FROM raw_events." },
      [ATHENA.get]: { sends: ["athena:workgroup"], why: "Polls each statement." },
      [ATHENA.results]: { sends: ["athena:workgroup"], why: "The months the chunk touches." },
      [ATHENA.stop]: { sends: ["athena:workgroup"], why: "A statement still running at the deadline is stopped." },
      [S3_GET]: {
        sends: [lake(LAKE_PREFIXES.rawComplaints), lake(LAKE_PREFIXES.rawProcedures), lake(LAKE_PREFIXES.curated), lake(dimPrefix("procedures")), lake(dimPrefix("procedure_units"))],
        why: "Complaint and catalog batches, the manifests and lock under curated/_compacted/, the merged tables.",
      },
      [S3_PUT]: {
        sends: [lake(LAKE_PREFIXES.curated), lake(dimPrefix("procedures")), lake(dimPrefix("procedure_units"))],
        why: "The merged complaint table, the catalog dimensions, the manifests and the lock (conditional writes).",
      },
      [S3_DELETE]: { sends: [lake(LAKE_PREFIXES.curated)], why: `The compaction lock (${COMPACTION_LOCK_KEY}) released at the end of a run.` },
      [S3_LIST]: { sends: ["bucket"], why: "The raw folders' objects not yet compacted." },
    },
    implied: [
      ...athenaBase(),
      ...athenaSelect([RAW_EVENTS_TABLE, CURATED_EVENTS_TABLE]),
      ...athenaInsert(CURATED_EVENTS_TABLE),
      absentKeys(S3_GET),
      {
        by: S3_PUT,
        actions: ["s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
        on: [lake(LAKE_PREFIXES.curated), lake(dimPrefix("procedures")), lake(dimPrefix("procedure_units"))],
        why: "The SDK may upload a large body in parts and abort it on failure.",
      },
    ],
  },

  scoring: {
    entry: "functions/src/handlers/score.ts",
    role: "JobsScoringHandlerRole",
    commands: {
      [ATHENA.start]: { sends: ["athena:workgroup"], why: "The staged facts (views, CTAS), each period's statements, the drill-down UNLOADs, the DROPs." },
      [ATHENA.get]: { sends: ["athena:workgroup"], why: "Polls each statement." },
      [ATHENA.results]: { sends: ["athena:workgroup"], why: "The rows of each indicator statement." },
      [ATHENA.stop]: { sends: ["athena:workgroup"], why: "A statement still running at the deadline is stopped." },
      [GET]: { sends: ["table"], why: "Snapshots, publication headers, rosters, marks of improper returns, the holiday and unit rules in force (ADMIN#RULES)." },
      [PUT]: { sends: ["table"], why: "Each period's draft snapshots." },
      [QUERY]: { sends: ["table", "index:gsi1"], why: "Publication versions and marks of improper returns (table); criteria of a period and rosters (gsi1)." },
      [UPDATE]: { bundled: "UpdateCommand of the criterion and finding stores (dynamoDbAdminStores): scoring only reads them" },
      [S3_GET]: {
        sends: [lake(LAKE_PREFIXES.ratings), lake(LAKE_PREFIXES.drilldown), lake(LAKE_PREFIXES.state), lake(dimPrefix("calendar")), lake(dimPrefix("units")), lake(CURATED_IMPROPER_RETURNS_PREFIX), lake(LAKE_PREFIXES.snapshots)],
        why: "Ratings, drill-down pointers, what each period was scored on and the lock, the dimensions and marks it rewrites when changed, snapshot bodies too large for their item.",
      },
      [S3_PUT]: {
        sends: [lake(LAKE_PREFIXES.public), lake(LAKE_PREFIXES.drilldown), lake(LAKE_PREFIXES.ratings), lake(LAKE_PREFIXES.state), lake(dimPrefix("calendar")), lake(dimPrefix("units")), lake(CURATED_IMPROPER_RETURNS_PREFIX), lake(LAKE_PREFIXES.snapshots)],
        why: "Public JSON, drill-down pointers, ratings, the record of what was scored and the lock, the calendar and unit dimensions, the marks of improper returns, snapshot bodies too large for their item (snapshots/).",
      },
      [S3_DELETE]: { sends: [lake(SCORING_LOCK_KEY)], why: "The scoring lock released at the end of a run." },
      [S3_DELETE_MANY]: { sends: [lake(LAKE_PREFIXES.drilldown), lake(LAKE_PREFIXES.staging)], why: "A replaced drill-down run; a dropped CTAS table's files (DROP TABLE leaves them)." },
      [S3_LIST]: { sends: ["bucket"], why: "Drill-down runs to replace, staged files to delete, ratings." },
    },
    implied: [
      ...athenaBase(),
      ...athenaSelect(QUERY_TABLES),
      ...athenaStaged(LAKE_PREFIXES.drilldown),
      absentKeys(S3_GET),
      {
        by: S3_PUT,
        actions: ["s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
        on: [lake(LAKE_PREFIXES.public), lake(LAKE_PREFIXES.drilldown), lake(LAKE_PREFIXES.ratings), lake(LAKE_PREFIXES.state), lake(dimPrefix("calendar")), lake(dimPrefix("units")), lake(CURATED_IMPROPER_RETURNS_PREFIX), lake(LAKE_PREFIXES.snapshots)],
        why: "The SDK may upload a large body in parts and abort it on failure.",
      },
    ],
    denies: [auditAppendOnly(false)],
  },

  originVerify: {
    entry: "infra/lib/edge/origin-verify.ts",
    role: "ReadApiOriginVerifyRole",
    // Compares a header with its environment (a deploy-time reference to the secret): no AWS call.
    commands: {},
  },
};
