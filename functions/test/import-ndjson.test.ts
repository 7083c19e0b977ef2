/**
 * The bulk import over NDJSON bytes (importNdjson: blocks of whole lines, cut a slice at a time,
 * on this thread or on worker threads) against the import over readline's lines (importEvents,
 * as the CLI read files before): the same lines, the same refusals with the same line numbers,
 * the same raw objects — keys (the hash of their text) and content.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { createInterface } from "node:readline";
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Lake } from "../src/ports/lake.js";
import { UnitCatalog } from "@scorecard/shared";
import { AdmitPool } from "../src/adapters/local/admit-pool.js";
import { HmacHasher } from "../src/adapters/local/file-hasher.js";
import { type ImportDeps, countLines, importEvents, importNdjson, splitLines } from "../src/use-cases/ingest/import-events.js";

class MemoryLake implements Lake {
  readonly objects = new Map<string, Uint8Array>();
  async put(key: string, body: Uint8Array | string) {
    this.objects.set(key, typeof body === "string" ? new TextEncoder().encode(body) : body);
  }
  async get(key: string) {
    return this.objects.get(key);
  }
  async list(prefix: string) {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix));
  }
  async removePrefix() {}
  /** Key → the object's text, ungzipped. */
  texts() {
    return new Map([...this.objects].map(([k, v]) => [k, gunzipSync(v).toString("utf8")]));
  }
}

const dir = mkdtempSync(join(tmpdir(), "import-ndjson-"));
const keyFile = join(dir, "pseudonym.key");
const hasher = HmacHasher.fromFile(keyFile);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = Date.parse("2025-06-01T00:00:00Z");
const catalog = new UnitCatalog();
const UNIT = "DEPT-VPUBND-2020";

function deps(lake: Lake, rejects: unknown[], extra: Partial<ImportDeps> = {}): ImportDeps {
  return {
    hasher,
    clock: { now: () => new Date(NOW) },
    isKnownUnit: (u, day) => catalog.isValidOn(u, day), // as the worker threads check
    lake,
    onReject: (line, code, message, raw) => rejects.push({ line, code, message, raw }),
    ...extra,
  };
}

/** What the CLI did before: readline over the file's text. */
async function readlineLines(text: string): Promise<string[]> {
  const out: string[] = [];
  for await (const l of createInterface({ input: Readable.from([Buffer.from(text)]), crlfDelay: Infinity })) out.push(l);
  return out;
}

const event = (i: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ eventId: `E-${i}`, caseId: `C-${i % 7}`, type: "RESOLVED", occurredAt: `2025-01-${String((i % 28) + 1).padStart(2, "0")}T13:30:00+07:00`, unitId: UNIT, ...extra });
const RECEIVED = (i: number) =>
  JSON.stringify({ eventId: `R-${i}`, caseId: `C-${i}`, type: "RECEIVED", occurredAt: "2025-01-02T08:00:00+07:00", unitId: UNIT, procedureCode: "1.0", field: "LAND", channel: "DIRECT", dueAt: "2025-01-09T17:00:00+07:00", applicant: { idNumber: `0790${i}`, name: "Nguyễn Văn A" } });

/** Lines of every kind the import meets: valid events, refused ones of each reason, blanks, non-ASCII. */
const line = fc.oneof(
  { weight: 8, arbitrary: fc.nat(10_000).map((i) => event(i)) },
  { weight: 2, arbitrary: fc.nat(10_000).map(RECEIVED) },
  { weight: 1, arbitrary: fc.constantFrom("", "   ", "\t") },
  { weight: 1, arbitrary: fc.constantFrom("{not json", '{"eventId":"x","eventId":"y"}', `${"[".repeat(40)}${"]".repeat(40)}`, "[]", "null") },
  { weight: 1, arbitrary: fc.nat(100).map((i) => event(i, { unitId: "GONE-1" })) },
  { weight: 1, arbitrary: fc.nat(100).map((i) => event(i, { occurredAt: "2099-01-01T00:00:00Z" })) },
  { weight: 1, arbitrary: fc.nat(100).map((i) => event(i, { caseId: "Hồ-sơ-ễ".normalize("NFD") })) },
  { weight: 1, arbitrary: fc.nat(100).map((i) => ` ${event(i, { extra: 1 })} `) },
);
/** Files: lines joined by \n, \r\n or a lone \r, with or without a final break, a BOM sometimes. */
const file = fc
  .record({
    lines: fc.array(line, { maxLength: 60 }),
    breaks: fc.array(fc.constantFrom("\n", "\n", "\n", "\r\n", "\r"), { minLength: 60, maxLength: 60 }),
    final: fc.constantFrom("", "\n", "\r\n", "\r"),
    bom: fc.boolean(),
  })
  .map(({ lines, breaks, final, bom }) => (bom ? "\uFEFF" : "") + lines.map((l, i) => l + (i < lines.length - 1 ? breaks[i] : "")).join("") + (lines.length ? final : ""));

