import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { SPA_REWRITE_FUNCTION } from "../lib/constructs/dashboard-site.js";
import { logicalId, resource } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const { dev } = synthesized().templates;
const config = () => resource(dev, "AWS::CloudFront::Distribution", "DashboardSite").Properties["DistributionConfig"] as Record<string, unknown> & {
  CacheBehaviors: Array<Record<string, unknown>>;
  DefaultCacheBehavior: Record<string, unknown>;
  Origins: Array<Record<string, unknown>>;
};
const headers = () =>
  (resource(dev, "AWS::CloudFront::ResponseHeadersPolicy", "DashboardSite").Properties["ResponseHeadersPolicyConfig"] as { SecurityHeadersConfig: Record<string, Record<string, unknown>> })
    .SecurityHeadersConfig;
const behavior = (pattern: string) => config().CacheBehaviors.find((b) => b["PathPattern"] === pattern)!;

/** Runs the CloudFront function's source on a request URI. */
function rewrite(uri: string): string {
  const handler = new Function(`${SPA_REWRITE_FUNCTION}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
  return handler({ request: { uri } }).uri;
}

describe("Construct: DashboardSite", () => {
  it("reads every S3 origin through origin access control (no public bucket)", () => {
    const s3Origins = config().Origins.filter((o) => o["S3OriginConfig"] !== undefined);
    expect(s3Origins).toHaveLength(2);
    for (const o of s3Origins) expect(o["OriginAccessControlId"]).toBeDefined();
  });

  it("redirects HTTP to HTTPS on the app", () => {
    expect(config().DefaultCacheBehavior["ViewerProtocolPolicy"]).toBe("redirect-to-https");
  });

  it.each([
    ["/", "/index.html"],
    ["/units/DEPT-STP-2020", "/index.html"],
    ["/assets/app-1a2b.js", "/assets/app-1a2b.js"],
    ["/favicon.svg", "/favicon.svg"],
    ["/assets/missing", "/assets/missing"],
    ["/assets/", "/assets/"],
    ["/assets/fonts/gone", "/assets/fonts/gone"],
    ["/assetsx/route", "/index.html"],
  ])("sends the app route %s to %s (SPA fallback; nothing under /assets/ is an app route)", (uri, expected) => {
    expect(rewrite(uri)).toBe(expected);
  });

  it("lets CloudFront list the site bucket, so a missing asset is S3's 404 and not 403 (conditioned on this distribution)", () => {
    const siteBucket = Object.keys(dev.findResources("AWS::S3::Bucket")).find((id) => id.startsWith("DashboardSiteBucket"))!;
    const policy = Object.values(dev.findResources("AWS::S3::BucketPolicy")).find((p) => JSON.stringify(p["Properties"]["Bucket"]) === JSON.stringify({ Ref: siteBucket }))!;
    const statements = policy["Properties"]["PolicyDocument"]["Statement"] as { Action: string | string[]; Principal?: { Service?: string }; Condition?: unknown; Resource: unknown }[];
    const list = statements.find((s) => [s.Action].flat().includes("s3:ListBucket") && s.Principal?.Service === "cloudfront.amazonaws.com")!;
    expect([list.Resource].flat()).toContainEqual({ "Fn::GetAtt": [siteBucket, "Arn"] });
    expect(JSON.stringify(list.Condition)).toContain("AWS:SourceArn");
  });

  it("runs the SPA fallback on the app only, never on /v1/* or /public/*", () => {
    expect(config().DefaultCacheBehavior["FunctionAssociations"]).toHaveLength(1);
    for (const b of config().CacheBehaviors) expect(b["FunctionAssociations"]).toBeUndefined();
  });

  it("uses no distribution-wide error pages (they would turn API 403/404 into HTML)", () => {
    expect(config()["CustomErrorResponses"]).toBeUndefined();
  });

  it("sets a CSP with frame-ancestors none, object-src none and base-uri none", () => {
    const csp = headers()["ContentSecurityPolicy"]!["ContentSecurityPolicy"];
    expect(JSON.stringify(csp)).toMatch(/default-src 'self'.*object-src 'none'; base-uri 'none'; frame-ancestors 'none'/);
  });

  it("sets HSTS for a year", () => {
    expect(headers()["StrictTransportSecurity"]).toMatchObject({ AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true, Override: true });
  });

  it("sets nosniff, DENY framing and no referrer", () => {
    expect(headers()).toMatchObject({
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: "DENY", Override: true },
      ReferrerPolicy: { ReferrerPolicy: "no-referrer", Override: true },
    });
  });

  it("applies the security headers to every behaviour", () => {
    const policy = { Ref: logicalId(dev, "AWS::CloudFront::ResponseHeadersPolicy", "DashboardSite") };
    for (const b of [config().DefaultCacheBehavior, ...config().CacheBehaviors]) expect(b["ResponseHeadersPolicyId"]).toEqual(policy);
  });

  it("serves /public/* from the lake with a 5-minute default TTL", () => {
    expect(behavior("/public/*")["CachePolicyId"]).toEqual({ Ref: logicalId(dev, "AWS::CloudFront::CachePolicy", "DashboardSitePublicSnapshots") });
    dev.hasResourceProperties("AWS::CloudFront::CachePolicy", { CachePolicyConfig: Match.objectLike({ DefaultTTL: 300, MaxTTL: 3600 }) });
  });

  it("lets CloudFront read only public/* of the lake, and only this distribution", () => {
    dev.hasResourceProperties("AWS::S3::BucketPolicy", {
      Bucket: { Ref: logicalId(dev, "AWS::S3::Bucket", "LakeBucket") },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: "CloudFrontReadsPublicSnapshots",
            Action: "s3:GetObject",
            Resource: { "Fn::Join": ["", [{ "Fn::GetAtt": [Match.stringLikeRegexp("^LakeBucket"), "Arn"] }, "/public/*"]] },
            Condition: { StringEquals: { "AWS:SourceArn": Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  // CloudFront's managed policies (their ids are fixed by AWS).
  const CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
  const ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

  it("passes every method on /v1/* (the admin routes POST and PUT through the site)", () => {
    expect(behavior("/v1/*")).toMatchObject({ ViewerProtocolPolicy: "https-only", AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"] });
  });

  it("caches nothing on /v1/* (an authorised answer is never served to another reader) and forwards Authorization with every viewer header but Host", () => {
    expect(behavior("/v1/*")).toMatchObject({ CachePolicyId: CACHING_DISABLED, OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER });
  });

  it("caches the public API routes (/v1/public/*, matched before /v1/*) as the API says, keyed by the query and never by a token", () => {
    const patterns = config().CacheBehaviors.map((b) => b["PathPattern"]);
    expect(patterns.indexOf("/v1/public/*")).toBeLessThan(patterns.indexOf("/v1/*"));
    expect(behavior("/v1/public/*")).toMatchObject({ AllowedMethods: ["GET", "HEAD", "OPTIONS"], CachePolicyId: { Ref: logicalId(dev, "AWS::CloudFront::CachePolicy", "DashboardSitePublicApi") } });
    expect(behavior("/v1/public/*")["OriginRequestPolicyId"]).toBeUndefined();
    const key = (resource(dev, "AWS::CloudFront::CachePolicy", "DashboardSitePublicApi").Properties["CachePolicyConfig"] as { DefaultTTL: number; ParametersInCacheKeyAndForwardedToOrigin: Record<string, { HeaderBehavior?: string; QueryStringBehavior?: string }> });
    expect(key.DefaultTTL).toBe(0);
    expect(key.ParametersInCacheKeyAndForwardedToOrigin["HeadersConfig"]).toEqual({ HeaderBehavior: "none" });
    expect(key.ParametersInCacheKeyAndForwardedToOrigin["QueryStringsConfig"]).toEqual({ QueryStringBehavior: "all" });
  });

  it("sends the read API the origin header, its value resolved from the secret at deploy time (never in the template)", () => {
    const api = config().Origins.find((o) => o["CustomOriginConfig"] !== undefined)!;
    const secret = logicalId(dev, "AWS::SecretsManager::Secret", "SecretsOriginVerify");
    expect(api["OriginCustomHeaders"]).toEqual([{ HeaderName: "x-origin-verify", HeaderValue: { "Fn::Join": ["", ["{{resolve:secretsmanager:", { Ref: secret }, ":SecretString:::}}"]] } }]);
    expect(behavior("/v1/*")["TargetOriginId"]).toBe(api["Id"]);
    expect(behavior("/v1/public/*")["TargetOriginId"]).toBe(api["Id"]);
  });

  it("attaches the us-east-1 web ACL, read across regions", () => {
    expect(JSON.stringify(config()["WebACLId"])).toMatch(/ExportsReader.*WebAcl/);
  });

  it("serves /config.json from the site bucket, never cached", () => {
    expect(behavior("/config.json")).toMatchObject({ CachePolicyId: CACHING_DISABLED, ViewerProtocolPolicy: "redirect-to-https" });
    expect(behavior("/config.json")["TargetOriginId"]).toBe(config().DefaultCacheBehavior["TargetOriginId"]);
    expect(rewrite("/config.json")).toBe("/config.json");
  });

  it("deploys config.json into the site bucket with no-cache headers and leaves the app's files alone (no prune)", () => {
    dev.hasResourceProperties("Custom::CDKBucketDeployment", {
      DestinationBucketName: { Ref: logicalId(dev, "AWS::S3::Bucket", "DashboardSiteBucket") },
      Prune: false,
      SystemMetadata: { "cache-control": "no-cache, no-store" },
    });
  });

  it("logs requests to the access-log bucket", () => {
    expect(config()["Logging"]).toMatchObject({ Bucket: { "Fn::GetAtt": [logicalId(dev, "AWS::S3::Bucket", "AccessLogsBucket"), "RegionalDomainName"] }, Prefix: "cloudfront/" });
  });
});
