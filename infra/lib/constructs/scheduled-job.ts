import { type CfnResource, Duration, Stack, TimeZone, Validations } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import * as targets from "aws-cdk-lib/aws-scheduler-targets";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import type { StageConfig } from "../stage-config.js";
import { ScorecardFunction, logicalIdOf } from "./scorecard-function.js";

export interface ScheduledJobProps {
  readonly stage: StageConfig;
  /** Short name: `compact`, `score` (also the `job` field of the scheduled input). */
  readonly job: string;
  readonly entry: string;
  readonly description: string;
  /** EventBridge Scheduler cron expression, evaluated in Asia/Ho_Chi_Minh time. */
  readonly schedule: string;
  readonly timeout: Duration;
  readonly memorySize: number;
  /** Native packages installed beside the bundle. @default none */
  readonly nodeModules?: string[];
}

/** Retries of a scheduled run: the scheduler's delivery and Lambda's asynchronous retries. */
export const JOB_RETRIES = { schedulerAttempts: 3, lambdaAttempts: 2 } as const;

/**
 * A Lambda run by EventBridge Scheduler (in local time). Both ways a run can fail — the
 * scheduler cannot deliver, or the function fails after Lambda's retries — end in one
 * dead-letter queue per job, which Observability alarms on at depth ≥ 1.
 */
export class ScheduledJob extends Construct {
  readonly function: ScorecardFunction;
  readonly deadLetterQueue: sqs.Queue;
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, "Failed", {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge(
      { id: "AwsSolutions::AwsSolutions-SQS3", reason: "This queue is the dead-letter queue of the job; it needs none of its own." },
      { id: "Serverless::Serverless-SQSRedrivePolicy", reason: "This queue is the dead-letter queue of the job; nothing consumes it automatically." },
    );
    this.function = new ScorecardFunction(this, "Handler", {
      stage: props.stage,
      entry: props.entry,
      description: props.description,
      timeout: props.timeout,
      memorySize: props.memorySize,
      failureQueue: this.deadLetterQueue,
      retryAttempts: JOB_RETRIES.lambdaAttempts,
      ...(props.nodeModules ? { nodeModules: props.nodeModules } : {}),
    });
    const invoker = new iam.Role(this, "SchedulerRole", {
      assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
        conditions: { StringEquals: { "aws:SourceAccount": Stack.of(this).account } },
      }),
      description: `Scorecard ${props.job}: EventBridge Scheduler invokes the job`,
    });
    Validations.of(invoker).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${logicalIdOf(this.function.fn.node.defaultChild as CfnResource)}.Arn>:*]`,
      reason: "Added by Function.grantInvoke: the job's own function and its versions/aliases, nothing else.",
    });
    this.schedule = new scheduler.Schedule(this, "Schedule", {
      description: `Scorecard ${props.job} (${props.stage.stage})`,
      schedule: scheduler.ScheduleExpression.expression(props.schedule, TimeZone.ASIA_HO_CHI_MINH),
      target: new targets.LambdaInvoke(this.function.fn, {
        role: invoker,
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: JOB_RETRIES.schedulerAttempts,
        maxEventAge: props.timeout.plus(props.timeout),
        input: scheduler.ScheduleTargetInput.fromObject({ job: props.job, source: "schedule" }),
      }),
    });
  }
}
