import { describe, expect, it } from "vitest";
import { logicalId, resource } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const { dev, json } = { ...synthesized().templates, json: synthesized().json };

describe("Construct: Secrets", () => {
  it("generates the pseudonym key in Secrets Manager (64 alphanumerics, read as base64)", () => {
    dev.hasResourceProperties("AWS::SecretsManager::Secret", {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false },
    });
  });

  it("keeps the key when the stack goes (pseudonyms would lose their history)", () => {
    expect(resource(dev, "AWS::SecretsManager::Secret", "SecretsPseudonymKey").DeletionPolicy).toBe("Retain");
  });

  it("hands functions the pseudonym key's ARN only, never a literal; the origin header's value only as a deploy-time reference", () => {
    const originRef = logicalId(dev, "AWS::SecretsManager::Secret", "SecretsOriginVerify");
    for (const f of Object.values(json.dev.Resources).filter((r) => r.Type === "AWS::Lambda::Function")) {
      const vars = (f.Properties as { Environment?: { Variables: Record<string, unknown> } }).Environment?.Variables ?? {};
      for (const [name, value] of Object.entries(vars)) {
        if (name === "ORIGIN_SECRET") expect(JSON.stringify(value)).toBe(JSON.stringify({ "Fn::Join": ["", ["{{resolve:secretsmanager:", { Ref: originRef }, ":SecretString:::}}"]] }));
        else if (/SECRET|KEY/.test(name)) expect(value, name).toEqual({ Ref: expect.stringMatching(/^SecretsPseudonymKey/) });
      }
    }
  });

  it("lets only the ingest function read the key", () => {
    const readers = Object.values(json.dev.Resources)
      .filter((r) => r.Type === "AWS::IAM::Policy" && JSON.stringify(r.Properties).includes("secretsmanager:GetSecretValue"))
      .map((r) => JSON.stringify((r.Properties as { Roles: unknown }).Roles));
    expect(readers).toHaveLength(1);
    expect(readers[0]).toMatch(/IngestApiHandlerRole/);
  });
});
