import { Annotations, Duration } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { Construct } from "constructs";
import { LAKE_PREFIXES } from "@scorecard/shared/lake/layout";
import { methodAndPath, routeKeysOf } from "@scorecard/shared/contracts/routes";
import type { StageConfig } from "../stage-config.js";
import type { EventStore } from "./event-store.js";
import { INGEST_SCOPE, type Identity } from "./identity.js";
import type { Lake } from "./lake.js";
import { ScorecardFunction } from "./scorecard-function.js";
import { ScorecardHttpApi } from "./scorecard-http-api.js";
import type { Secrets } from "./secrets.js";

/** Routes served by the ingest handler, routed on `routeKey` (shared/src/contracts/routes.ts). */
export const INGEST_ROUTES = routeKeysOf("ingest").map((k) => {
  const { method, path } = methodAndPath(k);
  return { path, method: method as apigw.HttpMethod };
});

export interface IngestApiProps {
  readonly stage: StageConfig;
  readonly store: EventStore;
  readonly lake: Lake;
  readonly secrets: Secrets;
  readonly identity: Identity;
  /** @default "functions/src/handlers/ingest-events.ts" */
  readonly entry?: string;
}

/**
 * The machine-to-machine API source systems post to: its own HTTP API (so a flood of ingestion
 * cannot throttle the dashboard), a Cognito authorizer accepting only the source-system clients'
 * access tokens with the `scorecard/events.write` scope, and the ingest Lambda writing the
 * event store and `raw/` in the lake. No CORS: no browser calls it.
 */
export class IngestApi extends Construct {
  readonly http: ScorecardHttpApi;
  readonly handler: ScorecardFunction;

  constructor(scope: Construct, id: string, props: IngestApiProps) {
    super(scope, id);
    const { stage } = props;
    this.http = new ScorecardHttpApi(this, "Http", {
      stage,
      apiName: "scorecard-ingest",
      description: "Scorecard ingestion: case events from source systems",
      throttle: stage.ingestThrottle,
    });
    this.handler = new ScorecardFunction(this, "Handler", {
      stage,
      entry: props.entry ?? "functions/src/handlers/ingest-events.ts",
      description: "Scorecard ingest: validate, pseudonymise and store case events",
      timeout: Duration.seconds(28),
      memorySize: 1024,
    })
      // Guards, case copies and state, index items, idempotency keys (infra/lib/iam-table.ts).
      .bindTable({ store: props.store, access: { actions: ["GetItem", "Query", "PutItem", "UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem"], index: false } })
      .bindLake({ lake: props.lake, write: [LAKE_PREFIXES.raw, LAKE_PREFIXES.rawComplaints, LAKE_PREFIXES.rawProcedures] });
    props.secrets.grantPseudonymKey(this.handler);
    this.handler.addEnvironment("SOURCE_SCOPES", sourceScopesEnvironment(stage, props.identity));
    if (Object.keys(stage.sourceScopes).length === 0) {
      Annotations.of(this).addWarningV2(
        "@scorecard/infra:source-scopes",
        `No source scopes for ${stage.stage}: the ingest API refuses every source (403 SOURCE_NOT_CONFIGURED). Deploy with -c sourceScopes='{"one-stop":{"kinds":["events","procedures"],"units":["*"],"maxAgeDays":45}}' or -c sourceScopesFile=scopes.json (infra/README.md).`,
      );
    }

    const authorizer = new HttpUserPoolAuthorizer("SourceSystems", props.identity.userPool, {
      userPoolClients: props.identity.sourceClients,
      authorizerName: "source-systems",
    });
    const integration = new HttpLambdaIntegration("Ingest", this.handler.fn);
    for (const route of INGEST_ROUTES) {
      this.http.api.addRoutes({ path: route.path, methods: [route.method], integration, authorizer, authorizationScopes: [INGEST_SCOPE] });
    }
  }
}

/**
 * The ingest function's `SOURCE_SCOPES` (JSON, keyed by the token's `sub`: the app client id): a
 * key naming one of the stage's source systems is replaced by its app client's id (a deploy-time
 * reference); any other key is taken as an app client id as it is.
 */
export function sourceScopesEnvironment(stage: StageConfig, identity: Pick<Identity, "sourceClients">): string {
  const parts = Object.entries(stage.sourceScopes).map(([source, scope]) => {
    const i = stage.sourceSystems.indexOf(source);
    // A client id is [\w+]+ (Cognito): quoted as it is; the token becomes an Fn::Join at synth.
    const key = i >= 0 ? `"${identity.sourceClients[i]!.userPoolClientId}"` : JSON.stringify(source);
    return `${key}:${JSON.stringify(scope)}`;
  });
  return `{${parts.join(",")}}`;
}
