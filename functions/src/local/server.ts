import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { timingSafeEqual } from "node:crypto";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import type { APIGatewayProxyResultV2 } from "aws-lambda";
import { MAX_BODY_BYTES } from "@scorecard/shared/contracts/ingest";
import type { LocalUsers, LoginResult } from "@scorecard/shared/contracts/local";
import { principalFromClaims } from "@scorecard/shared/auth/policy";
import { ROUTES, type RouteKey, type RouteKeyOf, routeKeysOf } from "@scorecard/shared/contracts/routes";
import { makeIngestHandler, makeRecordsHandler } from "../handlers/ingest-events.js";
import { READ_ROUTES, makeReadHandler } from "../handlers/read-api.js";
import { ADMIN_ROUTES, makeAdminHandler } from "../handlers/admin-api.js";
import { requireContentType } from "../http/media-type.js";
import { assertAllowed } from "../http/middleware.js";
import { HttpProblemError, jsonResponse, problemResponse } from "../http/problem.js";
import { DEMO_USERS, TOKEN_TTL_SECONDS } from "../adapters/local/local-identity.js";
import { type LambdaHandler, fakeContext, toApiGatewayEvent } from "./lambda-bridge.js";
import { DEFAULT_MAX_CONNECTIONS, DEFAULT_REQUEST_TIMEOUT_MS, hasBody, hostChecker, misdirected } from "./http-guard.js";
import type { LocalRuntime } from "./runtime.js";
import { COMPRESS_MIN_BYTES, type Encoding, createStaticSite, negotiateEncoding } from "./static-site.js";
import { SITE_CONFIG_PATH, pageHeadersFor, serveSiteConfig } from "./site-config.js";

/** The headers CloudFront's response-headers policy sets in AWS. */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

interface Route {
  readonly key: string;
  readonly handler: LambdaHandler;
  readonly name: string;
  /** Path pattern compiled from API Gateway's `{param}` syntax. */
  readonly pattern: RegExp;
  readonly method: string;
}

function route(key: string, handler: LambdaHandler, name: string): Route {
  const [method, path] = key.split(" ") as [string, string];
  const pattern = new RegExp(`^${path.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`);
  return { key, handler, name, pattern, method };
}

export interface LocalServerOptions {
  /** The built dashboard (dashboard/dist). */
  readonly dashboardDir: string;
  /**
   * Other names the sign-in and signed-in routes answer to (`name` on any port, `name:port`), besides
   * localhost, 127.0.0.1, [::1] and the address the server is bound to.
   */
  readonly allowedHosts?: readonly string[];
  /** Open connections at once. @default DEFAULT_MAX_CONNECTIONS (256) */
  readonly maxConnections?: number;
  /** A request's headers and body must arrive within this time, else 408. @default DEFAULT_REQUEST_TIMEOUT_MS (8 s) */
  readonly requestTimeoutMs?: number;
}

/**
 * The local stand-in for API Gateway + CloudFront: API requests become API Gateway v2 events
 * for the same middy handlers Lambda runs; everything else is the built dashboard.
 */
