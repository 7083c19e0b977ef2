import type { DemoUser } from "@scorecard/shared/contracts/local";
import { type OidcAuthConfig, type SiteConfig, oidcAuthSchema } from "@scorecard/shared/contracts/site-config";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type JWK, type JWTPayload, type JWTVerifyGetKey, SignJWT, createRemoteJWKSet, decodeJwt, exportJWK, generateKeyPair, importJWK, jwtVerify } from "jose";
import type { Role } from "@scorecard/shared/auth/policy";

export const LOCAL_ISSUER = "scorecard-local";
export const LOCAL_AUDIENCE = "scorecard-dashboard";
/** Short-lived tokens, as the dashboard's Cognito access tokens would be. */
export const TOKEN_TTL_SECONDS = 15 * 60;
const ALG = "ES256";

export type { DemoUser };

/** Demo users of each role (clearly fictional), listed on the local login page. */
export const DEMO_USERS: readonly DemoUser[] = [
  { id: "chairman", name: "Lãnh đạo UBND tỉnh (demo)", role: "chairman" },
  { id: "home-affairs", name: "Chuyên viên Sở Nội vụ (demo)", role: "home-affairs" },
  { id: "officer-bien-hoa", name: "Cán bộ UBND TP. Biên Hòa (demo)", role: "unit-officer", unitId: "DIST-731" },
  { id: "officer-stp", name: "Cán bộ Sở Tư pháp (demo)", role: "unit-officer", unitId: "DEPT-STP-2020" },
  { id: "officer-snnmt", name: "Cán bộ Sở Nông nghiệp và Môi trường (demo)", role: "unit-officer", unitId: "DEPT-SNNMT-202507" },
];

/**
 * An OpenID provider the local runtime trusts besides its own key (a provider standing in for
 * Cognito in tests, or a real user pool): the dashboard is told to sign in there (/config.json),
 * and the API accepts its tokens.
 */
export interface LocalOidcOptions {
  /** What /config.json tells the dashboard; `clientId` is also the tokens' audience. */
  readonly auth: OidcAuthConfig;
  /** The provider's keys; by default found through its discovery document (`<issuer>/.well-known/openid-configuration`). */
  readonly jwksUri?: string | undefined;
}

/**
 * The provider from the environment (`npm start` with SCORECARD_OIDC_ISSUER set), or null:
 * SCORECARD_OIDC_ISSUER, SCORECARD_OIDC_AUDIENCE (the dashboard's app client id),
 * SCORECARD_OIDC_AUTHORIZATION_ENDPOINT, SCORECARD_OIDC_TOKEN_ENDPOINT, SCORECARD_OIDC_LOGOUT_ENDPOINT;
 * optional SCORECARD_OIDC_LOGOUT_STYLE (oidc | cognito; oidc), SCORECARD_OIDC_SCOPES ("openid profile
 * email"), SCORECARD_OIDC_BEARER (id_token | access_token; id_token), SCORECARD_OIDC_JWKS_URI.
 */
export function oidcFromEnv(env: Readonly<Record<string, string | undefined>>): LocalOidcOptions | null {
  const issuer = env["SCORECARD_OIDC_ISSUER"];
  if (!issuer) return null;
  const parsed = oidcAuthSchema.safeParse({
    kind: "oidc",
    issuer,
    clientId: env["SCORECARD_OIDC_AUDIENCE"],
    authorizationEndpoint: env["SCORECARD_OIDC_AUTHORIZATION_ENDPOINT"],
    tokenEndpoint: env["SCORECARD_OIDC_TOKEN_ENDPOINT"],
    logoutEndpoint: env["SCORECARD_OIDC_LOGOUT_ENDPOINT"],
    logoutStyle: env["SCORECARD_OIDC_LOGOUT_STYLE"] ?? "oidc",
    scopes: (env["SCORECARD_OIDC_SCOPES"] ?? "openid profile email").split(/\s+/).filter(Boolean),
    bearer: env["SCORECARD_OIDC_BEARER"] ?? "id_token",
  });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".") || "(config)").join(", ");
    throw new Error(`SCORECARD_OIDC_ISSUER is set but the OpenID settings are incomplete or invalid: ${fields}`);
  }
  return { auth: parsed.data, jwksUri: env["SCORECARD_OIDC_JWKS_URI"] || undefined };
}

