import { Duration } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import type { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { Construct } from "constructs";
import { LAKE_PREFIXES } from "@scorecard/shared/lake/layout";
import { methodAndPath, routeKeysOf } from "@scorecard/shared/contracts/routes";
import type { StageConfig } from "../stage-config.js";
import type { EventStore } from "./event-store.js";
import type { Lake } from "./lake.js";
import { ScorecardFunction } from "./scorecard-function.js";
import type { ScorecardHttpApi } from "./scorecard-http-api.js";

/**
 * The Home Affairs workspace routes (shared/src/contracts/routes.ts; a test keeps them equal to
 * functions/src/handlers/admin-api.ts `ADMIN_ROUTES`). Every route needs a dashboard user's token;
 * the handler then applies the role × unit policy.
 */
export const ADMIN_ROUTES: readonly { readonly method: apigw.HttpMethod; readonly path: string }[] = routeKeysOf("admin").map((k) => {
  const { method, path } = methodAndPath(k);
  return { method: method as apigw.HttpMethod, path };
});

export interface AdminApiProps {
  readonly stage: StageConfig;
  readonly store: EventStore;
  readonly lake: Lake;
  /** The dashboard users' authorizer (the read API's): same user pool, same client. */
  readonly authorizer: HttpUserPoolAuthorizer;
  /** The dashboard's HTTP API (the read API's), so the site keeps one origin. */
  readonly http: ScorecardHttpApi;
  /** @default "functions/src/handlers/admin-api.ts" */
  readonly entry?: string;
}

/** Findings, manual criteria, survey import, heads, publishing and the audit log. */
export class AdminApi extends Construct {
  readonly handler: ScorecardFunction;

  constructor(scope: Construct, id: string, props: AdminApiProps) {
    super(scope, id);
    this.handler = new ScorecardFunction(this, "Handler", {
      stage: props.stage,
      entry: props.entry ?? "functions/src/handlers/admin-api.ts",
      description: "Scorecard Home Affairs workspace",
      timeout: Duration.seconds(15),
      memorySize: 1024,
    })
      .bindTable({ store: props.store, access: { actions: ["GetItem", "Query", "PutItem", "UpdateItem"], index: true, appendsAudit: true } })
      // Publishing writes the frozen public JSON beside the drafts; a Home Affairs change re-rates the period (ratings/).
      .bindLake({ lake: props.lake, read: [LAKE_PREFIXES.public, LAKE_PREFIXES.ratings, LAKE_PREFIXES.snapshots], write: [LAKE_PREFIXES.public, LAKE_PREFIXES.ratings] });
    const integration = new HttpLambdaIntegration("Admin", this.handler.fn);
    for (const r of ADMIN_ROUTES) props.http.api.addRoutes({ path: r.path, methods: [r.method], integration, authorizer: props.authorizer });
  }
}
