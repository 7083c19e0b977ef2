import { describe, expect, it } from "vitest";
import { siteConfigSchema } from "@scorecard/shared/contracts/site-config";
import { canonical } from "./support/iam.js";
import { logicalId, resource } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const { templates, siteConfig } = synthesized();

/** config.json as deployed, each deploy-time marker replaced by the canonical form of what it stands for (`${Ref}`, `${Id.Attr}`). */
function deployed(stage: "dev" | "prod"): Record<string, unknown> & { auth: Record<string, unknown> } {
  let text = siteConfig[stage].text;
  for (const [marker, value] of Object.entries(siteConfig[stage].markers)) text = text.split(marker).join(canonical(value));
  return JSON.parse(text) as Record<string, unknown> & { auth: Record<string, unknown> };
}

/** The same with plausible values (what CloudFormation will put there), to hold it to the dashboard's contract. */
function plausible(stage: "dev" | "prod"): unknown {
  const samples: Record<string, string> = {};
  const t = templates[stage];
  samples[`\${${logicalId(t, "AWS::Cognito::UserPool", "IdentityUsers")}}`] = "ap-southeast-1_AbCdEf123";
  samples[`\${${logicalId(t, "AWS::Cognito::UserPoolClient", "IdentityUsersDashboard")}}`] = "4d2h8a0example0client0id";
  samples[`\${${logicalId(t, "AWS::Cognito::UserPoolDomain", "IdentityUsersDomain")}}`] = "scorecard-dongnai";
  let text = JSON.stringify(deployed(stage));
  for (const [k, v] of Object.entries(samples)) text = text.split(k).join(v);
  return JSON.parse(text);
}

describe.each(["dev", "prod"] as const)("Site settings: /config.json of %s", (stage) => {
  const t = templates[stage];
  const pool = logicalId(t, "AWS::Cognito::UserPool", "IdentityUsers");
  const client = logicalId(t, "AWS::Cognito::UserPoolClient", "IdentityUsersDashboard");
  const domain = logicalId(t, "AWS::Cognito::UserPoolDomain", "IdentityUsersDomain");
  const hostedUi = `https://\${${domain}}.auth.ap-southeast-1.amazoncognito.com`;

  it("meets the dashboard's contract (shared/src/contracts/site-config.ts) once CloudFormation fills it in", () => {
    const parsed = siteConfigSchema.safeParse(plausible(stage));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("calls the API on the site's own origin (CloudFront routes /v1/*) and names the stage", () => {
    expect(deployed(stage)).toMatchObject({ apiBaseUrl: "", stage });
  });

  it("signs in at the user pool's hosted UI: issuer, authorize, token and logout endpoints, Cognito's logout style", () => {
    expect(deployed(stage).auth).toEqual({
      kind: "oidc",
      issuer: `https://cognito-idp.ap-southeast-1.amazonaws.com/\${${pool}}`,
      clientId: `\${${client}}`,
      authorizationEndpoint: `${hostedUi}/oauth2/authorize`,
      tokenEndpoint: `${hostedUi}/oauth2/token`,
      logoutEndpoint: `${hostedUi}/logout`,
      logoutStyle: "cognito",
      scopes: ["openid", "email", "profile"],
      bearer: "id_token",
    });
  });

  it("asks for exactly the scopes the dashboard client allows", () => {
    expect([...(resource(t, "AWS::Cognito::UserPoolClient", "IdentityUsersDashboard").Properties["AllowedOAuthScopes"] as string[])].sort()).toEqual(
      [...(deployed(stage).auth["scopes"] as string[])].sort(),
    );
  });

  it("sends the ID token, whose audience (the dashboard client) is what both JWT authorizers accept", () => {
    // An ID token's aud is the client id; API Gateway's JWT authorizer checks aud (or an access token's client_id) against Audience.
    const authorizers = Object.values(t.findResources("AWS::ApiGatewayV2::Authorizer")).filter((a) => a["Properties"]["AuthorizerType"] === "JWT");
    const dashboard = authorizers.filter((a) => a["Properties"]["Name"] === "dashboard-users");
    expect(dashboard).toHaveLength(1);
    const jwt = dashboard[0]!["Properties"]["JwtConfiguration"] as { Audience: unknown[]; Issuer: unknown };
    expect(jwt.Audience).toEqual([{ Ref: client }]);
    expect(deployed(stage).auth["clientId"]).toBe(canonical(jwt.Audience[0]));
    // The issuer the dashboard checks in the ID token is the one the authorizer checks.
    expect(deployed(stage).auth["issuer"]).toBe(canonical(jwt.Issuer));
    expect(deployed(stage).auth["bearer"]).toBe("id_token");
  });

  it("has a hosted-UI domain and a public dashboard client with the code flow (PKCE: no secret) and the site's callback and sign-out URLs", () => {
    expect(resource(t, "AWS::Cognito::UserPoolDomain", "IdentityUsersDomain").Properties).toMatchObject({ UserPoolId: { Ref: pool } });
    const c = resource(t, "AWS::Cognito::UserPoolClient", "IdentityUsersDashboard").Properties;
    expect(c).toMatchObject({ GenerateSecret: false, AllowedOAuthFlows: ["code"], AllowedOAuthFlowsUserPoolClient: true, SupportedIdentityProviders: ["COGNITO"] });
    const cdn = logicalId(t, "AWS::CloudFront::Distribution", "DashboardSite");
    const url = (suffix: string) => ({ "Fn::Join": ["", ["https://", { "Fn::GetAtt": [cdn, "DomainName"] }, suffix]] });
    expect(c["CallbackURLs"]).toContainEqual(url("/auth/callback"));
    expect(c["LogoutURLs"]).toContainEqual(url("/"));
  });

  it("lets the page reach the token endpoint (CSP connect-src names the hosted UI)", () => {
    const csp = JSON.stringify(resource(t, "AWS::CloudFront::ResponseHeadersPolicy", "DashboardSite").Properties["ResponseHeadersPolicyConfig"]);
    expect(csp).toContain(`connect-src 'self' https://`);
    expect(csp).toContain(`{"Ref":"${domain}"},".auth.ap-southeast-1.amazoncognito.com`);
  });
});
