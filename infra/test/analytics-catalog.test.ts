import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { CURATED_EVENT_COLUMNS, DIM_TABLES, LAKE_TABLES } from "../lib/lake-schema.js";
import { actionsOf, statementsOfRole } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const { dev, prod } = synthesized().templates;
type TableInput = { Name: string; Parameters: Record<string, unknown>; PartitionKeys: Array<{ Name: string; Type: string }>; StorageDescriptor: Record<string, unknown> & { Columns: Array<{ Name: string; Type: string }> } };
const tables = Object.values(dev.findResources("AWS::Glue::Table")).map((t) => t["Properties"]["TableInput"] as TableInput);
const table = (name: string) => tables.find((t) => t.Name === name)!;

describe("Construct: AnalyticsCatalog", () => {
  it("declares one database per stage", () => {
    dev.hasResourceProperties("AWS::Glue::Database", { DatabaseInput: { Name: "scorecard_dev" } });
  });

  it("declares exactly the tables of the lake contract", () => {
    expect(tables.map((t) => t.Name).sort()).toEqual(LAKE_TABLES.map((t) => t.name).sort());
  });

  it("gives curated_events the contract's columns, in order, with their types (drift check)", () => {
    expect(table("curated_events").StorageDescriptor.Columns.map((c) => [c.Name, c.Type])).toEqual(CURATED_EVENT_COLUMNS.map((c) => [c.name, c.type]));
  });

  it("partitions curated_events by month (string)", () => {
    expect(table("curated_events").PartitionKeys.map((k) => [k.Name, k.Type])).toEqual([["month", "string"]]);
  });

  it("projects month partitions (yyyy-MM from 2020-01 to now) instead of registering them", () => {
    expect(table("curated_events").Parameters).toMatchObject({
      "projection.enabled": "true",
      "projection.month.type": "date",
      "projection.month.format": "yyyy-MM",
      "projection.month.range": "2020-01,NOW",
      "projection.month.interval.unit": "MONTHS",
    });
  });

  it("maps each projected month to curated/events/month=YYYY-MM/", () => {
    expect(JSON.stringify(table("curated_events").Parameters["storage.location.template"])).toContain("/curated/events/month=${month}/");
  });

  it("reads curated_events as Parquet", () => {
    expect(table("curated_events").StorageDescriptor).toMatchObject({
      InputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
      SerdeInfo: { SerializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe" },
    });
  });

  it.each(DIM_TABLES.map((t) => [t.name, t] as const))("reads %s as CSV with a header line under its dims/ folder", (name, contract) => {
    expect(table(name).Parameters).toMatchObject({ "skip.header.line.count": "1" });
    expect(JSON.stringify(table(name).StorageDescriptor["Location"])).toContain(`/${contract.prefix}`);
    expect(table(name).StorageDescriptor.Columns.map((c) => c.Name)).toEqual(contract.columns.map((c) => c.name));
  });

  it("runs the workgroup on Athena engine v3 with its settings enforced", () => {
    dev.hasResourceProperties("AWS::Athena::WorkGroup", {
      Name: "scorecard-dev",
      WorkGroupConfiguration: Match.objectLike({ EngineVersion: { SelectedEngineVersion: "Athena engine version 3" }, EnforceWorkGroupConfiguration: true }),
    });
  });

  it("caps the bytes scanned per query (dev 1 GiB, prod 10 GiB)", () => {
    dev.hasResourceProperties("AWS::Athena::WorkGroup", { WorkGroupConfiguration: Match.objectLike({ BytesScannedCutoffPerQuery: 1024 ** 3 }) });
    prod.hasResourceProperties("AWS::Athena::WorkGroup", { WorkGroupConfiguration: Match.objectLike({ BytesScannedCutoffPerQuery: 10 * 1024 ** 3 }) });
  });

  it("encrypts query results under athena-results/ in the lake", () => {
    dev.hasResourceProperties("AWS::Athena::WorkGroup", {
      WorkGroupConfiguration: Match.objectLike({
        ResultConfiguration: Match.objectLike({
          EncryptionConfiguration: { EncryptionOption: "SSE_S3" },
          OutputLocation: { "Fn::Join": ["", ["s3://", { Ref: Match.stringLikeRegexp("^LakeBucket") }, "/athena-results/"]] },
        }),
      }),
    });
  });

  it("publishes CloudWatch metrics (for the bytes-scanned alarm)", () => {
    dev.hasResourceProperties("AWS::Athena::WorkGroup", { WorkGroupConfiguration: Match.objectLike({ PublishCloudWatchMetricsEnabled: true }) });
  });

  it("grants scoring the workgroup and each table by name, with no wildcard", () => {
    const statements = statementsOfRole(dev, "JobsScoringHandlerRole").filter((s) => actionsOf(s).some((a) => a.startsWith("athena:") || a.startsWith("glue:")));
    expect(statements.flatMap(actionsOf)).toContain("athena:StartQueryExecution");
    expect(JSON.stringify(statements.map((s) => s.Resource))).not.toContain("*");
  });
});
