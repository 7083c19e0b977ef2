import { gunzipSync, gzipSync } from "node:zlib";

/** Records as JSON lines (one object per line, a newline after each), keys in the records' order. */
export function jsonLines(records: readonly object[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join("");
}

/** Gzipped JSON lines: what Athena's JSON SerDes read from a `.json.gz` / `.ndjson.gz` object. */
export const jsonLinesGz = (records: readonly object[]): Uint8Array => gzipSync(jsonLines(records));

/** The objects of a gzipped JSON-lines body (blank lines skipped); a malformed line throws, naming it. */
export function parseJsonLinesGz<T>(body: Uint8Array, what: string): T[] {
  const out: T[] = [];
  gunzipSync(body)
    .toString("utf8")
    .split("\n")
    .forEach((line, i) => {
      if (line.trim() === "") return;
      try {
        out.push(JSON.parse(line) as T);
      } catch (e) {
        throw new Error(`${what}, line ${i + 1}: ${(e as Error).message}`);
      }
    });
  return out;
}

/** UTC ISO instant → the text a TIMESTAMP column holds (`2024-03-01T02:00:00.000Z` → `2024-03-01 02:00:00.000`), as compaction writes it locally. */
export function sqlTimestampText(iso: string | undefined | null): string | null {
  if (iso === undefined || iso === null) return null;
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) throw new RangeError(`not an instant: ${iso}`);
  return t.toISOString().replace("T", " ").replace("Z", "");
}