/**
 * Verifies an OpenID provider's tokens as API Gateway's JWT authorizer does: a signature by one of
 * the issuer's published keys (RS256), the issuer, an unexpired token, and the audience — `aud`
 * must name the app client, or, for a token without `aud` (Cognito's access tokens), `client_id`.
 */
class OidcVerifier {
  #keys: JWTVerifyGetKey | null = null;
  constructor(readonly options: LocalOidcOptions) {}

  async #jwks(): Promise<JWTVerifyGetKey> {
    if (this.#keys) return this.#keys;
    let uri = this.options.jwksUri;
    if (!uri) {
      const res = await fetch(`${this.options.auth.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) });
      const doc = (await res.json()) as { issuer?: unknown; jwks_uri?: unknown };
      if (!res.ok || doc.issuer !== this.options.auth.issuer || typeof doc.jwks_uri !== "string") throw new Error("the provider's discovery document does not name this issuer's keys");
      uri = doc.jwks_uri;
    }
    this.#keys = createRemoteJWKSet(new URL(uri), { timeoutDuration: 10_000 });
    return this.#keys;
  }

  async verify(token: string): Promise<JWTPayload | undefined> {
    const { issuer, clientId } = this.options.auth;
    try {
      const { payload } = await jwtVerify(token, await this.#jwks(), { algorithms: ["RS256"], issuer, requiredClaims: ["exp", "sub"], clockTolerance: 5 });
      const aud = payload.aud === undefined ? [] : Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      const audienceOk = payload.aud === undefined ? payload["client_id"] === clientId : aud.includes(clientId);
      return audienceOk ? payload : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * The local stand-in for Cognito: an ES256 key created on first start signs short-lived tokens
 * with Cognito's claim names; verification allows only ES256 and checks issuer, audience and
 * expiry — the same checks API Gateway's JWT authorizer makes against the user pool. With an
 * OpenID provider configured (`oidc`), that provider's tokens are accepted too, and the site's
 * settings send the dashboard's sign-in there.
 */
export class LocalIdentity {
  readonly #oidc: OidcVerifier | null;

  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    oidc: LocalOidcOptions | null,
  ) {
    this.#oidc = oidc ? new OidcVerifier(oidc) : null;
  }

  /** What `/config.json` says on this runtime: the API on the same origin, the demo login or the provider's. */
  get siteConfig(): SiteConfig {
    return { apiBaseUrl: "", stage: "local", auth: this.#oidc ? this.#oidc.options.auth : { kind: "local" } };
  }

  static async fromFile(path: string, options: { oidc?: LocalOidcOptions | null } = {}): Promise<LocalIdentity> {
    let jwk: JWK;
    if (existsSync(path)) jwk = JSON.parse(readFileSync(path, "utf8")) as JWK;
    else {
      const { privateKey } = await generateKeyPair(ALG, { extractable: true });
      jwk = await exportJWK(privateKey);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify(jwk), { mode: 0o600 });
    }
    const { d: _d, ...pub } = jwk;
    return new LocalIdentity((await importJWK(jwk, ALG)) as CryptoKey, (await importJWK(pub, ALG)) as CryptoKey, options.oidc ?? null);
  }

  async issue(user: DemoUser, ttlSeconds = TOKEN_TTL_SECONDS): Promise<string> {
    return new SignJWT({
      "cognito:groups": [user.role],
      ...(user.unitId ? { "custom:unitId": user.unitId } : {}),
      name: user.name,
      token_use: "access",
    })
      .setProtectedHeader({ alg: ALG, typ: "JWT" })
      .setSubject(user.id)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.privateKey);
  }

  /** Verified claims, or undefined for any token that fails a check (never throws to the caller). */
  async verify(token: string): Promise<JWTPayload | undefined> {
    if (this.#oidc) {
      let issuer: unknown;
      try {
        issuer = decodeJwt(token).iss;
      } catch {
        return undefined;
      }
      if (issuer === this.#oidc.options.auth.issuer) return this.#oidc.verify(token);
    }
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        algorithms: [ALG],
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        requiredClaims: ["exp", "sub"],
        clockTolerance: 5,
      });
      return payload.token_use === "access" ? payload : undefined;
    } catch {
      return undefined;
    }
  }
}
