import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { actionsOf, logicalId, resource, statementsOfRole } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const { dev, prod } = synthesized().templates;

describe("Construct: IngestApi", () => {
  it("is an HTTP API of its own", () => {
    dev.hasResourceProperties("AWS::ApiGatewayV2::Api", { Name: "scorecard-ingest-dev", ProtocolType: "HTTP" });
  });

  it("routes POST /v1/events to the ingest function behind the source-system authorizer with the events.write scope", () => {
    dev.hasResourceProperties("AWS::ApiGatewayV2::Route", {
      RouteKey: "POST /v1/events",
      AuthorizationType: "JWT",
      AuthorizerId: { Ref: logicalId(dev, "AWS::ApiGatewayV2::Authorizer", "IngestApi") },
      AuthorizationScopes: ["scorecard/events.write"],
    });
  });

  it("accepts only the source-system app clients' tokens from the stage's user pool", () => {
    const audience = (resource(dev, "AWS::ApiGatewayV2::Authorizer", "IngestApi").Properties["JwtConfiguration"] as { Audience: Array<{ Ref: string }> })
      .Audience.map((a) => a.Ref);
    expect(audience).toEqual([
      logicalId(dev, "AWS::Cognito::UserPoolClient", "IdentityUsersSourceonestop"),
      logicalId(dev, "AWS::Cognito::UserPoolClient", "IdentityUsersSourcenationalportal"),
      logicalId(dev, "AWS::Cognito::UserPoolClient", "IdentityUsersSourcehotline1022"),
    ]);
  });

  it("throttles the stage (prod 200 rps, burst 400)", () => {
    prod.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      ApiId: { Ref: logicalId(prod, "AWS::ApiGatewayV2::Api", "IngestApi") },
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
    });
  });

  it("writes JSON access logs with the request id and the calling client", () => {
    const stage = resource(dev, "AWS::ApiGatewayV2::Stage", "IngestApi");
    const format = JSON.parse((stage.Properties["AccessLogSettings"] as { Format: string }).Format) as Record<string, string>;
    expect(format).toMatchObject({ requestId: "$context.requestId", clientId: "$context.authorizer.claims.client_id", status: "$context.status" });
  });

  it("has no CORS configuration (no browser calls it)", () => {
    expect(resource(dev, "AWS::ApiGatewayV2::Api", "IngestApi").Properties["CorsConfiguration"]).toBeUndefined();
  });

  it("gives the handler the table, the lake bucket and the pseudonym key by reference", () => {
    dev.hasResourceProperties("AWS::Lambda::Function", {
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: { Ref: logicalId(dev, "AWS::DynamoDB::GlobalTable", "EventStore") },
          LAKE_BUCKET: { Ref: logicalId(dev, "AWS::S3::Bucket", "LakeBucket") },
          PSEUDONYM_SECRET_ARN: { Ref: logicalId(dev, "AWS::SecretsManager::Secret", "SecretsPseudonymKey") },
        }),
      },
      Timeout: 28,
    });
  });

  it("lets the handler write only under the raw prefixes (events, complaints, procedures) in the lake", () => {
    const puts = statementsOfRole(dev, "IngestApiHandlerRole").filter((s) => actionsOf(s).includes("s3:PutObject"));
    const resources = puts.flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]));
    const suffixes = resources.map((r) => JSON.stringify(r).match(/"(\/[^"]*)"\]\]\}$/)?.[1]);
    expect(suffixes.sort()).toEqual(["/raw-complaints/*", "/raw-procedures/*", "/raw/*"]);
  });
});
