import { Annotations, Duration, Fn, RemovalPolicy, Validations } from "aws-cdk-lib";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as iam from "aws-cdk-lib/aws-iam";
import * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { LAKE_PREFIXES } from "@scorecard/shared/lake/layout";
import type { StageConfig } from "../stage-config.js";
import type { Lake } from "./lake.js";

export interface DashboardSiteProps {
  readonly stage: StageConfig;
  /** The lake whose `public/` prefix is served at `/public/*`. */
  readonly lake: Lake;
  /** The read API, served same-origin at `/v1/*`. */
  readonly readApiUrl: string;
  readonly accessLogs: s3.IBucket;
  /** Extra `connect-src` sources (the Cognito domain for the token exchange). @default none */
  readonly connectSources?: readonly string[];
}

/** The Content-Security-Policy of the dashboard (ASVS 3.4.3; reliability anchors row 14). */
export function contentSecurityPolicy(connectSources: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectSources].join(" ")}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "upgrade-insecure-requests",
  ].join("; ");
}

/**
 * SPA fallback as a viewer-request function on the default behaviour only: a path whose last
 * segment has no dot is an app route and gets `/index.html`. (Distribution-wide error responses
 * would also rewrite the API's 403/404 answers into the HTML shell.)
 */
export const SPA_REWRITE_FUNCTION = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last === '' || last.indexOf('.') === -1) { request.uri = '/index.html'; }
  return request;
}`;

/**
 * The dashboard: a private bucket for the built Svelte app behind CloudFront with origin access
 * control, the SPA fallback, a response-headers policy (CSP, HSTS, frame-ancestors none,
 * nosniff, no referrer), `/public/*` served from the lake's `public/` prefix with short caching,
 * and `/v1/*` proxied to the read API (same origin: no CORS, `connect-src 'self'`).
 */
export class DashboardSite extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly headers: cloudfront.ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: DashboardSiteProps) {
    super(scope, id);
    const { stage, lake } = props;
    this.bucket = new s3.Bucket(this, "Bucket", {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: "site/",
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
    });

    this.headers = new cloudfront.ResponseHeadersPolicy(this, "Headers", {
      comment: `Scorecard ${stage.stage} security headers`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.connectSources ?? []), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, preload: false, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });

    const spaRewrite = new cloudfront.Function(this, "SpaRewrite", {
      code: cloudfront.FunctionCode.fromInline(SPA_REWRITE_FUNCTION),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: "SPA fallback to /index.html",
    });

    // public/ of the lake: our own OAC and a bucket-policy statement limited to public/*
    // (the origin helper would grant the whole bucket).
    const lakeRef = s3.Bucket.fromBucketAttributes(this, "LakeRef", {
      bucketArn: lake.bucket.bucketArn,
      bucketRegionalDomainName: lake.bucket.bucketRegionalDomainName,
    });
    const lakeOrigin = origins.S3BucketOrigin.withOriginAccessControl(lakeRef, {
      originAccessControl: new cloudfront.S3OriginAccessControl(this, "LakeOac", { description: "Scorecard lake public/ reader" }),
    });
    const publicCache = new cloudfront.CachePolicy(this, "PublicSnapshots", {
      comment: "Public JSON snapshots: short TTL, refreshed nightly by scoring",
      defaultTtl: Duration.minutes(5),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.hours(1),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const apiCache = new cloudfront.CachePolicy(this, "Api", {
      comment: "Read API: cached only when the API says so (public routes, 60 s), keyed by token and query",
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.minutes(5),
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList("Authorization"),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const apiDomain = cdkDomainOf(props.readApiUrl);
    this.distribution = new cloudfront.Distribution(this, "Cdn", {
      comment: `Scorecard dashboard (${stage.stage})`,
      defaultRootObject: "index.html",
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: "cloudfront/",
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headers,
        functionAssociations: [{ function: spaRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [`/${LAKE_PREFIXES.public}*`]: {
          origin: lakeOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: publicCache,
          responseHeadersPolicy: this.headers,
        },
        "/v1/*": {
          origin: new origins.HttpOrigin(apiDomain, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
          cachePolicy: apiCache,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.headers,
        },
      },
    });

    lake.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "CloudFrontReadsPublicSnapshots",
        principals: [new iam.ServicePrincipal("cloudfront.amazonaws.com")],
        actions: ["s3:GetObject"],
        resources: [lake.bucket.arnForObjects(`${LAKE_PREFIXES.public}*`)],
        conditions: { StringEquals: { "AWS:SourceArn": this.distribution.distributionArn } },
      }),
    );
    Annotations.of(this).acknowledgeWarning(
      "@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac",
      "The lake's bucket policy is written above, limited to public/*.",
    );

    Validations.of(this.distribution).acknowledge(
      {
        id: "AwsSolutions::AwsSolutions-CFR1",
        reason: "Public-service information for everyone, including Vietnamese abroad: no geo restriction.",
      },
      {
        id: "AwsSolutions::AwsSolutions-CFR2",
        reason: "No WAF web ACL yet: a CloudFront ACL lives in us-east-1 (a second stack) and is billed monthly; API Gateway throttling and the read-only cached public routes bound abuse. Tracked in infra/README.md.",
      },
      {
        id: "AwsSolutions::AwsSolutions-CFR4",
        reason: "The default *.cloudfront.net certificate fixes the viewer policy at TLSv1; a custom domain with an ACM certificate (us-east-1) and TLSv1.2_2021 is a go-live step in infra/README.md.",
      },
    );
  }

  /** `https://<distribution domain>` */
  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}

/** `https://abc.execute-api.../` → `abc.execute-api...` (works on CloudFormation tokens too). */
function cdkDomainOf(url: string): string {
  return Fn.select(2, Fn.split("/", url));
}
