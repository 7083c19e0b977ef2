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
 * projection (no "add partition" chores). A month partition (curated_events: the Viet Nam month of
 * the event, UTC+7) runs from `earliestMonth` (the stage's, CDK context) to `NOW+1MONTHS`: Athena
 * evaluates NOW in UTC ("projected date columns are generated in UTC at query execution time",
 * Athena guide, partition projection's date type), and from 00:00 to 07:00 Viet Nam time on the 1st
 * UTC is still in the previous month — with `NOW` the new month was invisible to the 01:45 scoring
 * run. A day partition (raw_events: the UTC date of ingestion) runs from the contract's first day to NOW.
 */
export function tableParameters(table: LakeTable, location: string, earliestMonth?: string): Record<string, string> {
  const params: Record<string, string> =
    table.format === "parquet" ? { classification: "parquet", EXTERNAL: "TRUE" } : { classification: "json", EXTERNAL: "TRUE" };
  if (table.partition) {
    const { name: k, projection } = table.partition;
    Object.assign(params, {
      "projection.enabled": "true",
      [`projection.${k}.type`]: "date",
      [`projection.${k}.format`]: projection.format,
      [`projection.${k}.range`]: projection.unit === "MONTHS" ? `${earliestMonth ?? projection.first},NOW+1MONTHS` : `${projection.first},NOW`,
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
          parameters: tableParameters(t, location, stage.earliestMonth),
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
   * Lets the scoring function run queries in the workgroup over the tables the SQL reads (each
   * table's definition and objects by name, results written and read back); sets ATHENA_WORKGROUP
   * and ATHENA_DATABASE. No wildcard: each table ARN is listed.
   */
  grantQuery(fn: ScorecardFunction): void {
    this.grantWorkGroup(fn, QUERY_TABLES);
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
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["glue:GetTable", "glue:GetPartitions", "glue:CreateTable", "glue:UpdateTable", "glue:DeleteTable"],
        resources: [this.glueArn("catalog"), this.glueArn(`database/${this.databaseName}`), this.glueArn(`table/${this.databaseName}/${STAGED_RELATION_PREFIX}*`)],
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
   * workgroup, the two tables by name, the partition writes Athena may make on curated_events
   * only (register or update the months it writes: the partition actions of AmazonAthenaFullAccess,
   * on the catalog, the database and the table as the Athena guide requires), and the objects
   * Athena writes under curated/events/ with the caller's credentials.
   */
  grantCompaction(fn: ScorecardFunction): void {
    this.grantWorkGroup(fn, [RAW_EVENTS_TABLE, CURATED_EVENTS_TABLE]);
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["glue:BatchCreatePartition", "glue:CreatePartition", "glue:UpdatePartition", "glue:BatchUpdatePartition"],
        resources: [this.glueArn("catalog"), this.glueArn(`database/${this.databaseName}`), this.glueArn(`table/${this.databaseName}/${CURATED_EVENTS_TABLE.name}`)],
      }),
    );
    fn.bindLake({ lake: this.lake, write: [CURATED_EVENTS_TABLE.prefix] });
  }

  private glueArn(resource: string): string {
    const stack = Stack.of(this);
    return `arn:${stack.partition}:glue:${stack.region}:${stack.account}:${resource}`;
  }

  /**
   * What every Athena statement of the function needs with its credentials (infra/lib/iam-table.ts):
   * the query actions on the workgroup; GetDatabase on the stage's database and, as the Athena
   * guide requires "for Athena to work with the AWS Glue Data Catalog", GetDatabase and
   * CreateDatabase on the catalog and the `default` database; each table's definition (and
   * partitions) by name; GetBucketLocation (Athena checks its output location's region: that
   * request carries no s3:prefix, so it is granted on the bucket without a condition) and
   * ListBucketMultipartUploads; the results under athena-results/ (written by Athena, read back by
   * GetQueryResults); the tables' objects (read).
   */
  private grantWorkGroup(fn: ScorecardFunction, tables: readonly LakeTable[]): void {
    const stack = Stack.of(this);
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:StopQueryExecution"],
        resources: [`arn:${stack.partition}:athena:${stack.region}:${stack.account}:workgroup/${this.workGroupName}`],
      }),
    );
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ["glue:GetDatabase", "glue:CreateDatabase"], resources: [this.glueArn("catalog"), this.glueArn("database/default")] }));
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ["glue:GetDatabase"], resources: [this.glueArn(`database/${this.databaseName}`)] }));
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["glue:GetTable", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition"],
        resources: [this.glueArn("catalog"), this.glueArn(`database/${this.databaseName}`), ...tables.map((t) => this.glueArn(`table/${this.databaseName}/${t.name}`))],
      }),
    );
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"], resources: [this.lake.bucket.bucketArn] }));
    fn.bindLake({ lake: this.lake, read: [...tables.map((t) => t.prefix), LAKE_PREFIXES.athenaResults], write: [LAKE_PREFIXES.athenaResults] });
    fn.addEnvironment("ATHENA_WORKGROUP", this.workGroupName);
    fn.addEnvironment("ATHENA_DATABASE", this.databaseName);
  }
}
