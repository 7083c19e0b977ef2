/**
 * A PDF read back in Chromium with pdf.js (issue 24, item 3): page 1 drawn on a canvas and
 * screenshotted to a PNG, and the text of every page, to check a printed report's sections.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const build = join(dirname(require.resolve("pdfjs-dist/package.json")), "build");

/** Renders page 1 of `pdf` into `png` (a screenshot of the canvas); returns the pages' count and text (NFC). */
export async function renderPdf(page: Page, pdf: Buffer, png: string): Promise<{ pages: number; text: string }> {
  // A blank page of no origin: the site's Content-Security-Policy would refuse pdf.js' blob: modules.
  await page.goto("about:blank");
  await page.setContent(`<!doctype html><html lang="en"><head><title>PDF</title></head><body style="margin:0"><main><canvas id="pdf-page"></canvas></main></body></html>`);
  const result = await page.evaluate(
    async ({ lib, worker, data }) => {
      const url = (src: string) => URL.createObjectURL(new Blob([src], { type: "text/javascript" }));
      // An import() the test runner leaves alone (it rewrites those it sees in a test's source).
      const load = (0, eval)("(u) => import(u)") as (u: string) => Promise<typeof import("pdfjs-dist")>;
      const pdfjs = await load(url(lib));
      pdfjs.GlobalWorkerOptions.workerSrc = url(worker);
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const doc = await pdfjs.getDocument({ data: bytes }).promise;
      const first = await doc.getPage(1);
      const viewport = first.getViewport({ scale: 1.5 });
      const canvas = document.getElementById("pdf-page") as HTMLCanvasElement;
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      await first.render({ canvasContext: canvas.getContext("2d")!, viewport }).promise;
      const texts: string[] = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const content = await (await doc.getPage(i)).getTextContent();
        texts.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
      }
      return { pages: doc.numPages, text: texts.join("\n") };
    },
    { lib: readFileSync(join(build, "pdf.min.mjs"), "utf8"), worker: readFileSync(join(build, "pdf.worker.min.mjs"), "utf8"), data: pdf.toString("base64") },
  );
  await page.locator("#pdf-page").screenshot({ path: png });
  return { pages: result.pages, text: result.text.normalize("NFC") };
}
