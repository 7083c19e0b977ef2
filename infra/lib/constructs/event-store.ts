import { RemovalPolicy } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import { Construct } from "constructs";
import type { StageConfig } from "../stage-config.js";

export interface EventStoreProps {
  readonly stage: StageConfig;
  /** @default `scorecard-<stage>` (docs/storage.md) */
  readonly tableName?: string;
}

/** The table name a stage uses (docs/storage.md). */
export function eventStoreTableName(stage: StageConfig): string {
  return `scorecard-${stage.stage}`;
}

/**
 * The single DynamoDB table of docs/storage.md: event guards and case copies, live case state
 * with the open-cases index (`gsi1`: `OPEN#<unitId>` / `<dueAt>#<caseId>`), idempotency keys
 * (expiring through TTL `expiresAt`), snapshots and admin items. On-demand, point-in-time
 * recovery, deletion protection and retention in prod.
 */
export class EventStore extends Construct {
  readonly table: dynamodb.TableV2;
  readonly openCasesIndexName = "gsi1";

  constructor(scope: Construct, id: string, props: EventStoreProps) {
    super(scope, id);
    const { stage } = props;
    this.table = new dynamodb.TableV2(this, "Table", {
      tableName: props.tableName ?? eventStoreTableName(stage),
      partitionKey: { name: "pk", type: dynamodb.AttributeType.STRING },
      sortKey: { name: "sk", type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: "expiresAt",
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.dataRemovalPolicy === RemovalPolicy.RETAIN ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      globalSecondaryIndexes: [
        {
          indexName: this.openCasesIndexName,
          partitionKey: { name: "gsi1pk", type: dynamodb.AttributeType.STRING },
          sortKey: { name: "gsi1sk", type: dynamodb.AttributeType.STRING },
          projectionType: dynamodb.ProjectionType.ALL,
        },
      ],
    });
  }
}
