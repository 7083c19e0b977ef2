/**
 * `/config.json` on the local runtime: the dashboard's run-time settings (contract:
 * shared/src/contracts/site-config.ts), as the CDK app deploys them beside `index.html` in AWS.
 * The demo login by default; an OpenID provider's sign-in when the runtime is given one
 * (RuntimeOptions.oidc, SCORECARD_OIDC_*). The page's Content-Security-Policy then lets the
 * dashboard reach the provider's token endpoint (the code exchange and the refresh are fetches).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SiteConfig } from "@scorecard/shared/contracts/site-config";

export const SITE_CONFIG_PATH = "/config.json";

/** The origins the dashboard fetches from besides its own: the API's (when elsewhere) and the token endpoint's. */
export function connectOrigins(config: SiteConfig): string[] {
  const urls = [config.apiBaseUrl, config.auth.kind === "oidc" ? config.auth.tokenEndpoint : ""].filter(Boolean);
  return [...new Set(urls.map((u) => new URL(u).origin))];
}

/** The page headers with `connect-src` widened to `connectOrigins` (unchanged for the demo login). */
export function pageHeadersFor(headers: Readonly<Record<string, string>>, config: SiteConfig): Readonly<Record<string, string>> {
  const extra = connectOrigins(config);
  const csp = headers["content-security-policy"];
  if (extra.length === 0 || !csp) return headers;
  return { ...headers, "content-security-policy": csp.replace(/connect-src ([^;]*)/, (_m, sources: string) => `connect-src ${sources} ${extra.join(" ")}`) };
}

/** Answers GET/HEAD /config.json: never cached without asking (a stage's settings can change under the same build). */
export function serveSiteConfig(req: IncomingMessage, res: ServerResponse, config: SiteConfig, headers: Readonly<Record<string, string>>): void {
  const body = JSON.stringify(config);
  res
    .writeHead(200, { ...headers, "content-type": "application/json; charset=utf-8", "cache-control": "no-cache", "content-length": String(Buffer.byteLength(body)) })
    .end(req.method === "HEAD" ? undefined : body);
}
