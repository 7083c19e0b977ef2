import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

export interface DynaliteOnThread {
  readonly port: number;
  /** Stop accepting requests, close LevelDB (everything written is on disk), end the thread. */
  close(): Promise<void>;
}

/**
 * dynalite on a worker thread of its own: the emulator's request parsing, validation and LevelDB
 * calls run on one core while the API's handlers, the SDK's serialisation and the outbox drain run
 * on the other (on two cores the API ingested ~2× the events a second than with both on one thread;
 * docs/performance.md). Plain JavaScript in the worker: dynalite is CommonJS, loaded by its
 * resolved path. The server's keep-alive timer is off (the client decides when a socket goes:
 * an idle socket closed under a request reads ECONNRESET, and enough of those empty the SDK's retry
 * quota — the demo seed failed so).
 */
export async function startDynaliteThread(options: { path?: string }): Promise<DynaliteOnThread> {
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    const dynalite = require(workerData.dynalite);
    const server = dynalite({ ...workerData.options, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    server.keepAliveTimeout = 0;
    server.once("error", (e) => parentPort.postMessage({ error: String(e && e.message || e) }));
    server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
    parentPort.on("message", (m) => {
      if (m === "close") server.close(() => parentPort.postMessage({ closed: true }));
    });
  `;
  const worker = new Worker(source, { eval: true, workerData: { dynalite: createRequire(import.meta.url).resolve("dynalite"), options: options.path ? { path: options.path } : {} } });
  const port = await new Promise<number>((ok, fail) => {
    worker.once("error", fail);
    worker.once("exit", (code) => fail(new Error(`dynalite's thread ended (exit ${code}) before it listened`)));
    worker.once("message", (m: { port?: number; error?: string }) => (m.port ? ok(m.port) : fail(new Error(`dynalite: ${m.error}`))));
  });
  worker.removeAllListeners("exit");
  return {
    port,
    close: async () => {
      await new Promise<void>((ok) => {
        worker.once("message", () => ok());
        worker.once("exit", () => ok());
        worker.postMessage("close");
      });
      await worker.terminate();
    },
  };
}
