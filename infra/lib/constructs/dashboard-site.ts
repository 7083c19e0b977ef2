import { Annotations, type CfnResource, Duration, Fn, RemovalPolicy, Stack, Token, Validations } from "aws-cdk-lib";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as iam from "aws-cdk-lib/aws-iam";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as s3deploy from "aws-cdk-lib/aws-s3-deployment";
import type * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import { LAKE_PREFIXES } from "@scorecard/shared/lake/layout";
import { ORIGIN_VERIFY_HEADER } from "../edge/origin-verify.js";
import type { StageConfig } from "../stage-config.js";
import type { Lake } from "./lake.js";
import { logicalIdOf } from "./scorecard-function.js";

export interface DashboardSiteProps {
  readonly stage: StageConfig;
  /** The lake whose `public/` prefix is served at `/public/*`. */
  readonly lake: Lake;
  /** The read API, served same-origin at `/v1/*`. */
  readonly readApiUrl: string;
  readonly accessLogs: s3.IBucket;
  /** Extra `connect-src` sources (the Cognito domain for the token exchange). @default none */
  readonly connectSources?: readonly string[];
  /** The value CloudFront sends the read API in its origin header (the public routes require it). */
  readonly originSecret: secretsmanager.ISecret;
  /** CloudFront's WAF web ACL (a us-east-1, CLOUDFRONT-scope ACL: EdgeStack's, or an existing one). @default none */
  readonly webAclArn?: string;
  /**
   * The site's run-time settings, deployed as `/config.json` beside `index.html` (contract:
   * shared/src/contracts/site-config.ts) — CloudFormation tokens allowed. @default none
   */
  readonly siteConfig?: Readonly<Record<string, unknown>>;
}

/** Where the site's settings are served; never cached (one build serves every stage, settings change with a deploy). */
export const SITE_CONFIG_PATH = "/config.json";

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
 * segment has no dot is an app route and gets `/index.html` — except under `/assets/`, where only
 * the build's files live: `/assets/<missing>` goes to S3 as it is and is a 404 (as the local
 * server answers), never the HTML shell cached as an asset. (Distribution-wide error responses
 * would also rewrite the API's 403/404 answers into the HTML shell.)
 */
export const SPA_REWRITE_FUNCTION = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('/assets/') === 0) { return request; }
  var last = request.uri.split('/').pop();
  if (last === '' || last.indexOf('.') === -1) { request.uri = '/index.html'; }
  return request;
}`;

/**
 * The dashboard: a private bucket for the built Svelte app behind CloudFront with origin access
 * control, the SPA fallback, a response-headers policy (CSP, HSTS, frame-ancestors none,
 * nosniff, no referrer), `/public/*` served from the lake's `public/` prefix with short caching,
 * `/v1/*` proxied to the read API (same origin: no CORS, `connect-src 'self'`) with every method,
 * caching only on `/v1/public/*`, and the origin header the public routes require, the stage's web
 * ACL, and `/config.json` (the site's settings) deployed beside the app, never cached.
 */
