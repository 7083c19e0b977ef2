/**
 * The one session interface of the dashboard, with two implementations chosen by `/config.json`:
 * the local demo login (models/session.svelte.ts, `auth.kind: "local"`) and the OpenID provider's
 * sign-in, Cognito's hosted UI on AWS (oidc-session.svelte.ts, `auth.kind: "oidc"`). The app, the
 * pages and the API clients see only this.
 */
import type { DemoUser, Role } from "../api-types.js";

/** Who is signed in, as the dashboard shows them: the demo users' shape (role from `cognito:groups`, unit from `custom:unitId`). */
export type StaffUser = DemoUser;

export interface Session {
  readonly kind: "local" | "oidc";
  /** The signed-in user (reactive), null for the public. */
  readonly user: StaffUser | null;
  readonly role: Role | "public";
  /** Set when the last session ended because it ran out (the login page says so). */
  readonly expired: boolean;
  /** A user is signed in (their bearer may be being renewed). */
  readonly signedIn: boolean;
  /** The bearer token for the API, or null when signed out or past expiry. */
  token(): string | null;
  /** Starts watching the expiry; `onExpire` runs when the session ends by running out. */
  watch(onExpire: () => void): void;
  /**
   * The API answered 401: true when a fresh bearer is in hand and the request may be sent again
   * (OIDC: the refresh token); otherwise the session is ended as expired and false is answered.
   */
  renew(): Promise<boolean>;
  /** The bearer ran out or was refused (the clients' `onUnauthorized`): renewed when possible, else ended. */
  expire(): void;
  /**
   * Signs out here (tokens forgotten). Answers the address to leave for to end the provider's
   * session too (its logout endpoint, which sends the reader back to the public rankings), or null
   * when there is none.
   */
  signOut(): string | null;
  dispose(): void;
}
