/**
 * The cloud backfill (`scorecard import --target aws`): the deployed pseudonym key is fetched from
 * Secrets Manager and the accepted events are written to the lake bucket under raw/'s layout —
 * against mocked AWS clients (aws-sdk-client-mock), the expectations computed independently.
 */
import { createHmac, randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { cloudImportDeps, hasherFromSecret } from "../src/local/cloud-import.js";
import { importNdjson } from "../src/use-cases/ingest/import-events.js";

const s3 = mockClient(S3Client);
const secrets = mockClient(SecretsManagerClient);
afterEach(() => {
  s3.reset();
  secrets.reset();
});

const SECRET_ARN = "arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:SecretsPseudonymKey-AbCdEf";
const BUCKET = "scorecard-dev-lakebucket-1a2b3c";
// What Secrets Manager generates for the stack: 64 letters and digits (infra/lib/constructs/secrets.ts).
const SECRET_STRING = randomBytes(64).toString("base64").replace(/[^A-Za-z0-9]/g, "").padEnd(64, "x").slice(0, 64);
const NOW = new Date("2025-06-01T03:00:00Z");
const UNIT = "DEPT-VPUBND-2020";

const received = (i: number, idNumber: string) =>
  JSON.stringify({ eventId: `R-${i}`, caseId: `C-${i}`, type: "RECEIVED", occurredAt: "2021-03-04T08:00:00+07:00", unitId: UNIT, procedureCode: "1.0", field: "LAND", channel: "DIRECT", dueAt: "2021-03-11T17:00:00+07:00", applicant: { idNumber, name: "Nguyễn Văn A" } });

async function* bytes(text: string) {
  yield new TextEncoder().encode(text);
}

/** The pseudonym as the ingest API computes it with the deployed key, written out here: HMAC-SHA256 of the NFC, trimmed, upper-cased id, base64url, 32 characters. */
const expectedPseudonym = (idNumber: string) => createHmac("sha256", Buffer.from(SECRET_STRING, "base64")).update(idNumber.normalize("NFC").trim().toUpperCase()).digest("base64url").slice(0, 32);

describe("Cloud backfill: scorecard import --target aws", () => {
  it("fetches the deployed key from Secrets Manager and writes the accepted events to raw/ingest_date=<today>/ in the lake bucket", async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: SECRET_STRING });
    s3.on(PutObjectCommand).resolves({});
    const deps = await cloudImportDeps({ bucket: BUCKET, secretId: SECRET_ARN, s3: new S3Client({ region: "ap-southeast-1" }), secrets: new SecretsManagerClient({ region: "ap-southeast-1" }), clock: { now: () => NOW } });
    const rejects: unknown[] = [];
    const summary = await importNdjson({ ...deps, onReject: (line, code, message) => rejects.push({ line, code, message }) })(bytes(`${received(1, "079012345678")}\n{"eventId":"bad"}\n${received(2, " 079087654321 ")}\n`));

    expect(secrets.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input)).toEqual([{ SecretId: SECRET_ARN }]);
    expect(summary).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    expect(rejects).toEqual([{ line: 2, code: "MISSING_FIELD", message: expect.stringContaining("caseId is required") }]);

    const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(puts).toHaveLength(1);
    expect(puts[0]!.Bucket).toBe(BUCKET);
    expect(puts[0]!.Key).toMatch(/^raw\/ingest_date=2025-06-01\/import-[0-9a-f]{32}\.ndjson\.gz$/);
    const events = gunzipSync(puts[0]!.Body as Uint8Array).toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.map((e) => e["eventId"])).toEqual(["R-1", "R-2"]);
    expect(events.map((e) => e["applicantPseudonym"])).toEqual([expectedPseudonym("079012345678"), expectedPseudonym("079087654321")]);
    expect(JSON.stringify(events)).not.toMatch(/079012345678|Nguyễn/);
  });

  it("writes the same key for the same content on a re-run (no copies in the lake)", async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: SECRET_STRING });
    s3.on(PutObjectCommand).resolves({});
    const deps = await cloudImportDeps({ bucket: BUCKET, secretId: SECRET_ARN, s3: new S3Client({ region: "ap-southeast-1" }), secrets: new SecretsManagerClient({ region: "ap-southeast-1" }), clock: { now: () => NOW } });
    for (let i = 0; i < 2; i++) await importNdjson(deps)(bytes(`${received(1, "079012345678")}\n`));
    const keys = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it("refuses a secret with no string value, naming it", async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array(32) });
    await expect(hasherFromSecret(new SecretsManagerClient({ region: "ap-southeast-1" }), SECRET_ARN)).rejects.toThrow(SECRET_ARN);
  });

  it("stops on a failed write instead of reporting the events imported", async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: SECRET_STRING });
    s3.on(PutObjectCommand).rejects(Object.assign(new Error("Access Denied"), { name: "AccessDenied" }));
    const deps = await cloudImportDeps({ bucket: BUCKET, secretId: SECRET_ARN, s3: new S3Client({ region: "ap-southeast-1" }), secrets: new SecretsManagerClient({ region: "ap-southeast-1" }), clock: { now: () => NOW } });
    await expect(importNdjson(deps)(bytes(`${received(1, "079012345678")}\n`))).rejects.toThrow("Access Denied");
  });
});
