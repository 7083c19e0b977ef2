import type { Clock } from "../../ports/runtime.js";
import type { Lake } from "../../ports/lake.js";
import { createHash } from "node:crypto";
import { createGzip } from "node:zlib";
import { rawBatchKey } from "@scorecard/shared/lake/layout";
import { findJsonProblem } from "../../lib/json-guard.js";
import { type AdmitDeps, admitEvent } from "./admit-event.js";

/**
 * gzip of the raw objects: level 2 with zlib's largest hash memory. On the stored events of the
 * province-year preset (252 B each as JSON) it costs 0.54 CPU-µs an event for 27.4 B, where the
 * default level 6 costs 1.7–2.0 µs for 21.8 B (level 4: 0.90 µs, 25.1 B); raw objects are read
 * once, by compaction, into Parquet (docs/performance.md, "Bulk import").
 */
export const RAW_GZIP = { level: 2, memLevel: 9 } as const;

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

/** A refused line: its number (1-based, in the whole input), the code and message naming the field, the line as sent. */
export interface LineReject {
  readonly line: number;
  readonly code: string;
  readonly message: string;
  readonly raw: string;
}

/**
 * What the import makes of a block of lines: how many lines it held (blank ones included), the
 * accepted events' JSON as UTF-8 — one per line, each ending in "\n", in the order of the lines —
 * and the refused lines.
 */
export interface BlockVerdict {
  readonly lines: number;
  readonly accepted: number;
  readonly json: Uint8Array;
  readonly rejects: readonly LineReject[];
}

/**
 * A block of input: lines as given (`importEvents`), or NDJSON bytes ending at a line break
 * (`importNdjson`), split into lines as `readline` splits them (\n, \r\n, a lone \r).
 */
export type LineBlock = readonly string[] | Uint8Array;

/**
 * Runs `admitBlock` elsewhere (worker threads: adapters/local/admit-pool.ts), answering in the
 * order of the blocks. Same validation, same pseudonyms, same JSON.
 */
export interface BlockAdmitter {
  admit(block: LineBlock, firstLine: number, nowMs: number): Promise<BlockVerdict>;
  /** How many blocks may be in flight at once (keeps every worker busy, memory bounded). */
  readonly inFlight: number;
}

type LineDeps = Pick<AdmitDeps, "hasher" | "isKnownUnit" | "clock">;

export interface ImportDeps extends LineDeps {
  readonly lake: Lake;
  readonly clock: Clock;
  /** Called with each refused line (1-based line number, code and message naming the field). */
  readonly onReject?: (line: number, code: string, message: string, raw: string) => void;
  readonly onProgress?: (p: ImportProgress) => void;
  /** Accepted events per raw object. */
  readonly chunkSize?: number;
  /** Validate on worker threads (the local CLI and seed); without it, on this thread. Same objects either way. */
  readonly admitter?: BlockAdmitter | undefined;
  /** Lines per block handed to the admitter (`importEvents`). */
  readonly batchLines?: number;
  /** Bytes per block (about; cut at a line break) handed to the admitter (`importNdjson`). */
  readonly blockBytes?: number;
  /** Bytes decoded at a time inside a block on this thread (about; default SLICE_BYTES). */
  readonly sliceBytes?: number;
}

/**
 * One line through the API's checks: JSON syntax, the duplicate-key / depth guard (batch-body.ts:
 * parsers disagree on which copy of a repeated key wins), then admitEvent (schema, pseudonymisation,
 * clock skew, unit catalog).
 */
