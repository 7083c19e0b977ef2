import { describe, expect, it } from "vitest";
import { PROTECTED_READ_ROUTES, PUBLIC_READ_ROUTES } from "../lib/constructs/read-api.js";
import { logicalId, resource } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const { dev, prod } = synthesized().templates;
const routes = Object.values(dev.findResources("AWS::ApiGatewayV2::Route")).map((r) => r["Properties"] as Record<string, unknown>);
const route = (key: string) => routes.find((r) => r["RouteKey"] === key)!;

describe("Construct: ReadApi", () => {
  it("is an HTTP API of its own", () => {
    dev.hasResourceProperties("AWS::ApiGatewayV2::Api", { Name: "scorecard-read-dev", ProtocolType: "HTTP" });
  });

  it.each(PROTECTED_READ_ROUTES)("requires a dashboard user's token on GET %s", (path) => {
    expect(route(`GET ${path}`)).toMatchObject({
      AuthorizationType: "JWT",
      AuthorizerId: { Ref: logicalId(dev, "AWS::ApiGatewayV2::Authorizer", "ReadApi") },
    });
  });

  it.each(PUBLIC_READ_ROUTES)("serves GET %s without a token", (path) => {
    expect(route(`GET ${path}`)).toMatchObject({ AuthorizationType: "NONE" });
  });

  it("accepts only the dashboard client's tokens", () => {
    expect(resource(dev, "AWS::ApiGatewayV2::Authorizer", "ReadApi").Properties["JwtConfiguration"]).toMatchObject({
      Audience: [{ Ref: logicalId(dev, "AWS::Cognito::UserPoolClient", "IdentityUsersDashboard") }],
    });
  });

  it("allows CORS from the dev origins only in dev", () => {
    expect(resource(dev, "AWS::ApiGatewayV2::Api", "ReadApi").Properties["CorsConfiguration"]).toMatchObject({
      AllowOrigins: ["http://localhost:5173", "http://127.0.0.1:8080"],
      AllowCredentials: false,
    });
  });

  it("has no CORS in prod (the site calls it same-origin through CloudFront)", () => {
    expect(resource(prod, "AWS::ApiGatewayV2::Api", "ReadApi").Properties["CorsConfiguration"]).toBeUndefined();
  });

  it("throttles the stage (prod 100 rps, burst 200)", () => {
    prod.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      ApiId: { Ref: logicalId(prod, "AWS::ApiGatewayV2::Api", "ReadApi") },
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
    });
  });

  it("sends every route to the one read function with the v2 payload", () => {
    dev.hasResourceProperties("AWS::ApiGatewayV2::Integration", {
      ApiId: { Ref: logicalId(dev, "AWS::ApiGatewayV2::Api", "ReadApi") },
      IntegrationType: "AWS_PROXY",
      PayloadFormatVersion: "2.0",
    });
  });
});
