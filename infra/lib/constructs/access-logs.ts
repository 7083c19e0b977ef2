import { RemovalPolicy, Validations } from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import type { StageConfig } from "../stage-config.js";

export interface AccessLogsProps {
  readonly stage: StageConfig;
}

/**
 * The bucket that receives S3 server access logs and CloudFront standard logs. SSE-S3 (the only
 * encryption S3 log delivery supports) and ACLs allowed for the log-delivery writer CloudFront
 * uses; expires after the stage's retention.
 */
export class AccessLogs extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AccessLogsProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, "Bucket", {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: props.stage.accessLogExpiry, abortIncompleteMultipartUploadAfter: props.stage.accessLogExpiry }],
    });
    Validations.of(this.bucket).acknowledge({
      id: "AwsSolutions::AwsSolutions-S1",
      reason: "This is the access-log bucket itself; logging it into itself would loop.",
    });
  }
}
