/**
 * Client routes. The public rankings keep their original URL (`/?period=2024-H1&tier=DEPARTMENT`);
 * every other view lives in the hash, with its own query (`/#/units/DEPT-STP-2020?period=2024-H1`),
 * so that any view can be reproduced from its URL and served by the same static `index.html`.
 * `lang=en` rides in whichever query the view uses. Pure: no window, no Svelte.
 */
import { type Lang, isLang } from "./i18n.js";

/** Home Affairs' workspace, in the order of its work: inspect, correct (issue 24), rate heads, report, publish; then the rules and the log. */
export const ADMIN_SECTIONS = ["findings", "criteria", "actions", "heads", "proposals", "reports", "publish", "rules", "audit"] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export type Route =
  | { readonly page: "rankings" }
  | { readonly page: "login" }
  /** Back from the OpenID provider (the real path /auth/callback is moved here at start: lib/auth/callback.ts). */
  | { readonly page: "auth-callback" }
  | { readonly page: "methodology" }
  | { readonly page: "report" }
  | { readonly page: "open-data" }
  | { readonly page: "overview" }
  | { readonly page: "unit"; readonly unitId: string }
  | { readonly page: "cases"; readonly unitId: string }
  | { readonly page: "case"; readonly caseId: string }
  | { readonly page: "public-unit"; readonly unitId: string }
  | { readonly page: "admin"; readonly section: AdminSection }
  | { readonly page: "not-found"; readonly path: string };

export type PageName = Route["page"];

/** Query keys a view may carry, besides `lang`. */
export type Params = Readonly<Partial<Record<"period" | "tier" | "status" | "unitId" | "next" | "indicator" | "part", string>>>;

export interface Location {
  readonly route: Route;
  readonly params: Params;
  readonly lang: Lang | undefined;
}

/** Pages that need a signed-in user (the API answers 401 without a token). */
export const PROTECTED: ReadonlySet<PageName> = new Set(["overview", "unit", "cases", "case", "admin"]);

/** Roles that may open a protected page (the API enforces the same; this keeps the UI from asking). */
export const PAGE_ROLES: Readonly<Partial<Record<PageName, readonly string[]>>> = {
  overview: ["chairman", "home-affairs"],
  admin: ["home-affairs"],
};

// `indicator`, `part`: the list behind one of a unit's numbers (#/units/<id>/cases, issue 20 item 1).
const PARAM_KEYS = ["period", "tier", "status", "unitId", "next", "indicator", "part"] as const;
const UNIT_ID = /^[A-Z]+-[A-Z0-9]+(-\d{4,6})?$/;
/** A dossier id as the events carry it (shared/src/contracts/case-timeline.ts); `/` and `#` travel encoded. */
const CASE_ID = /^[\p{L}\p{N}._:\-/#]{1,64}$/u;

function parseParams(query: string): { params: Params; lang: Lang | undefined } {
  const q = new URLSearchParams(query);
  const params: Record<string, string> = {};
  for (const k of PARAM_KEYS) {
    const v = q.get(k);
    if (v) params[k] = v;
  }
  const lang = q.get("lang");
  return { params, lang: isLang(lang) ? lang : undefined };
}

function routeOf(path: string): Route {
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const [a, b, c] = parts;
  const unit = (id: string | undefined) => (id !== undefined && UNIT_ID.test(id) ? id : undefined);
  if (parts.length === 0 || (a === "rankings" && parts.length === 1)) return { page: "rankings" };
  if (parts.length === 1 && (a === "login" || a === "methodology" || a === "report" || a === "overview" || a === "open-data")) return { page: a };
  if (a === "units" && unit(b) && parts.length === 2) return { page: "unit", unitId: b as string };
  if (a === "units" && unit(b) && c === "cases" && parts.length === 3) return { page: "cases", unitId: b as string };
  if (a === "cases" && b !== undefined && CASE_ID.test(b) && parts.length === 2) return { page: "case", caseId: b };
  if (a === "public" && b === "units" && unit(c) && parts.length === 3) return { page: "public-unit", unitId: c as string };
  if (a === "auth" && b === "callback" && parts.length === 2) return { page: "auth-callback" };
  if (a === "admin" && parts.length <= 2) {
    const section = (b ?? "findings") as AdminSection;
    if (ADMIN_SECTIONS.includes(section)) return { page: "admin", section };
  }
  return { page: "not-found", path };
}

/** The view a URL stands for: the hash when it holds a route (`#/...`), else the rankings with the search. */
export function parseLocation(search: string, hash: string): Location {
  if (hash.startsWith("#/")) {
    const [path = "", query = ""] = hash.slice(1).split("?", 2);
    const { params, lang } = parseParams(query);
    return { route: routeOf(path), params, lang };
  }
  const { params, lang } = parseParams(search);
  return { route: { page: "rankings" }, params, lang };
}

export function pathOf(route: Route): string {
  switch (route.page) {
    case "rankings":
      return "/";
    case "unit":
      return `/units/${encodeURIComponent(route.unitId)}`;
    case "cases":
      return `/units/${encodeURIComponent(route.unitId)}/cases`;
    case "case":
      return `/cases/${encodeURIComponent(route.caseId)}`;
    case "public-unit":
      return `/public/units/${encodeURIComponent(route.unitId)}`;
    case "admin":
      return `/admin/${route.section}`;
    case "auth-callback":
      return "/auth/callback";
    case "not-found":
      return route.path;
    default:
      return `/${route.page}`;
  }
}

/**
 * The canonical href of a view: `?period=…&tier=…` for the rankings, `#/path?query` otherwise.
 * Vietnamese is the default and is left out; empty params are dropped.
 */
export function hrefOf(route: Route, params: Params = {}, lang: Lang = "vi"): string {
  const q = new URLSearchParams();
  for (const k of PARAM_KEYS) {
    const v = params[k];
    if (v) q.set(k, v);
  }
  if (lang !== "vi") q.set("lang", lang);
  const query = q.toString();
  if (route.page === "rankings") return `?${query}`;
  return `#${pathOf(route)}${query ? `?${query}` : ""}`;
}

/** Where the browser is, as the router sees it. */
export interface NavPort {
  read(): { readonly search: string; readonly hash: string };
  /** A new history entry (no-op when the URL is unchanged). `href` is `?…` or `#/…`. */
  push(href: string): void;
  replace(href: string): void;
  /** Back/forward (and hash edits); returns the unsubscribe function. */
  listen(onChange: () => void): () => void;
  /** Leaves the app for another site (the OpenID provider's sign-in or logout page). */
  leave?(url: string): void;
}

export function browserNav(win: Window = window): NavPort {
  const full = (href: string) => (href.startsWith("#") ? `${win.location.pathname}${href}` : `${win.location.pathname}${href === "?" ? "" : href}`);
  const same = (href: string) => {
    const now = `${win.location.pathname}${win.location.search}${win.location.hash}`;
    return full(href) === now;
  };
  return {
    read: () => ({ search: win.location.search, hash: win.location.hash }),
    push: (href) => {
      if (!same(href)) win.history.pushState(null, "", full(href));
    },
    replace: (href) => {
      if (!same(href)) win.history.replaceState(null, "", full(href));
    },
    leave: (url) => win.location.assign(url),
    listen: (onChange) => {
      const handler = () => onChange();
      win.addEventListener("popstate", handler);
      win.addEventListener("hashchange", handler);
      return () => {
        win.removeEventListener("popstate", handler);
        win.removeEventListener("hashchange", handler);
      };
    },
  };
}
