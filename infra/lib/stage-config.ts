import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import { DEFAULT_METHODOLOGY_ID } from "@scorecard/shared/methodology/registry";

export type StageName = "dev" | "prod";

/** Everything that differs between stages. Constructs take the slice they need. */
export interface StageConfig {
  readonly stage: StageName;
  /** Region of the stack (the account comes from the CLI profile at deploy time). */
  readonly region: string;
  /** What happens to data stores (table, lake, secret) when the stack is deleted. */
  readonly dataRemovalPolicy: RemovalPolicy;
  readonly deletionProtection: boolean;
  readonly logRetention: RetentionDays;
  /** Methodology the jobs compute and the read API serves by default. */
  readonly methodologyId: string;
  readonly ingestThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  readonly readThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  /** Browser origins allowed by CORS besides the CloudFront site (which is same-origin). */
  readonly corsOrigins: readonly string[];
  /** OAuth callback/logout URLs besides the CloudFront site's `/auth/callback`. */
  readonly extraCallbackUrls: readonly string[];
  /** Cognito hosted domain prefix (globally unique within the region). */
  readonly authDomainPrefix: string;
  /** Cognito threat protection (Plus feature plan, billed per MAU). */
  readonly threatProtection: boolean;
  /** One machine-to-machine app client per source system. */
  readonly sourceSystems: readonly string[];
  readonly athenaBytesScannedCutoff: number;
  readonly athenaResultsExpiry: Duration;
  /** Alarm when the workgroup scans more than this many bytes in a day. */
  readonly athenaDailyScanAlarmBytes: number;
  /** raw/ objects move to Glacier Instant Retrieval after this long. */
  readonly rawColdAfter: Duration;
  /** raw/ objects are deleted after this long (`undefined` keeps them: the replayable source of truth). */
  readonly rawExpiry: Duration | undefined;
  readonly accessLogExpiry: Duration;
  /** Cron expressions (Asia/Ho_Chi_Minh) for the jobs. */
  readonly compactSchedule: string;
  readonly scoreSchedule: string;
  /** Where alarm notifications go (`undefined`: topic only, subscribe later). */
  readonly alarmEmail: string | undefined;
}

const common = {
  region: "ap-southeast-1",
  methodologyId: DEFAULT_METHODOLOGY_ID,
  sourceSystems: ["one-stop", "national-portal", "hotline-1022"],
  athenaResultsExpiry: Duration.days(7),
  rawColdAfter: Duration.days(90),
  compactSchedule: "cron(15 1 * * ? *)",
  scoreSchedule: "cron(45 1 * * ? *)",
  alarmEmail: undefined,
} as const;

/** The configuration of a stage. Pure: same name, same config. */
export function stageConfig(stage: StageName): StageConfig {
  switch (stage) {
    case "dev":
      return {
        ...common,
        stage,
        dataRemovalPolicy: RemovalPolicy.DESTROY,
        deletionProtection: false,
        logRetention: RetentionDays.ONE_MONTH,
        ingestThrottle: { rateLimit: 20, burstLimit: 40 },
        readThrottle: { rateLimit: 20, burstLimit: 40 },
        corsOrigins: ["http://localhost:5173", "http://127.0.0.1:8080"],
        extraCallbackUrls: ["http://localhost:5173/auth/callback"],
        authDomainPrefix: "scorecard-dongnai-dev",
        threatProtection: false,
        athenaBytesScannedCutoff: 1 * 1024 ** 3,
        athenaDailyScanAlarmBytes: 5 * 1024 ** 3,
        rawExpiry: Duration.days(180),
        accessLogExpiry: Duration.days(90),
      };
    case "prod":
      return {
        ...common,
        stage,
        dataRemovalPolicy: RemovalPolicy.RETAIN,
        deletionProtection: true,
        logRetention: RetentionDays.ONE_YEAR,
        ingestThrottle: { rateLimit: 200, burstLimit: 400 },
        readThrottle: { rateLimit: 100, burstLimit: 200 },
        corsOrigins: [],
        extraCallbackUrls: [],
        authDomainPrefix: "scorecard-dongnai",
        threatProtection: true,
        athenaBytesScannedCutoff: 10 * 1024 ** 3,
        athenaDailyScanAlarmBytes: 50 * 1024 ** 3,
        rawExpiry: undefined,
        accessLogExpiry: Duration.days(400),
      };
  }
}

export const STAGES: readonly StageName[] = ["dev", "prod"];

export function isStageName(s: unknown): s is StageName {
  return s === "dev" || s === "prod";
}
