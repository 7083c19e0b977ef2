import { Lazy, RemovalPolicy } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { routeThrottle } from "../route-throttles.js";
import type { StageConfig } from "../stage-config.js";

export interface ScorecardHttpApiProps {
  readonly stage: StageConfig;
  readonly apiName: string;
  readonly description: string;
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /** Browser origins allowed by CORS. @default none: no CORS configuration (machine clients or same-origin only) */
  readonly corsOrigins?: readonly string[];
}

/** One JSON line per request (structured, so Logs Insights can query it). */
export const ACCESS_LOG_FIELDS: Readonly<Record<string, string>> = {
  requestId: "$context.requestId",
  ip: "$context.identity.sourceIp",
  requestTime: "$context.requestTime",
  routeKey: "$context.routeKey",
  status: "$context.status",
  protocol: "$context.protocol",
  responseLength: "$context.responseLength",
  latencyMs: "$context.responseLatency",
  integrationLatencyMs: "$context.integrationLatency",
  integrationError: "$context.integrationErrorMessage",
  authorizerError: "$context.authorizer.error",
  clientId: "$context.authorizer.claims.client_id",
};

/**
 * An HTTP API with the house defaults: a `$default` stage with auto-deploy, stage-wide
 * throttling and a share of it per route (infra/lib/route-throttles.ts; API Gateway answers 429
 * above either), JSON access logs with the stage's retention, and CORS only for the origins given.
 */
export class ScorecardHttpApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly defaultStage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ScorecardHttpApiProps) {
    super(scope, id);
    const { stage } = props;
    const cors = props.corsOrigins?.length
      ? {
          corsPreflight: {
            allowOrigins: [...props.corsOrigins],
            allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST, apigw.CorsHttpMethod.OPTIONS],
            allowHeaders: ["authorization", "content-type", "idempotency-key"],
            allowCredentials: false,
          },
        }
      : {};
    this.api = new apigw.HttpApi(this, "Api", {
      apiName: `${props.apiName}-${stage.stage}`,
      description: props.description,
      createDefaultStage: false,
      ...cors,
    });
    this.accessLogs = new logs.LogGroup(this, "AccessLogs", {
      retention: stage.logRetention,
      removalPolicy: stage.stage === "prod" ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    // The stage sits beside the API (not inside it) so that it can depend on every route: its
    // per-route settings name routes, which must exist when the stage is created.
    this.defaultStage = new apigw.HttpStage(this, "Stage", {
      httpApi: this.api,
      stageName: "$default",
      autoDeploy: true,
      throttle: { rateLimit: props.throttle.rateLimit, burstLimit: props.throttle.burstLimit },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    this.defaultStage.node.addDependency(this.api);
    const cfnStage = this.defaultStage.node.defaultChild as apigw.CfnStage;
    cfnStage.routeSettings = Lazy.any({
      produce: () => {
        const keys = this.api.node
          .findAll()
          .filter((c): c is apigw.CfnRoute => c instanceof apigw.CfnRoute)
          .map((r) => r.routeKey)
          .sort();
        if (keys.length === 0) return undefined;
        return Object.fromEntries(
          keys.map((k) => {
            const t = routeThrottle(k, props.throttle);
            return [k, { ThrottlingRateLimit: t.rateLimit, ThrottlingBurstLimit: t.burstLimit }];
          }),
        );
      },
    });
  }

  /** `https://<id>.execute-api.<region>.amazonaws.com` (no trailing slash). */
  get url(): string {
    return this.api.apiEndpoint;
  }
}
