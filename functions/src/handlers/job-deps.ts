import { AthenaClient } from "@aws-sdk/client-athena";
import { S3Client } from "@aws-sdk/client-s3";
import { UnitCatalog } from "@scorecard/shared";
import { AthenaQueryEngine } from "../adapters/aws/athena-engine.js";
import { S3Lake } from "../adapters/aws/s3-lake.js";
import { documentClient } from "../adapters/dynamodb/client.js";
import { DynamoDbPublicationStore } from "../adapters/dynamodb/dynamodb-publication-store.js";
import { DynamoDbSnapshotStore } from "../adapters/dynamodb/dynamodb-snapshot-store.js";
import { systemClock } from "../ports/index.js";
import type { ScoreJobDeps } from "../use-cases/score-job.js";
import { DEFAULT_METHODOLOGY } from "../use-cases/score-period.js";

export function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`environment variable ${name} is not set`);
  return v;
}

/** Where Athena runs: the workgroup and database the Jobs construct sets (AnalyticsCatalog.grant*). */
export const athenaTarget = () => ({ workGroup: env("ATHENA_WORKGROUP"), database: env("ATHENA_DATABASE") });

/**
 * The score job's dependencies, built once per cold start from the environment the CDK stack sets
 * (TABLE_NAME, LAKE_BUCKET, ATHENA_WORKGROUP, ATHENA_DATABASE, METHODOLOGY_ID). No result reuse:
 * compaction may have changed the data since the last run.
 */
export function scoreJobDeps(): ScoreJobDeps {
  const db = documentClient();
  const table = env("TABLE_NAME");
  return {
    engine: new AthenaQueryEngine(new AthenaClient({}), { ...athenaTarget(), timeoutMs: 5 * 60_000, pollMaxMs: 2_000 }),
    lake: new S3Lake(new S3Client({}), env("LAKE_BUCKET")),
    snapshots: new DynamoDbSnapshotStore(db, table),
    publications: new DynamoDbPublicationStore(db, table),
    catalog: new UnitCatalog(),
    clock: systemClock,
    methodology: process.env["METHODOLOGY_ID"] ?? DEFAULT_METHODOLOGY,
    calendar: undefined,
  };
}
