/**
 * The site's run-time settings, `/config.json` beside `index.html` (contract:
 * shared/src/contracts/site-config.ts): the API's base URL, the stage, and how staff sign in. Read
 * once at start, before the first API call, so that one build serves every stage.
 *
 * The check is written out here rather than done with the contract's zod schema: zod would put
 * tens of kB into the first page, which every reader of the public rankings downloads. A test
 * holds the two to the same verdicts (dashboard/test/site-config.test.ts).
 */
import type { OidcAuthConfig, SiteConfig } from "@scorecard/shared/contracts/site-config";

export type { OidcAuthConfig, SiteConfig };

/** What the local runtime serves by default (`npm start`): same-origin API, the demo login. */
export const LOCAL_SITE_CONFIG: SiteConfig = { apiBaseUrl: "", stage: "local", auth: { kind: "local" } };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const onlyKeys = (o: Record<string, unknown>, keys: readonly string[]) => Object.keys(o).every((k) => keys.includes(k));
const text = (v: unknown): v is string => typeof v === "string" && v.length > 0;

/** An absolute http(s) URL, as the contract's `z.url({ protocol: /^https?$/ })` takes it (trimmed; tabs and newlines dropped). */
function httpUrl(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const trimmed = v.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? trimmed.replace(/[\t\n\r]/g, "") : null;
}

const OIDC_KEYS = ["kind", "issuer", "clientId", "authorizationEndpoint", "tokenEndpoint", "logoutEndpoint", "logoutStyle", "scopes", "bearer"] as const;

function oidcAuth(v: Record<string, unknown>): OidcAuthConfig | null {
  if (!onlyKeys(v, OIDC_KEYS)) return null;
  const issuer = httpUrl(v.issuer);
  const authorizationEndpoint = httpUrl(v.authorizationEndpoint);
  const tokenEndpoint = httpUrl(v.tokenEndpoint);
  const logoutEndpoint = httpUrl(v.logoutEndpoint);
  const { clientId, logoutStyle, scopes, bearer } = v;
  if (!issuer || !authorizationEndpoint || !tokenEndpoint || !logoutEndpoint || !text(clientId)) return null;
  if (logoutStyle !== "cognito" && logoutStyle !== "oidc") return null;
  if (bearer !== "id_token" && bearer !== "access_token") return null;
  if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every(text)) return null;
  return { kind: "oidc", issuer, clientId, authorizationEndpoint, tokenEndpoint, logoutEndpoint, logoutStyle, scopes: [...scopes], bearer };
}

/** The settings, or null when `v` is not a valid config.json (the contract's verdict). */
export function parseSiteConfig(v: unknown): SiteConfig | null {
  if (!isRecord(v) || !onlyKeys(v, ["apiBaseUrl", "stage", "auth"])) return null;
  const apiBaseUrl = v.apiBaseUrl === "" ? "" : httpUrl(v.apiBaseUrl);
  if (apiBaseUrl === null || !text(v.stage) || !isRecord(v.auth)) return null;
  if (v.auth.kind === "local") return onlyKeys(v.auth, ["kind"]) ? { apiBaseUrl, stage: v.stage, auth: { kind: "local" } } : null;
  if (v.auth.kind !== "oidc") return null;
  const auth = oidcAuth(v.auth);
  return auth ? { apiBaseUrl, stage: v.stage, auth } : null;
}

/**
 * Fetches `/config.json` (index.html preloads it, so this usually finds it already in). Null when
 * it cannot be had or is not valid: the public pages then use the site's own origin and the
 * sign-in page says that sign-in is unavailable.
 */
export async function loadSiteConfig(doFetch: typeof fetch = (input, init) => globalThis.fetch(input, init)): Promise<SiteConfig | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const res = await doFetch("/config.json");
      if (!res.ok) return null;
      return parseSiteConfig(await res.json());
    } catch {
      // a network blip: once more, then without settings
    }
  }
  return null;
}