export class DashboardSite extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly headers: cloudfront.ResponseHeadersPolicy;
  /** The deployment of `/config.json` (when the stack gives site settings). */
  readonly config?: s3deploy.BucketDeployment;

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
    const publicApiCache = new cloudfront.CachePolicy(this, "PublicApi", {
      comment: "Public read API routes: cached as long as the API says (max-age 60), keyed by the query",
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.minutes(5),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const apiDomain = cdkDomainOf(props.readApiUrl);
    // READ and LIST: S3 answers a missing key with 404 only to a reader allowed s3:ListBucket (else
    // 403). CloudFront always asks for a key (the function above maps "/" and app routes to
    // /index.html, and CACHING_OPTIMIZED forwards no query string), so LIST lists nothing to a viewer.
    const siteOrigin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket, { originAccessLevels: [cloudfront.AccessLevel.READ, cloudfront.AccessLevel.LIST] });
    const apiOrigin = new origins.HttpOrigin(apiDomain, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originSecret.secretValue.unsafeUnwrap() },
    });
    this.distribution = new cloudfront.Distribution(this, "Cdn", {
      comment: `Scorecard dashboard (${stage.stage})`,
      defaultRootObject: "index.html",
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: "cloudfront/",
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      defaultBehavior: {
        origin: siteOrigin,
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
        [SITE_CONFIG_PATH]: {
          origin: siteOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          responseHeadersPolicy: this.headers,
        },
        // Public API routes: the same answer for everyone, cached as the API says (max-age 60), keyed
        // by the query only — no Authorization in the key or to the origin.
        "/v1/public/*": {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
          cachePolicy: publicApiCache,
          responseHeadersPolicy: this.headers,
        },
        // Everything else under /v1/: every method (the admin routes POST and PUT), nothing cached
        // (an authorised answer must never be served to another reader), every viewer header but
        // Host forwarded — with caching disabled that includes Authorization.
        "/v1/*": {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.headers,
        },
      },
    });
    Annotations.of(this.distribution).acknowledgeWarning(
      "@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk",
      "defaultRootObject is index.html and the SPA function sends \"/\" and every app route to /index.html; no query string is forwarded to the site bucket: a viewer cannot reach a listing.",
    );

    if (props.siteConfig) {
      this.config = new s3deploy.BucketDeployment(this, "SiteConfig", {
        sources: [s3deploy.Source.jsonData(SITE_CONFIG_PATH.slice(1), props.siteConfig)],
        destinationBucket: this.bucket,
        // Only config.json: the built app is uploaded apart (infra/README.md), and pruning would delete it.
        prune: false,
        cacheControl: [s3deploy.CacheControl.noCache(), s3deploy.CacheControl.noStore()],
        memoryLimit: 256,
      });
      this.acknowledgeDeploymentHandler(this.config);
    }

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

    if (!props.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: "AwsSolutions::AwsSolutions-CFR2",
        reason: "Only where the stack is built without its edge stack (tests of a single construct); the app always attaches a web ACL (EdgeStack or context webAclArn).",
      });
    }
    Validations.of(this.distribution).acknowledge(
      {
        id: "AwsSolutions::AwsSolutions-CFR1",
        reason: "Public-service information for everyone, including Vietnamese abroad: no geo restriction.",
      },
      {
        id: "AwsSolutions::AwsSolutions-CFR4",
        reason: "The default *.cloudfront.net certificate fixes the viewer policy at TLSv1; a custom domain with an ACM certificate (us-east-1) and TLSv1.2_2021 is a go-live step in infra/README.md.",
      },
    );
  }

  /** BucketDeployment's handler (aws-cdk-lib's, one per stack): what it is granted and how it runs are the library's. */
  private acknowledgeDeploymentHandler(deployment: s3deploy.BucketDeployment): void {
    const stack = Stack.of(this);
    const handler = stack.node.children.find((c) => c.node.id.startsWith("Custom::CDKBucketDeployment"));
    if (!handler) throw new Error("BucketDeployment's handler not found (aws-cdk-lib changed its construct id?)");
    const assets = `arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${Token.isUnresolved(stack.region) ? "<AWS::Region>" : stack.region}/*`;
    const bucketId = logicalIdOf(this.bucket.node.defaultChild as CfnResource);
    Validations.of(deployment.handlerRole).acknowledge(
      { id: "AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]", reason: "aws-cdk-lib's BucketDeployment handler writes its logs with the basic execution role; it runs only while CloudFormation deploys." },
      ...["s3:GetObject*", "s3:GetBucket*", "s3:List*", "s3:DeleteObject*", "s3:Abort*"].map((a) => ({
        id: `AwsSolutions::AwsSolutions-IAM5[Action::${a}]`,
        reason: "Granted by BucketDeployment (grantRead on the CDK asset, grantReadWrite on the site bucket) to copy config.json; prune is off, so it deletes nothing.",
      })),
      { id: `AwsSolutions::AwsSolutions-IAM5[Resource::${assets}]`, reason: "BucketDeployment reads its source (the config.json asset) from the CDK bootstrap bucket." },
      { id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`, reason: "BucketDeployment writes config.json into the site bucket, whose objects are the built app." },
    );
    Validations.of(handler).acknowledge(
      { id: "AwsSolutions::AwsSolutions-L1", reason: "The runtime of BucketDeployment's handler (Python with the AWS CLI layer) is aws-cdk-lib's and moves with it." },
      { id: "Serverless::Serverless-LambdaLatestVersion", reason: "The runtime of BucketDeployment's handler is aws-cdk-lib's and moves with it." },
      { id: "Serverless::Serverless-LambdaTracing", reason: "A deploy-time custom resource, run by CloudFormation only while a stack deploys." },
      { id: "Serverless::Serverless-LambdaDLQ", reason: "Invoked synchronously by CloudFormation: a failure fails (and rolls back) the deploy." },
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
