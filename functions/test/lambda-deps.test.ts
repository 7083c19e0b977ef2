import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from "aws-lambda";

/** What the mocked SDK saw: clients constructed and secrets fetched. */
const seen = vi.hoisted(() => ({ s3: 0, dynamodb: 0, secretsClients: 0, secretFetches: 0, failNextFetch: false }));

vi.mock("@aws-sdk/client-s3", async (importOriginal) => {
  const real = await importOriginal<typeof import("@aws-sdk/client-s3")>();
  class S3Client extends real.S3Client {
    constructor(...args: ConstructorParameters<typeof real.S3Client>) {
      super(...args);
      seen.s3++;
    }
  }
  return { ...real, S3Client };
});

vi.mock("@aws-sdk/client-dynamodb", async (importOriginal) => {
  const real = await importOriginal<typeof import("@aws-sdk/client-dynamodb")>();
  class DynamoDBClient extends real.DynamoDBClient {
    constructor(...args: ConstructorParameters<typeof real.DynamoDBClient>) {
      super(...args);
      seen.dynamodb++;
    }
  }
  return { ...real, DynamoDBClient };
});

vi.mock("@aws-sdk/client-secrets-manager", async (importOriginal) => {
  const real = await importOriginal<typeof import("@aws-sdk/client-secrets-manager")>();
  class SecretsManagerClient {
    constructor() {
      seen.secretsClients++;
    }
    async send(command: InstanceType<typeof real.GetSecretValueCommand>) {
      if (!(command instanceof real.GetSecretValueCommand)) throw new Error("unexpected command");
      seen.secretFetches++;
      if (seen.failNextFetch) {
        seen.failNextFetch = false;
        throw new Error("throttled");
      }
      return { SecretString: Buffer.alloc(48, 7).toString("base64") };
    }
  }
  return { ...real, SecretsManagerClient };
});

const { lambdaDeps, resetLambdaDeps } = await import("../src/handlers/lambda-deps.js");
const { handler } = await import("../src/handlers/ingest-events.js");

const context = {
  functionName: "ingest",
  functionVersion: "1",
  invokedFunctionArn: "arn:aws:lambda:ap-southeast-1:123456789012:function:ingest",
  memoryLimitInMB: "1024",
  awsRequestId: "r1",
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

/** A request the handler refuses before any storage call (no token claims): it still builds its dependencies first. */
const unauthorised = (): APIGatewayProxyEventV2WithJWTAuthorizer =>
  ({
    routeKey: "POST /v1/events",
    rawPath: "/v1/events",
    headers: { "content-type": "application/json" },
    body: "[]",
    isBase64Encoded: false,
    requestContext: { requestId: "r1", authorizer: { jwt: { claims: {}, scopes: [] } }, http: { method: "POST", path: "/v1/events" } },
  }) as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;

describe("Lambda dependencies: clients and the pseudonym key once per container", () => {
  beforeEach(() => {
    resetLambdaDeps();
    Object.assign(seen, { s3: 0, dynamodb: 0, secretsClients: 0, secretFetches: 0, failNextFetch: false });
    vi.stubEnv("TABLE_NAME", "scorecard-test");
    vi.stubEnv("LAKE_BUCKET", "lake-test");
    vi.stubEnv("PSEUDONYM_SECRET_ARN", "arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:key");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("serves three ingest requests with one secret fetch and one client of each kind", async () => {
    for (let i = 0; i < 3; i++) {
      const r = (await handler(unauthorised(), context)) as { statusCode: number };
      expect(r.statusCode).toBeGreaterThanOrEqual(400);
    }
    expect(seen).toMatchObject({ secretFetches: 1, secretsClients: 1, s3: 1, dynamodb: 1 });
  });

  it("hands the same objects to every caller of the container", async () => {
    const [a, b] = await Promise.all([lambdaDeps(), lambdaDeps()]);
    expect(a).toBe(b);
    expect((await lambdaDeps()).ingest.hasher).toBe(a.ingest.hasher);
    expect(seen.secretFetches).toBe(1);
  });

  it("does not keep a failed build: the next request fetches the secret again", async () => {
    seen.failNextFetch = true;
    await expect(lambdaDeps()).rejects.toThrow("throttled");
    const deps = await lambdaDeps();
    expect(deps.ingest.hasher.pseudonym("079123456789")).toMatch(/\S/);
    expect(seen.secretFetches).toBe(2);
    await lambdaDeps();
    expect(seen.secretFetches).toBe(2);
  });
});