export function createLocalServer(runtime: LocalRuntime, options: LocalServerOptions): Server {
  const read = makeReadHandler(runtime.read) as unknown as LambdaHandler;
  const admin = makeAdminHandler(runtime.admin) as unknown as LambdaHandler;
  const ingest: Readonly<Record<RouteKeyOf<"ingest">, LambdaHandler>> = {
    "POST /v1/events": makeIngestHandler(runtime.ingest) as unknown as LambdaHandler,
    "POST /v1/complaints": makeRecordsHandler(runtime.ingest, "complaints") as unknown as LambdaHandler,
    "POST /v1/catalog": makeRecordsHandler(runtime.ingest, "procedures") as unknown as LambdaHandler,
  };
  const routes: Route[] = [
    ...routeKeysOf("ingest").map((key) => route(key, ingest[key], "ingest")),
    ...READ_ROUTES.map((key) => route(key, read, "read-api")),
    ...ADMIN_ROUTES.map((key) => route(key, admin, "admin-api")),
  ];
  const match = (method: string, path: string) => {
    for (const r of routes) {
      if (r.method !== method) continue;
      const m = r.pattern.exec(path);
      if (m) return { route: r, params: m.groups ? { ...m.groups } : undefined };
    }
    return undefined;
  };
  const dashboardDir = resolve(options.dashboardDir);
  const ownHost = hostChecker(options.allowedHosts);
  const tokens = Object.entries(runtime.sourceTokens).map(([source, t]) => [source, Buffer.from(t)] as const);

  /** What API Gateway's authorizers would pass on: source-system credentials or verified JWT claims. */
  const claimsFor = async (req: IncomingMessage): Promise<Record<string, unknown> | undefined> => {
    const auth = req.headers.authorization ?? "";
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m) return undefined;
    const given = Buffer.from(m[1] as string);
    const source = tokens.find(([, t]) => given.length === t.length && timingSafeEqual(given, t));
    if (source) return { sub: source[0], "cognito:groups": ["source-system"] };
    return (await runtime.identity.verify(m[1] as string)) as Record<string, unknown> | undefined;
  };

  /** Local-only routes (the route table's `local` ones) standing in for the Cognito hosted UI: the demo users and their tokens. */
  const local: Readonly<Record<RouteKeyOf<"local">, (req: IncomingMessage, res: ServerResponse) => Promise<void>>> = {
    "GET /v1/local/users": async (_req, res) => {
      send(res, jsonResponse(200, { users: DEMO_USERS, tokenTtlSeconds: TOKEN_TTL_SECONDS } satisfies LocalUsers));
    },
    "POST /v1/local/login": async (req, res) => {
      requireContentType(req.headers["content-type"], ["application/json"]);
      const body = await readBody(req, res, 4096);
      let userId: unknown;
      try {
        userId = (JSON.parse(body.toString("utf8")) as { userId?: unknown }).userId;
      } catch {
        throw new HttpProblemError(400, "MALFORMED_JSON", "Bad request", "Send {\"userId\": \"...\"}.");
      }
      const user = DEMO_USERS.find((u) => u.id === userId);
      if (!user) throw new HttpProblemError(422, "UNKNOWN_USER", "Invalid request", "No such demo user.");
      const token = await runtime.identity.issue(user);
      send(res, jsonResponse(200, { token, user, expiresAt: new Date(Date.now() + TOKEN_TTL_SECONDS * 1000).toISOString() } satisfies LoginResult));
    },
  };
  const localRoute = async (method: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const key = `${method} ${path}`;
    if (!Object.hasOwn(local, key)) return false;
    if (!ownHost(req)) throw misdirected(req);
    await local[key as RouteKeyOf<"local">](req, res);
    return true;
  };

  // JSON bodies are compressed for clients that accept it, as CloudFront / API Gateway do in AWS:
  // brotli when accepted, else gzip. Large bodies (a tier's ranking is ~0.5 MB; the read API
  // reuses the same body string) are compressed once and kept.
  const compressed: Record<Encoding, Map<string, Buffer>> = { br: new Map(), gzip: new Map() };
  const compress = (body: string, encoding: Encoding): Buffer =>
    encoding === "br"
      ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body) } })
      : gzipSync(body, { level: 6 });
  const send = (res: ServerResponse, r: APIGatewayProxyResultV2, encoding: Encoding | null = null) => {
    if (typeof r === "string") {
      res.writeHead(200, { "content-type": "application/json" }).end(r);
      return;
    }
    const body = r.body ?? "";
    if (!r.isBase64Encoded && body.length >= COMPRESS_MIN_BYTES) {
      const headers = { ...(r.headers as Record<string, string>), vary: "accept-encoding" };
      if (!encoding) {
        res.writeHead(r.statusCode ?? 200, headers).end(body);
        return;
      }
      let z: Buffer | undefined;
      if (body.length >= CACHE_MIN_BYTES) {
        const kept = compressed[encoding];
        z = kept.get(body);
        if (!z) {
          z = compress(body, encoding);
          kept.set(body, z);
          if (kept.size > 64) kept.delete(kept.keys().next().value as string);
        }
      } else {
        z = compress(body, encoding);
      }
      res.writeHead(r.statusCode ?? 200, { ...headers, "content-encoding": encoding, "content-length": String(z.length) }).end(z);
      return;
    }
    res.writeHead(r.statusCode ?? 200, r.headers as Record<string, string>).end(body);
  };

  // /config.json: the dashboard's settings (demo login, or the OpenID provider the runtime was given).
  const siteConfig = runtime.identity.siteConfig;
  const pageHeaders = pageHeadersFor(PAGE_SECURITY_HEADERS, siteConfig);
  const serveStatic = createStaticSite({ dir: dashboardDir, headers: pageHeaders });

  // Nothing of a body is read before the caller is known: the Host, the route and the credential
  // come from the headers; a refusal closes the connection rather than draining what was sent.
  // `Expect: 100-continue` is answered only then, so a client that asks sends no body to be refused.
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    try {
      if (!url.pathname.startsWith("/v1/")) {
        if (req.method !== "GET" && req.method !== "HEAD") throw new HttpProblemError(405, "METHOD_NOT_ALLOWED", "Method not allowed");
        if (url.pathname === SITE_CONFIG_PATH) serveSiteConfig(req, res, siteConfig, pageHeaders);
        else await serveStatic(req, res, decodePath(url.pathname));
        return;
      }
      if (await localRoute(req.method ?? "GET", url.pathname, req, res)) return;
      const found = match(req.method ?? "GET", url.pathname);
      if (!found) throw new HttpProblemError(404, "NOT_FOUND", "Not found", `No route ${req.method} ${url.pathname}.`);
      const action = ROUTES[found.route.key as RouteKey].action;
      const pathParameters = found.params ? Object.fromEntries(Object.entries(found.params).map(([k, v]) => [k, decodePath(v)])) : undefined;
      const claims = await claimsFor(req);
      if (action !== null && action !== "public:read") {
        // A route for a signed-in caller: under this server's own names only, and the route-level
        // check its handler makes first (401 / 403), made here before the body is read.
        if (!ownHost(req)) throw misdirected(req);
        assertAllowed(principalFromClaims(claims), action, { unitId: pathParameters?.["unitId"] ?? "" });
      }
      const body = await readBody(req, res, MAX_BODY_BYTES);
      const event = toApiGatewayEvent(req, url, found.route.key, body, claims);
      if (pathParameters) event.pathParameters = pathParameters;
      send(res, await found.route.handler(event, fakeContext(found.route.name)), negotiateEncoding(req.headers["accept-encoding"]));
    } catch (e) {
      const p = e instanceof HttpProblemError ? e : new HttpProblemError(500, "INTERNAL", "Internal error", "The request was not completed; it is safe to retry.");
      // A connection Node closed (the request timed out: it answered 408) or the client dropped.
      if (req.socket.destroyed) return;
      if (!(e instanceof HttpProblemError)) console.error("local server error", e);
      if (res.headersSent) {
        res.end();
        return;
      }
      // Answered before its body was read: close rather than read the rest to keep the connection.
      if (!req.complete && hasBody(req)) res.setHeader("connection", "close");
      send(res, problemResponse(p));
    }
  };
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const server = createServer(
    { requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(1_000, Math.max(50, Math.floor(requestTimeout / 8))) },
    handle,
  );
  server.on("checkContinue", handle);
  server.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  return server;
}

/** Compressed API bodies of this size or more are kept (the read API answers the same body string again). */
const CACHE_MIN_BYTES = 16 * 1024;

/** decodeURIComponent, with a malformed escape (`%E0%A4%A`, a lone `%`) as a 400, not a 500. */
function decodePath(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    throw new HttpProblemError(400, "INVALID_PATH", "Bad request", "The path has a malformed percent-escape.");
  }
}

/** The request's body, up to `limit` bytes (413 past it); a client waiting on `Expect: 100-continue` is told to send it now. */
function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer> {
  if (/^\s*100-continue\s*$/i.test(req.headers.expect ?? "")) res.writeContinue();
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        fail(new HttpProblemError(413, "PAYLOAD_TOO_LARGE", "Payload too large", `The body exceeds ${limit} bytes; split the batch.`));
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => ok(Buffer.concat(chunks)));
    req.on("error", fail);
  });
}

export async function listen(server: Server, port: number, host = "127.0.0.1"): Promise<number> {
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok());
  });
  return (server.address() as AddressInfo).port;
}
