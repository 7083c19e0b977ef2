import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";
import { createApiClient } from "./lib/api.js";
import { takeCallback } from "./lib/auth/callback.js";
import { OidcSession } from "./lib/auth/oidc-session.svelte.js";
import { LOCAL_SITE_CONFIG, loadSiteConfig } from "./lib/auth/site-config.js";
import { holdFirstPaint } from "./lib/first-paint.js";
import { browserNav } from "./lib/router.js";
import { AppModel, type AnySession } from "./models/app.svelte.js";
import { SessionModel } from "./models/session.svelte.js";

const target = document.getElementById("app");
if (!target) throw new Error("#app is missing from index.html");
holdFirstPaint(document, 1500);

let storage: Storage | null = null;
try {
  storage = window.sessionStorage;
} catch {
  storage = null;
}
// The stage's settings (API URL, how staff sign in): one build serves every stage.
const config = await loadSiteConfig();
const callback = takeCallback(window, storage);
const session: AnySession =
  config?.auth.kind === "oidc" ? new OidcSession({ config: config.auth, origin: window.location.origin, storage }) : new SessionModel({ storage });
// Every API client of the pages: the stage's API URL, the session's bearer, renewed once on a 401.
const clientOptions = { baseUrl: (config ?? LOCAL_SITE_CONFIG).apiBaseUrl, token: () => session.token(), onUnauthorized: () => session.renew() };
const api = createApiClient(clientOptions);
mount(App, { target, props: { app: new AppModel({ api, nav: browserNav(), session, config, callback, clientOptions }) } });
