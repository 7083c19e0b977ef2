/**
 * What JSON.parse silently tolerates but an ingestion boundary must not (reliability §b rows 5–6):
 * duplicate keys (JSON.parse keeps the last one, another parser may keep the first) and absurd
 * nesting. Call on text that JSON.parse has already accepted: this scanner trusts the syntax.
 */
export type JsonProblem = { readonly code: "DUPLICATE_KEY"; readonly key: string } | { readonly code: "TOO_DEEP"; readonly depth: number };

export function findJsonProblem(text: string, maxDepth = 32): JsonProblem | undefined {
  const stack: { keys: Set<string> | null; expectKey: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = i + 1;
      while (j < text.length) {
        const d = text.charCodeAt(j);
        if (d === 0x5c) j += 2;
        else if (d === 0x22) break;
        else j++;
      }
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return { code: "DUPLICATE_KEY", key };
        top.keys.add(key);
        top.expectKey = false;
      }
      i = j;
    } else if (c === 0x7b || c === 0x5b) {
      stack.push({ keys: c === 0x7b ? new Set() : null, expectKey: c === 0x7b });
      if (stack.length > maxDepth) return { code: "TOO_DEEP", depth: stack.length };
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
    }
  }
  return undefined;
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
