import { createContext } from "svelte";
import type { AppModel } from "../models/app.svelte.js";
import type { LocaleModel } from "../models/locale.svelte.js";

/** The reader's language, its words and formatters, for every component under App. */
export const [useLocale, provideLocale] = createContext<LocaleModel>();

/** The shell (router, session, api client, shared meta) for pages and links. */
export const [useApp, provideApp] = createContext<AppModel>();
