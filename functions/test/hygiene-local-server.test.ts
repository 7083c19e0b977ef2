/**
 * The local server's hygiene (issue 21 item 6), what API Gateway and CloudFront do in AWS: the
 * sign-in and signed-in routes answer only under the server's own names (DNS rebinding: a page of
 * evil.example resolving its name to 127.0.0.1 got a token from `POST /v1/local/login`); no body
 * is read before the caller is known; connections are capped; a request whose headers and body
 * have not all arrived is answered 408 and closed within 10 s (an unterminated body was held 75 s);
 * `/assets/<missing>` is a 404.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { type Server, request } from "node:http";
import { type Socket, connect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../src/adapters/local/local-identity.js";
import { DEFAULT_MAX_CONNECTIONS, DEFAULT_REQUEST_TIMEOUT_MS, hostChecker, parseHost } from "../src/local/http-guard.js";
import { type LocalServerOptions, createLocalServer, listen } from "../src/local/server.js";
import { TEST_TOKEN } from "./support/http-fixture.js";
import { tempRuntime } from "./support/temp-runtime.js";

/** A raw TCP client: what a browser or an attacker sends, byte for byte, and what comes back when. */
class RawClient {
  text = "";
  closed = false;
  private readonly waiters = new Set<() => void>();
  private constructor(readonly socket: Socket) {
    socket.setEncoding("latin1");
    socket.on("data", (d: string) => {
      this.text += d;
      for (const w of this.waiters) w();
    });
    socket.on("close", () => {
      this.closed = true;
      for (const w of this.waiters) w();
    });
    socket.on("error", () => undefined); // EPIPE / ECONNRESET once the server has closed: expected
  }
  static open(port: number): Promise<RawClient> {
    return new Promise((ok, fail) => {
      const s = connect(port, "127.0.0.1", () => ok(new RawClient(s)));
      s.once("error", fail);
    });
  }
  write(data: string | Buffer): void {
    if (!this.socket.destroyed) this.socket.write(data);
  }
  /** True once `pred` holds (or the socket closes, when `orClose`), false after `ms`. */
  waitFor(pred: (c: RawClient) => boolean, ms: number): Promise<boolean> {
    return new Promise((ok) => {
      const check = () => {
        if (pred(this)) done(true);
      };
      const timer = setTimeout(() => done(false), ms);
      const done = (v: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        ok(v);
      };
      this.waiters.add(check);
      check();
    });
  }
  get status(): number | undefined {
    const finals = [...this.text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1])).filter((s) => s >= 200);
    return finals[0];
  }
  get body(): string {
    return finalAnswer(this.text)?.body ?? "";
  }
  close(): void {
    this.socket.destroy();
  }
}

