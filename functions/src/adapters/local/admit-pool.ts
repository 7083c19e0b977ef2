import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { BlockAdmitter, BlockVerdict, LineBlock } from "../../use-cases/ingest/import-events.js";

/**
 * The bulk import's validation on worker threads (local CLI and seed): JSON parsing, the schema,
 * HMAC pseudonyms and serialisation are per-line CPU work; the import's thread only cuts the
 * input into blocks and joins the accepted events' bytes into raw objects. Each worker loads the
 * same key file as the runtime's HmacHasher and the same unit catalog; the import keeps the order
 * of lines, so chunks and their content-hash keys are the same as on one thread. Only for the
 * runtime's own checks (HmacHasher key file, UnitCatalog).
 *
 * The key file may be a promise: the workers start at once and load their modules (seconds under
 * tsx) while the caller opens its runtime, which creates the key; they read it before the first block.
 */
export class AdmitPool implements BlockAdmitter {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { ok: (v: BlockVerdict) => void; fail: (e: unknown) => void }>();
  private nextId = 0;
  private readonly keyed: Promise<void>;
  readonly inFlight: number;

  constructor(options: { keyFile: string | Promise<string>; workers?: number }) {
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
      const w = new Worker(entry, { eval: true });
      w.on("message", (m: { id: number; verdict: BlockVerdict }) => {
        const p = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        p?.ok(m.verdict);
      });
      w.on("error", (e) => {
        for (const p of this.waiting.values()) p.fail(e);
        this.waiting.clear();
      });
      return w;
    });
    this.keyed = Promise.resolve(options.keyFile).then((keyFile) => {
      for (const w of this.workers) w.postMessage({ keyFile });
    });
    this.keyed.catch(() => undefined); // the caller's own failure (its runtime did not open); admit() reports it
  }

  async admit(block: LineBlock, first: number, nowMs: number): Promise<BlockVerdict> {
    await this.keyed;
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length] as Worker;
    // NDJSON bytes with a buffer of their own move to the worker; anything else is copied.
    const transfer = block instanceof Uint8Array && block.byteOffset === 0 && block.byteLength === block.buffer.byteLength ? [block.buffer as ArrayBuffer] : [];
    return new Promise((ok, fail) => {
      this.waiting.set(id, { ok, fail });
      worker.postMessage({ id, block, first, nowMs }, transfer);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
