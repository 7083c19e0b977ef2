/**
 * Staff sign-in through an OpenID provider (Cognito's hosted UI on AWS): authorization code with
 * PKCE. The tokens live in this object only — never in localStorage or sessionStorage, so a script
 * that reads storage finds none and a closed or reloaded tab has none; only the round trip's
 * verifier, state and nonce wait in sessionStorage while the reader is at the provider.
 *
 * The bearer is renewed with the refresh token a little before it runs out, and again when the API
 * answers 401; a session that cannot be renewed ends, and the app goes back to the sign-in page.
 * The protocol code (oidc-flow.ts, with oauth4webapi) is loaded on first use: the public pages
 * never download it.
 */
import type { Role } from "../api-types.js";
import type { Session, StaffUser } from "./session.js";
import type { OidcAuthConfig } from "./site-config.js";
import type { PendingSignIn, TokenSet } from "./oidc-flow.js";

export const PENDING_KEY = "scorecard.oidc.pending";
/** The path the provider sends the reader back to (the app client's callback URL). */
export const CALLBACK_PATH = "/auth/callback";

type Flow = typeof import("./oidc-flow.js");

export interface OidcSessionDeps {
  readonly config: OidcAuthConfig;
  /** The site's origin (`https://…`): the callback and the return after sign-out are under it. */
  readonly origin: string;
  /** sessionStorage (the round trip's PKCE verifier, state and nonce); null when unavailable. */
  readonly storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null;
  readonly clock?: { now(): number };
  /** The protocol module (tests may pass their own). */
  readonly flow?: () => Promise<Flow>;
}

/** How long before the bearer runs out it is renewed: a quarter of its life, at most a minute. */
export function renewLead(lifetimeMs: number): number {
  return Math.max(0, Math.min(60_000, lifetimeMs / 4));
}

/** The provider's logout address, returning to `returnTo` (Cognito: `logout_uri`; OIDC RP-initiated logout: `post_logout_redirect_uri`). */
export function logoutUrl(config: OidcAuthConfig, returnTo: string, idToken: string | null): string {
  const url = new URL(config.logoutEndpoint);
  url.searchParams.set("client_id", config.clientId);
  if (config.logoutStyle === "cognito") url.searchParams.set("logout_uri", returnTo);
  else {
    url.searchParams.set("post_logout_redirect_uri", returnTo);
    if (idToken) url.searchParams.set("id_token_hint", idToken);
  }
  return url.href;
}

const isPending = (v: unknown): v is PendingSignIn =>
  typeof v === "object" && v !== null && ["state", "nonce", "verifier"].every((k) => typeof (v as Record<string, unknown>)[k] === "string");

export class OidcSession implements Session {
  readonly kind = "oidc" as const;
  /** The signed-in user and when their bearer runs out (reactive); the tokens themselves are in `#tokens`. */
  current = $state.raw<{ user: StaffUser; expiresAt: number } | null>(null);
  expired = $state(false);
  /** A renewal in flight (the page may show it). */
  renewing = $state(false);
  readonly user: StaffUser | null = $derived(this.current?.user ?? null);
  readonly role: Role | "public" = $derived(this.current?.user.role ?? "public");

  readonly config: OidcAuthConfig;
  readonly #origin: string;
  readonly #storage: OidcSessionDeps["storage"];
  readonly #clock: { now(): number };
  readonly #flow: () => Promise<Flow>;
  #tokens: TokenSet | null = null;
  #renewal: Promise<boolean> | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #onExpire: (() => void) | null = null;

  constructor(deps: OidcSessionDeps) {
    this.config = deps.config;
    this.#origin = deps.origin;
    this.#storage = deps.storage;
    this.#clock = deps.clock ?? { now: () => Date.now() };
    this.#flow = deps.flow ?? (() => import("./oidc-flow.js"));
  }

  get redirectUri(): string {
    return `${this.#origin}${CALLBACK_PATH}`;
  }

  get signedIn(): boolean {
    return this.current !== null;
  }

  token(): string | null {
    const t = this.#tokens;
    if (!t) return null;
    if (t.expiresAt <= this.#clock.now()) {
      this.expire();
      return null;
    }
    return t.bearer;
  }