/** The first final answer (status ≥ 200) in what came back, once it has arrived whole: headers and body (Content-Length or chunked). */
function finalAnswer(text: string): { status: number; headers: string; body: string } | undefined {
  const at = text.search(/HTTP\/1\.[01] [2-5]\d\d/);
  if (at < 0) return undefined;
  const end = text.indexOf("\r\n\r\n", at);
  if (end < 0) return undefined;
  const headers = text.slice(at, end);
  let rest = text.slice(end + 4);
  const length = /content-length: (\d+)/i.exec(headers);
  if (length) return rest.length >= Number(length[1]) ? { status: Number(text.slice(at + 9, at + 12)), headers, body: rest.slice(0, Number(length[1])) } : undefined;
  if (!/transfer-encoding: chunked/i.test(headers)) return { status: Number(text.slice(at + 9, at + 12)), headers, body: rest };
  let body = "";
  for (;;) {
    const line = rest.indexOf("\r\n");
    if (line < 0) return undefined;
    const size = parseInt(rest.slice(0, line), 16);
    if (size === 0) return { status: Number(text.slice(at + 9, at + 12)), headers, body };
    if (rest.length < line + 2 + size + 2) return undefined;
    body += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
}
const hasFinal = (c: RawClient) => finalAnswer(c.text) !== undefined || (c.closed && c.status !== undefined);

/** A request through Node's client with an exact Host header. */
const call = (port: number, method: string, path: string, headers: Record<string, string>, body?: string) =>
  new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers: { ...headers, ...(body !== undefined ? { "content-length": String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (c: string) => (text += c));
      res.on("end", () => ok({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on("error", fail);
    req.end(body);
  });

describe("local server: Host, body, connections, time", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  const servers: Server[] = [];
  let site: string;
  let ha: string;
  let officer: string;
  const start = async (options: Partial<LocalServerOptions> = {}) => {
    const s = createLocalServer(env.rt, { dashboardDir: site, ...options });
    servers.push(s);
    return { server: s, port: await listen(s, 0) };
  };
  let port: number;
  let server: Server;

  beforeAll(async () => {
    env = await tempRuntime({ sourceToken: TEST_TOKEN });
    site = join(env.dataDir, "site");
    mkdirSync(join(site, "assets"), { recursive: true });
    writeFileSync(join(site, "index.html"), "<!doctype html><title>Scorecard</title>\n");
    writeFileSync(join(site, "assets", "app-1a2b.js"), "export {};\n");
    ({ server, port } = await start());
    ha = await env.rt.identity.issue(DEMO_USERS.find((u) => u.id === "home-affairs")!);
    officer = await env.rt.identity.issue(DEMO_USERS.find((u) => u.id === "officer-bien-hoa")!);
  });
  afterAll(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((ok) => s.close(ok));
    }
    await env?.dispose();
  });

  describe("Host: the sign-in and signed-in routes answer under the server's own names only", () => {
    const login = (host: string | undefined) => call(port, "POST", "/v1/local/login", { "content-type": "application/json", ...(host === undefined ? {} : { host }) }, JSON.stringify({ userId: "home-affairs" }));

    it("POST /v1/local/login with Host: evil.example is 421 MISDIRECTED_REQUEST, with no token — it returned one", async () => {
      const r = await login("evil.example");
      expect(r.status).toBe(421);
      expect(r.headers["content-type"]).toContain("application/problem+json");
      expect(JSON.parse(r.body)).toMatchObject({ status: 421, code: "MISDIRECTED_REQUEST" });
      expect(r.body).not.toContain("token");
    });

    it("takes localhost, 127.0.0.1 and [::1] (any port: the dashboard's dev server passes Host: localhost:5173 on); refuses other names", async () => {
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LocalHost.:${port}`, "localhost:5173", "localhost"]) expect([host, (await login(host)).status]).toEqual([host, 200]);
      for (const host of ["evil.example", `evil.example:${port}`, `127.0.0.2:${port}`, `localhost.evil.example:${port}`, `${port}`, "a b", `[::2]:${port}`]) {
        expect([host, (await login(host)).status]).toEqual([host, 421]);
      }
    });

    it("an HTTP/1.0 request without Host is refused too", async () => {
      const c = await RawClient.open(port);
      c.write('POST /v1/local/login HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: 24\r\n\r\n{"userId":"home-affairs"}');
      expect(await c.waitFor((x) => x.closed, 3000)).toBe(true);
      expect(c.status).toBe(421);
    });

    it("the admin, signed-in and ingest routes check Host; public routes and pages do not", async () => {
      const evil = { host: `evil.example:${port}` };
      expect((await call(port, "GET", "/v1/admin/audit", { ...evil, authorization: `Bearer ${ha}` })).status).toBe(421);
      expect((await call(port, "GET", "/v1/local/users", evil)).status).toBe(421);
      expect((await call(port, "GET", "/v1/units/DIST-731/scorecard?period=2024-03", { ...evil, authorization: `Bearer ${officer}` })).status).toBe(421);
      expect((await call(port, "POST", "/v1/events", { ...evil, authorization: `Bearer ${TEST_TOKEN}`, "content-type": "application/json" }, "{}")).status).toBe(421);
      expect((await call(port, "GET", "/v1/admin/audit", { host: `localhost:${port}`, authorization: `Bearer ${ha}` })).status).toBe(200);
      expect((await call(port, "GET", "/v1/public/meta", evil)).status).toBe(200);
      expect((await call(port, "GET", "/v1/health", evil)).status).toBe(200);
      expect((await call(port, "GET", "/", evil)).status).toBe(200);
    });

    it("configured names: `name` on any port, `name:port` on that port only", async () => {
      const named = await start({ allowedHosts: ["scorecard.lan", "Proxy.Example:8443"] });
      const post = (host: string) => call(named.port, "POST", "/v1/local/login", { host, "content-type": "application/json" }, JSON.stringify({ userId: "home-affairs" }));
      expect((await post(`scorecard.lan:${named.port}`)).status).toBe(200);
      expect((await post("scorecard.lan")).status).toBe(200);
      expect((await post("proxy.example:8443")).status).toBe(200);
      expect((await post(`proxy.example:${named.port}`)).status).toBe(421);
      expect((await post(`localhost:${named.port}`)).status).toBe(200);
      expect(() => hostChecker(["not a host"])).toThrow(/not a host name/);
    });

    it("parseHost reads names, IPv6 literals and ports, and nothing else", () => {
      expect(parseHost("LOCALHOST:3000")).toEqual({ name: "localhost", port: 3000 });
      expect(parseHost("[::1]")).toEqual({ name: "[::1]", port: undefined });
      expect(parseHost("example.org.")).toEqual({ name: "example.org", port: undefined });
      for (const bad of [undefined, "", "a:b", "x:70000", "[::1", "user@host", "a/b", "::1"]) expect([bad, parseHost(bad)]).toEqual([bad, undefined]);
    });
  });

  describe("no body is read before the caller is known", () => {
    const bigPost = (path: string, headers: string) => `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n${headers}\r\n`;

    it("an unauthenticated POST announcing 50 MB gets 401 after 64 KiB of it, and the connection closed — it waited for the body", async () => {
      const c = await RawClient.open(port);
      c.write(bigPost("/v1/events", ""));
      c.write(Buffer.alloc(64 * 1024, 0x20));
      expect(await c.waitFor(hasFinal, 3000)).toBe(true);
      expect(c.status).toBe(401);
      expect(c.text).toMatch(/connection: close/i);
      expect(c.text).toMatch(/www-authenticate: Bearer/i);
      expect(JSON.parse(c.body)).toMatchObject({ code: "UNAUTHENTICATED" });
      expect(await c.waitFor((x) => x.closed, 3000)).toBe(true);
    });

    it("a caller whose role may not post gets 403 the same way; an admin route too", async () => {
      const c = await RawClient.open(port);
      c.write(bigPost("/v1/events", `Authorization: Bearer ${officer}\r\n`));
      expect(await c.waitFor(hasFinal, 3000)).toBe(true);
      expect([c.status, JSON.parse(c.body).code]).toEqual([403, "FORBIDDEN"]);
      const a = await RawClient.open(port);
      a.write(bigPost("/v1/admin/publish", `Authorization: Bearer ${officer}\r\n`));
      expect(await a.waitFor(hasFinal, 3000)).toBe(true);
      expect(a.status).toBe(403);
      expect(await a.waitFor((x) => x.closed, 3000)).toBe(true);
    });

    it("Expect: 100-continue — refused callers get the final answer and no 100; a source is told to send its body", async () => {
      const anon = await RawClient.open(port);
      anon.write(bigPost("/v1/events", "Expect: 100-continue\r\n"));
      expect(await anon.waitFor(hasFinal, 3000)).toBe(true);
      expect(anon.text.startsWith("HTTP/1.1 401")).toBe(true);
      expect(anon.text).not.toContain("100 Continue");

      const body = JSON.stringify({ events: [{ eventId: "x" }] });
      const src = await RawClient.open(port);
      src.write(`POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TEST_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`);
      expect(await src.waitFor((x) => x.text.includes("100 Continue"), 3000), src.text).toBe(true);
      src.write(body);
      expect(await src.waitFor(hasFinal, 5000)).toBe(true);
      expect(src.status).toBe(200);
      src.close();
    });
  });

  describe("connections and time", () => {
    it("the defaults: 256 connections, headers and body within 8 s", () => {
      expect(DEFAULT_MAX_CONNECTIONS).toBe(256);
      expect(server.maxConnections).toBe(256);
      expect(server.requestTimeout).toBe(DEFAULT_REQUEST_TIMEOUT_MS);
      expect(server.headersTimeout).toBeLessThanOrEqual(server.requestTimeout);
    });

    it("caps open connections: with maxConnections 2 a third is closed unanswered, and served again once one closes", async () => {
      const tight = await start({ maxConnections: 2 });
      const held = [await RawClient.open(tight.port), await RawClient.open(tight.port)];
      for (const h of held) h.write(`GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1:${tight.port}\r\n`);
      const third = await RawClient.open(tight.port);
      third.write(`GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1:${tight.port}\r\n\r\n`);
      expect(await third.waitFor((x) => x.closed, 3000)).toBe(true);
      expect(third.text).toBe("");
      held[0]!.close();
      await new Promise((ok) => setTimeout(ok, 100));
      expect((await call(tight.port, "GET", "/v1/health", {})).status).toBe(200);
      held[1]!.close();
    });

    it("a body that stops coming: 408 and closed after the request timeout (1 s here), not held", async () => {
      const slow = await start({ requestTimeoutMs: 1000 });
      const t0 = Date.now();
      const c = await RawClient.open(slow.port);
      c.write(`POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\nAuthorization: Bearer ${TEST_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"events":[`);
      expect(await c.waitFor((x) => x.closed, 5000)).toBe(true);
      const ms = Date.now() - t0;
      expect(c.status).toBe(408);
      expect(ms).toBeGreaterThanOrEqual(900);
      expect(ms).toBeLessThan(2500);
      // Headers that never end: the same.
      const h = await RawClient.open(slow.port);
      h.write(`GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\n`);
      expect(await h.waitFor((x) => x.closed, 5000)).toBe(true);
      expect(h.status).toBe(408);
    });

    it("with the defaults, an unterminated chunked body is answered 408 and closed in under 10 s", async () => {
      const t0 = Date.now();
      const c = await RawClient.open(port);
      c.write(`POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TEST_TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"eve\r\n`);
      expect(await c.waitFor((x) => x.closed, 12_000)).toBe(true);
      const ms = Date.now() - t0;
      expect(c.status).toBe(408);
      expect(ms).toBeGreaterThanOrEqual(DEFAULT_REQUEST_TIMEOUT_MS - 100);
      expect(ms).toBeLessThan(10_000);
    }, 20_000);
  });

  describe("static files", () => {
    it("a missing asset or file is a 404 — with or without a dot under /assets/ — while app routes get index.html, no-cache", async () => {
      for (const path of ["/assets/missing", "/assets/missing.js", "/assets/", "/assets/sub/", "/missing.png", "/favicon.ico"]) {
        const r = await call(port, "GET", path, {});
        expect([path, r.status, r.body.includes("<title>")]).toEqual([path, 404, false]);
        expect(String(r.headers["cache-control"])).not.toContain("immutable");
      }
      for (const path of ["/", "/units/DEPT-STP-2020", "/admin/audit"]) {
        const r = await call(port, "GET", path, {});
        expect([path, r.status, r.headers["cache-control"], r.body.includes("<title>Scorecard")]).toEqual([path, 200, "no-cache", true]);
      }
      const asset = await call(port, "GET", "/assets/app-1a2b.js", {});
      expect([asset.status, asset.headers["cache-control"]]).toEqual([200, "public, max-age=31536000, immutable"]);
    });
  });
});
