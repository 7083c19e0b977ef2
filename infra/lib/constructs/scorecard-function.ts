import { fileURLToPath } from "node:url";
import path from "node:path";
import { type CfnResource, Duration, RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat, SourceMapMode } from "aws-cdk-lib/aws-lambda-nodejs";
import * as logs from "aws-cdk-lib/aws-logs";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import type { StageConfig } from "../stage-config.js";
import type { EventStore } from "./event-store.js";
import type { Lake } from "./lake.js";
import { AUDIT_PARTITION } from "../iam-table.js";

/** The repository root (`infra/lib/constructs/` → three levels up). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** esbuild banner so that CommonJS dependencies can `require` inside an ESM bundle. */
export const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export interface ScorecardFunctionProps {
  /** Entry file relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly stage: StageConfig;
  /** @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /** @default 1024 */
  readonly memorySize?: number;
  /** Extra environment (STAGE and METHODOLOGY_ID are always set). @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Failure destination for asynchronous invocations (scheduled jobs): after the retries, Lambda
   * sends the event with the error to this queue. @default none (synchronous API functions)
   */
  readonly failureQueue?: sqs.IQueue;
  /** Retries of a failed asynchronous invocation. @default 2 when a dead-letter queue is given */
  readonly retryAttempts?: number;
  /** Packages installed beside the bundle instead of bundled (native modules). @default none */
  readonly nodeModules?: string[];
}

/**
 * Table permissions, named for the items a handler touches: the DynamoDB actions its adapters send
 * (infra/lib/iam-table.ts lists them per function, from the code) and whether it reads the gsi1 index.
 */
export interface TableAccess {
  readonly actions: readonly TableAction[];
  readonly index: boolean;
  /** The admin function adds audit entries (PutItem); every other writer is denied the audit partition outright. */
  readonly appendsAudit?: boolean;
}
export type TableAction = "GetItem" | "Query" | "PutItem" | "UpdateItem" | "DeleteItem" | "BatchGetItem" | "BatchWriteItem";

/** Reads only: single items and queries. */
export const TABLE_READ: readonly TableAction[] = ["GetItem", "Query"];
const WRITES: readonly TableAction[] = ["PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem"];

/** Defaults as pure functions: the bundling every Scorecard Lambda gets. */
export function houseBundling(nodeModules: string[] | undefined) {
  return {
    format: OutputFormat.ESM,
    target: "node24",
    mainFields: ["module", "main"],
    banner: ESM_REQUIRE_BANNER,
    minify: true,
    sourceMap: true,
    sourceMapMode: SourceMapMode.DEFAULT,
    sourcesContent: false,
    // The AWS SDK is bundled (+~150 KB gzip a function), not taken from the runtime: the functions
    // run the SDK version of package-lock.json that the tests ran, not whatever version the Node.js
    // 24 runtime carries that day (AWS updates it without notice).
    externalModules: [],
    forceDockerBundling: false,
    ...(nodeModules ? { nodeModules } : {}),
  };
}

/**
 * A Lambda function with the house defaults: ARM64, Node.js 24, ESM bundle built by the local
 * esbuild with source maps, a log group with the stage's retention, JSON logs, active X-Ray
 * tracing and a role with no AWS-managed policy. Permissions are added with the typed
 * `bind*` helpers, each of which sets the environment variable the handler reads.
 */
export class ScorecardFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ScorecardFunctionProps) {
    super(scope, id);
    const { stage } = props;
    this.logGroup = new logs.LogGroup(this, "Logs", {
      retention: stage.logRetention,
      removalPolicy: stage.stage === "prod" ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, "Role", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: `${props.description} (${stage.stage})`,
    });
    this.logGroup.grantWrite(this.role);

