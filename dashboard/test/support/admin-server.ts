/**
 * The full fake API (full-server.ts) plus publishing as the server does it: the preview route
 * (`GET /v1/admin/publish/preview`, Home Affairs only) answers what publishing would record, and
 * `POST /v1/admin/publish` refuses an unchanged draft (409 NO_CHANGES) or publishes the previewed
 * version, after which the period's draft is unchanged (the same publish again is refused).
 */
import type { PublicationPreview, Publications } from "../../src/lib/api-types.js";
import type { ManualIndicator } from "../../src/lib/manual-indicators-api.js";
import { type FullServerInit, fullServer } from "./full-server.js";

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const problem = (status: number, code: string, errors?: unknown) =>
  new Response(JSON.stringify({ type: "about:blank", title: code, status, code, detail: "English detail the page must not show", ...(errors ? { errors } : {}) }), { status, headers: { "content-type": "application/problem+json" } });

export interface AdminServerInit extends FullServerInit {
  /** What the preview answers per period (absent: 409 NO_DRAFT). */
  readonly previews?: Record<string, PublicationPreview>;
  /** The server's 422 answer to creating a finding, when set (validation in the server's English). */
  readonly refuseFinding?: { readonly field: string; readonly code: string; readonly message: string };
  /** The indicators Home Affairs enters (D3), by `<unitId>/<period>`; a PUT stores the counts (version + 1) or answers 409 when locked or stale. */
  readonly indicators?: Record<string, ManualIndicator[]>;
}

export function adminServer(init: AdminServerInit) {
  const base = fullServer(init);
  const previews = new Map(Object.entries(init.previews ?? {}));
  const publications = new Map<string, Publications>(Object.entries(init.publications ?? {}));
  const published: string[] = [];
  const indicators = new Map(Object.entries(init.indicators ?? {}));

  const fetch: typeof globalThis.fetch = async (input, reqInit) => {
    const url = new URL(String(input), "http://localhost");
    const method = reqInit?.method ?? "GET";
    const auth = new Headers(reqInit?.headers).get("authorization");
    const homeAffairs = auth === "Bearer tok-home-affairs";
    const period = url.searchParams.get("period") ?? "";
    if (url.pathname === "/v1/admin/publish/preview") {
      base.calls.push({ method, path: `${url.pathname}${url.search}`, authorized: auth !== null, body: undefined, ifMatch: null });
      if (!auth) return problem(401, "UNAUTHENTICATED");
      if (!homeAffairs) return problem(403, "FORBIDDEN");
      const p = previews.get(period);
      return p ? json(p) : problem(409, "NO_DRAFT");
    }
    if (url.pathname === "/v1/admin/publish" && method === "POST" && homeAffairs) {
      const body = JSON.parse(String(reqInit?.body)) as { period: string };
      base.calls.push({ method, path: url.pathname, authorized: true, body, ifMatch: null });
      const p = previews.get(body.period);
      if (!p) return problem(409, "NO_DRAFT");
      if (!p.changed) return problem(409, "NO_CHANGES");
      published.push(body.period);
      const version = { period: body.period, methodology: p.methodology, version: p.version, label: `V${p.version}`, publishedAt: "2024-07-20T02:00:00.000Z", publishedBy: { sub: "home-affairs", role: "home-affairs" }, tiers: p.tiers, differences: p.differences };
      const before = publications.get(body.period) ?? { period: body.period, versions: [], draft: {} };
      publications.set(body.period, {
        ...before,
        versions: [...before.versions, version],
        draft: Object.fromEntries(p.tiers.map((t) => [t, { version: p.version, publishedAt: version.publishedAt, draftDiffers: false }])),
      });
      // Published: the draft is now the same as the new version.
      previews.set(body.period, { ...p, version: p.version + 1, previousVersion: p.version, changed: false, ratingsChanged: false, differences: Object.fromEntries(p.tiers.map((t) => [t, []])) });
      return json(version, 201);
    }
    if (url.pathname === "/v1/admin/publications" && homeAffairs) {
      base.calls.push({ method, path: `${url.pathname}${url.search}`, authorized: true, body: undefined, ifMatch: null });
      return json(publications.get(period) ?? { period, versions: [], draft: {} });
    }
    const ind = /^\/v1\/admin\/indicators\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/.exec(url.pathname);
    if (ind) {
      const ifMatch = new Headers(reqInit?.headers).get("if-match");
      const body = reqInit?.body === undefined ? undefined : (JSON.parse(String(reqInit.body)) as { numerator: number; denominator: number; evidence: string });
      base.calls.push({ method, path: url.pathname, authorized: auth !== null, body, ifMatch });
      if (!auth) return problem(401, "UNAUTHENTICATED");
      if (!homeAffairs && !(method === "GET" && auth === "Bearer tok-chairman")) return problem(403, "FORBIDDEN");
      const key = `${decodeURIComponent(ind[1] ?? "")}/${ind[2] ?? ""}`;
      const list = indicators.get(key) ?? [];
      if (method === "GET" && ind[3] === undefined) return json({ indicators: list });
      const current = list.find((i) => i.indicator === ind[3]);
      if (!current) return problem(422, "INVALID_CONTENT", [{ field: "indicator", code: "UNKNOWN_INDICATOR", message: "not an indicator Home Affairs enters" }]);
      if (method === "GET") return json(current);
      if (current.locked) return problem(409, "CRITERION_LOCKED");
      if (ifMatch !== `"${current.version}"`) return problem(409, "VERSION_CONFLICT");
      const b = body as { numerator: number; denominator: number; evidence: string };
      const ratio = b.denominator > 0 ? b.numerator / b.denominator : null;
      const next: ManualIndicator = {
        ...current,
        numerator: b.numerator,
        denominator: b.denominator,
        evidence: b.evidence,
        ratio,
        points: ratio === null ? null : Math.round((current.max ?? 0) * Math.min(1, ratio / current.target) * 1e4) / 1e4,
        version: current.version + 1,
        updatedAt: "2024-07-15T03:05:00.000Z",
        updatedBy: { sub: "home-affairs", role: "home-affairs" },
      };
      indicators.set(key, list.map((i) => (i.indicator === next.indicator ? next : i)));
      return json(next);
    }
    if (url.pathname === "/v1/admin/findings" && method === "POST" && init.refuseFinding) {
      base.calls.push({ method, path: url.pathname, authorized: true, body: JSON.parse(String(reqInit?.body)), ifMatch: null });
      return problem(422, "INVALID_CONTENT", [init.refuseFinding]);
    }
    return base.fetch(input, reqInit);
  };

  return { ...base, fetch, published, previews };
}
