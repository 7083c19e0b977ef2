/**
 * The dashboard's run-time settings, `/config.json` beside `index.html`: one build serves every
 * stage. On AWS the CDK app writes it with the stage's user pool, app client, hosted-UI domain and
 * API URL (infra DashboardSite, BucketDeployment); the local runtime serves its own (demo sign-in).
 * Tests stand a local OpenID provider in for Cognito through the same `oidc` shape.
 */
import { z } from "zod";

const url = z.url({ protocol: /^https?$/ });

/** Sign-in through an OpenID provider: authorization code with PKCE (S256), tokens kept in memory. */
export const oidcAuthSchema = z.strictObject({
  kind: z.literal("oidc"),
  /** The token issuer (Cognito: https://cognito-idp.<region>.amazonaws.com/<userPoolId>). */
  issuer: url,
  /** The dashboard's public app client (no secret). */
  clientId: z.string().min(1),
  /** Cognito hosted UI: https://<domain>/oauth2/authorize. */
  authorizationEndpoint: url,
  /** Cognito hosted UI: https://<domain>/oauth2/token (code exchange and refresh). */
  tokenEndpoint: url,
  /** Where sign-out ends the provider's session (Cognito: https://<domain>/logout). */
  logoutEndpoint: url,
  /** How the logout endpoint names the return address: Cognito's `logout_uri`, or OIDC RP-initiated logout's `post_logout_redirect_uri`. */
  logoutStyle: z.enum(["cognito", "oidc"]),
  /** Requested scopes (openid, profile, email and the API's resource-server scopes). */
  scopes: z.array(z.string().min(1)).min(1),
  /** Which token the API's JWT authorizers accept as the bearer: the ID token carries `custom:unitId`. */
  bearer: z.enum(["id_token", "access_token"]),
});

export const siteConfigSchema = z.strictObject({
  /** The read and admin API's base URL; empty: the site's own origin (CloudFront routes /v1/*). */
  apiBaseUrl: z.union([z.literal(""), url]),
  /** The stage's name, shown to staff (e.g. "prod", "staging", "local"). */
  stage: z.string().min(1),
  auth: z.discriminatedUnion("kind", [z.strictObject({ kind: z.literal("local") }), oidcAuthSchema]),
});
export type SiteConfig = z.output<typeof siteConfigSchema>;
export type OidcAuthConfig = z.output<typeof oidcAuthSchema>;
