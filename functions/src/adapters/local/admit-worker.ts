/**
 * Worker thread of the local bulk import (admit-pool.ts): the same per-line checks as the
 * import's own thread (`admitLine`), with the runtime's pseudonymisation key and unit catalog.
 */
import { parentPort, workerData } from "node:worker_threads";
import { UnitCatalog } from "@scorecard/shared";
import { admitLine } from "../../use-cases/ingest/import-events.js";
import { HmacHasher } from "./file-hasher.js";

const { keyFile } = workerData as { keyFile: string };
const hasher = HmacHasher.fromFile(keyFile);
const catalog = new UnitCatalog();
let nowMs = Date.now();
const deps = { hasher, isKnownUnit: (u: string, d: string) => catalog.isValidOn(u, d), clock: { now: () => new Date(nowMs) } };

parentPort?.on("message", (m: { id: number; lines: string[]; first: number; nowMs: number }) => {
  nowMs = m.nowMs;
  const verdicts = m.lines.map((line, i) => admitLine(line, m.first + i, deps));
  parentPort?.postMessage({ id: m.id, verdicts });
});