    const async = props.failureQueue !== undefined;
    this.fn = new NodejsFunction(this, "Fn", {
      entry: path.join(REPO_ROOT, props.entry),
      handler: "handler",
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, "package-lock.json"),
      bundling: houseBundling(props.nodeModules),
      environment: { STAGE: stage.stage, METHODOLOGY_ID: stage.methodologyId, NODE_OPTIONS: "--enable-source-maps", ...props.environment },
      ...(props.failureQueue ? { onFailure: new SqsDestination(props.failureQueue), retryAttempts: props.retryAttempts ?? 2 } : {}),
    });

    Validations.of(this.role).acknowledge({
      id: "AwsSolutions::AwsSolutions-IAM5[Resource::*]",
      reason: "X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions (added by active tracing).",
    });
    Validations.of(this.fn).acknowledge(
      async
        ? {
            id: "Serverless::Serverless-LambdaDLQ",
            reason: "An OnFailure destination (SQS) is configured instead of the legacy DeadLetterConfig: it carries the error and the request, and is what LambdaAsyncFailureDestination asks for.",
          }
        : {
            id: "Serverless::Serverless-LambdaDLQ",
            reason: "Invoked synchronously by API Gateway: the caller gets the 5xx and retries the batch (retries are safe); a DLQ only applies to asynchronous invocations.",
          },
    );
  }

  /**
   * The table actions a handler sends (and Query on the `gsi1` index when it reads it); sets
   * TABLE_NAME. A role that may write the table is denied every write to the audit partition
   * (docs/storage.md: append-only), except PutItem for the one function that appends entries.
   */
  bindTable(props: { readonly store: EventStore; readonly access: TableAccess }): this {
    const { table, openCasesIndexName } = props.store;
    const { actions, index, appendsAudit = false } = props.access;
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: actions.map((a) => `dynamodb:${a}`), resources: [table.tableArn] }));
    if (index) this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ["dynamodb:Query"], resources: [`${table.tableArn}/index/${openCasesIndexName}`] }));
    if (actions.some((a) => WRITES.includes(a))) {
      const denied = (appendsAudit ? WRITES.filter((a) => a !== "PutItem") : WRITES).map((a) => `dynamodb:${a}`);
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: "AuditLogAppendOnly",
          effect: iam.Effect.DENY,
          actions: denied,
          resources: [table.tableArn],
          conditions: { "ForAnyValue:StringEquals": { "dynamodb:LeadingKeys": [AUDIT_PARTITION] } },
        }),
      );
    }
    this.fn.addEnvironment("TABLE_NAME", table.tableName);
    return this;
  }

  /**
   * Object access under lake prefixes (`raw/`, `curated/` ...) and, for a reader, ListBucket;
   * sets LAKE_BUCKET. Each `prefix/*` wildcard is acknowledged here, where it is granted.
   */
  bindLake(props: {
    readonly lake: Lake;
    readonly read?: readonly string[];
    readonly write?: readonly string[];
    readonly delete?: readonly string[];
  }): this {
    const { bucket } = props.lake;
    const objects = (prefixes: readonly string[]) => prefixes.map((p) => bucket.arnForObjects(`${p}*`));
    const grant = (actions: string[], prefixes: readonly string[] | undefined) => {
      if (!prefixes?.length) return;
      this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources: objects(prefixes) }));
    };
    grant(["s3:GetObject"], props.read);
    grant(["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"], props.write);
    grant(["s3:DeleteObject"], props.delete);
    const all = [...new Set([...(props.read ?? []), ...(props.write ?? []), ...(props.delete ?? [])])];
    // A reader lists (S3Lake.list, removePrefix) and must learn that a key is absent: S3 answers a
    // GetObject of an absent key with 404 only to a caller allowed s3:ListBucket on the bucket, and
    // that check carries no s3:prefix — a prefix-conditioned grant would turn every 404 into 403.
    if (props.read?.length || props.delete?.length) {
      this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ["s3:ListBucket"], resources: [bucket.bucketArn] }));
    }
    const bucketId = logicalIdOf(bucket.node.defaultChild as CfnResource);
    for (const p of all) {
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${p}*]`,
        reason: `Objects under the lake prefix ${p} are written and read by key the handler computes at run time; the grant is scoped to that prefix.`,
      });
    }
    this.fn.addEnvironment("LAKE_BUCKET", bucket.bucketName);
    return this;
  }

  /** Adds an environment variable (the typed helpers above are preferred). */
  addEnvironment(name: string, value: string): this {
    this.fn.addEnvironment(name, value);
    return this;
  }
}

/** The logical id CloudFormation will see, as cdk-nag prints it inside finding ids. */
export function logicalIdOf(resource: CfnResource): string {
  return Stack.of(resource).resolve(resource.logicalId) as string;
}
