import { Duration, Validations } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { Construct } from "constructs";
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
}

/**
 * The dashboard's API: one read Lambda routed on `routeKey`, a Cognito authorizer accepting the
 * dashboard client's tokens on the protected routes, public routes without a token, CORS for the
 * stage's development origins (the deployed site calls it same-origin through CloudFront).
 */
export class ReadApi extends Construct {
  readonly http: ScorecardHttpApi;
  readonly handler: ScorecardFunction;
  /** The dashboard users' JWT authorizer (Cognito user pool, dashboard client); the admin routes reuse it. */
  readonly authorizer: HttpUserPoolAuthorizer;

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
      .bindLake({ lake: props.lake, read: [LAKE_PREFIXES.drilldown, LAKE_PREFIXES.ratings, LAKE_PREFIXES.rawProcedures] });

    const integration = new HttpLambdaIntegration("Read", this.handler.fn);
    const authorizer = (this.authorizer = new HttpUserPoolAuthorizer("Dashboard", props.identity.userPool, {
      userPoolClients: [props.identity.dashboardClient],
      authorizerName: "dashboard-users",
    }));
    for (const path of PROTECTED_READ_ROUTES) {
      this.http.api.addRoutes({ path, methods: [apigw.HttpMethod.GET], integration, authorizer });
    }
    for (const path of PUBLIC_READ_ROUTES) {
      for (const route of this.http.api.addRoutes({ path, methods: [apigw.HttpMethod.GET], integration })) {
        Validations.of(route).acknowledge({
          id: "AwsSolutions::AwsSolutions-APIG4",
          reason: `${path} is public by design (ARCHITECTURE §1): read-only aggregates with small-count suppression, no personal data.`,
        });
      }
    }
  }
}