export function admitLine(line: string, lineNo: number, deps: LineDeps): LineVerdict {
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

// ignoreBOM: a byte-order mark stays a character, as readline leaves it (trim() drops it from a line).
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
const utf8Out = new TextEncoder();
const LF = 0x0a;
const CR = 0x0d;

/** The lines of NDJSON text as `readline` (crlfDelay: Infinity) yields them: \n, \r\n and a lone \r end a line. */
export function splitLines(text: string): string[] {
  const lines = text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop(); // the text ended with a line break (or was empty)
  return lines;
}

/** How many lines `splitLines` finds in these bytes (line breaks are single bytes in UTF-8). */
export function countLines(bytes: Uint8Array): number {
  const n = bytes.length;
  if (n === 0) return 0;
  let breaks = 0;
  if (bytes.indexOf(CR) === -1) {
    for (let i = bytes.indexOf(LF); i !== -1; i = bytes.indexOf(LF, i + 1)) breaks++;
  } else {
    for (let i = 0; i < n; i++) {
      const c = bytes[i];
      if (c === LF) breaks++;
      else if (c === CR) {
        breaks++;
        if (bytes[i + 1] === LF) i++;
      }
    }
  }
  const last = bytes[n - 1];
  return breaks + (last === LF || last === CR ? 0 : 1);
}

/**
 * Strings made and read a slice at a time: V8 puts a string over ~64 KB in its large-object space,
 * where making one (decoding a block, joining its JSON) runs 4–6 times slower than in small pieces.
 */
const SLICE_BYTES = 32 * 1024;

/** `admitLine` over a block: what a worker thread runs, and this thread without one. */
export function admitBlock(block: LineBlock, firstLine: number, deps: LineDeps, sliceBytes = SLICE_BYTES): BlockVerdict {
  const rejects: LineReject[] = [];
  const parts: Uint8Array[] = [];
  let size = 0;
  let accepted = 0;
  let lineNo = firstLine;
  const admitAll = (lines: readonly string[]) => {
    const json: string[] = [];
    for (const line of lines) {
      const v = admitLine(line, lineNo, deps);
      if (v.kind === "ok") json.push(v.json);
      else if (v.kind === "rejected") rejects.push({ line: lineNo, code: v.code, message: v.message, raw: line.trim() });
      lineNo++;
    }
    if (json.length === 0) return;
    const bytes = utf8Out.encode(`${json.join("\n")}\n`);
    parts.push(bytes);
    size += bytes.length;
    accepted += json.length;
  };
  if (block instanceof Uint8Array) {
    // Slices of about sliceBytes ending at a line feed (a "\r\n" stays whole; a longer line, whole).
    for (let start = 0; start < block.length; ) {
      const lf = start + sliceBytes >= block.length ? -1 : block.indexOf(LF, start + sliceBytes - 1);
      const end = lf === -1 ? block.length : lf + 1;
      admitAll(splitLines(utf8.decode(block.subarray(start, end))));
      start = end;
    }
  } else {
    for (let i = 0; i < block.length; i += 100) admitAll(block.slice(i, i + 100));
  }
  let json = parts[0] ?? new Uint8Array(0);
  if (parts.length > 1) {
    json = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      json.set(p, at);
      at += p.length;
    }
  }
  return { lines: lineNo - firstLine, accepted, json, rejects };
}

/**
 * NDJSON bytes in blocks of about `size` bytes, each ending at a line break (the last one: where
 * the input ends), each copied once into a buffer of its own (it may be moved to a worker thread).
 */
async function* blocksOf(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let length = 0;
  /** The first `n` bytes of `parts` in one new buffer; `parts` keeps the rest (views, not copies). */
  const take = (n: number): Uint8Array => {
    const out = new Uint8Array(n);
    let at = 0;
    while (at < n) {
      const p = parts[0] as Uint8Array;
      const k = Math.min(p.length, n - at);
      out.set(k === p.length ? p : p.subarray(0, k), at);
      at += k;
      if (k === p.length) parts.shift();
      else parts[0] = p.subarray(k);
    }
    length -= n;
    return out;
  };
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    parts.push(chunk);
    length += chunk.length;
    if (length < size) continue;
    // The last line feed, looked for from the newest piece back.
    let cut = -1;
    let before = length;
    for (let i = parts.length - 1; i >= 0 && cut < 0; i--) {
      const p = parts[i] as Uint8Array;
      before -= p.length;
      const lf = p.lastIndexOf(LF);
      if (lf >= 0) cut = before + lf + 1;
    }
    if (cut > 0) yield take(cut); // else one line longer than a block: keep reading until it ends
  }
  if (length > 0) yield take(length);
  parts = [];
}

/** gzip of the pieces of a raw object, fed as they are (no copy into one buffer first). */
function gzipPieces(pieces: readonly Uint8Array[]): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const z = createGzip(RAW_GZIP);
    const out: Buffer[] = [];
    z.on("data", (b: Buffer) => out.push(b));
    z.on("end", () => ok(Buffer.concat(out)));
    z.on("error", fail);
    for (const p of pieces) z.write(p);
    z.end();
  });
}

