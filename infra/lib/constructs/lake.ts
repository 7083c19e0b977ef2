import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { LAKE_PREFIXES } from "@scorecard/shared/lake/layout";
import type { StageConfig } from "../stage-config.js";

export interface LakeProps {
  readonly stage: StageConfig;
  /** Where server access logs go. */
  readonly accessLogs: s3.IBucket;
}

/** The lifecycle of the lake's prefixes for a stage (pure, so tests can read it). */
export function lakeLifecycle(stage: StageConfig): s3.LifecycleRule[] {
  return [
    {
      id: "athena-results-expire",
      prefix: LAKE_PREFIXES.athenaResults,
      expiration: stage.athenaResultsExpiry,
      noncurrentVersionExpiration: Duration.days(1),
    },
    {
      // Staged scoring drops its tables and their files at the end of a run; a crashed run's stay a day at most.
      id: "staging-expire",
      prefix: LAKE_PREFIXES.staging,
      expiration: Duration.days(1),
      noncurrentVersionExpiration: Duration.days(1),
    },
    {
      id: "raw-retention",
      prefix: LAKE_PREFIXES.raw,
      transitions: [{ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: stage.rawColdAfter }],
      ...(stage.rawExpiry ? { expiration: stage.rawExpiry } : {}),
    },
    {
      id: "noncurrent-and-uploads",
      noncurrentVersionExpiration: Duration.days(30),
      abortIncompleteMultipartUploadAfter: Duration.days(1),
    },
  ];
}

/**
 * The S3 lake of docs/storage.md: `raw/` (one object per accepted batch), `curated/` (Parquet),
 * `dims/`, `public/` (read by CloudFront), `athena-results/` and `staging/` (scoring's CTAS
 * tables; both expiring). Versioned, SSE-S3,
 * TLS-only, no public access, server access logs; retained when the stack is deleted.
 */
export class Lake extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: LakeProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, "Bucket", {
      versioned: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: "lake/",
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: lakeLifecycle(props.stage),
    });
  }

  /** `s3://bucket/prefix` for a lake prefix. */
  s3Url(prefix: string): string {
    return this.bucket.s3UrlForObject(prefix);
  }
}
