import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { resource } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const { dev, prod } = synthesized().templates;
const TABLE = "AWS::DynamoDB::GlobalTable";

describe("Construct: EventStore", () => {
  it("is a single table named scorecard-<stage>", () => {
    dev.resourceCountIs(TABLE, 1);
    dev.hasResourceProperties(TABLE, { TableName: "scorecard-dev" });
  });

  it("keys items on pk/sk strings as docs/storage.md says", () => {
    dev.hasResourceProperties(TABLE, {
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
      ]),
    });
  });

  it("has the open-cases index gsi1 on gsi1pk/gsi1sk with every attribute projected", () => {
    dev.hasResourceProperties(TABLE, {
      GlobalSecondaryIndexes: [
        {
          IndexName: "gsi1",
          KeySchema: [
            { AttributeName: "gsi1pk", KeyType: "HASH" },
            { AttributeName: "gsi1sk", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        },
      ],
    });
  });

  it("bills on demand", () => {
    dev.hasResourceProperties(TABLE, { BillingMode: "PAY_PER_REQUEST" });
  });

  it("expires idempotency records through TTL on expiresAt", () => {
    dev.hasResourceProperties(TABLE, { TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true } });
  });

  it("keeps point-in-time recovery on in every stage", () => {
    for (const t of [dev, prod]) {
      t.hasResourceProperties(TABLE, {
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      });
    }
  });

  it("protects the prod table from deletion and retains it with the stack", () => {
    prod.hasResourceProperties(TABLE, { Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] });
    expect(resource(prod, TABLE, "EventStore").DeletionPolicy).toBe("Retain");
  });

  it("lets dev tables be deleted", () => {
    dev.hasResourceProperties(TABLE, { Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })] });
  });
});
