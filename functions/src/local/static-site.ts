/**
 * The built dashboard as CloudFront serves it in AWS (infra/lib/constructs/dashboard-site.ts), for
 * the local server:
 *
 * - **SPA fallback as CloudFront's viewer-request function**: a path whose last segment has no dot
 *   is an app route and gets `index.html`; any other path is a file or a **404** (S3 answers a
 *   missing object with an error, never the HTML shell — a missing `/assets/x.js` must not come
 *   back as HTML marked immutable for a year). Nothing under `/assets/` is an app route: only the
 *   build's files live there, so `/assets/<missing>` is a 404 whether or not its name has a dot.
 * - **Cache headers**: the hashed files under `/assets/` are immutable for a year; `index.html` and
 *   the other unhashed files (robots.txt) are `no-cache`, revalidated by their ETag (304).
 * - **Compression by Accept-Encoding** (CloudFront's "compress objects automatically"): brotli
 *   when the client takes it, else gzip, for text files of 1 KiB or more. The build writes `.br`
 *   and `.gz` siblings (dashboard/vite.config.ts); a file without them (another build) is
 *   compressed once and kept in memory, keyed by its path, size and modification time.
 */
import { createReadStream, statSync, type Stats } from "node:fs";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".xml": "application/xml; charset=utf-8",
};

/** Types worth compressing (fonts and PNG are compressed already). */
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".map", ".txt", ".webmanifest", ".xml", ".ico"]);
/** Below this a compressed body saves less than a packet. */
export const COMPRESS_MIN_BYTES = 1024;

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";

export type Encoding = "br" | "gzip";

/**
 * The encoding to answer with: brotli when the client accepts it, else gzip, else none. Honours
 * q-values (`br;q=0` refuses brotli) and `*`.
 */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : (acceptEncoding ?? "");
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (enc: string) => (q.get(enc) ?? q.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return null;
}

/** The build's hashed files: immutable, and never the HTML shell. */
const ASSETS = "/assets/";

/** An app route (no dot in the last segment), as CloudFront's SPA rewrite decides. */
export function isAppRoute(pathname: string): boolean {
  const last = pathname.split("/").pop() ?? "";
  return last === "" || !last.includes(".");
}

/** Compressed copies made on the fly (files without build-time siblings), bounded in bytes. */
class CompressedCache {
  readonly #entries = new Map<string, Promise<Buffer>>();
  readonly #sizes = new Map<string, number>();
  #bytes = 0;
  constructor(readonly maxBytes: number) {}

  get(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.#entries.get(key);
    if (hit) {
      // Most recently used last.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const p = make();
    this.#entries.set(key, p);
    p.then(
      (b) => {
        if (this.#entries.get(key) !== p) return;
        this.#sizes.set(key, b.length);
        this.#bytes += b.length;
        for (const [k] of this.#entries) {
          if (this.#bytes <= this.maxBytes || k === key) break;
          this.#drop(k);
        }
      },
      () => this.#entries.delete(key),
    );
    return p;
  }

  #drop(key: string) {
    this.#entries.delete(key);
    this.#bytes -= this.#sizes.get(key) ?? 0;
    this.#sizes.delete(key);
  }
}

async function compressFile(file: string, encoding: Encoding): Promise<Buffer> {
  const raw = await readFile(file);
  return encoding === "br"
    ? brotliAsync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } })
    : gzipAsync(raw, { level: 9 });
}

const SUFFIX: Readonly<Record<Encoding, string>> = { br: ".br", gzip: ".gz" };

export interface StaticSiteOptions {
  /** The built dashboard (dashboard/dist). */
  readonly dir: string;
  /** Headers every page and file gets (CloudFront's response-headers policy). */
  readonly headers: Readonly<Record<string, string>>;
  /** Memory for compressed copies made on the fly. @default 32 MiB */
  readonly cacheBytes?: number;
}

/** Serves GET/HEAD requests for the built dashboard; `pathname` is already percent-decoded. */
export function createStaticSite(options: StaticSiteOptions) {
  const dir = normalize(options.dir);
  const cache = new CompressedCache(options.cacheBytes ?? 32 * 1024 * 1024);

  const notFound = (res: ServerResponse, head: boolean) => {
    res.writeHead(404, { ...options.headers, "content-type": "text/plain; charset=utf-8", "cache-control": REVALIDATE });
    res.end(head ? undefined : "Not found\n");
  };

  /** A regular file inside the site's folder, or null. */
  const fileAt = (pathname: string): { file: string; stat: Stats } | null => {
    const file = normalize(join(dir, pathname));
    if (!file.startsWith(dir + sep)) return null;
    try {
      const stat = statSync(file);
      return stat.isFile() ? { file, stat } : null;
    } catch {
      return null;
    }
  };

  /** A build-time sibling (`x.js.br`) no older than the file itself. */
  const sibling = (file: string, stat: Stats, encoding: Encoding): { file: string; stat: Stats } | null => {
    const path = file + SUFFIX[encoding];
    try {
      const s = statSync(path);
      return s.isFile() && s.mtimeMs >= stat.mtimeMs ? { file: path, stat: s } : null;
    } catch {
      return null;
    }
  };

  return async function serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const head = req.method === "HEAD";
    let found: { file: string; stat: Stats } | null;
    if (isAppRoute(pathname) && !pathname.startsWith(ASSETS)) {
      found = fileAt("/index.html");
      if (!found) {
        res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }).end("Dashboard not built: run `npm run build`.");
        return;
      }
    } else {
      found = fileAt(pathname);
      // Compressed siblings are served for their file, never by their own name.
      if (!found || /\.(br|gz)$/.test(found.file)) {
        notFound(res, head);
        return;
      }
    }
    const { file, stat } = found;
    const ext = extname(file);
    const hashed = pathname.startsWith(ASSETS) && !isAppRoute(pathname);
    const compressible = COMPRESSIBLE.has(ext) && stat.size >= COMPRESS_MIN_BYTES;
    const encoding = compressible ? negotiateEncoding(req.headers["accept-encoding"]) : null;
    const tag = `${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ""}`;
    const headers: Record<string, string> = {
      ...options.headers,
      "content-type": CONTENT_TYPES[ext] ?? "application/octet-stream",
      "cache-control": hashed ? IMMUTABLE : REVALIDATE,
      etag: `W/"${tag}"`,
      "last-modified": stat.mtime.toUTCString(),
      ...(compressible ? { vary: "accept-encoding" } : {}),
    };
    const inm = req.headers["if-none-match"];
    if (inm && inm.split(",").some((t) => t.trim() === headers["etag"] || t.trim() === "*")) {
      res.writeHead(304, headers).end();
      return;
    }
    if (!encoding) {
      res.writeHead(200, { ...headers, "content-length": String(stat.size) });
      if (head) res.end();
      else createReadStream(file).pipe(res);
      return;
    }
    headers["content-encoding"] = encoding;
    const pre = sibling(file, stat, encoding);
    if (pre) {
      res.writeHead(200, { ...headers, "content-length": String(pre.stat.size) });
      if (head) res.end();
      else createReadStream(pre.file).pipe(res);
      return;
    }
    const body = await cache.get(`${file}\0${stat.size}\0${stat.mtimeMs}\0${encoding}`, () => compressFile(file, encoding));
    res.writeHead(200, { ...headers, "content-length": String(body.length) }).end(head ? undefined : body);
  };
}
