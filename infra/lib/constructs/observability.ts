import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import type { StageConfig } from "../stage-config.js";
import type { ScorecardFunction } from "./scorecard-function.js";
import type { ScorecardHttpApi } from "./scorecard-http-api.js";

export interface ObservabilityProps {
  readonly stage: StageConfig;
  /** Functions to watch for errors and throttles, by short name. */
  readonly functions: Readonly<Record<string, ScorecardFunction>>;
  /** HTTP APIs to watch for 5xx answers, by short name. */
  readonly apis: Readonly<Record<string, ScorecardHttpApi>>;
  /** Dead-letter queues (alarm at depth ≥ 1), by short name. */
  readonly deadLetterQueues: Readonly<Record<string, sqs.IQueue>>;
  /** The Athena workgroup whose daily bytes scanned are watched. */
  readonly workGroupName: string;
}

/**
 * Alarms to one SNS topic (TLS-only; an e-mail subscription when the stage names one): Lambda
 * errors and throttles per function (the scoring function's error alarm is the "scoring
 * failed" alarm), API 5xx, dead-letter queue depth ≥ 1, Athena bytes scanned per day.
 */
export class Observability extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { stage } = props;
    this.topic = new sns.Topic(this, "Alarms", { displayName: `Scorecard ${stage.stage} alarms`, enforceSSL: true });
    if (stage.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(stage.alarmEmail));

    const period = Duration.minutes(5);
    for (const [name, f] of Object.entries(props.functions)) {
      this.alarm(`${name}-errors`, f.fn.metricErrors({ period, statistic: "Sum" }), 1, `${name}: a Lambda invocation failed`);
      this.alarm(`${name}-throttles`, f.fn.metricThrottles({ period, statistic: "Sum" }), 1, `${name}: Lambda throttled`);
    }
    for (const [name, a] of Object.entries(props.apis)) {
      this.alarm(`${name}-5xx`, a.api.metricServerError({ period, statistic: "Sum" }), 5, `${name}: API answered 5xx`);
    }
    for (const [name, q] of Object.entries(props.deadLetterQueues)) {
      this.alarm(`${name}-dlq`, q.metricApproximateNumberOfMessagesVisible({ period, statistic: "Maximum" }), 1, `${name}: a run landed in the dead-letter queue`);
    }
    const scanned = new cloudwatch.Metric({
      namespace: "AWS/Athena",
      metricName: "ProcessedBytes",
      dimensionsMap: { WorkGroup: props.workGroupName },
      statistic: "Sum",
      period: Duration.days(1),
    });
    this.alarm("athena-bytes-scanned", scanned, stage.athenaDailyScanAlarmBytes, "Athena scanned more than the daily budget");
  }

  private alarm(name: string, metric: cloudwatch.IMetric, threshold: number, description: string): void {
    const alarm = new cloudwatch.Alarm(this, name, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
