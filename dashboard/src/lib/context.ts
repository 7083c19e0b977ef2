import { createContext } from "svelte";
import type { LocaleModel } from "../models/locale.svelte.js";

/** The reader's language, its words and formatters, for every component under App. */
export const [useLocale, provideLocale] = createContext<LocaleModel>();
