/**
 * The local server's static files and compression (issue 19, item 11): as CloudFront serves the
 * dashboard in AWS — compression negotiated by Accept-Encoding (build-time `.br`/`.gz` siblings,
 * else compressed on the fly), hashed assets immutable, `index.html` revalidated, a missing file a
 * 404 (never the HTML shell), app routes the shell, robots.txt as a text file; API JSON
 * compressed the same way.
 */
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { type IncomingHttpHeaders, type Server, request } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalServer, listen } from "../src/local/server.js";
import { isAppRoute, negotiateEncoding } from "../src/local/static-site.js";
import { tempRuntime } from "./support/temp-runtime.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BROWSER = "gzip, deflate, br, zstd";

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly raw: Buffer;
  /** The body decoded as its content-encoding says. */
  readonly text: string;
}

/** A raw HTTP request (fetch would add and decode an Accept-Encoding of its own). */
function get(base: string, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const enc = res.headers["content-encoding"];
        const text = (raw.length === 0 ? raw : enc === "br" ? brotliDecompressSync(raw) : enc === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
        ok({ status: res.statusCode ?? 0, headers: res.headers, raw, text });
      });
      res.on("error", fail);
    });
    req.on("error", fail);
    req.end();
  });
}

describe("Accept-Encoding negotiation", () => {
  it("prefers brotli, then gzip, and honours q=0 and *", () => {
    expect(negotiateEncoding(BROWSER)).toBe("br");
    expect(negotiateEncoding("gzip, deflate")).toBe("gzip");
    expect(negotiateEncoding("br;q=0, gzip;q=0.8")).toBe("gzip");
    expect(negotiateEncoding("BR")).toBe("br");
    expect(negotiateEncoding("*")).toBe("br");
    expect(negotiateEncoding("*, br;q=0")).toBe("gzip");
    expect(negotiateEncoding("identity")).toBeNull();
    expect(negotiateEncoding("gzip;q=0")).toBeNull();
    expect(negotiateEncoding("")).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });

  it("treats a path whose last segment has no dot as an app route (CloudFront's SPA rewrite)", () => {
    expect(isAppRoute("/")).toBe(true);
    expect(isAppRoute("/no/such/page")).toBe(true);
    expect(isAppRoute("/assets/")).toBe(true);
    expect(isAppRoute("/assets/index-abc.js")).toBe(false);
    expect(isAppRoute("/robots.txt")).toBe(false);
  });
});

