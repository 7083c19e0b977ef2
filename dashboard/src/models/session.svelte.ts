/**
 * The local demo's session (`auth.kind: "local"` in /config.json; the OpenID one is
 * lib/auth/oidc-session.svelte.ts, behind the same `Session` interface): token, user and expiry
 * from the local runtime's /v1/local/login, kept in sessionStorage (one tab, gone when the tab
 * closes). Expiry is checked on read and by a timer; an expired session is dropped and the app
 * goes back to the login page. Demo tokens cannot be renewed: a 401 ends the session.
 */
import type { DemoUser, LoginResult, Role } from "../lib/api-types.js";
import type { Session } from "../lib/auth/session.js";

export const SESSION_KEY = "scorecard.session";

export interface Clock {
  now(): number;
}

export interface SessionDeps {
  /** sessionStorage in the browser; null when storage is unavailable (private mode quirks). */
  readonly storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null;
  readonly clock: Clock | undefined;
}

const isStored = (v: unknown): v is LoginResult =>
  typeof v === "object" && v !== null && typeof (v as LoginResult).token === "string" && typeof (v as LoginResult).expiresAt === "string" &&
  typeof (v as LoginResult).user?.role === "string";

export class SessionModel implements Session {
  readonly kind = "local" as const;
  current = $state.raw<LoginResult | null>(null);
  /** Set when the last session ended by expiry (the login page says so). */
  expired = $state(false);

  readonly user: DemoUser | null = $derived(this.current?.user ?? null);
  readonly role: Role | "public" = $derived(this.current?.user.role ?? "public");

  readonly #storage: SessionDeps["storage"];
  readonly #clock: Clock;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #onExpire: (() => void) | null = null;

  constructor(deps: Partial<SessionDeps> = {}) {
    this.#storage = deps.storage ?? null;
    this.#clock = deps.clock ?? { now: () => Date.now() };
    try {
      const raw = this.#storage?.getItem(SESSION_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      if (isStored(parsed) && !this.#isPast(parsed.expiresAt)) this.current = parsed;
      else if (raw) this.#storage?.removeItem(SESSION_KEY);
    } catch {
      this.#storage?.removeItem(SESSION_KEY);
    }
  }

  /** The bearer token, or null when signed out or past expiry (then the session is ended). */
  token(): string | null {
    const c = this.current;
    if (!c) return null;
    if (this.#isPast(c.expiresAt)) {
      this.expire();
      return null;
    }
    return c.token;
  }

  get signedIn(): boolean {
    return this.token() !== null;
  }

  /** Starts watching the expiry; `onExpire` runs once when the session runs out. */
  watch(onExpire: () => void): void {
    this.#onExpire = onExpire;
    this.#arm();
  }

  start(result: LoginResult): void {
    this.current = result;
    this.expired = false;
    try {
      this.#storage?.setItem(SESSION_KEY, JSON.stringify(result));
    } catch {
      // storage full or denied: the session lives in memory only
    }
    this.#arm();
  }

  logout(): void {
    this.#end();
    this.expired = false;
  }

  /** Signing out of the demo ends nothing elsewhere: no address to leave for. */
  signOut(): string | null {
    this.logout();
    return null;
  }

  /** A demo token cannot be renewed: the session ends. */
  renew(): Promise<boolean> {
    this.expire();
    return Promise.resolve(false);
  }

  /** The token ran out (timer, or the API answered 401). */
  expire(): void {
    if (!this.current) return;
    this.#end();
    this.expired = true;
    this.#onExpire?.();
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #end(): void {
    this.current = null;
    this.#storage?.removeItem(SESSION_KEY);
    this.dispose();
  }

  #isPast(iso: string): boolean {
    const t = Date.parse(iso);
    return Number.isNaN(t) || t <= this.#clock.now();
  }

  #arm(): void {
    this.dispose();
    const c = this.current;
    if (!c || !this.#onExpire) return;
    const ms = Date.parse(c.expiresAt) - this.#clock.now();
    // setTimeout caps at 2^31-1 ms; tokens live minutes, so clamp defensively.
    this.#timer = setTimeout(() => this.expire(), Math.max(0, Math.min(ms, 2_147_000_000)));
  }
}
