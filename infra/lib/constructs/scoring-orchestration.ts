import { type CfnResource, Duration, RemovalPolicy, Stack, TimeZone, Validations } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as eventTargets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as logs from "aws-cdk-lib/aws-logs";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import * as targets from "aws-cdk-lib/aws-scheduler-targets";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import * as tasks from "aws-cdk-lib/aws-stepfunctions-tasks";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import type { StageConfig } from "../stage-config.js";
import { JOB_RETRIES } from "./scheduled-job.js";
import { ScorecardFunction, logicalIdOf } from "./scorecard-function.js";

export interface ScoringOrchestrationProps {
  readonly stage: StageConfig;
  readonly entry: string;
  /** EventBridge Scheduler cron expression, evaluated in Asia/Ho_Chi_Minh time. */
  readonly schedule: string;
}

/**
 * How the state machine retries and bounds its steps. A group is at most the four periods of one
 * end (month, quarter, half, year) — about a minute of Athena each — so one invocation stays far
 * within Lambda's 15 minutes; two groups run at once (Athena's queue and the staged tables are shared).
 */
export const SCORING_STEPS = {
  /** Groups scored at once. */
  maxConcurrency: 2,
  /** Lambda's own faults (throttled, service error): retried soon and often. */
  serviceRetry: { attempts: 6, intervalSeconds: 5, backoffRate: 2 },
  /** A group that failed (a period threw, the invocation timed out): retried twice, a minute then two later. */
  groupRetry: { attempts: 2, intervalSeconds: 60, backoffRate: 2 },
  /** The plan (it releases the lock when it fails, so a retry starts clean). */
  planRetry: { attempts: 1, intervalSeconds: 60, backoffRate: 2 },
  /** The whole run: the scoring lock's lease (functions/src/handlers/job-deps.ts) outlasts it. */
  timeout: Duration.hours(3),
} as const;

/** The errors of Lambda itself (not of the function's code): worth retrying at once. */
export const LAMBDA_SERVICE_ERRORS = [
  "Lambda.ClientExecutionTimeoutException",
  "Lambda.ServiceException",
  "Lambda.AWSLambdaException",
  "Lambda.SdkClientException",
  "Lambda.TooManyRequestsException",
] as const;

/** The job's input cannot be run: never retried (functions/src/use-cases/jobs/job-kit.ts). */
const PERMANENT = ["InvalidJobInputError"];

/**
 * Scoring as a Step Functions state machine (docs/adr/0104-scoring-state-machine.md), started by
 * EventBridge Scheduler each night with `{"job":"score","source":"schedule"}`, or by an operator
 * with `{"periods":["2024-Q1"]}`. One function, one step per invocation
 * (functions/src/handlers/score.ts): Plan takes the scoring lock and stages the case facts once;
 * a Map scores the periods in groups of one end, each group retried on its own and, its retries
 * spent, caught and recorded as failed — it does not fail the others; Finish records the outcome
 * per period (log lines the alarms count), drops the staged tables and releases the lock. A run
 * that fails as a whole (the plan, the finish, the machine's timeout) and a start the scheduler
 * could not deliver land in the job's dead-letter queue, which Observability alarms on.
 */
