import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as sns from "aws-cdk-lib/aws-sns";
import { Construct } from "constructs";
import { LAKE_PREFIXES } from "@scorecard/shared/lake/layout";
import type { StageConfig } from "../stage-config.js";
import type { EventStore } from "./event-store.js";
import type { Lake } from "./lake.js";
import { ScheduledJob } from "./scheduled-job.js";

/** The summary line the upkeep logs each run (Powertools JSON: `$.message`), and where it is written; a test holds the two together. */
export const UPKEEP_LOG = { file: "functions/src/handlers/ingest-upkeep.ts", message: "ingest upkeep" } as const;

/** When the outbox's lag pages someone: the oldest queued case waited longer than this (seconds)… */
export const UPKEEP_MAX_WAIT_S = 300;
/** …or cases stayed queued (minimum over each 5-minute window > 0) for this many windows in a row. */
export const UPKEEP_BACKLOG_WINDOWS = 3;

export interface IngestUpkeepProps {
  readonly stage: StageConfig;
  readonly store: EventStore;
  readonly lake: Lake;
  /** @default "functions/src/handlers/ingest-upkeep.ts" */
  readonly entry?: string;
}

/**
 * Ingestion's upkeep on AWS (docs/adr/0018), every minute: drains the case-state outbox the ingest
 * function fills (the early warnings' live state and open-case index), then writes to `raw/` the
 * objects of batches cut short between their claims and their raw object (reconcileLake). Each run
 * logs its summary ("ingest upkeep": `casesLeft`, `oldestWaitS`, `reconciled`); two metric filters
 * turn it into metrics, and `alarmTo` pages when the oldest queued case has waited over five
 * minutes or the outbox has not emptied for fifteen.
 */
export class IngestUpkeep extends Construct {
  readonly job: ScheduledJob;
  readonly oldestWait: cloudwatch.Metric;
  readonly casesLeft: cloudwatch.Metric;
  readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: IngestUpkeepProps) {
    super(scope, id);
    const { stage } = props;
    this.job = new ScheduledJob(this, "Job", {
      stage,
      job: "ingest-upkeep",
      entry: props.entry ?? "functions/src/handlers/ingest-upkeep.ts",
      description: "Scorecard ingest upkeep: drains the case-state outbox, reconciles raw objects of batches cut short",
      schedule: "rate(1 minute)",
      // The drain stops 15 s before the deadline (use-cases/jobs/ingest-upkeep.ts); under a minute, so runs seldom overlap.
      timeout: Duration.seconds(55),
      // Deriving a case's state is CPU work; Lambda's CPU share grows with memory (1 GB as the other handlers).
      memorySize: 1024,
    });
    this.job.function
      // Outbox and lake-pending records (Query, Delete), the derived state and index items (Put),
      // the queued cases' event lists and events and a cut batch's claimed events (BatchGet), those
      // events listed in their cases again (UpdateItem ADD) and their cases queued (BatchWrite).
      .bindTable({ store: props.store, access: { actions: ["Query", "PutItem", "UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem"], index: false } })
      // Whether the cut batch's raw object exists (GetObject; 404 needs ListBucket), then the object.
      .bindLake({ lake: props.lake, read: [LAKE_PREFIXES.raw], write: [LAKE_PREFIXES.raw] });

    const namespace = `Scorecard/${stage.stage}`;
    const metric = (filterId: string, metricName: string, field: string, statistic: string) => {
      new logs.MetricFilter(this, filterId, {
        logGroup: this.job.function.logGroup,
        metricNamespace: namespace,
        metricName,
        filterPattern: logs.FilterPattern.literal(`{ $.message = "${UPKEEP_LOG.message}" }`),
        metricValue: `$.${field}`,
      });
      return new cloudwatch.Metric({ namespace, metricName, statistic, period: Duration.minutes(5) });
    };
    this.oldestWait = metric("OldestWaitFilter", "IngestOutboxOldestWaitSeconds", "oldestWaitS", "Maximum");
    this.casesLeft = metric("CasesLeftFilter", "IngestOutboxCasesLeft", "casesLeft", "Minimum");
    this.alarms = [
      new cloudwatch.Alarm(this, "OutboxLagAlarm", {
        metric: this.oldestWait,
        threshold: UPKEEP_MAX_WAIT_S,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: `ingest upkeep: a case waited over ${UPKEEP_MAX_WAIT_S} s in the outbox (early warnings lag)`,
      }),
      new cloudwatch.Alarm(this, "OutboxBacklogAlarm", {
        metric: this.casesLeft,
        threshold: 0,
        evaluationPeriods: UPKEEP_BACKLOG_WINDOWS,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: `ingest upkeep: the outbox has not emptied for ${UPKEEP_BACKLOG_WINDOWS * 5} minutes`,
      }),
    ];
  }

  /** Sends the upkeep's alarms to the stage's alarm topic (Observability's). */
  alarmTo(topic: sns.ITopic): this {
    for (const a of this.alarms) a.addAlarmAction(new actions.SnsAction(topic));
    return this;
  }
}
