import type { Clock } from "../../ports/runtime.js";
import type { Lake } from "../../ports/lake.js";
import { promisify } from "node:util";
import { gzip as gzipCb } from "node:zlib";
import { rawBatchKey } from "@scorecard/shared/lake/layout";
import { sha256Hex } from "../../lib/canonical.js";
import { findJsonProblem } from "../../lib/json-guard.js";
import { type IngestDeps, admitEvent } from "./ingest-events.js";

const gzip = promisify(gzipCb);

export interface ImportProgress {
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
}

export interface ImportSummary extends ImportProgress {
  readonly objects: number;
}

/** What the import makes of one line: skipped (blank), refused (code and message), or the stored event as JSON. */
export type LineVerdict = { readonly kind: "blank" } | { readonly kind: "rejected"; readonly code: string; readonly message: string } | { readonly kind: "ok"; readonly json: string };

/**
 * Runs `admitLine` over batches of lines elsewhere (worker threads: adapters/local/admit-pool.ts),
 * answering in the order of the lines. Same validation, same pseudonyms, same JSON.
 */
export interface LineAdmitter {
  admit(lines: readonly string[], firstLine: number, nowMs: number): Promise<LineVerdict[]>;
  /** How many batches may be in flight at once (keeps every worker busy, memory bounded). */
  readonly inFlight: number;
}

export interface ImportDeps extends Pick<IngestDeps, "hasher" | "isKnownUnit" | "clock"> {
  readonly lake: Lake;
  readonly clock: Clock;
  /** Called with each refused line (1-based line number, code and message naming the field). */
  readonly onReject?: (line: number, code: string, message: string, raw: string) => void;
  readonly onProgress?: (p: ImportProgress) => void;
  readonly chunkSize?: number;
  /** Validate on worker threads (the local CLI and seed); without it, on this thread. Same objects either way. */
  readonly admitter?: LineAdmitter | undefined;
  /** Lines per batch handed to the admitter. */
  readonly batchLines?: number;
}

/**
 * One line through the API's checks: JSON syntax, the duplicate-key / depth guard (batch-body.ts:
 * parsers disagree on which copy of a repeated key wins), then admitEvent (schema, pseudonymisation,
 * clock skew, unit catalog).
 */
export function admitLine(line: string, lineNo: number, deps: Pick<IngestDeps, "hasher" | "isKnownUnit" | "clock">): LineVerdict {
  const trimmed = line.trim();
  if (trimmed === "") return { kind: "blank" };
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch {
    return { kind: "rejected", code: "MALFORMED_JSON", message: `line ${lineNo} is not valid JSON` };
  }
  const problem = findJsonProblem(trimmed, 32, raw);
  if (problem) {
    return {
      kind: "rejected",
      code: problem.code,
      message: problem.code === "DUPLICATE_KEY" ? `line ${lineNo} repeats the key "${problem.key.slice(0, 64)}" in one object` : `line ${lineNo} nests more than 32 levels`,
    };
  }
  const r = admitEvent(raw, deps);
  if (!r.ok) return { kind: "rejected", code: r.code, message: r.message };
  return { kind: "ok", json: JSON.stringify(r.event) };
}

/**
 * Bulk history straight into the lake (docs/adr/0004): every line gets the API's validation and
 * pseudonymisation; accepted events are written in chunks as raw objects whose key is the hash
 * of their content, so re-running an import rewrites the same objects instead of adding copies.
 * Duplicates across imports and the API are removed by compaction (dedupe by eventId). Memory
 * stays bounded by the chunk size (two chunks: one being compressed and written while the next
 * fills) and, with an admitter, by its batches in flight.
 */
export const importEvents =
  (deps: ImportDeps) =>
  async (lines: AsyncIterable<string> | Iterable<string>): Promise<ImportSummary> => {
    const chunkSize = deps.chunkSize ?? 50_000;
    let read = 0;
    let accepted = 0;
    let rejected = 0;
    let objects = 0;
    let chunk: string[] = [];
    const day = deps.clock.now().toISOString().slice(0, 10);

    // The chunk's text is hashed here; compression (libuv's pool) and the write overlap the next chunk.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (chunk.length === 0) return;
      const text = chunk.join("\n") + "\n";
      const n = chunk.length;
      chunk = [];
      const key = rawBatchKey("events", day, `import-${sha256Hex(text).slice(0, 32)}`);
      const previous = writing;
      const next = (async () => {
        const body = await gzip(text);
        await previous;
        await deps.lake.put(key, body);
        accepted += n;
        objects++;
        deps.onProgress?.({ read, accepted, rejected });
      })();
      next.catch(() => undefined); // observed by the next flush or the final await, not lost
      writing = next;
      await previous;
    };
    const take = async (v: LineVerdict, lineNo: number, raw: string) => {
      if (v.kind === "blank") return;
      if (v.kind === "rejected") {
        rejected++;
        deps.onReject?.(lineNo, v.code, v.message, raw.trim());
        return;
      }
      chunk.push(v.json);
      if (chunk.length >= chunkSize) await flush();
    };

    const admitter = deps.admitter;
    if (!admitter) {
      for await (const line of lines) {
        read++;
        await take(admitLine(line, read, deps), read, line);
      }
    } else {
      // Batches go out in order and their verdicts are taken in order: the same chunks, the same keys.
      const batchLines = deps.batchLines ?? 2_000;
      const queue: { lines: string[]; first: number; verdicts: Promise<LineVerdict[]> }[] = [];
      const drainOne = async () => {
        const b = queue.shift() as (typeof queue)[number];
        const verdicts = await b.verdicts;
        for (let i = 0; i < verdicts.length; i++) await take(verdicts[i] as LineVerdict, b.first + i, b.lines[i] as string);
      };
      let batch: string[] = [];
      const send = () => {
        const first = read - batch.length + 1;
        queue.push({ lines: batch, first, verdicts: admitter.admit(batch, first, deps.clock.now().getTime()) });
        batch = [];
      };
      for await (const line of lines) {
        read++;
        batch.push(line);
        if (batch.length >= batchLines) {
          send();
          if (queue.length >= admitter.inFlight) await drainOne();
        }
      }
      if (batch.length) send();
      while (queue.length) await drainOne();
    }
    await flush();
    await writing;
    return { read, accepted, rejected, objects };
  };
