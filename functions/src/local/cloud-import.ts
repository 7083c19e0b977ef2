/**
 * The bulk import pointed at a deployed stack (`npm run scorecard -- import <file> --target aws
 * --bucket <LakeBucket> --secret <pseudonym key ARN>`): history older than the sources' scopes
 * allow goes straight into the cloud lake's `raw/`, with the API's validation and the deployed
 * pseudonymisation key, so an applicant imported here has the same pseudonym as one the ingest
 * API stores. Compaction (the next night, or invoked) moves it to `curated/`, dropping duplicates.
 *
 * The operator's credentials (the default AWS chain: AWS_PROFILE, SSO …) need
 * `secretsmanager:GetSecretValue` on the key and `s3:PutObject` on `<bucket>/raw/*`. The key stays
 * in this process's memory (no file, so no worker threads: validation runs on this thread).
 */
import { S3Client } from "@aws-sdk/client-s3";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { UnitCatalog } from "@scorecard/shared";
import { S3Lake } from "../adapters/aws/s3-lake.js";
import { HmacHasher } from "../adapters/local/file-hasher.js";
import { type Clock, systemClock } from "../ports/runtime.js";
import type { ImportDeps } from "../use-cases/ingest/import-events.js";

/**
 * The pseudonymisation key of a deployed stage, read as the Lambda functions read it
 * (handlers/lambda-deps.ts): the secret's string — 64 letters and digits Secrets Manager generated
 * (infra/lib/constructs/secrets.ts) — decoded as base64 into the HMAC key.
 */
export async function hasherFromSecret(secrets: SecretsManagerClient, secretId: string): Promise<HmacHasher> {
  const r = await secrets.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!r.SecretString) throw new Error(`secret ${secretId} has no string value: is it the stack's pseudonym key (output of the Secrets construct)?`);
  return new HmacHasher(Buffer.from(r.SecretString, "base64"));
}

export interface CloudImportOptions {
  readonly bucket: string;
  readonly secretId: string;
  /** @default the SDK's region chain (AWS_REGION, the profile) */
  readonly region?: string;
  readonly s3?: S3Client;
  readonly secrets?: SecretsManagerClient;
  readonly clock?: Clock;
}

/** What `importNdjson` needs to write to a deployed lake: the S3 lake, the deployed key, the unit catalog. */
export async function cloudImportDeps(o: CloudImportOptions): Promise<Pick<ImportDeps, "lake" | "hasher" | "isKnownUnit" | "clock">> {
  const client = o.region ? { region: o.region } : {};
  const hasher = await hasherFromSecret(o.secrets ?? new SecretsManagerClient(client), o.secretId);
  const catalog = new UnitCatalog();
  return {
    lake: new S3Lake(o.s3 ?? new S3Client(client), o.bucket),
    hasher,
    isKnownUnit: (unitId, day) => catalog.isValidOn(unitId, day),
    clock: o.clock ?? systemClock,
  };
}
