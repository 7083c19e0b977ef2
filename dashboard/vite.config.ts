import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import type { ChunkingContext } from "rolldown";
import { type Plugin, defineConfig } from "vite";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes `x.br` (brotli 11) and `x.gz` (gzip 9) beside every text file of the build of 1 KiB or
 * more (source maps left out: the dashboard never asks for them), so the local server sends them
 * to browsers that accept them without compressing on the fly (functions/src/local/static-site.ts;
 * CloudFront compresses by itself in AWS).
 */
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "scorecard-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir); // an absolute --outDir stays absolute
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })).map((f) => join(outDir, f)).filter((f) => /\.(js|css|html|svg|json|txt|xml|webmanifest)$/.test(f));
      await Promise.all(
        files.map(async (file) => {
          if ((await stat(file)).size < 1024) return;
          const raw = await readFile(file);
          const [br, gzip] = await Promise.all([
            brotli(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
            gz(raw, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzip)]);
        }),
      );
    },
  };
}

/**
 * The first page's modules in one chunk (issue 19, item 11). Left to itself the bundler makes a
 * chunk of every set of modules shared between the first page and the lazy pages: 17 scripts and
 * 4 style sheets for the public rankings, each a request after the HTML (over HTTP/1.1, six at a
 * time). A module belongs to the first page when the entry reaches it through static imports only;
 * those go into `app` (with their CSS), which the lazy pages then import from; the entry chunk
 * keeps main.ts. What only lazy pages use is chunked as before.
 */
function firstPageChunk(): (id: string, ctx: ChunkingContext) => string | null {
  const memo = new Map<string, boolean>();
  const initial = (id: string, ctx: ChunkingContext): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    memo.set(id, false); // a cycle back to this module proves nothing
    const info = ctx.getModuleInfo(id);
    const result = info !== null && (info.isEntry || info.importers.some((importer) => initial(importer, ctx)));
    memo.set(id, result);
    return result;
  };
  return (id, ctx) => (ctx.getModuleInfo(id)?.isEntry !== true && initial(id, ctx) ? "app" : null);
}

export default defineConfig({
  plugins: [svelte(), precompress()],
  build: {
    outDir: "dist",
    target: "es2022",
    sourcemap: true,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: firstPageChunk() }] } } },
  },
  // `vite dev` beside `npm start`: the API and the site's settings (/config.json) come from the local runtime.
  server: { proxy: { "/v1": "http://127.0.0.1:8080", "/config.json": "http://127.0.0.1:8080" } },
});
