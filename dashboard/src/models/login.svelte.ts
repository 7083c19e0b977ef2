/** The local sign-in page: the demo users by role, and the sign-in in progress. */
import type { ApiClient } from "../lib/api.js";
import type { DemoUser, LocalUsers } from "../lib/api-types.js";
import { Resource } from "./resource.svelte.js";

export const ROLE_ORDER = ["chairman", "home-affairs", "unit-officer"] as const;

export class LoginModel {
  readonly users = new Resource<LocalUsers>();
  signingIn = $state<string | null>(null);
  failed = $state(false);
  readonly byRole: readonly { role: string; users: DemoUser[] }[] = $derived(
    ROLE_ORDER.map((role) => ({ role, users: (this.users.data?.users ?? []).filter((u) => u.role === role) })).filter((g) => g.users.length > 0),
  );
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  load(): Promise<void> {
    return this.users.load((signal) => this.#api.localUsers(signal), (d) => d.users.length === 0);
  }

  /** Runs `signIn` (the app's) and records a failure for the page to show. */
  async signIn(userId: string, signIn: (id: string) => Promise<void>): Promise<void> {
    this.signingIn = userId;
    this.failed = false;
    try {
      await signIn(userId);
    } catch {
      this.failed = true;
    } finally {
      this.signingIn = null;
    }
  }

  dispose(): void {
    this.users.dispose();
  }
}