export class ScoringOrchestration extends Construct {
  readonly function: ScorecardFunction;
  readonly deadLetterQueue: sqs.Queue;
  readonly stateMachine: sfn.StateMachine;
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: ScoringOrchestrationProps) {
    super(scope, id);
    const { stage } = props;
    this.deadLetterQueue = new sqs.Queue(this, "Failed", {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge(
      { id: "AwsSolutions::AwsSolutions-SQS3", reason: "This queue is the dead-letter queue of the job; it needs none of its own." },
      { id: "Serverless::Serverless-SQSRedrivePolicy", reason: "This queue is the dead-letter queue of the job; nothing consumes it automatically." },
    );
    // Invoked synchronously by the state machine, which retries: no asynchronous retries of its own.
    this.function = new ScorecardFunction(this, "Handler", {
      stage,
      entry: props.entry,
      description: "Scorecard scoring: one step of the scoring state machine (plan and stage, a group of periods, finish)",
      timeout: Duration.minutes(15),
      memorySize: 1024,
    });

    const invoke = (name: string, payload: Record<string, unknown>, resultPath: string, outputPath?: string) =>
      new tasks.LambdaInvoke(this, name, {
        ...(outputPath ? { outputPath } : {}),
        lambdaFunction: this.function.fn,
        payload: sfn.TaskInput.fromObject(payload),
        payloadResponseOnly: true,
        retryOnServiceExceptions: false,
        taskTimeout: sfn.Timeout.duration(Duration.minutes(15)),
        resultPath,
      });
    const retry = (task: tasks.LambdaInvoke, failed: { attempts: number; intervalSeconds: number; backoffRate: number }) => {
      const s = SCORING_STEPS.serviceRetry;
      task.addRetry({ errors: PERMANENT, maxAttempts: 0 });
      task.addRetry({ errors: [...LAMBDA_SERVICE_ERRORS], maxAttempts: s.attempts, interval: Duration.seconds(s.intervalSeconds), backoffRate: s.backoffRate });
      task.addRetry({ errors: [sfn.Errors.TASKS_FAILED, sfn.Errors.TIMEOUT], maxAttempts: failed.attempts, interval: Duration.seconds(failed.intervalSeconds), backoffRate: failed.backoffRate });
      return task;
    };

    const plan = retry(
      invoke("Plan", { step: "plan", input: sfn.JsonPath.objectAt("$"), owner: sfn.JsonPath.stringAt("$$.Execution.Name") }, "$.plan"),
      SCORING_STEPS.planRetry,
    );
    const group = retry(invoke("ScoreGroup", { step: "group", run: sfn.JsonPath.objectAt("$.run"), group: sfn.JsonPath.listAt("$.group") }, "$"), SCORING_STEPS.groupRetry);
    // Its retries spent, a group is recorded as failed: the Map and the other groups go on.
    const recordFailure = new sfn.Pass(this, "RecordGroupFailure", {
      parameters: { "group.$": "$.group", "error.$": "$.error" },
    });
    group.addCatch(recordFailure, { errors: [sfn.Errors.ALL], resultPath: "$.error" });
    const groups = new sfn.Map(this, "ScoreGroups", {
      itemsPath: "$.plan.groups",
      itemSelector: { "run.$": "$.plan.run", "group.$": "$$.Map.Item.Value" },
      maxConcurrency: SCORING_STEPS.maxConcurrency,
      resultPath: "$.results",
    }).itemProcessor(group);
    const finish = retry(
      invoke("Finish", { step: "finish", run: sfn.JsonPath.objectAt("$.plan.run"), results: sfn.JsonPath.listAt("$.results") }, "$.summary", "$.summary"),
      SCORING_STEPS.planRetry,
    );
    const skipped = new sfn.Succeed(this, "Skipped", { comment: "Another scoring run holds the lock: it scores." });
    const definition = plan.next(
      new sfn.Choice(this, "LockTaken")
        .when(sfn.Condition.booleanEquals("$.plan.skipped", true), skipped)
        .otherwise(groups.next(finish)),
    );

    const logGroup = new logs.LogGroup(this, "Logs", {
      retention: stage.logRetention,
      removalPolicy: stage.stage === "prod" ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.stateMachine = new sfn.StateMachine(this, "StateMachine", {
      comment: `Scorecard scoring (${stage.stage}): plan and stage once, score the periods in groups, finish`,
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      timeout: SCORING_STEPS.timeout,
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    const fnArn = `Resource::<${logicalIdOf(this.function.fn.node.defaultChild as CfnResource)}.Arn>:*`;
    Validations.of(this.stateMachine).acknowledge(
      { id: `AwsSolutions::AwsSolutions-IAM5[${fnArn}]`, reason: "Added by LambdaInvoke: the scoring function and its versions, nothing else." },
      { id: "AwsSolutions::AwsSolutions-IAM5[Resource::*]", reason: "CloudWatch Logs delivery and X-Ray actions of Step Functions take no resource (the AWS documented policy)." },
    );

    // A run that fails, times out or is aborted: its event to the dead-letter queue (alarmed on).
    const runFailed = new events.Rule(this, "RunFailed", {
      description: `Scorecard scoring (${stage.stage}): a state machine run that did not succeed`,
      eventPattern: {
        source: ["aws.states"],
        detailType: ["Step Functions Execution Status Change"],
        detail: { stateMachineArn: [this.stateMachine.stateMachineArn], status: ["FAILED", "TIMED_OUT", "ABORTED"] },
      },
      targets: [new eventTargets.SqsQueue(this.deadLetterQueue)],
    });
    Validations.of(runFailed).acknowledge({
      id: "Serverless::Serverless-EventBusDLQ",
      reason: "The rule's target is the job's dead-letter queue itself (alarmed on at depth 1); a queue behind it would hold what this one could not take.",
    });

    const starter = new iam.Role(this, "SchedulerRole", {
      assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
        conditions: { StringEquals: { "aws:SourceAccount": Stack.of(this).account } },
      }),
      description: "Scorecard score: EventBridge Scheduler starts the scoring state machine",
    });
    this.schedule = new scheduler.Schedule(this, "Schedule", {
      description: `Scorecard score (${stage.stage})`,
      schedule: scheduler.ScheduleExpression.expression(props.schedule, TimeZone.ASIA_HO_CHI_MINH),
      target: new targets.StepFunctionsStartExecution(this.stateMachine, {
        role: starter,
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: JOB_RETRIES.schedulerAttempts,
        maxEventAge: Duration.hours(1),
        input: scheduler.ScheduleTargetInput.fromObject({ job: "score", source: "schedule" }),
      }),
    });
  }
}
