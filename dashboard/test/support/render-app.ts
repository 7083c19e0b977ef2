import { render, waitFor } from "@testing-library/svelte";
import App from "../../src/App.svelte";
import { createApiClient } from "../../src/lib/api.js";
import { browserHistory } from "../../src/lib/url-state.js";
import { AppModel } from "../../src/models/app.svelte.js";
import type { FakeServer } from "./fake-server.js";

/** Renders the whole app at `search` against a fake server, with the real (jsdom) history. */
export function renderApp(server: FakeServer, search = "") {
  window.history.replaceState(null, "", `/${search}`);
  delete document.body.dataset.state;
  const app = new AppModel({ api: createApiClient({ fetch: server.fetch }), history: browserHistory(window) });
  return { app, ...render(App, { props: { app } }) };
}

/** Waits for the page's own signal (document.body.dataset.state). */
export async function settled(state: "ready" | "error" = "ready"): Promise<void> {
  await waitFor(() => {
    if (document.body.dataset.state !== state) throw new Error(`body state is ${document.body.dataset.state}, want ${state}`);
  });
}