describe("Local server: the built dashboard and API bodies, compressed and cached as in AWS", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let server: Server;
  let base: string;
  let site: string;
  // Text large enough to be compressed (≥ 1 KiB), distinct per file.
  const script = `export const rows = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ unit: `Sở ${i}`, score: i })))};\n`;
  const css = `.table { color: black; }\n`.repeat(80);
  const html = `<!doctype html><html lang="vi"><head><title>Scorecard</title><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="app"></div>${"<!-- padding -->".repeat(80)}</body></html>\n`;
  const robots = readFileSync(join(ROOT, "dashboard", "public", "robots.txt"), "utf8");

  beforeAll(async () => {
    env = await tempRuntime();
    site = join(env.dataDir, "site");
    mkdirSync(join(site, "assets"), { recursive: true });
    writeFileSync(join(site, "index.html"), html);
    writeFileSync(join(site, "robots.txt"), robots);
    writeFileSync(join(site, "assets", "index-abc123.js"), script);
    writeFileSync(join(site, "assets", "index-abc123.css"), css);
    // Build-time siblings for the script only; the CSS is compressed on the fly. The sibling's
    // content is marked, so the test sees which copy was sent.
    writeFileSync(join(site, "assets", "index-abc123.js.br"), brotliCompressSync(`${script}// from the .br sibling\n`));
    writeFileSync(join(site, "assets", "index-abc123.js.gz"), gzipSync(`${script}// from the .gz sibling\n`));
    server = createLocalServer(env.rt, { dashboardDir: site });
    base = `http://127.0.0.1:${await listen(server, 0)}`;
  });
  afterAll(async () => {
    await new Promise((ok) => server?.close(ok));
    await env?.dispose();
  });

  it("sends a hashed asset's build-time brotli or gzip copy by Accept-Encoding, immutable for a year", async () => {
    const br = await get(base, "/assets/index-abc123.js", { "accept-encoding": BROWSER });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.text).toBe(`${script}// from the .br sibling\n`);
    expect(Number(br.headers["content-length"])).toBe(br.raw.length);
    expect(br.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers["vary"]).toBe("accept-encoding");
    expect(br.headers["content-security-policy"]).toContain("script-src 'self'");

    const gz = await get(base, "/assets/index-abc123.js", { "accept-encoding": "gzip, deflate" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.text).toBe(`${script}// from the .gz sibling\n`);

    const plain = await get(base, "/assets/index-abc123.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.text).toBe(script);
    expect(plain.headers["vary"]).toBe("accept-encoding");
    expect(Number(plain.headers["content-length"])).toBe(Buffer.byteLength(script));
  });

  it("compresses a file without siblings on the fly (the same bytes as the file), and again after it changes", async () => {
    const a = await get(base, "/assets/index-abc123.css", { "accept-encoding": BROWSER });
    expect(a.headers["content-encoding"]).toBe("br");
    expect(a.text).toBe(css);
    expect(a.raw.length).toBeLessThan(css.length / 5);
    const g = await get(base, "/assets/index-abc123.css", { "accept-encoding": "gzip" });
    expect(g.headers["content-encoding"]).toBe("gzip");
    expect(g.text).toBe(css);
    expect((await get(base, "/assets/index-abc123.css", { "accept-encoding": BROWSER })).raw).toEqual(a.raw);

    const changed = `${css}.more { color: red; }\n`;
    writeFileSync(join(site, "assets", "index-abc123.css"), changed);
    utimesSync(join(site, "assets", "index-abc123.css"), new Date(), new Date(Date.now() + 5_000));
    expect((await get(base, "/assets/index-abc123.css", { "accept-encoding": BROWSER })).text).toBe(changed);
  });

  it("ignores a sibling older than its file (a stale copy is never sent)", async () => {
    utimesSync(join(site, "assets", "index-abc123.js"), new Date(), new Date(Date.now() + 10_000));
    const br = await get(base, "/assets/index-abc123.js", { "accept-encoding": BROWSER });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.text).toBe(script);
  });

  it("answers a missing asset with 404, not the HTML shell, and never marks it immutable", async () => {
    for (const path of ["/assets/index-missing.js", "/assets/nope.css", "/favicon.ico", "/assets/index-abc123.js.br", "/..%2f..%2fetc%2fpasswd.txt"]) {
      const r = await get(base, path, { "accept-encoding": BROWSER });
      expect(r.status, path).toBe(404);
      expect(r.headers["content-type"], path).toBe("text/plain; charset=utf-8");
      expect(r.headers["cache-control"], path).not.toContain("immutable");
      expect(r.text, path).not.toContain("<html");
      expect(r.headers["content-security-policy"], path).toContain("default-src 'self'");
    }
  });

  it("serves the HTML shell for app routes, compressed, no-cache and revalidated by its ETag", async () => {
    for (const path of ["/", "/index.html", "/?period=2025-H2&tier=DEPARTMENT", "/no/such/page"]) {
      const r = await get(base, path, { "accept-encoding": BROWSER });
      expect(r.status, path).toBe(200);
      expect(r.headers["content-type"], path).toBe("text/html; charset=utf-8");
      expect(r.headers["cache-control"], path).toBe("no-cache");
      expect(r.headers["content-encoding"], path).toBe("br");
      expect(r.text, path).toBe(html);
    }
    const first = await get(base, "/", { "accept-encoding": BROWSER });
    const etag = first.headers["etag"] as string;
    expect(etag).toMatch(/^W\/"/);
    const again = await get(base, "/", { "accept-encoding": BROWSER, "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);
    expect(again.headers["cache-control"]).toBe("no-cache");
    // The ETag names the encoding: a cached gzip copy is not taken for the brotli one.
    expect((await get(base, "/", { "accept-encoding": "gzip", "if-none-match": etag })).status).toBe(200);
  });

  it("answers HEAD with the headers and no body", async () => {
    const r = await get(base, "/assets/index-abc123.js", { "accept-encoding": BROWSER }, "HEAD");
    expect(r.status).toBe(200);
    expect(r.raw.length).toBe(0);
    expect(r.headers["content-encoding"]).toBe("br");
    expect(Number(r.headers["content-length"])).toBeGreaterThan(0);
  });

  it("serves robots.txt as text: the public pages may be crawled, the API may not", async () => {
    const r = await get(base, "/robots.txt");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(r.headers["cache-control"]).toBe("no-cache");
    const rules = r.text.split("\n").filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.trim());
    expect(rules).toEqual(["User-agent: *", "Allow: /", "Disallow: /v1/"]);
  });

  it("compresses API JSON by Accept-Encoding (brotli, gzip, none) with the same content", async () => {
    const br = await get(base, "/v1/openapi.json", { "accept-encoding": BROWSER });
    const gz = await get(base, "/v1/openapi.json", { "accept-encoding": "gzip" });
    const plain = await get(base, "/v1/openapi.json");
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(br.text).toBe(plain.text);
    expect(gz.text).toBe(plain.text);
    for (const r of [br, gz, plain]) expect(r.headers["vary"]).toBe("accept-encoding");
    expect(br.raw.length).toBeLessThan(plain.raw.length / 3);
    expect(JSON.parse(br.text)).toHaveProperty("openapi");
  });

  it("answers 503 for app routes when the dashboard is not built", async () => {
    rmSync(join(site, "index.html"));
    try {
      const r = await get(base, "/");
      expect(r.status).toBe(503);
      expect(r.text).toContain("npm run build");
    } finally {
      writeFileSync(join(site, "index.html"), html);
    }
  });
});
