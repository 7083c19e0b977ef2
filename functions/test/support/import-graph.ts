/**
 * The import graph of a source tree, read from the files' own import statements (relative
 * specifiers; `.js` names the `.ts` file), and the two rules the architecture test keeps on it:
 * the stages of functions/src/use-cases import forward only, and no files import each other in a
 * circle. Pure functions over the graph, so the test can plant a violation and see it caught.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** file (relative to the tree) → the files it imports (relative to the tree). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const SPECIFIER = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["'](\.{1,2}\/[^"']+)["']|import\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : f.endsWith(".ts") && !f.endsWith(".d.ts") ? [p] : [];
  });
}

export function importGraph(root: string): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, "utf8");
    const targets = new Set<string>();
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = (m[1] ?? m[2]) as string;
      const target = resolve(dirname(file), spec.replace(/\.js$/, ".ts"));
      if (target.startsWith(root)) targets.add(relative(root, target));
    }
    graph.set(relative(root, file), [...targets].sort());
  }
  return graph;
}

/** The stages of a use case's path to a ranking cell, in order: a stage imports only itself and earlier ones. */
export const STAGES = ["ingest", "compact", "score", "ratings", "publish", "read", "admin", "jobs"] as const;

const stageOf = (file: string): number => {
  const m = /^use-cases\/([^/]+)\//.exec(file);
  return m ? (STAGES as readonly string[]).indexOf(m[1] as string) : -1;
};

/** Imports from a later stage into an earlier one (`from → to`), use-case files outside every stage, and ports/ or lib/ importing above themselves. */
export function backwardImports(graph: ImportGraph): string[] {
  const found: string[] = [];
  for (const [from, targets] of graph) {
    // ports/ and lib/ sit below everything: they import only their own folder.
    const base = /^(ports|lib)\//.exec(from)?.[1];
    if (base !== undefined) {
      for (const to of targets) if (!to.startsWith(`${base}/`)) found.push(`${from} → ${to}: ${base}/ imports only ${base}/`);
      continue;
    }
    if (!from.startsWith("use-cases/")) continue;
    const s = stageOf(from);
    if (s < 0) {
      found.push(`${from}: not in a stage folder (${STAGES.join(", ")})`);
      continue;
    }
    for (const to of targets) {
      if (/^(adapters|handlers|http|local)\//.test(to)) found.push(`${from} → ${to}: a use case imports no adapter, handler or runtime`);
      const t = stageOf(to);
      if (t > s) found.push(`${from} → ${to}: ${STAGES[s]} imports the later stage ${STAGES[t]}`);
    }
  }
  return found;
}

/** Groups of two or more files that import each other in a circle (Tarjan's strongly connected components). */
export function circles(graph: ImportGraph): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        on.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}
