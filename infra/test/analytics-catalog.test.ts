import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { CURATED_COMPLAINTS_TABLE, CURATED_EVENTS_TABLE, CURATED_EVENT_COLUMNS, DIM_TABLES, LAKE_TABLES, QUERY_TABLES, RAW_EVENTS_TABLE } from "@scorecard/shared/lake/schema";
import { tableParameters } from "../lib/constructs/analytics-catalog.js";
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

  it("projects month partitions (yyyy-MM from the stage's earliest month, 2015-01 by default, to next month) instead of registering them", () => {
    expect(table("curated_events").Parameters).toMatchObject({
      "projection.enabled": "true",
      "projection.month.type": "date",
      "projection.month.format": "yyyy-MM",
      "projection.month.range": "2015-01,NOW+1MONTHS",
      "projection.month.interval.unit": "MONTHS",
    });
  });

  it("projects the month a Viet Nam day belongs to whenever Athena's NOW (UTC) is still in the previous month", () => {
    // 1 March 2026 00:30 in Viet Nam (UTC+7) is 28 February 17:30 UTC: the scoring run at 01:45 local reads March.
    const [, upper] = tableParameters(CURATED_EVENTS_TABLE, "s3://b/curated/events/", "2019-06")["projection.month.range"]!.split(",");
    const nowUtc = new Date(Date.UTC(2026, 1, 28, 17, 30));
    const localMonth = new Date(nowUtc.getTime() + 7 * 3600_000).toISOString().slice(0, 7);
    const m = /^NOW\+(\d+)MONTHS$/.exec(upper!);
    expect(m, upper).not.toBeNull();
    const last = new Date(Date.UTC(nowUtc.getUTCFullYear(), nowUtc.getUTCMonth() + Number(m![1]), 1)).toISOString().slice(0, 7);
    expect(localMonth).toBe("2026-03");
    expect(last >= localMonth).toBe(true);
  });

  it("takes the earliest month from the stage (CDK context earliestMonth)", () => {
    expect(tableParameters(CURATED_EVENTS_TABLE, "s3://b/curated/events/", "2019-06")["projection.month.range"]).toBe("2019-06,NOW+1MONTHS");
    expect(tableParameters(RAW_EVENTS_TABLE, "s3://b/raw/", "2019-06")["projection.ingest_date.range"]).toBe(`${RAW_EVENTS_TABLE.partition!.projection.first},NOW`);
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

  it.each([...DIM_TABLES, CURATED_COMPLAINTS_TABLE].map((t) => [t.name, t] as const))("reads %s as typed JSON lines (Hive JSON SerDe) under its own folder", (name, contract) => {
    expect(table(name).StorageDescriptor).toMatchObject({
      InputFormat: "org.apache.hadoop.mapred.TextInputFormat",
      SerdeInfo: { SerializationLibrary: "org.apache.hive.hcatalog.data.JsonSerDe" },
    });
    expect(JSON.stringify(table(name).StorageDescriptor["Location"])).toContain(`/${contract.prefix}"`);
    expect(table(name).StorageDescriptor.Columns.map((c) => [c.Name, c.Type])).toEqual(contract.columns.map((c) => [c.name, c.type]));
    expect(table(name).Parameters).not.toHaveProperty("skip.header.line.count");
  });

  it("gives every dimension its own folder (a table's LOCATION is a prefix: one folder, one table)", () => {
    const prefixes = DIM_TABLES.map((t) => t.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(a.startsWith(b), `${a} inside ${b}`).toBe(false);
  });

  it("reads raw/ batches with the OpenX JSON SerDe, keys case-insensitive, malformed lines failing the query", () => {
    expect(table("raw_events").StorageDescriptor).toMatchObject({
      SerdeInfo: {
        SerializationLibrary: "org.openx.data.jsonserde.JsonSerDe",
        Parameters: { "case.insensitive": "TRUE", "ignore.malformed.json": "FALSE" },
      },
    });
    expect(table("raw_events").StorageDescriptor.Columns.map((c) => c.Name)).toEqual(RAW_EVENTS_TABLE.columns.map((c) => c.name));
  });

  it("projects raw/ by UTC ingestion date onto raw/ingest_date=YYYY-MM-DD/", () => {
    expect(table("raw_events").PartitionKeys.map((k) => [k.Name, k.Type])).toEqual([["ingest_date", "string"]]);
    expect(table("raw_events").Parameters).toMatchObject({
      "projection.enabled": "true",
      "projection.ingest_date.type": "date",
      "projection.ingest_date.format": "yyyy-MM-dd",
      "projection.ingest_date.interval.unit": "DAYS",
    });
    expect(JSON.stringify(table("raw_events").Parameters["storage.location.template"])).toContain("/raw/ingest_date=${ingest_date}/");
  });

  it("runs the workgroup on Athena engine v3, not overriding client-side settings (a CTAS with external_location is refused otherwise)", () => {
    dev.hasResourceProperties("AWS::Athena::WorkGroup", {
      Name: "scorecard-dev",
      WorkGroupConfiguration: Match.objectLike({ EngineVersion: { SelectedEngineVersion: "Athena engine version 3" }, EnforceWorkGroupConfiguration: false }),
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

  /** The scoring role's statement on the staged relations (the only Glue writes it has). */
  const stagedStatements = () => statementsOfRole(dev, "JobsScoringHandlerRole").filter((s) => actionsOf(s).includes("glue:CreateTable"));

  it("grants scoring the workgroup and each table the SQL reads by name, with no wildcard", () => {
    const staged = stagedStatements();
    const statements = statementsOfRole(dev, "JobsScoringHandlerRole").filter((s) => !staged.includes(s) && actionsOf(s).some((a) => a.startsWith("athena:") || a.startsWith("glue:")));
    expect(statements.flatMap(actionsOf)).toContain("athena:StartQueryExecution");
    const resources = JSON.stringify(statements.map((s) => s.Resource));
    expect(resources).not.toContain("*");
    for (const t of QUERY_TABLES) expect(resources).toContain(`table/scorecard_dev/${t.name}"`);
    expect(resources).not.toContain("raw_events");
  });

  it("lets scoring create, replace, read and drop the staged relations sc_* only (views and CTAS tables of a run)", () => {
    const staged = stagedStatements();
    expect(staged).toHaveLength(1);
    expect(actionsOf(staged[0]!).sort()).toEqual(["glue:CreateTable", "glue:DeleteTable", "glue:GetPartitions", "glue:GetTable", "glue:UpdateTable"]);
    const resources = JSON.stringify(staged[0]!.Resource);
    expect(resources).toContain(":table/scorecard_dev/sc_*");
    expect(resources).toContain(":database/scorecard_dev");
    expect(resources.match(/table\//g)).toHaveLength(1);
    // No other statement of the role (or of compaction) creates, changes or drops a table.
    for (const role of ["JobsScoringHandlerRole", "JobsCompactionHandlerRole"]) {
      const writers = statementsOfRole(dev, role).filter((s) => actionsOf(s).some((a) => /glue:(Create|Update|Delete)Table/.test(a)));
      expect(writers.filter((s) => !staged.includes(s))).toEqual([]);
    }
  });

  it("lets scoring read, write and delete the staged tables' files under staging/, and compaction not", () => {
    const objects = (role: string, action: string) =>
      JSON.stringify(statementsOfRole(dev, role).filter((s) => actionsOf(s).includes(action)).map((s) => s.Resource));
    for (const action of ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]) {
      expect(objects("JobsScoringHandlerRole", action)).toContain('"/staging/*"');
      expect(objects("JobsCompactionHandlerRole", action)).not.toContain("staging/");
    }
  });

  it("lets the Athena roles call GetBucketLocation on the lake without a condition (Athena's check of its output location carries no s3:prefix)", () => {
    for (const role of ["JobsScoringHandlerRole", "JobsCompactionHandlerRole"]) {
      const located = statementsOfRole(dev, role).filter((s) => actionsOf(s).includes("s3:GetBucketLocation"));
      expect(located.length, role).toBeGreaterThan(0);
      for (const s of located) expect(s.Condition, role).toBeUndefined();
    }
  });

  it("grants compaction the workgroup, read on raw_events and curated_events, and partition writes on curated_events only", () => {
    const statements = statementsOfRole(dev, "JobsCompactionHandlerRole").filter((s) => actionsOf(s).some((a) => a.startsWith("athena:") || a.startsWith("glue:")));
    expect(statements.flatMap(actionsOf)).toEqual(expect.arrayContaining(["athena:StartQueryExecution", "athena:StopQueryExecution", "glue:GetTable"]));
    expect(JSON.stringify(statements.map((s) => s.Resource))).not.toContain("*");
    const writes = statements.filter((s) => actionsOf(s).includes("glue:BatchCreatePartition"));
    expect(actionsOf(writes[0]!).sort()).toEqual(["glue:BatchCreatePartition", "glue:BatchUpdatePartition", "glue:CreatePartition", "glue:UpdatePartition"]);
    expect(JSON.stringify(writes.map((s) => s.Resource))).toContain("table/scorecard_dev/curated_events");
    expect(JSON.stringify(writes.map((s) => s.Resource))).not.toMatch(/raw_events|dim_|curated_complaints/);
    expect(statements.flatMap(actionsOf).filter((a) => /glue:(Update|Delete|Create)Table/.test(a))).toEqual([]);
  });
});
