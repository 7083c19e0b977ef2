import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";
import { createApiClient } from "./lib/api.js";
import { browserNav } from "./lib/router.js";
import { AppModel } from "./models/app.svelte.js";
import { SessionModel } from "./models/session.svelte.js";

const target = document.getElementById("app");
if (!target) throw new Error("#app is missing from index.html");

let storage: Storage | null = null;
try {
  storage = window.sessionStorage;
} catch {
  storage = null;
}
const session = new SessionModel({ storage });
const api = createApiClient({ token: () => session.token(), onUnauthorized: () => session.expire() });
mount(App, { target, props: { app: new AppModel({ api, nav: browserNav(), session }) } });
