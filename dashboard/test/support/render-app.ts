import { render, waitFor } from "@testing-library/svelte";
import { vi } from "vitest";
import App from "../../src/App.svelte";
import { createApiClient } from "../../src/lib/api.js";
import { browserNav } from "../../src/lib/router.js";
import { AppModel } from "../../src/models/app.svelte.js";
import { SESSION_KEY, SessionModel } from "../../src/models/session.svelte.js";
import type { FakeServer } from "./fake-server.js";
import type { DemoUser } from "../../src/lib/api-types.js";
import { DEMO_USERS } from "./full-server.js";

/**
 * The clock of the rendered app: 15 July 2024, 10:00 in Viet Nam — the builders' periods (to June
 * 2024, H1 2024) are over, July 2024 is running. The public pages pick their default period by it.
 */
export const TEST_NOW = new Date("2024-07-15T03:00:00.000Z");

/** Renders the whole app at `search` against a fake server, with the real (jsdom) history. */
export function renderApp(server: FakeServer, search = "", options: { now?: Date } = {}) {
  window.history.replaceState(null, "", `/${search}`);
  delete document.body.dataset.state;
  const now = options.now ?? TEST_NOW;
  const app = new AppModel({ api: createApiClient({ fetch: server.fetch }), nav: browserNav(window), now: () => now });
  return { app, ...render(App, { props: { app } }) };
}

/** Renders the whole app at a URL (`?…` or `#/…`) against the full fake API, optionally signed in as a demo user. */
export function renderAt(server: { fetch: typeof fetch }, url: string, options: { user?: string; storage?: Storage; claims?: Partial<DemoUser>; now?: Date } = {}) {
  window.history.replaceState(null, "", url.startsWith("#") ? `/${url}` : `/${url}`);
  delete document.body.dataset.state;
  const storage = options.storage ?? window.sessionStorage;
  storage.clear();
  if (options.user) {
    const u = DEMO_USERS.find((x) => x.id === options.user);
    if (!u) throw new Error(`no demo user ${options.user}`);
    // `claims` alters the stored user only (a stale or tampered session): the token stays the demo user's.
    storage.setItem(SESSION_KEY, JSON.stringify({ token: `tok-${u.id}`, user: { ...u, ...options.claims }, expiresAt: new Date(Date.now() + 900_000).toISOString() }));
  }
  const session = new SessionModel({ storage });
  const api = createApiClient({ fetch: server.fetch, token: () => session.token(), onUnauthorized: () => session.expire() });
  // Clients built by a page itself (the ratings client, api.ts `createRatingsApi`) use the global fetch: the same fake.
  vi.stubGlobal("fetch", server.fetch);
  const now = options.now ?? TEST_NOW;
  const app = new AppModel({ api, nav: browserNav(window), session, now: () => now });
  return { app, session, ...render(App, { props: { app } }) };
}

/** Waits for the page's own signal (document.body.dataset.state). */
export async function settled(state: "ready" | "error" = "ready"): Promise<void> {
  await waitFor(() => {
    if (document.body.dataset.state !== state) throw new Error(`body state is ${document.body.dataset.state}, want ${state}`);
  });
}
