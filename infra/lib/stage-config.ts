import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import { readFileSync } from "node:fs";
import { DEFAULT_METHODOLOGY_ID } from "@scorecard/shared/methodology/registry";
import { type SourceScopes, parseSourceScopes } from "@scorecard/shared/contracts/source-scope";

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
  /** Where alarm notifications go: e-mail addresses (CDK context `alarmEmails`); none: the topic only, and a synth warning. */
  readonly alarmEmails: readonly string[];
  /**
   * First month (YYYY-MM) the `curated_events` partition projection enumerates (CDK context
   * `earliestMonth`). Months before it are invisible to Athena. Default 2015-01: before any history
   * a province would backfill (the demo data starts 2024-01; the one-stop mechanism's records in
   * their present form date from 2015 at the earliest), and a month projected with no data costs one
   * empty S3 listing per query that reaches it, while a month left out hides its events silently.
   */
  readonly earliestMonth: string;
  /**
   * What each source system may post (shared/src/contracts/source-scope.ts), by source system name
   * (one of `sourceSystems`: its Cognito app client's id is put in its place at deploy time) or by
   * an app client id. The ingest function's `SOURCE_SCOPES`; a source with no entry may post
   * nothing (403 SOURCE_NOT_CONFIGURED). CDK context `sourceScopes` (JSON) or `sourceScopesFile`.
   */
  readonly sourceScopes: SourceScopes;
  /** CloudFront's web ACL: a rate-based rule per client IP on /v1/* over 5 minutes, or an existing ACL (CDK context `webAclArn`, then no edge stack is made). */
  readonly edge: { readonly apiRequestsPer5MinPerIp: number; readonly webAclArn: string | undefined };
}

const common = {
  region: "ap-southeast-1",
  methodologyId: DEFAULT_METHODOLOGY_ID,
  sourceSystems: ["one-stop", "national-portal", "hotline-1022"],
  athenaResultsExpiry: Duration.days(7),
  rawColdAfter: Duration.days(90),
  compactSchedule: "cron(15 1 * * ? *)",
  scoreSchedule: "cron(45 1 * * ? *)",
  alarmEmails: [],
  earliestMonth: "2015-01",
  sourceScopes: {},
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
        edge: { apiRequestsPer5MinPerIp: 500, webAclArn: undefined },
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
        // Staff of a commune or a department often share one public IP (one office NAT): 2 000 API
        // requests in 5 minutes per IP is ~7 a second, some 20 people's dashboards at once.
        edge: { apiRequestsPer5MinPerIp: 2000, webAclArn: undefined },
      };
  }
}

export const STAGES: readonly StageName[] = ["dev", "prod"];

export function isStageName(s: unknown): s is StageName {
  return s === "dev" || s === "prod";
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/**
 * The settings an operator gives at deploy time as CDK context (`-c key=value`, or `context` in
 * cdk.json), over a stage's defaults. Pure; throws on a malformed value (a deploy must not go
 * ahead with alarms to nowhere because of a typo):
 * - `alarmEmails`: comma-separated addresses (or a JSON array in cdk.json);
 * - `earliestMonth`: YYYY-MM, the first month Athena's projection of curated_events enumerates;
 * - `webAclArn`: an existing CloudFront web ACL (us-east-1) to use instead of the edge stack's;
 * - `sourceScopes`: the source systems' scopes as JSON (an object in cdk.json), or
 *   `sourceScopesFile`: a path to a JSON file of them (read with `readFile`); validated with
 *   parseSourceScopes (the error names the field).
 */
export function withContext(config: StageConfig, get: (key: string) => unknown, readFile: (path: string) => string = (p) => readFileSync(p, "utf8")): StageConfig {
  const emails = get("alarmEmails");
  const alarmEmails =
    emails === undefined
      ? config.alarmEmails
      : (Array.isArray(emails) ? emails.map(String) : String(emails).split(","))
          .map((e) => e.trim())
          .filter((e) => e !== "");
  for (const e of alarmEmails) if (!EMAIL.test(e)) throw new Error(`context alarmEmails: "${e}" is not an e-mail address`);
  const month = get("earliestMonth");
  const earliestMonth = month === undefined ? config.earliestMonth : String(month).trim();
  if (!MONTH.test(earliestMonth)) throw new Error(`context earliestMonth: "${earliestMonth}" is not a month YYYY-MM`);
  const acl = get("webAclArn");
  const webAclArn = acl === undefined || acl === "" ? config.edge.webAclArn : String(acl);
  if (webAclArn !== undefined && !/^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[^/]+\/[0-9a-f-]+$/.test(webAclArn)) {
    throw new Error(`context webAclArn: "${webAclArn}" is not a CloudFront (global, us-east-1) WAFv2 web ACL ARN`);
  }
  const scopesText = get("sourceScopes");
  const scopesFile = get("sourceScopesFile");
  if (scopesText !== undefined && scopesFile !== undefined) throw new Error("context sourceScopes and sourceScopesFile: give one of them");
  const sourceScopes =
    scopesText !== undefined
      ? parseSourceScopes(typeof scopesText === "string" ? scopesText : JSON.stringify(scopesText), "context sourceScopes")
      : scopesFile !== undefined
        ? parseSourceScopes(readFile(String(scopesFile)), `context sourceScopesFile (${String(scopesFile)})`)
        : config.sourceScopes;
  return { ...config, alarmEmails, earliestMonth, sourceScopes, edge: { ...config.edge, webAclArn } };
}
