/**
 * What JSON.parse silently tolerates but an ingestion boundary must not (reliability §b rows 5–6):
 * duplicate keys (JSON.parse keeps the last one, another parser may keep the first) and absurd
 * nesting. Call on text that JSON.parse has already accepted: this scanner trusts the syntax.
 */
export type JsonProblem = { readonly code: "DUPLICATE_KEY"; readonly key: string } | { readonly code: "TOO_DEEP"; readonly depth: number };

/** `parsed`: JSON.parse(text), when the caller has it (a faster answer for texts without a problem). */
export function findJsonProblem(text: string, maxDepth = 32, parsed?: unknown): JsonProblem | undefined {
  // With the value JSON.parse made of `text`: a text whose keys, counted, are as many as the value's
  // (JSON.parse keeps one of each repeated key) and that nests no deeper than allowed has no
  // problem — one pass with no set of keys. Otherwise (or without it) the scan below names the first.
  if (parsed !== undefined && fitsWithoutRepeats(text, maxDepth, parsed)) return undefined;
  // One pass, no allocation per value: strings are skipped with indexOf, keys are only decoded when
  // they hold an escape, and each depth reuses one set of keys (containers at one depth follow
  // one another, never overlap).
  const keysAt: (Set<string> | null)[] = [];
  const sets: Set<string>[] = [];
  let depth = 0;
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = closingQuote(text, i);
      if (j < 0) j = n;
      const keys = depth > 0 ? keysAt[depth - 1] : null;
      if (keys && expectKey) {
        let key = text.slice(i + 1, j);
        if (key.includes("\\")) key = JSON.parse(text.slice(i, j + 1)) as string;
        if (keys.has(key)) return { code: "DUPLICATE_KEY", key };
        keys.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > maxDepth) return { code: "TOO_DEEP", depth };
      if (c === 0x7b) {
        const set = (sets[depth - 1] ??= new Set());
        set.clear();
        keysAt[depth - 1] = set;
        expectKey = true;
      } else {
        keysAt[depth - 1] = null;
        expectKey = false;
      }
    } else if (c === 0x7d || c === 0x5d) {
      if (depth > 0) depth--;
      expectKey = false;
    } else if (c === 0x2c) {
      expectKey = depth > 0 && keysAt[depth - 1] !== null;
    }
  }
  return undefined;
}

/** Does `text` nest at most `maxDepth` deep with exactly as many keys as `parsed` holds? */
function fitsWithoutRepeats(text: string, maxDepth: number, parsed: unknown): boolean {
  if (maxDepth > 32) return false; // one bit per depth below: deeper limits take the full scan
  let objects = 0; // bit d - 1 set: the container at depth d is an object, not an array
  let depth = 0;
  let expectKey = false;
  let keys = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const j = closingQuote(text, i);
      if (j < 0) return false;
      if (expectKey) {
        keys++;
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > maxDepth) return false;
      if (c === 0x7b) objects |= 1 << (depth - 1);
      else objects &= ~(1 << (depth - 1));
      expectKey = c === 0x7b;
    } else if (c === 0x7d || c === 0x5d) {
      if (depth > 0) depth--;
      expectKey = false;
    } else if (c === 0x2c) {
      expectKey = depth > 0 && (objects & (1 << (depth - 1))) !== 0;
    }
  }
  return keys === keysIn(parsed);
}

/** Keys of a parsed JSON value at every depth (called only on values no deeper than the limit). */
function keysIn(v: unknown): number {
  if (v === null || typeof v !== "object") return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (const x of v) n += keysIn(x);
    return n;
  }
  for (const k in v) n += 1 + keysIn((v as Record<string, unknown>)[k]);
  return n;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decode UTF-8 strictly: invalid bytes are an error, never silently replaced. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The index of the quote that closes the string opened at `open` (a quote after an even run of backslashes), or -1. */
function closingQuote(text: string, open: number): number {
  let j = open + 1;
  for (;;) {
    j = text.indexOf('"', j);
    if (j < 0) return -1;
    let slashes = 0;
    while (text.charCodeAt(j - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return j;
    j++;
  }
}