/**
 * Bulk history straight into the lake (docs/adr/0004): every line gets the API's validation and
 * pseudonymisation; accepted events are written in chunks as raw objects whose key is the hash
 * of their content, so re-running an import rewrites the same objects instead of adding copies.
 * Duplicates across imports and the API are removed by compaction (dedupe by eventId). Memory
 * stays bounded by the chunk size (two chunks: one being compressed and written while the next
 * fills) and, with an admitter, by its blocks in flight. `lines`: one line each (a line holding
 * a line break stays one line).
 */
export const importEvents =
  (deps: ImportDeps) =>
  (lines: AsyncIterable<string> | Iterable<string>): Promise<ImportSummary> => {
    const batchLines = deps.batchLines ?? 2_000;
    return run(
      deps,
      (async function* () {
        let batch: string[] = [];
        for await (const line of lines) {
          batch.push(line);
          if (batch.length >= batchLines) {
            yield { block: batch, lines: batch.length };
            batch = [];
          }
        }
        if (batch.length) yield { block: batch, lines: batch.length };
      })(),
    );
  };

/**
 * `importEvents` over NDJSON bytes as they are read (a file, decompressed): blocks of whole lines
 * go to the admitter as bytes — no string per line on this thread — and come back as the accepted
 * events' UTF-8. The same lines, the same objects as `importEvents` over `readline`'s lines.
 */
export const importNdjson =
  (deps: ImportDeps) =>
  (chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<ImportSummary> =>
    run(
      deps,
      (async function* () {
        for await (const bytes of blocksOf(chunks, deps.blockBytes ?? 512 * 1024)) yield { block: bytes, lines: countLines(bytes) };
      })(),
    );

async function run(deps: ImportDeps, blocks: AsyncIterable<{ block: LineBlock; lines: number }>): Promise<ImportSummary> {
  const chunkSize = deps.chunkSize ?? 50_000;
  let read = 0;
  let accepted = 0;
  let rejected = 0;
  let objects = 0;
  let pieces: Uint8Array[] = [];
  let pending = 0; // accepted events in `pieces`
  const day = deps.clock.now().toISOString().slice(0, 10);

  // The chunk's bytes are hashed here (the hash of its text: the same key as ever); compression
  // (libuv's pool) and the write overlap the next chunk.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (pending === 0) return;
    const body = pieces;
    const n = pending;
    pieces = [];
    pending = 0;
    const hash = createHash("sha256");
    for (const p of body) hash.update(p);
    const key = rawBatchKey("events", day, `import-${hash.digest("hex").slice(0, 32)}`);
    const previous = writing;
    const next = (async () => {
      const gz = await gzipPieces(body);
      await previous;
      await deps.lake.put(key, gz);
      accepted += n;
      objects++;
      deps.onProgress?.({ read, accepted, rejected });
    })();
    next.catch(() => undefined); // observed by the next flush or the final await, not lost
    writing = next;
    await previous;
  };
  const take = async (v: BlockVerdict) => {
    read += v.lines;
    for (const r of v.rejects) {
      rejected++;
      deps.onReject?.(r.line, r.code, r.message, r.raw);
    }
    // Chunks of exactly chunkSize events: a block's JSON is cut after the line that fills one.
    let json = v.json;
    let k = v.accepted;
    while (k > 0) {
      const room = chunkSize - pending;
      if (k < room) {
        pieces.push(json);
        pending += k;
        return;
      }
      let end = -1;
      for (let i = 0; i < room; i++) end = json.indexOf(LF, end + 1);
      pieces.push(json.subarray(0, end + 1));
      pending += room;
      await flush();
      json = json.subarray(end + 1);
      k -= room;
    }
  };

  const admitter = deps.admitter;
  let first = 1;
  if (!admitter) {
    for await (const b of blocks) {
      await take(admitBlock(b.block, first, deps, deps.sliceBytes));
      first += b.lines;
    }
  } else {
    // Blocks go out in order and their verdicts are taken in order: the same chunks, the same keys.
    const queue: Promise<BlockVerdict>[] = [];
    for await (const b of blocks) {
      const verdict = admitter.admit(b.block, first, deps.clock.now().getTime());
      verdict.catch(() => undefined); // awaited in order below; a failure is not unhandled meanwhile
      queue.push(verdict);
      first += b.lines;
      if (queue.length >= admitter.inFlight) await take(await (queue.shift() as Promise<BlockVerdict>));
    }
    while (queue.length) await take(await (queue.shift() as Promise<BlockVerdict>));
  }
  await flush();
  await writing;
  return { read, accepted, rejected, objects };
}
