import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { ROLE_GROUPS } from "../lib/constructs/identity.js";
import { resource } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const { dev, prod } = synthesized().templates;
const POOL = "AWS::Cognito::UserPool";
const CLIENT = "AWS::Cognito::UserPoolClient";

describe("Construct: Identity", () => {
  it("lets no one sign themselves up", () => {
    dev.hasResourceProperties(POOL, { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
  });

  it("requires TOTP MFA for every account (so for Home Affairs and the chairman's office)", () => {
    dev.hasResourceProperties(POOL, { MfaConfiguration: "ON", EnabledMfas: ["SOFTWARE_TOKEN_MFA"] });
  });

  it("requires 12-character passwords with all character classes", () => {
    dev.hasResourceProperties(POOL, {
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }) },
    });
  });

  it("stores the officer's unit in custom:unitId", () => {
    dev.hasResourceProperties(POOL, { Schema: Match.arrayWith([Match.objectLike({ Name: "unitId", AttributeDataType: "String" })]) });
  });

  it("enforces threat protection in prod", () => {
    prod.hasResourceProperties(POOL, { UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" }, UserPoolTier: "PLUS" });
  });

  it.each(ROLE_GROUPS)("has the role group %s", (group) => {
    dev.hasResourceProperties("AWS::Cognito::UserPoolGroup", { GroupName: group });
  });

  it("gives the dashboard a public client with the authorization-code flow and no secret", () => {
    dev.hasResourceProperties(CLIENT, { ClientName: "dashboard", GenerateSecret: false, AllowedOAuthFlows: ["code"] });
  });

  it("does not let users write their own unit id", () => {
    expect(resource(dev, CLIENT, "IdentityUsersDashboard").Properties["WriteAttributes"]).toEqual(["name"]);
  });

  it("sends users back to the CloudFront site after sign-in", () => {
    const urls = JSON.stringify(resource(prod, CLIENT, "IdentityUsersDashboard").Properties["CallbackURLs"]);
    expect(urls).toMatch(/DashboardSiteCdn\w+","DomainName"\]\},"\/auth\/callback"/);
  });

  it("gives each source system a secret client limited to client credentials and the events.write scope", () => {
    const sources = Object.values(dev.findResources(CLIENT)).filter((c) => String(c["Properties"]["ClientName"]).startsWith("source-"));
    expect(sources).toHaveLength(3);
    for (const c of sources) {
      expect(c["Properties"]).toMatchObject({ GenerateSecret: true, AllowedOAuthFlows: ["client_credentials"] });
      expect(JSON.stringify(c["Properties"]["AllowedOAuthScopes"])).toContain("/events.write");
    }
  });

  it("keeps the prod user pool when the stack goes", () => {
    expect(resource(prod, POOL, "IdentityUsers").DeletionPolicy).toBe("Retain");
    prod.hasResourceProperties(POOL, { DeletionProtection: "ACTIVE" });
  });
});
