import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { AccessLogs } from "./constructs/access-logs.js";
import { AdminApi } from "./constructs/admin-api.js";
import { AnalyticsCatalog } from "./constructs/analytics-catalog.js";
import { DashboardSite } from "./constructs/dashboard-site.js";
import { EventStore } from "./constructs/event-store.js";
import { Identity } from "./constructs/identity.js";
import { IngestApi } from "./constructs/ingest-api.js";
import { IngestUpkeep } from "./constructs/ingest-upkeep.js";
import { Jobs } from "./constructs/jobs.js";
import { Lake } from "./constructs/lake.js";
import { Observability } from "./constructs/observability.js";
import { ReadApi } from "./constructs/read-api.js";
import { Secrets } from "./constructs/secrets.js";
import type { StageConfig } from "./stage-config.js";

export interface ScorecardStackProps extends StackProps {
  readonly config: StageConfig;
  /** CloudFront's web ACL (EdgeStack's, through a cross-region reference, or an existing one). @default none */
  readonly webAclArn?: string;
}

/** Scorecard on AWS, composed in data-flow order (ARCHITECTURE §2). No resource is made here. */
export class ScorecardStack extends Stack {
  constructor(scope: Construct, id: string, props: ScorecardStackProps) {
    super(scope, id, props);
    const stage = props.config;

    // Who may call, and the key that pseudonymises applicants at the ingestion boundary.
    const identity = new Identity(this, "Identity", { stage });
    const secrets = new Secrets(this, "Secrets", { stage });

    // Source systems → ingest → event store + raw/ in the lake.
    const accessLogs = new AccessLogs(this, "AccessLogs", { stage });
    const store = new EventStore(this, "EventStore", { stage });
    const lake = new Lake(this, "Lake", { stage, accessLogs: accessLogs.bucket });
    const ingest = new IngestApi(this, "IngestApi", { stage, store, lake, secrets, identity });
    const upkeep = new IngestUpkeep(this, "IngestUpkeep", { stage, store, lake });

    // raw/ → compaction → curated/ → Athena → scoring → snapshots + public/.
    const catalog = new AnalyticsCatalog(this, "AnalyticsCatalog", { stage, lake });
    const jobs = new Jobs(this, "Jobs", { stage, store, lake, catalog });

    // Snapshots → read API → dashboard (and public/ straight from the lake).
    const read = new ReadApi(this, "ReadApi", { stage, store, identity, lake, originSecret: secrets.originVerify });
    const admin = new AdminApi(this, "AdminApi", { stage, store, lake, http: read.http, authorizer: read.authorizer });
    const site = new DashboardSite(this, "DashboardSite", {
      stage,
      lake,
      readApiUrl: read.http.url,
      accessLogs: accessLogs.bucket,
      connectSources: [identity.domain.baseUrl()],
      originSecret: secrets.originVerify,
      ...(props.webAclArn ? { webAclArn: props.webAclArn } : {}),
      // /config.json: the API is the site's own origin (CloudFront routes /v1/*), sign-in at Cognito's hosted UI.
      siteConfig: { apiBaseUrl: "", stage: stage.stage, auth: identity.dashboardSignIn() },
    });
    identity.allowSiteOrigin(site.url);

    const observability = new Observability(this, "Observability", {
      stage,
      functions: { ingest: ingest.handler, read: read.handler, admin: admin.handler, compaction: jobs.compaction.function, scoring: jobs.scoring.function, upkeep: upkeep.job.function },
      apis: { ingest: ingest.http, read: read.http },
      deadLetterQueues: { compaction: jobs.compaction.deadLetterQueue, scoring: jobs.scoring.deadLetterQueue, upkeep: upkeep.job.deadLetterQueue },
      workGroupName: catalog.workGroupName,
      jobLogs: { compaction: jobs.compaction.function.logGroup, scoring: jobs.scoring.function.logGroup },
    });

    upkeep.alarmTo(observability.topic);

    new CfnOutput(this, "SiteUrl", { value: site.url });
    new CfnOutput(this, "SiteBucket", { value: site.bucket.bucketName });
    new CfnOutput(this, "DistributionId", { value: site.distribution.distributionId });
    new CfnOutput(this, "IngestUrl", { value: ingest.http.url });
    new CfnOutput(this, "ReadApiUrl", { value: read.http.url });
    new CfnOutput(this, "TokenUrl", { value: `${identity.domain.baseUrl()}/oauth2/token` });
    new CfnOutput(this, "UserPoolId", { value: identity.userPool.userPoolId });
    new CfnOutput(this, "DashboardClientId", { value: identity.dashboardClient.userPoolClientId });
    new CfnOutput(this, "LakeBucket", { value: lake.bucket.bucketName });
    // A scoring run by hand: aws stepfunctions start-execution --state-machine-arn <this> --input '{"periods":["2024-Q1"]}'.
    new CfnOutput(this, "ScoringStateMachineArn", { value: jobs.scoring.stateMachine.stateMachineArn });
  }
}
