/**
 * findJsonProblem (src/lib/json-guard.ts) was rewritten for the bulk import's speed (no
 * allocation per value). Its answers must not change: the first implementation is kept here as
 * the oracle, and both read JSON texts built with repeated keys (also repeated through escapes:
 * "a" and "\u0061"), escaped quotes and backslashes, whitespace, and nesting around the limit —
 * with and without the parsed value (which lets it count keys instead of collecting them).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type JsonProblem, findJsonProblem } from "../src/lib/json-guard.js";

/** The implementation before the rewrite (commit 792e2af), verbatim. */
function oracle(text: string, maxDepth = 32): JsonProblem | undefined {
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

/** Key spellings: several decode to the same key ("a", "\u0061"), some hold escaped quotes and backslashes. */
const KEY_TEXT = ['"__proto__"', '"a"', '"\\u0061"', '"b"', '"a\\"b"', '"a\\\\"', '"\\\\"', '"{"', '"}"', '","', '"["', '"x y"', '"ễ"', '""', '"\\"\\""'];
const SCALAR_TEXT = ["1", "-2.5e3", "true", "false", "null", '"s"', '"\\""', '"\\\\"', '"a\\\\\\"b"', '"{[,]}"', '"\\u005c"'];
const ws = fc.constantFrom("", "", " ", "\n", "\t ");

type Tree = { kind: "scalar"; text: string } | { kind: "array"; items: Tree[] } | { kind: "object"; entries: [string, Tree][] };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...SCALAR_TEXT).map((text) => ({ kind: "scalar" as const, text })),
    fc.array(tie("node"), { maxLength: 4 }).map((items) => ({ kind: "array" as const, items })),
    fc.array(fc.tuple(fc.constantFrom(...KEY_TEXT), tie("node")), { maxLength: 5 }).map((entries) => ({ kind: "object" as const, entries })),
  ),
})).node;

const render = (t: Tree, pad: string): string =>
  t.kind === "scalar"
    ? t.text
    : t.kind === "array"
      ? `[${pad}${t.items.map((x) => render(x, pad)).join(`,${pad}`)}${pad}]`
      : `{${pad}${t.entries.map(([k, v]) => `${k}${pad}:${pad}${render(v, pad)}`).join(`,${pad}`)}${pad}}`;

/** Nesting around the limit: depth d of objects or arrays around a value. */
const deep = fc
  .tuple(fc.integer({ min: 28, max: 36 }), fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }), fc.constantFrom(...SCALAR_TEXT))
  .map(([d, kinds, leaf]) => {
    let s = leaf;
    for (let i = 0; i < d; i++) s = kinds[i] ? `{"k${i % 2}":${s}}` : `[${s}]`;
    return s;
  });

describe("findJsonProblem: the rewrite answers as the first implementation did", () => {
  it("on random JSON texts with repeated keys, escapes and whitespace", () => {
    let problems = 0;
    fc.assert(
      fc.property(tree, ws, fc.integer({ min: 1, max: 6 }), (t, pad, maxDepth) => {
        const text = render(t, pad);
        JSON.parse(text); // the scanner's precondition: text JSON.parse accepts
        const expected = oracle(text, maxDepth);
        if (expected) problems++;
        expect(findJsonProblem(text, maxDepth)).toEqual(expected);
        expect(findJsonProblem(text, maxDepth, JSON.parse(text))).toEqual(expected); // the counting path
      }),
      { numRuns: 3_000 },
    );
    expect(problems).toBeGreaterThan(300); // the corpus reaches duplicates and depth in earnest
  });

  it("on nesting around the default limit of 32", () => {
    fc.assert(
      fc.property(deep, (text) => {
        JSON.parse(text);
        expect(findJsonProblem(text)).toEqual(oracle(text));
        expect(findJsonProblem(text, 32, JSON.parse(text))).toEqual(oracle(text));
      }),
    );
  });

  it("names the repeated key, decoded", () => {
    expect(findJsonProblem('{"a":1,"\\u0061":2}')).toEqual({ code: "DUPLICATE_KEY", key: "a" });
    expect(findJsonProblem('{"a":{"b":1},"c":[{"b":2,"b":3}]}')).toEqual({ code: "DUPLICATE_KEY", key: "b" });
    expect(findJsonProblem('{"a\\"":1,"a\\"":2}')).toEqual({ code: "DUPLICATE_KEY", key: 'a"' });
    expect(findJsonProblem('{"a":{"x":1},"b":{"x":1}}')).toBeUndefined();
  });
});
