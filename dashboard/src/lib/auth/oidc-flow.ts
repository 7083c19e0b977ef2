/**
 * The OpenID provider's protocol, on oauth4webapi (spec-exact, no dependencies): the authorization
 * request with PKCE (S256), `state` and `nonce`; the callback's checks and the code exchange; the
 * refresh. Loaded only when a member of staff signs in or a session is renewed, never by the
 * public pages (oidc-session.svelte.ts imports it lazily).
 *
 * The ID token comes from the token endpoint over TLS, so its signature is not checked here (OIDC
 * Core §3.1.3.7); its issuer, audience, expiry and nonce are. The API checks signatures.
 */
import * as oauth from "oauth4webapi";
import { type Principal, principalFromClaims } from "@scorecard/shared/auth/policy";
import type { OidcAuthConfig } from "./site-config.js";
import type { StaffUser } from "./session.js";

/** What the sign-in round trip keeps in sessionStorage while the reader is at the provider. */
export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  /** The view to come back to (a hash route), if any. */
  readonly next?: string | undefined;
  readonly lang?: string | undefined;
}

/** Tokens as the session keeps them (in memory only). */
export interface TokenSet {
  /** The token the API takes (`bearer` of the config). */
  readonly bearer: string;
  readonly idToken: string;
  readonly refreshToken: string | null;
  /** When the bearer runs out (ms since the epoch). */
  readonly expiresAt: number;
  readonly user: StaffUser;
}

export type SignInErrorCode = "access_denied" | "state_mismatch" | "no_pending" | "no_role" | "provider" | "network";

/** Why a sign-in or a renewal did not complete; `code` picks the message the callback page shows. */
export class SignInError extends Error {
  override readonly name = "SignInError";
  constructor(
    readonly code: SignInErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const STAFF = new Set<Principal["role"]>(["chairman", "home-affairs", "unit-officer"]);

/** The dashboard's user from the ID token's claims (the API's own reading: shared/auth/policy.ts); null for no staff role. */
export function userOfClaims(claims: Readonly<Record<string, unknown>>): StaffUser | null {
  const p = principalFromClaims(claims);
  if (!STAFF.has(p.role)) return null;
  const name = p.name ?? (typeof claims["email"] === "string" ? claims["email"] : p.sub);
  return { id: p.sub, name, role: p.role as StaffUser["role"], ...(p.unitId ? { unitId: p.unitId } : {}) };
}

function server(config: OidcAuthConfig): oauth.AuthorizationServer {
  return { issuer: config.issuer, authorization_endpoint: config.authorizationEndpoint, token_endpoint: config.tokenEndpoint };
}

/** Plain http only to this machine (a provider standing in for Cognito in tests); https everywhere else. */
function requestOptions(config: OidcAuthConfig): oauth.TokenEndpointRequestOptions {
  const { protocol, hostname } = new URL(config.tokenEndpoint);
  const loopback = hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
  return protocol === "http:" && loopback ? { [oauth.allowInsecureRequests]: true } : {};
}

/** The authorization request: where to send the reader, and what to keep for their return. */
export async function authorizationRequest(
  config: OidcAuthConfig,
  redirectUri: string,
  back: { next?: string | undefined; lang?: string | undefined },
): Promise<{ url: string; pending: PendingSignIn }> {
  const verifier = oauth.generateRandomCodeVerifier();
  const pending: PendingSignIn = { state: oauth.generateRandomState(), nonce: oauth.generateRandomNonce(), verifier, ...back };
  const url = new URL(config.authorizationEndpoint);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", config.clientId);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("scope", config.scopes.join(" "));
  url.searchParams.set("state", pending.state);
  url.searchParams.set("nonce", pending.nonce);
  url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set("code_challenge_method", "S256");
  if (back.lang) url.searchParams.set("ui_locales", back.lang === "en" ? "en" : "vi");
  return { url: url.href, pending };
}

function tokenSet(config: OidcAuthConfig, result: oauth.TokenEndpointResponse, previousRefresh: string | null, now: number): TokenSet {
  const claims = oauth.getValidatedIdTokenClaims(result);
  if (!claims || !result.id_token) throw new SignInError("provider", "the token endpoint answered no ID token");
  const user = userOfClaims(claims);
  if (!user) throw new SignInError("no_role", "the account belongs to no dashboard group");
  const bearer = config.bearer === "id_token" ? result.id_token : result.access_token;
  // The bearer's lifetime counted from its receipt on this machine's clock (a clock set wrong would
  // otherwise see a fresh token as expired): the ID token's exp − iat, the access token's expires_in.
  const lifetime = config.bearer === "id_token" ? claims.exp - claims.iat : typeof result.expires_in === "number" ? result.expires_in : 3600;
  const expiresAt = now + Math.max(0, lifetime) * 1000;
  return { bearer, idToken: result.id_token, refreshToken: result.refresh_token ?? previousRefresh, expiresAt, user };
}

function translate(e: unknown): SignInError {
  if (e instanceof SignInError) return e;
  if (e instanceof oauth.AuthorizationResponseError) return new SignInError(e.error === "access_denied" ? "access_denied" : "provider", e.error_description ?? e.error, { cause: e });
  if (e instanceof oauth.ResponseBodyError) return new SignInError("provider", e.error_description ?? e.error, { cause: e });
  if (e instanceof TypeError) return new SignInError("network", e.message, { cause: e });
  return new SignInError("provider", e instanceof Error ? e.message : String(e), { cause: e });
}

/** The provider's answer at the callback: checked against the kept round trip, then the code exchanged. */
export async function completeAuthorization(
  config: OidcAuthConfig,
  redirectUri: string,
  params: URLSearchParams,
  pending: PendingSignIn,
  now: number,
): Promise<TokenSet> {
  const client: oauth.Client = { client_id: config.clientId };
  // Checked first and on its own: a mismatched state is a forged or crossed response, whatever else it says.
  if (params.get("state") !== pending.state) throw new SignInError("state_mismatch", "the response's state is not this tab's sign-in");
  try {
    const as = server(config);
    const checked = oauth.validateAuthResponse(as, client, params, pending.state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), checked, redirectUri, pending.verifier, requestOptions(config));
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
    return tokenSet(config, result, null, now);
  } catch (e) {
    throw translate(e);
  }
}

/** New tokens for the refresh token (Cognito keeps the refresh token; a rotating provider sends a new one). */
export async function refreshTokens(config: OidcAuthConfig, refreshToken: string, now: number): Promise<TokenSet> {
  const client: oauth.Client = { client_id: config.clientId };
  try {
    const as = server(config);
    const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, requestOptions(config));
    const result = await oauth.processRefreshTokenResponse(as, client, response);
    return tokenSet(config, result, refreshToken, now);
  } catch (e) {
    throw translate(e);
  }
}
