/**
 * The provider sends the reader back to a real path, `/auth/callback?code=…&state=…` (or
 * `?error=access_denied…`), while the app's views live in the hash. At start the answer is taken
 * from the URL and the URL replaced by the callback view, `/#/auth/callback`: the code never stays
 * in the address bar or the history, and a reload cannot send it twice.
 */
import { CALLBACK_PATH, PENDING_KEY } from "./oidc-session.svelte.js";

export interface CallbackWindow {
  readonly location: { readonly pathname: string; readonly search: string };
  readonly history: { replaceState(data: unknown, unused: string, url?: string | URL | null): void };
}

/** The provider's answer when the page was opened at the callback path (the URL is then rewritten), else null. */
export function takeCallback(win: CallbackWindow, storage: Pick<Storage, "getItem"> | null): URLSearchParams | null {
  if (win.location.pathname !== CALLBACK_PATH) return null;
  const params = new URLSearchParams(win.location.search);
  // The language the reader signed in from, so the callback view speaks it.
  let lang: unknown;
  try {
    lang = (JSON.parse(storage?.getItem(PENDING_KEY) ?? "null") as { lang?: unknown } | null)?.lang;
  } catch {
    lang = undefined;
  }
  win.history.replaceState(null, "", `/#${CALLBACK_PATH}${lang === "en" ? "?lang=en" : ""}`);
  return params;
}
