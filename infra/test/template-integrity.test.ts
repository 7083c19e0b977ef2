import { describe, expect, it } from "vitest";
import { synthesized } from "./support/synth.js";

const { json } = synthesized();

/** Logical ids a value refers to (Ref, Fn::GetAtt, Fn::Sub ${X} / ${X.Attr}). */
function references(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) references(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "Ref" && typeof v === "string") out.add(v);
      else if (k === "Fn::GetAtt") out.add(Array.isArray(v) ? String(v[0]) : String(v).split(".")[0]!);
      else if (k === "Fn::Sub") for (const m of JSON.stringify(v).matchAll(/\$\{([A-Za-z0-9]+)[.}]/g)) out.add(m[1]!);
      else references(v, out);
    }
  }
  return out;
}

/** The first dependency cycle among a template's resources, or undefined. */
function cycle(resources: Record<string, { Properties?: unknown; DependsOn?: unknown }>): string[] | undefined {
  const edges = new Map<string, string[]>();
  for (const [id, r] of Object.entries(resources)) {
    const deps = references(r.Properties);
    for (const d of [r.DependsOn ?? []].flat()) deps.add(String(d));
    edges.set(id, [...deps].filter((d) => d in resources));
  }
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === "done") return undefined;
    if (state.get(id) === "open") return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, "open");
    stack.push(id);
    for (const d of edges.get(id) ?? []) {
      const found = visit(d);
      if (found) return found;
    }
    stack.pop();
    state.set(id, "done");
    return undefined;
  };
  for (const id of edges.keys()) {
    const found = visit(id);
    if (found) return found;
  }
  return undefined;
}

describe("Template integrity", () => {
  it.each(["dev", "prod"] as const)("has no circular dependency in %s (CloudFormation would refuse it)", (stage) => {
    expect(cycle(json[stage].Resources)).toBeUndefined();
  });

  it.each(["dev", "prod"] as const)("names no account id literally in %s (env-agnostic account)", (stage) => {
    expect(JSON.stringify(json[stage])).not.toMatch(/\b\d{12}\b/);
  });
});
