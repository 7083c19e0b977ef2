import { Stack, Token, Validations } from "aws-cdk-lib";
import * as athena from "aws-cdk-lib/aws-athena";
import * as glue from "aws-cdk-lib/aws-glue";
import * as iam from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import { LAKE_PREFIXES } from "@scorecard/shared/lake/layout";
import { CURATED_EVENTS_TABLE, LAKE_TABLES, type LakeTable, QUERY_TABLES, RAW_EVENTS_TABLE, STAGED_RELATION_PREFIX } from "@scorecard/shared/lake/schema";
import type { StageConfig } from "../stage-config.js";
import type { Lake } from "./lake.js";
import type { ScorecardFunction } from "./scorecard-function.js";

export interface AnalyticsCatalogProps {
  readonly stage: StageConfig;
  readonly lake: Lake;
}

export const ATHENA_ENGINE_V3 = "Athena engine version 3";

const PARQUET = {
  inputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
  outputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
  serdeInfo: { serializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe" },
};
const TEXT_FORMATS = {
  inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
  outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
};
/** Our own JSON lines (snake_case keys, typed values): the Hive JSON SerDe reads DATE, TIMESTAMP, BOOLEAN, BIGINT. */
const HIVE_JSON = { ...TEXT_FORMATS, serdeInfo: { serializationLibrary: "org.apache.hive.hcatalog.data.JsonSerDe" } };
/** The ingestion batches (camelCase keys): OpenX matches keys case-insensitively; a malformed line fails the query. */
const RAW_JSON = {
  ...TEXT_FORMATS,
  serdeInfo: {
    serializationLibrary: "org.openx.data.jsonserde.JsonSerDe",
    parameters: { "case.insensitive": "TRUE", "ignore.malformed.json": "FALSE", "dots.in.keys": "FALSE" },
  },
};

/** The storage descriptor fields of a table's format. */
export function storageFormat(table: LakeTable) {
  return table.format === "parquet" ? PARQUET : table.format === "json" ? HIVE_JSON : RAW_JSON;
}

/**
 * Table parameters for a lake table: the classification and, for a partitioned table, partition
 * projection (no "add partition" chores; values enumerate from the first one up to now).
 */
export function tableParameters(table: LakeTable, location: string): Record<string, string> {
  const params: Record<string, string> =
    table.format === "parquet" ? { classification: "parquet", EXTERNAL: "TRUE" } : { classification: "json", EXTERNAL: "TRUE" };
  if (table.partition) {
    const { name: k, projection } = table.partition;
    Object.assign(params, {
      "projection.enabled": "true",
      [`projection.${k}.type`]: "date",
      [`projection.${k}.format`]: projection.format,
      [`projection.${k}.range`]: `${projection.first},NOW`,
      [`projection.${k}.interval`]: "1",
      [`projection.${k}.interval.unit`]: projection.unit,
      "storage.location.template": `${location}${k}=\${${k}}/`,
    });
  }
  return params;
}

/**
 * The Glue database and tables over the lake (columns from `lake-schema.ts`, the same contract
 * the SQL reads) and the Athena workgroup the jobs query through: engine v3, a bytes-scanned
 * cut-off per query, SSE-S3 results under `athena-results/` (expired by the lake's lifecycle) and
 * CloudWatch metrics for the bytes-scanned alarm.
 *
 * The workgroup does not override client-side settings: Athena refuses a CTAS with an
 * `external_location` in a workgroup that enforces its results location, and staged scoring puts
 * its tables under `staging/<name>/` so that it can delete them (docs/adr/0009). What enforcement
 * guarded stays guarded: the adapters send no result configuration (the workgroup's location and
 * SSE-S3 apply), the bucket encrypts every object by default, the engine version and the scan
 * cut-off are workgroup settings either way, and IAM limits where each role may write.
 */
export class AnalyticsCatalog extends Construct {
  readonly database: glue.CfnDatabase;
  readonly databaseName: string;
  readonly tables: glue.CfnTable[];
  readonly workGroup: athena.CfnWorkGroup;
  readonly workGroupName: string;
  private readonly lake: Lake;

  constructor(scope: Construct, id: string, props: AnalyticsCatalogProps) {
    super(scope, id);
    const { stage, lake } = props;
    const stack = Stack.of(this);
    this.lake = lake;
    this.databaseName = `scorecard_${stage.stage}`;
    this.database = new glue.CfnDatabase(this, "Database", {
      catalogId: stack.account,
      databaseInput: { name: this.databaseName, description: `Scorecard lake (${stage.stage})` },
    });

    this.tables = LAKE_TABLES.map((t) => {
      const location = lake.s3Url(t.prefix);
      const table = new glue.CfnTable(this, `Table-${t.name}`, {
        catalogId: stack.account,
        databaseName: this.databaseName,
        tableInput: {
          name: t.name,
          description: t.description,
          tableType: "EXTERNAL_TABLE",
          parameters: tableParameters(t, location),
          partitionKeys: t.partition ? [{ name: t.partition.name, type: t.partition.type, comment: t.partition.comment }] : [],
          storageDescriptor: {
            location,
            columns: t.columns.map((c) => ({ name: c.name, type: c.type, comment: c.comment })),
            ...storageFormat(t),
          },
        },
      });
      table.addResourceDependency(this.database);
      return table;
    });

    this.workGroupName = `scorecard-${stage.stage}`;
    this.workGroup = new athena.CfnWorkGroup(this, "WorkGroup", {
      name: this.workGroupName,
      description: `Scorecard scoring queries (${stage.stage})`,
      state: "ENABLED",
      recursiveDeleteOption: stage.stage !== "prod",
      workGroupConfiguration: {
        engineVersion: { selectedEngineVersion: ATHENA_ENGINE_V3 },
        // false: CTAS with external_location (staged scoring) is refused when the results location is enforced.
        enforceWorkGroupConfiguration: false,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: stage.athenaBytesScannedCutoff,
        resultConfiguration: {
          outputLocation: lake.s3Url(LAKE_PREFIXES.athenaResults),
          encryptionConfiguration: { encryptionOption: "SSE_S3" },
          expectedBucketOwner: stack.account,
        },
      },
    });
  }

  /**
   * Lets the scoring function run queries in the workgroup over the tables the SQL reads (read
   * curated/ and dims/, write and read results); sets ATHENA_WORKGROUP and ATHENA_DATABASE. No
   * wildcard: each table ARN is listed.
   */
  grantQuery(fn: ScorecardFunction): void {
    this.grantWorkGroup(fn, QUERY_TABLES, []);
    fn.bindLake({
      lake: this.lake,
      read: [LAKE_PREFIXES.curated, LAKE_PREFIXES.dims, LAKE_PREFIXES.athenaResults],
      write: [LAKE_PREFIXES.athenaResults],
    });
  }

  /**
   * Lets the scoring function stage its facts (docs/adr/0009): create, replace, read and drop the
   * views and CTAS tables named `sc_*` in the database — only those — with their files under
   * `staging/` (read, write, and delete: DROP TABLE leaves an external table's files, the adapter
   * deletes them). The UNLOAD of the drill-downs writes under `drilldown/`, which the Jobs
   * construct grants with the function's own use of it. Call after `grantQuery`.
   */
  grantStagedScoring(fn: ScorecardFunction): void {
    const stack = Stack.of(this);
    const arn = (resource: string) => `arn:${stack.partition}:glue:${stack.region}:${stack.account}:${resource}`;
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["glue:GetDatabase", "glue:GetTable", "glue:GetPartitions", "glue:CreateTable", "glue:UpdateTable", "glue:DeleteTable"],
        resources: [arn("catalog"), arn(`database/${this.databaseName}`), arn(`table/${this.databaseName}/${STAGED_RELATION_PREFIX}*`)],
      }),
    );
    // cdk-nag prints an unresolved pseudo parameter as <AWS::Name>, a concrete one (the stack's env) as it is.
    const shown = (v: string, pseudo: string) => (Token.isUnresolved(v) ? `<AWS::${pseudo}>` : v);
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:${shown(stack.partition, "Partition")}:glue:${shown(stack.region, "Region")}:${shown(stack.account, "AccountId")}:table/${this.databaseName}/${STAGED_RELATION_PREFIX}*]`,
      reason: `A scoring run names its views and CTAS tables at run time (${STAGED_RELATION_PREFIX}<run>_<stage>); the grant covers that name prefix only, never the lake tables.`,
    });
    fn.bindLake({ lake: this.lake, read: [LAKE_PREFIXES.staging], write: [LAKE_PREFIXES.staging], delete: [LAKE_PREFIXES.staging] });
  }

  /**
   * Lets the compaction function run `INSERT INTO curated_events SELECT ... FROM raw_events`: the
   * workgroup, the two tables by name (and partition writes on curated_events only, should Athena
   * register the months it writes), and the objects Athena reads and writes with the caller's
   * credentials (raw/ read; curated/events/ read and write; results).
   */
  grantCompaction(fn: ScorecardFunction): void {
    this.grantWorkGroup(fn, [RAW_EVENTS_TABLE, CURATED_EVENTS_TABLE], [CURATED_EVENTS_TABLE]);
    fn.bindLake({
      lake: this.lake,
      read: [LAKE_PREFIXES.raw, CURATED_EVENTS_TABLE.prefix, LAKE_PREFIXES.athenaResults],
      write: [CURATED_EVENTS_TABLE.prefix, LAKE_PREFIXES.athenaResults],
    });
  }

  private grantWorkGroup(fn: ScorecardFunction, tables: readonly LakeTable[], partitionWrites: readonly LakeTable[]): void {
    const stack = Stack.of(this);
    const arn = (service: string, resource: string) => `arn:${stack.partition}:${service}:${stack.region}:${stack.account}:${resource}`;
    const tableArn = (t: LakeTable) => arn("glue", `table/${this.databaseName}/${t.name}`);
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:StopQueryExecution", "athena:GetWorkGroup"],
        resources: [arn("athena", `workgroup/${this.workGroupName}`)],
      }),
    );
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions"],
        resources: [arn("glue", "catalog"), arn("glue", `database/${this.databaseName}`), ...tables.map(tableArn)],
      }),
    );
    if (partitionWrites.length > 0) {
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ["glue:BatchCreatePartition", "glue:CreatePartition"],
          resources: [arn("glue", "catalog"), arn("glue", `database/${this.databaseName}`), ...partitionWrites.map(tableArn)],
        }),
      );
    }
    fn.addEnvironment("ATHENA_WORKGROUP", this.workGroupName);
    fn.addEnvironment("ATHENA_DATABASE", this.databaseName);
  }
}