  watch(onExpire: () => void): void {
    this.#onExpire = onExpire;
    this.#arm();
  }

  /** Starts a sign-in: keeps the round trip in sessionStorage and answers the provider's authorization URL to go to. */
  async begin(back: { next?: string | undefined; lang?: string | undefined }): Promise<string> {
    const flow = await this.#flow();
    const { url, pending } = await flow.authorizationRequest(this.config, this.redirectUri, back);
    if (!this.#storage) throw new Error("sessionStorage is unavailable: the sign-in cannot come back to this tab");
    this.#storage.setItem(PENDING_KEY, JSON.stringify(pending));
    return url;
  }

  /**
   * The provider's answer at the callback (`code` and `state`, or `error`): the round trip kept by
   * `begin` is taken (once: a replayed answer finds none), checked, and the code exchanged for tokens.
   * Throws a SignInError; answers where the reader was going.
   */
  async complete(params: URLSearchParams): Promise<{ next?: string | undefined; lang?: string | undefined; user: StaffUser }> {
    const flow = await this.#flow();
    let pending: unknown = null;
    try {
      pending = JSON.parse(this.#storage?.getItem(PENDING_KEY) ?? "null");
    } catch {
      pending = null;
    }
    this.#storage?.removeItem(PENDING_KEY);
    if (!isPending(pending)) throw new flow.SignInError("no_pending", "no sign-in was started in this tab");
    const tokens = await flow.completeAuthorization(this.config, this.redirectUri, params, pending, this.#clock.now());
    this.#start(tokens);
    return { next: pending.next, lang: pending.lang, user: tokens.user };
  }

  renew(): Promise<boolean> {
    this.#renewal ??= this.#refresh()
      .then((ok) => {
        if (!ok) this.#end(true);
        return ok;
      })
      .finally(() => {
        this.#renewal = null;
      });
    return this.#renewal;
  }

  expire(): void {
    if (!this.#tokens) return;
    void this.renew();
  }

  /** Forgets the tokens and answers the provider's logout address, which comes back to the site's root (the public rankings). */
  signOut(): string | null {
    const idToken = this.#tokens?.idToken ?? null;
    this.#end(false);
    this.expired = false;
    return logoutUrl(this.config, `${this.#origin}/`, idToken);
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** The refresh grant; false when there is no refresh token or the provider refuses it (or cannot be reached). */
  async #refresh(): Promise<boolean> {
    const refreshToken = this.#tokens?.refreshToken;
    if (!refreshToken) return false;
    this.renewing = true;
    try {
      const flow = await this.#flow();
      const tokens = await flow.refreshTokens(this.config, refreshToken, this.#clock.now());
      // Signed out meanwhile: the new tokens are dropped.
      if (!this.#tokens) return false;
      this.#start(tokens);
      return true;
    } catch {
      return false;
    } finally {
      this.renewing = false;
    }
  }

  #start(tokens: TokenSet): void {
    this.#tokens = tokens;
    this.current = { user: tokens.user, expiresAt: tokens.expiresAt };
    this.expired = false;
    this.#arm();
  }

  #end(expired: boolean): void {
    const had = this.#tokens !== null;
    this.#tokens = null;
    this.current = null;
    this.dispose();
    if (expired && had) {
      this.expired = true;
      this.#onExpire?.();
    }
  }

  /** Renewal a little before the bearer runs out; if that fails, the end of the session when it does. */
  #arm(): void {
    this.dispose();
    const t = this.#tokens;
    if (!t) return;
    const now = this.#clock.now();
    const left = t.expiresAt - now;
    const clamp = (ms: number) => Math.max(0, Math.min(ms, 2_147_000_000));
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#refresh().then((ok) => {
        if (ok || this.#tokens !== t) return;
        // Not renewed (the provider unreachable a moment?): the bearer serves until it runs out, then the session ends.
        this.#timer = setTimeout(() => {
          if (this.#tokens === t) this.#end(true);
        }, clamp(t.expiresAt - this.#clock.now()));
      });
    }, clamp(left - renewLead(left)));
  }
}
