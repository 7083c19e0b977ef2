import { Duration, Lazy, Stack, Validations } from "aws-cdk-lib";
import * as cognito from "aws-cdk-lib/aws-cognito";
import { Construct } from "constructs";
import type { StageConfig } from "../stage-config.js";

/** Cognito groups, one per dashboard role (the handlers read `cognito:groups`). */
export const ROLE_GROUPS = ["chairman", "home-affairs", "unit-officer"] as const;

/** OAuth resource server and the scope a source system needs to post to the ingest API. */
export const API_RESOURCE_SERVER = "scorecard";
export const INGEST_SCOPE_NAME = "events.write";
export const INGEST_SCOPE = `${API_RESOURCE_SERVER}/${INGEST_SCOPE_NAME}`;

export interface IdentityProps {
  readonly stage: StageConfig;
}

/**
 * Who may call the APIs. A user pool for people (no self sign-up; a group per role; the unit an
 * officer belongs to in `custom:unitId`, which users cannot write; TOTP MFA required for every
 * account, because Cognito cannot require it only for some groups), a dashboard app client
 * (authorization code + PKCE, no secret) and one client-credentials app client per source
 * system, limited to the `scorecard/events.write` scope.
 */
export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly dashboardClient: cognito.UserPoolClient;
  readonly sourceClients: cognito.UserPoolClient[];
  readonly domain: cognito.UserPoolDomain;
  private readonly origins: string[] = [];

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    const { stage } = props;
    this.userPool = new cognito.UserPool(this, "Users", {
      userPoolName: `scorecard-${stage.stage}`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      customAttributes: { unitId: new cognito.StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }) },
      featurePlan: stage.threatProtection ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS,
      ...(stage.threatProtection ? { standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.dataRemovalPolicy,
    });
    if (!stage.threatProtection) {
      Validations.of(this.userPool).acknowledge({
        id: "AwsSolutions::AwsSolutions-COG8",
        reason: "Threat protection needs the Plus plan (billed per monthly active user): on in prod, off in dev where only test accounts exist.",
      });
    }

    for (const group of ROLE_GROUPS) {
      new cognito.CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: this.userPool.userPoolId, groupName: group, description: `Scorecard role ${group}` });
    }

    this.domain = this.userPool.addDomain("Domain", { cognitoDomain: { domainPrefix: stage.authDomainPrefix } });
    const ingestScope = new cognito.ResourceServerScope({ scopeName: INGEST_SCOPE_NAME, scopeDescription: "Post case events, complaints and catalog" });
    const resourceServer = this.userPool.addResourceServer("Api", { identifier: API_RESOURCE_SERVER, scopes: [ingestScope] });

    const urls = (suffix: string, extra: readonly string[]) =>
      Lazy.list({ produce: () => [...this.origins.map((o) => `${o}${suffix}`), ...extra] }, { omitEmpty: false });
    this.dashboardClient = this.userPool.addClient("Dashboard", {
      userPoolClientName: "dashboard",
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }).withCustomAttributes("unitId"),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: urls("/auth/callback", stage.extraCallbackUrls),
        logoutUrls: urls("/", stage.extraCallbackUrls.map((u) => u.replace(/\/auth\/callback$/, "/"))),
      },
    });

    this.sourceClients = stage.sourceSystems.map((name) =>
      this.userPool.addClient(`Source-${name}`, {
        userPoolClientName: `source-${name}`,
        generateSecret: true,
        authFlows: {},
        enableTokenRevocation: true,
        accessTokenValidity: Duration.hours(1),
        supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
        oAuth: {
          flows: { clientCredentials: true },
          scopes: [cognito.OAuthScope.resourceServer(resourceServer, ingestScope)],
        },
      }),
    );
  }

  /** The scopes the dashboard asks for (its app client allows exactly these). */
  static readonly DASHBOARD_SCOPES = ["openid", "email", "profile"] as const;

  /**
   * The dashboard's sign-in settings for `/config.json` (shared/src/contracts/site-config.ts, kind
   * `oidc`): the user pool as issuer, the hosted UI's endpoints, the public dashboard client, and
   * the ID token as the bearer — it carries `cognito:groups` and `custom:unitId`, which the handlers
   * read, and its `aud` is the dashboard client id, which the JWT authorizers accept (their audience).
   */
  dashboardSignIn(): Record<string, unknown> {
    const hostedUi = this.domain.baseUrl();
    return {
      kind: "oidc",
      // Built as the JWT authorizers build theirs (HttpUserPoolAuthorizer), so the two are the same string.
      issuer: `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`,
      clientId: this.dashboardClient.userPoolClientId,
      authorizationEndpoint: `${hostedUi}/oauth2/authorize`,
      tokenEndpoint: `${hostedUi}/oauth2/token`,
      logoutEndpoint: `${hostedUi}/logout`,
      logoutStyle: "cognito",
      scopes: [...Identity.DASHBOARD_SCOPES],
      bearer: "id_token",
    };
  }

  /** Allows a site origin (`https://...`) as an OAuth callback / logout target of the dashboard client. */
  allowSiteOrigin(origin: string): void {
    this.origins.push(origin);
  }
}
