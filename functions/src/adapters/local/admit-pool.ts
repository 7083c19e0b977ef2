import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { LineAdmitter, LineVerdict } from "../../use-cases/ingest/import-events.js";

/**
 * The bulk import's validation on worker threads (local CLI and seed): JSON parsing, the schema,
 * HMAC pseudonyms and serialisation are per-line CPU work that one thread cannot do at 50 000
 * events/s. Each worker loads the same key file as the runtime's HmacHasher and the same unit
 * catalog; the import keeps the order of lines, so chunks and their content-hash keys are the
 * same as on one thread. Only for the runtime's own checks (HmacHasher key file, UnitCatalog).
 */
export class AdmitPool implements LineAdmitter {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { ok: (v: LineVerdict[]) => void; fail: (e: unknown) => void }>();
  private nextId = 0;
  readonly inFlight: number;

  constructor(options: { keyFile: string; workers?: number }) {
    const n = Math.max(1, options.workers ?? Math.min(4, availableParallelism()));
    this.inFlight = n * 3;
    // TypeScript sources run through tsx's loader, registered inside the worker (a worker does not
    // inherit the main thread's `--import tsx` hooks on every Node version).
    const ts = import.meta.url.endsWith(".ts");
    const url = new URL(`./admit-worker.${ts ? "ts" : "js"}`, import.meta.url);
    const entry = ts
      ? `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`
      : `import(${JSON.stringify(url.href)})`;
    this.workers = Array.from({ length: n }, () => {
      const w = new Worker(entry, { eval: true, workerData: { keyFile: options.keyFile } });
      w.on("message", (m: { id: number; verdicts: LineVerdict[] }) => {
        const p = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        p?.ok(m.verdicts);
      });
      w.on("error", (e) => {
        for (const p of this.waiting.values()) p.fail(e);
        this.waiting.clear();
      });
      return w;
    });
  }

  admit(lines: readonly string[], first: number, nowMs: number): Promise<LineVerdict[]> {
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length] as Worker;
    return new Promise((ok, fail) => {
      this.waiting.set(id, { ok, fail });
      worker.postMessage({ id, lines, first, nowMs });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
