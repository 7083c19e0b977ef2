import { Duration } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaAuthorizer, HttpLambdaResponseType, HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import { ORIGIN_VERIFY_HEADER } from "../edge/origin-verify.js";
import type { StageConfig } from "../stage-config.js";
import type { EventStore } from "./event-store.js";
import type { Identity } from "./identity.js";
import type { Lake } from "./lake.js";
import { LAKE_PREFIXES } from "@scorecard/shared/lake/layout";
import { ROUTES, callerOf, methodAndPath, routeKeysOf } from "@scorecard/shared/contracts/routes";
import { ScorecardFunction, TABLE_READ } from "./scorecard-function.js";
import { ScorecardHttpApi } from "./scorecard-http-api.js";

/** The read handler's routes (shared/src/contracts/routes.ts), all GET. */
const readPaths = (isPublic: boolean) => routeKeysOf("read").filter((k) => (callerOf(ROUTES[k].action).kind === "public") === isPublic).map((k) => methodAndPath(k).path);
/** Routes that need a dashboard user's access token (the handler then checks role × unit). */
export const PROTECTED_READ_ROUTES = readPaths(false);
/** Routes anyone may call: aggregates only, small counts suppressed, cached at the edge. */
export const PUBLIC_READ_ROUTES = readPaths(true);

export interface ReadApiProps {
  readonly stage: StageConfig;
  readonly store: EventStore;
  readonly identity: Identity;
  /** The lake: the read function reads the unit drill-downs under `drilldown/` and the ratings under `ratings/`. */
  readonly lake: Lake;
  /** @default "functions/src/handlers/read-api.ts" */
  readonly entry?: string;
  /** CloudFront's origin-header value: the public routes answer only requests that carry it (docs/adr/0102). */
  readonly originSecret: secretsmanager.ISecret;
}

/**
 * The dashboard's API: one read Lambda routed on `routeKey`, a Cognito authorizer accepting the
 * dashboard client's tokens on the protected routes, public routes without a token but only through
 * CloudFront (its origin header), CORS for the stage's development origins (the deployed site
 * calls it same-origin through CloudFront).
 */
export class ReadApi extends Construct {
  readonly http: ScorecardHttpApi;
  readonly handler: ScorecardFunction;
  /** The dashboard users' JWT authorizer (Cognito user pool, dashboard client); the admin routes reuse it. */
  readonly authorizer: HttpUserPoolAuthorizer;
  /** The public routes' authorizer: CloudFront's origin header or nothing. */
  readonly originVerifier: ScorecardFunction;

  constructor(scope: Construct, id: string, props: ReadApiProps) {
    super(scope, id);
    const { stage } = props;
    this.http = new ScorecardHttpApi(this, "Http", {
      stage,
      apiName: "scorecard-read",
      description: "Scorecard read API: rankings, scorecards, cases, public aggregates",
      throttle: stage.readThrottle,
      corsOrigins: stage.corsOrigins,
    });
    this.handler = new ScorecardFunction(this, "Handler", {
      stage,
      entry: props.entry ?? "functions/src/handlers/read-api.ts",
      description: "Scorecard read API",
      timeout: Duration.seconds(10),
      memorySize: 1024,
    })
      .bindTable({ store: props.store, access: { actions: TABLE_READ, index: true } })
      // raw-procedures/: the procedure names of the ingested catalog (use-cases/read/procedure-names.ts; public catalog data).
      .bindLake({ lake: props.lake, read: [LAKE_PREFIXES.drilldown, LAKE_PREFIXES.ratings, LAKE_PREFIXES.rawProcedures, LAKE_PREFIXES.snapshots] });

    const integration = new HttpLambdaIntegration("Read", this.handler.fn);
    const authorizer = (this.authorizer = new HttpUserPoolAuthorizer("Dashboard", props.identity.userPool, {
      userPoolClients: [props.identity.dashboardClient],
      authorizerName: "dashboard-users",
    }));
    for (const path of PROTECTED_READ_ROUTES) {
      this.http.api.addRoutes({ path, methods: [apigw.HttpMethod.GET], integration, authorizer });
    }
    // Public routes need no token but must come through CloudFront (its web ACL and its cache): the
    // execute-api URL is refused without the origin header (an HTTP API has no resource policy, and
    // disableExecuteApiEndpoint needs a custom domain for CloudFront to reach it: docs/adr/0102).
    this.originVerifier = new ScorecardFunction(this, "OriginVerify", {
      stage,
      entry: "infra/lib/edge/origin-verify.ts",
      description: "Scorecard read API: public routes answer only requests that came through CloudFront",
      timeout: Duration.seconds(3),
      memorySize: 256,
      environment: { ORIGIN_SECRET: props.originSecret.secretValue.unsafeUnwrap() },
    });
    const throughCloudFront = new HttpLambdaAuthorizer("ThroughCloudFront", this.originVerifier.fn, {
      authorizerName: "through-cloudfront",
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: [`$request.header.${ORIGIN_VERIFY_HEADER}`],
      resultsCacheTtl: Duration.minutes(5),
    });
    for (const path of PUBLIC_READ_ROUTES) {
      this.http.api.addRoutes({ path, methods: [apigw.HttpMethod.GET], integration, authorizer: throughCloudFront });
    }
  }
}
