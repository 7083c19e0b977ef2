import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { logicalId, resource } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const { dev, prod } = synthesized().templates;
const BUCKET = "AWS::S3::Bucket";
const rules = (t: typeof dev) =>
  (resource(t, BUCKET, "LakeBucket").Properties["LifecycleConfiguration"] as { Rules: Array<Record<string, unknown>> }).Rules;
const rule = (t: typeof dev, id: string) => rules(t).find((r) => r["Id"] === id);

describe("Construct: Lake", () => {
  it("versions the lake bucket", () => {
    expect(resource(dev, BUCKET, "LakeBucket").Properties["VersioningConfiguration"]).toEqual({ Status: "Enabled" });
  });

  it("encrypts every object at rest", () => {
    expect(resource(dev, BUCKET, "LakeBucket").Properties["BucketEncryption"]).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
    });
  });

  it("blocks every form of public access", () => {
    expect(resource(dev, BUCKET, "LakeBucket").Properties["PublicAccessBlockConfiguration"]).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  it("denies requests that are not TLS 1.2+", () => {
    const bucket = logicalId(dev, BUCKET, "LakeBucket");
    dev.hasResourceProperties("AWS::S3::BucketPolicy", {
      Bucket: { Ref: bucket },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
          Match.objectLike({ Effect: "Deny", Condition: { NumericLessThan: { "s3:TlsVersion": 1.2 } } }),
        ]),
      },
    });
  });

  it("writes server access logs to the access-log bucket", () => {
    const logs = logicalId(dev, BUCKET, "AccessLogsBucket");
    expect(resource(dev, BUCKET, "LakeBucket").Properties["LoggingConfiguration"]).toEqual({
      DestinationBucketName: { Ref: logs },
      LogFilePrefix: "lake/",
    });
  });

  it("expires Athena results after 7 days", () => {
    expect(rule(dev, "athena-results-expire")).toMatchObject({ Prefix: "athena-results/", ExpirationInDays: 7, Status: "Enabled" });
  });

  it("expires scoring's staged tables (and their old versions) after a day, in every stage", () => {
    for (const t of [dev, prod]) {
      expect(rule(t, "staging-expire")).toMatchObject({ Prefix: "staging/", ExpirationInDays: 1, NoncurrentVersionExpiration: { NoncurrentDays: 1 }, Status: "Enabled" });
    }
  });

  it("moves raw batches to Glacier Instant Retrieval after 90 days", () => {
    expect(rule(prod, "raw-retention")).toMatchObject({
      Prefix: "raw/",
      Transitions: [{ StorageClass: "GLACIER_IR", TransitionInDays: 90 }],
    });
  });

  it("keeps raw batches in prod (they are the replayable source of truth)", () => {
    expect(rule(prod, "raw-retention")).not.toHaveProperty("ExpirationInDays");
  });

  it("deletes raw batches after 180 days in dev", () => {
    expect(rule(dev, "raw-retention")).toMatchObject({ ExpirationInDays: 180 });
  });

  it("expires old object versions and aborts stale multipart uploads", () => {
    expect(rule(dev, "noncurrent-and-uploads")).toMatchObject({
      NoncurrentVersionExpiration: { NoncurrentDays: 30 },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
    });
  });

  it("is retained when the stack is deleted", () => {
    expect(resource(dev, BUCKET, "LakeBucket").DeletionPolicy).toBe("Retain");
  });

  it("expires access logs after the stage's retention", () => {
    const logs = resource(prod, BUCKET, "AccessLogsBucket").Properties["LifecycleConfiguration"] as { Rules: Array<Record<string, unknown>> };
    expect(logs.Rules[0]).toMatchObject({ ExpirationInDays: 400 });
  });
});
