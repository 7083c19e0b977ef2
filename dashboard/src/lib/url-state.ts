/**
 * The URL reproduces the view: `?period=2024-H1&tier=DEPARTMENT` (and `&lang=en` when English;
 * Vietnamese is the default and is left out). A `HistoryPort` hides `window.history` so models
 * stay testable.
 */
import { type Lang, isLang } from "./i18n.js";

export interface ViewQuery {
  readonly period: string | undefined;
  readonly tier: string | undefined;
  readonly lang: Lang | undefined;
}

export interface ViewState {
  readonly period: string;
  readonly tier: string;
  readonly lang: Lang;
}

export function parseQuery(search: string): ViewQuery {
  const q = new URLSearchParams(search);
  const lang = q.get("lang");
  return {
    period: q.get("period") || undefined,
    tier: q.get("tier") || undefined,
    lang: isLang(lang) ? lang : undefined,
  };
}

/** The canonical query string of a view, with a leading "?". */
export function formatQuery(view: ViewState): string {
  const q = new URLSearchParams({ period: view.period, tier: view.tier });
  if (view.lang !== "vi") q.set("lang", view.lang);
  return `?${q}`;
}

export interface HistoryPort {
  read(): ViewQuery;
  /** A new history entry (a user's choice of period or tier). No-op when the URL is unchanged. */
  push(search: string): void;
  /** Rewrite the current entry (canonical URL on load, language switch). */
  replace(search: string): void;
  /** Back/forward navigation; returns the unsubscribe function. */
  listen(onChange: (query: ViewQuery) => void): () => void;
}

export function browserHistory(win: Window = window): HistoryPort {
  const url = (search: string) => `${win.location.pathname}${search}${win.location.hash}`;
  return {
    read: () => parseQuery(win.location.search),
    push: (search) => {
      if (search !== win.location.search) win.history.pushState(null, "", url(search));
    },
    replace: (search) => {
      if (search !== win.location.search) win.history.replaceState(null, "", url(search));
    },
    listen: (onChange) => {
      const handler = () => onChange(parseQuery(win.location.search));
      win.addEventListener("popstate", handler);
      return () => win.removeEventListener("popstate", handler);
    },
  };
}