/** The file's bytes in pieces cut anywhere (inside a line, inside a UTF-8 sequence, between \r and \n). */
const piecesOf = (bytes: Uint8Array, cuts: number[]) => {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.slice(from, c));
    from = c;
  }
  return out;
};

describe("importNdjson ≡ importEvents over readline's lines", () => {
  it("splitLines and countLines find readline's lines", async () => {
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        const expected = await readlineLines(text);
        expect(splitLines(text)).toEqual(expected);
        expect(countLines(new TextEncoder().encode(text))).toBe(expected.length);
      }),
      { numRuns: 300 },
    );
  });

  it("same summary, same refusals and line numbers, same objects — on this thread, in blocks and slices of any size", async () => {
    await fc.assert(
      fc.asyncProperty(
        file,
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.integer({ min: 1, max: 4_000 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 2_000 }),
        async (text, cuts, blockBytes, chunkSize, sliceBytes) => {
          const a = new MemoryLake();
          const b = new MemoryLake();
          const ra: unknown[] = [];
          const rb: unknown[] = [];
          const sa = await importEvents(deps(a, ra, { chunkSize, batchLines: 7 }))(await readlineLines(text));
          const sb = await importNdjson(deps(b, rb, { chunkSize, blockBytes, sliceBytes }))(piecesOf(new TextEncoder().encode(text), cuts));
          expect(sb).toEqual(sa);
          expect(rb).toEqual(ra);
          expect(b.texts()).toEqual(a.texts());
        },
      ),
      { numRuns: 150 },
    );
  });

  it("hand-counted: 5 lines, 2 refused, 3 events in objects of 2", async () => {
    const lake = new MemoryLake();
    const rejects: { line: number; code: string }[] = [];
    const text = `${event(1)}\r\n\n{oops\r${event(2)}\n${event(3, { unitId: "GONE-2" })}\n${event(4)}`;
    const s = await importNdjson(deps(lake, rejects, { chunkSize: 2, blockBytes: 10 }))([new TextEncoder().encode(text)]);
    expect(s).toEqual({ read: 6, accepted: 3, rejected: 2, objects: 2 });
    expect(rejects.map((r) => [r.line, r.code])).toEqual([
      [3, "MALFORMED_JSON"],
      [5, "UNKNOWN_UNIT"],
    ]);
    const stored = [...lake.texts().values()].flatMap((t) => t.trim().split("\n").map((l) => (JSON.parse(l) as { eventId: string }).eventId));
    expect(stored.sort()).toEqual(["E-1", "E-2", "E-4"]);
  });
});

describe("on worker threads (AdmitPool): the same objects as on this thread", () => {
  it("a file of 20 000 lines", async () => {
    const text = `${Array.from({ length: 20_000 }, (_, i) => (i % 997 === 5 ? "{bad" : i % 5 === 0 ? RECEIVED(i) : event(i))).join("\n")}\n`;
    const bytes = new TextEncoder().encode(text);
    const here = new MemoryLake();
    const there = new MemoryLake();
    const rh: unknown[] = [];
    const rt: unknown[] = [];
    const pool = new AdmitPool({ keyFile: Promise.resolve(keyFile), workers: 2 });
    try {
      const sh = await importNdjson(deps(here, rh, { chunkSize: 3_000 }))(piecesOf(bytes, [70_000, 1_000_000, 1_000_001]));
      const st = await importNdjson(deps(there, rt, { chunkSize: 3_000, admitter: pool, blockBytes: 64 * 1024 }))(piecesOf(bytes, [70_000, 1_000_000, 1_000_001]));
      expect(st).toEqual(sh);
      expect(sh).toMatchObject({ read: 20_000, rejected: 21, objects: 7 });
      expect(rt).toEqual(rh);
      expect(there.texts()).toEqual(here.texts());
      // and the line API on workers (the seed's)
      const lines = new MemoryLake();
      await importEvents(deps(lines, [], { chunkSize: 3_000, admitter: pool }))(text.trimEnd().split("\n"));
      expect(lines.texts()).toEqual(here.texts());
    } finally {
      await pool.close();
    }
  }, 120_000);
});
