import { Annotations, Duration, Validations } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as logs from "aws-cdk-lib/aws-logs";
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
  /** The jobs' log groups: metric filters on their structured logs (what a run did, not only whether it threw). */
  readonly jobLogs?: { readonly compaction: logs.ILogGroup; readonly scoring: logs.ILogGroup };
}

/**
 * The job log lines the alarms count (Powertools JSON: `$.message`), and where they are written: a
 * test checks each message is still in its file, so a reworded log cannot silently stop an alarm.
 */
export const JOB_LOG_MESSAGES = {
  compactionSkipped: { file: "functions/src/use-cases/jobs/compact-job.ts", message: "another compaction holds the lock: skipping this run" },
  compactionPartial: { file: "functions/src/use-cases/jobs/compact-job.ts", message: "events compacted in part: the rest is left for the next run" },
  scoringSkipped: { file: "functions/src/use-cases/jobs/score-job.ts", message: "another scoring run holds the lock: skipping this run" },
  scoringPeriodFailed: { file: "functions/src/use-cases/jobs/score-job.ts", message: "scoring failed" },
  scoringRunFailed: { file: "functions/src/use-cases/jobs/score-job.ts", message: "scoring run failed" },
  periodScored: { file: "functions/src/use-cases/jobs/score-job.ts", message: "scored" },
} as const;

/** The namespace of the metrics the job logs publish. */
export const jobMetricsNamespace = (stage: StageConfig) => `Scorecard/${stage.stage}`;

/**
 * Alarms to one SNS topic (TLS-only; an e-mail subscription per address of the stage's
 * `alarmEmails`, CDK context; none: a synth warning): Lambda errors and throttles per function,
 * API 5xx, dead-letter queue depth ≥ 1, Athena bytes scanned per day, and what the jobs' logs say
 * (compaction skipped or stopped early, scoring skipped, failed or silent for a day).
 */
export class Observability extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { stage } = props;
    this.topic = new sns.Topic(this, "Alarms", { displayName: `Scorecard ${stage.stage} alarms`, enforceSSL: true });
    for (const email of stage.alarmEmails) {
      const subscription = this.topic.addSubscription(new subscriptions.EmailSubscription(email));
      Validations.of(subscription).acknowledge({
        id: "Serverless::Serverless-SNSRedrivePolicy",
        reason: "An e-mail notification SNS cannot deliver (a bouncing address) is of no use in a queue nobody reads; the alarm's state and history stay in CloudWatch.",
      });
    }
    if (stage.alarmEmails.length === 0) {
      Annotations.of(this).addWarningV2(
        "@scorecard/infra:alarm-recipients",
        `No alarm recipients for ${stage.stage}: the alarms notify an SNS topic nobody reads. Deploy with -c alarmEmails=ops@example.org[,…] (each address confirms the subscription by e-mail).`,
      );
    }

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
    if (props.jobLogs) this.jobOutcomes(stage, props.jobLogs);
  }

  /**
   * What the nightly jobs did, from their structured logs: compaction skipped on the lock (the run
   * before still holds it, or died holding it: the lease expires after 16 minutes) or stopped early
   * (the invocation's time ran out: the rest waits a day); scoring skipped on the lock, a period or
   * the shared staging failed (also raised by the function's errors and the dead-letter queue once
   * the retries are spent — this one comes at the first failure), and no period scored in a day
   * (the schedule or the function is broken: this one pages on missing data).
   */
  private jobOutcomes(stage: StageConfig, jobLogs: { readonly compaction: logs.ILogGroup; readonly scoring: logs.ILogGroup }): void {
    const namespace = jobMetricsNamespace(stage);
    const hour = Duration.hours(1);
    const count = (id: string, group: logs.ILogGroup, metricName: string, messages: readonly string[]) => {
      const pattern = messages.length === 1 ? `{ $.message = "${messages[0]}" }` : `{ ${messages.map((m) => `($.message = "${m}")`).join(" || ")} }`;
      new logs.MetricFilter(this, id, { logGroup: group, metricNamespace: namespace, metricName, filterPattern: logs.FilterPattern.literal(pattern), metricValue: "1" });
      return (period: Duration) => new cloudwatch.Metric({ namespace, metricName, statistic: "Sum", period });
    };
    const m = JOB_LOG_MESSAGES;
    const compactionSkipped = count("CompactionSkippedFilter", jobLogs.compaction, "CompactionSkippedOnLock", [m.compactionSkipped.message]);
    const compactionPartial = count("CompactionPartialFilter", jobLogs.compaction, "CompactionStoppedEarly", [m.compactionPartial.message]);
    const scoringSkipped = count("ScoringSkippedFilter", jobLogs.scoring, "ScoringSkippedOnLock", [m.scoringSkipped.message]);
    const scoringFailed = count("ScoringFailedFilter", jobLogs.scoring, "ScoringFailures", [m.scoringPeriodFailed.message, m.scoringRunFailed.message]);
    const scored = count("PeriodsScoredFilter", jobLogs.scoring, "PeriodsScored", [m.periodScored.message]);
    this.alarm("compaction-skipped", compactionSkipped(hour), 1, "compaction: a run skipped, another held the lock");
    this.alarm("compaction-partial", compactionPartial(hour), 1, "compaction: a run stopped early, raw batches left for the next run");
    this.alarm("scoring-skipped", scoringSkipped(hour), 1, "scoring: a run skipped, another held the lock");
    this.alarm("scoring-failures", scoringFailed(hour), 1, "scoring: a period (or the run's staging) failed");
    this.alarm("scoring-silent", scored(Duration.days(1)), 1, "scoring: no period scored in a day", {
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
  }

  private alarm(
    name: string,
    metric: cloudwatch.IMetric,
    threshold: number,
    description: string,
    opts: { comparisonOperator?: cloudwatch.ComparisonOperator; treatMissingData?: cloudwatch.TreatMissingData } = {},
  ): void {
    const alarm = new cloudwatch.Alarm(this, name, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: opts.comparisonOperator ?? cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: opts.treatMissingData ?? cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
