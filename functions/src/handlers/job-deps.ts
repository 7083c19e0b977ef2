import { systemClock } from "../ports/runtime.js";
import { randomUUID } from "node:crypto";
import { serial } from "../lib/serial.js";
import { AthenaClient } from "@aws-sdk/client-athena";
import { S3Client } from "@aws-sdk/client-s3";
import { UnitCatalog } from "@scorecard/shared";
import type { Context } from "aws-lambda";
import { AthenaEventCompactor } from "../adapters/aws/athena-event-compactor.js";
import { AthenaQueryEngine } from "../adapters/aws/athena-engine.js";
import { CompactionLock, type Lease, ScoringLock } from "../adapters/aws/s3-run-lock.js";
import { S3Objects } from "../adapters/aws/s3-objects.js";
import { S3RecordCompactor } from "../adapters/aws/s3-record-compactor.js";
import { S3Lake } from "../adapters/aws/s3-lake.js";
import { documentClient } from "../adapters/dynamodb/client.js";
import { dynamoDbAdminStores } from "../adapters/dynamodb/dynamodb-admin-stores.js";
import { DynamoDbPublicationStore } from "../adapters/dynamodb/dynamodb-publication-store.js";
import { DynamoDbSnapshotStore } from "../adapters/dynamodb/dynamodb-snapshot-store.js";
import type { CompactJobDeps } from "../use-cases/jobs/compact-job.js";
import type { ScoreJobDeps } from "../use-cases/jobs/score-job.js";
import { DEFAULT_METHODOLOGY } from "../use-cases/score/score-period.js";
import { storedRules } from "../use-cases/admin/rules.js";

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
  const stores = dynamoDbAdminStores(db, table);
  const bucket = env("LAKE_BUCKET");
  const s3 = new S3Client({});
  const lake = new S3Lake(s3, bucket);
  return {
    // With the lake, the engine stages the facts (views and CTAS under staging/) and unloads the
    // drill-downs itself (docs/adr/0009); the Jobs construct grants exactly that.
    engine: new AthenaQueryEngine(new AthenaClient({}), { ...athenaTarget(), timeoutMs: 5 * 60_000, pollMaxMs: 2_000, lake: { bucket, objects: lake } }),
    lake,
    // Bodies too large for an item go to the lake's snapshots/ (with a pointer in the item).
    snapshots: new DynamoDbSnapshotStore(db, table, { lake }),
    publications: new DynamoDbPublicationStore(db, table),
    catalog: new UnitCatalog(),
    clock: systemClock,
    methodology: process.env["METHODOLOGY_ID"] ?? DEFAULT_METHODOLOGY,
    calendar: undefined,
    newId: randomUUID,
    oneRunAtATime: serial(),
    stores,
    // Marks of improper returns: each run writes them to the lake's curated_improper_returns (R3 of dn-2026.2).
    improperReturns: stores.improperReturns,
    // The indicators Home Affairs enters (D3): each period's entries are scored with the computed indicators.
    manualIndicators: stores.criteria,
    // The holiday calendar and unit catalog in force (rules as data, issue 24 item 4), read at each run's start.
    rules: storedRules(stores.rules),
    lock: new ScoringLock(new S3Objects(s3, bucket), { now: () => new Date(), leaseMs: SCORING_LEASE_MS }),
  };
}

const LEASE_MS = 16 * 60_000; // the function's 15-minute timeout and a minute's margin
/**
 * The scoring lock is held from the state machine's plan to its finish (infra's SCORING_STEPS:
 * at most 3 hours) and a margin; a run that dies keeps it no longer than that.
 */
export const SCORING_LEASE_MS = 3 * 3_600_000 + 15 * 60_000;
let clients: { athena: AthenaClient; s3: S3Client } | undefined;

/**
 * The compaction job's dependencies for one invocation (the Athena statements are bounded by the
 * time the invocation has left). SDK clients are created once per cold start.
 */
export function compactJobDeps(context: Pick<Context, "getRemainingTimeInMillis">): CompactJobDeps<Lease> {
  clients ??= { athena: new AthenaClient({}), s3: new S3Client({}) };
  const objects = new S3Objects(clients.s3, env("LAKE_BUCKET"));
  const now = () => new Date();
  return {
    events: new AthenaEventCompactor(clients.athena, objects, { ...athenaTarget(), now, remainingMs: () => context.getRemainingTimeInMillis() }),
    records: new S3RecordCompactor(objects, { now }),
    lock: new CompactionLock(objects, { now, leaseMs: LEASE_MS }),
  };
}
