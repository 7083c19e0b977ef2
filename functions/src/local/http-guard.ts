import type { IncomingMessage } from "node:http";
import { HttpProblemError } from "../http/problem.js";

/**
 * What API Gateway and CloudFront do in AWS before a request reaches a function, done by the local
 * server itself: it only answers the sign-in and signed-in routes under its own names (DNS
 * rebinding), holds a bounded number of connections, and gives up on a request whose headers and
 * body have not all arrived in time.
 */

/** Names the local server always answers to. */
export const LOOPBACK_NAMES: readonly string[] = ["localhost", "127.0.0.1", "[::1]"];
/** Open connections at once; more are closed as they arrive (Node's `server.maxConnections`). */
export const DEFAULT_MAX_CONNECTIONS = 256;
/**
 * A request's headers and body must have arrived within this time (`server.requestTimeout`): then
 * 408 and the connection closed. Node checks every `connectionsCheckingInterval`, so the answer
 * comes within this time plus one interval: 9 s at most.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 8_000;

export interface HostName {
  /** Lower case, without a trailing dot; an IPv6 address in brackets. */
  readonly name: string;
  /** Absent: the scheme's default (80) for a Host header, any port for a configured name. */
  readonly port: number | undefined;
}

/** `localhost:3000`, `[::1]:3000`, `Example.ORG.` → name and port; undefined when it is not a host. */
export function parseHost(value: string | undefined): HostName | undefined {
  if (value === undefined) return undefined;
  const m = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]+)(?::(\d{1,5}))?$/.exec(value.trim());
  if (!m) return undefined;
  const port = m[2] === undefined ? undefined : Number(m[2]);
  if (port !== undefined && port > 65_535) return undefined;
  return { name: (m[1] as string).toLowerCase().replace(/\.$/, ""), port };
}

/** The address a connection arrived on, as a Host header names it (`::ffff:127.0.0.1` → 127.0.0.1, `::1` → [::1]). */
function addressName(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4) return v4[1];
  return address.includes(":") ? `[${address.toLowerCase()}]` : address;
}

/**
 * Is the request addressed to this server? Its Host names the loopback or the address the
 * connection arrived on (the bound host), on any port — a rebinding page has a name of its own,
 * and the dashboard's dev server (Vite, :5173) passes its own Host on; or one of `allowed`
 * (`name` on any port, `name:port` on that one), for a server reached under another name.
 */
export function hostChecker(allowed: readonly string[] = []): (req: IncomingMessage) => boolean {
  const extra = allowed.map((a) => {
    const h = parseHost(a);
    if (!h) throw new Error(`not a host name: ${a}`);
    return h;
  });
  return (req) => {
    const h = parseHost(req.headers.host);
    if (!h) return false;
    if (LOOPBACK_NAMES.includes(h.name) || h.name === addressName(req.socket.localAddress)) return true;
    const port = h.port ?? 80;
    return extra.some((e) => e.name === h.name && (e.port === undefined || e.port === port));
  };
}

/** 421 for a request whose Host is not this server's (a page on another site resolving its name to 127.0.0.1). */
export function misdirected(req: IncomingMessage): HttpProblemError {
  const host = String(req.headers.host ?? "").slice(0, 100);
  return new HttpProblemError(
    421,
    "MISDIRECTED_REQUEST",
    "Misdirected request",
    `Host "${host}" is not a name of this server: open it as http://localhost:${req.socket.localPort}/ (or start it with that name allowed).`,
  );
}

/** Does the request carry a body (that an early answer would leave unread)? */
export const hasBody = (req: IncomingMessage): boolean => req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
