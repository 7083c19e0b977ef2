import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { StoredCaseEvent } from "@scorecard/shared";
import type { Clock, Lake } from "../ports/index.js";
import { type IngestDeps, admitEvent } from "./ingest-events.js";

export interface ImportProgress {
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
}

export interface ImportSummary extends ImportProgress {
  readonly objects: number;
}

export interface ImportDeps extends Pick<IngestDeps, "hasher" | "isKnownUnit" | "clock"> {
  readonly lake: Lake;
  readonly clock: Clock;
  /** Called with each refused line (1-based line number, code and message naming the field). */
  readonly onReject?: (line: number, code: string, message: string, raw: string) => void;
  readonly onProgress?: (p: ImportProgress) => void;
  readonly chunkSize?: number;
}

/**
 * Bulk history straight into the lake (docs/adr/0004): every line gets the API's validation and
 * pseudonymisation; accepted events are written in chunks as raw objects whose key is the hash
 * of their content, so re-running an import rewrites the same objects instead of adding copies.
 * Duplicates across imports and the API are removed by compaction (dedupe by eventId). Memory
 * stays bounded by the chunk size.
 */
export const importEvents =
  (deps: ImportDeps) =>
  async (lines: AsyncIterable<string> | Iterable<string>): Promise<ImportSummary> => {
    const chunkSize = deps.chunkSize ?? 50_000;
    let read = 0;
    let accepted = 0;
    let rejected = 0;
    let objects = 0;
    let chunk: StoredCaseEvent[] = [];
    const day = deps.clock.now().toISOString().slice(0, 10);

    const flush = async () => {
      if (chunk.length === 0) return;
      const text = chunk.map((e) => JSON.stringify(e)).join("\n") + "\n";
      const key = `raw/ingest_date=${day}/import-${createHash("sha256").update(text).digest("hex").slice(0, 32)}.ndjson.gz`;
      await deps.lake.put(key, gzipSync(text));
      accepted += chunk.length;
      objects++;
      chunk = [];
      deps.onProgress?.({ read, accepted, rejected });
    };

    for await (const line of lines) {
      read++;
      const trimmed = line.trim();
      if (trimmed === "") continue;
      let raw: unknown;
      try {
        raw = JSON.parse(trimmed);
      } catch {
        rejected++;
        deps.onReject?.(read, "MALFORMED_JSON", `line ${read} is not valid JSON`, trimmed);
        continue;
      }
      const r = admitEvent(raw, deps);
      if (!r.ok) {
        rejected++;
        deps.onReject?.(read, r.code, r.message, trimmed);
        continue;
      }
      chunk.push(r.event);
      if (chunk.length >= chunkSize) await flush();
    }
    await flush();
    return { read, accepted, rejected, objects };
  };
