/**
 * A local OpenID provider standing in for Cognito in the browser tests: `oidc-provider` (a
 * certified OpenID Provider implementation) with one public app client like the dashboard's on
 * AWS — authorization code, PKCE required (S256), refresh tokens without `offline_access` (as
 * Cognito issues them), no consent screen (a first-party client: the grant is made on sign-in, as
 * the hosted UI does) — and accounts whose ID tokens carry Cognito's `cognito:groups` and
 * `custom:unitId` claims. Its sign-in form is the package's development form (any password).
 * Only for tests on this machine: http on 127.0.0.1.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer } from "node:http";
import { exportJWK, generateKeyPair } from "jose";
import Provider, { type Configuration } from "oidc-provider";
import type { OidcAuthConfig } from "../../shared/src/contracts/site-config.js";

export interface TestAccount {
  readonly name: string;
  readonly groups: readonly string[];
  readonly unitId?: string;
}

export interface TestProvider {
  readonly issuer: string;
  /** The settings the dashboard and the local API are given (RuntimeOptions.oidc.auth). */
  readonly auth: OidcAuthConfig;
  /** Grants the provider made and tokens it issued, by kind (e.g. "RefreshToken"): counted as they are saved. */
  readonly saved: Readonly<Record<string, number>>;
  close(): Promise<void>;
}

export const CLIENT_ID = "scorecard-dashboard";

/**
 * Starts the provider on a free port of 127.0.0.1. `siteOrigin` is the dashboard's (its callback
 * and return after sign-out are registered like Cognito's callback and logout URLs).
 */
export async function startTestProvider(options: {
  readonly siteOrigin: string;
  readonly accounts: Readonly<Record<string, TestAccount>>;
  /** Lifetime of ID and access tokens, seconds (short: the test sees them renewed). */
  readonly tokenTtl: number;
  /** A free port, or 0 (an unused one is chosen first, since the issuer names the port). */
  readonly port?: number;
}): Promise<TestProvider> {
  const port = options.port || (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" };
  const saved: Record<string, number> = {};
  const counting = (name: string) => {
    const store = new Map<string, unknown>();
    return {
      async upsert(id: string, payload: unknown) {
        saved[name] = (saved[name] ?? 0) + 1;
        store.set(id, payload);
      },
      async find(id: string) {
        return store.get(id);
      },
      async findByUserCode() {
        return undefined;
      },
      async findByUid(uid: string) {
        return [...store.values()].find((p) => (p as { uid?: string }).uid === uid);
      },
      async consume(id: string) {
        const p = store.get(id) as Record<string, unknown> | undefined;
        if (p) p["consumed"] = Math.floor(Date.now() / 1000);
      },
      async destroy(id: string) {
        store.delete(id);
      },
      async revokeByGrantId(grantId: string) {
        for (const [k, v] of store) if ((v as { grantId?: string }).grantId === grantId) store.delete(k);
      },
    };
  };
  const scopes = ["openid", "profile", "email"];
  const configuration: Configuration = {
    adapter: counting as unknown as Configuration["adapter"],
    clients: [
      {
        client_id: CLIENT_ID,
        application_type: "web",
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: [`${options.siteOrigin}/auth/callback`],
        post_logout_redirect_uris: [`${options.siteOrigin}/`],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["scorecard-test-cookie-key"] },
    pkce: { required: () => true },
    scopes,
    claims: { openid: ["sub"], profile: ["name", "cognito:groups", "custom:unitId"], email: ["email"] },
    // The ID token carries the user's claims, as Cognito's does (the API reads the role and unit from it).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    ttl: { AccessToken: options.tokenTtl, IdToken: options.tokenTtl, AuthorizationCode: 60, RefreshToken: 3600, Session: 3600, Interaction: 600, Grant: 3600 },
    // Cognito issues a refresh token to the app client without `offline_access`.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    // No consent screen for the first-party client (the hosted UI has none).
    loadExistingGrant: async (ctx) => {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (!session?.accountId || !client) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(scopes.join(" "));
      await grant.save();
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
    findAccount: async (_ctx, sub) => {
      const account = options.accounts[sub];
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          name: account.name,
          email: `${sub}@example.test`,
          "cognito:groups": [...account.groups],
          ...(account.unitId ? { "custom:unitId": account.unitId } : {}),
        }),
      };
    },
  };
  const provider = new Provider(issuer, configuration);
  const server: Server = createServer(provider.callback());
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok());
  });
  const metadata = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, string>;
  return {
    issuer,
    saved,
    auth: {
      kind: "oidc",
      issuer,
      clientId: CLIENT_ID,
      authorizationEndpoint: metadata["authorization_endpoint"] as string,
      tokenEndpoint: metadata["token_endpoint"] as string,
      logoutEndpoint: metadata["end_session_endpoint"] as string,
      logoutStyle: "oidc",
      scopes,
      bearer: "id_token",
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, "127.0.0.1", () => ok()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((ok) => probe.close(() => ok()));
  return port;
}
