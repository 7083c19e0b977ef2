import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";
import { createApiClient } from "./lib/api.js";
import { browserHistory } from "./lib/url-state.js";
import { AppModel } from "./models/app.svelte.js";

const target = document.getElementById("app");
if (!target) throw new Error("#app is missing from index.html");

mount(App, { target, props: { app: new AppModel({ api: createApiClient(), history: browserHistory() }) } });
