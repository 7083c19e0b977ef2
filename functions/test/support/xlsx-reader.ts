/**
 * An XLSX reader for tests, independent of the writer: the zip's central directory read by hand,
 * entries inflated with node:zlib, the sheet XML read with regular expressions. Cells come back as
 * numbers (no type attribute, or t="n") or strings (shared or inline), by their A1 reference.
 */
import { inflateRawSync } from "node:zlib";

function unzip(buf: Buffer): Map<string, string> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip file");
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error("bad central directory");
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString("utf8");
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString("utf8"));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
const texts = (xml: string) => [...xml.matchAll(/<t(?: [^>]*)?>([\s\S]*?)<\/t>|<t(?: [^>]*)?\/>/g)].map((m) => unescape(m[1] ?? "")).join("");

export interface ReadSheet {
  readonly name: string;
  /** Cells by reference ("B3"). */
  readonly cells: ReadonlyMap<string, string | number>;
  /** Rows as arrays (1-based row numbers → values by column index from 0). */
  readonly rows: ReadonlyMap<number, (string | number | undefined)[]>;
}

export function readXlsx(buf: Buffer): ReadSheet[] {
  const files = unzip(buf);
  const shared = [...(files.get("xl/sharedStrings.xml") ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1] ?? ""));
  const workbook = files.get("xl/workbook.xml") ?? "";
  const rels = files.get("xl/_rels/workbook.xml.rels") ?? "";
  const target = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const targetAlt = new Map([...rels.matchAll(/<Relationship [^>]*Target="([^"]+)"[^>]*Id="([^"]+)"/g)].map((m) => [m[2], m[1]]));
  return [...workbook.matchAll(/<sheet ([^>]*)\/?>/g)].map((s) => {
    const m = [s[0], /name="([^"]+)"/.exec(s[1] ?? "")?.[1], /r:id="([^"]+)"/.exec(s[1] ?? "")?.[1] ?? ""] as const;
    const rel = target.get(m[2]) ?? targetAlt.get(m[2]) ?? "";
    const xml = files.get(rel.startsWith("/") ? rel.slice(1) : `xl/${rel}`) ?? "";
    const cells = new Map<string, string | number>();
    const rows = new Map<number, (string | number | undefined)[]>();
    for (const c of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const [, col, row, attrs, body] = c as unknown as [string, string, string, string, string | undefined];
      const type = /t="([^"]+)"/.exec(attrs)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body ?? "")?.[1];
      const value = type === "s" ? shared[Number(v)] : type === "inlineStr" ? texts(body ?? "") : type === "str" ? unescape(v ?? "") : v === undefined ? undefined : Number(v);
      if (value === undefined) continue;
      cells.set(`${col}${row}`, value);
      const index = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const line = rows.get(Number(row)) ?? [];
      line[index] = value;
      rows.set(Number(row), line);
    }
    return { name: unescape(m[1] ?? ""), cells, rows };
  });
}
