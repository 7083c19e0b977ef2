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
      AuthorizerId: { Ref: logicalId(dev, "AWS::ApiGatewayV2::Authorizer", "ReadApiHttpApiDashboard") },
    });
  });

  it.each(PUBLIC_READ_ROUTES)("serves GET %s without a token, but only through CloudFront (its origin header)", (path) => {
    expect(route(`GET ${path}`)).toMatchObject({
      AuthorizationType: "CUSTOM",
      AuthorizerId: { Ref: logicalId(dev, "AWS::ApiGatewayV2::Authorizer", "ReadApiHttpApiThroughCloudFront") },
    });
  });

  it("checks the origin header with a Lambda authorizer: simple answers, the header as identity source (absent: 401 without a call), verdicts cached 5 minutes", () => {
    expect(resource(dev, "AWS::ApiGatewayV2::Authorizer", "ReadApiHttpApiThroughCloudFront").Properties).toMatchObject({
      AuthorizerType: "REQUEST",
      EnableSimpleResponses: true,
      IdentitySource: ["$request.header.x-origin-verify"],
      AuthorizerResultTtlInSeconds: 300,
      AuthorizerPayloadFormatVersion: "2.0",
    });
  });

  it("accepts only the dashboard client's tokens", () => {
    expect(resource(dev, "AWS::ApiGatewayV2::Authorizer", "ReadApiHttpApiDashboard").Properties["JwtConfiguration"]).toMatchObject({
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

  const routeSettings = (t: typeof dev, api: string) =>
    resource(t, "AWS::ApiGatewayV2::Stage", `${api}HttpStage`).Properties["RouteSettings"] as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;

  it("throttles each route with its share of the stage (prod: the audit export 5 rps, the lists 25, public routes 50, the rest 100)", () => {
    const read = routeSettings(prod, "ReadApi");
    expect(read["GET /v1/admin/audit.csv"]).toEqual({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 });
    expect(read["GET /v1/units/{unitId}/cases"]).toEqual({ ThrottlingRateLimit: 25, ThrottlingBurstLimit: 50 });
    expect(read["GET /v1/public/rankings"]).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    expect(read["GET /v1/rankings"]).toEqual({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 });
    // dev's 20/40: a share never falls below 1 request a second.
    expect(routeSettings(dev, "ReadApi")["GET /v1/admin/audit.csv"]).toEqual({ ThrottlingRateLimit: 1, ThrottlingBurstLimit: 2 });
  });

  it("gives a route setting to exactly the routes of the API, and creates the stage after them (a setting may only name an existing route)", () => {
    for (const [t, api] of [[prod, "ReadApi"], [prod, "IngestApi"]] as const) {
      const apiId = logicalId(t, "AWS::ApiGatewayV2::Api", api);
      const routeIds = Object.entries(t.findResources("AWS::ApiGatewayV2::Route")).filter(([, r]) => JSON.stringify(r["Properties"]["ApiId"]) === JSON.stringify({ Ref: apiId }));
      const keys = routeIds.map(([, r]) => r["Properties"]["RouteKey"] as string).sort();
      expect(Object.keys(routeSettings(t, api)).sort()).toEqual(keys);
      const dependsOn = resource(t, "AWS::ApiGatewayV2::Stage", `${api}HttpStage`).DependsOn as string[];
      for (const [id] of routeIds) expect(dependsOn, id).toContain(id);
    }
  });

  it("sends every route to the one read function with the v2 payload", () => {
    dev.hasResourceProperties("AWS::ApiGatewayV2::Integration", {
      ApiId: { Ref: logicalId(dev, "AWS::ApiGatewayV2::Api", "ReadApi") },
      IntegrationType: "AWS_PROXY",
      PayloadFormatVersion: "2.0",
    });
  });
});
