import { Duration } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import type { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { Construct } from "constructs";
import { LAKE_PREFIXES } from "@scorecard/shared/lake/layout";
import type { StageConfig } from "../stage-config.js";
import type { EventStore } from "./event-store.js";
import type { Lake } from "./lake.js";
import { ScorecardFunction } from "./scorecard-function.js";
import type { ScorecardHttpApi } from "./scorecard-http-api.js";

/**
 * The Home Affairs workspace routes (functions/src/handlers/admin-api.ts `ADMIN_ROUTES`; a test
 * keeps the two lists equal). Every route needs a dashboard user's token; the handler then
 * applies the role × unit policy.
 */
export const ADMIN_ROUTES: readonly { readonly method: apigw.HttpMethod; readonly path: string }[] = [
  ["GET", "/v1/admin/findings"],
  ["POST", "/v1/admin/findings"],
  ["GET", "/v1/admin/findings/{findingId}"],
  ["PUT", "/v1/admin/findings/{findingId}"],
  ["POST", "/v1/admin/findings/{findingId}/conclude"],
  ["GET", "/v1/admin/criteria/{unitId}/{period}"],
  ["GET", "/v1/admin/criteria/{unitId}/{period}/{criterion}"],
  ["PUT", "/v1/admin/criteria/{unitId}/{period}/{criterion}"],
  ["POST", "/v1/admin/survey"],
  ["GET", "/v1/admin/survey"],
  ["GET", "/v1/admin/heads"],
  ["GET", "/v1/admin/units/{unitId}/heads"],
  ["POST", "/v1/admin/units/{unitId}/heads"],
  ["PUT", "/v1/admin/units/{unitId}/heads/{headId}"],
  ["GET", "/v1/admin/units/{unitId}/heads/{headId}/general/{period}"],
  ["PUT", "/v1/admin/units/{unitId}/heads/{headId}/general/{period}"],
  ["POST", "/v1/admin/ratings"],
  ["POST", "/v1/admin/publish"],
  ["GET", "/v1/admin/publications"],
  ["GET", "/v1/admin/publications/{period}/{version}"],
  ["GET", "/v1/admin/audit"],
  ["GET", "/v1/admin/audit.csv"],
].map(([method, path]) => ({ method: method as apigw.HttpMethod, path: path as string }));

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
      .bindTable({ store: props.store, access: "read-write" })
      // Publishing writes the frozen public JSON beside the drafts; a Home Affairs change re-rates the period (ratings/).
      .bindLake({ lake: props.lake, read: [LAKE_PREFIXES.public, LAKE_PREFIXES.ratings], write: [LAKE_PREFIXES.public, LAKE_PREFIXES.ratings] });
    const integration = new HttpLambdaIntegration("Admin", this.handler.fn);
    for (const r of ADMIN_ROUTES) props.http.api.addRoutes({ path: r.path, methods: [r.method], integration, authorizer: props.authorizer });
  }
}
