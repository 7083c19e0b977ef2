import type { DemoUser } from "@scorecard/shared/contracts/local";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type JWK, type JWTPayload, SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify } from "jose";
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
 * The local stand-in for Cognito: an ES256 key created on first start signs short-lived tokens
 * with Cognito's claim names; verification allows only ES256 and checks issuer, audience and
 * expiry — the same checks API Gateway's JWT authorizer makes against the user pool.
 */
export class LocalIdentity {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
  ) {}

  static async fromFile(path: string): Promise<LocalIdentity> {
    let jwk: JWK;
    if (existsSync(path)) jwk = JSON.parse(readFileSync(path, "utf8")) as JWK;
    else {
      const { privateKey } = await generateKeyPair(ALG, { extractable: true });
      jwk = await exportJWK(privateKey);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify(jwk), { mode: 0o600 });
    }
    const { d: _d, ...pub } = jwk;
    return new LocalIdentity((await importJWK(jwk, ALG)) as CryptoKey, (await importJWK(pub, ALG)) as CryptoKey);
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
