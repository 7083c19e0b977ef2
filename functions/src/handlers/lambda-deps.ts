import { DEFAULT_METHODOLOGY_ID } from "@scorecard/shared/methodology/registry";
import { systemClock } from "../ports/runtime.js";
import type { IdempotencyStore } from "../ports/ingest.js";
import { S3Client } from "@aws-sdk/client-s3";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { documentClient } from "../adapters/dynamodb/client.js";
import { DynamoDbEventStore } from "../adapters/dynamodb/dynamodb-event-store.js";
import { DynamoDbSnapshotStore } from "../adapters/dynamodb/dynamodb-snapshot-store.js";
import { S3Lake } from "../adapters/aws/s3-lake.js";
import { HmacHasher } from "../adapters/local/file-hasher.js";
import { DynamoDbIdempotencyStore } from "../adapters/dynamodb/dynamodb-idempotency-store.js";
import type { IngestDeps } from "../use-cases/ingest/ingest-events.js";
import type { RecordDeps } from "../use-cases/ingest/ingest-records.js";
import { DynamoDbRecordStore } from "../adapters/dynamodb/dynamodb-record-store.js";
import type { ReadDeps } from "../use-cases/read/read-rankings.js";
import { randomUUID } from "node:crypto";
import { dynamoDbAdminStores } from "../adapters/dynamodb/dynamodb-admin-stores.js";
import { DynamoDbPublicationStore } from "../adapters/dynamodb/dynamodb-publication-store.js";
import type { AdminDeps } from "../use-cases/admin/common.js";
import { liveCatalog } from "../use-cases/admin/rules.js";
import type { IngestUpkeepDeps } from "../use-cases/jobs/ingest-upkeep.js";
import { parseSourceScopes, type SourceScopes } from "@scorecard/shared/contracts/source-scope";

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`environment variable ${name} is not set`);
  return v;
}

export interface LambdaDeps {
  readonly ingest: IngestDeps & RecordDeps & { idempotency: IdempotencyStore; scopes: SourceScopes };
  readonly read: ReadDeps;
  readonly admin: AdminDeps;
  /** The outbox and the lake reconciliation (the ingest-upkeep function). */
  readonly upkeep: IngestUpkeepDeps;
}

let built: Promise<LambdaDeps> | undefined;

/**
 * Production dependencies, built once per container (the first call; later calls get the same
 * objects): the SDK clients and the pseudonym key fetched from Secrets Manager. A build that fails
 * (the secret unreadable) is not kept, so the next request tries again. Reads the environment the
 * CDK stack sets (TABLE_NAME, LAKE_BUCKET, PSEUDONYM_SECRET_ARN, METHODOLOGY_ID).
 */
export function lambdaDeps(): Promise<LambdaDeps> {
  built ??= buildLambdaDeps().catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  return built;
}

/** Forget the container's dependencies (tests only: a new environment, new clients). */
export function resetLambdaDeps(): void {
  built = undefined;
}

async function buildLambdaDeps(): Promise<LambdaDeps> {
  const db = documentClient();
  const table = env("TABLE_NAME");
  const lake = new S3Lake(new S3Client({}), env("LAKE_BUCKET"));
  const adminStores = dynamoDbAdminStores(db, table);
  // The unit catalog in force (rules as data, issue 24 item 4): the compiled one with Home Affairs'
  // changes, read before the container's first request (the compiled one only if that read fails) and every 5 minutes.
  const live = liveCatalog(adminStores.rules, () => Date.now());
  await live.loaded();
  const methodology = process.env["METHODOLOGY_ID"] ?? DEFAULT_METHODOLOGY_ID;
  const eventStore = new DynamoDbEventStore(db, table);
  let hasher: HmacHasher | undefined;
  if (process.env["PSEUDONYM_SECRET_ARN"]) {
    const secret = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: process.env["PSEUDONYM_SECRET_ARN"] }));
    hasher = new HmacHasher(Buffer.from(secret.SecretString ?? "", "base64"));
  }
  return {
    ingest: {
      store: eventStore,
      lake,
      hasher: hasher ?? {
        pseudonym: () => {
          throw new Error("PSEUDONYM_SECRET_ARN is not set: refusing to handle applicant identifiers");
        },
      },
      clock: systemClock,
      isKnownUnit: (unitId, day) => live.current.isValidOn(unitId, day),
      idempotency: new DynamoDbIdempotencyStore(db, table, systemClock),
      records: new DynamoDbRecordStore(db, table),
      // What each source system (Cognito app client id) may post; none configured: nothing may be posted.
      scopes: process.env["SOURCE_SCOPES"] ? parseSourceScopes(process.env["SOURCE_SCOPES"], "SOURCE_SCOPES") : {},
      newId: randomUUID,
    },
    read: {
      snapshots: new DynamoDbSnapshotStore(db, table, { lake }),
      get catalog() {
        return live.current;
      },
      lake,
      methodology,
      publications: new DynamoDbPublicationStore(db, table),
      openCases: eventStore,
      clock: systemClock,
      rules: adminStores.rules,
    },
    upkeep: { store: eventStore, lake, clock: systemClock },
    admin: {
      stores: adminStores,
      publications: new DynamoDbPublicationStore(db, table),
      snapshots: new DynamoDbSnapshotStore(db, table, { lake }),
      lake,
      get catalog() {
        return live.current;
      },
      clock: systemClock,
      methodology,
      newId: randomUUID,
    },
  };
}
