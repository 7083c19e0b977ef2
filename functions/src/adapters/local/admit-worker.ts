/**
 * Worker thread of the local bulk import (admit-pool.ts): the same per-line checks as the
 * import's own thread (`admitBlock`), with the runtime's pseudonymisation key and unit catalog.
 */
import { parentPort } from "node:worker_threads";
import { UnitCatalog } from "@scorecard/shared";
import { type LineBlock, admitBlock } from "../../use-cases/ingest/import-events.js";
import { HmacHasher } from "./file-hasher.js";

const catalog = new UnitCatalog();
let nowMs = Date.now();
let deps: Parameters<typeof admitBlock>[2] | undefined;

// First the key file (once the runtime has created it), then blocks.
parentPort?.on("message", (m: { keyFile: string } | { id: number; block: LineBlock; first: number; nowMs: number }) => {
  if ("keyFile" in m) {
    deps = { hasher: HmacHasher.fromFile(m.keyFile), isKnownUnit: (u: string, d: string) => catalog.isValidOn(u, d), clock: { now: () => new Date(nowMs) } };
    return;
  }
  if (!deps) throw new Error("admit-worker: a block before the key file");
  nowMs = m.nowMs;
  const verdict = admitBlock(m.block, m.first, deps);
  // The accepted events' bytes are moved to the import's thread, not copied.
  parentPort?.postMessage({ id: m.id, verdict }, [verdict.json.buffer as ArrayBuffer]);
});
