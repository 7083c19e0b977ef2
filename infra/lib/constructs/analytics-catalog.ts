import { Stack } from "aws-cdk-lib";
import * as athena from "aws-cdk-lib/aws-athena";
import * as glue from "aws-cdk-lib/aws-glue";
import * as iam from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import { CURATED_EVENTS_FIRST_MONTH, LAKE_PREFIXES, LAKE_TABLES, type LakeTable } from "../lake-schema.js";
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
const CSV = {
  inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
  outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
  serdeInfo: {
    serializationLibrary: "org.apache.hadoop.hive.serde2.OpenCSVSerde",
    parameters: { separatorChar: ",", quoteChar: '"', escapeChar: "\\" },
  },
};

/**
 * Table parameters for a lake table: partition projection on `month` (no "add partition"
 * chores; months enumerate from the first month up to now) or the CSV header skip.
 */
export function tableParameters(table: LakeTable, location: string): Record<string, string> {
  if (table.format === "csv") return { classification: "csv", "skip.header.line.count": "1" };
  const params: Record<string, string> = { classification: "parquet", EXTERNAL: "TRUE" };
  if (table.partition) {
    const k = table.partition.name;
    Object.assign(params, {
      "projection.enabled": "true",
      [`projection.${k}.type`]: "date",
      [`projection.${k}.format`]: "yyyy-MM",
      [`projection.${k}.range`]: `${CURATED_EVENTS_FIRST_MONTH},NOW`,
      [`projection.${k}.interval`]: "1",
      [`projection.${k}.interval.unit`]: "MONTHS",
      "storage.location.template": `${location}${k}=\${${k}}/`,
    });
  }
  return params;
}

/**
 * The Glue database and tables over the lake (columns from `lake-schema.ts`, the same contract
 * the SQL reads) and the Athena workgroup the jobs query through: engine v3, settings enforced,
 * a bytes-scanned cut-off per query, SSE-S3 results under `athena-results/` (expired by the lake's
 * lifecycle) and CloudWatch metrics for the bytes-scanned alarm.
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
            ...(t.format === "parquet" ? PARQUET : CSV),
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
        enforceWorkGroupConfiguration: true,
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
   * Lets a function run queries in the workgroup over the lake tables (read curated/ and dims/,
   * write and read results); sets ATHENA_WORKGROUP and ATHENA_DATABASE. No wildcard: each table
   * ARN is listed.
   */
  grantQuery(fn: ScorecardFunction): void {
    const stack = Stack.of(this);
    const arn = (service: string, resource: string) => `arn:${stack.partition}:${service}:${stack.region}:${stack.account}:${resource}`;
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:StopQueryExecution", "athena:GetWorkGroup"],
        resources: [arn("athena", `workgroup/${this.workGroupName}`)],
      }),
    );
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions"],
        resources: [
          arn("glue", "catalog"),
          arn("glue", `database/${this.databaseName}`),
          ...LAKE_TABLES.map((t) => arn("glue", `table/${this.databaseName}/${t.name}`)),
        ],
      }),
    );
    fn.bindLake({
      lake: this.lake,
      read: [LAKE_PREFIXES.curated, LAKE_PREFIXES.dims, LAKE_PREFIXES.athenaResults],
      write: [LAKE_PREFIXES.athenaResults],
    });
    fn.addEnvironment("ATHENA_WORKGROUP", this.workGroupName);
    fn.addEnvironment("ATHENA_DATABASE", this.databaseName);
  }
}
